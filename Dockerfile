FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1

# Pango and HarfBuzz for WeasyPrint; fonts for readable PDFs; gettext for translations.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
       libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY . .
RUN pip install -e . --config-settings editable_mode=compat

RUN DEBUG=1 python manage.py collectstatic --noinput \
    && useradd --create-home stagebeheer \
    && mkdir -p /app/media && chown stagebeheer /app/media
USER stagebeheer

EXPOSE 8000
CMD ["gunicorn", "stagebeheer.wsgi:application", "--config", "gunicorn.conf.py"]

# Stagebeheer: `make run` serves the app with demo data, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

export DEBUG ?= 1
# Links in e-mails point at the address this server is reached at.
export SITE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test install check-system migrate lint format messages worker beat reminders loadtest clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Stagebeheer heeft Python 3.11 nodig (gevonden: " + sys.version.split()[0] + ").")'
	@$(PYTHON) -m venv $(VENV) || { echo "Kan geen virtualenv maken. Installeer: sudo apt-get install -y python3.11-venv"; exit 1; }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]" --config-settings editable_mode=compat
	@touch $(STAMP)

install: $(STAMP)

# WeasyPrint needs Pango from the operating system; say which packages instead of failing obscurely.
check-system: install
	@$(BIN)/python -c "import weasyprint" 2>/dev/null || { \
		echo "WeasyPrint vindt de systeembibliotheken voor PDF's niet (Pango, HarfBuzz)."; \
		echo "Installeer ze met: sudo apt-get install -y libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"; \
		exit 1; }

migrate: install
	$(BIN)/python manage.py migrate --noinput

run: check-system migrate
	$(BIN)/python manage.py seed_demo --if-empty
	@echo "Stagebeheer draait op http://127.0.0.1:$(PORT) (aanmelden: coordinator / demo-stage-2026)"
	@echo "Herinneringen versturen: make reminders (of met een broker: make worker en make beat)"
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: check-system
	$(BIN)/pytest -n auto

worker: install
	$(BIN)/celery -A stagebeheer worker --loglevel=info

beat: install
	$(BIN)/celery -A stagebeheer beat --loglevel=info --schedule /tmp/stagebeheer-beat-schedule

reminders: migrate
	$(BIN)/python manage.py send_reminders

# Seeds scale 10 into the PostgreSQL database stagebeheer_load on 127.0.0.1 (dropped first), serves
# it with gunicorn and production settings, and drives it with locust (benchmarks/load.py).
loadtest: install
	$(BIN)/python benchmarks/load.py

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Dutch is the source language; English lives in locale/en.
messages: install
	$(BIN)/python manage.py makemessages --locale en --add-location file --ignore ".venv/*" --ignore "static/vendor/*" --ignore "tests/*" --ignore "benchmarks/*"
	$(BIN)/python manage.py compilemessages --locale en --ignore ".venv/*"

clean:
	rm -rf $(VENV) staticfiles

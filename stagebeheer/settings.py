"""Settings for Stagebeheer, read from environment variables (see ``.env.example``).

Without any environment the project runs on an SQLite file with Celery tasks executed
in-process, so a newcomer needs nothing but Python. ``DATABASE_URL`` switches to PostgreSQL and
``CELERY_BROKER_URL`` to a Redis broker.
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from stagebeheer.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY", default="dev-only-insecure-key" if DEBUG else None)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env_str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "core.admin.ScopedAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "simple_history",
    "axes",
    "core",
    "internships",
    "compliance",
    "documents",
    "evaluations",
    "logbook",
    "attendance",
    "visits",
    "surveys",
    "portal",
    "dashboards",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.locale.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "core.http.PersonalPagesMiddleware",
    "internships.middleware.PrincipalMiddleware",
    "internships.middleware.SchoolYearMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "stagebeheer.urls"
WSGI_APPLICATION = "stagebeheer.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "internships.context_processors.navigation",
                "portal.context_processors.link_holder",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", default=60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the Celery worker and the web process use the file at the same time.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "internships.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "core.auth.StaffBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboards:home"
LOGOUT_REDIRECT_URL = "login"

# Five failed logins lock a username from that address for an hour; the lockout combines both
# so a school's shared NAT address does not lock out every colleague.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LANGUAGE_CODE = "nl-be"
LANGUAGES = [("nl-be", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

_REDIS_CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache"}
CACHES = {
    "default": {**_REDIS_CACHE, "LOCATION": env_str("REDIS_CACHE_URL")}
    if env_str("REDIS_CACHE_URL", default="")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Pages built from a school's data (the dashboards), keyed by the school's generation
    # (core.freshness). Only a cache every process shares can hold them: without Redis nothing
    # is stored.
    "template_fragments": {**_REDIS_CACHE, "LOCATION": env_str("REDIS_CACHE_URL")}
    if env_str("REDIS_CACHE_URL", default="")
    else {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# With a cache all workers share (Redis), a session is read from it and written through to the
# database; a per-process cache could keep serving a session another worker ended.
if env_str("REDIS_CACHE_URL", default=""):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Celery: without a broker, tasks run eagerly in the calling process.
_BROKER = env_str("CELERY_BROKER_URL", default="")
# Without a broker kombu would look for one on localhost; the in-memory transport is never used
# since every task then runs eagerly.
CELERY_BROKER_URL = _BROKER or "memory://"
CELERY_TASK_ALWAYS_EAGER = not _BROKER
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_IMPORTS = ("internships.periodic",)

# The reminders, per school (each app owns its task): task name → when beat runs it.
REMINDER_TASKS = {
    "internships.periodic.send_agreement_reminders": {"hour": 7, "minute": 0},
    "evaluations.tasks.send_evaluation_reminders": {"hour": 7, "minute": 10},
    "attendance.tasks.send_week_reminders": {"hour": 7, "minute": 20, "day_of_week": "mon"},
    "visits.tasks.send_visit_reminders": {"hour": 7, "minute": 30, "day_of_week": "mon"},
}

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env_int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", default="Stagebeheer <noreply@stagebeheer.be>")

# Production hardening; behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER_ENABLED=1.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if env_bool("SECURE_PROXY_SSL_HEADER_ENABLED", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_AGE = 60 * 60 * 10
# School computers are shared: a session ends when the browser closes, and after a school day.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # Celery logs every task it ran; the demo data alone runs hundreds in-process.
        "celery.app.trace": {"level": "WARNING"},
        # WeasyPrint logs every page it lays out.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

PAGINATE_BY = 25

# Planning visits (visits app): a geocoding provider for workplaces (geopy: "" for none, or
# "nominatim" with VISITS_GEOCODER_USER_AGENT), a routing service for distances (routingpy:
# "" for none, "osrm" or "ors" with VISITS_ROUTING_URL / VISITS_ROUTING_API_KEY); without one,
# straight-line distance times the road factor, at the average speed.
VISITS_GEOCODER = env_str("VISITS_GEOCODER", default="")
VISITS_GEOCODER_USER_AGENT = env_str("VISITS_GEOCODER_USER_AGENT", default="stagebeheer")
VISITS_ROUTING = env_str("VISITS_ROUTING", default="")
VISITS_ROUTING_URL = env_str("VISITS_ROUTING_URL", default="")
VISITS_ROUTING_API_KEY = env_str("VISITS_ROUTING_API_KEY", default="")
VISITS_ROAD_FACTOR = float(env_str("VISITS_ROAD_FACTOR", default="1.3"))
VISITS_AVERAGE_SPEED_KMH = env_int("VISITS_AVERAGE_SPEED_KMH", default=50)

# Personal links: a client address that opens this many unknown, expired or revoked tokens
# within the window is refused for the rest of it (429).
ACCESS_LINK_ATTEMPTS_PER_WINDOW = env_int("ACCESS_LINK_ATTEMPTS_PER_WINDOW", default=20)
ACCESS_LINK_ATTEMPT_WINDOW_SECONDS = 15 * 60
# Password reset: this many requests an hour from one client address, and for one e-mail
# address (each sends an e-mail).
PASSWORD_RESET_ATTEMPTS_PER_WINDOW = env_int("PASSWORD_RESET_ATTEMPTS_PER_WINDOW", default=5)
PASSWORD_RESET_WINDOW_SECONDS = 60 * 60

# Processes that render the dossiers of an inspection export in parallel (default: one per core).
DOCUMENTS_EXPORT_PROCESSES = env_int("DOCUMENTS_EXPORT_PROCESSES", default=0) or None

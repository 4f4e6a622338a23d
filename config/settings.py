"""Settings for Fusietoets, read from the environment.

Local development needs no configuration at all: SQLite and DEBUG on, so that
`make run` works on a fresh machine. Production mode (PRODUCTIE=1) turns DEBUG
off and insists on a secret key and allowed hosts from the environment.
"""

import ipaddress
import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


PRODUCTIE = envbool("PRODUCTIE", False)
DEBUG = envbool("DEBUG", not PRODUCTIE)

if PRODUCTIE:
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    if len(SECRET_KEY) < 50:
        raise ImproperlyConfigured(
            "PRODUCTIE=1 vereist een SECRET_KEY van minstens 50 tekens in de omgeving."
        )
    ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", [])
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("PRODUCTIE=1 vereist ALLOWED_HOSTS in de omgeving.")
else:
    # Only for local development; production refuses to start without its own key.
    SECRET_KEY = os.environ.get(
        "SECRET_KEY", "ontwikkeling-alleen-lokaal-0b7c2e9a4f6d8e1c3a5b7d9f0e2c4a6b8d"
    )
    ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "weergave",
    "paginacache",
    "gebruikers",
    "casussen",
    "kader",
    "afweging",
    "review",
    "businesscase",
    "evaluatie",
    "benchmark",
    "uitwisseling",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Refuses a body too large (413) or not UTF-8 (400) before anything reads it: the
    # CSRF check reads it in process_view, which runs after every __call__.
    "config.verzoeken.VerzoekMiddleware",
    # Pages for a logged-in user are never stored by a browser or proxy.
    "config.vertrouwelijk.VertrouwelijkMiddleware",
    # Every page needs a login, except the views marked @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # A change of someone's roles or rights is recorded in the name of who is logged in.
    "gebruikers.rolwijzigingen.NamensMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

# The largest request body read, on every URL (no URL takes a file): a larger one is
# refused with 413 before it is read. Django's own limit for form fields is the same.
VERZOEK_MAX_BYTES = envint("VERZOEK_MAX_BYTES", 2_621_440)  # 2,5 MB, Django's default
DATA_UPLOAD_MAX_MEMORY_SIZE = VERZOEK_MAX_BYTES

# Login throttling: after AXES_FAILURE_LIMIT wrong passwords for one username from one
# address, or INLOGLIMIET_PER_ADRES from one address over all usernames, logging in is
# refused for AXES_COOLOFF_TIME. The address is the client's, also behind the
# VERTROUWDE_PROXIES reverse proxies in front of the app (gebruikers/inloggen.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/geblokkeerd.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "gebruikers.inloggen.axes_gebruikersnaam"
AXES_HANDLER = "gebruikers.inloggen.Inloghandler"
AXES_CLIENT_IP_CALLABLE = "gebruikers.inloggen.client_adres"
INLOGLIMIET_PER_ADRES = envint("INLOGLIMIET_PER_ADRES", 20)
# 0: the app faces the clients itself and X-Forwarded-For, which anyone can send, is ignored.
VERTROUWDE_PROXIES = envint("VERTROUWDE_PROXIES", 0)
# The header is believed only from these networks (the proxies' own addresses): by default
# loopback and the private ranges, where a reverse proxy usually sits.
VERTROUWDE_PROXY_NETWERKEN = [
    n.strip()
    for n in os.environ.get(
        "VERTROUWDE_PROXY_NETWERKEN",
        "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7",
    ).split(",")
    if n.strip()
]
for _netwerk in VERTROUWDE_PROXY_NETWERKEN:
    try:
        ipaddress.ip_network(_netwerk, strict=False)
    except ValueError as fout:
        raise ImproperlyConfigured(f"VERTROUWDE_PROXY_NETWERKEN: {fout}") from fout

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
            ],
        },
    },
]

# SQLite by default so that a new user runs the app without a database server;
# DATABASE_URL (postgres://...) switches to PostgreSQL, as in production and CI.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Tests on SQLite use a file, as the app does: an in-memory test database shared between
    # the live server's threads and the test locks whole tables (SQLITE_LOCKED, which is not
    # retried), so a reload and an autosave at the same moment failed the browser tests under
    # load; a file waits its turn (the busy timeout), like the app on a user's machine.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"fusietoets-test-{os.getpid()}.sqlite3")
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "gebruikers.Gebruiker"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# The project's wording of a few Django messages (locale/nl/LC_MESSAGES/django.po).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTIE
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Rendered page content is cached per process (see paginacache/templatetags/paginacache.py),
# keyed on the state of the data it shows, so nothing needs to be shared or cleared.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fusietoets",
        "TIMEOUT": envint("PAGINACACHE_SECONDEN", 60 * 60),
        "OPTIONS": {"MAX_ENTRIES": envint("PAGINACACHE_MAX", 500)},
    },
    # Counts that limit requests (password reset), apart so that pages never push them out.
    "beperkingen": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fusietoets-beperkingen",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}
# Password reset mails per e-mail address and per client address, per window (per process).
WACHTWOORDHERSTEL_PER_EMAIL = envint("WACHTWOORDHERSTEL_PER_EMAIL", 3)
WACHTWOORDHERSTEL_PER_ADRES = envint("WACHTWOORDHERSTEL_PER_ADRES", 10)
WACHTWOORDHERSTEL_VENSTER_SECONDEN = envint("WACHTWOORDHERSTEL_VENSTER_SECONDEN", 60 * 60)

# A PDF is made in a child process that is killed after this many seconds (config/pdf.py):
# the longest afweging the text limits allow takes a few (`make bench`, pdf_grootste_s), and
# gunicorn's own timeout (gunicorn.conf.py) does not stop a busy request thread.
PDF_MAX_SECONDEN = envint("PDF_MAX_SECONDEN", 20)
# How many PDFs one process makes at once (config/pdf.py); one more is refused with a 503
# and Retry-After instead of starting yet another child on the same cores.
PDF_GELIJKTIJDIG = envint("PDF_GELIJKTIJDIG", 2)

SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 8 * 60 * 60)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

if PRODUCTIE:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_REFERRER_POLICY = "same-origin"

# E-mail goes to the console unless SMTP is configured: EMAIL_BACKEND=
# django.core.mail.backends.smtp.EmailBackend with EMAIL_HOST and friends.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "fusietoets@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "config.staticfinders.PlotlyFinder",
]

# Absolute address of the app, for links in e-mails.
BASIS_URL = os.environ.get("BASIS_URL", "http://127.0.0.1:8000")

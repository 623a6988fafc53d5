"""Settings shared by every environment. Everything that differs between machines comes from the
environment (12-factor); see README "Configuration"."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("CASEREVIEW_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def database_from_env():
    """DATABASE_URL selects the server (PostgreSQL in production); without it an embedded SQLite file
    under var/ is used so a fresh machine needs nothing running."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        return sqlite_database(VAR_DIR / "casereview.sqlite3")
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except Exception as exc:  # dj-database-url raises several types for a malformed URL
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a database URL dj-database-url understands ({exc}). "
            "Expected e.g. postgres://USER@HOST:5432/NAME"
        ) from None
    if not config.get("ENGINE") or not config.get("NAME"):
        raise ImproperlyConfigured(
            "DATABASE_URL must name an engine and a database, e.g. postgres://USER@HOST:5432/NAME"
        )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        return sqlite_database(config["NAME"])
    if config["ENGINE"] == "django.db.backends.postgresql":
        config.setdefault("OPTIONS", {})
        config["OPTIONS"]["options"] = " ".join(
            filter(None, [config["OPTIONS"].get("options", ""), postgresql_session_options()])
        )
    return config


def postgresql_session_options():
    """Settings for every session the app opens on PostgreSQL (libpq's `options`).

    No parallel workers for a query (CASEREVIEW_PG_PARALLEL_WORKERS, default 0): a page's queries read one
    partnership's rows through an index in a few milliseconds, and starting workers for one costs more than
    it saves (the largest partnership's action counts: 16-21 ms with two workers, 7-12 ms without, on two
    cores), while under many clients the workers only compete with the other requests."""
    workers = env_int("CASEREVIEW_PG_PARALLEL_WORKERS", 0)
    return f"-c max_parallel_workers_per_gather={workers}"


# How long a write waits for another process's write to finish before giving up (seconds).
SQLITE_BUSY_TIMEOUT_SECONDS = 20


def sqlite_database(name):
    """The embedded database shared by the web server and the task worker (two processes).

    WAL lets readers carry on while one process writes; the busy timeout makes a writer wait its turn
    instead of failing at once; IMMEDIATE transactions take the write lock when the transaction begins,
    so a transaction that read first can never be refused when it later writes (with SQLite's default
    deferred transactions that upgrade fails at once with "database is locked", whatever the timeout).
    """
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": name,
        "OPTIONS": {
            "timeout": SQLITE_BUSY_TIMEOUT_SECONDS,
            "transaction_mode": "IMMEDIATE",
            # 64 MiB of page cache and reads through a memory map (instead of 2 MiB and a system call a
            # page): a search checks thousands of full-text matches against the entries' index
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;",
        },
    }


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "casereview.core",
    "casereview.accounts",
    "casereview.audit",
    "casereview.notifications",
    "casereview.incidents",
    "casereview.decisions",
    "casereview.reviews",
    "casereview.actionplans",
    "casereview.documents",
    "casereview.publication",
    "casereview.library",
    "casereview.reporting",
    "casereview.scale",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The client's address reaches the audit trail through a context variable, not through the services.
    "casereview.audit.context.ClientAddressMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "casereview.core.middleware.SessionRenewalMiddleware",
    "casereview.core.middleware.NoStoreExportsMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A form too large to read is refused with a page that says so, before the CSRF check reads it.
    "casereview.core.middleware.RefuseTooMuchSentMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "casereview.core.middleware.RefuseCutOffUploadMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A NUL in the query string is refused here, once, rather than reaching the database as a 500.
    "casereview.core.middleware.RefuseNullInQueryMiddleware",
    # Every page needs a signed-in user unless its view is marked public (core.access.public_view).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Which device proved the second factor (django-otp), then: those who must prove one are asked for it.
    "casereview.accounts.middleware.OTPMiddleware",
    "casereview.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    # Our own "Page not found" for a record's 404 in development too (DEBUG), not Django's URL listing.
    "casereview.core.middleware.OwnNotFoundPageMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "casereview" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "casereview.accounts.context_processors.navigation",
            ],
            # `date` written out for the pages' formats, in place of Django's (core/templatetags/dates.py)
            "builtins": ["casereview.core.templatetags.dates"],
        },
    },
]

DATABASES = {"default": database_from_env()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, reading the user with a query compiled once (accounts/backends.py). Sessions
    # signed in under django.contrib.auth.backends.ModelBackend are asked to sign in again.
    "casereview.accounts.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# How often the safeguarding partners check a running review's time and quality (SI 2018/789 reg 14 says
# "at regular intervals"; three months follows the executive group's quarterly meetings).
REVIEW_MONITORING_MONTHS = env_int("CASEREVIEW_REVIEW_MONITORING_MONTHS", 3)


# Idle expiry: the cookie's age is renewed at most once a minute (core.middleware.SessionRenewalMiddleware,
# not a write on every request), so it lapses after this long without a request.
SESSION_IDLE_MINUTES = env_int("CASEREVIEW_SESSION_IDLE_MINUTES", 30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = False
# Django's database sessions, read with a query compiled once (core/sessions.py)
SESSION_ENGINE = "casereview.core.sessions"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Lockout (django-axes): after this many failures for one username from one address, sign-in is refused
# until the cool-off ends or an administrator runs `manage.py axes_reset`.
AXES_FAILURE_LIMIT = env_int("CASEREVIEW_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("CASEREVIEW_LOGIN_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

# Password resets: an address is sent at most this many links an hour (more requests look the same on the
# page but send nothing), and one client may ask at most this many times an hour, whatever the addresses.
PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("CASEREVIEW_RESET_LIMIT_PER_ADDRESS", 3)
PASSWORD_RESET_LIMIT_PER_CLIENT = env_int("CASEREVIEW_RESET_LIMIT_PER_CLIENT", 20)

# Two-factor sign-in (TOTP, django-otp): those who may open a child's identity (the business manager and the
# chair) and system administrators enter a code from an authenticator app after their password. Always on
# in production (prod.py); off by default in development so the demo signs in with a password alone.
CASEREVIEW_TWO_FACTOR = env_bool("CASEREVIEW_TWO_FACTOR", False)
OTP_TOTP_ISSUER = "casereview"
# A wrong code makes the next try wait 1, 2, 4, 8 … seconds (django-otp's throttling).
OTP_TOTP_THROTTLE_FACTOR = 1

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# One way of writing a time across the site, the 24-hour clock (config/formats/en_GB; walkthrough 10, finding 11)
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "casereview <no-reply@casereview.invalid>")

# Long work goes through the Django Tasks API. The database backend needs no extra server (make run
# starts `manage.py db_worker` beside the web server); CASEREVIEW_TASK_BACKEND=rq moves it to RQ on Redis.
TASK_BACKEND = os.environ.get("CASEREVIEW_TASK_BACKEND", "database")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
if TASK_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASK_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
elif TASK_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(f"CASEREVIEW_TASK_BACKEND must be 'database', 'rq' or 'immediate', not {TASK_BACKEND!r}")

# Content Security Policy (django-csp 4): nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Statutory defaults the guidance marks as configurable (../shared/domain.md).
CASEREVIEW_PAGE_SIZE = env_int("CASEREVIEW_PAGE_SIZE", 25)
# Largest file of each kind a person may upload (megabytes); messages are built from these.
CASEREVIEW_UPLOAD_MAX_MB = {
    "evidence": env_int("CASEREVIEW_EVIDENCE_MAX_MB", 10),  # for an action's progress update
    "chronology": env_int("CASEREVIEW_CHRONOLOGY_MAX_MB", 5),  # an agency's chronology spreadsheet
    "report": env_int("CASEREVIEW_REPORT_MAX_MB", 50),  # a review's final report, to anonymise
    "document": env_int("CASEREVIEW_DOCUMENT_MAX_MB", 50),  # a document brought in for extraction
}
# Uploads stream to a temporary file on disk (anything over 512 KB) and stop being kept past the largest
# limit above; each form then refuses by size before reading a byte (casereview/core/uploads.py).
FILE_UPLOAD_HANDLERS = [
    "casereview.core.uploads.CutOffUploadHandler",  # a body cut off mid-file is refused, not half-saved
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "casereview.core.uploads.BoundedUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 512 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # the form fields beside the files

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
CASEREVIEW_SITE_URL = os.environ.get("CASEREVIEW_SITE_URL", "http://127.0.0.1:8000")

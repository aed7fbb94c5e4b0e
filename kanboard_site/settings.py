"""Settings, read from the environment through small typed helpers that fail loudly.

Every variable is listed in the README's configuration table. A clean checkout runs
with none of them set: SQLite in ``data/``, a generated ``SECRET_KEY`` kept there too.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    """The variable's value, or the content of the file named by ``NAME_FILE``."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE={file_name} cannot be read: {exc}") from exc
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value == "":
        return default
    lowered = value.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = env_str(name)
    if value == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url: str, data_dir: Path) -> dict:
    """Django's DATABASES entry for ``sqlite:///path`` or ``postgres://user:pw@host:port/name``."""
    if not url:
        return sqlite_database(data_dir / "kanboard.sqlite3", data_dir)
    parts = urlsplit(url)
    if parts.scheme == "sqlite":
        path = unquote(parts.path)
        # sqlite:///relative.db is relative to the project, sqlite:////abs.db is absolute
        path = path[1:] if path.startswith("//") else path.lstrip("/")
        db_path = Path(path) if Path(path).is_absolute() else BASE_DIR / path
        return sqlite_database(db_path, db_path.parent)
    if parts.scheme in ("postgres", "postgresql"):
        name = unquote(parts.path.lstrip("/"))
        if not name:
            raise ImproperlyConfigured("DATABASE_URL must name the PostgreSQL database")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 60),
            "CONN_HEALTH_CHECKS": True,
            # Parameters sent apart from the SQL, and statements prepared from their fifth
            # run on a connection (Django turns psycopg's preparing off unless asked): the
            # board's statement is planned once per worker, not on every call. Set
            # DB_PREPARE_THRESHOLD to 0 behind a pooler in transaction mode (PgBouncer).
            "OPTIONS": {
                "server_side_binding": True,
                "prepare_threshold": env_int("DB_PREPARE_THRESHOLD", 5) or None,
            },
            "TEST": {"NAME": f"test_{name}"},
        }
    raise ImproperlyConfigured(f"DATABASE_URL scheme {parts.scheme!r} is not supported")


def sqlite_database(path: Path, test_dir: Path) -> dict:
    return {
        # Django's SQLite backend, with concurrent writers queued in the kernel.
        "ENGINE": "kanboard_site.sqlite_backend",
        "NAME": path,
        "OPTIONS": {
            # Writers queue on the lock instead of failing with "database is locked":
            # IMMEDIATE takes the write lock when a transaction starts, and the
            # timeout is how long a writer waits for it.
            "transaction_mode": "IMMEDIATE",
            "timeout": 30,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        },
        # A file, not Django's in-memory default, so that concurrency tests see
        # separate connections sharing one WAL database.
        "TEST": {"NAME": str(test_dir / "test-kanboard.sqlite3")},
        # Reopening SQLite (and rerunning its PRAGMAs) on every request is wasted work.
        "CONN_MAX_AGE": env_int("DB_CONN_MAX_AGE", 600),
        "CONN_HEALTH_CHECKS": True,
    }


def persistent_secret_key(data_dir: Path) -> str:
    """SECRET_KEY from the environment, else generated once and kept in the data directory."""
    configured = env_str("SECRET_KEY")
    if configured:
        return configured
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


DATA_DIR = Path(env_str("DATA_DIR") or BASE_DIR / "data")
DATA_DIR.mkdir(parents=True, exist_ok=True)

SECRET_KEY = persistent_secret_key(DATA_DIR)
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

DATABASES = {"default": database_from_url(env_str("DATABASE_URL"), DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "accounts",
    "projects",
    "tasks",
    "rpc",
    "operations",
    "kanboard_import",
    "actions",
    "django_tasks",
    "django_tasks_db",
    "notifications",
    "webhooks",
    "data_versions",
]

# The job queue (Django's Tasks framework, backported): jobs are rows of the application's
# own database, written in the transaction of the change that queued them, and run by
# `manage.py run_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Seconds between the attempts of a failed e-mail or webhook delivery (then it gives up).
NOTIFICATION_RETRY_DELAYS = tuple(
    int(seconds)
    for seconds in env_str("NOTIFICATION_RETRY_DELAYS", "60,300,1800,7200,43200").split(",")
)
# A job RUNNING for longer than this many seconds belongs to a dead worker and is queued
# again (every job's own deadlines are far shorter). `manage.py run_worker` runs beside
# gunicorn (deploy/gunicorn.conf.py) unless WORKER_WITH_SERVER is false (a separate
# worker service, deploy/kanboard-django-worker.service).
WORKER_JOB_LEASE = env_int("WORKER_JOB_LEASE", 300)
WORKER_WITH_SERVER = env_bool("WORKER_WITH_SERVER", True)

# Webhooks (README "Webhooks"). Kanboard's global webhook: its URL and token are the
# webhook_url and webhook_token settings, which these variables override when set.
WEBHOOK_URL = env_str("WEBHOOK_URL")
WEBHOOK_TOKEN = env_str("WEBHOOK_TOKEN")
# The HMAC-SHA256 key of the global webhook's X-Kanboard-Signature; without it, the
# webhook_secret setting (generated when first needed).
WEBHOOK_SECRET = env_str("WEBHOOK_SECRET")
# Kanboard's constant: private, loopback, link-local... targets only when true.
WEBHOOK_ALLOW_PRIVATE_NETWORKS = env_bool("WEBHOOK_ALLOW_PRIVATE_NETWORKS", False)
# Seconds for a whole delivery attempt (resolution, connection, request and answer).
WEBHOOK_TIMEOUT = env_int("WEBHOOK_TIMEOUT", 10)
# Attempts kept in each webhook's delivery log.
WEBHOOK_LOG_SIZE = env_int("WEBHOOK_LOG_SIZE", 50)

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files (the admin's CSS and JavaScript) served by the app itself: see STORAGES.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "kanboard_site.urls"
WSGI_APPLICATION = "kanboard_site.wsgi.application"
# /jsonrpc.php must never be redirected: clients turn a redirected POST into a GET.
APPEND_SLASH = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

AUTH_USER_MODEL = "accounts.User"
# The admin's login: Kanboard's password check and the API's lockout (accounts/backends.py).
AUTHENTICATION_BACKENDS = ["accounts.backends.KanboardPasswordBackend"]
# Kanboard's bcrypt cost; tests lower it to keep the suite fast.
PASSWORD_BCRYPT_ROUNDS = env_int("PASSWORD_BCRYPT_ROUNDS", 10)

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
# Filled by collectstatic, which deploy/gunicorn.conf.py runs before the workers start.
STATIC_ROOT = DATA_DIR / "static"

# Kanboard's own request size limit (its nginx and PHP settings allow 32 MiB).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_REQUEST_BYTES", 32 * 1024 * 1024)
FILE_STORAGE_DIR = Path(env_str("FILE_STORAGE_DIR") or DATA_DIR / "files")


def file_storage(directory: Path) -> dict:
    """Where attachment blobs live: S3-compatible object storage when a bucket is named
    (every app server then shares the files), else ``directory``. Blobs are saved under
    exactly the key given, never renamed."""
    bucket = env_str("FILE_STORAGE_S3_BUCKET")
    if not bucket:
        return {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": directory, "allow_overwrite": True},
        }
    endpoint_url = env_str("FILE_STORAGE_S3_ENDPOINT_URL") or None
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "region_name": env_str("FILE_STORAGE_S3_REGION") or None,
            "access_key": env_str("FILE_STORAGE_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("FILE_STORAGE_S3_SECRET_ACCESS_KEY") or None,
            "location": env_str("FILE_STORAGE_S3_PREFIX").strip("/"),
            "file_overwrite": True,
            "default_acl": None,
            # S3-compatible servers (MinIO, Ceph...) are addressed by path, not by host.
            "addressing_style": "path" if endpoint_url else None,
        },
    }


STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (cached for a year by browsers and proxies) and compressed copies,
    # served by WhiteNoise from STATIC_ROOT.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "files": file_storage(FILE_STORAGE_DIR),
}


def max_file_bytes(request_limit: int) -> int:
    """Ours: the largest attachment accepted (decoded), at most what a request carries."""
    limit = env_int("MAX_FILE_BYTES", request_limit)
    if limit > request_limit:
        raise ImproperlyConfigured("MAX_FILE_BYTES cannot be larger than MAX_REQUEST_BYTES")
    return limit


MAX_FILE_BYTES = max_file_bytes(DATA_UPLOAD_MAX_MEMORY_SIZE)
# Ours: images with more pixels than this to decode get no thumbnail and are plain files.
THUMBNAIL_MAX_PIXELS = env_int("THUMBNAIL_MAX_PIXELS", 20_000_000)

# Kanboard API settings (same names as Kanboard's configuration constants).
APP_VERSION = env_str("APP_VERSION", "1.2.53")
API_AUTHENTICATION_TOKEN = env_str("API_AUTHENTICATION_TOKEN")
API_AUTHENTICATION_HEADER = env_str("API_AUTHENTICATION_HEADER")
BRUTEFORCE_LOCKDOWN = env_int("BRUTEFORCE_LOCKDOWN", 6)
BRUTEFORCE_LOCKDOWN_DURATION = env_int("BRUTEFORCE_LOCKDOWN_DURATION", 15)
# Ours: a batch larger than this is refused as a whole (Kanboard has no limit).
RPC_MAX_BATCH_SIZE = env_int("RPC_MAX_BATCH_SIZE", 1000)
# Ours: getUser/getAllUsers/getGroupMembers leave out password hashes, 2FA secrets
# and tokens when set (Kanboard returns them; off by default for compatibility).
API_REDACT_USER_SECRETS = env_bool("API_REDACT_USER_SECRETS", False)
# Reading a web page's title for a new external link (Kanboard's settings of these names):
# private, loopback and link-local addresses only when allowed, and the whole exchange
# within the timeout (seconds).
EXTERNAL_LINK_ALLOW_PRIVATE_NETWORKS = env_bool("EXTERNAL_LINK_ALLOW_PRIVATE_NETWORKS", False)
EXTERNAL_LINK_TIMEOUT = env_int("EXTERNAL_LINK_TIMEOUT", 10)
# Seconds a successful bcrypt check is remembered by a worker (0 disables it).
PASSWORD_CHECK_CACHE_SECONDS = env_int("PASSWORD_CHECK_CACHE_SECONDS", 300)
# Memory a worker gives to the replies of getBoard, getAllTasks and searchTasks over
# unchanged data (rpc/read_cache.py); 0 disables the cache.
READ_CACHE_BYTES = env_int("READ_CACHE_BYTES", 32 * 1024 * 1024)

# Operations: metrics, per-call log lines, request ids (README "Operating it").
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
# /metrics answers only with this bearer token and/or to these addresses or networks.
METRICS_TOKEN = env_str("METRICS_TOKEN")
METRICS_ALLOWED_ADDRESSES = env_list("METRICS_ALLOWED_ADDRESSES", [])
# A request id sent by the proxy (X-Request-ID) is used only when the proxy is trusted.
REQUEST_ID_FROM_PROXY = env_bool("REQUEST_ID_FROM_PROXY", BEHIND_TLS_PROXY)
LOG_FORMAT = env_str("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}")
LOG_CALLS = env_bool("LOG_CALLS", True)

# Mail, under Kanboard's configuration names. MAIL_TRANSPORT "smtp" sends through the
# MAIL_SMTP_* server; "log" (the default without MAIL_SMTP_HOSTNAME) writes every message
# to the log instead, so that nothing is lost silently.
MAIL_FROM = env_str("MAIL_FROM", "notifications@kanboard.local")
MAIL_BCC = env_str("MAIL_BCC")
MAIL_TRANSPORT = env_str("MAIL_TRANSPORT") or ("smtp" if env_str("MAIL_SMTP_HOSTNAME") else "log")
MAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "log": "kanboard_site.mail.LogBackend",
}
if MAIL_TRANSPORT not in MAIL_BACKENDS:
    raise ImproperlyConfigured(f"MAIL_TRANSPORT must be smtp or log, not {MAIL_TRANSPORT!r}")
EMAIL_BACKEND = MAIL_BACKENDS[MAIL_TRANSPORT]
DEFAULT_FROM_EMAIL = MAIL_FROM
EMAIL_HOST = env_str("MAIL_SMTP_HOSTNAME")
EMAIL_PORT = env_int("MAIL_SMTP_PORT", 25)
EMAIL_HOST_USER = env_str("MAIL_SMTP_USERNAME")
EMAIL_HOST_PASSWORD = env_str("MAIL_SMTP_PASSWORD")
MAIL_SMTP_ENCRYPTION = env_str("MAIL_SMTP_ENCRYPTION").lower()
if MAIL_SMTP_ENCRYPTION not in ("", "ssl", "tls"):
    raise ImproperlyConfigured(
        f"MAIL_SMTP_ENCRYPTION must be ssl, tls or empty, not {MAIL_SMTP_ENCRYPTION!r}"
    )
EMAIL_USE_SSL = MAIL_SMTP_ENCRYPTION == "ssl"
EMAIL_USE_TLS = MAIL_SMTP_ENCRYPTION == "tls"
EMAIL_TIMEOUT = env_int("MAIL_SMTP_TIMEOUT", 30)

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
# Left to the TLS proxy, so `check --deploy` does not ask for them here: redirecting HTTP
# to HTTPS (W008: the proxy refuses the API over HTTP rather than redirect it, see
# deploy/nginx.conf.example, and health probes reach gunicorn over plain HTTP), and HSTS
# for every subdomain and the browsers' preload list (W005, W021: decisions about the
# whole domain, not this server).
SILENCED_SYSTEM_CHECKS = ["security.W008", "security.W005", "security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"()": "kanboard_site.log_format.TextFormatter"},
        "json": {"()": "kanboard_site.log_format.JsonLinesFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    # One line per JSON-RPC call (rpc.observability), whatever LOG_LEVEL says.
    "loggers": {"kanboard.calls": {"level": "INFO" if LOG_CALLS else "WARNING"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Account area (/account/): users sign in, manage personal tokens, password and 2FA.
INSTALLED_APPS += ["captcha"]
LOGIN_URL = "accounts:sign_in"
# Kanboard's users.api_access_token (one clear-text token per user); false turns it off,
# leaving the hashed personal tokens of the account area.
API_LEGACY_USER_TOKENS = env_bool("API_LEGACY_USER_TOKENS", True)
# Failed sign-ins (per account, or per address) after which the form asks for a captcha.
BRUTEFORCE_CAPTCHA = env_int("BRUTEFORCE_CAPTCHA", 3)
# Sign-in attempts allowed per 15 minutes from one address, and for one account name.
SIGN_IN_LIMIT_PER_ADDRESS = env_int("SIGN_IN_LIMIT_PER_ADDRESS", 30)
SIGN_IN_LIMIT_PER_ACCOUNT = env_int("SIGN_IN_LIMIT_PER_ACCOUNT", 10)
# Behind a proxy, the header naming the client's address (e.g. X-Forwarded-For, as
# deploy/nginx.conf.example sets it); its last address is used. Empty: REMOTE_ADDR.
SIGN_IN_ADDRESS_HEADER = env_str("SIGN_IN_ADDRESS_HEADER")
CAPTCHA_IMAGE_SIZE = (150, 50)
CAPTCHA_FONT_SIZE = 32
CAPTCHA_TIMEOUT = 10

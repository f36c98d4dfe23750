"""Settings shared by every environment.

Everything that differs between a laptop and production comes from the
environment (django-environ), with defaults that let a newcomer run the site
with nothing but Python: SQLite, a local media folder, console email and a
local-memory cache.
"""

import datetime
import ipaddress
from pathlib import Path
from urllib.parse import urlsplit

import environ
from corsheaders.defaults import default_headers as default_cors_headers
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A developer may keep their variables in a git-ignored .env file.
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])


def public_origin(value):
    """`value` checked to be a bare origin (scheme://host[:port]), without the trailing slash."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ImproperlyConfigured(
            f"PUBLIC_ORIGIN must look like https://example.cn or http://127.0.0.1:8000, not {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc}"


# The one origin every absolute URL the site writes starts with: e-mails, the
# sitemap, canonical and Open Graph URLs, JSON-LD, hreflang, Wagtail's admin
# links (core.origin), and the default Site's hostname and port after each
# `migrate`. `make run` sets it to the port it serves; production requires it.
PUBLIC_ORIGIN = public_origin(env("PUBLIC_ORIGIN", default="http://127.0.0.1:8000"))

INSTALLED_APPS = [
    "core",
    "home",
    "tourism",
    "education",
    "search",
    "django_tasks_db",
    "api",
    # In INSTALLED_APPS so that the API docs page uses its bundled Swagger UI, not a CDN.
    "ninja",
    "corsheaders",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
    # Admin login throttling (below, "Login throttling").
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Right after SecurityMiddleware, as WhiteNoise asks, so static files skip
    # the session and locale work below.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Content-Security-Policy (strict on the site, relaxed for the admin) and
    # Cross-Origin-Resource-Policy; Permissions-Policy.
    "yanxi_site.middleware.SecurityHeadersMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Before CommonMiddleware, so that its redirects carry the CORS headers too.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "yanxi_site.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication: says which editorial rule refuses an admin page view.
    "core.editorial.middleware.EditorialRefusalMiddleware",
    # Opens the page chooser at a page type's own index rather than the root.
    "core.chooser.ChooserStartMiddleware",
    # Below what tells who is asking, above what adds headers every page carries.
    "core.cache.PageCacheMiddleware",
    # Finds the Site and the page in two queries rather than two a URL segment.
    "core.routing.RouteMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "yanxi_site.urls"

# The partner API (/api/v1/): partners' web front ends on these origins may call
# it from the browser (WeChat mini-programs call it from WeChat's servers, no CORS).
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = (*default_cors_headers, "idempotency-key", "if-none-match")
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified"]
# The interactive API docs (/api/v1/docs/); the OpenAPI document is always served.
API_DOCS_ENABLED = env.bool("API_DOCS_ENABLED", default=True)
# Partners' servers, which book for many schools from one address: name=key pairs
# ("lingshan=…,yanlv=…"). A request with a partner's key counts against
# API_PARTNER_RATE for that partner instead of EDUCATION_REQUEST_RATE for its address.
API_PARTNER_KEYS = env.dict("API_PARTNER_KEYS", default={})
API_PARTNER_RATE = env("API_PARTNER_RATE", default="600/h")
WSGI_APPLICATION = "yanxi_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in the git-ignored var/ folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Bookings write concurrently: wait for the writer instead of failing, and
    # take the write lock when a transaction starts, so that two requests never
    # both read the seats left and then both try to take them.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by all gunicorn workers, which the
# rate limits need), otherwise local memory.
# django-environ reads the URL (redis:// or rediss:// gives django-redis).
REDIS_URL = env("REDIS_URL", default="")
CACHES = {"default": env.cache_url_config(REDIS_URL or "locmemcache://yanxi")}
if REDIS_URL:
    CACHES["default"]["KEY_PREFIX"] = env("CACHE_KEY_PREFIX", default="yanxi")

# Full-page cache of anonymous visitors' pages (core/cache.py), emptied on any
# content change; 0 turns it off. Several workers share it only through Redis:
# with the local-memory cache each worker keeps its own copy, which another
# worker's edit cannot empty until PAGE_CACHE_SECONDS have passed.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# How long a CDN in front may keep a page (s-maxage). A published, unpublished
# or moved page is purged at once (below), and every live page after a snippet,
# setting or image edit; filtered listings and searches (URLs with a query)
# are not purged and show such changes within this time.
PAGE_CACHE_CDN_SECONDS = env.int("PAGE_CACHE_CDN_SECONDS", default=60)
# The CDN or caching proxy to purge, if any: an HTTP proxy that understands
# PURGE (Varnish, nginx with ngx_cache_purge), e.g. http://127.0.0.1:6081.
FRONTEND_CACHE_PURGE_URL = env("FRONTEND_CACHE_PURGE_URL", default="")
# Each translation is a page of its own with its own slug: purge the URLs
# given, not Wagtail's default of each URL again under every language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# Email: console by default, SMTP through EMAIL_URL (smtp+tls://user:pass@host:587).
EMAIL_URL = env("EMAIL_URL", default="consolemail://")
globals().update(env.email_url_config(EMAIL_URL))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="红色足迹 <noreply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
# A hung mail server fails an attempt after this long instead of holding the worker.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
# Where booking and enquiry notifications go when a base or programme names no address.
STAFF_NOTIFICATION_EMAIL = env("STAFF_NOTIFICATION_EMAIL", default="staff@localhost")

# Background tasks. Wagtail's own (reference index, renditions) run at once in the
# request as before; e-mails go to a queue kept in the database, sent by
# `manage.py db_worker --backend notifications` (`make run` starts it), so a
# slow or failing mail server never slows or fails a booking (core/mail.py).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "notifications": {
        "BACKEND": env("NOTIFICATION_TASK_BACKEND", default="django_tasks_db.DatabaseBackend")
    },
}
# How often an e-mail is tried before staff see it as failed, and the wait before
# the first retry (doubled for each further one).
NOTIFICATION_MAX_ATTEMPTS = env.int("NOTIFICATION_MAX_ATTEMPTS", default=5)
NOTIFICATION_RETRY_DELAY = env.int("NOTIFICATION_RETRY_DELAY", default=60)
# Schools are reminded of a confirmed session this many days before it.
SESSION_REMINDER_DAYS = env.int("SESSION_REMINDER_DAYS", default=3)
# Client addresses (core.client): a proxy header is believed only from these
# proxies (addresses or networks), and then the client is the PROXY_COUNT-th
# address from the right of CLIENT_IP_HEADER. Empty: REMOTE_ADDR, as in development.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
PROXY_COUNT = env.int("PROXY_COUNT", default=1)
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="HTTP_X_REAL_IP")
try:
    for proxy in TRUSTED_PROXIES:
        ipaddress.ip_network(proxy, strict=False)
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from None
if PROXY_COUNT < 1:
    raise ImproperlyConfigured("PROXY_COUNT counts the proxies in front of the site: 1 or more.")
# django-ratelimit's key="ip" asks core.client too, so every limit counts the same address.
RATELIMIT_IP_META_KEY = "core.client.client_ip"

# Rate limits (django-ratelimit's "count/period", period s, m, h or d).
# Bookings and enquiries: only accepted ones count, per address (schools
# behind one NAT share it, so it is generous) and per phone and per e-mail
# (each sends an acknowledgement there, so nobody's inbox can be flooded).
EDUCATION_REQUEST_RATE = env("EDUCATION_REQUEST_RATE", default="30/h")
EDUCATION_CONTACT_RATE = env("EDUCATION_CONTACT_RATE", default="10/d")
# Searches per address (each runs several queries), type-ahead requests per
# address (fast typists send one every few keystrokes at most).
SEARCH_RATE = env("SEARCH_RATE", default="30/m")
SUGGEST_RATE = env("SUGGEST_RATE", default="120/m")
# Searches the promotions admin lists (search.views.record_query): new
# queries recorded per day, and the longest recorded.
SEARCH_NEW_QUERIES_PER_DAY = env.int("SEARCH_NEW_QUERIES_PER_DAY", default=200)
SEARCH_RECORDED_QUERY_MAX_LENGTH = env.int("SEARCH_RECORDED_QUERY_MAX_LENGTH", default=30)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Simplified Chinese is the source language of all content, English
# its translation. Both URL trees carry a prefix (/zh-hans/, /en/).
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
# Starting a translation must not publish an untranslated English page: the
# English draft goes live only after moderation (core.editorial.translation).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PROJECT_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

# Static files: hashed and compressed by WhiteNoise. Nothing loads from a CDN.
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]

MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Media on S3-compatible storage (Aliyun OSS, Tencent COS, MinIO, AWS) when a
# bucket is named; the credentials come from the environment as boto3 reads them.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False

# The page editor of long itineraries posts many fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "延安—无锡红色足迹"
WAGTAILADMIN_BASE_URL = PUBLIC_ORIGIN
# The database backend, taught to find Chinese words (search/README.md). A site
# that outgrows it switches to Elasticsearch/OpenSearch here.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends"},
}
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: it is blocked in mainland China and would learn
# the hash of every editor's e-mail address. Wagtail shows its default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Avatars from gravatar.com are a third-party request (and blocked in mainland
# China); the admin shows its own placeholder instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Security headers. Public pages run only the site's own script files (no inline
# script, no inline style), so the policy is strict; JSON-LD blocks are data, not
# scripts, and need no allowance. No nonces: a page's HTML is then the same for
# every visitor and a full-page cache may serve it. Media from a separate domain
# (S3 custom domain) is allowed as an image source.
MEDIA_ORIGINS = (
    [f"https://{AWS_S3_CUSTOM_DOMAIN}"] if AWS_STORAGE_BUCKET_NAME and AWS_S3_CUSTOM_DOMAIN else []
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # Wagtail's live preview shows the page in a same-origin frame.
        "frame-ancestors": ["'self'"],
    }
}
# What Wagtail 8's admin needs on top, under /admin/ only: inline <script> blocks
# and style attributes in its templates, blob: and data: images for upload
# previews (yanxi_site.middleware). It needs no eval: the page editor runs
# without 'unsafe-eval' (tests/foundation/test_csp_browser.py).
ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
    "font-src": ["'self'", "data:"],
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    ]
}
# Django's defaults, stated because the Observatory grade depends on them.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # One line per background task and page action is noise on a console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}


# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for
# one username from one address, that pair is locked out for
# AXES_COOLOFF_MINUTES. Keyed on the pair, so that someone guessing from one
# address cannot lock the real user out from theirs. Unlock early with
# `manage.py axes_reset_username <name>` (or `axes_reset` for everyone).
# AxesBackend rather than AxesStandaloneBackend: it also answers `get_user`,
# so a session saved under the first backend (as Wagtail's test helpers and
# `force_login` do) still finds its user.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/lockout.html"
AXES_CLIENT_IP_CALLABLE = "core.client.client_ip"

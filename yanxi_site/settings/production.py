"""Production: behind a TLS-terminating proxy, several gunicorn workers.

Refuses to start without SECRET_KEY, ALLOWED_HOSTS and PUBLIC_ORIGIN: a site
that silently ran with a default key, accepted any Host header or mailed links
to 127.0.0.1 would be worse than none.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, env

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in the environment in production.")
if not env("PUBLIC_ORIGIN", default=""):
    raise ImproperlyConfigured(
        "PUBLIC_ORIGIN (e.g. https://redtrails.example.cn) must be set in the environment "
        "in production: every link in e-mails, the sitemap and the admin starts with it."
    )

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# The proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env.bool("USE_X_FORWARDED_HOST", default=True)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# Content-Type sniffing, referrer, framing and CSP: base.py, the same in every environment.
SILENCED_SYSTEM_CHECKS = [
    # security.W019 asks for X_FRAME_OPTIONS = "DENY"; Wagtail's live preview
    # shows the page being edited in a same-origin iframe, which DENY breaks.
    "security.W019",
]

# Rate limits count per visitor: behind the proxy REMOTE_ADDR is the proxy's
# own address, so the client's is read from the header the proxy sets
# (nginx: proxy_set_header X-Real-IP $remote_addr), but only on requests from
# the proxy, which reaches gunicorn on the loopback (core.client).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])

LOGGING["root"]["level"] = env("LOG_LEVEL", default="WARNING")  # noqa: F405

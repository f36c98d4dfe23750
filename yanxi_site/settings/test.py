"""Settings for the test suite: fast hashing, in-memory email, no real network."""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# The host and port of the default Site that Wagtail's migrations make.
PUBLIC_ORIGIN = WAGTAILADMIN_BASE_URL = "http://localhost"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# E-mails are sent at once, so a test reads them in mail.outbox; the tests of the
# queue itself (tests/notifications/) switch to the database backend and a worker.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "notifications": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
# Tests use the local-memory cache even where REDIS_URL is set for the machine,
# so that rate limits of one test never leak into another.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "yanxi-tests",
    }
}
# The page cache is off, except in the tests of it (tests/foundation/test_page_cache.py):
# other tests change rows in ways no signal reports (bulk updates, rolled-back
# savepoints) and must see each change on their next visit.
PAGE_CACHE_SECONDS = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the live server thread and Playwright's greenlets may
    # open connections of their own, and each new connection to an in-memory
    # database sees an empty one. One file per test process, so that parallel
    # runs on one machine do not share it; Django deletes it at the end.
    # The folder is made here, not only by `make test`, so that plain `pytest`
    # works on a fresh clone too.
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")
    }
    # Nothing here needs to survive a power cut.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA synchronous=OFF;"  # noqa: F405
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=VAR_DIR / "test-media")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Playwright drives the browser through an event loop in the test thread; the
# ORM calls made by the test itself are synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# django-axes refuses authenticate() without a request, which tests call; the
# login throttling tests switch it on (tests/editors/test_login_throttling.py).
AXES_ENABLED = False

# Serve static files straight from the app and project folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

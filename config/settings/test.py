"""The test suite. DATABASE_URL still selects PostgreSQL, so CI runs the same suite on both."""

import os

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-" + "x" * 40
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed; never outside tests
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AXES_ENABLED = True
# Static files straight from the apps (no collectstatic before tests), for the browser tests too.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The scoping alarm (core/scoping.py) is off for the suite as a whole until the code of this round's new
# apps (notifications, library, reporting, corrections) decides its reads; its own tests switch it on, and
# CASEREVIEW_SCOPING_ALARM=1 runs the whole suite with it (docs/decisions.md).
CASEREVIEW_SCOPING_ALARM = os.environ.get("CASEREVIEW_SCOPING_ALARM", "") == "1"

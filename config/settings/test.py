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
# The scoping alarm (core/scoping.py): a list of partnership records read without visible_to(user) or
# unscoped() fails the test. On for the suite; CASEREVIEW_SCOPING_ALARM=0 turns it off (its own tests
# switch it on for themselves), for instance to see whether a failure is the alarm (docs/decisions.md).
CASEREVIEW_SCOPING_ALARM = os.environ.get("CASEREVIEW_SCOPING_ALARM", "1") != "0"

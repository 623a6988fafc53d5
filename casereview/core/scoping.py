"""The door every list of partnership records goes through: `Model.objects.visible_to(user)`.

The rule itself is decided in one place above this floor (accounts/permissions.py), which registers itself
here when the accounts app is ready; core knows no app, only that some policy answers these questions.

The scoping alarm: with CASEREVIEW_SCOPING_ALARM on (the test settings), evaluating a queryset of a scoped
model that started from its manager and never went through `visible_to()` raises UnscopedQuery. Code that
must see every partnership's records (a service acting on a record it was handed, a task, a management
command) says so with `unscoped()`. Querysets reached from a record (`review.chronology.all()`) start from
a record already fetched through the scope, and Django's own machinery (uniqueness checks, the admin of
system administrators) is let through.

Who asked is looked at twice, by the first frame of our code on the stack: where the list was built (its
manager's get_queryset) and where it is read. Either being application code sounds the alarm, so a list a
selector built without a scope is caught even when a test, a template or Django's serializers or deletion
machinery is what reads it; the message names the line.
"""

import os
import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

_policy = None


def register_policy(policy):
    """`policy` offers scope(queryset, user, action, partnership=None), object_for_user(user, model, action,
    **lookup), can(user, action, obj) and is_confidential(obj)."""
    global _policy
    _policy = policy


def policy():
    if _policy is None:
        raise ImproperlyConfigured("No access policy is registered: is casereview.accounts in INSTALLED_APPS?")
    return _policy


class UnscopedQuery(AssertionError):
    """A list of partnership records read without deciding whose records it may hold."""


# Django's own callers, which read records for their own checks rather than to show them.
_TRUSTED_CALLERS = (
    "django/contrib/admin/",  # system administrators see every partnership
    "django/contrib/auth/",
    "django/db/models/base.py",  # uniqueness checks on save and full_clean
    "django/db/models/deletion.py",
    "django/core/serializers/",
    "django/core/management/commands/",  # dumpdata, loaddata
)
# Our code that sees every partnership by its nature: tests check the database itself, demo loaders and
# management commands (the scale seeder among them) run outside any user's session, migrations.
_TRUSTED_OURS = (
    "/tests/",
    "/conftest.py",
    "/casereview/testing.py",
    "/demo.py",
    "/management/commands/",
    "/migrations/",
)


# The folder holding the casereview package: paths are matched below it, so a checkout that happens to sit in
# a folder called "tests" (a CI runner's) does not make every frame of ours look like a test.
_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))).replace("\\", "/") + "/"


def _untrusted_caller(depth=3):
    """Where our code asked for the list ("path:line"), or None when the caller may read anything."""
    frame = sys._getframe(depth)  # by default past _untrusted_caller, _sound_alarm and the queryset method
    while frame is not None:
        filename = frame.f_code.co_filename.replace("\\", "/")
        if filename.startswith(_ROOT):
            filename = "/" + filename[len(_ROOT) :]
        if any(part in filename for part in _TRUSTED_CALLERS):
            return None
        installed = "/site-packages/" in filename or "/dist-packages/" in filename
        if not installed and not filename.endswith("casereview/core/scoping.py"):
            if any(part in filename for part in _TRUSTED_OURS):
                return None
            if "/casereview/" in filename:  # the first of our frames decides: our code asked for it
                return f"{filename[filename.rindex('/casereview/') + 1 :]}:{frame.f_lineno}"
        frame = frame.f_back
    return "an unknown caller"


class ScopedQuerySet(models.QuerySet):
    """Every list of partnership records starts here, so no selector can forget to scope."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._casereview_needs_scope = False
        self._casereview_built_at = None

    def visible_to(self, user, action="view", *, partnership=None):
        queryset = policy().scope(self, user, action, partnership=partnership)
        queryset._casereview_needs_scope = False
        return queryset

    def unscoped(self):
        """Every partnership's records, on purpose: for services acting on a record already decided,
        tasks and management commands. Never for a page's list."""
        queryset = self._chain()
        queryset._casereview_needs_scope = False
        return queryset

    def _clone(self):
        clone = super()._clone()
        clone._casereview_needs_scope = self._casereview_needs_scope
        clone._casereview_built_at = self._casereview_built_at
        return clone

    def _sound_alarm(self):
        if not (self._casereview_needs_scope and getattr(settings, "CASEREVIEW_SCOPING_ALARM", False)):
            return
        caller = _untrusted_caller()
        where = f"at {caller}" if caller else f"built at {self._casereview_built_at}"
        if caller or self._casereview_built_at:
            raise UnscopedQuery(
                f"A list of {self.model._meta.verbose_name_plural} was read without visible_to(user) or "
                f"unscoped() {where}: decide whose records it may hold."
            )

    def _fetch_all(self):
        if self._result_cache is None:
            self._sound_alarm()
        super()._fetch_all()

    def iterator(self, *args, **kwargs):
        self._sound_alarm()
        return super().iterator(*args, **kwargs)

    def count(self):
        if self._result_cache is None:
            self._sound_alarm()
        return super().count()

    def exists(self):
        if self._result_cache is None:
            self._sound_alarm()
        return super().exists()

    def aggregate(self, *args, **kwargs):
        self._sound_alarm()
        return super().aggregate(*args, **kwargs)

    @classmethod
    def as_manager(cls):
        manager = ScopedManager.from_queryset(cls)()
        manager._built_with_as_manager = True
        return manager

    as_manager.queryset_only = True


class ScopedManager(models.Manager):
    def get_queryset(self):
        queryset = super().get_queryset()
        # A related manager (review.chronology) has the record it starts from: that record was reached
        # through the scope, so its own parts need no second decision.
        if getattr(self, "instance", None) is None:
            queryset._casereview_needs_scope = True
            if getattr(settings, "CASEREVIEW_SCOPING_ALARM", False):
                queryset._casereview_built_at = _untrusted_caller(depth=1)
        return queryset


def of_partnerships(path, partnership):
    """A filter on `path` for one partnership, or (a list of them) for any of several: a selector a system
    job runs for every partnership at once reads each kind of record in one query instead of one a
    partnership. The records are still read through the caller's scope."""
    if isinstance(partnership, list | tuple | set | frozenset):
        return {f"{path}__in": list(partnership)}
    return {path: partnership}

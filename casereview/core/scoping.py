"""The door every list of partnership records goes through: `Model.objects.visible_to(user)`.

The rule itself is decided in one place above this floor (accounts/permissions.py), which registers itself
here when the accounts app is ready; core knows no app, only that some policy answers these questions."""

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


class ScopedQuerySet(models.QuerySet):
    """Every list of partnership records starts here, so no selector can forget to scope."""

    def visible_to(self, user, action="view", *, partnership=None):
        return policy().scope(self, user, action, partnership=partnership)

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Users, partnerships, agencies, subgroups and memberships with roles; permissions.py decides access."""

    name = "casereview.accounts"
    label = "accounts"
    verbose_name = "Accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from casereview.core import scoping

        from . import permissions

        scoping.register_policy(permissions)

from django.apps import AppConfig


class AuditConfig(AppConfig):
    """Append-only audit of changes, sign-ins and reads of confidential records."""

    name = "casereview.audit"
    label = "audit"
    verbose_name = "Audit"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks, exports, signals  # noqa: F401

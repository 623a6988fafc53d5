from django.apps import AppConfig


class ActionplansConfig(AppConfig):
    """Actions, progress, evidence, escalation, dissemination and the risk register."""

    name = "casereview.actionplans"
    label = "actionplans"
    verbose_name = "Action plans"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import exports  # noqa: F401  (registers the background exports)

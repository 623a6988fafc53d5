from django.apps import AppConfig


class ActionplansConfig(AppConfig):
    """Actions, progress, evidence, escalation, dissemination and the risk register."""

    name = "casereview.actionplans"
    label = "actionplans"
    verbose_name = "Action plans"
    default_auto_field = "django.db.models.BigAutoField"

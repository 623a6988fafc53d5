from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    """Rapid reviews, criteria assessment, recommendation, the chair's decision and the national panel's response."""

    name = "casereview.decisions"
    label = "decisions"
    verbose_name = "Decisions"
    default_auto_field = "django.db.models.BigAutoField"

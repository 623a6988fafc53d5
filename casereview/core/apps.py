from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared base model, working-day calendar, base templates and the home page."""

    name = "casereview.core"
    label = "core"
    verbose_name = "Core"
    default_auto_field = "django.db.models.BigAutoField"

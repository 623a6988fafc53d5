from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    """Serious incidents, the restricted identity record and statutory notification duties."""

    name = "casereview.incidents"
    label = "incidents"
    verbose_name = "Incidents"
    default_auto_field = "django.db.models.BigAutoField"

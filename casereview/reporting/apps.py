from django.apps import AppConfig


class ReportingConfig(AppConfig):
    """Annual reports, committee papers, charts and exports (reads other apps through their selectors)."""

    name = "casereview.reporting"
    label = "reporting"
    verbose_name = "Reporting"
    default_auto_field = "django.db.models.BigAutoField"

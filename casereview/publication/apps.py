from django.apps import AppConfig


class PublicationConfig(AppConfig):
    """A review's report anonymised, signed off, checked by the gate and published."""

    name = "casereview.publication"
    label = "publication"
    verbose_name = "Publication"
    default_auto_field = "django.db.models.BigAutoField"

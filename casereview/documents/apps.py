from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Documents and their versions; extraction and anonymisation pipelines."""

    name = "casereview.documents"
    label = "documents"
    verbose_name = "Documents"
    default_auto_field = "django.db.models.BigAutoField"

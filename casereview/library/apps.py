from django.apps import AppConfig


class LibraryConfig(AppConfig):
    """Themes, search and similar reviews across the partnership's learning."""

    name = "casereview.library"
    label = "library"
    verbose_name = "Library"
    default_auto_field = "django.db.models.BigAutoField"

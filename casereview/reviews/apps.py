from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """Case reviews: terms of reference, panel, agency contributions, chronologies, learning and recommendations."""

    name = "casereview.reviews"
    label = "reviews"
    verbose_name = "Reviews"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import exports  # noqa: F401  (registers the background exports)

from django.apps import AppConfig


class ScaleConfig(AppConfig):
    """A national-scale dataset for load tests (`casereview seed-scale`). Writes every app's tables in bulk
    and is imported by none."""

    name = "casereview.scale"
    label = "scale"
    verbose_name = "Scale dataset"

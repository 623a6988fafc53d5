from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save


class LibraryConfig(AppConfig):
    """Themes, search and similar reviews across the partnership's learning."""

    name = "casereview.library"
    label = "library"
    verbose_name = "Library"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        """Keep the partnership's entries in step with its reviews, whichever service saved them: the
        reviews app knows nothing of the library (it sits below it)."""
        from . import signals

        for label, kind in (("reviews.LearningPoint", "learning_point"), ("reviews.Recommendation", "recommendation")):
            model = apps.get_model(label)
            post_save.connect(signals.finding_saved(kind), sender=model, weak=False, dispatch_uid=f"library-{label}")
            post_delete.connect(signals.finding_deleted, sender=model, dispatch_uid=f"library-del-{label}")
            m2m_changed.connect(
                signals.finding_themes_changed(kind),
                sender=model.themes.through,
                weak=False,
                dispatch_uid=f"library-themes-{label}",
            )
        m2m_changed.connect(
            signals.entry_themes_changed,
            sender=apps.get_model("library.Entry").themes.through,
            dispatch_uid="library-entry-themes",
        )
        post_save.connect(signals.review_saved, sender=apps.get_model("reviews.Review"), dispatch_uid="library-review")

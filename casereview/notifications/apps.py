from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Telling a person the moment something is asked of them. Domain apps call notify(); this app knows
    none of them (it sits on accounts and core), so it only ever holds a link and a pseudonym."""

    name = "casereview.notifications"
    label = "notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"

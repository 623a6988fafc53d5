from .models import Notification


def notification_list(*, user):
    """A person's own notifications; nobody else's, whatever their role."""
    return Notification.objects.filter(recipient=user).select_related("partnership")


def told_since(*, user_ids, since):
    """(person, key, day) of every notification to these people on or after `since`, in one query: the
    reminders stay quiet about a request someone was notified of lately."""
    from django.db.models.functions import TruncDate

    return (
        Notification.objects.filter(recipient__in=user_ids, created__date__gte=since)
        .annotate(day=TruncDate("created"))
        .values_list("recipient_id", "key", "day")
    )

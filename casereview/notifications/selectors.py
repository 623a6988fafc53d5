from .models import Notification


def notification_list(*, user):
    """A person's own notifications; nobody else's, whatever their role."""
    return Notification.objects.filter(recipient=user).select_related("partnership")


def was_told(*, user, key, since):
    """Whether this person was notified of this request on or after `since` (the reminders then stay quiet)."""
    from django.db.models import Q

    return Notification.objects.filter(
        Q(key=key) | Q(key__startswith=f"{key}:"), recipient=user, created__date__gte=since
    ).exists()

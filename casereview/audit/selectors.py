from django.db.models import Q

from .models import AuditEvent


def audit_event_list(*, user, partnership, action="", who="", date_from=None, date_to=None, text=""):
    """One partnership's trail, newest first: its records' events and its members' sign-ins."""
    events = AuditEvent.objects.visible_to(user, partnership=partnership)
    if action:
        events = events.filter(action=action)
    if who:
        events = events.filter(Q(actor_name__icontains=who) | Q(actor__username__icontains=who))
    if date_from:
        events = events.filter(at__date__gte=date_from)
    if date_to:
        events = events.filter(at__date__lte=date_to)
    if text:
        events = events.filter(Q(object_repr__icontains=text) | Q(reason__icontains=text))
    return events.select_related("object_type")

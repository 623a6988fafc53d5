from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .models import AuditAction, AuditEvent


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


def audit_event_parts(*, user, partnership, **filters):
    """The trail of audit_event_list in its two parts, each newest first and read through its own index:
    the partnership's records' events, and the sign-ins (which belong to no partnership) of its people.
    Asked of as one list, the OR between them kept the database on the national index of times."""
    events = audit_event_list(user=user, partnership=partnership, **filters).order_by("-at", "-id")
    return [events.filter(partnership=partnership), events.filter(partnership__isnull=True)]


def _write_cursor(event):
    return f"{event.at.isoformat()}_{event.pk}"


def _read_cursor(text):
    at, _, pk = (text or "").rpartition("_")
    try:
        return datetime.fromisoformat(at), int(pk)
    except ValueError:
        return None


AUDIT_CURSOR = (_write_cursor, _read_cursor)


def _field_label(model, name):
    label = getattr(model, "history_labels", {}).get(name)
    if label:
        return label
    try:
        return str(model._meta.get_field(name).verbose_name).capitalize()
    except Exception:  # a field renamed or removed since the event was written
        return name.replace("_", " ").capitalize()


def _said(value):
    if value in (None, "", []):
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return f"{date.fromisoformat(value):%-d %B %Y}"
        except ValueError:
            return value
    return str(value)


# Fields a reader of a record's history does not need spelled out (the withdrawal has its own line).
_QUIET = {"withdrawn_at", "withdrawn_by", "withdrawal_reason", "version", "sort_date"}


def record_history(obj):
    """Everything recorded about one record, oldest first: its creation, corrections, withdrawal, each
    change said in words ("Sent on changed from 3 March 2026 to nothing"). Shown on the record's own pages to whoever
    may read the record (the partnership's full trail stays the business manager's); reads are left out."""
    model = type(obj)
    # unscoped: the events of this one record, which the caller's page has authorised; visible_to() would
    # give only the partnership's trail, which is the managers'.
    events = list(
        AuditEvent.objects.unscoped()
        .filter(object_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))
        .exclude(action=AuditAction.VIEW)
        .order_by("at", "id")
    )
    for event in events:
        event.described_changes = [
            (_field_label(model, name), _said(values[0]), _said(values[1]))
            for name, values in event.changes.items()
            if name not in _QUIET and event.action != AuditAction.CREATE
        ]
    return events

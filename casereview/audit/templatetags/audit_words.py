"""The audit trail in words: field labels instead of field names, dates as people write them, yes and no,
and a record named by what it is rather than "Publication object (3d2f…)"."""

import datetime
import re

from django import template

register = template.Library()

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")
_DEFAULT_REPR = re.compile(r"^\w+ object \([^)]*\)$")


def _value_in_words(value):
    if value is None or value == "" or value == []:
        return "nothing"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, str) and _ISO_DATE.match(value):
        day = datetime.date.fromisoformat(value)
        return f"{day.day} {day:%B %Y}"
    if isinstance(value, str) and _ISO_DATETIME.match(value):
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        return f"{moment.day} {moment:%B %Y at %H:%M}"
    if isinstance(value, list):
        return ", ".join(_value_in_words(v) for v in value)
    return str(value)


def _label(model, name):
    if model is not None:
        try:
            label = str(model._meta.get_field(name).verbose_name)
        except Exception:
            label = name.replace("_", " ")
    else:
        label = name.replace("_", " ")
    return label[:1].upper() + label[1:]


@register.filter
def changes_in_words(event):
    """[(label, before, after)] for the event's changes; before is None for a record just created."""
    model = event.object_type.model_class() if event.object_type_id else None
    rows = []
    for name, (before, after) in (event.changes or {}).items():
        rows.append(
            (
                _label(model, name),
                None if event.action == "create" else _value_in_words(before),
                _value_in_words(after),
            )
        )
    return rows


@register.filter
def record_in_words(event):
    what = event.object_type.name if event.object_type_id else ""
    if not event.object_repr or _DEFAULT_REPR.match(event.object_repr):
        return what[:1].upper() + what[1:]
    return event.object_repr

from django import template

register = template.Library()


@register.filter
def working_days_phrase(days):
    """'3 working days left', 'due today', '2 working days overdue'."""
    if days is None:
        return ""
    if days == 0:
        return "due today"
    plural = "s" if abs(days) != 1 else ""
    return f"{days} working day{plural} left" if days > 0 else f"{-days} working day{plural} overdue"


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or an empty list."""
    return mapping.get(key, []) if mapping else []


@register.filter
def duration_words(value):
    """A timedelta as people say it: '30 minutes', '1 hour', '2 hours 15 minutes'."""
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    parts = [
        f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in ((days, "day"), (hours, "hour"), (minutes, "minute")) if n
    ]
    return " ".join(parts) or "less than a minute"

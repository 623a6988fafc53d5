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

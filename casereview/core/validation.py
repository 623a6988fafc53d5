from django.core.exceptions import ValidationError
from django.utils import timezone


def require_not_future(day, field, label):
    """Refuse a date after today, beside the field it belongs to: nothing in a case record happens later."""
    if day and day > timezone.localdate():
        raise ValidationError({field: f"{label} must be today or in the past"})

from django.core.exceptions import ValidationError
from django.utils import timezone

from casereview.core.dates import long_date


def require_not_future(day, field, label):
    """Refuse a date after today, beside the field it belongs to: nothing in a case record happens later."""
    if day and day > timezone.localdate():
        raise ValidationError({field: f"{label} must be today or in the past"})


def require_not_before(day, field, label, *, step, step_on):
    """Refuse a date before the step it follows, naming that step and its date: a statutory step recorded
    before the one it answers (a report sent before it existed, a family told before the decision) is a slip
    of the year that would let a check pass. `step` reads after "before": "the report was uploaded"."""
    if day and step_on and day < step_on:
        raise ValidationError({field: f"{label} cannot be before {step} ({long_date(step_on)})"})


def dated_step_problem(day, label, *, step, step_on):
    """The same rule as a sentence, for a check that lists what is wrong instead of refusing a form."""
    if day and step_on and day < step_on:
        return f"{label} ({long_date(day)}) is before {step} ({long_date(step_on)})"
    return ""

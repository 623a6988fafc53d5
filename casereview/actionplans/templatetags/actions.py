"""An action's status as a GOV.UK tag. It was a template included once a row ("status_tag.html"): on the
monitoring page's 25 rows the includes cost more than the rest of their cells; the words and colours are
the same."""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

_TAGS = {
    "overdue": ("red", "Overdue"),
    "at_risk": ("orange", "At risk"),
    "on_track": ("green", "On track"),
    "not_started": ("grey", "Not started"),
    "completed": ("blue", "Completed — evidence awaited"),
    "closed": ("purple", "Closed"),
}
_EVIDENCE_IN = "Completed — evidence to be checked by the business manager"


@register.simple_tag
def status_tag(status, evidence_in=False):
    """The tag for an action's status ("overdue" for one past its due date); nothing for another value."""
    if status not in _TAGS:
        return "\n"
    colour, words = _TAGS[status]
    if status == "completed" and evidence_in:
        words = _EVIDENCE_IN
    # the newline: the included template's own last line, so each page's text is unchanged
    return mark_safe(f'<strong class="govuk-tag govuk-tag--{colour}">{words}</strong>\n')  # noqa: S308 - constants

"""The case's progress beyond the incident (rapid review, recommendation, decision, review) for the incident
page. A template tag, so that incidents, the floor below, shows it without importing decisions."""

from django import template

from casereview.decisions.selectors import case_progress as case_progress_for

register = template.Library()


@register.inclusion_tag("decisions/partials/case_progress.html", takes_context=True)
def case_progress(context, incident):
    user = context["request"].user
    return {**context.flatten(), "case": case_progress_for(user=user, incident=incident)}

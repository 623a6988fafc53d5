"""An action's status tag, written by a template tag where the pages included a template once a row: each
status's colour and words are what the template wrote."""

import pytest
from django.template import Context, Template

from casereview.actionplans.models import DISPLAY_STATUSES

# actionplans/partials/status_tag.html as it was, with its last newline
INCLUDED = (
    '{% if status == "overdue" %}<strong class="govuk-tag govuk-tag--red">Overdue</strong>'
    '{% elif status == "at_risk" %}<strong class="govuk-tag govuk-tag--orange">At risk</strong>'
    '{% elif status == "on_track" %}<strong class="govuk-tag govuk-tag--green">On track</strong>'
    '{% elif status == "not_started" %}<strong class="govuk-tag govuk-tag--grey">Not started</strong>'
    '{% elif status == "completed" %}<strong class="govuk-tag govuk-tag--blue">{% if evidence_in %}'
    "Completed — evidence to be checked by the business manager{% else %}Completed — evidence awaited{% endif %}"
    '</strong>{% elif status == "closed" %}<strong class="govuk-tag govuk-tag--purple">Closed</strong>{% endif %}\n'
)


@pytest.mark.parametrize("status", [value for value, _ in DISPLAY_STATUSES] + ["", "nonsense"])
@pytest.mark.parametrize("evidence_in", [False, True])
def test_each_status_reads_as_the_included_template_wrote_it(status, evidence_in):
    context = {"status": status, "evidence_in": evidence_in}
    tag = Template("{% load actions %}{% status_tag status evidence_in=evidence_in %}").render(Context(context))
    assert tag == Template(INCLUDED).render(Context(context))


def test_a_completed_action_says_whether_its_evidence_is_in():
    render = Template("{% load actions %}{% status_tag 'completed' evidence_in=e %}").render
    assert "evidence awaited" in render(Context({"e": None}))
    assert "to be checked by the business manager" in render(Context({"e": ["a file"]}))

"""Walkthrough 9's findings on the rapid review and the decision's dates (docs/walkthrough-9.md), helper
uifix9a: a step dated before the one it follows is refused, naming that step and its date."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from casereview.decisions import services
from casereview.testing import IncidentFactory, RapidReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident(partnership_a):
    return IncidentFactory(partnership=partnership_a)


def test_the_national_panels_response_cannot_be_dated_before_the_rapid_review_was_sent(alice, incident):
    RapidReviewFactory(incident=incident, sent_to_panel_on=date(2025, 5, 12))
    with pytest.raises(ValidationError) as refused:
        services.panel_response_record(actor=alice, incident=incident, response="agrees", received_on=date(2025, 5, 9))
    assert refused.value.message_dict["received_on"] == [
        "The date received cannot be before the rapid review was sent to the national panel (12 May 2025)"
    ]
    services.panel_response_record(actor=alice, incident=incident, response="agrees", received_on=date(2025, 5, 12))


def test_the_family_cannot_be_told_of_a_decision_before_the_chair_made_it(alice, incident):
    services.recommendation_make(
        actor=alice, incident=incident, outcome="local_review", rationale="x", made_on=date(2025, 5, 13)
    )
    services.chair_decide(
        actor=alice, incident=incident, outcome="local_review", rationale="y", decided_on=date(2025, 5, 20)
    )
    with pytest.raises(ValidationError) as refused:
        services.family_communication_record(
            actor=alice, incident=incident, communicated_on=date(2025, 5, 17), method="letter", communicated_by="BM"
        )
    assert refused.value.message_dict["communicated_on"] == [
        "The date the family was told cannot be before the chair decided (20 May 2025)"
    ]


# --- findings 3, 6 and 15: completing the rapid review and sending it ---------------------------------

from django.core import mail  # noqa: E402
from django.urls import reverse  # noqa: E402

from casereview.accounts.models import Role  # noqa: E402
from casereview.notifications.models import Notification  # noqa: E402
from casereview.testing import AgencyFactory, member  # noqa: E402

JUDGED = {
    "improvements": ("yes", "Concerns not followed up."),
    "recurrent_themes": ("may", "Neglect, as before."),
    "agencies_working_together": ("yes", "Nobody joined the information up."),
    "panel_suggested_local": ("", ""),
}


@pytest.fixture
def opened(alice, incident):
    social_care = AgencyFactory(
        partnership=incident.partnership, name="Children's Services", sector="childrens_social_care"
    )
    lead = member(
        incident.partnership, Role.AGENCY_LEAD, agency=social_care, username="sc_lead", email="sc@example.org"
    )
    rapid_review = services.rapid_review_open(
        actor=alice, incident=incident, agencies=[social_care], opened_on=date(2025, 4, 22)
    )
    return rapid_review, lead


def _update(alice, rapid_review, **changes):
    fields = dict(
        facts_gathered="Facts",
        immediate_actions="",
        sent_to_panel_on=None,
        assessments=JUDGED,
        complete=False,
    )
    return services.rapid_review_update(actor=alice, rapid_review=rapid_review, **{**fields, **changes})


def test_a_rapid_review_not_complete_cannot_be_recorded_as_sent_to_the_national_panel(alice, opened):
    rapid_review, _ = opened
    with pytest.raises(ValidationError) as refused:
        _update(alice, rapid_review, facts_gathered="", assessments={}, sent_to_panel_on=date(2025, 5, 1))
    assert "The national panel is sent the completed rapid review" in refused.value.message_dict["sent_to_panel_on"][0]
    rapid_review.refresh_from_db()
    assert rapid_review.sent_to_panel_on is None
    with pytest.raises(ValidationError) as refused:
        _update(alice, rapid_review, complete=True, sent_to_panel_on=date(2025, 4, 1))
    assert refused.value.message_dict["sent_to_panel_on"] == [
        "The date sent to the national panel cannot be before the rapid review opened (22 April 2025)"
    ]
    _update(alice, rapid_review, complete=True, sent_to_panel_on=date(2025, 5, 1))
    rapid_review.refresh_from_db()
    assert rapid_review.completed_on and rapid_review.sent_to_panel_on == date(2025, 5, 1)


def test_completing_asks_each_unjudged_criterion_on_its_own_question_but_not_the_panels(client, alice, opened):
    rapid_review, _ = opened
    client.force_login(alice)
    url = reverse("decisions:rapid_review_edit", args=[rapid_review.pk])
    form = client.get(url).content.decode()
    assert "leave this until the panel replies" in form
    page = client.post(
        url, {"facts_gathered": "Facts", "met_improvements": "yes", "evidence_improvements": "x", "complete": "on"}
    ).content.decode()
    summary = page.split('govuk-error-summary__list"')[1].split("</ul>")[0]
    first = summary.split("<li>")[1]
    assert 'href="#id_met_recurrent_themes_0"' in first
    assert "Judge the criterion on recurrent themes before completing the rapid review" in first
    assert "national panel" not in summary
    # the message sits on the criterion's own fieldset, marked as an error (GOV.UK pattern)
    assert page.count('<p id="id_met_recurrent_themes_error" class="govuk-error-message">') == 1
    # completed without the national panel's view
    _update(alice, rapid_review, complete=True)
    rapid_review.refresh_from_db()
    assert rapid_review.completed_on


def test_an_agency_whose_information_is_awaited_is_told_when_the_rapid_review_is_completed(
    client, alice, opened, django_capture_on_commit_callbacks
):
    rapid_review, lead = opened
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _update(alice, rapid_review, complete=True)
    told = Notification.objects.get(recipient=lead, key__startswith="request_closed:")
    assert told.what.startswith("The rapid review was completed on")
    assert "before the information from Children's Services arrived, so it is no longer asked of you" in told.what
    assert "contact Alice Adams (business manager)" in told.what
    asked = Notification.objects.get(recipient=lead, key__startswith="request:")
    assert "no longer asked, the rapid review was completed" in asked.what
    assert any("sc@example.org" in m.to for m in mail.outbox)
    client.force_login(lead)
    home = client.get("/").content.decode()
    assert "no longer asked of you" in home
    assert "Nothing is asked of your agency at the moment." in home


def test_the_family_page_shows_the_decision_and_rationale_the_family_is_to_be_told(client, alice, incident):
    services.recommendation_make(
        actor=alice, incident=incident, outcome="local_review", rationale="x", made_on=date(2025, 5, 13)
    )
    services.chair_decide(
        actor=alice,
        incident=incident,
        outcome="local_review",
        rationale="Agencies did not share what they knew.",
        decided_on=date(2025, 5, 20),
    )
    client.force_login(alice)
    page = client.get(reverse("decisions:family_communication", args=[incident.pk])).content.decode()
    assert 'id="decision-to-tell"' in page
    assert "Agencies did not share what they knew." in page
    assert "20 May 2025" in page

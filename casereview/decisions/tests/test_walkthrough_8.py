"""Walkthrough 8's findings on the rapid review and the decision (docs/walkthrough-8.md, findings 12 and 23)."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.decisions.models import ReviewRecommendation
from casereview.testing import (
    AgencyFactory,
    IncidentFactory,
    InformationRequestFactory,
    RapidReviewFactory,
    date_fields,
    member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_rapid_review(partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child S", reference="2026-001")
    rapid_review = RapidReviewFactory(incident=incident)
    InformationRequestFactory(
        rapid_review=rapid_review, agency=AgencyFactory(partnership=partnership_a, name="Children's social care")
    )
    return rapid_review


def test_the_recommendation_and_decision_pages_warn_above_save_when_the_rapid_review_is_incomplete(
    client, partnership_a, alice, open_rapid_review
):
    """Finding 12: what is missing, above the button."""
    incident = open_rapid_review.incident
    client.force_login(alice)
    body = client.get(reverse("decisions:recommend", args=[incident.pk])).content.decode().replace("&#x27;", "'")
    warning = (
        "The rapid review is not complete: information from Children's social care is awaited; no criterion has "
        "been judged; it has not been sent to the national panel."
    )
    assert warning in body
    assert body.index(warning) < body.index("Record the recommendation</button>")
    ReviewRecommendation.objects.create(
        incident=incident, outcome="local_review", rationale="Met", made_on=datetime.date(2025, 5, 1), recorded_by=alice
    )
    client.force_login(member(partnership_a, Role.CHAIR, username="chair"))
    body = client.get(reverse("decisions:decide", args=[incident.pk])).content.decode().replace("&#x27;", "'")
    assert warning in body and "You decide on the rapid review" in body
    # once complete, no warning
    request = open_rapid_review.requests.get()
    request.responded_on, request.response = datetime.date(2025, 4, 30), "Known to us"
    request.save()
    for criterion in ("improvements", "recurrent_themes", "agencies_working_together"):
        open_rapid_review.assessments.create(criterion=criterion, met="yes", evidence="Because")
    open_rapid_review.sent_to_panel_on = datetime.date(2025, 5, 1)
    open_rapid_review.save()
    assert "is not complete" not in client.get(reverse("decisions:decide", args=[incident.pk])).content.decode()


def test_the_decision_form_reports_every_error_at_once(client, partnership_a, alice, open_rapid_review):
    """Finding 12: no rationale and a date to come, told together."""
    incident = open_rapid_review.incident
    ReviewRecommendation.objects.create(
        incident=incident, outcome="local_review", rationale="Met", made_on=datetime.date(2025, 5, 1), recorded_by=alice
    )
    client.force_login(member(partnership_a, Role.CHAIR, username="chair"))
    later = timezone.localdate() + datetime.timedelta(days=7)
    body = client.post(
        reverse("decisions:decide", args=[incident.pk]),
        {"outcome": "local_review", "rationale": "", **date_fields("decided_on", later)},
    ).content.decode()
    assert "Give the rationale" in body and "The date of the decision must be today or in the past" in body
    assert not hasattr(incident, "decision") or not incident.__class__.objects.get(pk=incident.pk).decision_id


def test_the_recommendation_form_reports_every_error_at_once(client, partnership_a, alice, open_rapid_review):
    client.force_login(alice)
    later = timezone.localdate() + datetime.timedelta(days=7)
    body = client.post(
        reverse("decisions:recommend", args=[open_rapid_review.incident.pk]),
        {"outcome": "local_review", "rationale": "", **date_fields("made_on", later)},
    ).content.decode()
    assert "Give the rationale" in body and "The date of the recommendation must be today or in the past" in body


def test_a_case_under_the_current_rules_names_its_review_without_the_old_regimes_name(
    client, partnership_a, alice, open_rapid_review
):
    """Finding 23: "(serious case review before 2019)" beside a 2026 case's recommendation; the decision's
    "Cannot start yet" says what it waits for; the rapid review's heading has no internal reference."""
    incident = open_rapid_review.incident
    ReviewRecommendation.objects.create(
        incident=incident, outcome="local_review", rationale="Met", made_on=datetime.date(2025, 5, 1), recorded_by=alice
    )
    assert incident.recommendation.get_outcome_display() == "Local child safeguarding practice review"
    client.force_login(member(partnership_a, Role.CHAIR, username="chair"))
    body = client.get(reverse("decisions:decide", args=[incident.pk])).content.decode()
    assert "before 2019" not in body
    old = IncidentFactory(
        partnership=partnership_a, incident_date=datetime.date(2010, 3, 1), aware_date=datetime.date(2010, 3, 2)
    )
    recommendation = ReviewRecommendation.objects.create(
        incident=old, outcome="local_review", rationale="Met", made_on=datetime.date(2010, 4, 1), recorded_by=alice
    )
    assert recommendation.get_outcome_display() == "Serious case review"
    fresh = IncidentFactory(partnership=partnership_a)
    RapidReviewFactory(incident=fresh)
    client.force_login(alice)
    body = client.get(reverse("incidents:detail", args=[fresh.pk])).content.decode().replace("&#x27;", "'")
    assert "The chair decides once the subgroup's recommendation is recorded" in body
    body = client.get(reverse("decisions:rapid_review", args=[open_rapid_review.pk])).content.decode()
    assert "2026-001" not in body


def test_sent_information_is_shown_as_sent_and_an_addition_is_appended_with_its_date(client, partnership_a):
    """Finding 17: not an editable box under "Send"; adding keeps what was sent."""
    from casereview.decisions import services

    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service")
    rapid_review = RapidReviewFactory(incident=IncidentFactory(partnership=partnership_a))
    request = InformationRequestFactory(rapid_review=rapid_review, agency=police)
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, username="pl", first_name="Police", last_name="Lead")
    services.information_request_answer(actor=lead, info_request=request, response="Two call-outs in March.")
    client.force_login(lead)
    url = reverse("decisions:request_answer", args=[request.pk])
    page = client.get(url).content.decode()
    assert "What you sent" in page and "Add to what you sent" in page
    textarea = page.split("<textarea", 1)[1].split("</textarea>", 1)[0]
    assert "Two call-outs in March." not in textarea, "what was sent is not in the box to edit"
    assert "Two call-outs in March." in page.split("<textarea", 1)[0]
    response = client.post(url, {"response": "A third call-out on 2 April."})
    assert response.status_code == 302
    request.refresh_from_db()
    today = timezone.localdate()
    assert re.fullmatch(
        rf"Two call-outs in March.\n\nAdded on {today:%-d %B %Y} at \d\d:\d\d by Police Lead:\n"
        r"A third call-out on 2 April.",
        request.response,
    )
    assert request.responded_by == lead

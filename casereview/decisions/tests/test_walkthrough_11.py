"""Walkthrough 11's findings on the rapid review and the decision (docs/walkthrough-11.md)."""

import datetime

import pytest
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.decisions.models import ReviewRecommendation
from casereview.testing import member, page_text

from .test_walkthrough_8 import open_rapid_review  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def test_a_completed_rapid_review_awaiting_only_the_panel_is_not_called_incomplete(
    client,
    partnership_a,
    alice,
    open_rapid_review,  # noqa: F811
):
    """Finding 4: three criteria judged, the fourth left for the panel's reply as the form's hint says,
    and completed: the chair read "The rapid review is not complete: 1 of the 4 criteria has not been judged"."""
    rapid_review = open_rapid_review
    request = rapid_review.requests.get()
    request.responded_on, request.response = datetime.date(2026, 12, 3), "Known to us"
    request.save()
    for criterion in ("improvements", "recurrent_themes", "agencies_working_together"):
        rapid_review.assessments.create(criterion=criterion, met="yes", evidence="Because")
    rapid_review.sent_to_panel_on = rapid_review.completed_on = datetime.date(2026, 12, 7)
    rapid_review.save()
    ReviewRecommendation.objects.create(
        incident=rapid_review.incident,
        outcome="local_review",
        rationale="Met",
        made_on=datetime.date(2026, 12, 7),
        recorded_by=alice,
    )
    client.force_login(member(partnership_a, Role.CHAIR, username="chair"))
    page = page_text(client.get(reverse("decisions:decide", args=[rapid_review.incident.pk])))
    assert "is not complete" not in page and "criteria has not been judged" not in page
    assert "The national panel has not replied yet" in page and "You can decide without it." in page


def test_a_panel_that_disagrees_is_told_to_the_chair_by_email_on_the_home_page_and_in_the_executive_report(
    client, partnership_a, alice, django_capture_on_commit_callbacks, mailoutbox
):
    """Finding 5: the panel's "disagrees" was recorded and nobody was told; the executive report showed the
    chair's decision without it."""
    from django.utils import timezone

    from casereview.decisions import services
    from casereview.testing import decision_in

    decision = decision_in(partnership_a, outcome="local_review")
    decision.decided_on = timezone.localdate() - datetime.timedelta(days=3)
    decision.save()
    chair = member(partnership_a, Role.CHAIR, username="chair", email="chair@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.panel_response_record(
            actor=alice,
            incident=decision.incident,
            response="disagrees",
            received_on=timezone.localdate(),
            notes="The panel thinks a national review may be needed.",
        )
    assert any(
        "The national panel disagrees with the local decision" in m.subject + m.body and "chair@example.org" in m.to
        for m in mailoutbox
    )
    client.force_login(chair)
    home = page_text(client.get("/"))
    assert "The national panel does not agree" in home
    assert "the national panel replied “Disagrees with the local decision” to your decision of" in home
    client.force_login(alice)
    report = page_text(client.get(reverse("reporting:executive_report", args=[partnership_a.slug])))
    assert "The national panel's response" in report and "Disagrees with the local decision" in report


def test_opening_a_rapid_review_says_the_due_date_each_agency_will_be_given(client, partnership_a, alice):
    """Finding 22: the agencies were given 21 December without the form saying so."""
    from django.utils import timezone

    from casereview.core.dates import long_date
    from casereview.core.working_days import add_working_days
    from casereview.testing import IncidentFactory

    today = timezone.localdate()
    incident = IncidentFactory(partnership=partnership_a, aware_date=today, incident_date=today)
    client.force_login(alice)
    page = page_text(client.get(reverse("decisions:rapid_review_open", args=[incident.pk])))
    days = partnership_a.agency_information_working_days
    due = min(add_working_days(today, days), add_working_days(today, partnership_a.rapid_review_working_days))
    assert f"Each agency is asked to reply within {days} working days: by {long_date(due)}" in page

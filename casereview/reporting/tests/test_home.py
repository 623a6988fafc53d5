"""Each role lands on what it needs first (domain.md, "What each person needs to see first")."""

import html

import pytest
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.core.working_days import add_working_days
from casereview.decisions import services as decisions
from casereview.testing import AgencyFactory, IncidentFactory, ReviewFactory, member

pytestmark = pytest.mark.django_db


def home(client, user):
    client.force_login(user)
    return html.unescape(client.get(reverse("home")).content.decode())


@pytest.fixture
def case(alice, partnership_a):
    aware = add_working_days(timezone.localdate(), -3)
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    health = AgencyFactory(partnership=partnership_a, name="Guy's and St Thomas'", sector="health")
    incident = IncidentFactory(
        partnership=partnership_a, child_pseudonym="Child S", aware_date=aware, incident_date=aware
    )
    rapid_review = decisions.rapid_review_open(
        actor=alice, incident=incident, agencies=[police, health], opened_on=aware
    )
    decided = IncidentFactory(partnership=partnership_a, child_pseudonym="Child T")
    decisions.recommendation_make(
        actor=alice, incident=decided, outcome="local_review", rationale="Working together", made_on=decided.aware_date
    )
    review = ReviewFactory(partnership=partnership_a, title="Child Q", target_completion=timezone.localdate())
    return dict(police=police, health=health, rapid_review=rapid_review, decided=decided, review=review)


def test_business_manager_sees_everything_due_and_reviews_by_stage(client, alice, case):
    page = home(client, alice)
    assert "Due and overdue" in page and "Complete the rapid review" in page
    assert "Metropolitan Police Service: information for the rapid review" in page
    assert "Reviews in progress" in page and "Child Q" in page and "Scoping" in page
    assert reverse("accounts:partnership_detail", args=["southwark"]) in page


def test_chair_sees_the_decision_awaiting_them_beside_the_recommendation(client, partnership_a, case):
    chair = member(partnership_a, Role.CHAIR)
    page = home(client, chair)
    assert "Decisions awaiting you" in page
    assert "Child T: decide whether to hold a review" in page
    # the link opens the decision itself, not the case page above it
    assert f'href="{reverse("decisions:decide", args=[case["decided"].pk])}">Child T: decide' in page
    assert "Local child safeguarding practice review" in page  # the recommendation beside it


def test_agency_lead_sees_their_agencys_request_and_not_anothers(client, partnership_a, case):
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=case["police"])
    page = home(client, lead)
    assert "Asked of your agency" in page
    assert "Metropolitan Police Service: information for the rapid review" in page
    assert "Guy's and St Thomas'" not in page
    assert "Decisions awaiting you" not in page and "Child T" not in page


def test_reviewer_sees_only_their_reviews(client, alice, partnership_a, case):
    from casereview.reviews.services import reviewer_appoint

    reviewer = member(partnership_a, Role.REVIEWER)
    mine = ReviewFactory(partnership=partnership_a, title="Child M")
    reviewer_appoint(actor=alice, review=mine, user=reviewer, appointed_on=timezone.localdate(), declaration="None")
    page = home(client, reviewer)
    assert "Your reviews" in page and "Child M" in page
    assert "Child Q" not in page and "Child S" not in page


def test_executive_sees_the_quarter(client, partnership_a, case):
    executive = member(partnership_a, Role.EXECUTIVE)
    page = home(client, executive)
    assert "This quarter so far" in page and "Rapid reviews in progress" in page
    assert reverse("reporting:executive_report", args=["southwark"]) in page


def test_viewer_sees_published_learning_only(client, bob, case):
    page = home(client, bob)
    assert "Published learning" in page
    assert "Child S" not in page and "Child T" not in page and "Due and overdue" not in page


def test_a_request_already_answered_leaves_recently_asked_of_you(client, partnership_a, case):
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=case["police"])
    from casereview.notifications.models import Notification

    request = case["rapid_review"].requests.get(agency=case["police"])
    Notification.objects.create(
        recipient=lead, partnership=partnership_a, key=f"request:{request.pk}", what="Information asked", path="/"
    )
    assert "Recently asked of you" in home(client, lead)
    decisions.information_request_answer(actor=lead, info_request=request, response="Two call-outs.")
    page = home(client, lead)
    # Sent: it no longer sits above "Nothing is asked of your agency" as if still asked.
    assert "Recently asked of you" not in page and "Information asked" not in page


def test_viewer_home_is_about_learning_and_points_to_the_library_when_nothing_is_published(client, bob, case):
    page = home(client, bob)
    assert "Learning from case reviews" in page and "what needs you" not in page.lower()
    assert "No anonymised report has been published from casereview yet" in page
    assert reverse("library:search", args=["southwark"]) in page


def test_the_chair_is_not_shown_the_business_managers_duties(client, partnership_a):
    from casereview.testing import NotificationDutyFactory

    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child N")
    NotificationDutyFactory(incident=incident)
    chair = member(partnership_a, Role.CHAIR)
    page = home(client, chair)
    assert "Child N" not in page and "Nothing is due" in page


def test_home_says_finished_reviews_are_at_action_plan_monitoring(client, alice, partnership_a):
    ReviewFactory(partnership=partnership_a, title="Child P", stage="action_plan")
    page = home(client, alice)
    assert "No review is being carried out at the moment. 1 finished review is at action plan monitoring" in page

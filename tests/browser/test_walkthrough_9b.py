"""Walkthrough 9's findings fixed by helper uifix9b, walked in the browser: the manager's "what changed" after
a sign-in through an e-mail's link (finding 5), an action update dated before the action started (8), and
the agency lead's merged chronology (10). Each page fits a phone and passes axe-core."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from casereview.accounts.models import Role
from casereview.actionplans.models import ActionStatus
from casereview.decisions import services as decisions
from casereview.reviews.models import ChronologyEntry, TermsOfReference
from casereview.testing import (
    PASSWORD,
    ActionFactory,
    AgencyContributionFactory,
    AgencyFactory,
    IncidentFactory,
    InformationRequestFactory,
    RapidReviewFactory,
    ReviewFactory,
    member,
)

from .conftest import PHONE, assert_accessible, assert_fits
from .test_case_journey import sign_out
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()


def _fill_sign_in(page, username):
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_walkthrough_9s_home_action_and_chronology_fixes(page, alice, partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child S")
    rapid_review = RapidReviewFactory(incident=incident)
    request = InformationRequestFactory(rapid_review=rapid_review, agency=police)
    police_lead = member(
        partnership_a, Role.AGENCY_LEAD, agency=police, username="police", first_name="Police", last_name="Lead"
    )
    page.set_viewport_size(PHONE)

    # (5) first sign-in: said; then the police send and add twice; the manager signs in from the e-mail's link
    sign_in(page, "alice")
    expect(page.locator("#changes-first")).to_contain_text("This is your first sign-in")
    assert_fits(page)
    assert_accessible(page)
    sign_out(page)
    decisions.information_request_answer(actor=police_lead, info_request=request, response="Two call-outs.")
    for addition in ("A third call-out.", "A fourth."):
        request.refresh_from_db()
        decisions.information_request_answer(actor=police_lead, info_request=request, response=addition)
    page.goto(f"/rapid-reviews/{rapid_review.pk}/")
    _fill_sign_in(page, "alice")
    page.wait_for_url(f"**/rapid-reviews/{rapid_review.pk}/")
    sign_out(page)
    sign_in(page, "alice")
    changes = page.locator("#changes")
    expect(changes).to_contain_text("Metropolitan Police Service sent its information for Child S's rapid review")
    expect(changes).to_contain_text("Metropolitan Police Service added to its information")
    expect(changes).to_contain_text("(2 times)")
    assert_fits(page)
    assert_accessible(page)
    changes.get_by_role("link", name="Metropolitan Police Service added to its information", exact=False).click()
    page.wait_for_url(f"**/information-requests/{request.pk}/")

    # (8) an update dated before the action started is refused on the form
    review = ReviewFactory(
        partnership=partnership_a, title="Child T", incident=IncidentFactory(partnership=partnership_a)
    )
    action = ActionFactory(
        review=review,
        owner_agency=police,
        start_date=datetime.date(2015, 9, 1),
        due_date=TODAY + datetime.timedelta(days=30),
        status=ActionStatus.AT_RISK,
    )
    sign_out(page)
    sign_in(page, "police")
    page.goto(f"/actions/{action.pk}/update/")
    page.get_by_label("Day").fill("1")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill("2010")
    page.get_by_label("On track").check()
    page.get_by_label("Progress").fill("Protocol drafted.")
    page.get_by_role("button", name="Post the update").click()
    expect(page.get_by_role("alert")).to_contain_text("cannot be before the action started (1 September 2015)")
    assert_fits(page)
    assert_accessible(page)

    # (10) the lead's own chronology is said, not "No agency has sent its chronology yet"
    TermsOfReference.objects.create(
        review=review,
        scope_start=datetime.date(2024, 1, 1),
        scope_end=datetime.date(2026, 7, 9),
        lines_of_enquiry="Lines",
        methodology="other",
    )
    contribution = AgencyContributionFactory(review=review, agency=police, status="received")
    ChronologyEntry.objects.create(
        contribution=contribution,
        review=review,
        agency=police,
        event_date=datetime.date(2025, 3, 1),
        sort_date=datetime.date(2025, 3, 1),
        event_type="Home visit",
        description="Seen at home",
    )
    page.goto(f"/reviews/{review.pk}/chronology/")
    body = page.locator("main").inner_text()
    assert "No agency has sent its chronology yet" not in body
    assert "other agencies' chronologies are not shown to you" in body
    assert "Chronology from Metropolitan Police Service: 1 event received" in body
    assert_fits(page)
    assert_accessible(page)

"""A partnership's first week, as new users would live it: the business manager invites an education lead,
who chooses a password from the e-mail and finds their agency's request on their home page; the chair finds
the decision awaiting them. Every page is checked with axe-core, and on a phone nothing is wider than 390 px."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from casereview.accounts.models import Role
from casereview.decisions import services as decisions
from casereview.testing import AgencyFactory, IncidentFactory, member

from .conftest import PHONE, assert_accessible, assert_fits
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def first_week(alice, partnership_a):
    """A rapid review under way that asks the schools for information, and a recommendation for the chair."""
    from django.utils import timezone

    from casereview.core.working_days import add_working_days

    schools = AgencyFactory(partnership=partnership_a, name="Southwark schools", sector="education")
    aware = add_working_days(timezone.localdate(), -2)
    incident = IncidentFactory(
        partnership=partnership_a, child_pseudonym="Child S", aware_date=aware, incident_date=aware
    )
    decisions.rapid_review_open(actor=alice, incident=incident, agencies=[schools], opened_on=aware)
    decided = IncidentFactory(partnership=partnership_a, child_pseudonym="Child T")
    decisions.recommendation_make(
        actor=alice,
        incident=decided,
        outcome="local_review",
        rationale="Concerns about how agencies worked together",
        made_on=decided.aware_date,
    )
    chair = member(partnership_a, Role.CHAIR, username="carol", first_name="Carol", last_name="Chair")
    return dict(schools=schools, chair=chair)


def check(page):
    assert_accessible(page)
    assert page.console_errors == []


def test_manager_invites_an_education_lead_who_finds_their_agencys_request(page, alice, first_week):
    sign_in(page, "alice")
    page.wait_for_url("**/")
    header = page.get_by_role("banner")
    expect(header.get_by_text("Alice Adams")).to_be_visible()
    expect(header.get_by_role("button", name="Sign out")).to_be_visible()
    expect(page.get_by_role("heading", name="Due and overdue")).to_be_visible()
    expect(page.get_by_role("link", name="Southwark schools: information for the rapid review")).to_be_visible()
    menu = page.get_by_role("navigation", name="Menu")
    assert menu.get_by_role("link").all_inner_texts() == ["Home", "Cases", "Reviews", "Learning", "Partnership"]
    top = {round(box["y"]) for box in (link.bounding_box() for link in menu.get_by_role("link").all())}
    assert len(top) == 1, "the groups sit in one row on a laptop"
    check(page)

    menu.get_by_role("link", name="Partnership").click()
    page.get_by_role("navigation", name="In this section").get_by_role("link", name="People").click()
    page.get_by_role("link", name="Invite a person").click()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.locator(".govuk-error-summary").get_by_text("Enter the person's e-mail address")).to_be_visible()
    check(page)
    page.get_by_label("E-mail address").fill("eve.lead@schools.example.org")
    page.get_by_label("First name").fill("Eve")
    page.get_by_label("Last name").fill("Lead")
    page.get_by_label("Agency safeguarding lead").check()
    page.get_by_role("button", name="Send the invitation").click()
    expect(
        page.locator(".govuk-error-summary").get_by_text("Choose the agency this safeguarding lead works for")
    ).to_be_visible()
    page.get_by_label("Agency", exact=True).select_option(label="Southwark schools")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_text("Eve Lead has been invited")).to_be_visible()
    expect(page.get_by_role("cell", name="Invited, not yet signed in")).to_be_visible()
    check(page)
    page.get_by_role("button", name="Sign out").click()

    invitation = next(m for m in mail.outbox if m.to == ["eve.lead@schools.example.org"])
    link = re.search(r"https?://\S+/invitation/\S+/", invitation.body).group(0)
    assert "Child S" not in invitation.body
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose your password")).to_be_visible()
    check(page)
    page.get_by_label("New password", exact=True).fill("a-long-school-password-42")
    page.get_by_label("New password confirmation").fill("a-long-school-password-42")
    page.get_by_role("button", name="Set my password").click()
    expect(page.get_by_text("Your password is set")).to_be_visible()
    sign_in(page, "eve.lead@schools.example.org", "a-long-school-password-42")
    expect(page.get_by_role("heading", name="Asked of your agency")).to_be_visible()
    request = page.get_by_role("link", name="Southwark schools: information for the rapid review")
    expect(request).to_be_visible()
    expect(page.get_by_text("Child T")).to_have_count(0)
    check(page)
    request.click()
    expect(page.get_by_text("Child S").first).to_be_visible()
    check(page)

    page.goto(link)
    expect(page.get_by_text("This invitation has already been used")).to_be_visible()


def test_chair_finds_the_decision_awaiting_them(page, first_week):
    sign_in(page, "carol")
    page.wait_for_url("**/")
    expect(page.get_by_role("heading", name="Decisions awaiting you")).to_be_visible()
    decision = page.get_by_role("link", name="Child T: decide whether to hold a review")
    expect(decision).to_be_visible()
    check(page)
    decision.click()
    # straight to the decision itself, the case named above it
    expect(page.get_by_role("heading", name="Decide whether to review")).to_be_visible()
    expect(page.get_by_text("Child T").first).to_be_visible()
    check(page)


def test_no_page_is_wider_than_a_phone(browser, live_server, alice, bob, first_week):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    try:
        sign_in(page, "alice")
        page.wait_for_url("**/")
        membership = bob.memberships.get()
        for path in [
            "/",
            "/partnerships/southwark/",
            "/partnerships/southwark/people/",
            "/partnerships/southwark/people/invite/",
            f"/roles/{membership.pk}/",
            "/partnerships/southwark/deadlines/",
            "/partnerships/southwark/actions/",
            "/partnerships/southwark/actions/by-review/",
            "/partnerships/southwark/audit/",
            "/notifications/",
        ]:
            page.goto(path)
            assert_fits(page)
            assert_accessible(page)
    finally:
        context.close()

"""A walk-through: from a looked-after child's death to the chair's decision and the new review,
as the business manager, an agency lead and the independent chair, every page checked with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from casereview.accounts.models import Role
from casereview.reviews.models import Review
from casereview.testing import AgencyFactory, SubgroupFactory, member

from .conftest import assert_accessible, open_area
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page, legend, day, month, year):
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day))
    group.get_by_label("Month").fill(str(month))
    group.get_by_label("Year").fill(str(year))


def sign_out(page):
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in/")


def test_from_a_looked_after_childs_death_to_the_chairs_decision(page, alice, partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    AgencyFactory(partnership=partnership_a, name="Southwark Children's Services", sector="childrens_social_care")
    SubgroupFactory(partnership=partnership_a, name="Serious Case Review (SCR) Subgroup")
    member(partnership_a, Role.AGENCY_LEAD, agency=police, username="police.lead")
    member(partnership_a, Role.CHAIR, username="chair")

    # The business manager records the incident.
    sign_in(page, "alice")
    open_area(page, "Cases", "Incidents")
    expect(page.get_by_text("No incidents have been recorded")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Record a serious incident").click()
    page.get_by_role("button", name="Record the incident").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Child pseudonym").fill("Child T")
    page.get_by_label("The child died").check()
    fill_date(page, "Date of the incident", 16, 4, 2025)
    fill_date(page, "Date the local authority became aware", 17, 4, 2025)
    page.get_by_role("group", name="Abuse or neglect").get_by_label("Suspected", exact=True).check()
    page.get_by_label("The child was looked after").check()
    page.get_by_label("In the partnership's area").check()
    page.get_by_label("Metropolitan Police Service").check()
    page.get_by_label("Child's full name").fill("Tom Example")
    page.get_by_role("button", name="Record the incident").click()

    expect(page.get_by_text("has been recorded as 2025-001")).to_be_visible()
    duties = page.get_by_role("table").first
    for notification in [
        "Notify the Child Safeguarding Practice Review Panel",
        "Notify the Secretary of State",
        "Notify Ofsted",
    ]:
        expect(duties.get_by_role("row").filter(has_text=notification)).to_contain_text("Mon 28 Apr 2025")
    expect(page.get_by_text("Tom Example")).to_have_count(0)
    assert_accessible(page)

    # Rapid review, asking the police.
    page.get_by_role("link", name="Open a rapid review").click()
    fill_date(page, "Date the rapid review opened", 22, 4, 2025)
    page.get_by_role("button", name="Open the rapid review").click()
    expect(page.get_by_text("Due Tuesday 13 May 2025", exact=False)).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # The police lead answers their agency's request.
    sign_in(page, "police.lead")
    open_area(page, "Cases", "Due and overdue")
    page.get_by_role("link", name="Metropolitan Police Service: information for the rapid review").click()
    page.get_by_label("Your agency's information").fill("Two domestic abuse call-outs to the placement in March 2025.")
    page.get_by_role("button", name="Send to the rapid review").click()
    expect(page.get_by_text("information has been sent to the rapid review")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # The business manager completes the rapid review and records the subgroup's recommendation.
    sign_in(page, "alice")
    open_area(page, "Cases", "Incidents")
    page.get_by_role("link", name="Child T").click()
    page.get_by_role("link", name="Rapid review").click()
    expect(page.get_by_text("Two domestic abuse call-outs")).to_be_visible()
    page.get_by_role("button", name="Record the rapid review").click()
    page.get_by_label("Facts gathered").fill("Police and children's services involved; placement concerns.")
    for criterion, judgement in [
        ("improvements needed", "Yes"),
        ("recurrent themes", "It may"),
        ("two or more agencies", "Yes"),
        ("national panel has considered", "No"),
    ]:
        group = page.get_by_role("group", name=re.compile(criterion))
        group.get_by_label(judgement, exact=True).check()
        group.locator(
            "xpath=ancestor::div[contains(@class,'govuk-form-group')]/following-sibling::div[1]//textarea"
        ).fill(f"Evidence: {criterion}")
    page.get_by_label("The rapid review is complete").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The rapid review has been saved")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Back to Child T").click()
    page.get_by_role("link", name="Subgroup's recommendation").click()
    page.get_by_label("Local child safeguarding practice review").check()
    page.get_by_label("Rationale").fill("Three criteria are met.")
    fill_date(page, "Date of the recommendation", 12, 5, 2025)
    page.get_by_role("button", name="Record the recommendation").click()
    expect(page.get_by_text("waiting for the independent chair")).to_be_visible()
    sign_out(page)

    # The chair decides with the recommendation beside them.
    sign_in(page, "chair")
    open_area(page, "Cases", "Due and overdue")
    page.get_by_role("link", name="Independent chair's decision").click()
    page.get_by_role("link", name="Independent chair's decision").click()
    expect(page.get_by_text("Three criteria are met.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Local child safeguarding practice review").check()
    page.get_by_label("Rationale").fill("I agree: a local review will identify improvements.")
    fill_date(page, "Date of the decision", 13, 5, 2025)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("Your decision has been recorded")).to_be_visible()
    page.get_by_role("link", name="Open the review of Child T").click()
    expect(page.get_by_role("heading", name="Local child safeguarding practice review: Child T")).to_be_visible()
    expect(page.get_by_text("13 November 2025")).to_be_visible()
    assert_accessible(page)
    assert Review.objects.get().incident.child_pseudonym == "Child T"
    assert page.console_errors == []

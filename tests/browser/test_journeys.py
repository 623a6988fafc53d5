"""Whole journeys in a real browser, each page checked with axe-core."""

import pytest
from playwright.sync_api import expect

from casereview.accounts.models import Agency
from casereview.testing import PASSWORD

from .conftest import assert_accessible, open_area

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, username, password=PASSWORD):
    page.goto("/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_business_manager_signs_in_and_adds_an_agency(page, alice, bob, agency_a, subgroup_a):
    page.goto("/")
    assert page.url.endswith("/sign-in/?next=/")
    assert_accessible(page)

    sign_in(page, "alice", "wrong password")
    expect(page.get_by_role("alert").get_by_text("There is a problem")).to_be_visible()
    expect(page).to_have_title("Sign in (error) – casereview")
    assert_accessible(page)

    sign_in(page, "alice")
    page.wait_for_url("**/")
    expect(page.get_by_role("heading", name="Southwark Safeguarding Children Board")).to_be_visible()
    assert_accessible(page)

    open_area(page, "Partnership", "People")
    expect(page.get_by_role("link", name="Bob Brown")).to_be_visible()
    page.get_by_label("Name, job title, email or agency").fill("zzz")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("Nobody matches your search")).to_be_visible()
    assert_accessible(page)

    open_area(page, "Partnership", "Agencies and subgroups")
    expect(page.get_by_role("link", name="Metropolitan Police Service")).to_be_visible()
    expect(page.get_by_text("Serious Case Review (SCR) Subgroup")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Add an agency").click()
    page.get_by_role("button", name="Add agency").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter the agency's name")).to_be_visible()
    assert_accessible(page)
    summary.get_by_role("link", name="Enter the agency's name").click()
    page.get_by_label("Agency name").fill("Southwark Youth Offending Service")
    page.get_by_label("Sector").select_option(label="Other")
    page.get_by_role("button", name="Add agency").click()
    expect(page.get_by_text("Southwark Youth Offending Service has been added")).to_be_visible()
    assert Agency.objects.filter(name="Southwark Youth Offending Service").exists()
    assert_accessible(page)

    open_area(page, "Partnership", "Audit log")
    expect(page.get_by_role("cell", name="Agency: Southwark Youth Offending Service")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/sign-in/")
    assert page.console_errors == []


def test_viewer_sees_learning_areas_only(page, bob, agency_a):
    sign_in(page, "bob")
    page.wait_for_url("**/")
    expect(page.get_by_role("heading", name="Published learning")).to_be_visible()
    expect(page.get_by_role("link", name="People", exact=True)).to_have_count(0)
    expect(page.get_by_role("link", name="Audit log")).to_have_count(0)
    assert_accessible(page)
    response = page.goto("/partnerships/southwark/people/")
    assert response.status == 403
    assert page.console_errors == [] or all("403" in e for e in page.console_errors)


def test_password_reset_pages_are_accessible(page, alice):
    page.goto("/sign-in/")
    page.get_by_role("link", name="I have forgotten my password").click()
    page.get_by_role("button", name="Send the link").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Email").fill("alice@example.org")
    page.get_by_role("button", name="Send the link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    assert_accessible(page)


def test_the_accessibility_check_reports_real_violations(page):
    """A test of the check itself: a page with an unlabelled input and an image without alt text fails."""
    page.set_content("<html><body><main><img src='x.png'><input type='text'></main></body></html>")
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)

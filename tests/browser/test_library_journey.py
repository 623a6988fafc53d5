"""Issue 12's walk-through on the demo: a viewer signs in, searches the learning, filters by a theme, opens
a briefing and downloads it; the chair opens the live rapid review and sees past learning beside
criteria 1 and 2. Every page is checked with axe-core."""

import pytest
from playwright.sync_api import expect

from casereview.accounts.models import Role
from casereview.decisions.models import RapidReview
from casereview.testing import member

from .conftest import assert_accessible
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def southwark_demo(db, tmp_path, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.VAR_DIR = tmp_path
    call_command("load_demo", "--partnership", "southwark", stdout=StringIO())
    from casereview.accounts.models import Partnership

    partnership = Partnership.objects.get(slug="southwark")
    return {
        "viewer": member(partnership, Role.VIEWER, username="new.viewer"),
        "chair": member(partnership, Role.CHAIR, username="new.chair"),
        "rapid_review": RapidReview.objects.filter(incident__partnership=partnership, completed_on=None).first(),
    }


def test_a_viewer_searches_filters_and_downloads_a_briefing(page, southwark_demo):
    sign_in(page, "new.viewer")
    expect(page.get_by_role("heading", name="Seven-minute briefings")).to_be_visible()
    assert_accessible(page)
    # the library is the first page of the Learning group
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Learning").click()
    assert_accessible(page)
    page.get_by_label("Search the learning").fill("information sharing")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="result", exact=False).first).to_be_visible()
    expect(page.locator("mark").first).to_be_visible()
    # local and national learning side by side: both sources are among the results and the source filter
    assert page.get_by_text("Ours", exact=True).count()
    expect(page.get_by_role("link", name="Another partnership")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Information sharing", exact=True).first.click()
    expect(page.get_by_text("Information sharing", exact=True).first).to_be_visible()
    assert "theme=Information+sharing" in page.url or "theme=Information%20sharing" in page.url
    assert_accessible(page)
    page.get_by_role("link", name="Seven-minute briefings").first.click()
    page.locator("main ul.govuk-list a").first.click()
    expect(page.get_by_role("heading", name="Questions to reflect on")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download as Word").click()
    assert download.value.suggested_filename.endswith(".docx")
    assert page.console_errors == []


def test_the_chair_sees_past_learning_beside_criteria_1_and_2(page, southwark_demo):
    rapid_review = southwark_demo["rapid_review"]
    sign_in(page, "new.chair")
    page.goto(f"/rapid-reviews/{rapid_review.pk}/")
    first = page.get_by_text("Past learning on this case's themes")
    second = page.get_by_text("Recurrent themes in past reviews")
    expect(first).to_be_visible()
    expect(second).to_be_visible()
    first.click()
    expect(page.get_by_text("Why: both are about", exact=False).first).to_be_visible()
    second.click()
    expect(page.get_by_text("of your reviews", exact=False).first).to_be_visible()
    expect(page.get_by_role("heading", name="Similar past reviews")).to_be_visible()
    assert_accessible(page)
    assert page.console_errors == []

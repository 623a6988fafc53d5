"""A walk-through: a business manager uploads a PDF made from a seed, checks the extracted items
against the highlighted source, accepts them and finds them on the review. axe-core on every page."""

import textwrap
from pathlib import Path

import pytest
from playwright.sync_api import expect

from casereview.reviews.models import Review
from casereview.testing import make_pdf

from .conftest import assert_accessible, open_area
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SEED = next((Path(__file__).resolve().parents[3] / "shared" / "seeds").glob("003_*.txt"), None)


def seed_pdf(tmp_path):
    lines = []
    for paragraph in SEED.read_text().splitlines():
        lines += textwrap.wrap(paragraph, 90) or [""]
    pages = [lines[i : i + 45] for i in range(0, len(lines), 45)]
    return make_pdf(tmp_path / "child-r-response.pdf", pages, header="Southwark Safeguarding Children Board")


@pytest.mark.skipif(SEED is None, reason="needs ../shared/seeds")
def test_business_manager_uploads_a_pdf_checks_the_items_and_adds_them_to_a_review(page, alice, tmp_path):
    sign_in(page, "alice")
    open_area(page, "Reviews", "Documents")
    expect(page.get_by_text("No documents yet")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Documents (PDF, Word .docx or text)").set_input_files(str(seed_pdf(tmp_path)))
    page.get_by_role("button", name="Upload and read").click()
    check = page.get_by_role("link", name="Check child-r-response.pdf")
    expect(check).to_be_visible(timeout=20000)
    check.click()
    expect(page.get_by_role("heading", name="Learning points (12)")).to_be_visible()
    expect(page.locator("mark.app-mark")).to_have_count(12)
    assert_accessible(page)
    page.get_by_role("button", name="Add the accepted items to the review").click()
    expect(page.get_by_text("Accept or reject every item")).to_be_visible()
    for n in range(12):
        page.locator(".app-extracted-item").nth(n).get_by_label("Accept").check()
    first = page.locator(".app-extracted-item").first.locator("textarea")
    expect(first).to_have_value(
        "Knowledge of a child’s psycho-social history is essential for effective assessments and planning for children."
    )
    page.get_by_label("Title of a new review").fill("Child R (imported)")
    page.get_by_role("button", name="Add the accepted items to the review").click()
    expect(page.get_by_role("heading", name="Learning points and recommendations")).to_be_visible()
    expect(page.get_by_text("The power and lure of electronic social media")).to_be_visible()
    assert_accessible(page)
    assert Review.objects.get(title="Child R (imported)").learning_points.count() == 12
    assert page.console_errors == []

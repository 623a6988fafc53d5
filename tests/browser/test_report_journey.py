"""Issue 13's walk-through, as a new business manager would: start the yearly report, enter the year's
figures (a wrong one first), edit the foreword, preview, download the DOCX and the PDF; write a committee
paper for Child R's review; open the executive dashboard — every page checked with axe-core."""

import io
from datetime import date

import docx
import pypdf
import pytest
from playwright.sync_api import expect

from casereview.testing import LearningPointFactory, ReviewFactory

from .conftest import assert_accessible
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_yearly_report_committee_paper_and_dashboard(page, alice, partnership_a):
    review = ReviewFactory(
        partnership=partnership_a, title="Child R", decided_on=date(2018, 5, 1), target_completion=date(2018, 11, 1)
    )
    LearningPointFactory(review=review, number=1, text="Knowledge of a child's psycho-social history is essential.")

    sign_in(page, "alice")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Partnership").click()
    page.get_by_role("navigation", name="In this section").get_by_role("link", name="Yearly report").click()
    expect(page.get_by_text("No yearly report has been started yet.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Which year, April to March?").fill("2099-00")
    page.get_by_role("button", name="Start the report").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("has not started yet")
    assert_accessible(page)
    page.get_by_label("Which year, April to March?").fill("2018-19")
    page.get_by_role("button", name="Start the report").click()
    expect(page.get_by_role("heading", name="Yearly report 2018-19")).to_be_visible()
    assert_accessible(page)

    # The year's figures: a negative one is refused, what was typed stays.
    page.get_by_role("link", name="Enter the year's figures").click()
    plan = page.get_by_label("Children on a child protection plan at the end of March")
    plan.fill("-329")
    page.locator("#id_cp_plans_source").fill("Children's social care case records, 31 March 2019")
    page.get_by_role("button", name="Save the figures").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("cannot be negative")
    expect(page.locator("#id_cp_plans_source")).to_have_value("Children's social care case records, 31 March 2019")
    assert_accessible(page)
    plan.fill("329")
    page.get_by_role("button", name="Save the figures").click()
    expect(page.get_by_text("The figures for 2018-19 are saved.")).to_be_visible()

    # The foreword.
    page.get_by_role("link", name="Edit foreword").click()
    assert_accessible(page)
    page.get_by_label("Foreword").fill("This annual report sets out the work the Board has undertaken.")
    page.get_by_role("button", name="Save a new version").click()
    expect(page.get_by_text("Foreword saved as a new version.")).to_be_visible()
    page.get_by_role("button", name="Sign off foreword").click()
    expect(page.get_by_text("is signed off")).to_be_visible()

    # Preview, then both downloads.
    page.get_by_role("link", name="Preview the whole report").click()
    expect(page.get_by_text("This annual report sets out the work the Board has undertaken.")).to_be_visible()
    expect(
        page.get_by_text("At the end of March 2019 there were 329 children on a child protection plan")
    ).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as word:
        page.get_by_role("link", name="Download as Word (DOCX)").click()
    text = "\n".join(p.text for p in docx.Document(word.value.path()).paragraphs)
    assert "This annual report sets out the work" in text and "Child R" in text
    with page.expect_download() as pdf:
        page.get_by_role("link", name="Download as PDF").click()
    body = open(pdf.value.path(), "rb").read()
    pdf_text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(body)).pages)
    assert "329 children on a child protection plan" in pdf_text.replace("\n", " ")

    # A committee paper for Child R's review.
    page.goto("/partnerships/southwark/committee-papers/")
    assert_accessible(page)
    page.get_by_role("link", name="Write a committee paper").click()
    page.get_by_label("Child R").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_label("Key issues for consideration")).to_contain_text("psycho-social history")
    assert_accessible(page)
    page.get_by_label("Meeting", exact=True).fill("Health and Wellbeing Board")
    page.get_by_label("Day").fill("21")
    page.get_by_label("Month").fill("10")
    page.get_by_label("Year").fill("2019")
    page.get_by_label("From", exact=True).fill("Strategic Director of Children's and Adults' Services")
    page.get_by_role("button", name="Save the paper").click()
    expect(page.get_by_text("The paper is saved.")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as paper:
        page.get_by_role("link", name="Download as Word (DOCX)").click()
    paper_text = "\n".join(p.text for p in docx.Document(paper.value.path()).paragraphs)
    assert "KEY ISSUES FOR CONSIDERATION" in paper_text and "psycho-social history" in paper_text

    # The executive dashboard.
    page.goto("/partnerships/southwark/dashboard/")
    expect(page.get_by_role("heading", name="Open reviews by stage against their timescale")).to_be_visible()
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 800})
    assert_accessible(page)

"""A walk-through: open a draft report, see highlighted names, add a missed name, allow
"Southwark", run the gate, fix what it lists, publish, download the PDF and find no identifying detail
in it. axe-core on every page."""

from datetime import date
from io import BytesIO

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from casereview.core.working_days import add_working_days
from casereview.reviews.models import ReviewType
from casereview.testing import IncidentFactory, ReviewFactory, report_uploaded_on

from .conftest import PHONE, assert_accessible, assert_fits
from .test_case_journey import fill_date
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORT = (
    "Rosie Example, aged 14, lived with foster carers at 12 Albion Street, London SE16 7JP. "
    "Her social worker Mary Jones "
    "visited her on 3 March 2014. R met the man at the Blue Anchor.\n\n"
    "Southwark Safeguarding Children Board commissioned this review. Agencies must share information sooner.\n"
)


def test_business_manager_anonymises_and_publishes(page, alice, partnership_a, tmp_path):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    review = ReviewFactory(
        partnership=partnership_a, incident=incident, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW
    )
    (tmp_path / "child-r-report.txt").write_text(REPORT)
    sign_in(page, "alice")
    page.goto(f"/reviews/{review.pk}/")
    page.get_by_role("link", name="Anonymise and publish the report").click()
    assert_accessible(page)
    page.get_by_role("link", name="Upload the final report").click()
    page.get_by_label("The final report").set_input_files(str(tmp_path / "child-r-report.txt"))
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("heading", name="Anonymise the report")).to_be_visible()
    page.reload()
    expect(page.locator("mark.app-mark--person").filter(has_text="Mary Jones")).to_be_visible()
    assert_accessible(page)

    # Add the pub the detector missed, then decide every row: replace all, but allow "Southwark".
    page.get_by_label("Word or phrase the detector missed").fill("Blue Anchor")
    page.get_by_label("What it is").select_option("PLACE")
    page.get_by_label("Replace it with (optional)").fill("a pub")
    page.get_by_role("button", name="Add to the table").click()
    expect(page.get_by_text("will be replaced everywhere")).to_be_visible()
    page.reload()
    for select in page.locator("select[id^=status-]").all():
        label = select.get_attribute("id")
        row_text = page.locator(f"label[for={label}]").inner_text()
        select.select_option("allowed" if "Southwark" in row_text else "accepted")
    page.get_by_role("button", name="Save the table").click()
    expect(page.get_by_text("The replacement table has been saved")).to_be_visible()
    report_uploaded_on(review, date(2025, 7, 1))  # the report came in before the sign-offs dated August 2025
    page.get_by_role("link", name="Compare the original and the anonymised text").click()
    expect(page.locator("#anonymised-text")).not_to_contain_text("Mary Jones")
    expect(page.locator("#anonymised-text")).to_contain_text("Southwark")
    assert_accessible(page)

    # The gate lists what is missing; record it, then publish.
    page.goto(f"/reviews/{review.pk}/publication/")
    fill_date(page, "Publication date", 1, 9, 2025)
    page.get_by_role("button", name="Run the checks").click()
    assert "csrfmiddlewaretoken" not in page.url
    failures = page.locator("#gate-failures")
    expect(failures).to_contain_text("The review panel has not signed the report off")
    expect(failures).to_contain_text("Record when the report was sent")
    assert_accessible(page)
    for kind in ["Review panel", "Police (criminal proceedings)", "Legal adviser"]:
        # each of the three sign-offs has its own link, which opens the form with it chosen
        page.get_by_role("link", name=f"Record the sign-off: {kind}").click()
        expect(page.get_by_label("Sign-off by")).to_have_value(
            {"Review panel": "panel", "Police (criminal proceedings)": "police", "Legal adviser": "legal"}[kind]
        )
        page.get_by_label("Name and role").fill(f"{kind} signatory")
        fill_date(page, "Date signed off", 1, 8, 2025)
        page.get_by_role("button", name="Record the sign-off").click()
        expect(page.get_by_text(f"The sign-off of the {kind.lower()} has been recorded")).to_be_visible()
    page.get_by_text("Record when it was sent").click()
    sent = add_working_days(date(2025, 9, 1), -7)
    fill_date(
        page,
        "Date the report was sent to the national panel and the Secretary of State",
        sent.day,
        sent.month,
        sent.year,
    )
    page.get_by_role("button", name="Save", exact=True).click()
    fill_date(page, "Publication date", 1, 9, 2025)
    page.get_by_role("button", name="Run the checks").click()
    expect(page.get_by_text("Every check passes")).to_be_visible()
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("practitioners included")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Yes, publish it").click()
    expect(page.get_by_role("heading", name="Published 1 September 2025")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").click()
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(open(download.value.path(), "rb").read())).pages)
    for detail in ["Rosie", "Example", "Mary Jones", "Albion", "SE16", "Blue Anchor"]:
        assert detail not in text, detail
    assert "Southwark" in text
    assert page.console_errors == []


def test_on_a_phone_every_button_on_the_publication_page_says_what_it_does(page, alice, partnership_a):
    """At 390 px the buttons of forms folded into closed details boxes were laid out with no text."""
    from casereview.publication import services as publication

    review = ReviewFactory(partnership=partnership_a, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW)
    publication.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    page.set_viewport_size(PHONE)
    sign_in(page, "alice")
    page.goto(f"/reviews/{review.pk}/publication/")
    page.get_by_role("button", name="Run the checks").click()
    buttons = page.evaluate(
        """() => [...document.querySelectorAll('main button')].filter(b => b.getBoundingClientRect().height > 0)
                 .map(b => b.innerText.trim())"""
    )
    assert buttons and all(buttons), buttons
    assert_fits(page)
    assert_accessible(page)
    page.get_by_role("link", name="Hold publication").click()
    expect(page.get_by_role("heading", name="Hold publication")).to_be_visible()
    page.get_by_role("button", name="Hold publication").click()
    expect(
        page.get_by_role("link", name="Say why publication is held, for example criminal proceedings")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Why is publication held?").fill("Criminal proceedings")
    page.get_by_role("button", name="Hold publication").click()
    expect(page.get_by_text("Publication is on hold.")).to_be_visible()
    assert page.console_errors == []


def test_on_a_phone_the_replacement_tables_headings_do_not_lie_over_its_first_row(page, alice, partnership_a):
    """Stacked at 390 px, each row labels its own fields; the table's header, moved 9,999 px to the left,
    still reached across the screen and printed "Replace with Decision" over the first row."""
    from casereview.publication import services as publication

    review = ReviewFactory(partnership=partnership_a, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW)
    report = publication.report_upload(actor=alice, review=review, name="report.txt", data=REPORT.encode())
    publication.report_detect(report.pk)
    page.set_viewport_size(PHONE)
    sign_in(page, "alice")
    page.goto(f"/reviews/{review.pk}/anonymise/")
    header = page.evaluate(
        "() => { const r = document.querySelector('#table thead').getBoundingClientRect(); return [r.width, r.right]; }"
    )
    assert header[0] <= 1 or header[1] <= 0, header
    expect(page.locator("#table tbody tr").first.get_by_text("Replace with", exact=True)).to_be_visible()
    assert_fits(page)
    assert_accessible(page)

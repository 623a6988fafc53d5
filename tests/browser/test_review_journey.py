"""A walk-through: a reviewer opens Child R's review, reads the merged chronology, filters to the
police, sees the derived counts, and an agency lead's XLSX with one bad row is refused by row number,
fixed and imported. Every page is checked with axe-core."""

import pytest
from openpyxl import Workbook
from playwright.sync_api import expect

from casereview.accounts.models import Agency, Role
from casereview.reviews.models import ChronologyEntry, Review, ReviewerAppointment
from casereview.testing import member

from .conftest import assert_accessible, open_area
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def chronology_xlsx(tmp_path, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(
        ["date", "time", "date precision", "event type", "description", "practitioner role", "source reference"]
    )
    for row in rows:
        sheet.append(row)
    path = tmp_path / "police-chronology.xlsx"
    workbook.save(path)
    return path


@pytest.fixture
def southwark_demo(db, tmp_path, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.VAR_DIR = tmp_path
    call_command("load_demo", "--partnership", "southwark", stdout=StringIO())
    review = Review.objects.get(title="Child R")
    reviewer = member(review.partnership, Role.REVIEWER, username="new.reviewer")
    ReviewerAppointment.objects.create(
        review=review,
        user=reviewer,
        appointed_on="2014-04-14",
        independence_declaration="Independent.",
        declared_on="2014-04-14",
    )
    return review


def test_reviewer_reads_the_merged_chronology_and_an_agency_fixes_a_bad_upload(page, southwark_demo, tmp_path):
    review = southwark_demo
    sign_in(page, "new.reviewer")
    open_area(page, "Reviews", "Reviews")
    page.get_by_role("link", name="Child R").click()
    expect(page.get_by_role("heading", name="Serious case review: Child R")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Merged chronology").click()
    expect(page.locator("#fact-social-workers")).to_have_text("10")
    expect(page.locator("#fact-placements")).to_have_text("7")
    expect(page.get_by_text("Possible duplicate")).to_have_count(2)  # both halves of the pair are marked
    assert_accessible(page)
    page.get_by_label("Agency", exact=True).select_option(label="Metropolitan Police Service")
    page.get_by_role("button", name="Filter").click()
    rows = page.locator("#merged-chronology tbody tr")
    expect(rows).to_have_count(4)
    for i in range(4):
        expect(rows.nth(i)).to_contain_text("Metropolitan Police Service")
    assert_accessible(page)
    page.get_by_role("button", name="Sign out").click()

    # A new request to the police for an updated chronology, answered with a file with one bad row.
    police = Agency.objects.get(partnership=review.partnership, name="Metropolitan Police Service")
    contribution = review.contributions.get(agency=police)
    contribution.status = "requested"
    contribution.save()
    member(review.partnership, Role.AGENCY_LEAD, agency=police, username="police.lead")
    sign_in(page, "police.lead")
    open_area(page, "Cases", "Due and overdue")
    page.get_by_role("link", name="Metropolitan Police Service: chronology").click()
    page.get_by_role("button", name="Upload a chronology file").click()
    bad = chronology_xlsx(
        tmp_path,
        [
            ["05/07/2013", "", "exact", "Missing", "Missing person report", "Police officer", "CAD 1"],
            ["31/02/2014", "", "exact", "Police incident", "Allegation reported", "DC", "CRIS 2"],
        ],
    )
    page.get_by_label("Chronology file (CSV or Excel .xlsx)").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_role("heading", name="The chronology was not imported")).to_be_visible(timeout=15000)
    expect(page.get_by_text("Row 3, date: '31/02/2014' is not a date")).to_be_visible()
    assert_accessible(page)
    assert ChronologyEntry.objects.filter(agency=police).count() == 4  # the earlier chronology is untouched
    page.get_by_role("button", name="Upload a corrected file").click()
    good = chronology_xlsx(
        tmp_path,
        [
            ["05/07/2013", "", "exact", "Missing", "Missing person report", "Police officer", "CAD 1"],
            ["03/03/2014", "", "exact", "Police incident", "Allegation reported", "DC", "CRIS 2"],
        ],
    )
    page.get_by_label("Chronology file (CSV or Excel .xlsx)").set_input_files(str(good))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("2 events imported")).to_be_visible(timeout=15000)
    assert_accessible(page)
    assert ChronologyEntry.objects.filter(agency=police).count() == 2
    assert page.console_errors == []

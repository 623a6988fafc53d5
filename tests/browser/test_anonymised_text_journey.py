"""Issue 16, as a new user would: upload a draft with a police officer's name in a contact table, a full
address and the child's exact date of birth; accept every proposal; the anonymised text reads naturally and
holds none of them."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from casereview.reviews.models import ReviewType
from casereview.testing import IncidentFactory, ReviewFactory

from .conftest import PHONE, assert_accessible, assert_fits
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAFT = (
    "Tamsin Hale was born on 14 March 2011 and lived with her mother, Nicola Hale, at "
    "41 Canal Street, Walworth, London SE17 2QT.\n\n"
    "Police contacts\n"
    "Date\tOfficer\tOutcome\n"
    "04/02/2021\tDC Ifeoma Nwachukwu\tReferral to children's social care\n"
    "19/03/2021\tSam Ferris\tNo further action\n\n"
    "Later, Tamsin told her teacher that she was frightened. She was seen at King's College Hospital.\n"
)


def test_the_anonymised_draft_reads_naturally_and_holds_no_identifying_detail(page, alice, partnership_a, tmp_path):
    incident = IncidentFactory(
        partnership=partnership_a,
        child_pseudonym="Child T",
        identity__full_name="Tamsin Hale",
        identity__date_of_birth=date(2011, 3, 14),
        identity__address="41 Canal Street, Walworth, London",
        identity__postcode="SE17 2QT",
    )
    review = ReviewFactory(
        partnership=partnership_a, incident=incident, title="Child T", review_type=ReviewType.SERIOUS_CASE_REVIEW
    )
    (tmp_path / "child-t-draft.txt").write_text(DRAFT)
    sign_in(page, "alice")
    page.goto(f"/reviews/{review.pk}/report/")
    page.get_by_label("The final report").set_input_files(str(tmp_path / "child-t-draft.txt"))
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("heading", name="Anonymise the report")).to_be_visible()
    page.reload()
    expect(page.locator("mark.app-mark--person").filter(has_text="Sam Ferris")).to_be_visible()

    # Dates of birth and ages are in the table with everything else, and each replacement can be read whole.
    date_of_birth = page.get_by_label("Replacement for 14 March 2011")
    expect(date_of_birth).to_have_value("spring 2011")
    assert date_of_birth.bounding_box()["width"] > 200
    assert_accessible(page)
    # On a phone each row of the table is a block: the box and the choice use the screen's width.
    page.set_viewport_size(PHONE)
    assert_fits(page)
    assert date_of_birth.bounding_box()["width"] > 250
    assert page.get_by_label("Decision for 14 March 2011").bounding_box()["width"] > 250
    page.set_viewport_size({"width": 1280, "height": 900})
    for select in page.locator("select[id^=status-]").all():
        select.select_option("accepted")
    page.get_by_role("button", name="Save the table").click()
    expect(page.get_by_text("The replacement table has been saved")).to_be_visible()

    page.get_by_role("link", name="Compare the original and the anonymised text").click()
    anonymised = page.locator("#anonymised-text").inner_text()
    for detail in ["Tamsin", "Hale", "Nicola", "Nwachukwu", "Ifeoma", "Ferris", "Canal Street", "Walworth", "SE17",
                   "14 March", "King's College"]:  # fmt: skip
        assert detail not in anonymised, detail
    assert "Child T was born in spring 2011 and lived with her mother at Address A." in anonymised
    assert "Later, Child T told her teacher" in anonymised
    assert "seen at the hospital" in anonymised
    assert re.search(r"Police Officer 1\tReferral", anonymised) or "Police Officer 1" in anonymised
    assert not re.search(r"\b(\w+) \1\b", anonymised, re.I), "no doubled words"
    assert_accessible(page)
    assert page.console_errors == []

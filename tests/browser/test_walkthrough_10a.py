"""Walkthrough 10, finding 1 (helper uifix10a), in the browser because the layout is the point: a file name
without spaces on the rapid review's "Information from agencies" table breaks inside its column, and the
agency and its due date stay readable, at 1280 px and on a phone."""

import pytest

from casereview.testing import (
    AgencyFactory,
    IncidentFactory,
    InformationAttachmentFactory,
    InformationRequestFactory,
    RapidReviewFactory,
    UserFactory,
)

from .conftest import PHONE, assert_fits
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_NAME = "MPS_Chronology_Extract_ChildS_CRIMINT_ref_0345612_FINAL_v3_2026-12-06.pdf"


@pytest.fixture
def settings_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def test_a_long_file_name_wraps_in_the_rapid_reviews_table(page, alice, partnership_a, settings_storage):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    rapid_review = RapidReviewFactory(incident=IncidentFactory(partnership=partnership_a, child_pseudonym="Child S"))
    sender = UserFactory(first_name="Police", last_name="Lead")
    request = InformationRequestFactory(
        rapid_review=rapid_review,
        agency=police,
        response="Police attended the home on 1 December. " * 6,
        responded_on=rapid_review.opened_on,
        responded_by=sender,
    )
    InformationAttachmentFactory(info_request=request, file_name=LONG_NAME, sent_by=sender)
    InformationAttachmentFactory(info_request=request, file_name="x" * 150 + ".pdf", sent_by=sender)
    sign_in(page, "alice")
    for width, height in ((1280, 900), (PHONE["width"], PHONE["height"])):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"/rapid-reviews/{rapid_review.pk}/")
        sizes = page.evaluate(
            """() => {
                const wrapper = document.querySelector('main .app-table-wrapper');
                const table = wrapper.querySelector('table');
                const [agency, due] = table.querySelectorAll('tbody tr td');
                const line = parseFloat(getComputedStyle(due).lineHeight) || 25;
                return {wrapper: wrapper.clientWidth, table: table.scrollWidth, agencyLines:
                    Math.round(agency.getBoundingClientRect().height / line), dueHeight: due.clientHeight,
                    dueText: due.innerText, agencyWidth: agency.getBoundingClientRect().width, line};
            }"""
        )
        assert sizes["table"] <= sizes["wrapper"], f"{width}px: table {sizes['table']} in {sizes['wrapper']}"
        # "Metropolitan Police Service" broken between its words, not a letter a line; the date on one line
        # (on a phone, at most a word a line)
        assert sizes["agencyWidth"] >= 90, sizes
        due_box = (
            page.locator("main tbody tr td")
            .nth(1)
            .evaluate(
                "td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length }"
            )
        )
        assert due_box <= (1 if width > PHONE["width"] else 3), f"{width}px: the due date is on {due_box} lines"
        assert page.get_by_role("link", name=LONG_NAME).bounding_box()["width"] <= sizes["wrapper"]
        assert_fits(page, width)

"""Walkthrough 8's publication findings in a browser: the replacement table keeping a refused save's
choices, the sign-offs given for an earlier text, the anonymised draft, lifting a hold with a reason and
the table once published. axe-core on every page, at 1280 px and at 390 px."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from casereview.core.working_days import add_working_days
from casereview.publication import services as publication
from casereview.publication.models import ReplacementTerm, TermStatus
from casereview.reviews.models import ReviewType
from casereview.testing import IncidentFactory, ReviewFactory, report_uploaded_on

from .conftest import PHONE, assert_accessible, assert_fits
from .test_case_journey import fill_date
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REPORT = (
    "Child R report (draft for the review panel)\n\n"
    "Rosie Example, aged 14, lived with foster carers at 12 Albion Street, London SE16 7JP. Her social worker "
    "Mary Jones visited her on 3 March 2014. Her teacher Ann Patel rang 020 7946 0123.\n\n"
    "Agencies must share information sooner.\n"
)
PUBLISH_ON = date(2025, 9, 1)


def _review(alice, partnership, report_text=REPORT):
    incident = IncidentFactory(partnership=partnership, child_pseudonym="Child R")
    review = ReviewFactory(
        partnership=partnership, incident=incident, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW
    )
    report = publication.report_upload(actor=alice, review=review, name="report.txt", data=report_text.encode())
    publication.report_detect(report.pk)
    report_uploaded_on(review, date(2025, 7, 1))  # before the sign-offs dated August 2025
    return review


def _decide_all(alice, review, **overrides):
    decisions = {}
    for term in ReplacementTerm.objects.filter(review=review):
        replacement = "Child R" if "Example" in term.original else term.replacement
        decisions[str(term.pk)] = overrides.get(term.original, (TermStatus.ACCEPTED, replacement))
    publication.terms_decide(actor=alice, review=review, decisions=decisions)


def _sign_all(alice, review):
    report_uploaded_on(review, date(2025, 7, 1))  # the table too: a sign-off is dated after the text it is for
    for kind in ("panel", "police", "legal"):
        publication.sign_off_record(actor=alice, review=review, kind=kind, signed_on=date(2025, 8, 1), signed_by="S")


@pytest.mark.parametrize("viewport", [None, PHONE])
def test_a_refused_save_keeps_every_choice_and_puts_the_error_on_its_row(page, alice, partnership_a, viewport):
    """Finding 2: one emptied replacement threw every decision on the page back to "Not decided"."""
    review = _review(alice, partnership_a)
    if viewport:
        page.set_viewport_size(viewport)
    sign_in(page, "alice")
    page.goto(f"/reviews/{review.pk}/anonymise/")
    selects = page.locator("select[id^=status-]")
    chosen = {}
    for select in selects.all():
        if "Not decided" in select.inner_text():
            select.select_option("accepted")
        chosen[select.get_attribute("id")] = select.input_value()
    phone = page.get_by_label("Replacement for 020 7946 0123")
    phone.fill("")
    page.get_by_label("Decision for 3 March 2014").select_option("allowed")
    chosen[page.get_by_label("Decision for 3 March 2014").get_attribute("id")] = "allowed"
    page.get_by_role("button", name="Save the table").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Give a replacement for “020 7946 0123” or allow it")
    for select_id, value in chosen.items():
        expect(page.locator(f"#{select_id}")).to_have_value(value)
    expect(phone).to_have_value("")
    expect(phone).to_have_class(re.compile("govuk-input--error"))
    # the summary's link takes the person to the row's own field
    summary.get_by_role("link").click()
    expect(phone).to_be_focused()
    assert_fits(page, viewport["width"] if viewport else 1280)
    assert_accessible(page)
    assert page.console_errors == []


def test_sign_offs_for_an_earlier_text_the_draft_and_the_title_warning(page, alice, partnership_a):
    """Findings 1, 3 and 21: the publication page with the sign-offs out of date, the draft to download and
    the checks' warning of a title that says "draft", at 390 px."""
    review = _review(alice, partnership_a)
    _decide_all(alice, review)
    _sign_all(alice, review)
    publication.report_sent_record(actor=alice, review=review, sent_on=add_working_days(PUBLISH_ON, -7))
    _decide_all(alice, review, **{"Mary Jones": (TermStatus.ACCEPTED, "the social worker")})
    page.set_viewport_size(PHONE)
    sign_in(page, "alice")
    page.goto(f"/reviews/{review.pk}/publication/")
    expect(page.locator("#sign-offs")).to_contain_text(
        "Given for an earlier text (signed off by S on 1 August 2025, for the text with fingerprint "
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF of the anonymised draft").click()
    # walkthrough 9, finding 13: the name carries the time it was made and the text's fingerprint
    assert re.fullmatch(
        r"Child R - anonymised draft \d{4}-\d\d-\d\d \d{4} [0-9a-f]{8}\.pdf", download.value.suggested_filename
    ), download.value.suggested_filename
    fill_date(page, "Publication date", 1, 9, 2025)
    page.get_by_role("button", name="Run the checks").click()
    failures = page.locator("#gate-failures")
    expect(failures).to_contain_text("The legal adviser signed off an earlier text")
    expect(failures).to_contain_text("The report's title still says it is a draft")
    assert_fits(page)
    assert_accessible(page)
    page.get_by_role("link", name="Record the sign-off again of the legal adviser").click()
    expect(page.get_by_label("Sign-off by")).to_have_value("legal")
    assert_accessible(page)
    assert page.console_errors == []


def test_lifting_a_hold_asks_why_and_the_published_table_is_read_only(page, alice, partnership_a):
    """Findings 8 and 11, at 390 px. The final report's title (a draft's stops publication: walkthrough 11)."""
    review = _review(alice, partnership_a, REPORT.replace(" (draft for the review panel)", ""))
    hold = publication.hold_place(actor=alice, review=review, reason="Criminal proceedings: wait for the verdict.")
    page.set_viewport_size(PHONE)
    sign_in(page, "alice")
    page.goto(f"/publication-holds/{hold.pk}/")
    page.get_by_role("link", name="Lift the hold").click()
    expect(page.get_by_text("Has the reason for the hold ended?")).to_be_visible()
    page.get_by_role("button", name="Lift the hold").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why the hold is lifted")
    assert_fits(page)
    assert_accessible(page)
    page.get_by_label("Why is the hold lifted?").fill("The trial ended with a verdict on 2 December")
    page.get_by_role("button", name="Lift the hold").click()
    expect(page.get_by_text("The hold has been lifted")).to_be_visible()
    page.goto(f"/publication-holds/{hold.pk}/")
    expect(page.locator("#lifted-reason")).to_have_text("The trial ended with a verdict on 2 December")
    assert_accessible(page)

    _decide_all(alice, review)
    _sign_all(alice, review)
    publication.report_sent_record(actor=alice, review=review, sent_on=add_working_days(PUBLISH_ON, -7))
    publication.review_publish(actor=alice, review=review, publication_date=PUBLISH_ON)
    page.goto(f"/reviews/{review.pk}/anonymise/")
    expect(page.locator("#published")).to_contain_text("The report was published on 1 September 2025")
    expect(page.get_by_role("button", name="Save the table")).to_have_count(0)
    expect(page.locator("#published-table")).to_contain_text("Child R")
    assert_fits(page)
    assert_accessible(page)
    assert page.console_errors == []

"""Walkthrough 7's layout findings, at 390 px: the action plans' tables, the replacement table's one Save
button, and the header of a person with a long name. axe-core on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from casereview.accounts.models import Role
from casereview.actionplans import services as actionplans
from casereview.publication import services as publication
from casereview.publication.models import ReplacementTerm
from casereview.reviews.models import ReviewType
from casereview.reviews.services import reviewer_appoint
from casereview.testing import AgencyFactory, ReviewFactory, member

from .conftest import PHONE, assert_accessible, assert_fits
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Every cell of the page's tables that the screen cuts off: its right-hand edge beyond the window, or
# beyond the box that clips it (a table scrolling sideways, out of sight). The stacked tables' header,
# hidden the way govuk-visually-hidden hides, is read out, not shown, and is left out.
CELLS_CUT_OFF = """() => [...document.querySelectorAll('main table tbody td, main table tbody th')]
    .filter(cell => {
        const right = cell.getBoundingClientRect().right;
        const box = cell.closest('.app-table-wrapper');
        return right > window.innerWidth + 0.5 || (box && right > box.getBoundingClientRect().right + 0.5);
    })
    .map(cell => cell.innerText.trim().slice(0, 40))"""


def _plan(alice, partnership):
    today = timezone.localdate()
    social_care = AgencyFactory(partnership=partnership, name="Southwark Council Children's and Adults' Services")
    review = ReviewFactory(partnership=partnership, title="Child R")
    for number, (due, lead) in enumerate([(-40, "Head of Looked After Children's Services"), (30, "Principal")]):
        actionplans.action_create(
            actor=alice,
            review=review,
            description=f"Commission a return-interview service for young people missing from care ({number})",
            owner_agency=social_care,
            lead_role=lead,
            start_date=today - timedelta(days=90),
            due_date=today + timedelta(days=due),
            success_measure="Every young person is offered a return interview within 72 hours",
        )
    return review


def test_on_a_phone_the_action_plans_tables_show_every_column(page, alice, partnership_a):
    """The tables were wider than the screen and cut off at its edge with no sign that they scrolled: the
    status, the due date and the counts of red, amber and green were out of sight."""
    review = _plan(alice, partnership_a)
    page.set_viewport_size(PHONE)
    sign_in(page, "alice")
    for path in [
        f"/reviews/{review.pk}/action-plan/",
        f"/partnerships/{partnership_a.slug}/actions/",
        f"/partnerships/{partnership_a.slug}/actions/by-review/",
    ]:
        page.goto(path)
        assert page.evaluate(CELLS_CUT_OFF) == [], path
        assert_fits(page)
        assert_accessible(page)
    # each value says what it is, as its column's heading did
    page.goto(f"/reviews/{review.pk}/action-plan/")
    first = page.locator("main table").nth(1).locator("tbody tr").first
    expect(first.get_by_text("Due", exact=True)).to_be_visible()
    expect(first.get_by_text("Status", exact=True)).to_be_visible()
    counts = page.locator("main table").first.locator("tbody tr").first
    expect(counts.get_by_text("Red (overdue)", exact=True)).to_be_visible()
    # and on a laptop they are tables again, headed once
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(first.get_by_text("Due", exact=True)).to_be_hidden()
    expect(page.locator("main table").nth(1).locator("thead").get_by_text("Due", exact=True)).to_be_visible()
    assert page.console_errors == []


def test_on_a_phone_the_replacement_table_has_one_save_button_always_in_reach(page, alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW)
    report = publication.report_upload(actor=alice, review=review, name="report.txt", data=b"Mary Jones visited.")
    publication.report_detect(report.pk)
    for n in range(15):
        ReplacementTerm.objects.create(review=review, original=f"Detail {n:02}", type="OTHER")
    page.set_viewport_size(PHONE)
    sign_in(page, "alice")
    page.goto(f"/reviews/{review.pk}/anonymise/")
    save = page.get_by_role("button", name="Save the table")
    expect(save).to_have_count(1)
    # half way down the table the one Save button is on the screen, and covers no field being worked on
    page.get_by_label("Decision for Detail 07").focus()
    expect(save).to_be_in_viewport()
    field = page.get_by_label("Decision for Detail 07").bounding_box()
    button = save.bounding_box()
    assert field["y"] + field["height"] <= button["y"], (field, button)
    page.get_by_label("Decision for Detail 07").select_option("allowed")
    save.click()
    expect(page.get_by_text("The replacement table has been saved")).to_be_visible()
    assert ReplacementTerm.objects.get(review=review, original="Detail 07").status == "allowed"
    assert_fits(page)
    assert_accessible(page)


def test_on_a_phone_the_header_keeps_sign_out_beside_notifications(page, alice, partnership_a):
    """ "Independent Reviewer" beside "Notifications" pushed "Sign out" alone onto a second line."""
    reviewer = member(partnership_a, Role.REVIEWER, username="reviewer", first_name="Independent", last_name="Reviewer")
    review = ReviewFactory(partnership=partnership_a, title="Child R")
    reviewer_appoint(actor=alice, review=review, user=reviewer, appointed_on=timezone.localdate(), declaration="None")
    page.set_viewport_size(PHONE)
    sign_in(page, "reviewer")
    page.wait_for_url("**/")
    header = page.get_by_role("banner")
    notifications = header.get_by_role("link", name="Notifications").bounding_box()
    sign_out = header.get_by_role("button", name="Sign out").bounding_box()
    name = header.get_by_text("Independent Reviewer", exact=True)
    # on one line: their middles level (a button is taller than a link, so their tops differ by a pixel or two)
    middle = lambda box: box["y"] + box["height"] / 2  # noqa: E731
    assert abs(middle(notifications) - middle(sign_out)) < 2, (notifications, sign_out)
    assert sign_out["y"] < notifications["y"] + notifications["height"], (notifications, sign_out)
    assert sign_out["x"] + sign_out["width"] <= PHONE["width"]
    expect(name).to_be_visible()
    assert name.evaluate("n => n.scrollWidth <= n.clientWidth + 1 && n.getBoundingClientRect().right <= 390")
    assert_fits(page)
    assert_accessible(page)
    # on a laptop the name, Notifications and Sign out share one line
    page.set_viewport_size({"width": 1280, "height": 800})
    assert abs(name.bounding_box()["y"] - header.get_by_role("button", name="Sign out").bounding_box()["y"]) < 4

"""Issue 11: the business manager corrects a notification recorded as sent by mistake and sees the
correction, with the reason, in its history. Every page checked with axe-core, and usable at 390 px."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from casereview.testing import NotificationDutyFactory

from .conftest import assert_accessible
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def no_wider_than_the_screen(page):
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), page.url


def test_the_manager_corrects_a_duty_sent_by_mistake_and_sees_it_in_the_history(page, alice, partnership_a):
    duty = NotificationDutyFactory(
        incident__partnership=partnership_a,
        incident__child_pseudonym="Child T",
        sent_on=datetime.date(2025, 4, 22),
        sent_by=alice,
    )
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, "alice")
    page.wait_for_url(lambda url: "sign-in" not in url)
    page.goto(f"/incidents/{duty.incident_id}/")
    page.get_by_role("link", name=re.compile(r"^Correct\s*: Notify the Child Safeguarding")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Correct")
    assert_accessible(page)
    no_wider_than_the_screen(page)

    # Without a reason nothing changes, and the page says what is missing.
    page.get_by_label("It has not been sent: it was recorded as sent by mistake").check()
    page.get_by_role("button", name="Save the correction").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why you are correcting it")
    assert_accessible(page)

    page.get_by_label("Why are you correcting it?").fill("Recorded against the wrong child")
    page.get_by_role("button", name="Save the correction").click()
    expect(page.get_by_text("Corrected: Notify the Child Safeguarding Practice Review Panel")).to_be_visible()
    history = page.locator("#history ~ ol")
    expect(history).to_contain_text("Corrected by Alice Adams")
    expect(history).to_contain_text("Reason: Recorded against the wrong child")
    expect(history).to_contain_text("from 22 April 2025 to nothing")
    assert_accessible(page)
    no_wider_than_the_screen(page)

    page.get_by_role("link", name="Back to the incident").click()
    expect(
        page.get_by_role("link", name=re.compile(r"^Record as sent\s*: Notify the Child Safeguarding"))
    ).to_be_visible()
    assert_accessible(page)

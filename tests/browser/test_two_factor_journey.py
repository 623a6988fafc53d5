"""Two-factor sign-in as production has it, on a 390 px phone: the business manager sets up an
authenticator app from the key shown, signs out, and signs in again with a code. Every page checked with
axe-core."""

import base64

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from casereview.testing import PASSWORD

from .conftest import PHONE, assert_accessible, assert_fits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def code(secret, steps_ahead=0):
    """What the person's app shows (a later step for a second sign-in: a code is never accepted twice)."""
    key = base64.b32decode(secret.replace(" ", ""))
    return f"{TOTP(key, drift=steps_ahead).token():06d}"


def sign_in(page):
    page.goto("/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_a_business_manager_sets_up_an_app_and_signs_in_with_a_code(browser, live_server, alice, settings):
    settings.CASEREVIEW_TWO_FACTOR = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the journey tries a wrong code, then the right one at once
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    try:
        sign_in(page)
        expect(page.get_by_role("heading", name="Set up two-factor sign-in")).to_be_visible()
        expect(page.get_by_role("img", name="QR code to add casereview to your authenticator app")).to_be_visible()
        assert_fits(page)
        assert_accessible(page)

        page.get_by_text("I cannot scan the QR code").click()
        secret = page.locator(".govuk-details__text .govuk-\\!-font-weight-bold").inner_text()
        page.get_by_label("Code from your authenticator app").fill(code(secret))
        page.get_by_role("button", name="Set up two-factor sign-in").click()
        expect(page.get_by_text("Two-factor sign-in is set up")).to_be_visible()
        assert_accessible(page)

        page.get_by_role("button", name="Sign out").click()
        sign_in(page)
        expect(page.get_by_role("heading", name="Enter the code from your authenticator app")).to_be_visible()
        page.get_by_label("Code from your authenticator app").fill("12")
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_role("alert").get_by_text("There is a problem")).to_be_visible()
        assert_fits(page)
        assert_accessible(page)

        page.get_by_label("Code from your authenticator app").fill(code(secret, steps_ahead=1))
        page.get_by_role("button", name="Continue").click()
        expect(page.get_by_role("heading", name="Southwark Safeguarding Children Board")).to_be_visible()
        assert errors == []
    finally:
        context.close()

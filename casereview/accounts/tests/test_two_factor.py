"""Two-factor sign-in: asked of those who may open a child's identity when CASEREVIEW_TWO_FACTOR is on (always
in production), never in development, and recoverable only through a system administrator's audited reset."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from casereview.accounts.models import Role
from casereview.audit.models import AuditAction, AuditEvent
from casereview.testing import PASSWORD, member

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:login")
VERIFY = reverse("accounts:two_factor_verify")
SETUP = reverse("accounts:two_factor_setup")
HOME = reverse("home")
ROOT = Path(__file__).resolve().parents[3]


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def device_for(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


@pytest.fixture
def production(settings):
    """What CASEREVIEW_ENV=production sets (config/settings/prod.py)."""
    settings.CASEREVIEW_TWO_FACTOR = True


def sign_in(client, username, next_page=None):
    data = {"username": username, "password": PASSWORD}
    if next_page:
        data["next"] = next_page
    response = client.post(SIGN_IN, data)
    assert response.status_code == 302, "the password step should succeed"
    return client.get(response["Location"])


# --- which environment asks ------------------------------------------------------------------------


def settings_value(module, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env
    program = f"import {module} as s; print(s.CASEREVIEW_TWO_FACTOR)"
    result = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_production_always_asks_and_development_does_not(tmp_path):
    production = settings_value(
        "config.settings.prod",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="casereview.example.org",
        CASEREVIEW_TWO_FACTOR="0",  # not a switch in production
        CASEREVIEW_VAR_DIR=str(tmp_path),
    )
    development = settings_value("config.settings.dev", CASEREVIEW_VAR_DIR=str(tmp_path))
    assert (production, development) == ("True", "False")


def test_in_development_a_business_manager_signs_in_with_a_password_alone(client, alice):
    device_for(alice)
    response = sign_in(client, "alice")
    assert response.status_code == 200
    assert "Enter the code" not in response.content.decode()


# --- who is asked ----------------------------------------------------------------------------------


def test_a_business_manager_without_an_app_is_sent_to_set_one_up(client, alice, production):
    response = sign_in(client, "alice")
    assert response.status_code == 302 and response["Location"].startswith(SETUP)
    # every other page waits for it too, the partnership's records included
    page = client.get(reverse("accounts:partnership_detail", args=["southwark"]))
    assert page.status_code == 302 and page["Location"].startswith(SETUP)


def test_a_chair_with_an_app_is_asked_for_the_code(client, partnership_a, production):
    chair = member(partnership_a, Role.CHAIR, username="chair")
    device_for(chair)
    response = sign_in(client, "chair")
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)


@pytest.mark.parametrize("role", [Role.VIEWER, Role.PANEL_MEMBER, Role.AGENCY_LEAD, Role.EXECUTIVE, Role.REVIEWER])
def test_roles_that_never_see_a_childs_identity_sign_in_with_a_password(client, partnership_a, role, production):
    member(partnership_a, role, username="someone")
    assert sign_in(client, "someone").status_code == 200


def test_a_system_administrator_is_asked_before_the_admin(client, admin_user, production):
    client.force_login(admin_user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(SETUP)
    assert "Set up two-factor sign-in" in client.get(response["Location"]).content.decode()


def test_the_password_reset_pages_stay_open_before_the_code(client, alice, production):
    client.force_login(alice)
    assert client.get(reverse("accounts:password_reset")).status_code == 200


# --- setting up ------------------------------------------------------------------------------------


def test_setting_up_shows_a_qr_code_and_the_key_and_a_right_code_finishes_it(client, alice, production):
    target = reverse("accounts:partnership_detail", args=["southwark"])
    sign_in(client, "alice", next_page=target)
    page = client.get(f"{SETUP}?next={target}")
    text = page.content.decode()
    assert 'src="data:image/svg+xml;base64,' in text
    device = TOTPDevice.objects.get(user=alice, confirmed=False)
    assert device.config_url.startswith("otpauth://totp/casereview")
    key_shown = "".join(page.context["secret"].split())
    assert key_shown and key_shown in "".join(text.split())
    assert page["Cache-Control"].count("no-store")

    response = client.post(SETUP, {"code": code_for(device), "next": target})
    assert response.status_code == 302 and response["Location"] == target
    assert client.get(target).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEvent.objects.filter(
        action=AuditAction.CREATE, actor=alice, object_repr="Two-factor sign-in for alice"
    ).exists()


def test_a_wrong_code_does_not_finish_setting_up(client, alice, production):
    client.force_login(alice)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=alice, confirmed=True).exists()
    assert client.get(HOME)["Location"].startswith(SETUP)


def test_reloading_the_setup_page_keeps_the_same_key(client, alice, production):
    client.force_login(alice)
    first = client.get(SETUP).context["secret"]
    assert client.get(SETUP).context["secret"] == first


def test_someone_with_only_the_password_cannot_replace_the_app(client, alice, production):
    device = device_for(alice)
    client.force_login(alice)
    response = client.get(SETUP)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert list(TOTPDevice.objects.filter(user=alice)) == [device]


# --- the code at sign-in ---------------------------------------------------------------------------


def test_the_right_code_opens_the_page_asked_for_and_is_audited(client, alice, production):
    device = device_for(alice)
    target = reverse("accounts:partnership_detail", args=["southwark"])
    response = sign_in(client, "alice", next_page=target)
    page = client.get(response["Location"])
    assert "Enter the code from your authenticator app" in page.content.decode()
    response = client.post(VERIFY, {"code": code_for(device), "next": target})
    assert response.status_code == 302 and response["Location"] == target
    assert client.get(target).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=alice, reason="Two-factor code accepted").exists()


def test_a_wrong_code_is_refused_audited_and_slows_the_next_try(client, alice, production, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # the wait outlasts a slow test machine
    device = device_for(alice)
    client.force_login(alice)
    response = client.post(VERIFY, {"code": "123456" if code_for(device) != "123456" else "654321"})
    assert "That code is not right" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.FAILED_LOGIN, reason="Wrong two-factor code").exists()
    # straight after a wrong code even the right one waits (django-otp's throttling)
    response = client.post(VERIFY, {"code": code_for(device)})
    assert "Too many wrong codes. Try again in" in response.content.decode()
    assert client.get(HOME)["Location"].startswith(VERIFY)


def test_a_code_cannot_be_used_twice(client, alice, production):
    from django.test import Client

    device = device_for(alice)
    code = code_for(device)
    client.force_login(alice)
    assert client.post(VERIFY, {"code": code}).status_code == 302
    someone_else = Client()
    someone_else.force_login(alice)
    response = someone_else.post(VERIFY, {"code": code})
    page = response.content.decode()
    assert response.status_code == 200 and "That code has just been used to sign in" in page
    assert "not right" not in page
    assert AuditEvent.objects.filter(reason="Two-factor code already used").exists()


def test_a_code_that_is_not_six_numbers_gets_a_clear_message(client, alice, production):
    device_for(alice)
    client.force_login(alice)
    response = client.post(VERIFY, {"code": "12ab"})
    assert "The code is 6 numbers, like 123456" in response.content.decode()


def test_the_next_page_must_be_on_this_site(client, alice, production):
    device = device_for(alice)
    client.force_login(alice)
    response = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert response["Location"] == HOME


def test_signing_out_works_before_the_code(client, alice, production):
    device_for(alice)
    client.force_login(alice)
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


# --- recovery: a system administrator resets the device --------------------------------------------


def reset_url(user):
    return reverse("admin:accounts_user_two_factor_reset", args=[user.pk])


def test_a_system_administrator_resets_a_lost_phone_with_a_reason_and_it_is_audited(client, alice, admin_user):
    device_for(alice)
    client.force_login(admin_user)
    change_page = client.get(reverse("admin:accounts_user_change", args=[alice.pk])).content.decode()
    assert reset_url(alice) in change_page

    refused = client.post(reset_url(alice), {"reason": ""})
    assert refused.status_code == 200 and TOTPDevice.objects.filter(user=alice).exists()

    response = client.post(reset_url(alice), {"reason": "Phone lost; confirmed by a call to her office"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=alice).exists()
    event = AuditEvent.objects.get(action=AuditAction.DELETE, object_repr="Two-factor sign-in for alice")
    assert event.actor == admin_user and event.reason == "Phone lost; confirmed by a call to her office"


def test_after_a_reset_the_person_sets_up_a_new_app(client, alice, admin_user, settings):
    device_for(alice)
    client.force_login(admin_user)
    client.post(reset_url(alice), {"reason": "New phone"})
    settings.CASEREVIEW_TWO_FACTOR = True
    client.logout()
    assert sign_in(client, "alice")["Location"].startswith(SETUP)


def test_staff_who_are_not_system_administrators_cannot_reset(client, alice, partnership_a):
    device_for(alice)
    staff = member(partnership_a, Role.PANEL_MEMBER, username="staff", is_staff=True)
    client.force_login(staff)
    assert client.post(reset_url(alice), {"reason": "because"}).status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=alice).exists()


def test_the_admin_does_not_show_device_secrets(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404


def test_half_signed_in_the_header_offers_only_signing_out(client, partnership_a, production):
    chair = member(partnership_a, Role.CHAIR, username="chair")
    device_for(chair)
    sign_in(client, "chair")
    page = client.get(VERIFY).content.decode()
    assert "Enter the code from your authenticator app" in page
    assert "Sign out" in page and "Notifications" not in page and 'aria-label="Menu"' not in page


def test_a_lost_phone_is_told_to_their_partnerships_business_manager_by_name(client, alice, partnership_a, production):
    chair = member(partnership_a, Role.CHAIR, username="chair")
    device_for(chair)
    sign_in(client, "chair")
    page = client.get(VERIFY).content.decode()
    assert "Tell your partnership's business manager" in page
    assert alice.email in page and "system administrator" not in page

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from casereview.audit.models import AuditAction, AuditEvent
from casereview.testing import PASSWORD

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:login")


def sign_in(client, username, password):
    return client.post(SIGN_IN, {"username": username, "password": password})


def test_anonymous_visitor_is_sent_to_sign_in(client, partnership_a):
    response = client.get(reverse("accounts:partnership_detail", args=["southwark"]))
    assert response.status_code == 302
    assert response["Location"].startswith(SIGN_IN + "?next=")


def test_sign_in_with_the_right_password_opens_the_partnership_and_is_audited(client, alice):
    response = sign_in(client, "alice", PASSWORD)
    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).status_code == 200
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor=alice).count() == 1


def test_wrong_password_gets_a_clear_message_and_an_audited_failure(client, alice):
    response = sign_in(client, "alice", "not-the-password")
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter a correct username and password" in page
    assert "_auth_user_id" not in client.session
    failure = AuditEvent.objects.get(action=AuditAction.FAILED_LOGIN)
    assert failure.object_repr == "alice"
    assert "not-the-password" not in str(failure.__dict__)


def test_repeated_failures_lock_the_account_even_for_the_right_password(client, alice, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "alice", "guess")
    response = sign_in(client, "alice", PASSWORD)
    assert response.status_code == 429
    assert "Sign-in is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_account_so_colleagues_can_still_sign_in(client, alice, bob, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "alice", "guess")
    assert sign_in(client, "bob", PASSWORD).status_code == 302


def test_idle_session_expires_and_activity_keeps_it_alive(client, alice, settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    client.force_login(alice)
    home = reverse("home")
    session = Session.objects.get()
    # Activity renews the expiry…
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    client.get(home)
    assert Session.objects.get().expire_date > timezone.now() + timedelta(minutes=29)
    # …and after the idle period the next page asks to sign in again.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(home)
    assert response.status_code == 302 and response["Location"].startswith(SIGN_IN)


def test_sign_out_is_audited_and_ends_the_session(client, alice):
    client.force_login(alice)
    client.post(reverse("accounts:logout"))
    assert AuditEvent.objects.filter(action=AuditAction.LOGOUT, actor=alice).exists()
    assert client.get(reverse("home")).status_code == 302


def test_password_reset_sends_a_working_link_through_the_task_queue(client, alice):
    response = client.post(reverse("accounts:password_reset"), {"email": "alice@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["alice@example.org"]
    link = re.search(r"https?://[^/]+(/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    new_password = "a-much-longer-new-passphrase"
    done = client.post(form_page.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password})
    assert done.status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new_password)


def test_password_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, alice):
    response = client.post(reverse("accounts:password_reset"), {"email": "stranger@example.org"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_an_address_is_sent_a_few_reset_links_an_hour_and_the_page_looks_the_same_after(client, alice, settings):
    settings.PASSWORD_RESET_LIMIT_PER_ADDRESS = 3
    for _ in range(5):
        response = client.post(reverse("accounts:password_reset"), {"email": "Alice@example.org "})
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 3
    from casereview.accounts.models import PasswordResetRequest

    assert not PasswordResetRequest.objects.filter(address_digest__icontains="alice").exists()


def test_a_client_that_asks_for_too_many_resets_is_told_to_wait_whatever_the_address(client, alice, settings):
    settings.PASSWORD_RESET_LIMIT_PER_CLIENT = 4
    for number in range(4):
        response = client.post(reverse("accounts:password_reset"), {"email": f"someone{number}@example.org"})
        assert response.status_code == 302
    pages = [
        client.post(reverse("accounts:password_reset"), {"email": address}).content.decode()
        for address in ("alice@example.org", "stranger@example.org")
    ]
    for page in pages:
        assert "You have asked for too many password reset links in the last hour" in page
        assert "govuk-error-summary" in page
    assert mail.outbox == []
    other_client = type(client)(REMOTE_ADDR="198.51.100.7")
    assert other_client.post(reverse("accounts:password_reset"), {"email": "alice@example.org"}).status_code == 302
    assert len(mail.outbox) == 1


def test_weak_new_passwords_are_refused_with_reasons(client, alice):
    client.force_login(alice)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": "password", "new_password2": "password"},
    )
    page = response.content.decode()
    assert "This password is too short" in page
    assert "This password is too common" in page
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_password_reset_page_does_the_same_work_for_a_known_and_an_unknown_address(client, alice):
    """Whether an address has an account must not show in the page's time: the page queues one task with
    the same arguments and runs the same queries either way; the lookup and the e-mail happen in the task."""
    from unittest import mock

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    work = {}
    for address in ("alice@example.org", "stranger@example.org"):
        task = mock.patch("casereview.accounts.tasks.send_password_reset")
        with task as send_password_reset, CaptureQueriesContext(connection) as q:
            response = client.post(reverse("accounts:password_reset"), {"email": address})
        assert response.status_code == 302
        enqueue = send_password_reset.enqueue
        assert enqueue.call_count == 1
        assert enqueue.call_args.kwargs["email"] == address
        # the same statements; only their values (the time, the address's digest) may differ
        statements = [re.sub(r"'[^']*'", "?", query["sql"]) for query in q.captured_queries]
        work[address] = (sorted(enqueue.call_args.kwargs), statements)
    assert work["alice@example.org"] == work["stranger@example.org"]
    assert mail.outbox == []

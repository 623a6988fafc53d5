"""A notification recorded as sent by mistake, or on the wrong date, is put right with a reason; the
earlier values stay readable in the duty's history."""

import datetime

import pytest
from django.urls import reverse

from casereview.audit.models import AuditAction, AuditEvent
from casereview.incidents.models import DutyStatus
from casereview.testing import NotificationDutyFactory


@pytest.fixture
def sent_duty(partnership_a, alice):
    return NotificationDutyFactory(
        incident__partnership=partnership_a, sent_on=datetime.date(2025, 4, 22), sent_by=alice, sent_reference="N-1"
    )


def correct(client, duty, **data):
    return client.post(reverse("incidents:duty_correct", args=[duty.pk]), data)


def test_a_duty_sent_by_mistake_is_due_again_and_its_history_says_who_why_and_what_it_was(client, alice, sent_duty):
    client.force_login(alice)
    response = correct(client, sent_duty, what="not_sent", reason="Recorded against the wrong child")
    assert response.status_code == 302
    sent_duty.refresh_from_db()
    assert sent_duty.sent_on is None and sent_duty.status == DutyStatus.OVERDUE

    history = client.get(response["Location"]).content.decode()
    assert "Corrected" in history and "Alice Adams" in history
    assert "Recorded against the wrong child" in history
    assert "from 22 April 2025 to nothing" in history
    event = AuditEvent.objects.get(action=AuditAction.CORRECT)
    assert event.changes["sent_on"] == ["2025-04-22", None]


def test_a_sent_date_is_corrected_to_another_day(client, alice, sent_duty):
    client.force_login(alice)
    data = {"sent_on_0": "23", "sent_on_1": "4", "sent_on_2": "2025", "reference": "N-2"}
    correct(client, sent_duty, what="another_day", reason="Typed the day before", **data)
    sent_duty.refresh_from_db()
    assert (sent_duty.sent_on, sent_duty.sent_reference) == (datetime.date(2025, 4, 23), "N-2")


@pytest.mark.parametrize(
    "data, message",
    [
        ({"what": "not_sent", "reason": ""}, "Say why you are correcting it"),
        ({"what": "another_day", "reason": "typo"}, "Enter the date it was sent"),
        (
            {"what": "another_day", "reason": "typo", "sent_on_0": "1", "sent_on_1": "1", "sent_on_2": "2100"},
            "The date sent must be today or in the past",
        ),
    ],
)
def test_a_correction_without_a_reason_or_with_an_impossible_date_changes_nothing(
    client, alice, sent_duty, data, message
):
    client.force_login(alice)
    response = correct(client, sent_duty, **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    sent_duty.refresh_from_db()
    assert sent_duty.sent_on == datetime.date(2025, 4, 22)
    assert not AuditEvent.objects.filter(action=AuditAction.CORRECT).exists()


def test_another_partnerships_duty_cannot_be_corrected_or_its_history_read(client, charlie, sent_duty):
    client.force_login(charlie)
    assert correct(client, sent_duty, what="not_sent", reason="x").status_code == 404
    assert client.get(reverse("incidents:duty_history", args=[sent_duty.pk])).status_code == 404
    sent_duty.refresh_from_db()
    assert sent_duty.sent_on is not None


def test_a_viewer_cannot_correct(client, bob, sent_duty):
    client.force_login(bob)
    assert correct(client, sent_duty, what="not_sent", reason="x").status_code in (403, 404)
    sent_duty.refresh_from_db()
    assert sent_duty.sent_on is not None

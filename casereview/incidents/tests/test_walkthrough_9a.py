"""Walkthrough 9, finding 4 (docs/walkthrough-9.md), helper uifix9a: "Record as sent" on a notification
already sent says so and leads to the correction; a second sending never overwrites without a reason."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casereview.audit.models import AuditEvent
from casereview.incidents import services
from casereview.testing import NotificationDutyFactory

pytestmark = pytest.mark.django_db

SENT = {"sent_on_0": 22, "sent_on_1": 4, "sent_on_2": 2025, "reference": "DFE-1"}


@pytest.fixture
def duty(partnership_a):
    return NotificationDutyFactory(incident__partnership=partnership_a)


def _history(duty):
    return AuditEvent.objects.filter(object_id=str(duty.pk)).count()


def test_the_same_form_sent_twice_writes_one_history_entry(client, alice, duty):
    client.force_login(alice)
    url = reverse("incidents:duty_sent", args=[duty.pk])
    client.post(url, SENT)
    after_first = _history(duty)
    second = client.post(url, SENT)  # the double click
    assert second.status_code in (200, 302)
    assert _history(duty) == after_first
    duty.refresh_from_db()
    assert duty.sent_reference == "DFE-1"


def test_another_reference_is_refused_and_the_page_leads_to_the_correction(client, alice, duty):
    client.force_login(alice)
    url = reverse("incidents:duty_sent", args=[duty.pk])
    client.post(url, SENT)
    page = client.get(url).content.decode()
    assert "Already recorded as sent on 22 April 2025" in page
    assert reverse("incidents:duty_correct", args=[duty.pk]) in page
    assert "Record as sent</button>" not in page
    refused = client.post(url, {**SENT, "reference": "DFE-12345"}).content.decode()
    assert "already recorded as sent on 22 April 2025" in refused
    duty.refresh_from_db()
    assert duty.sent_reference == "DFE-1"
    with pytest.raises(ValidationError, match="correct the record"):
        services.duty_mark_sent(actor=alice, duty=duty, sent_on=datetime.date(2025, 4, 23), reference="DFE-1")


def test_a_second_tabs_date_is_shown_as_not_recorded_and_the_refusal_ends_in_a_full_stop(client, alice, duty):
    """Walkthrough 10, finding 14."""
    client.force_login(alice)
    url = reverse("incidents:duty_sent", args=[duty.pk])
    client.post(url, SENT)
    other = {**SENT, "sent_on_0": 23, "reference": "DFE-2"}
    page = " ".join(re.sub(r"<[^>]+>", " ", client.post(url, other).content.decode()).split())
    assert "its reason are kept in its history." in page
    assert "What you entered was not recorded: sent on 23 April 2025, reference DFE-2." in page

"""Walkthrough 9's findings on action updates (docs/walkthrough-9.md): an update dated before the action
started, the status following the latest-dated update (finding 8), and a completed action whose evidence is
attached saying what is awaited now (finding 14)."""

import html
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from casereview.actionplans import services
from casereview.actionplans.models import ActionStatus, ProgressUpdate

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


def _post(lead, action, on, status, text="Progress", **evidence):
    return services.progress_update_post(actor=lead, action=action, posted_on=on, text=text, status=status, **evidence)


def test_an_update_dated_before_the_action_started_is_refused(client, plan):
    action, lead = plan["action"], plan["social_care_lead"]
    with pytest.raises(ValidationError, match="cannot be before the action started"):
        _post(lead, action, action.start_date - timedelta(days=1), ActionStatus.ON_TRACK)
    client.force_login(lead)
    before = action.start_date - timedelta(days=400)
    page = html.unescape(
        client.post(
            reverse("actionplans:action_update", args=[action.pk]),
            {
                "posted_on_0": before.day,
                "posted_on_1": before.month,
                "posted_on_2": before.year,
                "status": "on_track",
                "text": "Protocol drafted.",
            },
        ).content.decode()
    )
    assert "The date of the update cannot be before the action started" in page
    assert not ProgressUpdate.objects.exists()


def test_the_status_follows_the_latest_dated_update_not_the_last_posted(client, plan):
    action, lead = plan["action"], plan["social_care_lead"]
    today = timezone.localdate()
    _post(lead, action, today - timedelta(days=2), ActionStatus.AT_RISK)
    _post(lead, action, today - timedelta(days=1), ActionStatus.AT_RISK)
    action.refresh_from_db()
    assert (action.status, action.at_risk_streak) == (ActionStatus.AT_RISK, 2)
    _post(lead, action, action.start_date, ActionStatus.ON_TRACK, text="Posted late")  # an older update, posted now
    action.refresh_from_db()
    assert (action.status, action.at_risk_streak) == (ActionStatus.AT_RISK, 2)
    assert ProgressUpdate.objects.filter(action=action).count() == 3
    _post(lead, action, today, ActionStatus.ON_TRACK)
    action.refresh_from_db()
    assert (action.status, action.at_risk_streak) == (ActionStatus.ON_TRACK, 0)


def test_a_completed_action_with_its_evidence_says_the_check_is_awaited(client, plan):
    action, lead = plan["action"], plan["social_care_lead"]
    client.force_login(lead)
    form = client.get(reverse("actionplans:action_update", args=[action.pk])).content.decode()
    assert "the business manager then checks it and closes the action" in html.unescape(form)
    _post(lead, action, timezone.localdate(), ActionStatus.COMPLETED)
    page = client.get(reverse("actionplans:action", args=[action.pk])).content.decode()
    assert "Completed — evidence awaited" in page
    _post(
        lead,
        action,
        timezone.localdate(),
        ActionStatus.COMPLETED,
        evidence_file=pdf_upload(),
        evidence_description="Signed protocol",
    )
    page = client.get(reverse("actionplans:action", args=[action.pk])).content.decode()
    tag = page.split('class="govuk-tag govuk-tag--blue">', 1)[1].split("<", 1)[0]
    assert tag == "Completed — evidence to be checked by the business manager"

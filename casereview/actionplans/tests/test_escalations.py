from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from casereview.actionplans import selectors, services
from casereview.actionplans.escalations import send_escalations
from casereview.actionplans.models import Action, ActionPlanSettings
from casereview.core.working_days import add_working_days

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def set_due(action, due):
    """As if the plan had said so from the start: an action cannot fall due before it starts."""
    Action.objects.filter(pk=action.pk).update(due_date=due, start_date=min(due, action.start_date))


def escalated(plan, alice):
    return [a.number for a in selectors.escalated_actions(user=alice, partnership=plan["review"].partnership)]


def test_overdue_by_the_threshold_is_not_escalated_but_one_more_working_day_is(plan, alice):
    action = plan["action"]
    set_due(action, add_working_days(TODAY, -10))
    assert escalated(plan, alice) == [], "exactly 10 working days overdue is within the default limit"
    set_due(action, add_working_days(TODAY, -11))
    assert escalated(plan, alice) == [1]


def test_the_threshold_is_the_partnerships_setting(plan, alice):
    ActionPlanSettings.objects.create(partnership=plan["review"].partnership, escalate_after_working_days=2)
    set_due(plan["action"], add_working_days(TODAY, -3))
    assert escalated(plan, alice) == [1]


def test_at_risk_in_two_consecutive_updates_is_escalated(plan, alice):
    lead = plan["social_care_lead"]
    services.progress_update_post(
        actor=lead, action=plan["action"], posted_on=TODAY, text="Provider pulled out", status="at_risk"
    )
    assert escalated(plan, alice) == []
    services.progress_update_post(
        actor=lead, action=plan["action"], posted_on=TODAY, text="No new provider yet", status="at_risk"
    )
    assert escalated(plan, alice) == [1]
    outcome = send_escalations(today=TODAY)
    assert outcome.sent == 1 and "at risk" in mail.outbox[0].subject
    services.progress_update_post(
        actor=lead, action=plan["action"], posted_on=TODAY, text="Still none", status="at_risk"
    )
    assert send_escalations(today=TODAY).sent == 0, "the same run of at-risk updates is escalated once"


def test_a_moved_due_date_missed_again_is_escalated_afresh(plan, alice):
    action = plan["action"]
    set_due(action, add_working_days(TODAY, -15))
    assert send_escalations(today=TODAY).sent == 1
    set_due(action, add_working_days(TODAY, -12))
    outcome = send_escalations(today=TODAY)
    assert (outcome.sent, len(mail.outbox)) == (1, 2)


def test_closed_or_completed_actions_are_not_escalated(plan, alice):
    set_due(plan["action"], date(2020, 1, 1))
    services.progress_update_post(
        actor=plan["social_care_lead"], action=plan["action"], posted_on=TODAY, text="Done", status="completed"
    )
    assert escalated(plan, alice) == [] and send_escalations(today=TODAY).sent == 0


def test_without_an_executive_member_the_business_manager_is_told(plan, alice):
    plan["executive"].memberships.update(is_active=False)
    set_due(plan["action"], add_working_days(TODAY, -20))
    send_escalations(today=TODAY)
    assert mail.outbox[0].to == [alice.email]
    assert "has no executive member in casereview" in mail.outbox[0].body
    assert "return-interview" not in mail.outbox[0].body, "no case detail in e-mail"


def test_the_executive_sees_escalations_of_their_partnership_only(plan, charlie, alice):
    set_due(plan["action"], timezone.localdate() - timedelta(days=60))
    assert selectors.escalated_actions(user=charlie, partnership=plan["review"].partnership).count() == 0
    assert selectors.escalated_actions(user=plan["executive"], partnership=plan["review"].partnership).count() == 1

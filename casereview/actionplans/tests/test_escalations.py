from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from casereview.actionplans import escalations, selectors, services
from casereview.actionplans.escalations import send_escalations
from casereview.actionplans.models import Action, ActionPlanSettings, Escalation, EscalationReason
from casereview.core.working_days import add_working_days
from casereview.testing import ActionFactory, ReviewFactory

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


def overdue_action(partnership, title):
    review = ReviewFactory(partnership=partnership, title=title)
    return ActionFactory(review=review, due_date=date(2020, 1, 6), start_date=date(2019, 1, 1))


def test_each_escalation_is_its_own_email_to_its_own_partnership(plan, alice, partnership_b, charlie):
    set_due(plan["action"], add_working_days(TODAY, -20))
    ours = overdue_action(plan["review"].partnership, "Child S")
    theirs = overdue_action(partnership_b, "Child W")
    outcome = send_escalations(today=TODAY)
    assert outcome.sent == 3 and len(mail.outbox) == 3
    by_review = {m.subject.split("— ")[1].split(",")[0]: m for m in mail.outbox}
    assert by_review["Child R"].to == ["exec@example.org"], "the owner agency's executive member"
    assert by_review["Child S"].to == [alice.email], "no executive for that agency: the business manager"
    assert by_review["Child W"].to == [charlie.email], "another partnership's escalation goes to its own people"
    assert f"/actions/{theirs.pk}/" in by_review["Child W"].body and str(ours.pk) in by_review["Child S"].body
    assert "Worcestershire" in by_review["Child W"].body


def test_a_run_with_nothing_new_costs_the_same_few_queries_however_many_are_escalated(
    plan, partnership_b, charlie, django_assert_max_num_queries
):
    set_due(plan["action"], add_working_days(TODAY, -20))
    send_escalations(today=TODAY)
    with django_assert_max_num_queries(4):
        assert send_escalations(today=TODAY).sent == 0
    for n in range(3):
        overdue_action(partnership_b, f"Child W{n}")
    ActionPlanSettings.objects.create(partnership=partnership_b, escalate_after_working_days=3)
    assert send_escalations(today=TODAY).sent == 3
    with django_assert_max_num_queries(4):
        outcome = send_escalations(today=TODAY)
    assert (outcome.sent, outcome.already_sent) == (0, 4)


def test_an_escalation_another_copy_recorded_first_is_not_sent_again(plan, alice):
    """Two copies of the command at once: what the other recorded between this one's read and its insert
    is skipped by the unique key, and only what this copy recorded is e-mailed."""
    set_due(plan["action"], add_working_days(TODAY, -20))
    other = overdue_action(plan["review"].partnership, "Child S")
    candidates = Action.objects.filter(pk__in=[plan["action"].pk, other.pk]).order_by("due_date")
    batch = []
    for row in candidates.values_list(*escalations.EscalatedAction.FIELDS):
        action = escalations.EscalatedAction(*row)
        batch.append((action, EscalationReason.OVERDUE, f"overdue:{action.due_date.isoformat()}"))
    Escalation.objects.create(action=other, reason=EscalationReason.OVERDUE, trigger=batch[0][2], escalated_on=TODAY)
    members = {plan["review"].partnership.pk: escalations._reachable_members([plan["review"].partnership.pk])}
    sent = escalations._record_and_send(batch, members, TODAY, "https://casereview.example.org")
    assert sent == 1 and len(mail.outbox) == 1 and "Child R" in mail.outbox[0].subject
    assert Escalation.objects.filter(action=plan["action"]).count() == 1
    assert Escalation.objects.filter(action=other).count() == 1

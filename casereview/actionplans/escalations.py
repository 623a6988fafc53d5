"""Escalating actions to the owner agency's executive member (Child R's
learning point 6: escalation left
"going on for too long").

An action is escalated when it is open and overdue by more than the partnership's number of working
days, or reported "at risk" in consecutive updates (`selectors.escalation_q`). Each escalation is recorded
(Escalation, unique per action and trigger) before its e-mail is queued, in one transaction, so running
the command twice — or two copies at once — never sends the same escalation twice. A due date moved and
missed again, or a new run of "at risk" updates, is a new trigger and is escalated afresh."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import Membership, Partnership, Role
from casereview.core.tasks import send_email
from casereview.core.working_days import add_working_days, working_days_between

from .models import Action, ActionPlanSettings, Escalation, EscalationReason
from .selectors import escalation_q


@dataclass
class Outcome:
    sent: int = 0
    already_sent: int = 0


def _reachable_members(partnership_id):
    return list(
        Membership.objects.unscoped()
        .filter(partnership=partnership_id, is_active=True, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    )


def recipients_for(action, members=None):
    """The owner agency's executive member(s); where the agency has none on the system, the partnership's
    business manager, so an escalation is never addressed to nobody. `members`: the partnership's
    reachable members, read once per run rather than once per action."""
    if members is None:
        members = _reachable_members(action.review.partnership_id)
    # A confidential review's actions are seen only by the business manager and the chair: so are its e-mails.
    executives = (
        []
        if action.review.is_confidential
        else [m.user.email for m in members if m.role == Role.EXECUTIVE and m.agency_id == action.owner_agency_id]
    )
    if executives:
        return sorted(set(executives)), True
    return sorted({m.user.email for m in members if m.role == Role.BUSINESS_MANAGER}), False


def send_escalations(*, site_url=None, today=None):
    site_url = (site_url or getattr(settings, "CASEREVIEW_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")
    today = today or timezone.localdate()
    outcome = Outcome()
    for partnership in Partnership.objects.unscoped():
        rule = ActionPlanSettings.for_partnership(partnership)
        cutoff = add_working_days(today, -rule.escalate_after_working_days)
        # What was escalated before and who would be told, read once per partnership: a run with nothing
        # new costs a few queries per partnership, not two per escalated action.
        escalated = set(
            Escalation.objects.unscoped()
            .filter(action__review__partnership=partnership)
            .values_list("action_id", "trigger")
        )
        members = None
        actions = (
            Action.objects.unscoped()
            .filter(review__partnership=partnership)
            .filter(escalation_q(partnership, today))
            .select_related("review__partnership", "owner_agency")
        )
        for action in actions:
            if action.due_date < cutoff:
                reason, trigger = EscalationReason.OVERDUE, f"overdue:{action.due_date.isoformat()}"
            else:
                reason, trigger = (
                    EscalationReason.AT_RISK,
                    f"at_risk:{action.at_risk_since.isoformat() if action.at_risk_since else action.pk}",
                )
            if (action.pk, trigger) in escalated:
                outcome.already_sent += 1
                continue
            if members is None:
                members = _reachable_members(partnership.pk)
            to, to_executive = recipients_for(action, members)
            try:
                with transaction.atomic():
                    Escalation.objects.create(
                        action=action, reason=reason, trigger=trigger, escalated_on=today, recipients="\n".join(to)
                    )
                    if to:
                        send_email.enqueue(
                            subject=_subject(action, reason),
                            body=_body(action, reason, today, site_url, to_executive),
                            to=to,
                        )
            except IntegrityError:
                outcome.already_sent += 1
            else:
                outcome.sent += 1
    return outcome


def _subject(action, reason):
    state = "overdue" if reason == EscalationReason.OVERDUE else "at risk"
    return f"casereview: escalated action ({state}) — {action.review.title}, {action.owner_agency}"


def _body(action, reason, today, site_url, to_executive):
    if reason == EscalationReason.OVERDUE:
        why = (
            f"Action {action.number} was due on {action.due_date:%A %-d %B %Y} and is "
            f"{working_days_between(action.due_date, today)} working days overdue."
        )
    else:
        why = f"Action {action.number} has been reported at risk in {action.at_risk_streak} consecutive updates."
    whom = (
        "You receive this as the executive member for the agency that owns the action."
        if to_executive
        else f"{action.owner_agency} has no executive member in casereview, so this comes to the business manager."
    )
    return (
        f"{action.review.title} — {action.owner_agency}\n{action.review.partnership.name}\n\n{why}\n\n"
        f"Open it in casereview: {site_url}{reverse('actionplans:action', args=[action.pk])}\n\n"
        f"{whom} Details stay in casereview, not in e-mail."
    )

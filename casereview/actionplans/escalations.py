"""Escalating actions to the owner agency's executive member (Child R's
learning point 6: escalation left
"going on for too long").

An action is escalated when it is open and overdue by more than the partnership's number of working
days, or reported "at risk" in consecutive updates (`selectors.escalation_q`). Each escalation is recorded
(Escalation, unique per action and trigger) before its e-mail is queued, in one transaction, so running
the command twice — or two copies at once — never sends the same escalation twice. The run reads every
partnership at once, so a run with nothing new costs the same few queries at any size. A due date moved and
missed again, or a new run of "at risk" updates, is a new trigger and is escalated afresh."""

import operator
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from casereview.accounts.models import Membership, Partnership, Role
from casereview.core.links import paths_to
from casereview.core.tasks import send_emails
from casereview.core.working_days import working_days_between

from .models import Action, Escalation, EscalationReason
from .selectors import escalation_cutoff, escalation_rule_q, escalation_rules


@dataclass
class Outcome:
    sent: int = 0
    already_sent: int = 0


def _reachable_members(partnership_ids):
    return list(
        Membership.objects.unscoped()
        .filter(partnership__in=partnership_ids, is_active=True, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    )


@dataclass(frozen=True, slots=True)
class EscalatedAction:
    """What deciding an escalation, its recipients and its e-mail need of an action, read with the list as
    plain values: a first run escalates thousands, and model instances of each action, review, partnership
    and agency (or a second read of them) cost more than recording the escalations."""

    pk: object
    number: int
    due_date: object
    at_risk_streak: int
    owner_agency_id: object
    agency: str
    review_title: str
    is_confidential: bool
    partnership_id: object
    partnership_name: str
    at_risk_since: object

    FIELDS = (
        "pk",
        "number",
        "due_date",
        "at_risk_streak",
        "owner_agency",
        "owner_agency__name",
        "review__title",
        "review__is_confidential",
        "partnership",
        "partnership__name",
        "at_risk_since",
    )


def recipients_for(action, members):
    """The owner agency's executive member(s); where the agency has none on the system, the partnership's
    business manager, so an escalation is never addressed to nobody. `action`: an EscalatedAction;
    `members`: the partnership's reachable members, read once per run rather than once per action."""
    # A confidential review's actions are seen only by the business manager and the chair: so are its e-mails.
    executives = (
        []
        if action.is_confidential
        else [m.user.email for m in members if m.role == Role.EXECUTIVE and m.agency_id == action.owner_agency_id]
    )
    if executives:
        return sorted(set(executives)), True
    return sorted({m.user.email for m in members if m.role == Role.BUSINESS_MANAGER}), False


# Escalations recorded, and their e-mails queued, this many at a time: one insert, one check and one queued
# task per batch rather than a transaction, an insert and a queued task per action.
BATCH = 1000


def _trigger(action, cutoff):
    if action.due_date < cutoff:
        return EscalationReason.OVERDUE, f"overdue:{action.due_date.isoformat()}"
    since = action.at_risk_since
    return EscalationReason.AT_RISK, f"at_risk:{since.isoformat() if since else action.pk}"


def send_escalations(*, site_url=None, today=None):
    """Every partnership's escalations in a handful of queries: the rules, the actions they catch (as plain
    values) and what was escalated before; then, for what is new only, the members to tell and, a batch at
    a time, the escalations and their e-mails."""
    site_url = (site_url or getattr(settings, "CASEREVIEW_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")
    today = today or timezone.localdate()
    outcome = Outcome()
    rules = escalation_rules(list(Partnership.objects.unscoped().values_list("pk", flat=True)))
    if not rules:
        return outcome
    # Partnerships sharing a rule share a condition, so the query has one branch per distinct rule (usually
    # one: the defaults), not one per partnership.
    by_rule = defaultdict(list)
    for partnership_id, rule in rules.items():
        by_rule[(rule.escalate_after_working_days, rule.escalate_after_at_risk_updates)].append(partnership_id)
    caught = reduce(
        operator.or_,
        (Q(partnership__in=ids) & escalation_rule_q(rules[ids[0]], today) for ids in by_rule.values()),
    )
    cutoff_after = {days: escalation_cutoff(rules[ids[0]], today) for (days, _), ids in by_rule.items()}
    cutoffs = {pk: cutoff_after[rule.escalate_after_working_days] for pk, rule in rules.items()}
    candidates = Action.objects.unscoped().filter(caught)  # a system job: every partnership's actions
    escalated = set(
        Escalation.objects.unscoped().filter(action__in=candidates.values("pk")).values_list("action_id", "trigger")
    )
    new = []
    for row in candidates.order_by("partnership", "due_date", "pk").values_list(*EscalatedAction.FIELDS):
        action = EscalatedAction(*row)
        reason, trigger = _trigger(action, cutoffs[action.partnership_id])
        if (action.pk, trigger) in escalated:
            outcome.already_sent += 1
        else:
            new.append((action, reason, trigger))
    if not new:
        return outcome
    members = defaultdict(list)
    for member in _reachable_members({action.partnership_id for action, _, _ in new}):
        members[member.partnership_id].append(member)
    for start in range(0, len(new), BATCH):
        sent = _record_and_send(new[start : start + BATCH], members, today, site_url)
        outcome.sent += sent
        outcome.already_sent += min(BATCH, len(new) - start) - sent
    return outcome


def _record_and_send(batch, members, today, site_url):
    """Records a batch of escalations (EscalatedAction, reason, trigger) and queues their e-mails in one
    transaction. A copy of the command running at the same moment may have recorded some of them first:
    the unique key skips those, and only the rows this run inserted (their keys are made here, so they can
    be looked for) are e-mailed."""
    path = paths_to("actionplans:action")
    rows, emails = [], {}
    for action, reason, trigger in batch:
        to, to_executive = recipients_for(action, members[action.partnership_id])
        row = Escalation(
            action_id=action.pk, reason=reason, trigger=trigger, escalated_on=today, recipients="\n".join(to)
        )
        rows.append(row)
        if to:
            emails[row.pk] = {
                "subject": _subject(action, reason),
                "body": _body(action, reason, today, site_url + path(action.pk), to_executive),
                "to": to,
            }
    with transaction.atomic():
        Escalation.objects.bulk_create(rows, ignore_conflicts=True)
        mine = set(Escalation.objects.unscoped().filter(pk__in=[row.pk for row in rows]).values_list("pk", flat=True))
        messages = [message for pk, message in emails.items() if pk in mine]
        if messages:
            send_emails.enqueue(messages=messages)
    return len(mine)


def _subject(action, reason):
    state = "overdue" if reason == EscalationReason.OVERDUE else "at risk"
    return f"casereview: escalated action ({state}) — {action.review_title}, {action.agency}"


def _body(action, reason, today, link, to_executive):
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
        else f"{action.agency} has no executive member in casereview, so this comes to the business manager."
    )
    return (
        f"{action.review_title} — {action.agency}\n{action.partnership_name}\n\n{why}\n\n"
        f"Open it in casereview: {link}\n\n"
        f"{whom} Details stay in casereview, not in e-mail."
    )

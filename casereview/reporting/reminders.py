"""E-mail reminders of deadlines: N working days before one is due, and once when it becomes overdue.

Each reminder is recorded (ReminderSent) in the same transaction as its e-mail is queued, a batch at a time,
so running the command twice — or two copies at once — never sends the same reminder twice."""

import uuid
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from casereview.accounts.models import Membership, Role
from casereview.core.tasks import send_emails

from .models import ReminderSent
from .selectors import ACTIONS_LISTED, agency_deadlines_seen_by_each, deadlines_by_partnership, deadlines_for

REMINDED_ROLES = (Role.BUSINESS_MANAGER, Role.CHAIR, Role.AGENCY_LEAD)


@dataclass
class Outcome:
    sent: int = 0
    already_sent: int = 0


def _is_responsible(membership, deadline):
    if deadline.agency_id:
        return membership.role == Role.AGENCY_LEAD and membership.agency_id == deadline.agency_id
    return membership.role in deadline.roles


def _reminder_kind(deadline, lead_days):
    if deadline.is_overdue:
        return "overdue"
    if deadline.expected_from_others:
        return None
    if 0 <= deadline.working_days_left <= lead_days:
        return "before"
    return None


# Reminders are recorded and their e-mails queued this many at a time, in one transaction each.
BATCH = 1000


def send_deadline_reminders(*, site_url=None):
    site_url = (site_url or getattr(settings, "CASEREVIEW_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")
    outcome = Outcome()
    memberships = list(
        Membership.objects.unscoped()  # a system job: every partnership's reminded members
        .filter(is_active=True, user__is_active=True, role__in=REMINDED_ROLES)
        .exclude(user__email="")
        .select_related("user", "partnership")
    )
    # Each partnership's business managers first, then its other members.
    memberships.sort(key=lambda m: (m.partnership_id, m.role != Role.BUSINESS_MANAGER, m.pk))
    recipients = {m.user_id for m in memberships}
    # What each person was already reminded of, and of which requests they were notified lately, each read
    # once for everyone: a second run costs one query, and a first one no query a reminder.
    reminded = defaultdict(set)
    for recipient, key, kind, due in ReminderSent.objects.filter(recipient__in=recipients).values_list(
        "recipient_id", "deadline_key", "kind", "due_date"
    ):
        reminded[recipient].add((key, kind, due))
    told = _ToldLately(recipients, max((m.partnership.reminder_working_days for m in memberships), default=0))
    holdings = _holdings(memberships)
    lists = _Deadlines(memberships, holdings, _managers_lists(memberships, holdings))
    due = []
    for membership in memberships:
        lead_days = membership.partnership.reminder_working_days
        for deadline in lists.for_member(membership):
            kind = _reminder_kind(deadline, lead_days)
            if kind is None or not _is_responsible(membership, deadline):
                continue
            if (deadline.key, kind, deadline.due) in reminded[membership.user_id] or (
                kind == "before" and told.of(membership.user_id, deadline.key, lead_days)
            ):
                outcome.already_sent += 1
                continue
            reminded[membership.user_id].add((deadline.key, kind, deadline.due))
            due.append((membership, deadline, kind))
    for start in range(0, len(due), BATCH):
        batch = due[start : start + BATCH]
        sent = _record_and_send(batch, site_url)
        outcome.sent += sent
        outcome.already_sent += len(batch) - sent
    return outcome


def _record_and_send(batch, site_url):
    """Records a batch of reminders and queues their e-mails (one task for the batch) in one transaction. A
    copy of the command running at the same moment may have recorded some of them first: the unique key
    skips those, and only the rows this run inserted, found by the run's own token, are e-mailed."""
    run = uuid.uuid4()
    rows = [
        ReminderSent(deadline_key=deadline.key, kind=kind, due_date=deadline.due, recipient=membership.user, run=run)
        for membership, deadline, kind in batch
    ]
    with transaction.atomic():
        ReminderSent.objects.bulk_create(rows, ignore_conflicts=True)
        mine = set(ReminderSent.objects.filter(run=run).values_list("deadline_key", "kind", "due_date", "recipient_id"))
        messages = [
            {
                "subject": _subject(deadline, kind),
                "body": _body(deadline, kind, site_url),
                "to": [membership.user.email],
            }
            for membership, deadline, kind in batch
            if (deadline.key, kind, deadline.due, membership.user_id) in mine
        ]
        if messages:
            send_emails.enqueue(messages=messages)
    return len(messages)


def _holdings(memberships):
    """user -> partnership -> the (role, agency) pairs of their active memberships there: what decides which
    of a partnership's deadlines a person sees. Read in one query, and kept on each reminded person's user
    object as the permission checks keep them (accounts.permissions.active_memberships), instead of a query
    a person."""
    users = {m.user_id: m.user for m in memberships}
    held = defaultdict(list)
    holdings = defaultdict(lambda: defaultdict(set))
    for membership in (
        Membership.objects.unscoped()  # a system job reading the reminded people's own memberships
        .filter(is_active=True, user_id__in=users)
        .select_related("partnership", "agency")
        .order_by("pk")
    ):
        held[membership.user_id].append(membership)
        holdings[membership.user_id][membership.partnership_id].add((membership.role, membership.agency_id))
    for membership in memberships:
        membership.user._casereview_memberships = held[membership.user_id]
    return holdings


def _managers_lists(memberships, holdings):
    """partnership id -> its whole list of deadlines, as its business managers see it, for every partnership
    with a business manager to remind: read in one query a kind for all of them (deadlines_by_partnership),
    through the scope of a reader holding each of those partnerships' first business manager's seat (a
    business manager sees all of the partnership's deadlines). A query a kind and a partnership was most of
    the morning's run."""
    from casereview.accounts.models import User

    seats = {}
    for membership in memberships:
        roles = {role for role, _ in holdings[membership.user_id][membership.partnership_id]}
        if membership.role == Role.BUSINESS_MANAGER and Role.BUSINESS_MANAGER in roles:
            seats.setdefault(membership.partnership_id, membership)
    if not seats:
        return {}
    reader = User(username="the partnerships' business managers", is_active=True)  # never saved
    reader._casereview_memberships = list(seats.values())
    return deadlines_by_partnership(user=reader, partnerships=[m.partnership for m in seats.values()])


class _Deadlines:
    """Each partnership's deadlines, read once for everyone it reminds.

    The business manager sees all of the partnership's deadlines (decisions.md: who sees a case, who sees a
    review), so the list read as a business manager sees it (`everything`, from _managers_lists) serves
    every member holding that role. The chair is reminded only of the chair's decisions, which every case
    reader sees, so the chair is given that list too. An agency lead is reminded only of deadlines set for
    their agency: those in the list are checked against the lead's own scope, by key, so a lead is told
    only of what they may open (an action in a confidential review is not theirs to see) — every lead's
    check at once, before the first reminder (agency_deadlines_seen_by_each). Without a business manager to
    read the list, each person's own list is read."""

    def __init__(self, memberships, holdings, everything):
        self.holdings = holdings
        self.everything = everything  # partnership id -> its whole list
        asked = {}
        for membership in memberships:
            listed = everything.get(membership.partnership_id)
            if listed is not None and self._roles(membership) <= {Role.AGENCY_LEAD} and not _cut_short(listed):
                asked.setdefault((membership.user_id, membership.partnership_id), (membership, listed))
        seen = agency_deadlines_seen_by_each([(m.user, m.partnership, listed) for m, listed in asked.values()])
        self.leads = dict(zip(asked, seen, strict=True))  # (user, partnership) -> their agencies' list, or None

    def _roles(self, membership):
        return {role for role, _ in self.holdings[membership.user_id][membership.partnership_id]}

    def for_member(self, membership):
        user, partnership = membership.user, membership.partnership
        listed = self.everything.get(partnership.pk)
        if listed is None:
            return deadlines_for(user=user, partnership=partnership)
        roles = self._roles(membership)
        if Role.BUSINESS_MANAGER in roles or roles <= {Role.CHAIR}:
            return listed
        seen = self.leads.get((user.pk, partnership.pk))
        if seen is not None:
            return seen
        return deadlines_for(user=user, partnership=partnership)


def _cut_short(deadlines):
    """The list's actions were cut at the listing limit, so an agency's may lie beyond it."""
    return sum(d.key.startswith("action:") for d in deadlines) >= ACTIONS_LISTED


class _ToldLately:
    """Of which requests each person was notified within the reminder period (a reminder now would say the
    same thing again): the notifications of the last `lead_days` working days, read once for everyone.
    A notification's key is the request's, or starts with it and a colon."""

    def __init__(self, user_ids, lead_days):
        from django.utils import timezone

        from casereview.core.working_days import add_working_days
        from casereview.notifications.selectors import told_since

        self.today = timezone.localdate()
        self.latest = {}  # (user, key or a prefix of it that ends before a colon) -> the latest day told
        if not user_ids:
            return
        for user_id, key, day in told_since(user_ids=user_ids, since=add_working_days(self.today, -lead_days)):
            parts = key.split(":")
            for end in range(1, len(parts) + 1):
                prefix = (user_id, ":".join(parts[:end]))
                if self.latest.get(prefix, day) <= day:
                    self.latest[prefix] = day

    def of(self, user_id, key, lead_days):
        from casereview.core.working_days import add_working_days

        day = self.latest.get((user_id, key))
        return day is not None and day >= add_working_days(self.today, -lead_days)


def _subject(deadline, kind):
    state = "overdue" if kind == "overdue" else f"due {deadline.due:%-d %B %Y}"
    return f"casereview: {deadline.what} for {deadline.child} is {state}"


def _body(deadline, kind, site_url):
    if kind == "overdue":
        timing = f"This was due on {deadline.due:%A %-d %B %Y} and is now overdue."
    else:
        timing = f"This is due on {deadline.due:%A %-d %B %Y} ({deadline.working_days_left} working days from today)."
    return (
        f"{deadline.what} — {deadline.child}\n{deadline.partnership.name}\n\n{timing}\n\n"
        f"Open it in casereview: {site_url}{deadline.url}\n\n"
        "You receive this because of your role in the partnership. Details stay in casereview, not in e-mail."
    )

"""E-mail reminders of deadlines: N working days before one is due, and once when it becomes overdue.

Each reminder is recorded (ReminderSent) before its e-mail is queued, in one transaction, so running the
command twice — or two copies at once — never sends the same reminder twice."""

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from django.conf import settings
from django.db import IntegrityError, transaction

from casereview.accounts.models import Membership, Role
from casereview.core.tasks import send_email

from .models import ReminderSent
from .selectors import ACTIONS_LISTED, agency_deadlines_seen_by, deadlines_for

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


def send_deadline_reminders(*, site_url=None):
    site_url = (site_url or getattr(settings, "CASEREVIEW_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")
    outcome = Outcome()
    memberships = list(
        Membership.objects.unscoped()  # a system job: every partnership's reminded members
        .filter(is_active=True, user__is_active=True, role__in=REMINDED_ROLES)
        .exclude(user__email="")
        .select_related("user", "partnership")
    )
    # Each partnership's business managers first: the list they see is read once for everyone.
    memberships.sort(key=lambda m: (m.partnership_id, m.role != Role.BUSINESS_MANAGER, m.pk))
    # What each person was already reminded of, read once for everyone: a second run costs one query.
    reminded = defaultdict(set)
    for recipient, key, kind, due in ReminderSent.objects.filter(
        recipient__in={m.user_id for m in memberships}
    ).values_list("recipient_id", "deadline_key", "kind", "due_date"):
        reminded[recipient].add((key, kind, due))
    holdings = _holdings({m.user_id for m in memberships})
    for _, members in groupby(memberships, key=lambda m: m.partnership_id):
        lists = _PartnershipDeadlines(holdings)
        for membership in members:
            for deadline in lists.for_member(membership):
                kind = _reminder_kind(deadline, membership.partnership.reminder_working_days)
                if kind is None or not _is_responsible(membership, deadline):
                    continue
                if (deadline.key, kind, deadline.due) in reminded[membership.user_id] or (
                    kind == "before"
                    and _just_told(membership.user, deadline, membership.partnership.reminder_working_days)
                ):
                    outcome.already_sent += 1
                    continue
                if _send(membership, deadline, kind, site_url):
                    reminded[membership.user_id].add((deadline.key, kind, deadline.due))
                    outcome.sent += 1
                else:
                    outcome.already_sent += 1
    return outcome


def _send(membership, deadline, kind, site_url):
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                deadline_key=deadline.key, kind=kind, due_date=deadline.due, recipient=membership.user
            )
            send_email.enqueue(
                subject=_subject(deadline, kind), body=_body(deadline, kind, site_url), to=[membership.user.email]
            )
    except IntegrityError:
        return False
    return True


def _holdings(user_ids):
    """user -> partnership -> the (role, agency) pairs of their active memberships there: what decides which
    of a partnership's deadlines a person sees."""
    holdings = defaultdict(lambda: defaultdict(set))
    for user_id, partnership_id, role, agency_id in (
        Membership.objects.unscoped()  # a system job reading the reminded people's own memberships
        .filter(is_active=True, user_id__in=user_ids)
        .values_list("user_id", "partnership_id", "role", "agency_id")
    ):
        holdings[user_id][partnership_id].add((role, agency_id))
    return holdings


class _PartnershipDeadlines:
    """One partnership's deadlines, read once for everyone it reminds.

    The business manager sees all of the partnership's deadlines (decisions.md: who sees a case, who sees a
    review), so the list is read once, as the first business manager sees it, and serves every member
    holding that role. The chair is reminded only of the chair's decisions, which every case reader sees,
    so the chair is given that list too. An agency lead is reminded only of deadlines set for their agency:
    those in the list are checked against the lead's own scope, by key, so a lead is told only of what they
    may open (an action in a confidential review is not theirs to see). Without a business manager to read
    the list, each person's own list is read."""

    def __init__(self, holdings):
        self.holdings = holdings
        self.everything = None

    def for_member(self, membership):
        user, partnership = membership.user, membership.partnership
        roles = {role for role, _ in self.holdings[user.pk][partnership.pk]}
        if Role.BUSINESS_MANAGER in roles:
            if self.everything is None:
                self.everything = deadlines_for(user=user, partnership=partnership)
            return self.everything
        if self.everything is None:
            return deadlines_for(user=user, partnership=partnership)
        if roles <= {Role.CHAIR}:
            return self.everything
        if roles <= {Role.AGENCY_LEAD} and not self._cut_short():
            seen = agency_deadlines_seen_by(user=user, partnership=partnership, deadlines=self.everything)
            if seen is not None:
                return seen
        return deadlines_for(user=user, partnership=partnership)

    def _cut_short(self):
        """The list's actions were cut at the listing limit, so an agency's may lie beyond it."""
        return sum(d.key.startswith("action:") for d in self.everything) >= ACTIONS_LISTED


def _just_told(user, deadline, lead_days):
    """The person was notified of this very request within the reminder period: a reminder now would say
    the same thing again."""
    from django.utils import timezone

    from casereview.core.working_days import add_working_days
    from casereview.notifications.selectors import was_told

    since = add_working_days(timezone.localdate(), -lead_days)
    return was_told(user=user, key=deadline.key, since=since)


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

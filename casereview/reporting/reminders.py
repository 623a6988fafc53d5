"""E-mail reminders of deadlines: N working days before one is due, and once when it becomes overdue.

Each reminder is recorded (ReminderSent) before its e-mail is queued, in one transaction, so running the
command twice — or two copies at once — never sends the same reminder twice."""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction

from casereview.accounts.models import Membership, Role
from casereview.core.tasks import send_email

from .models import ReminderSent
from .selectors import deadlines_for

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
    memberships = (
        Membership.objects.unscoped()
        .filter(is_active=True, user__is_active=True, role__in=REMINDED_ROLES)
        .exclude(user__email="")
        .select_related("user", "partnership")
    )
    for membership in memberships:
        partnership = membership.partnership
        # What this person was already reminded of, read once: a second run costs a query per member,
        # not a failed insert per deadline.
        reminded = set(
            ReminderSent.objects.filter(recipient=membership.user).values_list("deadline_key", "kind", "due_date")
        )
        for deadline in deadlines_for(user=membership.user, partnership=partnership):
            kind = _reminder_kind(deadline, partnership.reminder_working_days)
            if kind is None or not _is_responsible(membership, deadline):
                continue
            if (deadline.key, kind, deadline.due) in reminded or (
                kind == "before" and _just_told(membership.user, deadline, partnership.reminder_working_days)
            ):
                outcome.already_sent += 1
                continue
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(
                        deadline_key=deadline.key, kind=kind, due_date=deadline.due, recipient=membership.user
                    )
                    send_email.enqueue(
                        subject=_subject(deadline, kind),
                        body=_body(deadline, kind, site_url),
                        to=[membership.user.email],
                    )
            except IntegrityError:
                outcome.already_sent += 1
            else:
                outcome.sent += 1
    return outcome


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

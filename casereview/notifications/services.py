"""notify(): the one call a domain service makes when it asks something of someone. It runs inside the
caller's transaction; the e-mail is queued only once that commits, so a refused change tells nobody."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from casereview.core.tasks import send_email

from .models import Delivery, Notification, NotificationSettings


@dataclass
class Outcome:
    emailed: list = field(default_factory=list)
    in_digest: list = field(default_factory=list)
    # People with no e-mail address: the notification waits on their home page, and the caller can say so.
    unreachable: list = field(default_factory=list)


def delivery_of(user):
    settings_row = NotificationSettings.objects.filter(user=user).first()
    return settings_row.delivery if settings_row else Delivery.NOW


def site_url():
    return getattr(settings, "CASEREVIEW_SITE_URL", "http://127.0.0.1:8000").rstrip("/")


def email_text(notifications):
    lines = []
    for n in notifications:
        lines.append(f"- {n.what}{f' — {n.about}' if n.about else ''} ({n.partnership.name})\n  {site_url()}{n.path}")
    return "\n".join(lines)


FOOTER = (
    "\n\nYou receive this because of your role in the partnership. Details stay in casereview, not in e-mail.\n"
    "To choose between an e-mail each time and one a day, open: {site}/notifications/"
)


def notify(*, recipients, partnership, key, what, about="", path):
    """Tell each recipient (once per key) that `what` is asked of them, with a link to `path`."""
    outcome = Outcome()
    seen = set()
    for user in recipients:
        if user is None or user.pk in seen or not user.is_active:
            continue
        seen.add(user.pk)
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    recipient=user, partnership=partnership, key=key, what=what[:300], about=about[:200], path=path
                )
        except IntegrityError:
            continue  # already told about this very request
        if not user.email:
            outcome.unreachable.append(user)
        elif delivery_of(user) == Delivery.DIGEST:
            outcome.in_digest.append(user)
        else:
            _email_now(notification)
            outcome.emailed.append(user)
    return outcome


def _email_now(notification):
    notification.emailed_at = timezone.now()
    notification.save(update_fields=["emailed_at", "updated"])
    subject = f"casereview: {notification.what}"
    body = email_text([notification]) + FOOTER.format(site=site_url())
    to = [notification.recipient.email]
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=to))


@transaction.atomic
def delivery_choose(*, actor, delivery):
    from casereview.audit.models import AuditAction
    from casereview.audit.services import record_event

    if delivery not in Delivery.values:
        from django.core.exceptions import ValidationError

        raise ValidationError({"delivery": "Choose how you want to be told"})
    row, _ = NotificationSettings.objects.update_or_create(user=actor, defaults={"delivery": delivery})
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=row,
        object_repr=f"{actor} chose: {row.get_delivery_display().lower()}",
    )
    return row


def send_digests():
    """One e-mail per person who chose the daily digest, listing what has not been e-mailed yet. Each row is
    marked as it is queued, inside one transaction per person, so running it twice sends nothing twice."""
    sent = 0
    digest_users = NotificationSettings.objects.filter(delivery=Delivery.DIGEST).values("user_id")
    waiting = (
        Notification.objects.filter(emailed_at__isnull=True, recipient_id__in=digest_users, recipient__is_active=True)
        .exclude(recipient__email="")
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    for recipient_id in list(waiting):
        with transaction.atomic():
            rows = list(
                Notification.objects.select_for_update()
                .filter(recipient_id=recipient_id, emailed_at__isnull=True)
                .select_related("recipient", "partnership")
                .order_by("created")
            )
            if not rows:
                continue
            Notification.objects.filter(pk__in=[r.pk for r in rows]).update(emailed_at=timezone.now())
            count = len(rows)
            subject = f"casereview: {count} new {'request' if count == 1 else 'requests'} for you"
            body = "Asked of you since yesterday:\n\n" + email_text(rows) + FOOTER.format(site=site_url())
            to = [rows[0].recipient.email]
            transaction.on_commit(lambda s=subject, b=body, t=to: send_email.enqueue(subject=s, body=b, to=t))
            sent += 1
    return sent

"""Writes for incidents. Each service validates, saves and audits in one transaction."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from casereview.audit.models import AuditAction
from casereview.audit.services import (
    audit_correction,
    audit_create,
    model_update,
    record_event,
    require_reason,
    snapshot,
)
from casereview.core.concurrency import lock
from casereview.core.dates import long_date
from casereview.core.validation import require_not_before, require_not_future

from . import rules
from .models import ChildIdentity, Incident, NotificationDuty

IDENTITY_FIELDS = ["full_name", "date_of_birth", "address", "postcode", "nhs_number"]


def _next_reference(partnership, year):
    """YYYY-NNN, counting up within the year (compared as numbers, so 2025-1000 follows 2025-999)."""
    prefix = f"{year}-"
    numbers = [
        int(r.split("-")[1])
        for r in Incident.objects.unscoped()
        .filter(partnership=partnership, reference__startswith=prefix)
        .values_list("reference", flat=True)
        if r.split("-")[1].isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


@transaction.atomic
def incident_create(*, actor, partnership, facts, agencies=(), identity=None):
    """Record an incident, its restricted identity record and the notification duties it gives rise to."""
    lock(partnership)  # two incidents recorded at once take the next two references
    if (same := _just_recorded(actor, partnership, facts, agencies)) is not None:
        return same  # the same form sent twice: answered with the incident the first one recorded
    incident = Incident(partnership=partnership, created_by=actor, **facts)
    incident.reference = _next_reference(partnership, (incident.aware_date or timezone.localdate()).year)
    incident.full_clean()
    incident.save()
    incident.agencies_involved.set(agencies)
    audit_create(actor=actor, obj=incident)
    child = ChildIdentity(incident=incident, **(identity or {}))
    child.full_clean()
    child.save()
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=child,
        changes={f: ["", "(restricted)"] for f in IDENTITY_FIELDS if getattr(child, f)},
    )
    incident_duties_recompute(actor=actor, incident=incident)
    return incident


def _just_recorded(actor, partnership, facts, agencies):
    """An incident this person recorded moments ago with the very same facts and agencies (a double
    click, a resent form); two different incidents about one child are never taken for one."""
    from casereview.accounts.services import DOUBLE_SUBMISSION

    recent = Incident.objects.unscoped().filter(
        partnership=partnership, created_by=actor, created__gte=timezone.now() - DOUBLE_SUBMISSION, **facts
    )
    wanted = {agency.pk for agency in agencies}
    for incident in recent.prefetch_related("agencies_involved"):
        if {agency.pk for agency in incident.agencies_involved.all()} == wanted:
            return incident
    return None


@transaction.atomic
def incident_update(*, actor, incident, facts, agencies=None, reason):
    """Change an incident's facts; the duties are worked out again and every change is audited."""
    if not reason.strip():
        raise ValidationError({"reason": "Say why the facts are being changed"})
    if facts.get("harm") == "death" and incident.harm != "death" and not facts.get("death_aware_date"):
        raise ValidationError(
            {
                "death_aware_date": "Enter the date the local authority learned of the death: the notifications "
                "the death brings are due from it"
            }
        )
    model_update(actor=actor, instance=incident, data=facts, reason=reason)
    if agencies is not None:
        previous = sorted(str(a) for a in incident.agencies_involved.all())
        incident.agencies_involved.set(agencies)
        now = sorted(str(a) for a in agencies)
        if previous != now:
            record_event(
                actor=actor,
                action=AuditAction.UPDATE,
                obj=incident,
                reason=reason,
                changes={"agencies_involved": [", ".join(previous), ", ".join(now)]},
            )
    incident_duties_recompute(actor=actor, incident=incident, reason=reason)
    return incident


def panel_told_of_harm_only(incident):
    """The national panel's notification was sent about serious harm and the child has since died: the
    sentence that asks for the panel to be told, or ""."""
    if incident.harm != "death":
        return ""
    duty = incident.duties.filter(kind="national_panel", sent_on__isnull=False).first()
    if duty is None or "died" in duty.reason:
        return ""
    return (
        f"The national panel was told on {duty.sent_on.day} {duty.sent_on:%B %Y} that the child was seriously "
        "harmed. Tell it of the child's death through the DfE notification service, as an update to that "
        "notification"
    )


@transaction.atomic
def incident_duties_recompute(*, actor, incident, reason=""):
    """Bring the incident's duties in line with its facts. A duty no longer owed is withdrawn (never
    deleted), one owed again is reinstated, and an unsent duty's due date follows the facts."""
    owed = {
        duty.kind.value: duty
        for duty in rules.notification_duties_for(
            incident.facts(), sos_ofsted_working_days=incident.partnership.sos_ofsted_working_days
        )
    }
    existing = {duty.kind: duty for duty in incident.duties.all()}
    today = timezone.localdate()
    for kind, due in owed.items():
        duty = existing.get(kind)
        if duty is None:
            duty = NotificationDuty.objects.create(incident=incident, kind=kind, reason=due.reason, due_date=due.due)
            audit_create(actor=actor, obj=duty, reason=reason or "Worked out from the incident's facts")
            continue
        # a notification sent stays as it was sent: after serious harm became a death the panel's read
        # "the child died" beside "Sent", which it was never told (walkthrough 11, finding 10)
        data = {} if duty.sent_on else {"reason": due.reason}
        if duty.withdrawn_on:
            data.update(withdrawn_on=None, withdrawn_reason="")
        if not duty.sent_on:
            data["due_date"] = due.due
        model_update(actor=actor, instance=duty, data=data, reason=reason or "The incident's facts changed")
    for kind, duty in existing.items():
        if kind not in owed and not duty.withdrawn_on and not duty.sent_on:
            withdrawn = "The incident's facts no longer give rise to this notification"
            model_update(
                actor=actor,
                instance=duty,
                data={"withdrawn_on": today, "withdrawn_reason": withdrawn},
                reason=reason or withdrawn,
            )


class AlreadySent(ValidationError):
    """The notification is already recorded as sent: changing that is a correction, which asks why."""


@transaction.atomic
def duty_mark_sent(*, actor, duty, sent_on, reference=""):
    """Record a notification as sent, once. The same form sent again (a double click, a resent page) is
    answered with the first record; another date or reference is refused and sent to "Correct this record",
    which keeps the reason in the notification's history."""
    duty = lock(duty)
    if duty.sent_on:
        if (duty.sent_on, duty.sent_reference) == (sent_on, reference.strip()):
            return duty  # the same form sent twice
        raise AlreadySent(
            f"This notification is already recorded as sent on {long_date(duty.sent_on)}. To change the date or "
            "the reference, correct the record: the correction and its reason are kept in its history."
        )
    if duty.withdrawn_on:
        raise ValidationError({"sent_on": "This notification is no longer owed"})
    require_not_future(sent_on, "sent_on", "The date sent")
    require_not_before(
        sent_on, "sent_on", "The date sent", step="the local authority became aware", step_on=duty.incident.aware_date
    )
    sent = {"sent_on": sent_on, "sent_by": actor, "sent_reference": reference.strip()}
    return model_update(actor=actor, instance=duty, data=sent)[0]


@transaction.atomic
def incident_refer_locally(*, actor, incident, referred_on, reason):
    require_not_future(referred_on, "referred_on", "The referral date")
    referral = {"referred_locally_on": referred_on, "local_referral_reason": reason.strip()}
    return model_update(actor=actor, instance=incident, data=referral, reason="Referred for local consideration")[0]


@transaction.atomic
def identity_update(*, actor, identity, details):
    """The audit trail says which identifying details changed, never their values: the trail is read
    and exported more widely than the restricted record."""
    data = {field: details[field] for field in IDENTITY_FIELDS if field in details}
    return model_update(actor=actor, instance=identity, data=data)[0]


@transaction.atomic
def duty_correct_sent(*, actor, duty, sent_on, reference="", reason):
    """Put right a notification recorded as sent by mistake (sent_on None: it was not sent after all) or on
    the wrong date. The correction says why and keeps the earlier values in the duty's history."""
    reason = require_reason(reason)
    duty = NotificationDuty.objects.unscoped().select_for_update().get(pk=duty.pk)  # the duty the view authorised
    if not duty.sent_on:
        raise ValidationError("This notification is not recorded as sent, so there is nothing to correct")
    if sent_on is not None:
        require_not_future(sent_on, "sent_on", "The date sent")
        if sent_on < duty.incident.aware_date:
            raise ValidationError({"sent_on": "The date sent cannot be before the local authority became aware"})
    before = snapshot(duty)
    if sent_on is None:
        duty.sent_on, duty.sent_by, duty.sent_reference = None, None, ""
    else:
        duty.sent_on, duty.sent_reference = sent_on, reference.strip()
    duty.save()
    audit_correction(actor=actor, obj=duty, before=before, reason=reason)
    return duty

"""Writes for action plans, dissemination and the risk register. Each validates, saves and audits in one
transaction; a refusal raises ValidationError keyed by the form field it concerns, and changes nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from casereview.accounts import permissions
from casereview.audit.models import AuditAction
from casereview.audit.services import audit_create, model_update, model_withdraw, record_event
from casereview.core import file_checks
from casereview.core.concurrency import check_version, lock

from .evidence import check_evidence_file
from .models import (
    Action,
    ActionStatus,
    DisseminationEvent,
    Evidence,
    EvidenceKind,
    ProgressUpdate,
    Risk,
    SignOff,
    SignOffKind,
    TrainingYear,
)
from .selectors import year_starting as year_starting_on

# said by the form and the service alike
EVIDENCE_DESCRIPTION_NEEDED = (
    "Describe the evidence you have given as a file or a link, for example "
    "'Minutes of the looked-after children's health steering group, 3 May'"
)


def _save(obj):
    obj.full_clean()
    obj.save()
    return obj


# --- actions ---------------------------------------------------------------------------------------


@transaction.atomic
def action_create(
    *,
    actor,
    review,
    description,
    owner_agency,
    lead_role,
    start_date,
    due_date,
    success_measure,
    recommendation=None,
    learning_point=None,
    lead_person=None,
):
    lock(review)  # two actions added at once are numbered one after the other
    number = (Action.objects.unscoped().filter(review=review).aggregate(n=Max("number"))["n"] or 0) + 1
    action = _save(
        Action(
            review=review,
            number=number,
            recommendation=recommendation,
            learning_point=learning_point,
            description=description.strip(),
            owner_agency=owner_agency,
            lead_role=lead_role.strip(),
            lead_person=lead_person,
            start_date=start_date,
            due_date=due_date,
            success_measure=success_measure.strip(),
        )
    )
    audit_create(actor=actor, obj=action)
    _tell_agency_of_action(action)
    return action


@transaction.atomic
def action_change(*, actor, action, reason="", **fields):
    """The business manager's correction of an action's details. Moving the due date needs a reason: a
    plan that slips quietly is what escalation exists to prevent. `version` (in `fields`) is the version
    the form was opened at: a change made meanwhile by someone else is not overwritten."""
    expected_version = fields.pop("version", None)
    action = lock(action)
    check_version(action, expected_version, what="action")
    if action.status == ActionStatus.CLOSED:
        raise ValidationError("A closed action cannot be changed: reopen it first")
    if "due_date" in fields and fields["due_date"] != action.due_date and not reason.strip():
        raise ValidationError({"reason": "Say why the due date is changing"})
    data = {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}
    previous_owner = action.owner_agency_id
    action, changed = model_update(actor=actor, instance=action, data=data, reason=reason.strip())
    if changed:  # the next edit must start from this one
        action.version += 1
        Action.objects.unscoped().filter(pk=action.pk).update(version=action.version)
    if action.owner_agency_id != previous_owner:
        _tell_agency_of_action(action)
    return action


@transaction.atomic
def progress_update_post(
    *,
    actor,
    action,
    posted_on,
    text,
    status,
    evidence_file=None,
    evidence_url="",
    evidence_description="",
):
    """A dated update from the owner agency, optionally with one piece of evidence (a file or a link).
    Everything is checked before anything is written, so a refused file loses nothing else."""
    if not permissions.can(actor, "post_update", action):
        raise ValidationError(
            f"Only {action.owner_agency}'s safeguarding lead (or the business manager) can post updates on this action"
        )
    action = lock(action)  # the action as it stands: an edit saved meanwhile is kept, not overwritten
    if action.status == ActionStatus.CLOSED:
        raise ValidationError(
            "This action is closed: the business manager or chair must reopen it before it is updated"
        )
    errors = {}
    if not text.strip():
        errors["text"] = "Describe the progress made"
    if status not in {s for s, _ in ActionStatus.choices} or status == ActionStatus.CLOSED:
        errors["status"] = "Choose the action's status"
    if posted_on and posted_on > timezone.localdate():
        errors["posted_on"] = "The date of the update must be today or in the past"
    elif posted_on and posted_on < action.start_date:
        errors["posted_on"] = (
            f"The date of the update cannot be before the action started ({action.start_date.day} "
            f"{action.start_date:%B %Y})"
        )
    if evidence_file and evidence_url:
        errors["evidence_url"] = "Give either a file or a link, not both"
    if (evidence_file or evidence_url) and not evidence_description.strip():
        errors["evidence_description"] = EVIDENCE_DESCRIPTION_NEEDED
    if errors:
        raise ValidationError(errors)
    content_type = check_evidence_file(evidence_file) if evidence_file else ""

    update = _save(
        ProgressUpdate(action=action, posted_on=posted_on, text=text.strip(), status=status, posted_by=actor)
    )
    audit_create(actor=actor, obj=update)
    if _is_latest_dated(update):
        if status == ActionStatus.AT_RISK:
            streak = {"at_risk_streak": action.at_risk_streak + 1}
            if action.at_risk_streak == 0:
                streak["at_risk_since"] = timezone.now()
        else:
            streak = {"at_risk_streak": 0, "at_risk_since": None}
        model_update(actor=actor, instance=action, data={"status": status, **streak})
    if evidence_file or evidence_url:
        _evidence_add(
            actor=actor,
            action=action,
            update=update,
            description=evidence_description,
            upload=evidence_file,
            content_type=content_type,
            url=evidence_url,
        )
    return update


def _is_latest_dated(update):
    """The action's status is the one its latest-dated update reports, as its page lists them (newest date
    first): an update dated before the latest, posted late, joins the history but changes neither the status
    nor the run of "at risk" updates the escalation counts, so one mistyped year cannot turn an at-risk
    action "on track". Updates on the same date follow the order they were posted."""
    latest = (
        ProgressUpdate.objects.unscoped()
        .filter(action_id=update.action_id)
        .order_by("-posted_on", "-created")
        .values_list("pk", flat=True)
        .first()
    )
    return latest == update.pk


def _evidence_add(*, actor, action, update, description, upload, content_type, url):
    evidence = Evidence(action=action, update=update, description=description.strip(), added_by=actor)
    if upload:
        evidence.kind = EvidenceKind.FILE
        evidence.file_name = file_checks.chosen_name(upload.name)
        evidence.content_type = content_type
        evidence.size = upload.size
        evidence.file.save(evidence.file_name, upload, save=False)
    else:
        evidence.kind = EvidenceKind.LINK
        evidence.url = url.strip()
        try:
            evidence.full_clean(exclude=["file"])
        except ValidationError as exc:
            raise ValidationError(
                {"evidence_url": "Enter a link in the right format, like https://intranet.example.org/policy"}
            ) from exc
    evidence.save()
    audit_create(actor=actor, obj=evidence)
    return evidence


@transaction.atomic
def action_close(*, actor, action, closed_on, note):
    """The monitoring subgroup's sign-off, on the evidence attached."""
    if not permissions.can(actor, "close", action):
        raise ValidationError("Only the business manager or the independent chair can close an action")
    action = lock(action)  # closed once: a second close waits, then finds it closed
    if action.status == ActionStatus.CLOSED:
        raise ValidationError(f"This action has already been closed (by {action.closed_by})")
    errors = {}
    if not action.evidence.exists():
        errors["note"] = "Attach evidence before closing the action: the owner agency adds it with a progress update"
    elif not note.strip():
        errors["note"] = "Record the sign-off: what the evidence shows and who agreed it"
    if closed_on and closed_on > timezone.localdate():
        errors["closed_on"] = "The date of closing must be today or in the past"
    elif closed_on and closed_on < action.start_date:
        errors["closed_on"] = "The action cannot close before it started"
    if errors:
        raise ValidationError(errors)
    closed = {
        "status": ActionStatus.CLOSED,
        "closed_on": closed_on,
        "closed_by": actor,
        "closure_note": note.strip(),
        "at_risk_streak": 0,
        "at_risk_since": None,
    }
    model_update(actor=actor, instance=action, data=closed, reason=note.strip())
    SignOff.objects.create(action=action, kind=SignOffKind.CLOSED, on=closed_on, by=actor, note=note.strip())
    return action


@transaction.atomic
def action_reopen(*, actor, action, reason, due_date=None):
    if not permissions.can(actor, "reopen", action):
        raise ValidationError("Only the business manager or the independent chair can reopen an action")
    action = lock(action)
    if action.status != ActionStatus.CLOSED:
        raise ValidationError("Only a closed action can be reopened")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the action is being reopened"})
    reopened = {"status": ActionStatus.ON_TRACK, "closed_on": None, "closed_by": None, "closure_note": ""}
    if due_date:
        reopened["due_date"] = due_date
    model_update(actor=actor, instance=action, data=reopened, reason=reason.strip())
    SignOff.objects.create(
        action=action, kind=SignOffKind.REOPENED, on=timezone.localdate(), by=actor, note=reason.strip()
    )
    return action


# --- dissemination and training ------------------------------------------------------------------


def _check_reviews(partnership, reviews):
    if any(review.partnership_id != partnership.pk for review in reviews):
        raise ValidationError({"reviews": "Choose reviews of this partnership"})


@transaction.atomic
def dissemination_event_record(
    *,
    actor,
    partnership,
    kind,
    title,
    held_on,
    reviews,
    audience="",
    attendees=None,
    organisations=None,
    notes="",
):
    if not reviews:
        raise ValidationError({"reviews": "Choose the review or reviews whose learning the event spread"})
    _check_reviews(partnership, reviews)
    event = _save(
        DisseminationEvent(
            partnership=partnership,
            kind=kind,
            title=title.strip(),
            held_on=held_on,
            audience=audience.strip(),
            attendees=attendees,
            organisations=organisations,
            notes=notes.strip(),
        )
    )
    event.reviews.set(reviews)
    audit_create(actor=actor, obj=event)
    return event


@transaction.atomic
def training_year_record(
    *, actor, partnership, year_starting, sessions, individuals, organisations, elearning_modules, reason=""
):
    """Create or correct one year's training statistics. Only a year that cannot have happened yet (more
    than one year ahead of the current April-to-March year) is refused; a correction says why."""
    current = year_starting_on(timezone.localdate())
    if year_starting > current + 1:
        raise ValidationError(
            {
                "year_starting": f"The year cannot be later than {current + 1}-{(current + 2) % 100:02d}: "
                f"the current training year is {current}-{(current + 1) % 100:02d}"
            }
        )
    if organisations > individuals:
        raise ValidationError({"organisations": "There cannot be more organisations than individuals trained"})
    figures = {
        "sessions": sessions,
        "individuals": individuals,
        "organisations": organisations,
        "elearning_modules": elearning_modules,
    }
    lock(partnership)  # two saves of a new year at once: the second finds the first's record and corrects it
    record = (
        TrainingYear.objects.unscoped().current().filter(partnership=partnership, year_starting=year_starting).first()
    )
    if record:
        if not (reason or "").strip():
            label = f"{year_starting}-{(year_starting + 1) % 100:02d}"
            raise ValidationError({"reason": f"{label} is already recorded: say why you are correcting it"})
        return model_update(actor=actor, instance=record, data=figures, reason=reason.strip())[0]
    record = _save(TrainingYear(partnership=partnership, year_starting=year_starting, **figures))
    audit_create(actor=actor, obj=record)
    return record


@transaction.atomic
def dissemination_event_withdraw(*, actor, event, reason):
    """Withdraw a learning event recorded twice or by mistake: it leaves the list and the year's figures."""
    event = DisseminationEvent.objects.unscoped().select_for_update().get(pk=event.pk)  # the event the view authorised
    model_withdraw(actor=actor, instance=event, reason=reason)
    return event


@transaction.atomic
def training_year_withdraw(*, actor, record, reason):
    """Withdraw a year's statistics entered by mistake (a year typed wrongly): they leave the training page
    and the annual report, and stay in their history."""
    record = TrainingYear.objects.unscoped().select_for_update().get(pk=record.pk)  # the year the view authorised
    model_withdraw(actor=actor, instance=record, reason=reason)
    return record


# --- risk register -------------------------------------------------------------------------------


RISK_FIELDS = (
    "title",
    "description",
    "owner",
    "owner_agency",
    "likelihood",
    "impact",
    "mitigation",
    "residual_likelihood",
    "residual_impact",
    "review_date",
    "escalated",
    "status",
)


@transaction.atomic
def risk_save(*, actor, partnership, risk=None, reviews=(), themes=(), **fields):
    """Add a risk (risk=None) or change one."""
    _check_reviews(partnership, reviews)
    data = {
        name: value.strip() if isinstance(value, str) else value
        for name, value in fields.items()
        if name in RISK_FIELDS
    }
    if risk:
        model_update(actor=actor, instance=risk, data=data)
    else:
        risk = _save(Risk(partnership=partnership, **data))
        audit_create(actor=actor, obj=risk)
    risk.reviews.set(reviews)
    risk.themes.set(themes)
    return risk


def record_export(*, actor, partnership, what):
    record_event(actor=actor, action=AuditAction.EXPORT, obj=partnership, object_repr=what)


def _tell_agency_of_action(action):
    from django.urls import reverse

    from casereview.core.dates import long_date
    from casereview.notifications.recipients import agency_leads
    from casereview.notifications.services import notify

    notify(
        recipients=agency_leads(action.owner_agency),
        partnership=action.review.partnership,
        key=f"action:{action.pk}:{action.owner_agency_id}",
        what=f"Action {action.number} is assigned to {action.owner_agency}, due {long_date(action.due_date)}",
        about=action.review.title,
        path=reverse("actionplans:action", args=[action.pk]),
    )

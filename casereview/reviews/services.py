"""Writes for a review's life. Each validates, saves and audits in one transaction."""

import logging
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from casereview.accounts.models import Membership, Role, Sector
from casereview.audit.models import AuditAction
from casereview.audit.services import (
    audit_create,
    audit_update,
    changed_fields,
    model_update,
    model_withdraw,
    record_event,
    snapshot,
)
from casereview.core import file_checks, report_numbers, uploads
from casereview.core.concurrency import lock
from casereview.core.dates import add_months, long_date
from casereview.core.validation import require_not_before, require_not_future

from . import chronology, milestones
from .models import (
    STAGE_ORDER,
    AgencyContribution,
    ChronologyEntry,
    ChronologyImport,
    ContributionStatus,
    DuplicatePair,
    DuplicateStatus,
    FamilyInvolvement,
    FindingRevision,
    ImportStatus,
    LearningEvent,
    LearningPoint,
    MonitoringCheck,
    PanelMember,
    Review,
    ReviewerAppointment,
    Stage,
    StageChange,
    TermsOfReference,
)

logger = logging.getLogger(__name__)

PANEL_REQUIRED_SECTORS = [Sector.CHILDRENS_SOCIAL_CARE, Sector.HEALTH, Sector.EDUCATION, Sector.POLICE]


@transaction.atomic
def review_create(
    *, actor, partnership, title, review_type, decided_on, subjects="", is_confidential=False, themes=(), agencies=()
):
    require_not_future(decided_on, "decided_on", "The date of the decision")
    if any(agency.partnership_id != partnership.pk for agency in agencies):
        raise ValidationError({"agencies": "Choose agencies of this partnership"})
    review = Review(
        partnership=partnership,
        title=title.strip(),
        review_type=review_type,
        decided_on=decided_on,
        subjects=subjects.strip(),
        is_confidential=is_confidential,
        target_completion=add_months(decided_on, partnership.review_completion_months),
    )
    review.full_clean()
    review.save()
    review.themes.set(themes)
    review.agencies.set(agencies)
    audit_create(actor=actor, obj=review)
    return review


@transaction.atomic
def review_stage_change(*, actor, review, stage, changed_on, note=""):
    require_not_future(changed_on, "changed_on", "The date of the change")
    if stage == review.stage:
        raise ValidationError({"stage": f"The review is already at '{review.get_stage_display()}'"})
    if stage == Stage.PUBLISHED:
        raise ValidationError({"stage": "A report is published from the publication page, after its checks pass"})
    if stage == Stage.NOT_PUBLISHED and not note.strip():
        raise ValidationError({"note": "Say why the report is not being published"})
    if changed_on < review.decided_on:
        raise ValidationError({"changed_on": "The change cannot predate the decision to review"})
    data = {"stage": stage}
    if stage == Stage.NOT_PUBLISHED:
        data["not_published_reason"] = note.strip()
    model_update(actor=actor, instance=review, data=data, reason=note.strip())
    StageChange.objects.create(review=review, stage=stage, changed_on=changed_on, changed_by=actor, note=note.strip())
    return review


@transaction.atomic
def review_mark_published(*, actor, review, on, note=""):
    """The one way a review becomes published: called by the publication gate once its checks pass, or when
    a review's already-published report is brought in. Records the stage change and its audit."""
    model_update(actor=actor, instance=review, data={"stage": Stage.PUBLISHED, "published_on": on}, reason=note)
    StageChange.objects.create(review=review, stage=Stage.PUBLISHED, changed_on=on, changed_by=actor, note=note)
    return review


@transaction.atomic
def terms_save(
    *,
    actor,
    review,
    scope_start,
    scope_end,
    lines_of_enquiry,
    methodology,
    methodology_other="",
    agreed_on=None,
):
    require_not_future(agreed_on, "agreed_on", "The date agreed")
    require_not_before(
        agreed_on, "agreed_on", "The date agreed", step="the review was commissioned", step_on=review.decided_on
    )
    # the scope is the period of the child's history the review looks at, which cannot run past today
    require_not_future(scope_end, "scope_end", "The end of the scope period")
    data = {
        "scope_start": scope_start,
        "scope_end": scope_end,
        "lines_of_enquiry": lines_of_enquiry.strip(),
        "methodology": methodology,
        "methodology_other": methodology_other.strip(),
        "agreed_on": agreed_on,
    }
    terms = TermsOfReference.objects.unscoped().filter(review=review).first()
    if terms:
        terms = model_update(actor=actor, instance=terms, data=data)[0]
        review_stage_catch_up(actor=actor, review=review)
        return terms
    terms = TermsOfReference(review=review, **data)
    terms.full_clean()
    terms.save()
    audit_create(actor=actor, obj=terms)
    review_stage_catch_up(actor=actor, review=review)
    return terms


def panel_missing_sectors(review, panel=None):
    """The core agencies (the Tower Hamlets SCR paper §3.4, docs/domain.md) with nobody on the panel yet.
    `panel`: the review's panel members with their agencies, when the caller has read them already."""
    if panel is None:
        present = set(review.panel.values_list("agency__sector", flat=True))
    else:
        present = {member.agency.sector for member in panel}
    return [Sector(sector).label for sector in PANEL_REQUIRED_SECTORS if sector not in present]


@transaction.atomic
def panel_member_add(*, actor, review, agency, name, job_title="", user=None):
    if agency.partnership_id != review.partnership_id:
        raise ValidationError({"agency": "Choose an agency of this partnership"})
    member = PanelMember(review=review, agency=agency, name=name.strip(), job_title=job_title.strip(), user=user)
    member.full_clean()
    member.save()
    audit_create(actor=actor, obj=member)
    return member


@transaction.atomic
def panel_member_remove(*, actor, member):
    record_event(
        actor=actor,
        action=AuditAction.DELETE,
        obj=member,
        object_repr=f"{member.name} ({member.agency}) left the panel",
    )
    member.delete()


@transaction.atomic
def reviewer_appoint(*, actor, review, user, appointed_on, declaration, is_lead=True, declared_on=None):
    """The declaration of independence is given on appointment, so it is dated then unless said otherwise
    (recording in December an appointment made in August does not make the declaration December's)."""
    if (
        not Membership.objects.unscoped()
        .filter(user=user, partnership=review.partnership, role=Role.REVIEWER, is_active=True)
        .exists()
    ):
        raise ValidationError(
            {"user": "Only a person with the independent reviewer role in this partnership can be appointed"}
        )
    if not declaration.strip():
        raise ValidationError(
            {
                "declaration": (
                    "Record the reviewer's declaration that they are independent of the case and the agencies involved"
                )
            }
        )
    if ReviewerAppointment.objects.unscoped().filter(review=review, user=user).exists():
        raise ValidationError({"user": f"{user} is already appointed to this review"})
    require_not_future(appointed_on, "appointed_on", "The date of appointment")
    appointment = ReviewerAppointment(
        review=review,
        user=user,
        appointed_on=appointed_on,
        is_lead=is_lead,
        independence_declaration=declaration.strip(),
        declared_on=declared_on or appointed_on,
    )
    appointment.full_clean()
    appointment.save()
    audit_create(actor=actor, obj=appointment)
    _tell_reviewer_of_appointment(appointment)
    return appointment


@transaction.atomic
def contributions_request(*, actor, review, agencies, kinds, due_date, move_due_dates=False):
    """Ask agencies for chronologies and reports. An agency already asked for the same thing is not asked
    twice: the request is refused, naming it and its due date, unless `move_due_dates` says to give the
    request already made the new due date (its agency is told)."""
    if not agencies or not kinds:
        raise ValidationError("Choose at least one agency and what to ask it for")
    today = timezone.localdate()
    if due_date < today:
        raise ValidationError({"due_date": "The due date must be today or later"})
    if any(agency.partnership_id != review.partnership_id for agency in agencies):
        raise ValidationError({"agencies": "Choose agencies of this partnership"})
    lock(review)  # a double click waits for the first, then finds its requests made
    asked = {
        (c.agency_id, c.kind): c
        for c in AgencyContribution.objects.unscoped().filter(review=review, agency__in=agencies, kind__in=kinds)
    }
    if asked and not move_due_dates and not all(c.due_date == due_date for c in asked.values()):
        named = "; ".join(
            f"{c.agency} for {'a' if c.kind == 'chronology' else 'an'} {c.get_kind_display().lower()} "
            f"(due {long_date(c.due_date)})"
            for c in sorted(asked.values(), key=lambda c: (str(c.agency), c.kind))
        )
        raise ValidationError(
            {
                "move_due_dates": f"Already asked: {named}. Untick those agencies, or tick “Also move requests "
                f"already made to this due date” to make them due on {long_date(due_date)}"
            }
        )
    made = []
    for agency in agencies:
        for kind in kinds:
            current = asked.get((agency.pk, kind))
            if current is None:
                contribution = AgencyContribution.objects.create(
                    review=review, agency=agency, kind=kind, requested_on=today, due_date=due_date
                )
                audit_create(actor=actor, obj=contribution)
                _tell_agency_of_contribution(contribution)
                made.append(contribution)
            elif current.due_date != due_date:
                moved_from = current.due_date
                model_update(
                    actor=actor, instance=current, data={"due_date": due_date}, reason="Asked again with a new due date"
                )
                _tell_agency_of_contribution(current, moved=True)
                current.moved_from = moved_from  # for the confirmation: what moved, from when
                made.append(current)
    return made  # empty: every one was already asked, due that day (the same form sent twice)


def contribution_due_warning(review, due_date):
    """A due date after the review's completion target is allowed (a late agency is still asked), but said."""
    if review.target_completion and due_date > review.target_completion:
        return (
            f"The requests are due on {long_date(due_date)}, after the review's target completion "
            f"({long_date(review.target_completion)}). Check the date, or plan for the review to finish late."
        )
    return ""


# an agency's report as a file: what an information request takes, and the size of a review's report
AGENCY_REPORT_KINDS = ("pdf", "docx", "text")
AGENCY_REPORT_LIMIT = "report"
AGENCY_REPORT_REQUIRED = "Enter the agency report, or attach it as a Word or PDF file"


def agency_report_file_type(document):
    """The content type of an agency's report file, judged by its bytes; ValidationError for the form's
    `document` field when it may not be stored (the checks every document upload shares)."""
    return file_checks.check_upload(
        document,
        kinds=AGENCY_REPORT_KINDS,
        limit=AGENCY_REPORT_LIMIT,
        field="document",
        too_large_advice="Save a copy without pictures, or as PDF, and attach that.",
    )


@transaction.atomic
def contribution_submit_report(*, actor, contribution, text, document=None):
    """The agency's report, typed, attached as its own file (`document`, an upload), or both. A file
    attached replaces the one before it in the record; the earlier file is kept in storage and its name in
    the history."""
    if contribution.kind != "agency_report":
        raise ValidationError("This request is for a chronology, not an agency report")
    published_on = contribution.review.published_on
    if published_on:  # the review is over (walkthrough 11, finding 22)
        raise ValidationError(
            f"{contribution.review.title}'s report was published on {long_date(published_on)}, so the review no "
            "longer takes agency reports."
        )
    text = (text or "").strip()
    if not text and document is None and not contribution.report_file:
        raise ValidationError({"text": AGENCY_REPORT_REQUIRED})
    data = {"report_text": text}
    stored = None
    if document is not None:
        content_type = agency_report_file_type(document)
        field = AgencyContribution._meta.get_field("report_file")
        stored = field.storage.save(field.generate_filename(contribution, document.name), document)
        data.update(
            report_file=stored,
            report_file_name=file_checks.chosen_name(document.name, "agency report"),
            report_content_type=content_type,
            report_size=document.size,
        )
    if contribution.status == ContributionStatus.REQUESTED:
        data.update(status=ContributionStatus.RECEIVED, received_on=timezone.localdate())
    try:
        contribution = model_update(actor=actor, instance=contribution, data=data)[0]
        review_stage_catch_up(actor=actor, review=contribution.review)
    except BaseException:
        if stored:
            AgencyContribution._meta.get_field("report_file").storage.delete(stored)
        raise
    return contribution


@transaction.atomic
def contribution_quality_assure(*, actor, contribution):
    if contribution.status == ContributionStatus.REQUESTED:
        raise ValidationError("Nothing has been received from this agency yet")
    data = {"status": ContributionStatus.QUALITY_ASSURED, "quality_assured_on": timezone.localdate()}
    return model_update(actor=actor, instance=contribution, data=data)[0]


# --- chronologies ------------------------------------------------------------------------------------


@transaction.atomic
def chronology_upload(*, actor, contribution, name, data):
    """Store the file (bytes or an upload, copied a chunk at a time) and queue its import; the import page
    shows its progress."""
    if contribution.kind != "chronology":
        raise ValidationError("This request is for an agency report, not a chronology")
    if not uploads.size_of(data):
        raise ValidationError(
            {"file": "The file is empty. Download the template, add your agency's events and upload it again."}
        )
    problem = uploads.too_large("chronology", uploads.size_of(data), "Split it into smaller files.")
    if problem:
        raise ValidationError({"file": problem})
    problem = chronology.file_kind_problem(name, data)
    if problem:
        raise ValidationError({"file": f"{problem}. Download the template, add your agency's events and upload it."})
    stored = default_storage.save(
        f"chronologies/{contribution.review_id}/{contribution.agency_id}.upload", uploads.as_file(data)
    )
    job = ChronologyImport.objects.create(
        contribution=contribution, file_name=name[:255], stored_as=stored, uploaded_by=actor
    )
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=job,
        object_repr=f"Chronology upload {name} for {contribution}",
    )
    from .tasks import import_chronology

    transaction.on_commit(lambda: import_chronology.enqueue(import_id=str(job.pk)))
    return job


def chronology_import_run(import_id):
    """The background import: check every row first (progress shown), then replace the agency's
    chronology in one transaction — a file with any error imports nothing. Whatever happens the import
    ends, done or failed with a message the uploader can act on, and the uploaded file is removed."""
    job = (
        ChronologyImport.objects.unscoped()
        .select_related("contribution__review", "contribution__agency")
        .get(pk=import_id)
    )
    if job.is_finished:
        return job
    try:
        return _chronology_import(job)
    except Exception:
        logger.exception("Chronology import %s failed", job.pk)
        return _finish(
            job,
            ImportStatus.FAILED,
            [
                "The file could not be read. Nothing was imported. Save it again from the template "
                "(CSV UTF-8 or .xlsx) and upload it; if this happens again, tell your business manager."
            ],
        )
    finally:
        if job.stored_as:
            default_storage.delete(job.stored_as)


def _chronology_import(job):
    contribution = job.contribution
    ChronologyImport.objects.unscoped().filter(pk=job.pk).update(status=ImportStatus.CHECKING)
    try:
        with default_storage.open(job.stored_as, "rb") as handle:
            data = handle.read()
        parsed = chronology.read_chronology_file(job.file_name, data, today=timezone.localdate())
    except chronology.ChronologyFileError as exc:
        return _finish(job, ImportStatus.FAILED, [str(exc)])
    total = len(parsed.rows) + len({e.row for e in parsed.errors})
    ChronologyImport.objects.unscoped().filter(pk=job.pk).update(rows_total=total)
    if not parsed.ok:
        return _finish(
            job,
            ImportStatus.FAILED,
            [str(error) for error in parsed.errors[:500]]
            + ([f"…and {len(parsed.errors) - 500} more problems"] if len(parsed.errors) > 500 else []),
        )
    ChronologyImport.objects.unscoped().filter(pk=job.pk).update(status=ImportStatus.IMPORTING)
    with transaction.atomic():
        old_days = set(
            ChronologyEntry.objects.unscoped().filter(contribution=contribution).values_list("sort_date", flat=True)
        )
        ChronologyEntry.objects.unscoped().filter(contribution=contribution).delete()
        batch = [ChronologyEntry(**_entry_fields(contribution, row), row_number=row.row) for row in parsed.rows]
        for start in range(0, len(batch), 2000):
            ChronologyEntry.objects.bulk_create(batch[start : start + 2000])
            ChronologyImport.objects.unscoped().filter(pk=job.pk).update(rows_imported=min(start + 2000, len(batch)))
        if contribution.status == ContributionStatus.REQUESTED:
            AgencyContribution.objects.unscoped().filter(pk=contribution.pk).update(
                status=ContributionStatus.RECEIVED, received_on=timezone.localdate()
            )
        duplicates_refresh(review=contribution.review, days=old_days | {row.sort_date for row in parsed.rows})
        record_event(
            actor=job.uploaded_by,
            action=AuditAction.UPDATE,
            obj=contribution,
            object_repr=f"{len(batch)} chronology events imported for {contribution}",
        )
        review_stage_catch_up(actor=job.uploaded_by, review=contribution.review)
    notes = _outside_scope_warnings(contribution.review, parsed.rows)
    mapped = chronology.mapped_types(parsed.rows)
    if mapped:
        notes.append({"mapped": mapped})  # read through ChronologyImport.mapped_types
    return _finish(job, ImportStatus.DONE, notes, imported=len(batch))


# At most this many rows are named in the warning; the rest are counted.
OUTSIDE_SCOPE_NAMED = 50


def _outside_scope_warnings(review, rows):
    """A finished import's `problems` are warnings: the events dated outside the terms of reference's
    scope. They are imported (an agency may give earlier history on purpose), but each is named so a
    template's example or another child's events are caught before the chronology is read."""
    terms = TermsOfReference.objects.unscoped().filter(review=review).first()
    if terms is None or not (terms.scope_start and terms.scope_end):
        return []
    outside = chronology.outside_scope(rows, scope_start=terms.scope_start, scope_end=terms.scope_end)
    if not outside:
        return []
    period = f"{_long_date(terms.scope_start)} to {_long_date(terms.scope_end)}"
    count = len(outside)
    lines = [
        f"{count} event{'s' if count != 1 else ''} fall{'' if count != 1 else 's'} outside the terms of "
        f"reference's scope ({period}). Check they belong to this review; if not, remove them from the file "
        "and upload it again (it replaces your agency's chronology)."
    ]
    lines += [f"Row {row.row}: {_long_date(row.event_date)}, {row.event_type}" for row in outside[:OUTSIDE_SCOPE_NAMED]]
    if count > OUTSIDE_SCOPE_NAMED:
        lines.append(f"…and {count - OUTSIDE_SCOPE_NAMED} more")
    return lines


def _long_date(day):
    return f"{day.day} {day:%B %Y}"


# An import still unfinished this long after the upload lost its worker (stopped, restarted, out of
# memory): a 20,000-row file takes well under a minute.
IMPORT_GIVEN_UP_AFTER = timedelta(minutes=30)


def chronology_import_give_up_if_stalled(job):
    """Called by the progress page: an import whose worker died ends failed with a message, not "Checking
    rows" for ever."""
    if job.is_finished or job.created > timezone.now() - IMPORT_GIVEN_UP_AFTER:
        return job
    if job.stored_as:
        default_storage.delete(job.stored_as)
    return _finish(
        job,
        ImportStatus.FAILED,
        ["The import stopped before it finished, so nothing was imported. Upload the file again."],
    )


def _finish(job, status, problems, imported=None):
    updates = {"status": status, "problems": problems}
    if imported is not None:
        updates["rows_imported"] = imported
    ChronologyImport.objects.unscoped().filter(pk=job.pk).update(**updates)
    job.refresh_from_db()
    return job


def _entry_fields(contribution, row):
    """A checked chronology row (chronology.check_rows) as its entry's fields in `contribution`, all but the
    row number: a file's import and an event typed on the page make the same entry."""
    return dict(
        contribution=contribution,
        review_id=contribution.review_id,
        agency_id=contribution.agency_id,
        event_date=row.event_date,
        event_time=row.event_time,
        date_precision=row.date_precision,
        sort_date=row.sort_date,
        event_type=row.event_type,
        event_type_as_sent=row.filed_from,
        description=row.description,
        practitioner_role=row.practitioner_role,
        source_reference=row.source_reference,
    )


@transaction.atomic
def chronology_entry_add(*, actor, contribution, record):
    """One event typed on the page, checked by the same rules as a file's rows."""
    if contribution.kind != "chronology":
        raise ValidationError("This request is for an agency report, not a chronology")
    parsed = chronology.check_rows([(1, record)], today=timezone.localdate())
    if not parsed.ok:
        raise ValidationError({error.column.replace(" ", "_"): error.message for error in parsed.errors})
    row = parsed.rows[0]
    last = (
        ChronologyEntry.objects.unscoped()
        .filter(contribution=contribution)
        .order_by("-row_number")
        .values_list("row_number", flat=True)
        .first()
        or 0
    )
    entry = ChronologyEntry.objects.create(**_entry_fields(contribution, row), row_number=last + 1)
    if contribution.status == ContributionStatus.REQUESTED:
        contribution.status, contribution.received_on = ContributionStatus.RECEIVED, timezone.localdate()
        contribution.save()
    duplicates_refresh(review=contribution.review, days={row.sort_date})
    record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=contribution,
        object_repr=f"Chronology event added for {contribution}",
    )
    review_stage_catch_up(actor=actor, review=contribution.review)
    return entry


def duplicates_refresh(*, review, days=None):
    """Suggest likely duplicates afresh — on the given days only, after an import that touched them —
    keeping every pair a person has already linked or dismissed."""
    judged = set(
        DuplicatePair.objects.unscoped()
        .filter(review=review)
        .exclude(status=DuplicateStatus.SUGGESTED)
        .values_list("first_id", "second_id")
    )
    stale = DuplicatePair.objects.unscoped().filter(review=review, status=DuplicateStatus.SUGGESTED)
    entries = (
        ChronologyEntry.objects.unscoped()
        .filter(review=review)
        .only("id", "agency_id", "sort_date", "description", "event_type")
    )
    if days is not None:
        days = list(days)
        stale = stale.filter(Q(first__sort_date__in=days) | Q(second__sort_date__in=days))
        entries = entries.filter(sort_date__in=days)
    stale.delete()
    fresh = []
    for first, second, score in chronology.find_duplicates(list(entries)):
        a, b = sorted([first.pk, second.pk])
        if (a, b) not in judged:
            fresh.append(DuplicatePair(review=review, first_id=a, second_id=b, similarity=score))
    DuplicatePair.objects.bulk_create(fresh, ignore_conflicts=True)


@transaction.atomic
def duplicate_judge(*, actor, pair, status):
    if status not in (DuplicateStatus.LINKED, DuplicateStatus.DISMISSED):
        raise ValidationError("Say whether the two entries are the same event or different events")
    return model_update(actor=actor, instance=pair, data={"status": status, "decided_by": actor})[0]


# --- learning event and family ------------------------------------------------------------------------


@transaction.atomic
def learning_event_add(*, actor, review, held_on, agencies, attendees, themes_discussed):
    event = LearningEvent(
        review=review, held_on=held_on, attendees=attendees or 0, themes_discussed=themes_discussed.strip()
    )
    event.full_clean()
    event.save()
    event.agencies.set(agencies)
    audit_create(actor=actor, obj=event)
    review_stage_catch_up(actor=actor, review=review)
    return event


@transaction.atomic
def family_save(*, actor, review, invited_on, participation, notes):
    require_not_future(invited_on, "invited_on", "The date the family was invited")
    data = {"invited_on": invited_on, "participation": participation, "notes": notes.strip()}
    family = FamilyInvolvement.objects.unscoped().filter(review=review).first()
    if family:
        return model_update(actor=actor, instance=family, data=data)[0]
    family = FamilyInvolvement(review=review, **data)
    family.full_clean()
    family.save()
    audit_create(actor=actor, obj=family)
    return family


# --- findings ------------------------------------------------------------------------------------------


class StaleEdit(ValidationError):
    """Someone else saved this item since it was opened."""


def _kind(finding):
    return "learning_point" if isinstance(finding, LearningPoint) else "recommendation"


@transaction.atomic
def finding_save(
    *,
    actor,
    review,
    model,
    finding=None,
    number,
    text,
    report_number=None,
    expected_version=None,
    themes=(),
    learning_points=None,
    **fields,
):
    """Create or edit a learning point or recommendation. An edit names the version it started from; if
    someone saved in between, the save is refused (their text is kept on the page) instead of silently
    overwriting the other person's words. `report_number` is how the published report numbers it ("3.1"):
    None keeps what an edited one has (blank for a new one), "" clears it."""
    if report_number is not None:
        report_number = report_numbers.clean(report_number)
        fields["report_number"] = report_number
    if not text.strip():
        raise ValidationError({"text": "Enter the text"})
    if finding is not None and finding.is_withdrawn:
        raise ValidationError("This item was withdrawn, so it can no longer be changed")
    lock(review)  # numbers are checked and taken one save at a time
    if number is None:  # placed for the person: where it was, or after the last (then by the report's numbers)
        number = finding.number if finding is not None else _next_number(review, model)
    if number < 1:
        raise ValidationError({"number": "Numbers start at 1"})
    clash = (
        model.objects.unscoped()
        .current()
        .filter(review=review, number=number)
        .exclude(pk=getattr(finding, "pk", None))
        .first()
    )
    if clash and finding is None and clash.text == text.strip():
        return clash  # the same form sent twice: answered with what the first one saved
    if finding is not None and expected_version in (None, ""):
        raise StaleEdit({"text": "This item could not be saved: reload the page and make your change again"})
    if clash:
        raise ValidationError(
            {
                "number": f"Number {number} is already used by “{clash.text[:60]}…”. "
                "Choose another number or move that one"
            }
        )
    same_in_report = (
        report_number
        and model.objects.unscoped()
        .current()
        .filter(review=review, report_number=report_number)
        .exclude(pk=getattr(finding, "pk", None))
        .first()
    )
    if same_in_report:
        raise ValidationError(
            {
                "report_number": f"{report_number} is already the report's number of “{same_in_report.text[:60]}…”. "
                "Check the number in the report."
            }
        )
    if finding is None:
        finding = model(review=review, number=number, text=text.strip(), **fields)
        finding.full_clean()
        finding.save()
        audit_create(actor=actor, obj=finding)
    else:
        current = model.objects.unscoped().select_for_update().get(pk=finding.pk)
        if current.version != int(expected_version):
            raise StaleEdit(
                {
                    "text": "Someone else saved this item while you were editing it. Your text is below; "
                    "compare it with "
                    "theirs in the history, then save again."
                }
            )
        before = snapshot(current)
        current.number, current.text = number, text.strip()
        for name, value in fields.items():
            setattr(current, name, value)
        current.version = F("version") + 1
        current.full_clean(exclude=["version"])
        current.save()
        current.refresh_from_db()
        audit_update(actor=actor, obj=current, before=before)
        finding = current
    finding.themes.set(themes)
    if learning_points is not None:
        finding.learning_points.set(learning_points)
    if _order_by_report_numbers(review, model):
        finding.refresh_from_db(fields=["number"])
    FindingRevision.objects.create(
        kind=_kind(finding),
        finding_id=finding.pk,
        version=finding.version,
        number=finding.number,
        report_number=finding.report_number,
        text=finding.text,
        edited_by=actor,
    )
    return finding


def _next_number(review, model):
    last = model.objects.unscoped().current().filter(review=review).order_by("-number").first()
    return last.number + 1 if last else 1


def _order_by_report_numbers(review, model):
    """When every current item has the report's number, the review's order follows it, each part read as a
    number: 3.10 had come before 3.2 because it was entered first (walkthrough 11, finding 6). True when
    anything moved. Items without one keep the order they were given."""
    items = list(model.objects.unscoped().current().filter(review=review).order_by("number"))
    if not items or not all(item.report_number for item in items):
        return False
    wanted = sorted(items, key=lambda item: report_numbers.sort_key(item.report_number))
    if [item.pk for item in wanted] == [item.pk for item in items]:
        return False
    # out of the way first: the numbers are unique among current items
    model.objects.unscoped().filter(pk__in=[item.pk for item in items]).update(number=F("number") + 10_000)
    for place, item in enumerate(wanted, start=1):
        model.objects.unscoped().filter(pk=item.pk).update(number=place)
    return True


@transaction.atomic
def finding_move(*, actor, finding, direction):
    """Swap an item with its neighbour, so numbering stays 1..n with no gaps or repeats."""
    model = type(finding)
    lock(finding.review)  # one reordering of a review at a time: no deadlock between two
    finding = model._base_manager.get(pk=finding.pk)
    siblings = model.objects.unscoped().current().filter(review=finding.review)
    neighbour = (
        siblings.filter(number__lt=finding.number).order_by("-number")
        if direction == "up"
        else siblings.filter(number__gt=finding.number).order_by("number")
    ).first()
    if neighbour is None:
        return finding
    mine, theirs = finding.number, neighbour.number
    try:
        model.objects.filter(pk=finding.pk).update(number=0)
        model.objects.filter(pk=neighbour.pk).update(number=mine)
        model.objects.filter(pk=finding.pk).update(number=theirs)
    except IntegrityError:
        raise ValidationError("The items could not be reordered; try again") from None
    record_event(actor=actor, action=AuditAction.UPDATE, obj=finding, changes={"number": [mine, theirs]})
    finding.refresh_from_db()
    return finding


# --- telling people what is asked of them (a link and the review's title, nothing more) -----------


def _tell_agency_of_contribution(contribution, *, moved=False):
    from django.urls import reverse

    from casereview.notifications.recipients import agency_leads
    from casereview.notifications.services import notify

    due = long_date(contribution.due_date)
    key = f"contribution:{contribution.pk}"
    if moved:
        # each move is news of its own, even back to a date it had before: its key names the new date and
        # when it was moved (notify tells a person once per key; the home page keeps the newest notice)
        key += f":due:{contribution.due_date:%Y-%m-%d}:{timezone.now():%Y%m%d%H%M%S%f}"
    notify(
        recipients=agency_leads(contribution.agency),
        partnership=contribution.review.partnership,
        key=key,
        what=(
            f"{contribution.agency}: {contribution.get_kind_display().lower()} for a review, "
            + (f"now due {due}" if moved else f"due {due}")
        ),
        about=contribution.review.title,
        path=reverse("reviews:contribution", args=[contribution.pk]),
    )


def _tell_reviewer_of_appointment(appointment):
    from django.urls import reverse

    from casereview.notifications.services import notify

    notify(
        recipients=[appointment.user],
        partnership=appointment.review.partnership,
        key=f"reviewer:{appointment.pk}",
        what="You have been appointed as the independent reviewer",
        about=appointment.review.title,
        path=reverse("reviews:detail", args=[appointment.review_id]),
    )


@transaction.atomic
def finding_withdraw(*, actor, finding, reason):
    """Withdraw a learning point or recommendation entered twice or by mistake. It keeps its text and
    history; those numbered after it move up one, so the review's numbering stays 1..n."""
    model = type(finding)
    # unscoped: the finding the view authorised withdrawing, and the others of its own review renumbered.
    finding = model.objects.unscoped().select_for_update().get(pk=finding.pk)
    answered_by = finding.actions.count()
    if answered_by:
        raise ValidationError(
            (
                "One action in the action plan answers"
                if answered_by == 1
                else f"{answered_by} actions in the action plan answer"
            )
            + " it. Link them to another item first, so that no action loses what it answers."
        )
    number = finding.number
    model_withdraw(actor=actor, instance=finding, reason=reason)
    for later in model.objects.unscoped().current().filter(review=finding.review, number__gt=number).order_by("number"):
        model.objects.filter(pk=later.pk).update(number=later.number - 1)
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=later,
            changes={"number": [later.number, later.number - 1]},
            reason=f"Number {number} was withdrawn",
        )
    return finding


# --- the stage follows the record; milestones ----------------------------------------------------------


def review_stage_catch_up(*, actor, review, extra=()):
    """Move the review's stage on to what its record shows (terms agreed, agency information received,
    a learning event held, and `extra` steps the publication app reports), one dated step at a time, each
    kept on the review's timeline and audited. Called inside the service that recorded the step."""
    # unscoped: called by a service that has recorded a step on this review; it reads the review's own parts.
    review = Review.objects.unscoped().select_for_update().get(pk=review.pk)
    terms = TermsOfReference.objects.unscoped().filter(review=review).first()
    steps = milestones.steps_taken(
        terms_agreed_on=terms.agreed_on if terms else None,
        contributions=list(
            AgencyContribution.objects.unscoped().filter(review=review).values_list("received_on", flat=True)
        ),
        learning_events=list(
            LearningEvent.objects.unscoped().current().filter(review=review).values_list("held_on", flat=True)
        ),
        today=timezone.localdate(),
        extra=extra,
    )
    _timeline_follows(actor=actor, review=review, steps=steps)
    to_record = milestones.stages_to_record(review.stage, steps)
    if not to_record:
        return review
    before = snapshot(review)
    for step in to_record:
        StageChange.objects.create(
            review=review, stage=step.stage, changed_on=step.on, changed_by=actor, note=step.because
        )
    review.stage = to_record[-1].stage
    review.save(update_fields=["stage", "updated"])
    audit_update(actor=actor, obj=review, before=before, reason="; ".join(s.because for s in to_record))
    return review


def review_stage_step_back(*, actor, review, stage, because, changes=None):
    """A step the stage records no longer holds (a sign-off given for an earlier anonymised text): the review
    goes back to `stage` from a later one, on the timeline today with `because`, audited with `changes` (what
    else the caller says changed, e.g. which sign-offs must be given again). Nothing moves back from a stage
    no automatic step reached (published, monitoring, closed)."""
    review = Review.objects.unscoped().select_for_update().get(pk=review.pk)
    if review.stage not in milestones.AUTOMATIC or STAGE_ORDER.index(review.stage) <= STAGE_ORDER.index(stage):
        return review
    before = snapshot(review)
    StageChange.objects.create(
        review=review, stage=stage, changed_on=timezone.localdate(), changed_by=actor, note=because
    )
    review.stage = stage
    review.save(update_fields=["stage", "updated"])
    record_event(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=review,
        changes={**(changes or {}), **changed_fields(before, snapshot(review))},
        reason=because,
    )
    return review


def _timeline_follows(*, actor, review, steps):
    """A step recorded again with another date (a sign-off dated 2015 by mistake, then 2026) moves its line on
    the timeline to the date the record now holds, saying what it first read; the change is in the review's
    history. Only steps one record dates (milestones.REDATED) are followed: adding a later agency's chronology
    does not rewrite when the first set was complete."""
    for step in steps:
        if step.stage not in milestones.REDATED:
            continue
        line = (
            StageChange.objects.filter(review=review, stage=step.stage, note__startswith=milestones.because_of(step))
            .order_by("-recorded_at")
            .first()
        )
        if line is None or line.changed_on == step.on:
            continue
        first = line.changed_on
        line.changed_on = step.on
        # "recorded again", not "corrected": a sign-off given again for a changed text moves the line too
        line.note = f"{step.because} (recorded again; first recorded as {first.day} {first:%B %Y})"
        line.save(update_fields=["changed_on", "note"])
        record_event(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=review,
            changes={f"Timeline: {line.get_stage_display()}": [first.isoformat(), step.on.isoformat()]},
            reason=f"{line.get_stage_display()} recorded again for {step.on.day} {step.on:%B %Y}",
        )


@transaction.atomic
def monitoring_check_record(*, actor, review, checked_on, note):
    """The partners' regular check of a running review's time and quality; the next falls due from it."""
    require_not_future(checked_on, "checked_on", "The date of the check")
    if checked_on < review.decided_on:
        raise ValidationError({"checked_on": "The check cannot predate the decision to review"})
    if not (note or "").strip():
        raise ValidationError({"note": "Say what the partners concluded about the time taken and the quality"})
    check = MonitoringCheck(review=review, checked_on=checked_on, note=note.strip(), recorded_by=actor)
    check.full_clean()
    check.save()
    audit_create(actor=actor, obj=check)
    return check


@transaction.atomic
def learning_event_withdraw(*, actor, event, reason):
    """Withdraw a learning event recorded twice or for the wrong review. The review's stage stays where it
    is (a stage never moves back by itself); the business manager changes it if it should."""
    event = LearningEvent.objects.unscoped().select_for_update().get(pk=event.pk)  # the event the view authorised
    model_withdraw(actor=actor, instance=event, reason=reason)
    return event

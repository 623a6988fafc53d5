"""Writes of the reporting app. Each takes the actor (never the request), validates, saves and writes its
own audit event in one transaction."""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from casereview.audit.models import AuditAction
from casereview.audit.services import audit_create, model_update, record_event

from .models import AnnualFigure, AnnualReport, CalendarFeed, CommitteePaper, Contribution, SectionVersion

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")
# A cell a spreadsheet would run: '=SUM(', '+HYPERLINK(', '@cmd(' at the start of a line.
_FORMULA = re.compile(r"^\s*[=+@]\s*[A-Za-z][A-Za-z0-9_.]*\s*\(", re.MULTILINE)


def validate_plain_text(text, *, what="The text"):
    """Narrative reaches a DOCX, a PDF and pages as text: markup and formulas are refused with a reason
    rather than stripped, so nobody's words change without their knowing."""
    if _TAG.search(text or ""):
        raise ValidationError(f"{what} contains HTML tags such as <p> or <script>: write plain text instead")
    if _FORMULA.search(text or ""):
        raise ValidationError(
            f"{what} has a line that starts like a spreadsheet formula (for example =SUM(): reword the line"
        )


# --- calendar feeds (moved here from the view) -------------------------------------------------------------


@transaction.atomic
def calendar_feed_revoke(*, actor):
    feed = CalendarFeed.objects.select_for_update().filter(user=actor, revoked_on__isnull=True).first()
    if feed is None:
        return None
    feed.revoked_on = timezone.now()
    feed.save(update_fields=["revoked_on", "updated"])
    record_event(actor=actor, action=AuditAction.UPDATE, obj=feed, object_repr="Calendar feed revoked")
    return feed


@transaction.atomic
def calendar_feed_create(*, actor):
    """A new secret address; any earlier one stops working."""
    calendar_feed_revoke(actor=actor)
    feed = CalendarFeed.objects.create(user=actor)
    record_event(actor=actor, action=AuditAction.CREATE, obj=feed, object_repr="Calendar feed created")
    return feed


# --- the yearly report ---------------------------------------------------------------------------------------


def annual_report_start(*, actor, partnership, year_starting):
    """The partnership's report for the year; made once (a second request, or a race, finds the first)."""
    # unscoped: the caller authorised preparing this partnership's report; this finds the one already made.
    existing = AnnualReport.objects.unscoped().filter(partnership=partnership, year_starting=year_starting).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            report = AnnualReport(partnership=partnership, year_starting=year_starting, created_by=actor)
            report.full_clean(validate_constraints=False)
            report.save()
            audit_create(actor=actor, obj=report)
            return report
    except IntegrityError:
        return AnnualReport.objects.unscoped().get(partnership=partnership, year_starting=year_starting)


@transaction.atomic
def annual_figures_set(*, actor, report, figures):
    """figures: {kind: (value or None, source)}. A figure left empty is removed; each change is audited."""
    # unscoped: the figures of the report the view authorised this actor to change.
    current = {f.kind: f for f in AnnualFigure.objects.unscoped().select_for_update().filter(report=report)}
    changed = 0
    for kind, (value, source) in figures.items():
        figure = current.get(kind)
        if value is None:
            if figure is not None:
                record_event(
                    actor=actor, action=AuditAction.DELETE, obj=figure, changes={"value": [figure.value, None]}
                )
                figure.delete()
                changed += 1
            continue
        if value < 0:
            raise ValidationError("A figure cannot be negative")
        if figure is None:
            figure = AnnualFigure(report=report, kind=kind, value=value, source=source)
            figure.full_clean(validate_constraints=False)
            figure.save()
            audit_create(actor=actor, obj=figure)
            changed += 1
        else:
            changed += model_update(actor=actor, instance=figure, data={"value": value, "source": source})[1]
    return changed


@transaction.atomic
def contributions_set(*, actor, report, rows):
    """rows: [(contributor, amount, source)], the whole list for the year (it replaces the one saved)."""
    names = [name.strip() for name, _, _ in rows]
    if len(set(n.lower() for n in names)) != len(names):
        raise ValidationError("Each partner can be listed once: add their contributions together")
    # unscoped: the contributions of the report the view authorised this actor to change.
    current = {c.contributor: c for c in Contribution.objects.unscoped().select_for_update().filter(report=report)}
    for name, amount, source in rows:
        name = name.strip()
        contribution = current.pop(name, None)
        if contribution is None:
            contribution = Contribution(report=report, contributor=name, amount=amount, source=source)
            contribution.full_clean(validate_constraints=False)
            contribution.save()
            audit_create(actor=actor, obj=contribution)
        else:
            model_update(actor=actor, instance=contribution, data={"amount": amount, "source": source})
    for gone in current.values():
        record_event(actor=actor, action=AuditAction.DELETE, obj=gone, changes={"amount": [str(gone.amount), None]})
        gone.delete()


@transaction.atomic
def section_save(*, actor, report, section, text):
    """A new version of the section (earlier ones are kept). Saving the same text again makes none."""
    validate_plain_text(text, what="The section")
    # Lock the report row so two people saving at once get versions 2 and 3, not two version 2s.
    # unscoped: the report the view authorised this actor to change, and its own sections.
    AnnualReport.objects.unscoped().select_for_update().filter(pk=report.pk).first()
    latest = SectionVersion.objects.unscoped().filter(report=report, section=section).order_by("-number").first()
    if latest and latest.text == text:
        return latest, False
    number = (
        SectionVersion.objects.unscoped().filter(report=report, section=section).aggregate(n=Max("number"))["n"] or 0
    ) + 1
    version = SectionVersion(report=report, section=section, number=number, text=text, written_by=actor)
    version.full_clean(validate_constraints=False)
    version.save()
    audit_create(actor=actor, obj=version)
    return version, True


@transaction.atomic
def section_sign_off(*, actor, version):
    latest = (  # unscoped: the versions of the section whose signing off the view authorised
        SectionVersion.objects.unscoped()
        .select_for_update()
        .filter(report=version.report, section=version.section)
        .order_by("-number")
        .first()
    )
    if latest.pk != version.pk:
        raise ValidationError("This section has been edited since you opened it: read the latest version first")
    if version.signed_off_at:
        return version
    model_update(
        actor=actor,
        instance=version,
        data={"signed_off_by": actor, "signed_off_at": timezone.now()},
        reason="Signed off",
    )
    return version


def annual_report_export_recorded(*, actor, report, file_format):
    record_event(actor=actor, action=AuditAction.EXPORT, obj=report, object_repr=f"{report} ({file_format.upper()})")


# --- committee papers -------------------------------------------------------------------------------------

PAPER_TEXT_FIELDS = (
    "recommendations",
    "background",
    "key_issues",
    "policy_implications",
    "community_implications",
    "legal_implications",
    "financial_implications",
    "appendices",
)


def _validate_paper(paper):
    for name in PAPER_TEXT_FIELDS + ("title", "meeting", "from_whom", "wards"):
        validate_plain_text(getattr(paper, name), what=paper._meta.get_field(name).verbose_name)


@transaction.atomic
def committee_paper_create(*, actor, partnership, reviews, data):
    paper = CommitteePaper(partnership=partnership, created_by=actor, **data)
    _validate_paper(paper)
    paper.full_clean()
    paper.save()
    paper.reviews.set(reviews)
    audit_create(actor=actor, obj=paper)
    return paper


@transaction.atomic
def committee_paper_update(*, actor, paper, data):
    _validate_paper(CommitteePaper(**{**{f: getattr(paper, f) for f in PAPER_TEXT_FIELDS}, **data}))
    return model_update(actor=actor, instance=paper, data=data)[0]


def committee_paper_export_recorded(*, actor, paper):
    record_event(actor=actor, action=AuditAction.EXPORT, obj=paper, object_repr=f"Committee paper: {paper.title}")


def executive_report_export_recorded(*, actor, partnership, start, end):
    record_event(
        actor=actor,
        action=AuditAction.EXPORT,
        obj=partnership,
        object_repr=f"Executive group report {start:%d %b %Y} – {end:%d %b %Y}",
    )


def national_picture_export_recorded(*, actor, partnership, year):
    record_event(actor=actor, action=AuditAction.EXPORT, obj=partnership, object_repr=f"National picture {year}")


# --- subgroups' work ----------------------------------------------------------------------------------------


@transaction.atomic
def subgroup_member_add(*, actor, subgroup, name, role, is_chair=False):
    from .models import SubgroupMember

    member = SubgroupMember(subgroup=subgroup, name=name.strip(), role=role.strip(), is_chair=is_chair)
    validate_plain_text(member.name + " " + member.role, what="The member")
    member.full_clean()
    member.save()
    audit_create(actor=actor, obj=member)
    return member


@transaction.atomic
def subgroup_meeting_add(*, actor, subgroup, held_on, minutes):
    from .models import SubgroupMeeting

    if held_on > timezone.localdate():
        raise ValidationError({"held_on": "Record a meeting once it has been held: the date must not be in the future"})
    validate_plain_text(minutes, what="The minutes")
    meeting = SubgroupMeeting(subgroup=subgroup, held_on=held_on, minutes=minutes)
    meeting.full_clean()
    meeting.save()
    audit_create(actor=actor, obj=meeting)
    return meeting


@transaction.atomic
def work_item_add(*, actor, subgroup, title, owner, due_on=None, status="planned"):
    from .models import WorkProgrammeItem

    validate_plain_text(title + " " + owner, what="The item")
    item = WorkProgrammeItem(subgroup=subgroup, title=title.strip(), owner=owner.strip(), due_on=due_on, status=status)
    item.full_clean()
    item.save()
    audit_create(actor=actor, obj=item)
    return item


@transaction.atomic
def work_item_set_status(*, actor, item, status):
    return model_update(actor=actor, instance=item, data={"status": status})[0]

"""The merged chronology as the files panels pass around: XLSX and DOCX."""

import io

from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.styles import Font

from casereview.core import exports as background
from casereview.core.spreadsheets import spreadsheet_safe
from casereview.core.word import write_table_document

from .chronology import in_scope

HEADINGS = [
    "Date",
    "Time",
    "Date precision",
    "Agency",
    "Event type",
    "Description",
    "Practitioner role",
    "Source reference",
    "Event type as the agency sent it",  # when it was filed under another; last, so the columns stay put
]


def _row(entry):
    day = (
        entry.event_date.strftime("%m/%Y") if entry.date_precision == "month" else entry.event_date.strftime("%d/%m/%Y")
    )
    return [
        day,
        entry.event_time.strftime("%H:%M") if entry.event_time else "",
        entry.get_date_precision_display(),
        entry.agency.name,
        entry.event_type,
        entry.description,
        entry.practitioner_role,
        entry.source_reference,
        entry.event_type_as_sent or "",
    ]


OUTSIDE = "Outside the scope"


def _scope(review):
    from .selectors import chronology_scope

    return chronology_scope(review=review)


def _outside(entry, scope):
    return not in_scope(entry.sort_date, scope)


def chronology_xlsx(review, entries):
    """With the terms of reference's scope recorded, a last column marks each event outside it, as the
    page does: the copies had dropped the marks (walkthrough 11, finding 11)."""
    scope = _scope(review)
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "Merged chronology"
    scope_heading = f"Scope ({scope[0]:%d/%m/%Y} to {scope[1]:%d/%m/%Y})" if scope else None
    sheet.append(HEADINGS + ([scope_heading] if scope else []))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in entries:
        row = _row(entry) + ([OUTSIDE if _outside(entry, scope) else "Within"] if scope else [])
        sheet.append([spreadsheet_safe(value) for value in row])
    for column, width in zip("ABCDEFGHIJ", [12, 8, 14, 30, 22, 80, 24, 18, 22, 24]):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _docx_cells(entry, scope=None):
    day, time, _precision, agency, event_type, description, role, reference, as_sent = _row(entry)
    return [
        f"{day} {time}".strip()
        + (" (approx.)" if entry.date_precision == "approximate" else "")
        + (f" ({OUTSIDE.lower()})" if _outside(entry, scope) else ""),
        agency,
        event_type + (f" (sent as “{as_sent}”)" if as_sent else ""),
        description + (f" ({role})" if role else ""),
        reference,
    ]


def write_chronology_docx(path, review, entries, *, count, progress=lambda done: None):
    """The merged chronology as Word, written to `path` a row at a time (core/word.py); `entries` is a
    queryset read in chunks, so neither the rows nor the document are ever whole in memory."""

    scope = _scope(review)
    rows = (_docx_cells(entry, scope) for entry in background.reported(entries.iterator(chunk_size=2000), progress))
    intro = [f"{review.get_review_type_display()}, {review.partnership.name}. {count} events."]
    if scope:
        outside = entries.exclude(sort_date__range=scope).count()
        intro.append(
            f"The terms of reference's scope: {scope[0].day} {scope[0]:%B %Y} to {scope[1].day} {scope[1]:%B %Y}. "
            + (
                f"{outside} event{'s' if outside != 1 else ''} outside it {'are' if outside != 1 else 'is'} marked "
                f"“{OUTSIDE.lower()}” beside the date."
                if outside
                else "Every event falls within it."
            )
        )
    return write_table_document(
        path,
        heading=f"Merged multi-agency chronology: {review.title}",
        intro=intro,
        headings=["Date", "Agency", "Event", "Description", "Source"],
        rows=rows,
    )


def _build_chronology_docx(*, job, target, user, path, progress):
    from casereview.audit.models import AuditAction
    from casereview.audit.services import record_event

    from .views import chronology_filters_from

    _form, entries = chronology_filters_from(background.params_query(job.params), user, target)
    count = entries.count()
    progress(0, count)
    written = write_chronology_docx(path, target, entries, count=count, progress=progress)
    record_event(
        actor=user,
        action=AuditAction.EXPORT,
        obj=target,
        object_repr=f"Merged chronology of {target.title} ({written} events, DOCX)",
    )
    return written


def chronology_file_name(review, extension):
    """ "chronology-child-r-2026-12-02.docx": the review's name as people know it, not its internal key."""
    return f"chronology-{slugify(review.title) or 'review'}-{timezone.localdate():%Y-%m-%d}.{extension}"


background.register(
    "chronology_docx",
    build=_build_chronology_docx,
    file_name=lambda review, params: chronology_file_name(review, "docx"),
    content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    description="The merged chronology (the events the page shows, with its filters) as a Word document.",
)

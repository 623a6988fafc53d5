"""The action plan as partnerships already keep it in Excel and Word: one row per action, columns
recommendation / action / owner / due / status / latest update / evidence (with the review first, as
the export can span reviews)."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.text import slugify
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from casereview.core import exports as background
from casereview.core.spreadsheets import spreadsheet_safe
from casereview.core.word import write_table_document

from .models import DISPLAY_STATUSES, OVERDUE, Evidence

COLUMNS = ["Review", "Recommendation", "Action", "Owner", "Due", "Status", "Latest update", "Evidence"]
WIDTHS = [16, 45, 50, 30, 12, 22, 50, 35]
_STATUS_LABELS = dict(DISPLAY_STATUSES)


def _answers(action):
    if action.recommendation_id:
        return f"Recommendation {action.recommendation.label}: {action.recommendation.text}"
    if action.learning_point_id:
        return f"Learning point {action.learning_point.label}: {action.learning_point.text}"
    return "The review as a whole"


def rows(actions):
    """Each action as the export's cells. `actions` comes from selectors.action_list (annotated)."""
    actions = actions.prefetch_related(Prefetch("evidence", queryset=Evidence.objects.unscoped().order_by("created")))
    for action in actions.iterator(chunk_size=2000):
        status = OVERDUE if action.overdue else action.status
        latest = f"{action.latest_update_on:%d/%m/%Y}: {action.latest_update_text}" if action.latest_update_on else ""
        evidence = "; ".join(e.description + (f" ({e.url})" if e.url else "") for e in action.evidence.all())
        yield [
            action.review.title,
            _answers(action),
            f"{action.number}. {action.description}",
            f"{action.owner_agency} — {action.lead_role}",
            action.due_date,
            _STATUS_LABELS[status],
            latest,
            evidence or "None yet",
        ]


def _actions_workbook(actions, progress):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Action plan")
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(65 + index)].width = width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    wrap = Alignment(wrap_text=True, vertical="top")
    count = 0
    for count, values in enumerate(background.reported(rows(actions), progress), 1):
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=spreadsheet_safe(value) if isinstance(value, str) else value)
            cell.alignment = wrap
            if hasattr(value, "year"):
                cell.number_format = "DD/MM/YYYY"
            cells.append(cell)
        sheet.append(cells)
    workbook.casereview_rows = count
    return workbook


def _docx_cells(values):
    return [value.strftime("%d/%m/%Y") if hasattr(value, "year") else str(value) for value in values]


def write_actions_docx(path, actions, *, partnership, progress=lambda done: None):
    """The action plans as Word, written to `path` a row at a time (core/word.py)."""

    cells = (_docx_cells(values) for values in background.reported(rows(actions), progress))
    return write_table_document(
        path,
        heading=f"{partnership.name}: action plans",
        intro=[f"Generated from casereview's live records on {timezone.localdate():%-d %B %Y}."],
        headings=COLUMNS,
        rows=cells,
        font_half_points=0,
        landscape=True,
    )


def write_actions_xlsx(path, actions, *, partnership, progress=lambda done: None):
    """openpyxl's write-only workbook keeps rows in a temporary file, not in memory."""
    workbook = _actions_workbook(actions, progress)
    workbook.save(path)
    return workbook.casereview_rows


def _export_builder(write, what):
    def build(*, job, target, user, path, progress):
        from .selectors import action_list
        from .services import record_export
        from .views import monitoring_filters_from

        _form, filters = monitoring_filters_from(background.params_query(job.params), user, target)
        actions = action_list(user=user, partnership=target, **filters)
        progress(0, actions.count())
        count = write(path, actions, partnership=target, progress=progress)
        record_export(actor=user, partnership=target, what=f"Action plans ({what})")
        return count

    return build


# How the file's name says which "Due" window the page was filtered to.
DUE_HINTS = {"week": "due-this-week", "month": "due-this-month", "quarter": "due-in-3-months", "later": "due-later"}


def filter_hint(partnership, params):
    """The page's filters in a few words for the file's name ("overdue", "metropolitan-police-service"), so
    two files downloaded from the same list with different filters can be told apart."""
    from .views import monitoring_filters_from

    _form, filters = monitoring_filters_from(background.params_query(params), None, partnership)
    parts = [
        slugify(filters.get("review_title", ""))[:30],
        slugify(filters["agency"].name)[:30] if filters.get("agency") else "",
        slugify(filters.get("status", "").replace("_", "-")),
        "overdue" if filters.get("due") == OVERDUE else DUE_HINTS.get(filters.get("due", ""), ""),
    ]
    return "-".join(dict.fromkeys(part.strip("-") for part in parts if part.strip("-")))


def actions_file_name(partnership, params, extension):
    """ "action-plans-southwark-overdue-2026-12-03.xlsx": the partnership, the filters, the day."""
    hint = filter_hint(partnership, params)
    return f"action-plans-{partnership.slug}{'-' + hint if hint else ''}-{timezone.localdate():%Y-%m-%d}.{extension}"


def _file_name(extension):
    return lambda partnership, params: actions_file_name(partnership, params, extension)


DESCRIPTION = (
    "Every action the page lists (with its filters), one row each: recommendation, owner, due date, status, "
    "latest update and evidence"
)
background.register(
    "actions_docx",
    build=_export_builder(write_actions_docx, "DOCX"),
    file_name=_file_name("docx"),
    content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    description=f"{DESCRIPTION}, as a Word document.",
)
background.register(
    "actions_xlsx",
    build=_export_builder(write_actions_xlsx, "XLSX"),
    file_name=_file_name("xlsx"),
    content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    description=f"{DESCRIPTION}, as a spreadsheet.",
)

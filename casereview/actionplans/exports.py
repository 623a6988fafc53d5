"""The action plan as partnerships already keep it in Excel and Word: one row per action, columns
recommendation / action / owner / due / status / latest update / evidence (with the review first, as
the export can span reviews)."""

import io

from django.db.models import Prefetch
from django.utils import timezone
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm
from docx.table import _Cell
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from casereview.core.spreadsheets import spreadsheet_safe

from .models import DISPLAY_STATUSES, OVERDUE, Evidence

COLUMNS = ["Review", "Recommendation", "Action", "Owner", "Due", "Status", "Latest update", "Evidence"]
WIDTHS = [16, 45, 50, 30, 12, 22, 50, 35]
_STATUS_LABELS = dict(DISPLAY_STATUSES)


def _answers(action):
    if action.recommendation_id:
        return f"Recommendation {action.recommendation.number}: {action.recommendation.text}"
    if action.learning_point_id:
        return f"Learning point {action.learning_point.number}: {action.learning_point.text}"
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


def actions_xlsx(actions, *, partnership):
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
    for values in rows(actions):
        cells = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=spreadsheet_safe(value) if isinstance(value, str) else value)
            cell.alignment = wrap
            if hasattr(value, "year"):
                cell.number_format = "DD/MM/YYYY"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def actions_docx(actions, *, partnership):
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))
    document.add_heading(f"{partnership.name}: action plans", level=1)
    document.add_paragraph(f"Generated from casereview's live records on {timezone.localdate():%-d %B %Y}.")
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, COLUMNS):
        cell.text = title
        cell.paragraphs[0].runs[0].bold = True
    for values in rows(actions):
        # Row.cells walks the whole table each time (quadratic over 30,000 rows): build the cells directly.
        tr = table.add_row()._tr
        for cell, value in zip((_Cell(tc, table) for tc in tr.tc_lst), values):
            cell.text = value.strftime("%d/%m/%Y") if hasattr(value, "year") else str(value)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

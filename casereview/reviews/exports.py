"""The merged chronology as the files panels pass around: XLSX and DOCX."""

import io

from docx import Document
from docx.shared import Pt
from openpyxl import Workbook
from openpyxl.styles import Font

from casereview.core.spreadsheets import spreadsheet_safe

HEADINGS = [
    "Date",
    "Time",
    "Date precision",
    "Agency",
    "Event type",
    "Description",
    "Practitioner role",
    "Source reference",
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
    ]


def chronology_xlsx(review, entries):
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "Merged chronology"
    sheet.append(HEADINGS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in entries:
        sheet.append([spreadsheet_safe(value) for value in _row(entry)])
    for column, width in zip("ABCDEFGH", [12, 8, 14, 30, 22, 80, 24, 18]):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def chronology_docx(review, entries):
    document = Document()
    document.add_heading(f"Merged multi-agency chronology: {review.title}", level=1)
    document.add_paragraph(f"{review.get_review_type_display()}, {review.partnership.name}. {len(entries)} events.")
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["Date", "Agency", "Event", "Description", "Source"]):
        cell.text = text
    for entry in entries:
        day, time, _precision, agency, event_type, description, role, reference = _row(entry)
        cells = table.add_row().cells
        cells[0].text = f"{day} {time}".strip() + (" (approx.)" if entry.date_precision == "approximate" else "")
        cells[1].text, cells[2].text, cells[3].text = agency, event_type, description + (f" ({role})" if role else "")
        cells[4].text = reference
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()

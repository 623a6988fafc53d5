"""A Word document of one long table, written to disk a row at a time.

python-docx keeps the whole document as an XML tree in memory (a 40,000-row table took a worker past
700 MB), so only the document's shell is built with it (heading, introduction, header row, styles);
its body XML is then copied into a new file with the rows streamed in before the table's end. Memory
stays at one row whatever the length of the table."""

import io
import re
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm

# Characters XML 1.0 does not allow (python-docx refuses them too): control characters other than tab,
# line feed and carriage return.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TABLE_END = b"</w:tbl>"


def _run(text, size):
    text = _NOT_XML.sub("", str(text))
    lines = text.split("\n")
    properties = f'<w:rPr><w:sz w:val="{size}"/></w:rPr>' if size else ""
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)
    return f"<w:r>{properties}{body}</w:r>"


def _row_xml(values, size):
    cells = "".join(f"<w:tc><w:p>{_run(value, size)}</w:p></w:tc>" for value in values)
    return f"<w:tr>{cells}</w:tr>"


def write_table_document(path, *, heading, intro, headings, rows, font_half_points=18, landscape=False):
    """Write `rows` (an iterable of lists of strings, as long as `headings`) as a table under `heading`
    and `intro` to the .docx at `path`. Returns the number of rows written."""
    shell = Document()
    if landscape:
        section = shell.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
        section.left_margin = section.right_margin = Cm(1.5)
    shell.add_heading(heading, level=1)
    for paragraph in intro:
        shell.add_paragraph(paragraph)
    table = shell.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, headings):
        cell.text = title
        cell.paragraphs[0].runs[0].bold = True
    buffer = io.BytesIO()
    shell.save(buffer)
    count = 0
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename != "word/document.xml":
                target.writestr(item, data)
                continue
            cut = data.rindex(_TABLE_END)
            with target.open("word/document.xml", "w", force_zip64=True) as out:
                out.write(data[:cut])
                for values in rows:
                    out.write(_row_xml(values, font_half_points).encode("utf-8"))
                    count += 1
                out.write(data[cut:])
    return count

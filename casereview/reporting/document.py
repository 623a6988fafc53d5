"""A report as a list of plain blocks (headings, paragraphs, lists, tables, charts), drawn three ways: as
a web page (the preview), as DOCX (python-docx) and as PDF (reportlab). One structure keeps the three
identical, and every piece of text reaches each format as text: escaped for the PDF's markup and the page,
never interpreted as HTML or a formula."""

import io
from dataclasses import dataclass, field
from decimal import Decimal
from xml.sax.saxutils import escape

from docx import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)


@dataclass
class Heading:
    kind = "heading"
    text: str
    level: int = 1
    number: int = 0


@dataclass
class Para:
    kind = "para"
    text: str
    muted: bool = False


@dataclass
class Bullets:
    kind = "bullets"
    items: list


@dataclass
class TableBlock:
    kind = "table"
    columns: list
    rows: list
    caption: str = ""

    @property
    def display_rows(self):
        return [[display(v) for v in row] for row in self.rows]


@dataclass
class ChartBlock:
    kind = "chart"
    chart: object


@dataclass
class Report:
    title: str
    organisation: str
    subtitle: str = ""
    blocks: list = field(default_factory=list)
    contents: bool = True

    def add(self, *blocks):
        for block in blocks:
            if isinstance(block, Heading) and block.level == 1:
                block.number = len(self.headings) + 1
            self.blocks.append(block)

    def text(self, text, **kwargs):
        """Narrative as a person typed it: blank lines part paragraphs, lines starting '- ' are a list."""
        for chunk in [c.strip() for c in (text or "").replace("\r\n", "\n").split("\n\n") if c.strip()]:
            plain, bullets = [], []
            for line in [line.strip() for line in chunk.split("\n") if line.strip()]:
                if line.startswith(("- ", "* ", "• ")):
                    if plain:
                        self.blocks.append(Para(" ".join(plain), **kwargs))
                        plain = []
                    bullets.append(line[2:].strip())
                else:
                    if bullets:
                        self.blocks.append(Bullets(bullets))
                        bullets = []
                    plain.append(line)
            if plain:
                self.blocks.append(Para(" ".join(plain), **kwargs))
            if bullets:
                self.blocks.append(Bullets(bullets))

    @property
    def headings(self):
        return [b for b in self.blocks if isinstance(b, Heading) and b.level == 1]


def display(value):
    if value is None:
        return "Not entered"
    if isinstance(value, Decimal):
        return f"£{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


# --- DOCX ---------------------------------------------------------------------------------------------


def _field(paragraph, instruction):
    """A Word field (PAGE, NUMPAGES) Word fills in as it lays the pages out."""
    run = paragraph.add_run()
    begin, text, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    end.set(qn("w:fldCharType"), "end")
    run._r.extend([begin, text, end])


def _styled(document, text, style_id=None):
    """A paragraph with a built-in style given by its id: python-docx's lookup by name scans every style
    for each paragraph, which dominates the build of a long report."""
    paragraph = document.add_paragraph(text)
    if style_id:
        paragraph._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
    return paragraph


def to_docx(report):
    document = DocxDocument()
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)
    header = section.header.paragraphs[0]
    header.text = f"{report.organisation}: {report.title}"
    header.style.font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    document.core_properties.title = report.title
    document.core_properties.author = report.organisation

    _styled(document, report.organisation, "Subtitle")
    _styled(document, report.title, "Title")
    if report.subtitle:
        document.add_paragraph(report.subtitle)
    if report.contents and report.headings:
        _styled(document, "Contents", "Heading1")
        for heading in report.headings:
            document.add_paragraph(f"{heading.number}. {heading.text}")
        document.add_page_break()
    for block in report.blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                _styled(document, f"{block.number}. {block.text}" if report.contents else block.text, "Heading1")
            else:
                _styled(document, block.text, f"Heading{min(block.level, 4)}")
        elif isinstance(block, Para):
            document.add_paragraph(block.text)
        elif isinstance(block, Bullets):
            for item in block.items:
                _styled(document, item, "ListBullet")
        elif isinstance(block, TableBlock):
            _docx_table(document, block.columns, block.rows, block.caption)
        elif isinstance(block, ChartBlock):
            chart = block.chart
            _styled(document, chart.title, "Caption")
            document.add_picture(io.BytesIO(chart.png), width=Cm(15.5))
            picture = document.inline_shapes[-1]
            # Word reads the picture's description as its alt text.
            picture._inline.docPr.set("descr", chart.alt)
            picture._inline.docPr.set("title", chart.title)
            _docx_table(document, chart.columns, chart.rows, "")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _docx_table(document, columns, rows, caption):
    if caption:
        _styled(document, caption, "Caption")
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for target, text in zip(table.rows[0].cells, columns):
        target.text = str(text)
        for run in target.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        cells = table.add_row().cells
        for target, value in zip(cells, row):
            target.text = display(value)
    document.add_paragraph()


# --- PDF ----------------------------------------------------------------------------------------------


class _Template(SimpleDocTemplate):
    """Notes the page each numbered heading landed on, for the contents page of the second pass."""

    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph) and getattr(flowable, "toc_level", None) is not None:
            self.heading_pages.append(self.page)


def _styles():
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=22, leading=28, alignment=0),
        "organisation": ParagraphStyle("organisation", parent=base["Normal"], fontSize=13, leading=18),
        "h1": ParagraphStyle("h1", parent=base["Heading1"], fontSize=16, leading=20, spaceBefore=14),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontSize=13, leading=16, spaceBefore=10),
        "h3": ParagraphStyle("h3", parent=base["Heading3"], fontSize=11, leading=14),
        "body": ParagraphStyle("body", parent=base["BodyText"], fontSize=10, leading=14),
        "muted": ParagraphStyle("muted", parent=base["BodyText"], fontSize=9, leading=12, textColor="#505a5f"),
        "cell": ParagraphStyle("cell", parent=base["BodyText"], fontSize=8.5, leading=10.5),
        "caption": ParagraphStyle(
            "caption", parent=base["BodyText"], fontSize=9, leading=12, fontName="Helvetica-Bold"
        ),
    }


def to_pdf(report):
    """Built twice: the first pass finds the page of each heading, the second prints them in the contents.
    The contents are plain lines ("3. The area in figures, page 4"), so extracted text reads in order."""
    pages = _build_pdf(report, None)[1]
    return _build_pdf(report, pages)[0]


def _build_pdf(report, heading_pages):
    styles = _styles()
    buffer = io.BytesIO()
    footer_text = f"{report.organisation}: {report.title}"

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, 1.2 * cm, footer_text[:100])
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Page {doc.page}")
        canvas.restoreState()

    template = _Template(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=report.title,
        author=report.organisation,
    )
    template.heading_pages = []
    story = [
        Paragraph(escape(report.organisation), styles["organisation"]),
        Paragraph(escape(report.title), styles["title"]),
    ]
    if report.subtitle:
        story.append(Paragraph(escape(report.subtitle), styles["body"]))
    if report.contents and report.headings:
        story += [Spacer(1, 12), Paragraph("Contents", styles["h1"])]
        for index, heading in enumerate(report.headings):
            page = heading_pages[index] if heading_pages and index < len(heading_pages) else "?"
            story.append(Paragraph(escape(f"{heading.number}. {heading.text}, page {page}"), styles["body"]))
        story.append(PageBreak())
    for block in report.blocks:
        if isinstance(block, Heading):
            if block.level == 1:
                text = f"{block.number}. {block.text}" if report.contents else block.text
                paragraph = Paragraph(escape(text), styles["h1"])
                paragraph.toc_level = 0
            else:
                paragraph = Paragraph(escape(block.text), styles["h2" if block.level == 2 else "h3"])
            story.append(paragraph)
        elif isinstance(block, Para):
            story.append(Paragraph(escape(block.text), styles["muted" if block.muted else "body"]))
        elif isinstance(block, Bullets):
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(escape(item), styles["body"]), leftIndent=12) for item in block.items],
                    bulletType="bullet",
                    start="•",
                    leftIndent=12,
                )
            )
        elif isinstance(block, TableBlock):
            if block.caption:
                story.append(Paragraph(escape(block.caption), styles["caption"]))
            story += [_pdf_table(block.columns, block.rows, styles), Spacer(1, 8)]
        elif isinstance(block, ChartBlock):
            chart = block.chart
            image = Image(io.BytesIO(chart.png))
            scale = min(1.0, (A4[0] - 4 * cm) / image.imageWidth)
            width, height = image.imageWidth * scale, image.imageHeight * scale
            image.drawWidth, image.drawHeight = width, height
            # The first pass only finds the pages: a space of the picture's size lays out the same.
            picture = image if heading_pages is not None else Spacer(width, height)
            story.append(KeepTogether([Paragraph(escape(chart.title), styles["caption"]), picture]))
            story.append(Paragraph(escape("Chart: " + chart.alt), styles["muted"]))
            story += [_pdf_table(chart.columns, chart.rows, styles), Spacer(1, 8)]
    template.build(story, onFirstPage=decorate, onLaterPages=decorate)
    return buffer.getvalue(), template.heading_pages


def _pdf_cell(text, styles):
    return text if len(text) <= 14 else Paragraph(escape(text), styles["cell"])


def _pdf_table(columns, rows, styles):
    data = [[Paragraph(f"<b>{escape(str(c))}</b>", styles["cell"]) for c in columns]]
    # Short cells (numbers, dates) are drawn as plain strings, which cost a fraction of a paragraph to lay out.
    data += [[_pdf_cell(display(v), styles) for v in row] for row in rows]
    table = Table(data, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#b1b4b6")),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f2f1")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTSIZE", (0, 1), (-1, -1), 8.5),
            ]
        )
    )
    return table

"""A seven-minute briefing as a one-page Word document (python-docx) and PDF (reportlab)."""

from io import BytesIO

SECTIONS = [
    ("What happened", "what_happened"),
    ("Key learning", "key_learning"),
    ("What it means for practice", "for_practice"),
    ("Questions to reflect on", "questions"),
]


def _lines(text):
    return [line.strip(" •-\t") for line in (text or "").splitlines() if line.strip(" •-\t")]


def briefing_docx(briefing):
    from docx import Document
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Arial", Pt(10.5)
    document.add_heading(f"Seven-minute briefing: {briefing.title}", level=1)
    document.add_paragraph(_byline(briefing))
    for heading, field in SECTIONS:
        document.add_heading(heading, level=2)
        lines = _lines(getattr(briefing, field))
        bulleted = field != "what_happened" and len(lines) > 1
        for line in lines:
            document.add_paragraph(line, style="List Bullet" if bulleted else None)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _byline(briefing):
    when = f"published {briefing.published_on:%-d %B %Y}" if briefing.published_on else "draft"
    return f"{briefing.partnership.name} · {when}"


def briefing_pdf(briefing):
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

    out = BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=1.8 * cm,
        bottomMargin=1.8 * cm,
        title=f"Seven-minute briefing: {briefing.title}",
        author=briefing.partnership.name,
    )
    styles = getSampleStyleSheet()
    story = [
        Paragraph(escape(f"Seven-minute briefing: {briefing.title}"), styles["Title"]),
        Paragraph(escape(_byline(briefing)), styles["Normal"]),
    ]
    for heading, field in SECTIONS:
        story.append(Paragraph(escape(heading), styles["Heading2"]))
        lines = _lines(getattr(briefing, field))
        if field != "what_happened" and len(lines) > 1:
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(escape(line), styles["BodyText"])) for line in lines], bulletType="bullet"
                )
            )
        else:
            story.extend(Paragraph(escape(line), styles["BodyText"]) for line in lines)
    doc.build(story)
    return out.getvalue()

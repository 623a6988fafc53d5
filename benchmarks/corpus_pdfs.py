#!/usr/bin/env python3
"""Render every docs/NAME.txt of an extraction set (benchmarks/corpus, benchmarks/corpus3) as a report-like
PDF in its pdf/NAME.pdf.

A4, running header (the document's first line), "Page N of M" footer, justified and hyphenated
(pyphen, en_GB) body text. Documents whose gold doc_type is learning_brief are laid out in two
columns, like the printed briefs they come from. Each non-empty source line becomes one paragraph,
so the text order and line structure of the .txt are preserved; blank lines become vertical space.

One script for every set, so each is made the same way. Run from the repository root with the dev venv
plus pyphen (not a project dependency):
    .venv/bin/pip install pyphen && .venv/bin/python benchmarks/corpus_pdfs.py benchmarks/corpus3 [NAME ...]
"""

import json
import re
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer

ROOT = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent / "corpus"

# A Unicode TrueType font so that curly quotes, en dashes and bullets survive.
FONT, FONT_BOLD = "Helvetica", "Helvetica-Bold"
FONTS = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
]
for regular, bold in FONTS:
    if Path(regular).exists() and Path(bold).exists():
        pdfmetrics.registerFont(TTFont("Body", regular))
        pdfmetrics.registerFont(TTFont("Body-Bold", bold))
        FONT, FONT_BOLD = "Body", "Body-Bold"
        break

BODY = ParagraphStyle(
    "body",
    fontName=FONT,
    fontSize=10,
    leading=13.2,
    alignment=TA_JUSTIFY,
    hyphenationLang="en_GB",
    embeddedHyphenation=1,
    uriWasteReduce=0.3,
    spaceAfter=2,
)
BULLET = ParagraphStyle("bullet", parent=BODY, leftIndent=12, firstLineIndent=0)
HEAD = ParagraphStyle(
    "head", parent=BODY, fontName=FONT_BOLD, alignment=TA_LEFT, spaceBefore=4, spaceAfter=3, hyphenationLang=None
)

BULLET_RE = re.compile(r"^\s*([•·\-–>]|\(?\d{1,2}[.)]|[a-z][.)])\s+")


def is_heading(line):
    s = line.strip()
    return (
        len(s) <= 70
        and not BULLET_RE.match(line)
        and not s.endswith((".", ",", ";", ":"))
        and len(s.split()) <= 10
        and s[:1].isupper()
    )


def flowables(text):
    out = []
    for line in text.split("\n"):
        if not line.strip():
            if out and not isinstance(out[-1], Spacer):
                out.append(Spacer(1, 5))
            continue
        safe = escape(line.strip())
        if BULLET_RE.match(line) or line.startswith("  "):
            out.append(Paragraph(safe, BULLET))
        elif is_heading(line):
            out.append(Paragraph(safe, HEAD))
        else:
            out.append(Paragraph(safe, BODY))
    return out


class NumberedCanvas(canvas.Canvas):
    """Draws 'Page N of M' once the total page count is known."""

    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self._saved = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self.setFont(FONT, 8.5)
            self.drawRightString(A4[0] - 20 * mm, 12 * mm, f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


def build(name, two_columns):
    text = (ROOT / "docs" / f"{name}.txt").read_text()
    first = next((l.strip() for l in text.split("\n") if l.strip()), name)
    header = first if len(first) <= 90 else first[:87].rstrip() + "..."
    out = ROOT / "pdf" / f"{name}.pdf"
    left, right, top, bottom = 20 * mm, 20 * mm, 22 * mm, 20 * mm
    width, height = A4[0] - left - right, A4[1] - top - bottom

    def on_page(c, doc):
        c.saveState()
        c.setFont(FONT, 8.5)
        c.drawString(left, A4[1] - 13 * mm, header)
        c.setLineWidth(0.4)
        c.line(left, A4[1] - 15 * mm, A4[0] - right, A4[1] - 15 * mm)
        c.restoreState()

    if two_columns:
        gap = 7 * mm
        colw = (width - gap) / 2
        frames = [
            Frame(left, bottom, colw, height, id="c1", leftPadding=0, rightPadding=0),
            Frame(left + colw + gap, bottom, colw, height, id="c2", leftPadding=0, rightPadding=0),
        ]
    else:
        frames = [Frame(left, bottom, width, height, id="body", leftPadding=0, rightPadding=0)]
    doc = BaseDocTemplate(
        str(out),
        pagesize=A4,
        title=header,
        author="",
        subject=name,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
    )
    doc.addPageTemplates([PageTemplate(id="p", frames=frames, onPage=on_page)])
    doc.build(flowables(text), canvasmaker=NumberedCanvas)
    return out


def main(argv):
    names = argv or sorted(p.stem for p in (ROOT / "docs").glob("*.txt"))
    (ROOT / "pdf").mkdir(exist_ok=True)
    for name in names:
        gold = ROOT / "gold" / f"{name}.json"
        two = gold.exists() and json.loads(gold.read_text()).get("doc_type") == "learning_brief"
        print(build(name, two).name, "(two columns)" if two else "")


if __name__ == "__main__":
    main(sys.argv[2:])

"""Documents made in the test: report-like PDFs (reportlab), Word files (python-docx), and the shared corpus."""

import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[4] / "shared"


@pytest.fixture
def corpus():
    folder = SHARED / "corpus"
    if not (folder / "gold").is_dir():
        pytest.skip(f"the shared corpus is not at {folder}")
    return folder


def gold(corpus, name):
    return json.loads((corpus / "gold" / f"{name}.json").read_text())


def make_pdf(path, pages, *, header="Safeguarding Board paper", numbered=True):
    """A report-like PDF: each page is a list of lines; a running header and 'Page n of N' on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    for number, lines in enumerate(pages, 1):
        pdf.setFont("Helvetica", 9)
        if header:
            pdf.drawString(72, height - 40, header)
        if numbered:
            pdf.drawRightString(width - 72, 30, f"Page {number} of {len(pages)}")
        pdf.setFont("Helvetica", 11)
        y = height - 90
        for line in lines:
            if line:
                pdf.drawString(72, y, line)
            y -= 15
        pdf.showPage()
    pdf.save()
    return path


def make_image_only_pdf(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.rect(72, 400, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    return path

"""PDF text through poppler's pdftotext, run in a limited child process.

pdftotext is several times faster than any pure-Python PDF parser (see docs/decisions.md), it is a separate
process anyway, so a hostile PDF can only kill pdftotext, and its -layout mode keeps the blank lines between
paragraphs that the list parser relies on."""

import os
import shutil
import subprocess
import tempfile

from .errors import ExtractionError
from .limits import LimitExceeded, run_limited
from .pdf_repair import repair_pages
from .source_text import SourceText

# A page with fewer visible characters than this has no usable text layer (a scan or a picture).
MIN_CHARACTERS_PER_PAGE = 40


def read_pdf(path, limits):
    raw_pages = _pdftotext_pages(path, limits)
    if len(raw_pages) > limits.max_pages:
        raise ExtractionError(
            f"The PDF has more than {limits.max_pages} pages.",
            "Split it into smaller documents (one report each) and import them separately.",
        )
    visible = sum(len("".join(page.split())) for page in raw_pages)
    if visible < MIN_CHARACTERS_PER_PAGE * len(raw_pages):
        raise ExtractionError(
            "The PDF has no text layer: it looks like a scan or a set of images.",
            "Run it through OCR (for example 'Recognise text' in your PDF editor, or ocrmypdf) and import the result.",
        )
    return SourceText.from_pages(repair_pages(raw_pages))


def _pdftotext_pages(path, limits):
    if shutil.which("pdftotext") is None:
        raise ExtractionError(
            "The PDF reader pdftotext is not installed on this server.",
            "Ask the administrator to install Debian's poppler-utils package.",
        )
    with tempfile.TemporaryDirectory(prefix="casereview-pdf-") as workdir:
        # Output goes to a file so RLIMIT_FSIZE caps it; a pipe would have no such limit.
        output = os.path.join(workdir, "text.txt")
        command = ["pdftotext", "-layout", "-enc", "UTF-8", "-l", str(limits.max_pages + 1), path, output]
        try:
            completed = run_limited(command, limits, stdout=subprocess.DEVNULL)
        except LimitExceeded as exc:
            raise ExtractionError(
                f"Reading the PDF {exc}: it is too large or too complex to read safely.",
                "Open it in a PDF reader, print it to a new PDF (or split it), and import that copy.",
            ) from exc
        errors = completed.stderr.decode("utf-8", errors="replace")
        _raise_for_pdftotext_failure(completed.returncode, errors)
        with open(output, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()  # pdftotext ends every page, the last included, with a form feed
    if not "".join(pages).strip() and "rror" in errors:
        _raise_damaged(errors)
    return pages


def _raise_for_pdftotext_failure(returncode, errors):
    if "Incorrect password" in errors or returncode == 3:
        raise ExtractionError(
            "The PDF is protected by a password, so its text cannot be read.",
            "Ask the sender for an unprotected copy, or open it with the password and save a copy without one.",
        )
    if returncode != 0:
        _raise_damaged(errors)


def _raise_damaged(errors):
    detail = next((line for line in errors.splitlines() if line.strip()), "no detail")
    raise ExtractionError(
        f"The PDF is damaged and cannot be read ({detail.strip()[:120]}).",
        "Open it in a PDF reader and save or print it to a new PDF, or ask the sender for a fresh copy.",
    )

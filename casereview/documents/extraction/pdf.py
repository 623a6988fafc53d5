"""PDF text through PDFium (pypdfium2, a PyPI wheel with PDFium inside), read in a limited child process.

A reader process (pdf_worker.py) is started once and kept: it has PDFium loaded and forks a child for each
PDF, which takes the same kernel limits as every parser of an untrusted file (time, CPU, memory, output),
so a hostile PDF can only kill that child. The child lays each page out from the positions of its text:
columns one after the other, a blank line between paragraphs, which the list parser relies on. No system
package is needed."""

import dataclasses
import json
import subprocess
import sys
import threading

from .errors import ExtractionError
from .pdf_repair import repair_pages
from .source_text import SourceText

# A page with fewer visible characters than this has no usable text layer (a scan or a picture).
MIN_CHARACTERS_PER_PAGE = 40
PASSWORD_ERROR = 4  # PDFium's FPDF_ERR_PASSWORD


def read_pdf(path, limits):
    raw_pages = _pdfium_pages(path, limits)
    visible = sum(len("".join(page.split())) for page in raw_pages)
    if visible < MIN_CHARACTERS_PER_PAGE * len(raw_pages):
        raise ExtractionError(
            "The PDF has no text layer: it looks like a scan or a set of images.",
            "Run it through OCR (for example 'Recognise text' in your PDF editor, or ocrmypdf) and import the result.",
        )
    return SourceText.from_pages(repair_pages(raw_pages))


class _Reader:
    """The kept reader process; one request at a time, restarted if it has gone."""

    def __init__(self):
        self.lock = threading.Lock()
        self.process = None

    def ask(self, request):
        line = json.dumps(request) + "\n"
        with self.lock:
            for attempt in (1, 2):
                if self.process is None or self.process.poll() is not None:
                    self.process = subprocess.Popen(
                        [sys.executable, "-m", "casereview.documents.extraction.pdf_worker"],
                        stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE,
                        text=True,
                        encoding="utf-8",
                    )
                try:
                    self.process.stdin.write(line)
                    self.process.stdin.flush()
                    answer = self.process.stdout.readline()
                except (BrokenPipeError, OSError):
                    answer = ""
                if answer:
                    return json.loads(answer)
                self.process = None
        return {"outcome": "error", "code": None, "detail": "the PDF reader could not be started"}


_READER = _Reader()


def _pdfium_pages(path, limits):
    answer = _READER.ask({"path": path, "limits": dataclasses.asdict(limits)})
    outcome = answer["outcome"]
    if outcome == "limit":
        raise ExtractionError(
            f"Reading the PDF {answer['detail']}: it is too large or too complex to read safely.",
            "Open it in a PDF reader, print it to a new PDF (or split it), and import that copy.",
        )
    if outcome == "too_many_pages":
        raise ExtractionError(
            f"The PDF has more than {limits.max_pages} pages.",
            "Split it into smaller documents (one report each) and import them separately.",
        )
    if outcome == "error":
        if answer["code"] == PASSWORD_ERROR:
            raise ExtractionError(
                "The PDF is protected by a password, so its text cannot be read.",
                "Ask the sender for an unprotected copy, or open it with the password and save a copy without one.",
            )
        detail = (answer["detail"] or "").strip()[:120] or "no detail"
        raise ExtractionError(
            f"The PDF is damaged and cannot be read ({detail}).",
            "Open it in a PDF reader and save or print it to a new PDF, or ask the sender for a fresh copy.",
        )
    return answer["pages"]

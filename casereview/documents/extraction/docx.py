"""Word (.docx) documents: the zip is checked for bombs here, then python-docx reads it in a limited child
process (docx_worker.py), because a declared size inside a zip can lie."""

import json
import sys
import zipfile

from .errors import ExtractionError
from .limits import LimitExceeded, run_limited
from .source_text import SourceText, clean_characters

MAX_ZIP_ENTRIES = 5000
SMALL_PART = 1024 * 1024  # parts smaller than this may compress as well as they like


def read_docx(path, limits):
    check_zip_is_safe(path, limits)
    command = [sys.executable, "-m", "casereview.documents.extraction.docx_worker", path]
    try:
        completed = run_limited(command, limits)
    except LimitExceeded as exc:
        raise ExtractionError(
            f"Reading the Word file {exc}: it is too large or too complex to read safely.",
            "Open it in Word, save it as PDF and import the PDF instead.",
        ) from exc
    if completed.returncode != 0:
        raise ExtractionError(
            "The Word file is damaged and cannot be read.",
            "Open it in Word and save a new copy (or export it as PDF), then try again.",
        )
    pages = json.loads(completed.stdout)["pages"]
    if not "".join(pages).strip():
        raise ExtractionError(
            "The Word file contains no text.",
            "Check it is the report itself and not a scanned image pasted into Word; "
            "if it is a scan, import the PDF after OCR.",
        )
    return SourceText.from_pages([clean_characters(page) for page in pages])


def check_zip_is_safe(path, limits):
    with zipfile.ZipFile(path) as archive:
        entries = archive.infolist()
    declared = sum(entry.file_size for entry in entries)
    squeezed = [
        e
        for e in entries
        if e.file_size > SMALL_PART and e.file_size > limits.max_compression_ratio * max(e.compress_size, 1)
    ]
    if len(entries) > MAX_ZIP_ENTRIES or declared > limits.max_unzipped_bytes or squeezed:
        raise ExtractionError(
            f"The Word file would expand to {declared / 1024 / 1024:.0f} MB in {len(entries)} parts: it looks like a "
            "zip bomb, not a genuine document.",
            "Do not open it; ask the sender for the report as a PDF.",
        )

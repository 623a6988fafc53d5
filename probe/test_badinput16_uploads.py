"""The upload paths with probe/badinput16.py's inputs (run it first): the documents import (stored, read in
the background) and the final report upload (read in the request, checked in the background).

    PYTHONPATH=$PWD .venv/bin/python -m pytest probe/test_badinput16_uploads.py -q -s -p no:cacheprovider

Not part of `make test` (testpaths are casereview and tests). Prints one row per case."""

import os
import time

import pytest
from django.core.exceptions import ValidationError

from casereview.documents import services as documents
from casereview.documents.models import DocumentStatus
from casereview.publication import services as publication
from casereview.testing import ReviewFactory

OUT = "/tmp/badinput16"
DOCUMENTS = [
    "listing60.txt",
    "oneline2mb.txt",
    "nopunct.txt",
    "list500.txt",
    "leadin_end.txt",
    "pua_bullets.txt",
    "rtl.txt",
    "empty.txt",
    "binary.txt",
    "junk.docx",
    "pages300.pdf",
    "notext.pdf",
]
REPORTS = [
    "noentities.txt",
    "report300.txt",
    "pages300.pdf",
    "other_language.txt",
    "zero_width.txt",
    "split_line.txt",
    "table2000.txt",
    "capitals.txt",
    "chelsea_hope.txt",
    "five_ways.txt",
    "empty.txt",
    "binary.txt",
    "junk.docx",
    "notext.pdf",
]


def data(name):
    path = os.path.join(OUT, name)
    if not os.path.exists(path):
        pytest.skip(f"run probe/badinput16.py first ({path})")
    with open(path, "rb") as handle:
        return handle.read()


@pytest.mark.parametrize("name", DOCUMENTS)
def test_documents_import(alice, partnership_a, name):
    started = time.monotonic()
    try:
        batch = documents.documents_upload(
            actor=alice, partnership=partnership_a, files=[(name, data(name))], queue=False
        )
    except ValidationError as exc:
        print(f"\n| documents import | {name} | refused: {exc.messages[0]} | {time.monotonic() - started:.1f} s |")
        return
    documents.batch_extract(batch.pk)
    document = batch.documents.get()
    items = document.items.count() if hasattr(document, "items") else "?"
    said = document.problem or document.notes
    print(
        f"\n| documents import | {name} | {document.status}, {items} items | {time.monotonic() - started:.1f} s "
        f"| {str(said)[:160]} |"
    )
    assert document.status in (DocumentStatus.READY, DocumentStatus.FAILED)
    if document.status == DocumentStatus.FAILED:
        assert "could not be read. Save it again" not in document.problem  # our own fault, not the file's


@pytest.mark.parametrize("name", REPORTS)
def test_report_upload(alice, partnership_a, name):
    review = ReviewFactory(partnership=partnership_a, title="Child P")
    started = time.monotonic()
    try:
        report = publication.report_upload(actor=alice, review=review, name=name, data=data(name))
    except ValidationError as exc:
        print(f"\n| report upload | {name} | refused: {exc.messages[0]} | {time.monotonic() - started:.1f} s |")
        return
    publication.report_detect(report.pk)
    report.refresh_from_db()
    print(
        f"\n| report upload | {name} | {report.status}, {report.detections.count()} found, "
        f"{review.replacement_terms.count()} terms | {time.monotonic() - started:.1f} s | {report.problem[:160]} |"
    )
    assert report.status == "ready", report.problem

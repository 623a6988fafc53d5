"""Stored files download under a name the reader's computer cannot run, and only to GET and HEAD.

Probe 16: files stored before uploads refused names like "open-me.bat" still downloaded under them (Windows
runs a .bat, a .ps1 or an .hta, and opens .html and .svg in a browser, by the name alone), and a POST to a
download address served the file like a GET."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from casereview.actionplans.models import Action  # noqa: F401 (EvidenceFactory's action)
from casereview.core.file_checks import DOCX, XLSX, download_name
from casereview.testing import (
    ActionFactory,
    EvidenceFactory,
    IncidentFactory,
    InformationAttachmentFactory,
    InformationRequestFactory,
    RapidReviewFactory,
    ReviewFactory,
    publication_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.mark.parametrize(
    "name, content_type, sent_as",
    [
        ("open-me.bat", "text/plain", "open-me.bat.txt"),
        ("tidy.ps1", "text/plain", "tidy.ps1.txt"),
        ("form.hta", "text/plain", "form.hta.txt"),
        ("letter.html", "text/plain", "letter.html.txt"),
        ("map.svg", "text/plain", "map.svg.txt"),
        ("letter.rtf", "text/plain", "letter.rtf.txt"),
        # shown on the page as "reportexe.txt": the right-to-left override goes, and the .exe does not stay last
        ("report\u202etxt.exe", "text/plain", "reporttxt.exe.txt"),
        ("minutes\u200f.pdf", "application/pdf", "minutes.pdf"),
        ("notes.bat. . ", "text/plain", "notes.bat.txt"),  # Windows drops trailing dots and spaces
        ("a\x00b\r\nc.txt", "text/plain", "abc.txt"),
        ("../../etc/passwd", "text/plain", "-..-etc-passwd.txt"),
        ("Minutes v2.1", "text/plain", "Minutes v2.1.txt"),
        ("notes.pdf", "text/plain", "notes.pdf.txt"),  # the name promised a PDF; its stored bytes are text
        ("chronology.pdf", "application/pdf", "chronology.pdf"),
        ("Chronology.PDF", "application/pdf", "Chronology.PDF"),
        ("plan.docx", DOCX, "plan.docx"),
        ("photo.jpeg", "image/jpeg", "photo.jpeg"),
        ("figures.csv", "text/plain", "figures.csv"),
        ("old.doc", "application/msword", "old.doc.bin"),
        ("\u202e", "text/plain", "document.txt"),
    ],
)
def test_the_download_name_keeps_the_senders_name_but_ends_in_its_stored_kind(name, content_type, sent_as):
    assert download_name(name, content_type) == sent_as


def _attachment(partnership, name):
    request = InformationRequestFactory(
        rapid_review=RapidReviewFactory(incident=IncidentFactory(partnership=partnership))
    )
    return InformationAttachmentFactory(
        info_request=request,
        file=ContentFile(b"@echo off\r\ndel /q *\r\n", name="stored"),
        file_name=name,
        content_type="text/plain",
        size=20,
    )


def _evidence(partnership, name):
    return EvidenceFactory(
        action=ActionFactory(review=ReviewFactory(partnership=partnership)),
        file=ContentFile(b"@echo off\r\ndel /q *\r\n", name="stored"),
        file_name=name,
        content_type="text/plain",
        size=20,
    )


@pytest.mark.parametrize(
    "make, view",
    [(_attachment, "decisions:information_attachment"), (_evidence, "actionplans:evidence")],
    ids=["information request document", "evidence"],
)
def test_a_file_stored_under_an_active_name_downloads_as_text(client, alice, partnership_a, make, view):
    stored = make(partnership_a, "open-me\u202e.bat")
    client.force_login(alice)
    response = client.get(reverse(view, args=[stored.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="open-me.bat.txt"'
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.parametrize(
    "make, view",
    [(_attachment, "decisions:information_attachment"), (_evidence, "actionplans:evidence")],
    ids=["information request document", "evidence"],
)
def test_a_download_answers_only_get_and_head(client, alice, partnership_a, make, view):
    url = reverse(view, args=[make(partnership_a, "notes.txt").pk])
    client.force_login(alice)
    assert client.head(url).status_code == 200
    for method in (client.post, client.put, client.delete):
        response = method(url)
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD"


def test_a_published_report_downloads_only_to_get_and_head(client, alice, partnership_a):
    publication = publication_in(partnership_a)
    client.force_login(alice)
    for view in ("publication:download_pdf", "publication:download_docx"):
        url = reverse(view, args=[publication.pk])
        assert client.get(url).status_code == 200
        assert client.post(url).status_code == 405


@pytest.mark.parametrize(
    "file_name, content_type, sent_as",
    [
        # what the export kinds name their files today: kept as they are
        ("audit-southwark-2026-12-07.csv", "text/csv; charset=utf-8", "audit-southwark-2026-12-07.csv"),
        ("chronology-child-r-2026-12-07.docx", DOCX, "chronology-child-r-2026-12-07.docx"),
        # the same rules as every other download (fixsmall11): no bidi or control characters, no path, no
        # trailing dots, and an ending of the stored kind
        ("chronology-child\u202excod.exe", DOCX, "chronology-childxcod.exe.docx"),
        ("../chronology\r\n.docx. ", DOCX, "-chronology.docx"),
        ("action-plans-southwark-2026-12-07", XLSX, "action-plans-southwark-2026-12-07.xlsx"),
    ],
)
def test_a_background_export_downloads_under_the_same_safe_name_rules(
    client, alice, partnership_a, file_name, content_type, sent_as
):
    from casereview.core.models import ExportJob
    from casereview.testing import export_job_in

    job = export_job_in(partnership_a)
    ExportJob.objects.unscoped().filter(pk=job.pk).update(
        requested_by=alice, file_name=file_name, content_type=content_type
    )
    client.force_login(alice)
    response = client.get(reverse("exports:download", args=[job.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{sent_as}"'
    progress = client.get(reverse("exports:progress", args=[job.pk])).content.decode()
    assert f"Download {sent_as}</a>" in progress  # the button names the file the reader gets


def test_an_anonymised_draft_downloads_under_the_safe_name_rules(client, alice, partnership_a):
    from casereview.publication.tests.test_review8 import decide_all, uploaded

    review = ReviewFactory(
        partnership=partnership_a, incident=IncidentFactory(partnership=partnership_a), title="Child R/\u202eT"
    )
    uploaded(alice, review)
    decide_all(alice, review)
    client.force_login(alice)
    disposition = client.get(reverse("publication:draft_pdf", args=[review.pk]))["Content-Disposition"]
    assert disposition.startswith('attachment; filename="Child R-T - anonymised draft '), disposition
    assert disposition.endswith('.pdf"')

"""Walkthrough 8, finding 16: the action update form tells every problem at once."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casereview.actionplans.models import ProgressUpdate

from .conftest import post_update

pytestmark = pytest.mark.django_db


def test_the_update_form_reports_a_bad_date_a_missing_description_and_a_wrong_file_at_once(client, plan):
    client.force_login(plan["social_care_lead"])
    response = post_update(
        client,
        plan["action"],
        posted_on_0="31",
        posted_on_1="11",
        posted_on_2="2026",
        status="on_track",
        text="Training booked",
        evidence_file=SimpleUploadedFile("evidence.exe", b"MZ\x90 a program"),
        evidence_description="",
    )
    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Date of the update must be a real date" in page
    assert "Describe the evidence you have given as a file or a link" in page
    assert "The selected file must be a PDF" in page
    assert "LAC" not in page
    assert "Needed only when you give a file or a link" in page
    assert not ProgressUpdate.objects.exists()


def test_a_text_file_renamed_pdf_is_refused(client, plan):
    client.force_login(plan["social_care_lead"])
    minutes = dict(status="on_track", text="Training booked", evidence_description="Minutes")
    response = post_update(
        client,
        plan["action"],
        evidence_file=SimpleUploadedFile("minutes.pdf", b"Minutes of the meeting, 3 May\n"),
        **minutes,
    )
    page = html.unescape(response.content.decode())
    assert "The selected file is called .pdf but it is not a PDF file" in page
    assert not ProgressUpdate.objects.exists()
    # the same words under their own name are accepted
    response = post_update(
        client,
        plan["action"],
        evidence_file=SimpleUploadedFile("minutes.txt", b"Minutes of the meeting, 3 May\n"),
        **minutes,
    )
    assert response.status_code == 302

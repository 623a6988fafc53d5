"""Walkthrough 11's findings on reviews (docs/walkthrough-11.md): an agency's report as its own file, and a
typed one long enough for a management review (finding 1)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.audit.models import AuditAction, AuditEvent
from casereview.decisions.tests.test_attachments import docx_bytes
from casereview.reviews.models import AgencyContribution, ContributionStatus
from casereview.testing import AgencyContributionFactory, AgencyFactory, ReviewFactory, member, page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


@pytest.fixture
def report_request(partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child T")
    education = AgencyFactory(partnership=partnership_a, name="Southwark Education", sector="education")
    contribution = AgencyContributionFactory(review=review, agency=education, kind="agency_report")
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=education, username="education_lead")
    return contribution, lead


def test_a_management_review_of_4500_words_can_be_pasted(client, report_request):
    contribution, lead = report_request
    client.force_login(lead)
    text = "The school noticed T's absences and referred them. " * 560  # about 29,000 characters
    response = client.post(reverse("reviews:report_submit", args=[contribution.pk]), {"text": text})
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.report_text == text.strip()
    assert contribution.status == ContributionStatus.RECEIVED


def test_a_report_too_long_to_type_says_its_length_and_to_attach_the_file(client, report_request):
    contribution, lead = report_request
    client.force_login(lead)
    response = client.post(reverse("reviews:report_submit", args=[contribution.pk]), {"text": "x" * 200_001})
    page = page_text(response)
    assert "Agency report must be 200,000 characters or fewer. It is 200,001 characters now." in page
    assert "Attach the report as a Word or PDF file instead (below)" in page


def test_the_agency_attaches_its_word_report_and_the_review_downloads_it(client, report_request, alice):
    contribution, lead = report_request
    client.force_login(lead)
    page = page_text(client.get(reverse("reviews:report_submit", args=[contribution.pk])))
    assert "Attach the report as a file" in page and "PDF, Word (.docx) or plain text" in page
    data = docx_bytes(b"<w:t>Management review</w:t>")
    upload = SimpleUploadedFile("Education IMR Child T.docx", data)
    response = client.post(reverse("reviews:report_submit", args=[contribution.pk]), {"text": "", "document": upload})
    assert response.status_code == 302
    contribution = AgencyContribution.objects.unscoped().get(pk=contribution.pk)
    assert contribution.status == ContributionStatus.RECEIVED
    assert contribution.report_file_name == "Education IMR Child T.docx"
    client.force_login(alice)
    page = page_text(client.get(reverse("reviews:contribution", args=[contribution.pk])))
    assert "The report as Southwark Education sent it: Education IMR Child T.docx (Word document" in page
    download = client.get(reverse("reviews:report_file", args=[contribution.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == data
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_repr="Agency report downloaded: Education IMR Child T.docx"
    ).exists()


def test_a_program_is_refused_as_the_report_and_nothing_is_sent(client, report_request):
    contribution, lead = report_request
    client.force_login(lead)
    upload = SimpleUploadedFile("open-me.bat", b"@echo off\r\ncalc\r\n")
    response = client.post(reverse("reviews:report_submit", args=[contribution.pk]), {"text": "", "document": upload})
    assert response.status_code == 200
    assert "open-me.bat" in page_text(response)
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.REQUESTED and not contribution.report_file


def test_an_empty_report_is_refused_saying_both_ways_to_send_it(client, report_request):
    contribution, lead = report_request
    client.force_login(lead)
    response = client.post(reverse("reviews:report_submit", args=[contribution.pk]), {"text": " "})
    assert "Enter the agency report, or attach it as a Word or PDF file" in page_text(response)


def test_the_report_file_is_not_served_to_another_partnership(client, report_request, charlie):
    contribution, lead = report_request
    client.force_login(lead)
    upload = SimpleUploadedFile("report.docx", docx_bytes())
    client.post(reverse("reviews:report_submit", args=[contribution.pk]), {"text": "", "document": upload})
    client.force_login(charlie)
    assert client.get(reverse("reviews:report_file", args=[contribution.pk])).status_code == 404


@pytest.mark.parametrize(
    "kinds, listed",
    [
        (("pdf", "docx", "text"), "PDF, Word (.docx) or plain text"),
        (("pdf", "docx", "xlsx", "pptx", "png", "jpeg", "text"), "PDF, Word (.docx), Excel (.xlsx), PowerPoint"),
    ],
)
def test_a_refused_file_is_named_with_the_kinds_the_form_takes_and_no_advice_to_rename_it(kinds, listed):
    """Finding 8: "The selected file is called .bat … save it with a name ending .txt or .csv", on the
    evidence form too, which takes Word, PDF, Excel and images."""
    from django.core.exceptions import ValidationError

    from casereview.core import file_checks

    upload = SimpleUploadedFile("open-me.bat", b"@echo off\r\ncalc\r\n")
    with pytest.raises(ValidationError) as refused:
        file_checks.check_upload(upload, kinds=kinds, limit="evidence", field="file")
    message = refused.value.message_dict["file"][0]
    assert message.startswith("open-me.bat is a .bat file: attach a " + listed)
    assert message.endswith("file instead")
    assert "save it with a name" not in message


def test_learning_points_numbered_in_the_report_are_listed_in_its_order_with_one_number_to_fill(client, alice):
    """Finding 6: 3.1, 3.10 and 3.2 entered in that order were listed so; the form asked for two numbers."""
    from casereview.reviews.models import LearningPoint

    review = ReviewFactory(partnership=alice.memberships.first().partnership, title="Child T")
    client.force_login(alice)
    url = reverse("reviews:learning_point_add", args=[review.pk])
    form = page_text(client.get(url))
    assert form.index("Number in the report") < form.index("Place in this review's list (optional)")
    for number in ("3.1", "3.10", "3.2"):
        response = client.post(url, {"report_number": number, "text": f"Learning {number}"})
        assert response.status_code == 302, page_text(response)
    listed = [p.report_number for p in LearningPoint.objects.unscoped().filter(review=review).order_by("number")]
    assert listed == ["3.1", "3.2", "3.10"]
    page = page_text(client.get(reverse("reviews:findings", args=[review.pk])))
    assert page.index("Learning 3.2") < page.index("Learning 3.10")
    point = LearningPoint.objects.unscoped().get(review=review, report_number="3.10")
    history = page_text(client.get(reverse("reviews:learning_point_history", args=[point.pk])))
    assert "3.10 in the report" in history and "number 3" not in history
    assert str(point) == "3.10 Learning 3.10"


def test_a_published_review_no_longer_takes_agency_reports(client, report_request):
    """Finding 22: the education lead could still write Child T's agency report after publication."""
    import datetime

    contribution, lead = report_request
    review = contribution.review
    review.published_on = datetime.date(2026, 12, 7)
    review.save()
    client.force_login(lead)
    page = page_text(client.get(reverse("reviews:contribution", args=[contribution.pk])))
    assert "Child T's report was published on 7 December 2026, so the review no longer takes agency reports." in page
    assert "Send the report" not in page
    refused = page_text(client.post(reverse("reviews:report_submit", args=[contribution.pk]), {"text": "Late"}))
    assert "no longer takes agency reports" in refused
    contribution.refresh_from_db()
    assert contribution.report_text == ""

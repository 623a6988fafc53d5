"""Walkthrough 10's finding 13 (docs/walkthrough-10.md): the chair's decision page says what its button
does and reads naturally when empty, and the chair's home says which decisions are coming."""

import datetime
import re

import pytest
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.testing import IncidentFactory, RapidReviewFactory, member, page_text, recommendation_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def chair(partnership_a):
    return member(partnership_a, Role.CHAIR, username="chair")


def test_the_decision_page_records_the_decision_and_says_what_is_missing_in_a_sentence(client, chair, partnership_a):
    recommendation = recommendation_in(partnership_a)
    client.force_login(chair)
    url = reverse("decisions:decide", args=[recommendation.incident.pk])
    form = client.get(url).content.decode()
    assert re.search(r"<button[^>]*>\s*Record the decision\s*</button>", form)
    assert not re.search(r"<button[^>]*>\s*Save\s*</button>", form)
    page = page_text(client.post(url, {}))
    assert "Enter the date of the decision" in page and "Enter date of" not in page


def test_the_chairs_home_says_a_decision_is_coming_then_that_it_awaits_them(client, chair, partnership_a):
    from casereview.decisions.models import ReviewRecommendation

    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child S")
    RapidReviewFactory(incident=incident, due_date=datetime.date(2026, 12, 23))
    client.force_login(chair)
    home = page_text(client.get("/"))
    assert "No decision awaits you yet." in home
    assert (
        "Decisions coming Child S : the rapid review is due 23 December 2026, then the subgroup's recommendation "
        "comes to you for your decision." in home
    )

    ReviewRecommendation.objects.create(
        incident=incident,
        outcome="local_review",
        rationale="Criteria met",
        made_on=datetime.date(2026, 12, 6),
        recorded_by=chair,
    )
    home = page_text(client.get("/"))
    assert "Child S: decide whether to hold a review" in home
    assert re.search(r"Recommended on 6 December 2026: [A-Z][^.]+\. Read the rapid review", home), home
    assert "Decisions coming" not in home and "No decision awaits you" not in home


def test_a_decision_coming_from_a_rapid_review_completed_or_late_says_so(client, chair, partnership_a):
    """A rapid review completed, or past its due date, was said to be "due" on a date gone (second reader,
    review10)."""
    done = IncidentFactory(partnership=partnership_a, child_pseudonym="Child D")
    RapidReviewFactory(incident=done, due_date=datetime.date(2025, 5, 13), completed_on=datetime.date(2025, 5, 9))
    late = IncidentFactory(partnership=partnership_a, child_pseudonym="Child L")
    RapidReviewFactory(incident=late, due_date=datetime.date(2025, 5, 13))
    client.force_login(chair)
    home = page_text(client.get("/"))
    assert (
        "Child D : the rapid review was completed on 9 May 2025; the subgroup's recommendation comes to you next "
        "for your decision." in home
    )
    assert (
        "Child L : the rapid review was due 13 May 2025 and is not yet complete; then the subgroup's "
        "recommendation comes to you for your decision." in home
    )
    assert "is due 13 May 2025" not in home


# --- finding 14: smaller wording --------------------------------------------------------------------------


@pytest.fixture
def police_request(partnership_a, settings):
    from casereview.testing import AgencyFactory, InformationRequestFactory

    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    request = InformationRequestFactory(
        rapid_review=RapidReviewFactory(incident=IncidentFactory(partnership=partnership_a)), agency=police
    )
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, username="pl")
    return request, lead


def test_one_bad_file_is_named_and_a_program_renamed_pdf_is_told_what_is_wrong(client, police_request, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.CASEREVIEW_UPLOAD_MAX_MB = {**settings.CASEREVIEW_UPLOAD_MAX_MB, "evidence": 1}
    request, lead = police_request
    client.force_login(lead)
    url = reverse("decisions:request_attach", args=[request.pk])
    big = SimpleUploadedFile("full-chronology.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024))
    page = page_text(client.post(url, {"files": [big]}, follow=True))
    assert "full-chronology.pdf: The selected file must be smaller than 1 MB" in page
    program = SimpleUploadedFile("program-renamed.pdf", b"MZ\x90\x00 a Windows program")
    page = page_text(client.post(url, {"files": [program]}, follow=True))
    assert (
        "program-renamed.pdf: The selected file is a program, not a PDF file, although its name ends .pdf. Do not open "
        "it: upload the document itself" in page
    )
    assert "must be a PDF, Word" not in page.split("There is a problem", 1)[1].split("upload the document", 1)[0]

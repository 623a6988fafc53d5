"""Walkthrough 8's findings on the review pages (docs/walkthrough-8.md, findings 4-7 and 23)."""

import datetime

import pytest
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.reviews.models import LearningEvent
from casereview.testing import (
    AgencyFactory,
    IncidentFactory,
    LearningPointFactory,
    ReviewerAppointmentFactory,
    ReviewFactory,
    TermsOfReferenceFactory,
    contribution_with_lead,
    member,
)

pytestmark = pytest.mark.django_db


def test_an_agency_lead_is_told_the_parts_they_may_not_see_are_not_shown_not_missing(client, partnership_a):
    """Finding 4: terms, a reviewer and a learning event exist; the health lead may not read them."""
    contribution, lead = contribution_with_lead(partnership_a, agency_name="Health", username="healthlead")
    review = contribution.review
    TermsOfReferenceFactory(review=review)
    ReviewerAppointmentFactory(review=review, independence_declaration="I am independent.")
    LearningEvent.objects.create(review=review, held_on=datetime.date(2025, 7, 1), attendees=5)
    client.force_login(lead)
    body = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    for wrong in ("Not recorded in casereview", "Not written yet", "No reviewer appointed yet", "None recorded yet"):
        assert wrong not in body, wrong
    assert body.count("Not shown to you.") == 5  # terms, panel, reviewer, learning events, the family
    # the manager still sees what there is, and what there is not
    client.force_login(member(partnership_a, Role.BUSINESS_MANAGER, username="bm"))
    body = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "Not shown to you" not in body and "I am independent." in body


def test_the_kinds_to_ask_for_start_unticked_and_one_is_required(client, partnership_a, alice):
    """Finding 5."""
    review = ReviewFactory(partnership=partnership_a)
    police = AgencyFactory(partnership=partnership_a, name="Police")
    client.force_login(alice)
    url = reverse("reviews:contributions_request", args=[review.pk])
    body = client.get(url).content.decode()
    assert 'value="chronology" checked' not in body.replace("\n", " ") and "checked" not in body
    response = client.post(url, {"agencies": [police.pk], "due_date_0": "1", "due_date_1": "2", "due_date_2": "2027"})
    assert response.status_code == 200
    assert "Choose what to ask for: a chronology, an agency report or both" in response.content.decode()
    assert not review.contributions.exists()


def test_a_published_review_without_learning_points_says_so_to_whoever_may_add_them(client, partnership_a, alice, dora):
    """Finding 6: on the findings page and in the library; and finding 7: the panel is told who adds them."""
    review = ReviewFactory(partnership=partnership_a, title="Child T", stage="published")
    review.published_on = datetime.date(2026, 12, 3)
    review.save()
    other = ReviewFactory(
        partnership=partnership_a, title="Child Q", stage="published", published_on=datetime.date(2026, 1, 1)
    )
    LearningPointFactory(review=other)
    client.force_login(alice)
    findings = client.get(reverse("reviews:findings", args=[review.pk])).content.decode()
    assert "This review is published but its learning points are not recorded yet" in findings
    assert reverse("reviews:learning_point_add", args=[review.pk]) in findings
    library = client.get(reverse("library:search", args=[partnership_a.slug])).content.decode()
    assert "Child T is published but its learning points are not recorded yet" in library
    assert "Child Q is published" not in library
    # the panel may not add them: no warning to them, but who does
    client.force_login(dora)
    findings = client.get(reverse("reviews:findings", args=[review.pk])).content.decode()
    assert "not recorded yet" not in findings
    assert (
        "Learning points and recommendations are added by the business manager or the review's independent reviewer"
        in findings.replace("&#x27;", "'")
    )
    assert (
        "are not recorded yet" not in client.get(reverse("library:search", args=[partnership_a.slug])).content.decode()
    )


def test_the_decided_row_links_to_the_incident_in_words_that_do_not_read_as_its_date(client, partnership_a, alice):
    """Finding 23: "Decided 3 August 2026 (the incident)"."""
    review = ReviewFactory(partnership=partnership_a, incident=IncidentFactory(partnership=partnership_a))
    client.force_login(alice)
    body = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert ">the incident</a>)" not in body
    assert "Read the incident and the decision" in body


def _docx_bytes():
    import io

    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Chronology of the health visitor's contact")
    document.save(buffer)
    return buffer.getvalue()


def _upload_as_the_agency_lead(client, partnership, upload):
    """The health lead uploads `upload` as their agency's chronology for a review; returns the response."""
    contribution, lead = contribution_with_lead(
        partnership, agency_name="Health", username="healthlead", kind="chronology"
    )
    client.force_login(lead)
    return client.post(reverse("reviews:chronology_upload", args=[contribution.pk]), {"file": upload})


@pytest.mark.parametrize(
    "name, data",
    [
        ("chron.docx", _docx_bytes()),
        ("chron.xlsx", _docx_bytes()),  # a Word file renamed
        ("chron.csv", b"%PDF-1.7 not a spreadsheet"),
        ("chron.xlsx", b"date,event type,description\n"),  # a CSV renamed
        ("chron.txt", b"date,event type,description\n"),
    ],
)
def test_a_chronology_that_is_not_a_csv_or_excel_file_is_refused_at_the_upload_form(client, partnership_a, name, data):
    """Finding 15: by its name and by its bytes, on the upload page, before it is queued."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from casereview.reviews.models import ChronologyImport

    response = _upload_as_the_agency_lead(client, partnership_a, SimpleUploadedFile(name, data))
    assert response.status_code == 200
    assert "The file must be a CSV or Excel (.xlsx) file" in response.content.decode()
    assert not ChronologyImport.objects.unscoped().exists()


def test_a_csv_chronology_is_still_accepted(client, partnership_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = "date,event type,description\n17/04/2014,Home visit,Seen at home\n".encode()
    response = _upload_as_the_agency_lead(client, partnership_a, SimpleUploadedFile("chron.csv", data))
    assert response.status_code == 302


def test_the_learning_point_form_groups_the_themes_hints_the_number_and_names_the_field_in_errors(
    client, partnership_a, alice
):
    """Finding 23: 45 checkboxes in one list, no hint on "Number", "Enter the text"."""
    from casereview.core.themes import TAXONOMY

    review = ReviewFactory(partnership=partnership_a)
    client.force_login(alice)
    url = reverse("reviews:learning_point_add", args=[review.pk])
    body = client.get(url).content.decode().replace("&#x27;", "'")
    for label, _names in TAXONOMY.values():
        assert f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>' in body
    assert body.count('name="themes"') == sum(len(names) for _label, names in TAXONOMY.values())
    assert "Leave blank: a new learning point goes after the last one" in body  # walkthrough 11, finding 6
    body = client.post(url, {"number": "", "text": ""}).content.decode().replace("&#x27;", "'")
    assert "Enter the learning point's number" not in body and "Enter the text of the learning point" in body
    assert "Enter the text<" not in body
    body = client.get(reverse("reviews:recommendation_add", args=[review.pk])).content.decode()
    assert "Leave blank: a new recommendation goes after the last one" in body.replace("&#x27;", "'")


def test_a_viewer_is_told_the_same_on_the_reviews_list_and_on_a_review_whatever_exists(
    client, partnership_a, partnership_b, bob
):
    """Finding 23: 403 on the list, 404 on a review, and nothing to tell them apart or to say why. Both now
    say why in the same words; a review of this partnership, of another, and an address of no review
    answer the same 404 page."""
    import uuid

    ours = ReviewFactory(partnership=partnership_a)
    theirs = ReviewFactory(partnership=partnership_b)
    client.force_login(bob)
    listed = client.get(reverse("reviews:list", args=[partnership_a.slug]))
    assert listed.status_code == 403
    why = "Case reviews, cases and people are not shown to you"
    assert why in listed.content.decode()
    pages = [client.get(reverse("reviews:detail", args=[pk])) for pk in (ours.pk, theirs.pk, uuid.uuid4())]
    assert {p.status_code for p in pages} == {404}
    bodies = {p.content.decode().split("<main", 1)[1].split("</main>", 1)[0] for p in pages}
    assert len(bodies) == 1, "the answer says nothing of whether, or where, the review exists"
    assert why in bodies.pop()

"""Walkthrough 9's findings on the publication pages (docs/walkthrough-9.md): lifting a hold tells those told
of it (finding 7), the anonymised draft says when it was made and which text it is (13), a lifted hold's page
and the reviewer told of publication (21)."""

import html
import re
from datetime import date
from io import BytesIO

import pytest
from django.core import mail
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.notifications.models import Notification
from casereview.publication import services as service
from casereview.publication.models import ReplacementTerm, TermStatus
from casereview.reviews.models import ReviewType
from casereview.reviews.services import reviewer_appoint
from casereview.testing import IncidentFactory, ReviewFactory, member

from .test_publication import PUBLISH_ON, REPORT, decide_all, ready_for_publication
from .test_walkthrough_8 import uploaded

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")  # identity: Rosie Example
    return ReviewFactory(
        partnership=partnership_a, incident=incident, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW
    )


def _reviewer(alice, review, partnership):
    reviewer = member(partnership, Role.REVIEWER, username="rita", email="rita@example.org")
    reviewer_appoint(actor=alice, review=review, user=reviewer, appointed_on=date(2025, 1, 6), declaration="None")
    return reviewer


def test_lifting_a_hold_emails_those_told_of_it_and_not_the_person_who_put_it_on(
    client, alice, review, partnership_a, django_capture_on_commit_callbacks
):
    reviewer = _reviewer(alice, review, partnership_a)
    other_manager = member(partnership_a, Role.BUSINESS_MANAGER, username="maud", email="maud@example.org")
    alice.email = "alice@example.org"
    alice.save()
    with django_capture_on_commit_callbacks(execute=True):
        hold = service.hold_place(actor=alice, review=review, reason="Criminal proceedings")
    told = sorted(address for message in mail.outbox for address in message.to)
    assert told == ["maud@example.org", "rita@example.org"]  # not alice, who put it on
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        service.hold_lift(actor=other_manager, hold=hold, reason="The trial ended")
    lifted = [(m.subject, m.to) for m in mail.outbox]
    assert lifted == [("casereview: The hold on publication was lifted", ["rita@example.org"])]
    client.force_login(reviewer)
    home = client.get("/").content.decode()
    assert home.count("The hold on publication was lifted — Child R") == 1
    assert "Publication of a review is on hold" not in home
    assert not Notification.objects.filter(recipient=alice).exists()


def test_a_lifted_holds_page_says_why_it_was_held(client, alice, review):
    hold = service.hold_place(actor=alice, review=review, reason="Criminal proceedings")
    client.force_login(alice)
    url = reverse("publication:hold_detail", args=[hold.pk])
    assert ">Why<" in client.get(url).content.decode()
    service.hold_lift(actor=alice, hold=hold, reason="The trial ended")
    page = client.get(url).content.decode()
    assert ">Why it was held<" in page and ">Why<" not in page and "Why it was lifted" in page


def test_the_draft_says_when_it_was_made_and_which_text_it_is_in_the_file_its_name_and_title(client, alice, review):
    from docx import Document
    from pypdf import PdfReader

    uploaded(alice, review)
    decide_all(alice, review, **{"Rosie Example": (TermStatus.ACCEPTED, "Child R")})
    fingerprint = service.text_digest(service.current_text(review))[:8]
    client.force_login(alice)
    docx = client.get(reverse("publication:draft_docx", args=[review.pk]))
    pdf = client.get(reverse("publication:draft_pdf", args=[review.pk]))
    for response, extension in ((docx, "docx"), (pdf, "pdf")):
        name = re.search(r'filename="([^"]+)"', response["Content-Disposition"]).group(1)
        assert re.fullmatch(rf"Child R - anonymised draft \d{{4}}-\d\d-\d\d \d{{4}} {fingerprint}\.{extension}", name)
    word = Document(BytesIO(docx.content))
    paragraphs = " ".join(p.text for p in word.paragraphs)
    assert re.search(rf"Made on \d+ \w+ \d{{4}} at \d\d:\d\d\. Text fingerprint {fingerprint}", paragraphs)
    assert fingerprint in word.core_properties.title and "Child R" in word.core_properties.title
    reader = PdfReader(BytesIO(pdf.content))
    assert f"Text fingerprint {fingerprint}" in " ".join(p.extract_text() for p in reader.pages).replace("\n", " ")
    assert fingerprint in reader.metadata.title

    decide_all(alice, review, **{"Rosie Example": (TermStatus.ACCEPTED, "the girl")})
    again = client.get(reverse("publication:draft_docx", args=[review.pk]))
    assert fingerprint not in again["Content-Disposition"]


def test_the_independent_reviewer_is_told_when_the_report_is_published(client, alice, review, partnership_a):
    reviewer = _reviewer(alice, review, partnership_a)
    ready_for_publication(alice, review, **{"Rosie Example": (TermStatus.ACCEPTED, "Child R")})
    service.review_publish(actor=alice, review=review, publication_date=PUBLISH_ON)
    client.force_login(reviewer)
    assert "The report was published — Child R" in client.get("/").content.decode()


# --- finding 17: "Add a detail the detector missed" ------------------------------------------------------


def _add(client, review, **data):
    return html.unescape(client.post(reverse("publication:term_add", args=[review.pk]), data).content.decode())


def test_a_detail_not_in_the_report_is_refused_and_says_so(client, alice, review):
    from django.core.exceptions import ValidationError

    uploaded(alice, review)
    with pytest.raises(ValidationError, match="does not occur in the report"):
        service.term_add(actor=alice, review=review, original="Peckham Rye", type="PLACE")
    client.force_login(alice)
    page = _add(client, review, original="Peckham Rye", type="PLACE", replacement="")
    assert "There is a problem" in page
    assert "“Peckham Rye” does not occur in the report" in page
    assert not ReplacementTerm.objects.filter(original="Peckham Rye").exists()


def test_what_it_is_has_no_preset_choice_and_an_empty_form_gets_the_error_summary(client, alice, review):
    uploaded(alice, review)
    client.force_login(alice)
    form = client.get(reverse("publication:anonymise", args=[review.pk])).content.decode()
    add = form.split('id="add-detail"', 1)[1]
    assert '<option value="" selected>Choose what it is</option>' in add
    assert " required" not in add.split("</form>", 1)[0]
    page = _add(client, review, original="", type="", replacement="")
    summary = page.split('class="govuk-error-summary"', 1)[1].split("</ul>", 1)[0]
    assert 'href="#id_original">Enter the word or phrase to replace' in summary
    assert 'href="#id_type">Choose what the detail is' in summary


def test_a_blank_replacement_gets_the_suggestion_the_hint_promises(client, alice, review):
    from casereview.publication.models import ReplacementTerm as Term

    uploaded(alice, review, text=REPORT + "\n\nThe neighbour, Alan Brook, called the police.")
    used = set(Term.objects.filter(review=review).values_list("replacement", flat=True))
    term = service.term_add(actor=alice, review=review, original="Alan Brook", type="PERSON")
    assert term.replacement.startswith("Person ") and term.replacement not in used
    assert term.replacement == "Person A" or "Person A" in used

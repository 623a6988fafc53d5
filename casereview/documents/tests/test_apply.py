"""Adding a checked document's items to a review."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casereview.audit.models import AuditEvent
from casereview.documents import services as doc_services
from casereview.reviews.models import LearningPoint
from casereview.testing import (
    AgencyFactory,
    ReviewFactory,
    document_in,
)

pytestmark = pytest.mark.django_db


def test_applying_a_document_twice_adds_its_learning_once(partnership_a, alice):
    review = ReviewFactory(partnership=partnership_a)
    document = document_in(partnership_a)
    decisions = {str(i.pk): ("accepted", i.text) for i in document.items.all()}
    doc_services.document_apply(actor=alice, document=document, decisions=decisions, review=review)
    document.refresh_from_db()
    assert document.status == "applied"
    with pytest.raises(ValidationError, match="already been added"):
        doc_services.document_apply(actor=alice, document=document, decisions=decisions, review=review)
    assert LearningPoint.objects.filter(review=review).count() == 2, "applied twice: learning points duplicated"


def test_a_document_not_yet_read_cannot_be_added_to_a_review(partnership_a, alice):
    review = ReviewFactory(partnership=partnership_a)
    document = document_in(partnership_a, status="queued", text="")
    document.items.all().delete()
    with pytest.raises(ValidationError, match="not been read yet"):
        doc_services.document_apply(actor=alice, document=document, decisions={}, review=review)
    document.refresh_from_db()
    assert document.status != "applied", "a document not yet read was marked applied; extraction will now skip it"


def test_a_malformed_review_choice_on_the_check_page_is_answered_with_the_page(client, partnership_a, alice):
    document = document_in(partnership_a)
    client.raise_request_exception = False
    client.force_login(alice)
    data = {f"decision-{i.pk}": "accepted" for i in document.items.all()}
    data["review"] = "not-a-uuid"
    response = client.post(reverse("documents:check", args=[document.pk]), data)
    assert response.status_code != 500, "a non-UUID review id crashes the page"


def test_a_review_made_from_a_document_keeps_the_agencies_it_names(partnership_a, partnership_b, alice):
    police = AgencyFactory(partnership=partnership_a, name="Northshire Police", sector="police")
    AgencyFactory(partnership=partnership_b, name="Another Police", sector="police")
    AgencyFactory(partnership=partnership_a, name="Acute Hospital Trust", sector="health")
    AgencyFactory(partnership=partnership_a, name="Community Health Trust", sector="health")
    document = document_in(partnership_a)
    document.agencies_found = ["police", "health", "housing"]
    document.dates_found = {"published": "June 2024"}
    document.save()
    decisions = {str(i.pk): ("accepted", i.text) for i in document.items.all()}

    review = doc_services.document_apply(
        actor=alice, document=document, decisions=decisions, new_review_title="Child V"
    )

    # one police agency: it is the one; two health agencies: a person chooses, and the audit says which sectors
    assert list(review.agencies.all()) == [police]
    assert "not matched to one of the partnership's agencies: health, housing" in review.stage_changes.get().note


def test_a_review_made_from_a_document_with_no_publication_date_is_not_marked_published(partnership_a, alice):
    document = document_in(partnership_a)
    document.dates_found = {"incident": "March 2023"}
    document.themes_found = ["neglect"]
    document.save()
    decisions = {str(i.pk): ("accepted", i.text) for i in document.items.all()}

    review = doc_services.document_apply(
        actor=alice, document=document, decisions=decisions, new_review_title="Child W"
    )

    review.refresh_from_db()
    assert review.stage != "published" and review.published_on is None, "an unpublished paper published a review"
    assert str(review.decided_on) == "2023-03-01"  # the incident's date, not today
    assert "Neglect" in {theme.name for theme in review.themes.all()}
    assert AuditEvent.objects.filter(object_id=str(review.pk), reason__contains="incident: 01 March 2023").exists()

"""Adding a checked document's items to a review."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casereview.documents import services as doc_services
from casereview.reviews.models import LearningPoint
from casereview.testing import (
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

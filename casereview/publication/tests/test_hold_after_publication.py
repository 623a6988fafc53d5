"""A hold placed after the report is out cannot hold it: probe 16 found it placed and answered "Publication is
on hold." for a review published moments before, and the publication page still offering it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casereview.publication import services as service
from casereview.publication.models import PublicationHold
from casereview.testing import publication_in

pytestmark = pytest.mark.django_db


def test_a_hold_on_a_published_review_is_refused_and_not_offered(client, alice, partnership_a):
    review = publication_in(partnership_a).review
    with pytest.raises(ValidationError, match="was published on 2 June 2025: publication can no longer be held"):
        service.hold_place(actor=alice, review=review, reason="Criminal proceedings")
    client.force_login(alice)
    response = client.post(
        reverse("publication:hold", args=[review.pk]), {"reason": "Criminal proceedings"}, follow=True
    )
    assert "publication can no longer be held" in response.content.decode()
    # walkthrough 11, finding 14: said before the form, with what to do
    shown = client.get(reverse("publication:hold", args=[review.pk]), follow=True).content.decode()
    assert "Why is publication held?" not in shown and "publication can no longer be held" in shown
    assert "takes it off there: casereview cannot withdraw it." in shown.replace("&#x27;", "'")
    assert not PublicationHold.objects.unscoped().filter(review=review).exists()
    page = client.get(reverse("publication:overview", args=[review.pk])).content.decode()
    assert reverse("publication:hold", args=[review.pk]) not in page

import pytest
from django.test import override_settings
from django.urls import reverse

from casereview.testing import ReviewFactory

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_a_record_not_shown_is_our_own_page_not_found_even_in_development(client, bob, partnership_a):
    """Walkthrough 9, finding 11: the demo runs with DEBUG on, and a viewer's link to a review showed Django's
    debugging page with every address of the application."""
    review = ReviewFactory(partnership=partnership_a)
    client.force_login(bob)
    response = client.get(reverse("reviews:detail", args=[review.pk]))
    assert response.status_code == 404
    text = response.content.decode()
    assert "Page not found" in text
    assert "Go to your home page" in text
    assert "Case reviews, cases and people are not shown to you" in text
    assert "URLconf" not in text

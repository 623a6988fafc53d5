"""A form sent with more than casereview reads at once (DATA_UPLOAD_MAX_MEMORY_SIZE, or more fields than
DATA_UPLOAD_MAX_NUMBER_FIELDS) gets a page that says what happened, in development too (fixsmall11's probe:
the demo, with DEBUG on, answered it with Django's debugging page, its traceback and settings; production
with a bare "Bad Request (400)")."""

import pytest
from django.test import override_settings
from django.urls import reverse

from casereview.reviews.models import LearningPoint
from casereview.testing import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [True, False], ids=["development", "production"])
@pytest.mark.parametrize(
    "data",
    [{"text": "y" * (3 * 1024 * 1024)}, {f"field{n}": "x" for n in range(1200)}],
    ids=["too large", "too many fields"],
)
def test_a_form_sent_with_too_much_is_refused_plainly_and_nothing_is_saved(client, alice, partnership_a, debug, data):
    review = ReviewFactory(partnership=partnership_a)
    client.force_login(alice)
    with override_settings(DEBUG=debug):
        response = client.post(reverse("reviews:learning_point_add", args=[review.pk]), data)
    text = response.content.decode()
    assert response.status_code == 400
    assert "More was sent than casereview can read at once" in text
    assert "Nothing on the form has been saved" in text and "Go to your home page" in text
    assert "Traceback" not in text and "DATA_UPLOAD_MAX" not in text and "Bad Request (400)" not in text
    assert not LearningPoint.objects.unscoped().filter(review=review).exists()

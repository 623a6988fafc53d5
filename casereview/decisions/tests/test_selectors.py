"""Reads of rapid reviews and decisions: the outsider sees none; the chair's queue shows what awaits them."""

import pytest

from casereview.decisions import selectors
from casereview.testing import InformationRequestFactory, RapidReviewFactory

pytestmark = pytest.mark.django_db


def test_the_outsider_sees_nothing_of_another_partnerships_case(partnership_a, charlie):
    request = InformationRequestFactory(rapid_review__incident__partnership=partnership_a)
    incident = request.rapid_review.incident
    assert not selectors.open_rapid_reviews(user=charlie, partnership=partnership_a).exists()
    assert not selectors.unanswered_requests(user=charlie, partnership=partnership_a).exists()
    progress = selectors.case_progress(user=charlie, incident=incident)
    assert progress.rapid_review is None and progress.requests == [] and progress.review is None


def test_a_case_reader_follows_the_case(partnership_a, dora):
    rapid_review = RapidReviewFactory(incident__partnership=partnership_a)
    assert list(selectors.open_rapid_reviews(user=dora, partnership=partnership_a)) == [rapid_review]
    assert selectors.case_progress(user=dora, incident=rapid_review.incident).rapid_review == rapid_review

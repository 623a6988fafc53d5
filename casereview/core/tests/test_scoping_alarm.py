"""The scoping alarm (on in the test settings): a list of partnership records read by the application
without deciding whose records it may hold fails loudly, so a forgotten visible_to() cannot ship."""

import pytest

from casereview.core.scoping import UnscopedQuery
from casereview.reviews.models import Review
from casereview.testing import ChronologyEntryFactory, ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def alarm_on(settings):
    settings.CASEREVIEW_SCOPING_ALARM = True


def as_application_code(source, **names):
    """Run `source` as if it were written in an app module (tests themselves may read anything)."""
    namespace = dict(names)
    exec(compile(source, "/srv/casereview/reviews/selectors.py", "exec"), namespace)  # noqa: S102
    return namespace.get("result")


def test_reading_a_scoped_model_without_visible_to_fails(partnership_a):
    ReviewFactory(partnership=partnership_a)
    for read in ("list(Review.objects.all())", "Review.objects.filter(title='x').exists()", "Review.objects.count()"):
        with pytest.raises(UnscopedQuery, match="reviews was read without visible_to"):
            as_application_code(read, Review=Review)


def test_visible_to_or_an_explicit_unscoped_lets_it_through(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    assert as_application_code("result = list(Review.objects.visible_to(user))", Review=Review, user=alice) == [review]
    assert as_application_code("result = Review.objects.unscoped().filter(pk=pk).count()", Review=Review, pk=review.pk)


def test_the_parts_of_a_record_already_fetched_need_no_second_decision(partnership_a):
    entry = ChronologyEntryFactory(review=ReviewFactory(partnership=partnership_a))
    result = as_application_code("result = list(review.chronology.all())", review=entry.review)
    assert result == [entry]

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


def as_application_code(source, filename="/srv/casereview/reviews/selectors.py", **names):
    """Run `source` as if it were written in an app module (tests themselves may read anything)."""
    namespace = dict(names)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102
    return namespace.get("result")


def test_reading_a_scoped_model_without_visible_to_fails(partnership_a):
    ReviewFactory(partnership=partnership_a)
    for read in ("list(Review.objects.all())", "Review.objects.filter(title='x').exists()", "Review.objects.count()"):
        with pytest.raises(
            UnscopedQuery, match="reviews was read without visible_to.* at casereview/reviews/selectors"
        ):
            as_application_code(read, Review=Review)


def test_a_list_built_without_a_scope_is_caught_wherever_it_is_read(partnership_a):
    """The mistake is where the list is built: a test, a template or Django's own machinery reading it
    must not hide it."""
    from django.core import serializers

    ReviewFactory(partnership=partnership_a)
    for read in (list, lambda reviews: serializers.serialize("json", reviews), lambda reviews: reviews.delete()):
        built = as_application_code("result = Review.objects.filter(title__isnull=False)", Review=Review)
        with pytest.raises(UnscopedQuery, match="built at casereview/reviews/selectors.py:1"):
            read(built)
    assert Review.objects.count() == 1


def test_visible_to_or_an_explicit_unscoped_lets_it_through(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    assert as_application_code("result = list(Review.objects.visible_to(user))", Review=Review, user=alice) == [review]
    assert as_application_code("result = Review.objects.unscoped().filter(pk=pk).count()", Review=Review, pk=review.pk)


def test_the_parts_of_a_record_already_fetched_need_no_second_decision(partnership_a):
    entry = ChronologyEntryFactory(review=ReviewFactory(partnership=partnership_a))
    result = as_application_code("result = list(review.chronology.all())", review=entry.review)
    assert result == [entry]


def test_a_checkout_in_a_folder_called_tests_is_still_application_code(partnership_a, monkeypatch):
    from casereview.core import scoping

    ReviewFactory(partnership=partnership_a)
    monkeypatch.setattr(scoping, "_ROOT", "/builds/tests/")
    with pytest.raises(UnscopedQuery, match="at casereview/reviews/selectors.py:1"):
        as_application_code("Review.objects.count()", "/builds/tests/casereview/reviews/selectors.py", Review=Review)

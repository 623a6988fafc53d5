"""Reads of reviews: each starts from what the person may see, so an outsider gets nothing back even when
they ask for another partnership's review by name."""

import datetime

import pytest

from casereview.reviews import selectors
from casereview.testing import (
    AgencyContributionFactory,
    ChronologyEntryFactory,
    LearningPointFactory,
    RecommendationFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child R", subjects="neglect, missing from care")
    contribution = AgencyContributionFactory(review=review)
    ChronologyEntryFactory(contribution=contribution, review=review, agency=contribution.agency)
    LearningPointFactory(review=review, text="Professional curiosity was missing")
    RecommendationFactory(review=review)
    return review


def test_the_outsider_sees_nothing_of_another_partnerships_review(review, charlie):
    assert not selectors.review_list(user=charlie, partnership=review.partnership).exists()
    assert not selectors.contributions_for(user=charlie, review=review).exists()
    assert not selectors.merged_chronology(user=charlie, review=review).exists()
    assert list(selectors.event_types_in(user=charlie, review=review)) == []
    assert selectors.findings_for(user=charlie, review=review) == ([], [])


def test_a_case_reader_sees_the_review_and_its_chronology(review, dora):
    assert list(selectors.review_list(user=dora, partnership=review.partnership)) == [review]
    assert selectors.merged_chronology(user=dora, review=review).count() == 1
    points, recommendations = selectors.findings_for(user=dora, review=review)
    assert [p.text for p in points] == ["Professional curiosity was missing"] and len(recommendations) == 1


def test_the_review_list_searches_titles_and_subjects_and_filters_by_stage(review, alice, partnership_a):
    other = ReviewFactory(partnership=partnership_a, title="Child S", decided_on=datetime.date(2025, 1, 5))
    assert list(selectors.review_list(user=alice, partnership=partnership_a, query="missing")) == [review]
    assert list(selectors.review_list(user=alice, partnership=partnership_a, query="child s")) == [other]
    assert not selectors.review_list(user=alice, partnership=partnership_a, stage="published").exists()


def test_a_confidential_review_is_hidden_from_a_panel_member_not_on_its_panel(partnership_a, dora):
    ReviewFactory(partnership=partnership_a, is_confidential=True)
    assert not selectors.review_list(user=dora, partnership=partnership_a).exists()


def test_each_contribution_says_how_many_chronology_events_it_brought(review, alice):
    (first,) = review.contributions.all()
    ChronologyEntryFactory(contribution=first)
    silent = AgencyContributionFactory(review=review)
    counts = {c.pk: c.events for c in selectors.contributions_for(user=alice, review=review)}
    assert counts == {first.pk: 2, silent.pk: 0}

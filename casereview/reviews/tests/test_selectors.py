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


def test_the_chronology_counted_once_gives_what_each_count_gave_on_its_own(review, alice, partnership_a):
    from casereview.testing import AgencyFactory

    (first,) = review.contributions.all()
    other = AgencyContributionFactory(review=review, agency=AgencyFactory(partnership=partnership_a, name="Police"))
    for contribution, event_type, day in [
        (first, "Home visit", datetime.date(2015, 1, 5)),
        (first, "Strategy meeting", datetime.date(2015, 6, 1)),
        (other, "Home visit", datetime.date(2016, 2, 2)),
        (other, "Missing episode", datetime.date(2016, 2, 2)),
    ]:
        ChronologyEntryFactory(contribution=contribution, event_type=event_type, event_date=day)
    summary = selectors.chronology_summary(user=alice, review=review)
    assert summary.total == 5
    assert summary.event_types == selectors.event_types_in(user=alice, review=review)
    assert list(selectors.chronology_agencies(user=alice, review=review, summary=summary)) == list(
        selectors.chronology_agencies(user=alice, review=review).order_by("name")
    )
    assert selectors.derived_facts(user=alice, review=review, summary=summary) == selectors.derived_facts(
        user=alice, review=review
    )
    timeline = selectors.timeline_series(user=alice, review=review, summary=summary)
    assert timeline == selectors.timeline_series(user=alice, review=review)
    assert timeline["years"] == [2014, 2015, 2016]
    assert {s["agency"]: s["counts"] for s in timeline["series"]}["Police"] == [0, 0, 2]


def test_the_chronology_page_counts_all_entries_or_the_filtered_ones(client, review, alice):
    from django.urls import reverse

    ChronologyEntryFactory(contribution=review.contributions.get(), event_type="Strategy meeting")
    client.force_login(alice)
    url = reverse("reviews:chronology", args=[review.pk])
    assert client.get(url).context["page"].paginator.count == 2
    assert client.get(url, {"event_type": "Strategy meeting"}).context["page"].paginator.count == 1

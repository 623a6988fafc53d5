"""The chronology's counts by event type, agency and year (ChronologyTally) are kept by the database as
entries are inserted, changed and deleted, whatever writes them; the merged chronology reads them."""

import datetime
from collections import Counter

import pytest
from django.db.models import Count
from django.urls import reverse

from casereview.reviews.models import ChronologyEntry, ChronologyTally
from casereview.testing import AgencyContributionFactory, AgencyFactory, ChronologyEntryFactory, ReviewFactory

pytestmark = pytest.mark.django_db(transaction=False)


def _kept(review):
    return Counter(
        {
            (agency, kind, year): n
            for agency, kind, year, n in ChronologyTally.objects.unscoped()
            .filter(review=review)
            .values_list("agency__name", "event_type", "year", "n")
        }
    )


def _counted(review):
    return Counter(
        {
            (agency, kind, year): n
            for agency, kind, year, n in ChronologyEntry.objects.unscoped()
            .filter(review=review)
            .values_list("agency__name", "event_type", "sort_date__year")
            .annotate(n=Count("id"))
            .order_by()
        }
    )


def test_the_counts_follow_the_entries_however_they_are_written(partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    police = AgencyContributionFactory(review=review, agency=AgencyFactory(partnership=partnership_a, name="Police"))
    health = AgencyContributionFactory(review=review, agency=AgencyFactory(partnership=partnership_a, name="Health"))
    ChronologyEntryFactory.create_batch(3, contribution=police, event_date=datetime.date(2024, 3, 1))
    ChronologyEntry.objects.bulk_create(  # as an import writes them
        ChronologyEntry(
            contribution=health,
            review=review,
            agency=health.agency,
            event_date=datetime.date(2023, 5, day),
            sort_date=datetime.date(2023, 5, day),
            event_type="GP appointment",
            description="Seen by the GP.",
        )
        for day in (1, 2)
    )
    assert _kept(review) == {("Police", "Home visit", 2024): 3, ("Health", "GP appointment", 2023): 2}

    moved = ChronologyEntry.objects.filter(contribution=police).first()
    moved.sort_date = datetime.date(2025, 1, 6)  # a corrected date in another year
    moved.save()
    moved.description = "Corrected wording."  # no count changes
    moved.save()
    ChronologyEntry.objects.filter(contribution=health).update(event_type="Strategy meeting")
    ChronologyEntry.objects.filter(contribution=police, sort_date__year=2024).first().delete()
    assert (
        _kept(review)
        == _counted(review)
        == {
            ("Police", "Home visit", 2024): 1,
            ("Police", "Home visit", 2025): 1,
            ("Health", "Strategy meeting", 2023): 2,
        }
    )

    ChronologyEntry.objects.filter(contribution=health).delete()  # an import replacing an agency's rows
    assert _kept(review) == _counted(review) == {("Police", "Home visit", 2024): 1, ("Police", "Home visit", 2025): 1}
    assert not ChronologyTally.objects.unscoped().filter(n__lte=0).exists()


def test_the_merged_chronology_counts_from_the_kept_counts(client, alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    police = AgencyContributionFactory(review=review, agency=AgencyFactory(partnership=partnership_a, name="Police"))
    ChronologyEntryFactory.create_batch(3, contribution=police, event_date=datetime.date(2024, 3, 1))
    ChronologyEntryFactory.create_batch(2, contribution=police, event_type="Missing episode")
    client.force_login(alice)
    url = reverse("reviews:chronology", args=[review.pk])
    page = client.get(url).content.decode()
    assert "5 events" in page
    assert 'id="fact-missing-episodes">2<' in page
    assert '<option value="Missing episode"' in page
    ChronologyEntry.objects.filter(event_type="Missing episode").delete()
    page = client.get(url).content.decode()
    assert "3 events" in page
    assert 'id="fact-missing-episodes">0<' in page
    assert '<option value="Missing episode"' not in page  # nor among the filter's event types

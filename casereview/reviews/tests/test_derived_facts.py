"""The counts on the merged chronology page are of distinct episodes: an episode two agencies recorded
counts once when a person confirms it, is flagged while unconfirmed, and each count opens its events."""

import re
from datetime import date

from django.urls import reverse

from casereview.accounts.models import Role
from casereview.reviews import chronology, services
from casereview.testing import AgencyContributionFactory, AgencyFactory, ChronologyEntryFactory, ReviewFactory, member


def missing_fact(page):
    return re.search(r'id="fact-missing-episodes">(\d+)<', page).group(1)


def test_a_missing_episode_two_agencies_recorded_counts_once_after_a_person_confirms_it(client, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    csc = AgencyContributionFactory(review=review, agency=AgencyFactory(partnership=partnership_a, name="CSC"))
    police = AgencyContributionFactory(review=review, agency=AgencyFactory(partnership=partnership_a, name="Police"))
    day = date(2013, 7, 5)
    for contribution, text in [
        (csc, "R missing from placement overnight; reported to police"),
        (police, "Missing person report: R missing from care, found next day"),
    ]:
        ChronologyEntryFactory(
            contribution=contribution,
            event_type=chronology.MISSING_EPISODE,
            event_date=day,
            sort_date=day,
            description=text,
        )
    ChronologyEntryFactory(contribution=csc, event_type=chronology.PLACEMENT_START, description="Placed with carers")
    services.duplicates_refresh(review=review)
    client.force_login(member(partnership_a, Role.PANEL_MEMBER))
    url = reverse("reviews:chronology", args=[review.pk])

    page = client.get(url).content.decode()
    assert missing_fact(page) == "2"
    assert "1 may be recorded twice" in page
    assert "placement</a> (0 moves)" in page  # one placement, not "1 placements"

    pair = review.duplicate_pairs.get()
    client.post(reverse("reviews:duplicate_judge", args=[pair.pk]), {"status": "linked", "next": url})
    page = client.get(url).content.decode()
    assert missing_fact(page) == "1"
    assert "may be recorded twice" not in page


def test_each_count_links_to_the_events_behind_it(client, alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    csc = AgencyContributionFactory(review=review)
    ChronologyEntryFactory(contribution=csc, event_type=chronology.MISSING_EPISODE, description="R missing overnight")
    ChronologyEntryFactory(contribution=csc, event_type="Home visit", description="Visit at home")
    client.force_login(alice)
    page = client.get(reverse("reviews:chronology", args=[review.pk])).content.decode()
    link = re.search(r'href="([^"]+)">missing episode</a>', page).group(1).replace("&amp;", "&")
    events = client.get(link).content.decode()
    assert "R missing overnight" in events and "Visit at home" not in events

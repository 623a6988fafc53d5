"""The due list a page at a time: each page is the whole list's, in its order, across a page boundary that
falls inside a day of many deadlines; the totals are the whole list's; only the list up to the page asked
for is built, with as many queries for 40 deadlines as for 3."""

import html
import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from casereview.reporting import selectors
from casereview.testing import ActionFactory, AgencyContributionFactory, AgencyFactory, ReviewFactory

pytestmark = pytest.mark.django_db

ROW = re.compile(
    r'<tr class="govuk-table__row">\s*<td class="govuk-table__cell">[^<]*</td>\s*'
    r'<td class="govuk-table__cell"><a class="govuk-link" href="([^"]*)">([^<]*)</a>'
)


@pytest.fixture
def busy(partnership_a):
    """Two running reviews (three milestones each) and reviews monitoring their action plans (none) waiting on
    contributions and actions, many of them due on the same two days, one of them today, and the same
    agency and kind due the same day more than once (so only the key tells them apart)."""
    today = timezone.localdate()
    police, health = (AgencyFactory(partnership=partnership_a, name=n) for n in ("Police", "Health"))
    for title, decided, target in (("Child T", -200, 20), ("Child U", -30, 100)):
        ReviewFactory(
            partnership=partnership_a,
            title=title,
            decided_on=today + timedelta(days=decided),
            target_completion=today + timedelta(days=target),
        )
    plan, *others = (ReviewFactory(partnership=partnership_a, title=f"Child {t}", stage="action_plan") for t in "PQRS")
    days = [-30, -9, -9, -9, -9, -9, -9, -2, 0, 0, 0, 0, 0, 0, 3, 5]
    # each review asks each agency for each kind once: 16, the same agency and kind often due the same day
    asked = [
        (review, agency, kind)
        for kind in ("chronology", "agency_report")
        for agency in (police, health)
        for review in (plan, *others)
    ]
    for (review, agency, kind), offset in zip(asked, days, strict=True):
        AgencyContributionFactory(review=review, agency=agency, kind=kind, due_date=today + timedelta(days=offset))
    for n, offset in enumerate(days + [-9, 0, 2]):
        ActionFactory(
            review=plan,
            number=n + 1,
            owner_agency=health if n % 2 else police,
            description=f"Step {n % 4}",
            status="at_risk" if n % 2 else "on_track",
            due_date=today + timedelta(days=offset),
        )
    ActionFactory(review=plan, number=90, status="closed", due_date=today - timedelta(days=9))  # not due
    ActionFactory(review=plan, number=91, due_date=today + timedelta(days=120))  # too far off to list
    return partnership_a


def _rows(page):
    return [(href, html.unescape(what)) for href, what in ROW.findall(page)]


def test_the_pages_together_are_the_whole_list_in_its_order(client, alice, busy, settings):
    settings.CASEREVIEW_PAGE_SIZE = 7
    whole = selectors.deadlines_for(user=alice, partnership=busy)
    assert len(whole) == 6 + 16 + 19
    overdue = sum(1 for d in whole if d.is_overdue)
    client.force_login(alice)
    url = reverse("reporting:deadlines", args=[busy.slug])
    shown = []
    for number in range(1, 7):  # 41 deadlines: five pages of 7 and one of 6
        page = client.get(url, {"page": number}).content.decode()
        rows = _rows(page)
        assert len(rows) == (7 if number < 6 else 6)
        assert f"{len(whole)} open deadlines" in page and f"{overdue} overdue" in page
        shown += rows
    assert shown == [(d.url, d.what) for d in whole]
    # the list's own order: by day, then what is due, then the key
    assert [(d.due, d.what, d.key) for d in whole] == sorted((d.due, d.what, d.key) for d in whole)
    # a page boundary falls inside the nine days with several deadlines
    assert whole[6].due == whole[7].due or whole[13].due == whole[14].due
    # past the end, the last page; nonsense, the first
    assert _rows(client.get(url, {"page": 40}).content.decode()) == shown[35:]
    assert _rows(client.get(url, {"page": "two"}).content.decode()) == shown[:7]


def test_the_first_deadlines_are_the_lists_beginning_for_any_length(alice, busy, monkeypatch):
    """With the actions' cap inside a day of several actions due (the soonest 9 of 19 are listed)."""
    monkeypatch.setattr(selectors, "ACTIONS_LISTED", 9)
    whole = selectors.deadlines_for(user=alice, partnership=busy)
    assert sum(1 for d in whole if d.key.startswith("action:")) == 9
    for first in range(1, len(whole) + 3):
        found = selectors.first_deadlines(user=alice, partnership=busy, first=first)
        assert [d.key for d in found.deadlines] == [d.key for d in whole[:first]]
        assert found.total == len(whole)
        assert found.overdue == sum(1 for d in whole if d.is_overdue)


def test_a_page_builds_the_list_only_up_to_itself_in_as_many_queries_however_long(
    client, alice, charlie, busy, partnership_b, monkeypatch
):
    built = []

    class Counted(selectors.Deadline):
        __slots__ = ()

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            built.append(self.key)

    whole_first = selectors.deadlines_for(user=alice, partnership=busy)[0]
    monkeypatch.setattr(selectors, "Deadline", Counted)
    found = selectors.first_deadlines(user=alice, partnership=busy, first=2)
    assert found.total == 41
    # of each kind of milestone (two each) both, then of each long kind its first two and those due the
    # same day: the contributions' second is due 9 days ago with five others; the actions' with six
    assert len(built) == 6 + (1 + 6) + (1 + 7)
    built.clear()
    found = selectors.first_deadlines(user=alice, partnership=busy, first=1)
    assert found.total == 41 and [d.key for d in found.deadlines] == [whole_first.key]
    assert len(built) == 3 + 1 + 1  # the soonest of each kind of milestone, contribution and action

    # the same page for a business manager of a partnership waiting on one contribution
    AgencyContributionFactory(review=ReviewFactory(partnership=partnership_b, stage="action_plan"))
    counts = []
    for person, partnership in ((alice, busy), (charlie, partnership_b)):
        client.force_login(person)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("reporting:deadlines", args=[partnership.slug])).content.decode()
        counts.append(len(queries.captured_queries))
    assert "1 open deadline<" in page
    assert counts[0] == counts[1]

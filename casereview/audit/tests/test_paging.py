"""The audit log pages through its two parts (the partnership's records' events and its people's sign-ins)
by where each page ends, so every event is shown once, newest first, however deep the reader goes."""

import html
import re

import pytest
from django.urls import reverse

from casereview.audit.models import AuditAction
from casereview.audit.selectors import audit_event_list
from casereview.audit.services import record_event
from casereview.testing import AgencyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail(alice, bob, partnership_a, partnership_b, charlie, settings):
    """Eight changes to the partnership's records with three of its members' sign-ins among them (and the
    business manager's own, when the test signs her in), and another partnership's events beside them."""
    settings.CASEREVIEW_PAGE_SIZE = 3
    agency = AgencyFactory(partnership=partnership_a)
    for n in range(8):
        record_event(actor=alice, action=AuditAction.UPDATE, obj=agency, reason=f"change {n}")
        if n % 3 == 0:
            record_event(actor=bob, action=AuditAction.LOGIN, object_repr=bob.username)
    record_event(actor=charlie, action=AuditAction.UPDATE, obj=AgencyFactory(partnership=partnership_b))
    record_event(actor=charlie, action=AuditAction.LOGIN, object_repr=charlie.username)


def whole_trail(alice, partnership):
    """The trail as one query gives it, newest first."""
    return list(audit_event_list(user=alice, partnership=partnership).order_by("-at", "-id"))


def pages(client, url, link="next"):
    """The events shown on each page, following the page's own links."""
    shown = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        shown.append([e.pk for e in response.context["page"].object_list])
        found = re.search(rf'href="([^"]*)" rel="{link}"', response.content.decode())
        url = reverse("audit:event_list", args=["southwark"]) + html.unescape(found.group(1)) if found else None
    return shown


def test_following_next_shows_every_event_once_newest_first(client, alice, partnership_a, trail):
    client.force_login(alice)
    shown = pages(client, reverse("audit:event_list", args=["southwark"]))
    expected = whole_trail(alice, partnership_a)
    assert [pk for page in shown for pk in page] == [e.pk for e in expected]
    assert len(expected) == 12 and [len(page) for page in shown] == [3, 3, 3, 3]
    assert {e.action for e in expected} == {AuditAction.UPDATE, AuditAction.LOGIN}


def test_previous_goes_back_through_the_same_pages(client, alice, trail):
    client.force_login(alice)
    url = reverse("audit:event_list", args=["southwark"])
    forward = pages(client, url)
    last = client.get(url)
    for _ in range(3):  # to the last page by its Next links
        found = re.search(r'href="([^"]*)" rel="next"', last.content.decode())
        last = client.get(url + html.unescape(found.group(1)))
    assert last.context["page"].number == 4 and "Page 4" in last.content.decode()
    assert 'rel="next"' not in last.content.decode()
    found = re.search(r'href="([^"]*)" rel="prev"', last.content.decode())
    backward = pages(client, url + html.unescape(found.group(1)), link="prev")
    assert backward == list(reversed(forward[:-1]))


def test_an_old_page_number_link_shows_the_same_events(client, alice, trail):
    client.force_login(alice)
    url = reverse("audit:event_list", args=["southwark"])
    forward = pages(client, url)
    assert [[e.pk for e in client.get(url, {"page": n}).context["page"].object_list] for n in (1, 2, 3, 4)] == forward
    past_the_end = client.get(url, {"page": 99}).context["page"]
    assert past_the_end.number == 1 and [e.pk for e in past_the_end.object_list] == forward[0]


@pytest.mark.parametrize("query", [{"after": "nonsense"}, {"before": "2025-13-01_x"}, {"after": "_"}])
def test_a_mangled_cursor_gives_the_first_page(client, alice, partnership_a, trail, query):
    client.force_login(alice)
    page = client.get(reverse("audit:event_list", args=["southwark"]), query).context["page"]
    assert [e.pk for e in page.object_list] == [e.pk for e in whole_trail(alice, partnership_a)[:3]]


def test_filters_carry_through_the_pages(client, alice, partnership_a, trail):
    client.force_login(alice)
    shown = pages(client, reverse("audit:event_list", args=["southwark"]) + "?action=login")
    sign_ins = [e.pk for e in whole_trail(alice, partnership_a) if e.action == AuditAction.LOGIN]
    assert [pk for page in shown for pk in page] == sign_ins and len(sign_ins) == 4


def test_events_at_the_same_moment_are_split_between_pages_without_loss(client, alice, partnership_a, settings):
    """Many events can share a timestamp (one import writes them together): the cursor's second key (the
    event's number) keeps the page break exact."""
    import datetime
    from unittest import mock

    settings.CASEREVIEW_PAGE_SIZE = 2
    agency = AgencyFactory(partnership=partnership_a)
    moment = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)
    with mock.patch("django.utils.timezone.now", return_value=moment):
        for n in range(5):
            record_event(actor=alice, action=AuditAction.UPDATE, obj=agency, reason=f"import row {n}")
    assert {e.at for e in whole_trail(alice, partnership_a)} == {moment}
    client.force_login(alice)
    shown = pages(client, reverse("audit:event_list", args=["southwark"]))
    assert [pk for page in shown for pk in page] == [e.pk for e in whole_trail(alice, partnership_a)]
    assert len({pk for page in shown for pk in page}) == 6  # five at one moment and the sign-in

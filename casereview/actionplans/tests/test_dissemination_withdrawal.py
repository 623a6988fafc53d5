"""A learning event recorded twice is withdrawn with a reason: it leaves the list and the year's figures
and stays in its history."""

from datetime import date

from django.urls import reverse

from casereview.actionplans.selectors import training_roll_up
from casereview.testing import DisseminationEventFactory


def test_a_learning_event_recorded_twice_leaves_the_list_and_the_years_figures(client, alice, partnership_a):
    DisseminationEventFactory(partnership=partnership_a, title="Cascade", held_on=date(2025, 5, 1), attendees=30)
    twice = DisseminationEventFactory(
        partnership=partnership_a, title="Cascade", held_on=date(2025, 5, 1), attendees=30
    )
    client.force_login(alice)
    url = reverse("actionplans:dissemination_event_withdraw", args=[twice.pk])
    assert "Withdraw Cascade?" in client.get(url).content.decode()
    assert "Say why" in client.post(url, {"reason": ""}).content.decode()
    client.post(url, {"reason": "Recorded twice"})

    roll_up = training_roll_up(user=alice, partnership=partnership_a, year=2025)
    assert [(row["events"], row["attendees"]) for row in roll_up.events_by_kind] == [(1, 30)]
    listing = client.get(reverse("actionplans:dissemination", args=[partnership_a.slug])).content.decode()
    assert "1 event<" in listing
    history = client.get(reverse("actionplans:dissemination_event_history", args=[twice.pk])).content.decode()
    assert "Recorded twice" in history and "Withdrawn on" in history


def test_another_partnerships_learning_event_cannot_be_withdrawn(client, charlie, partnership_a):
    event = DisseminationEventFactory(partnership=partnership_a)
    client.force_login(charlie)
    url = reverse("actionplans:dissemination_event_withdraw", args=[event.pk])
    assert client.post(url, {"reason": "x"}).status_code == 404
    event.refresh_from_db()
    assert not event.is_withdrawn

"""Reads of incidents and their notification duties: scoped to the person, searchable by what people type."""

import datetime

import pytest

from casereview.incidents import selectors
from casereview.testing import IncidentFactory, NotificationDutyFactory

pytestmark = pytest.mark.django_db


def test_the_outsider_sees_no_incident_or_duty_of_another_partnership(partnership_a, charlie):
    duty = NotificationDutyFactory(incident__partnership=partnership_a)
    assert not selectors.incident_list(user=charlie, partnership=partnership_a).exists()
    assert not selectors.open_duties(user=charlie, partnership=partnership_a).exists()
    assert not selectors.duties_for(user=charlie, incident=duty.incident).exists()


def test_a_viewer_sees_no_incident(partnership_a, bob):
    IncidentFactory(partnership=partnership_a)
    assert not selectors.incident_list(user=bob, partnership=partnership_a).exists()


def test_incidents_are_found_by_pseudonym_or_summary(partnership_a, dora):
    found = IncidentFactory(partnership=partnership_a, child_pseudonym="Child T", summary="A baby with a head injury")
    IncidentFactory(partnership=partnership_a, child_pseudonym="Child U", summary="A teenager missing from care")
    assert list(selectors.incident_list(user=dora, partnership=partnership_a, query="child t")) == [found]
    assert list(selectors.incident_list(user=dora, partnership=partnership_a, query="head injury")) == [found]


def test_a_sent_duty_is_no_longer_open(partnership_a, alice):
    owed = NotificationDutyFactory(incident__partnership=partnership_a)
    NotificationDutyFactory(incident__partnership=partnership_a, sent_on=datetime.date(2025, 5, 2))
    assert list(selectors.open_duties(user=alice, partnership=partnership_a)) == [owed]

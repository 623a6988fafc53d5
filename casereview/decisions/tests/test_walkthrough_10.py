"""Walkthrough 10's finding 13 (docs/walkthrough-10.md): the chair's decision page says what its button
does and reads naturally when empty, and the chair's home says which decisions are coming."""

import datetime
import html
import re

import pytest
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.testing import IncidentFactory, RapidReviewFactory, member, recommendation_in

pytestmark = pytest.mark.django_db


def _text(response):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.fixture
def chair(partnership_a):
    return member(partnership_a, Role.CHAIR, username="chair")


def test_the_decision_page_records_the_decision_and_says_what_is_missing_in_a_sentence(client, chair, partnership_a):
    recommendation = recommendation_in(partnership_a)
    client.force_login(chair)
    url = reverse("decisions:decide", args=[recommendation.incident.pk])
    form = client.get(url).content.decode()
    assert re.search(r"<button[^>]*>\s*Record the decision\s*</button>", form)
    assert not re.search(r"<button[^>]*>\s*Save\s*</button>", form)
    page = _text(client.post(url, {}))
    assert "Enter the date of the decision" in page and "Enter date of" not in page


def test_the_chairs_home_says_a_decision_is_coming_then_that_it_awaits_them(client, chair, partnership_a):
    from casereview.decisions.models import ReviewRecommendation

    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child S")
    RapidReviewFactory(incident=incident, due_date=datetime.date(2026, 12, 23))
    client.force_login(chair)
    home = _text(client.get("/"))
    assert "No decision awaits you yet." in home
    assert (
        "Decisions coming Child S : the rapid review is due 23 December 2026, then the subgroup's recommendation "
        "comes to you for your decision." in home
    )

    ReviewRecommendation.objects.create(
        incident=incident,
        outcome="local_review",
        rationale="Criteria met",
        made_on=datetime.date(2026, 12, 6),
        recorded_by=chair,
    )
    home = _text(client.get("/"))
    assert "Child S: decide whether to hold a review" in home
    assert re.search(r"Recommended on 6 December 2026: [A-Z][^.]+\. Read the rapid review", home), home
    assert "Decisions coming" not in home and "No decision awaits you" not in home

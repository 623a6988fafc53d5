"""The due list's steps of a case (duties, rapid reviews, their requests, recommendations, the chair's
decisions and the national panel's responses), read together in one query: each says what is due, for
whom and when, and the list costs the same queries for one case as for several."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.core.working_days import add_working_days
from casereview.reporting import selectors
from casereview.testing import (
    AgencyFactory,
    IncidentFactory,
    InformationRequestFactory,
    NotificationDutyFactory,
    RapidReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

RAPID_REVIEW_DUE = datetime.date(2025, 5, 13)
SENT_TO_PANEL = datetime.date(2025, 5, 9)


def _recommendation(incident, made_on):
    from casereview.decisions.models import ReviewRecommendation

    return ReviewRecommendation.objects.create(
        incident=incident, outcome="local_review", rationale="Criteria met", made_on=made_on, recorded_by=UserFactory()
    )


def _cases(partnership, n):
    """n cases at every step: a duty owed, a rapid review (sent to the national panel) awaiting an agency's
    information and a recommendation; a rapid review recommended on after its due date, awaiting the
    chair; and a case referred without a rapid review, awaiting the chair."""
    made = {}
    for i in range(n):
        incident = IncidentFactory(partnership=partnership, child_pseudonym=f"Child R{i}")
        duty = NotificationDutyFactory(incident=incident, kind="national_panel", due_date=datetime.date(2025, 4, 28))
        rapid_review = RapidReviewFactory(incident=incident, due_date=RAPID_REVIEW_DUE, sent_to_panel_on=SENT_TO_PANEL)
        police = AgencyFactory(partnership=partnership, name=f"Police {i}")
        request = InformationRequestFactory(
            rapid_review=rapid_review, agency=police, due_date=datetime.date(2025, 5, 6)
        )
        late = IncidentFactory(partnership=partnership, child_pseudonym=f"Child L{i}")
        RapidReviewFactory(incident=late, due_date=RAPID_REVIEW_DUE, completed_on=RAPID_REVIEW_DUE)
        _recommendation(late, datetime.date(2025, 5, 20))
        early = IncidentFactory(partnership=partnership, child_pseudonym=f"Child E{i}")
        RapidReviewFactory(incident=early, due_date=RAPID_REVIEW_DUE, completed_on=datetime.date(2025, 5, 1))
        _recommendation(early, datetime.date(2025, 5, 2))
        referred = IncidentFactory(partnership=partnership, child_pseudonym=f"Child N{i}")
        _recommendation(referred, datetime.date(2025, 5, 2))
        made[i] = dict(
            incident=incident, duty=duty, rapid_review=rapid_review, request=request, police=police, late=late,
            early=early, referred=referred,
        )  # fmt: skip
    return made


def test_each_step_of_a_case_says_what_is_due_for_whom_and_when(alice, partnership_a, partnership_b):
    case = _cases(partnership_a, 1)[0]
    _cases(partnership_b, 1)  # another partnership's cases are not on this list
    found = {d.key: d for d in selectors.deadlines_for(user=alice, partnership=partnership_a)}
    incident, late, early, referred = case["incident"], case["late"], case["early"], case["referred"]
    expected = {
        f"duty:{case['duty'].pk}": (
            "Notify the Child Safeguarding Practice Review Panel",
            "Child R0",
            datetime.date(2025, 4, 28),
        ),
        f"rapid_review:{case['rapid_review'].pk}": ("Complete the rapid review", "Child R0", RAPID_REVIEW_DUE),
        f"request:{case['request'].pk}": (
            "Police 0: information for the rapid review",
            "Child R0",
            datetime.date(2025, 5, 6),
        ),
        f"recommendation:{incident.pk}": ("Recommendation to the independent chair", "Child R0", RAPID_REVIEW_DUE),
        # the chair decides by the rapid review's due date, or on the day it was recommended if later
        f"decision:{late.pk}": ("Independent chair's decision", "Child L0", datetime.date(2025, 5, 20)),
        f"decision:{early.pk}": ("Independent chair's decision", "Child E0", RAPID_REVIEW_DUE),
        # without a rapid review: five working days from the recommendation
        f"decision:{referred.pk}": (
            "Independent chair's decision",
            "Child N0",
            add_working_days(datetime.date(2025, 5, 2), 5),
        ),
        f"panel_response:{incident.pk}": (
            "National panel's response expected",
            "Child R0",
            add_working_days(SENT_TO_PANEL, partnership_a.panel_response_working_days),
        ),
    }
    assert {key: (d.what, d.child, d.due) for key, d in found.items()} == expected
    request = found[f"request:{case['request'].pk}"]
    assert request.roles == () and request.agency_id == case["police"].pk  # the agency's leads are reminded
    assert found[f"decision:{late.pk}"].roles == (Role.CHAIR,)
    assert found[f"panel_response:{incident.pk}"].expected_from_others
    assert not found[f"duty:{case['duty'].pk}"].expected_from_others
    assert found[f"duty:{case['duty'].pk}"].url == reverse("incidents:detail", args=[incident.pk])
    assert request.url == reverse("decisions:request_answer", args=[case["request"].pk])
    assert found[f"rapid_review:{case['rapid_review'].pk}"].url == reverse(
        "decisions:rapid_review", args=[case["rapid_review"].pk]
    )


def test_the_due_list_costs_the_same_queries_for_three_cases_at_every_step_as_for_one(
    client, alice, charlie, partnership_a, partnership_b
):
    _cases(partnership_a, 3)
    _cases(partnership_b, 1)
    counts, totals = [], []
    for person, partnership in ((alice, partnership_a), (charlie, partnership_b)):
        client.force_login(person)
        url = reverse("reporting:deadlines", args=[partnership.slug])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url).content.decode()
        counts.append(len(queries.captured_queries))
        totals.append(len(selectors.deadlines_for(user=person, partnership=partnership)))
        assert "Independent chair&#x27;s decision" in page and "Police 0: information for the rapid review" in page
    assert totals == [3 * 8, 8]
    assert counts[0] == counts[1]
    with CaptureQueriesContext(connection) as queries:
        selectors.deadlines_for(user=alice, partnership=partnership_a)
    # the six kinds of step in one query, then contributions, actions and the reviews' milestones
    assert len(queries.captured_queries) == 4

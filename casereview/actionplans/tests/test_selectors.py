"""Reads of action plans and the risk register: scoped to the person; an agency lead sees their own
agency's actions."""

import pytest
from django.db import connection

from casereview.accounts.models import Role
from casereview.actionplans import selectors
from casereview.testing import ActionFactory, AgencyFactory, ProgressUpdateFactory, ReviewFactory, RiskFactory, member

pytestmark = pytest.mark.django_db


def test_the_outsider_sees_no_action_or_risk_of_another_partnership(partnership_a, charlie):
    action = ActionFactory(review__partnership=partnership_a)
    ProgressUpdateFactory(action=action)
    RiskFactory(partnership=partnership_a)
    assert not selectors.action_list(user=charlie, partnership=partnership_a).exists()
    assert not selectors.risk_list(user=charlie, partnership=partnership_a).exists()
    assert not any(records.exists() for records in selectors.action_history(user=charlie, action=action).values())


def test_an_agency_lead_sees_their_own_agencys_actions_only(partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    police = AgencyFactory(partnership=partnership_a, name="Police")
    ours = ActionFactory(review=review, owner_agency=police)
    ActionFactory(review=review)
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=police)
    assert list(selectors.action_list(user=lead, partnership=partnership_a)) == [ours]


def test_actions_filter_by_agency_and_review(partnership_a, alice):
    first, second = ActionFactory(review__partnership=partnership_a), ActionFactory(review__partnership=partnership_a)
    assert list(selectors.action_list(user=alice, partnership=partnership_a, review=first.review)) == [first]
    assert list(selectors.action_list(user=alice, partnership=partnership_a, agency=second.owner_agency)) == [second]


def test_the_monitoring_summaries_read_together_match_each_summary_on_its_own(
    partnership_a, alice, django_assert_num_queries
):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    police, health = (AgencyFactory(partnership=partnership_a, name=n) for n in ("Police", "Health"))
    first, second = (ReviewFactory(partnership=partnership_a, title=t) for t in ("Child B", "Child A"))
    for review, agency, status, due in [
        (first, police, "not_started", today - datetime.timedelta(days=3)),
        (first, police, "at_risk", today + datetime.timedelta(days=3)),
        (first, health, "on_track", today + datetime.timedelta(days=3)),
        (second, police, "completed", today - datetime.timedelta(days=3)),
        (second, health, "closed", today - datetime.timedelta(days=30)),
        (second, health, "at_risk", today - datetime.timedelta(days=1)),
    ]:
        ActionFactory(review=review, owner_agency=agency, status=status, due_date=due)
    actions = selectors.action_list(user=alice, partnership=partnership_a)
    # PostgreSQL: the counts with the reviews' and agencies' names; elsewhere the names are read after them
    postgresql = connection.vendor == "postgresql"
    with django_assert_num_queries(1 if postgresql else 3) as queries:
        by_review, by_agency, count = selectors.rag_by_review_and_agency(actions, today)
    if postgresql:  # the actions read once for both summaries
        assert "GROUPING SETS" in queries.captured_queries[0]["sql"]
    assert by_review == selectors.rag_by_review(actions, today)
    assert by_agency == selectors.rag_by_agency(actions, today)
    assert count == actions.count() == 6
    assert [(r.label, r.red, r.amber, r.green, r.done, r.closed) for r in by_agency] == [
        ("Health", 1, 0, 1, 0, 1),
        ("Police", 1, 1, 0, 1, 0),
    ]


def test_open_actions_due_by_a_day_are_the_action_lists_open_ones_in_its_order(partnership_a, alice):
    import datetime

    from django.utils import timezone

    today = timezone.localdate()
    review = ReviewFactory(partnership=partnership_a)
    for n, (status, days) in enumerate([("on_track", 5), ("closed", 1), ("at_risk", -3), ("not_started", 40)]):
        ActionFactory(review=review, number=n + 1, status=status, due_date=today + datetime.timedelta(days=days))
    ActionFactory(review__partnership=partnership_a, status="not_started", due_date=today)
    day = today + datetime.timedelta(days=10)
    expected = list(
        selectors.action_list(user=alice, partnership=partnership_a).filter(
            status__in=["not_started", "on_track", "at_risk"], due_date__lte=day
        )
    )
    due = list(selectors.open_actions_due_by(user=alice, partnership=partnership_a, day=day))
    assert due == expected and len(due) == 3
    assert [a.review.title for a in due] == [a.review.title for a in expected]


def _naive_band(action, today):
    """The colour as the monitoring page explains it, decided one action at a time."""
    if action.status == "closed":
        return "closed"
    if action.status == "completed":
        return "done"
    if action.due_date < today:
        return "red"
    return "amber" if action.status == "at_risk" else "green"


def test_the_monitoring_counts_agree_with_counting_each_action_by_hand(partnership_a, partnership_b, alice):
    """Every status on either side of today (and on it), over three reviews and three agencies, with another
    partnership's actions beside them: each review's and agency's five counts are those of its actions."""
    import datetime
    import itertools

    from django.utils import timezone

    from casereview.actionplans.models import Action

    today = timezone.localdate()
    agencies = [AgencyFactory(partnership=partnership_a, name=n) for n in ("Police", "Health", "Education")]
    reviews = [ReviewFactory(partnership=partnership_a, title=t) for t in ("Child C", "Child A", "Child B")]
    statuses = ["not_started", "on_track", "at_risk", "completed", "closed"]
    offsets = [-40, -1, 0, 1, 30]
    for n, (status, offset) in enumerate(itertools.product(statuses, offsets)):
        ActionFactory(
            review=reviews[n % 3],
            owner_agency=agencies[(n // 3) % 3],
            status=status,
            due_date=today + datetime.timedelta(days=offset),
        )
    ActionFactory(review__partnership=partnership_b, status="at_risk", due_date=today - datetime.timedelta(days=5))
    actions = selectors.action_list(user=alice, partnership=partnership_a)
    by_review, by_agency, count = selectors.rag_by_review_and_agency(actions, today)

    def by_hand(key):
        counted = {}
        for action in Action.objects.unscoped().filter(partnership=partnership_a):
            band = _naive_band(action, today)
            counted.setdefault(key(action), dict.fromkeys(("red", "amber", "green", "done", "closed"), 0))[band] += 1
        return counted

    def as_counts(rows):
        return {
            r.key: {"red": r.red, "amber": r.amber, "green": r.green, "done": r.done, "closed": r.closed} for r in rows
        }

    assert as_counts(by_review) == by_hand(lambda a: a.review_id)
    assert as_counts(by_agency) == by_hand(lambda a: a.owner_agency_id)
    assert [r.label for r in by_review] == ["Child A", "Child B", "Child C"]
    assert [r.label for r in by_agency] == ["Education", "Health", "Police"]
    assert count == 25 == sum(r.total for r in by_agency)
    # every band holds someone, so a band counted as another would show
    assert all(
        sum(c[band] for c in by_hand(lambda a: a.review_id).values())
        for band in ("red", "amber", "green", "done", "closed")
    )

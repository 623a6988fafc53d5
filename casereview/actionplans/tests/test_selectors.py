"""Reads of action plans and the risk register: scoped to the person; an agency lead sees their own
agency's actions."""

import pytest

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

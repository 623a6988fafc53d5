"""An action carries its review's partnership as a column of its own (so a partnership's actions are read by
an index): it is always the review's, whoever writes the action, and scoping by it shows each person what
scoping through the review showed."""

from datetime import date

import pytest
from django.db import IntegrityError

from casereview.accounts import permissions
from casereview.accounts.models import Role
from casereview.actionplans import selectors, services
from casereview.actionplans.models import Action
from casereview.testing import (
    ActionFactory,
    AgencyFactory,
    MembershipFactory,
    ProgressUpdateFactory,
    ReviewFactory,
    member,
)

pytestmark = pytest.mark.django_db


def test_an_action_added_to_a_review_belongs_to_the_reviews_partnership(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    action = services.action_create(
        actor=alice,
        review=review,
        description="Audit the return interviews",
        owner_agency=AgencyFactory(partnership=partnership_a),
        lead_role="Head of Service",
        start_date=date(2025, 6, 1),
        due_date=date(2025, 12, 1),
        success_measure="Audit reported to the subgroup",
    )
    assert Action.objects.unscoped().get(pk=action.pk).partnership == partnership_a


def test_an_action_given_another_review_follows_it_to_its_partnership(partnership_a, partnership_b):
    action = ActionFactory(review__partnership=partnership_a)
    action.review = ReviewFactory(partnership=partnership_b)  # as the admin's raw-id field does
    action.save()
    assert Action.objects.unscoped().get(pk=action.pk).partnership == partnership_b


def test_an_action_moved_by_its_reviews_key_alone_follows_it_too(partnership_a, partnership_b):
    """Setting only the key (a form's raw value, a script) drops the cached review: the move is still seen."""
    loaded = Action.objects.unscoped().get(pk=ActionFactory(review__partnership=partnership_a).pk)
    loaded.review_id = ReviewFactory(partnership=partnership_b).pk
    loaded.save()
    assert Action.objects.unscoped().get(pk=loaded.pk).partnership == partnership_b
    assert not Action.objects.visible_to(member(partnership_a, Role.BUSINESS_MANAGER)).filter(pk=loaded.pk).exists()


def test_an_action_written_without_its_partnership_is_refused_not_stored_unscoped(partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    agency = AgencyFactory(partnership=partnership_a)
    bare = Action(
        review=review,
        number=1,
        description="Written by a bulk insert that forgot the partnership",
        owner_agency=agency,
        lead_role="Head of Service",
        start_date=date(2025, 6, 1),
        due_date=date(2025, 12, 1),
        success_measure="Audit",
    )
    with pytest.raises(IntegrityError):
        Action.objects.unscoped().bulk_create([bare])  # bulk_create calls no save()


def test_a_manager_here_and_a_panel_member_there_sees_no_confidential_action_there(partnership_a, partnership_b):
    """The business manager's and chair's shortcut (no confidential-review rule) holds only where every seat
    the person has is one of those: a panel member elsewhere still loses that partnership's secret actions."""
    here_secret = ActionFactory(review=ReviewFactory(partnership=partnership_a, is_confidential=True))
    there_open = ActionFactory(review=ReviewFactory(partnership=partnership_b))
    there_secret = ActionFactory(review=ReviewFactory(partnership=partnership_b, is_confidential=True))
    person = member(partnership_a, Role.BUSINESS_MANAGER)
    assert set(Action.objects.visible_to(person)) == {here_secret}
    MembershipFactory(user=person, partnership=partnership_b, role=Role.PANEL_MEMBER)
    permissions.forget_answers(person)
    assert set(Action.objects.visible_to(person)) == {here_secret, there_open}
    assert there_secret not in set(selectors.action_list(user=person, partnership=partnership_b))


def test_an_action_and_its_updates_in_a_confidential_review_are_read_as_confidential(partnership_a):
    secret = ActionFactory(review=ReviewFactory(partnership=partnership_a, is_confidential=True))
    ordinary = ActionFactory(review=ReviewFactory(partnership=partnership_a))
    assert permissions.is_confidential(secret)
    assert permissions.is_confidential(ProgressUpdateFactory(action=secret))
    assert not permissions.is_confidential(ordinary)
    assert not permissions.is_confidential(ProgressUpdateFactory(action=ordinary))

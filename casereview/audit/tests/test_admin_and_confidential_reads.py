"""Every change through the Django admin is audited, inlines included; records inside a confidential review
are audited when read, as the review is."""

import pytest
from django.urls import reverse

from casereview.accounts import permissions
from casereview.accounts.models import Membership, Role
from casereview.audit.models import AuditAction as Action
from casereview.audit.models import AuditEvent
from casereview.testing import LearningPointFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def _events(**lookup):
    return AuditEvent.objects.unscoped().filter(**lookup)


def _user_form(user, memberships, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": user.date_joined.strftime("%d/%m/%Y"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "memberships-TOTAL_FORMS": str(len(memberships)),
        "memberships-INITIAL_FORMS": str(len(memberships)),
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
    }
    for n, m in enumerate(memberships):
        data.update(
            {
                f"memberships-{n}-id": str(m.pk),
                f"memberships-{n}-user": str(user.pk),
                f"memberships-{n}-partnership": str(m.partnership_id),
                f"memberships-{n}-role": m.role,
                f"memberships-{n}-job_title": m.job_title,
                f"memberships-{n}-is_active": "on",
            }
        )
    data.update(changes)
    return data


def test_a_role_changed_in_the_admins_user_page_is_audited(client, admin_user, alice):
    client.force_login(admin_user)
    membership = Membership.objects.unscoped().get(user=alice)
    url = reverse("admin:accounts_user_change", args=[alice.pk])
    data = _user_form(alice, [membership], **{"memberships-0-role": Role.CHAIR, "last_name": "Adams-Smith"})
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    membership.refresh_from_db()
    assert membership.role == Role.CHAIR
    role_change = _events(object_id=str(membership.pk), action=Action.UPDATE).get()
    assert role_change.actor == admin_user and role_change.changes["role"] == ["Business manager", "Independent chair"]
    assert _events(object_id=str(alice.pk), action=Action.UPDATE).get().changes["last_name"] == ["Adams", "Adams-Smith"]


def test_a_membership_removed_in_the_admin_is_audited(client, admin_user, alice):
    client.force_login(admin_user)
    membership = Membership.objects.unscoped().get(user=alice)
    url = reverse("admin:accounts_user_change", args=[alice.pk])
    response = client.post(url, _user_form(alice, [membership], **{"memberships-0-DELETE": "on"}))
    assert response.status_code == 302
    assert not Membership.objects.unscoped().filter(pk=membership.pk).exists()
    assert _events(object_id=str(membership.pk), action=Action.DELETE).exists()


def test_a_learning_point_of_a_confidential_review_is_confidential_like_its_review(partnership_a):
    secret = LearningPointFactory(review=ReviewFactory(partnership=partnership_a, is_confidential=True))
    ordinary = LearningPointFactory(review=ReviewFactory(partnership=partnership_a))
    assert permissions.is_confidential(secret)
    assert not permissions.is_confidential(ordinary)


def test_opening_a_learning_points_history_in_a_confidential_review_is_audited(client, alice, partnership_a):
    point = LearningPointFactory(review=ReviewFactory(partnership=partnership_a, is_confidential=True))
    client.force_login(alice)
    assert client.get(reverse("reviews:learning_point_history", args=[point.pk])).status_code == 200
    read = _events(object_id=str(point.pk), action=Action.VIEW).get()
    assert read.actor == alice and read.partnership == partnership_a


def test_opening_one_in_an_ordinary_review_is_not(client, alice, partnership_a):
    point = LearningPointFactory(review=ReviewFactory(partnership=partnership_a))
    client.force_login(alice)
    assert client.get(reverse("reviews:learning_point_history", args=[point.pk])).status_code == 200
    assert not _events(object_id=str(point.pk), action=Action.VIEW).exists()

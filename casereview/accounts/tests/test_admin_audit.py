"""Every change a system administrator makes in the Django admin is in the audit trail: every registered
admin is audited or changes nothing; the password page, Django's groups, django-axes' lockouts, what a
deletion takes with it, and bulk actions, which are not offered unless they audit themselves."""

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from django.urls import reverse

from casereview.accounts.admin import AuditedAdminMixin
from casereview.accounts.models import Membership, Role, User
from casereview.actionplans.models import Escalation
from casereview.audit.models import AuditAction, AuditEvent
from casereview.testing import ActionFactory, member

pytestmark = pytest.mark.django_db


def events(**lookup):
    return AuditEvent.objects.unscoped().filter(**lookup)


def test_every_admin_page_is_audited_or_changes_nothing(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    unaudited = []
    for model, model_admin in admin.site._registry.items():
        if isinstance(model_admin, AuditedAdminMixin):
            continue
        may_write = (
            model_admin.has_add_permission(request)
            or model_admin.has_change_permission(request)
            or model_admin.has_delete_permission(request)
        )
        if may_write:
            unaudited.append(model._meta.label)
    assert unaudited == []


def test_no_bulk_action_bypasses_the_audit(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    for model, model_admin in admin.site._registry.items():
        for name, (function, *_rest) in model_admin.get_actions(request).items():
            assert getattr(function, "audited", False), f"{model._meta.label}: the action {name} is not audited"


def test_a_password_set_on_the_admins_password_page_is_audited_without_the_hash(client, admin_user, alice):
    client.force_login(admin_user)
    url = reverse("admin:auth_user_password_change", args=[alice.pk])
    new = "a-long-new-passphrase-for-alice"
    response = client.post(url, {"password1": new, "password2": new, "usable_password": "true"})
    assert response.status_code == 302, response.content.decode()[:2000]
    alice.refresh_from_db()
    assert alice.check_password(new)
    event = events(object_id=str(alice.pk), action=AuditAction.UPDATE).get()
    assert event.actor == admin_user
    assert event.changes == {"password": ["(restricted)", "(restricted)"]}
    assert alice.password not in str(event.changes)


def test_a_refused_password_on_the_admins_password_page_records_nothing(client, admin_user, alice):
    client.force_login(admin_user)
    url = reverse("admin:auth_user_password_change", args=[alice.pk])
    response = client.post(url, {"password1": "short", "password2": "short", "usable_password": "true"})
    assert response.status_code == 200
    assert not events(object_id=str(alice.pk), action=AuditAction.UPDATE).exists()


def test_a_groups_permissions_changed_in_the_admin_are_audited(client, admin_user):
    group = Group.objects.create(name="Auditors")
    permission = Permission.objects.get(codename="view_auditevent")
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:auth_group_change", args=[group.pk]), {"name": "Auditors", "permissions": [permission.pk]}
    )
    assert response.status_code == 302
    event = events(object_id=str(group.pk), action=AuditAction.UPDATE).get()
    assert event.actor == admin_user and event.changes["permissions"][1] == [str(permission)]


def test_a_lockout_removed_in_the_admin_is_audited(client, admin_user, alice):
    attempt = AccessAttempt.objects.create(
        username="alice", ip_address="127.0.0.1", user_agent="test", failures_since_start=5, get_data="", post_data=""
    )
    client.force_login(admin_user)
    response = client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert events(object_id=str(attempt.pk), action=AuditAction.DELETE, actor=admin_user).exists()


def test_deleting_a_person_audits_the_roles_that_go_with_them(client, admin_user, partnership_a):
    invited = member(partnership_a, Role.PANEL_MEMBER, username="invited")  # never signed in: no events of theirs
    membership = Membership.objects.unscoped().get(user=invited)
    client.force_login(admin_user)
    response = client.post(reverse("admin:accounts_user_delete", args=[invited.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=invited.pk).exists()
    assert events(object_id=str(invited.pk), action=AuditAction.DELETE).exists()
    role = events(object_id=str(membership.pk), action=AuditAction.DELETE).get()
    assert role.partnership == partnership_a and role.reason == f"Django admin: deleted with {invited}"


def test_an_escalation_deleted_in_the_admin_is_audited(client, admin_user, partnership_a):
    action = ActionFactory(review__partnership=partnership_a)
    escalation = Escalation.objects.create(
        action=action, reason="overdue", trigger="Overdue by 30 days", escalated_on=action.due_date
    )
    client.force_login(admin_user)
    response = client.post(reverse("admin:actionplans_escalation_delete", args=[escalation.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert events(object_id=str(escalation.pk), action=AuditAction.DELETE).exists()


def test_a_person_added_in_the_admin_is_audited(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "newcomer",
            "password1": "a-long-passphrase-123",
            "password2": "a-long-passphrase-123",
            "usable_password": "true",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    newcomer = User.objects.get(username="newcomer")
    assert events(object_id=str(newcomer.pk), action=AuditAction.CREATE, actor=admin_user).exists()


def test_a_name_changed_in_the_admin_leaves_when_they_joined_as_it_was(client, admin_user, alice):
    joined = alice.date_joined.replace(microsecond=974489)
    User.objects.filter(pk=alice.pk).update(date_joined=joined)
    client.force_login(admin_user)
    memberships = alice.memberships.count()
    response = client.post(
        reverse("admin:accounts_user_change", args=[alice.pk]),
        {
            "username": alice.username,
            "first_name": "Alicia",
            "last_name": alice.last_name,
            "email": alice.email,
            "is_active": "on",
            "memberships-TOTAL_FORMS": str(memberships),
            "memberships-INITIAL_FORMS": str(memberships),
            **{
                key: value
                for number, membership in enumerate(alice.memberships.all())
                for key, value in {
                    f"memberships-{number}-id": membership.pk,
                    f"memberships-{number}-user": alice.pk,
                    f"memberships-{number}-partnership": membership.partnership_id,
                    f"memberships-{number}-role": membership.role,
                    f"memberships-{number}-agency": membership.agency_id or "",
                }.items()
            },
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    alice.refresh_from_db()
    assert alice.first_name == "Alicia"
    assert alice.date_joined == joined
    change = events(object_id=str(alice.pk), action=AuditAction.UPDATE, actor=admin_user).latest("at")
    assert set(change.changes) == {"first_name"}

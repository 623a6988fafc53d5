import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse

from casereview.accounts import permissions
from casereview.accounts.models import Agency, Membership, Partnership, Role
from casereview.audit.models import AuditAction, AuditEvent
from casereview.testing import AgencyFactory, MembershipFactory, member

pytestmark = pytest.mark.django_db


def test_members_see_only_their_own_partnerships_records(people, partnership_a, partnership_b, agency_a):
    AgencyFactory(partnership=partnership_b, name="West Mercia Police")
    assert list(Partnership.objects.visible_to(people["alice"])) == [partnership_a]
    assert list(Agency.objects.visible_to(people["alice"])) == [agency_a]
    assert list(Agency.objects.visible_to(people["charlie"]).values_list("name", flat=True)) == ["West Mercia Police"]


def test_anonymous_and_deactivated_users_see_nothing(alice, agency_a):
    from django.contrib.auth.models import AnonymousUser

    assert not Agency.objects.visible_to(AnonymousUser()).exists()
    alice.is_active = False
    alice.save()
    alice.refresh_from_db()
    assert not Agency.objects.visible_to(alice).exists()


def test_a_switched_off_membership_grants_nothing(alice, agency_a):
    Membership.objects.filter(user=alice).update(is_active=False)
    alice.refresh_from_db()
    assert not Agency.objects.visible_to(alice).exists()


def test_viewers_cannot_list_people(people, partnership_a):
    assert Membership.objects.visible_to(people["alice"]).filter(partnership=partnership_a).count() == 2
    assert not Membership.objects.visible_to(people["bob"]).exists()


def test_role_decides_actions_within_the_partnership(people, partnership_a):
    assert permissions.can(people["alice"], "add_agency", partnership_a)
    assert not permissions.can(people["bob"], "add_agency", partnership_a)
    assert permissions.can(people["bob"], "view", partnership_a)
    assert not permissions.can(people["charlie"], "view", partnership_a)


def test_one_person_can_hold_roles_in_two_partnerships(partnership_a, partnership_b):
    reviewer = member(partnership_a, Role.REVIEWER)
    MembershipFactory(user=reviewer, partnership=partnership_b, role=Role.BUSINESS_MANAGER)
    assert set(Partnership.objects.visible_to(reviewer)) == {partnership_a, partnership_b}
    assert not permissions.can(reviewer, "view_audit", partnership_a)
    assert permissions.can(reviewer, "view_audit", partnership_b)


def test_object_for_user_hides_other_partnerships_records_as_not_found(charlie, agency_a):
    with pytest.raises(Http404):
        permissions.object_for_user(charlie, Agency, pk=agency_a.pk)


def test_object_for_user_refuses_an_action_the_role_lacks(bob, partnership_a):
    assert permissions.object_for_user(bob, Partnership, "view", slug="southwark") == partnership_a
    with pytest.raises(PermissionDenied):
        permissions.object_for_user(bob, Partnership, "add_agency", slug="southwark")


def test_an_action_with_no_rule_is_an_error_not_a_silent_yes(alice, partnership_a):
    with pytest.raises(LookupError, match="No access rule"):
        permissions.can(alice, "launch_rockets", partnership_a)


def test_opening_a_confidential_record_is_audited(client, alice, agency_a, monkeypatch):
    monkeypatch.setattr(Agency, "is_confidential", True, raising=False)
    client.force_login(alice)
    assert client.get(reverse("accounts:agency_detail", args=[agency_a.pk])).status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert event.actor == alice
    assert event.object_id == str(agency_a.pk)
    assert event.partnership == agency_a.partnership


def test_deciding_access_writes_nothing(alice, agency_a, monkeypatch):
    monkeypatch.setattr(Agency, "is_confidential", True, raising=False)
    permissions.object_for_user(alice, Agency, pk=agency_a.pk)
    assert not AuditEvent.objects.exists()


def test_reading_an_ordinary_record_is_not_logged_as_a_read(alice, agency_a):
    permissions.object_for_user(alice, Agency, pk=agency_a.pk)
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()

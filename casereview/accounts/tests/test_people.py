"""The business manager runs the partnership's people: invitations, roles, endings, locked sign-ins."""

import html
import re

import pytest
from django.core import mail
from django.urls import reverse

from casereview.accounts.models import Membership, Role, User
from casereview.audit.models import AuditEvent
from casereview.testing import PASSWORD, AgencyFactory, UserFactory, member

pytestmark = pytest.mark.django_db


def invite(client, partnership, **fields):
    data = {"email": "ed.lead@school.example.org", "first_name": "Ed", "last_name": "Lead", "role": Role.VIEWER}
    data.update(fields)
    return client.post(reverse("accounts:person_invite", args=[partnership.slug]), data, follow=True)


def text(response):
    return html.unescape(response.content.decode())


def invitation_path(message):
    return re.search(r"https?://[^/\s]+(/invitation/\S+/)", message.body).group(1)


def test_invited_person_sets_a_password_once_and_signs_in(
    client, alice, partnership_a, django_capture_on_commit_callbacks
):
    school = AgencyFactory(partnership=partnership_a, name="Southwark schools", sector="education")
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, partnership_a, role=Role.AGENCY_LEAD, agency=school.pk)
    assert "Ed Lead has been invited" in text(response)
    membership = Membership.objects.get(user__email="ed.lead@school.example.org")
    assert (membership.role, membership.agency, membership.user.has_usable_password()) == (
        Role.AGENCY_LEAD,
        school,
        False,
    )
    assert AuditEvent.objects.filter(object_id=str(membership.pk), action="create").exists()
    (message,) = mail.outbox
    assert message.to == ["ed.lead@school.example.org"]
    assert "agency safeguarding lead for Southwark schools" in message.body
    link = invitation_path(message)

    client.logout()
    page = client.get(link)
    assert "Choose your password" in page.content.decode()
    new_password = "a-long-school-password-42"
    response = client.post(link, {"new_password1": new_password, "new_password2": new_password}, follow=True)
    assert "Your password is set" in text(response)
    signed_in = client.post(
        reverse("accounts:login"), {"username": "ed.lead@school.example.org", "password": new_password}
    )
    assert signed_in.status_code == 302
    client.post(reverse("accounts:logout"))

    reused = client.get(link)
    assert reused.status_code == 410
    assert "already been used" in reused.content.decode()


def test_an_expired_or_broken_invitation_link_says_to_ask_for_a_new_one(client, alice, partnership_a, settings):
    client.force_login(alice)
    invite(client, partnership_a)
    client.logout()
    user = User.objects.get(email="ed.lead@school.example.org")
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(user.pk))
    response = client.get(reverse("accounts:invitation_accept", args=[uid, "wrong-token"]))
    assert response.status_code == 410
    assert "Ask your business manager to send a new one" in text(response)


def test_inviting_someone_already_a_member_is_refused_and_sends_nothing(client, alice, bob, partnership_a):
    client.force_login(alice)
    response = invite(client, partnership_a, email=bob.email.upper(), role=Role.PANEL_MEMBER)
    page = text(response)
    assert f"{bob.email} is already a member of {partnership_a} (viewer)" in page
    assert mail.outbox == []
    assert bob.memberships.count() == 1


def test_a_role_not_on_the_list_and_a_lead_without_an_agency_are_refused(client, alice, partnership_a):
    client.force_login(alice)
    assert "Choose a role from the list" in text(invite(client, partnership_a, role="superuser"))
    page = text(invite(client, partnership_a, role=Role.AGENCY_LEAD))
    assert "Choose the agency this safeguarding lead works for" in page
    assert not User.objects.filter(email="ed.lead@school.example.org").exists()


def test_an_agency_of_another_partnership_cannot_be_given(client, alice, partnership_a, partnership_b):
    elsewhere = AgencyFactory(partnership=partnership_b)
    client.force_login(alice)
    page = text(invite(client, partnership_a, role=Role.AGENCY_LEAD, agency=elsewhere.pk))
    assert "Choose an agency from the list" in page


def test_a_reviewer_of_another_partnership_is_added_without_a_new_account(
    client, alice, partnership_a, partnership_b, django_capture_on_commit_callbacks
):
    reviewer = member(partnership_b, Role.REVIEWER, email="rev@example.org")
    client.force_login(alice)
    with django_capture_on_commit_callbacks(execute=True):
        invite(client, partnership_a, email="rev@example.org", role=Role.REVIEWER)
    assert reviewer.memberships.filter(partnership=partnership_a, role=Role.REVIEWER).exists()
    assert "/invitation/" not in mail.outbox[0].body and "Sign in as before" in mail.outbox[0].body


def test_only_the_business_manager_invites(client, bob, partnership_a):
    client.force_login(bob)
    assert client.get(reverse("accounts:person_invite", args=[partnership_a.slug])).status_code == 403


def test_change_a_role_and_agency_audited_in_words(client, alice, partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    person = member(partnership_a, Role.VIEWER, first_name="Pat", last_name="Officer")
    membership = person.memberships.get()
    client.force_login(alice)
    response = client.post(
        reverse("accounts:membership", args=[membership.pk]),
        {"role": Role.AGENCY_LEAD, "agency": police.pk, "job_title": "Detective Inspector"},
        follow=True,
    )
    assert "Pat Officer's role has been saved" in text(response)
    membership.refresh_from_db()
    assert (membership.role, membership.agency) == (Role.AGENCY_LEAD, police)
    event = AuditEvent.objects.filter(object_id=str(membership.pk)).latest("at")
    assert event.changes["role"] == ["Viewer", "Agency safeguarding lead"]


def test_the_last_business_manager_cannot_end_or_change_their_own_role(client, alice, partnership_a):
    membership = alice.memberships.get()
    client.force_login(alice)
    response = client.post(reverse("accounts:membership_end", args=[membership.pk]), {"reason": "Leaving"}, follow=True)
    assert "only business manager" in text(response)
    response = client.post(reverse("accounts:membership", args=[membership.pk]), {"role": Role.VIEWER}, follow=True)
    assert "only business manager" in text(response)
    membership.refresh_from_db()
    assert membership.is_active and membership.role == Role.BUSINESS_MANAGER


def test_ending_a_role_needs_a_reason_and_keeps_the_record(client, alice, bob, partnership_a):
    membership = bob.memberships.get()
    client.force_login(alice)
    url = reverse("accounts:membership_end", args=[membership.pk])
    assert "Say why this role is ending" in text(client.post(url, {"reason": " "}))
    response = client.post(url, {"reason": "Moved to another borough"}, follow=True)
    assert "no longer has the viewer role" in text(response)
    membership.refresh_from_db()
    assert not membership.is_active
    assert AuditEvent.objects.filter(object_id=str(membership.pk), reason="Moved to another borough").exists()
    client.force_login(bob)
    assert client.get(reverse("accounts:partnership_detail", args=["southwark"])).status_code == 404


def test_a_locked_account_shows_on_people_and_can_be_unlocked(client, alice, bob, partnership_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "bob", "password": "guess"})
    client.force_login(alice)
    people = text(client.get(reverse("accounts:people", args=["southwark"])))
    assert "Locked" in people
    membership = bob.memberships.get()
    response = client.post(reverse("accounts:account_unlock", args=[membership.pk]), follow=True)
    assert "Bob Brown can sign in again" in text(response)
    client.logout()
    response = client.post(reverse("accounts:login"), {"username": "bob", "password": PASSWORD})
    assert response.status_code == 302


def test_people_page_shows_last_sign_in(client, alice, bob):
    client.force_login(alice)
    page = text(client.get(reverse("accounts:people", args=["southwark"])))
    assert "Last signed in" in page and "Never" in page


def test_a_system_administrator_sets_up_a_partnership_and_invites_its_manager(
    client, admin_user, alice, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    assert client.get(reverse("accounts:partnership_create")).status_code == 403
    client.force_login(admin_user)
    data = {
        "name": "North Yorkshire Safeguarding Children Partnership",
        "slug": "north-yorkshire",
        "manager_email": "bm@northyorks.example.org",
        "manager_first_name": "Nora",
        "manager_last_name": "York",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:partnership_create"), data, follow=True)
    assert "has been set up" in text(response)
    assert Membership.objects.get(user__email="bm@northyorks.example.org").role == Role.BUSINESS_MANAGER
    assert "/invitation/" in mail.outbox[0].body
    again = text(client.post(reverse("accounts:partnership_create"), data))
    assert "There is already a partnership called" in again and "is taken" in again


def test_invitation_pending_can_be_sent_again(client, alice, partnership_a, django_capture_on_commit_callbacks):
    client.force_login(alice)
    invite(client, partnership_a)
    membership = Membership.objects.get(user__email="ed.lead@school.example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:invitation_resend", args=[membership.pk]), follow=True)
    assert "A new invitation is on its way" in text(response)
    assert len(mail.outbox) == 1


def test_an_ended_person_can_be_invited_back(client, alice, bob, partnership_a):
    from casereview.accounts.services import membership_end

    membership_end(actor=alice, membership=bob.memberships.get(), reason="Left")
    client.force_login(alice)
    invite(client, partnership_a, email=bob.email, role=Role.VIEWER)
    assert bob.memberships.get().is_active


def test_a_stranger_account_is_not_created_by_a_non_manager_service_call(partnership_a, bob):
    user = UserFactory()
    assert not user.is_superuser
    from django.core.exceptions import ValidationError

    from casereview.accounts.services import partnership_create

    with pytest.raises(ValidationError):
        partnership_create(
            actor=user, name="X", slug="x", manager_email="x@example.org", manager_first_name="X", manager_last_name="Y"
        )


def test_the_audit_log_says_what_changed_in_words(client, alice, bob, partnership_a):
    from casereview.accounts.services import membership_change, membership_end

    membership = bob.memberships.get()
    membership_change(actor=alice, membership=membership, role=Role.PANEL_MEMBER, job_title="Head of Safeguarding")
    membership_end(actor=alice, membership=membership, reason="Left the trust")
    client.force_login(alice)
    page = text(client.get(reverse("audit:event_list", args=["southwark"])))
    assert "Role changed from Viewer to Panel member" in page
    assert "Is active changed from yes to no" in page and "Reason: Left the trust" in page
    assert "role:" not in page and "is_active" not in page


def test_each_role_offered_says_what_it_may_see_and_do(client, alice, partnership_a):
    client.force_login(alice)
    page = text(client.get(reverse("accounts:person_invite", args=[partnership_a.slug])))
    for role in Role:
        assert f'id="id_role_{list(Role).index(role)}-hint"' in page, role
    assert "Never sees a case or a person's details" in page  # the viewer
    assert "Sees children's names" in page  # the business manager and the chair

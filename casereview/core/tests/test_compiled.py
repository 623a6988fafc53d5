"""The queries every request runs, compiled once (core.compiled): the session, the user, the second factor's
device and the memberships read through them are what Django's querysets read, and a change to any of them
counts on the next request."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from casereview.accounts import permissions
from casereview.accounts.models import Membership, Role, User
from casereview.core.compiled import CompiledQuery
from casereview.core.sessions import SessionStore
from casereview.testing import member

pytestmark = pytest.mark.django_db

HOME = reverse("home")


def test_a_compiled_query_gives_what_its_queryset_gives_for_each_value(partnership_a, partnership_b, agency_a):
    first = member(partnership_a, Role.AGENCY_LEAD, username="lee", agency=agency_a)
    Membership.objects.create(user=first, partnership=partnership_b, role=Role.PANEL_MEMBER)
    Membership.objects.create(user=first, partnership=partnership_a, role=Role.VIEWER, is_active=False)
    second = member(partnership_b, Role.CHAIR, username="cho")

    def build(user_id):
        return (
            Membership.objects.unscoped()
            .filter(user_id=user_id, is_active=True)
            .select_related("partnership", "agency")
            .order_by("partnership__name", "role")
        )

    query = CompiledQuery(build, Membership._meta.get_field("user"))
    for user in (first, second, first):
        compiled = query.fetch(user.pk)
        expected = list(build(user.pk))
        assert [(m.pk, m.role, m.agency_id, m.partnership_id) for m in compiled] == [
            (m.pk, m.role, m.agency_id, m.partnership_id) for m in expected
        ]
        assert [m.partnership.name for m in compiled] == [m.partnership.name for m in expected]
        assert [m.agency and m.agency.name for m in compiled] == [m.agency and m.agency.name for m in expected]
    assert query.fetch(-1) == []


def test_the_memberships_a_page_reads_are_the_active_ones_with_their_partnership_and_agency(
    partnership_a, partnership_b, agency_a, django_assert_num_queries
):
    lead = member(partnership_a, Role.AGENCY_LEAD, username="lee", agency=agency_a)
    Membership.objects.create(user=lead, partnership=partnership_b, role=Role.PANEL_MEMBER)
    Membership.objects.create(user=lead, partnership=partnership_b, role=Role.VIEWER, is_active=False)
    user = User.objects.get(pk=lead.pk)
    with django_assert_num_queries(1):
        memberships = permissions.active_memberships(user)
        names = [(m.partnership.name, m.role, m.agency and m.agency.name, m.user.username) for m in memberships]
    assert names == [
        ("Southwark Safeguarding Children Board", Role.AGENCY_LEAD, "Metropolitan Police Service", "lee"),
        ("Worcestershire Safeguarding Children Partnership", Role.PANEL_MEMBER, None, "lee"),
    ]


def test_a_session_is_read_until_it_expires(alice):
    store = SessionStore()
    store["colour"] = "green"
    store.create()
    assert SessionStore(store.session_key).load() == {"colour": "green"}
    Session.objects.filter(session_key=store.session_key).update(expire_date=timezone.now() - timedelta(seconds=1))
    expired = SessionStore(store.session_key)
    assert expired.load() == {}
    assert expired.session_key is None  # a new session is made, as Django's store does
    assert SessionStore("no-such-session-key-at-all").load() == {}


def test_a_person_made_inactive_is_signed_out_on_their_next_page(client, alice):
    client.force_login(alice)
    assert client.get(HOME).status_code == 200
    User.objects.filter(pk=alice.pk).update(is_active=False)
    assert client.get(HOME)["Location"].startswith(reverse("accounts:login"))


def test_a_changed_password_signs_the_other_sessions_out(client, alice):
    client.force_login(alice)
    alice.set_password("a quite different password 1")
    alice.save()
    assert client.get(HOME)["Location"].startswith(reverse("accounts:login"))


def test_a_removed_or_unconfirmed_device_no_longer_proves_the_second_factor(client, alice, settings):
    settings.CASEREVIEW_TWO_FACTOR = True
    device = TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)
    client.force_login(alice)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get(HOME).status_code == 200
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=False)
    assert client.get(HOME)["Location"].startswith(reverse("accounts:two_factor_setup"))
    TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get(HOME).status_code == 200
    device.delete()
    assert client.get(HOME)["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_another_persons_device_does_not_prove_the_second_factor(client, alice, charlie, settings):
    settings.CASEREVIEW_TWO_FACTOR = True
    TOTPDevice.objects.create(user=alice, name="Authenticator app", confirmed=True)
    theirs = TOTPDevice.objects.create(user=charlie, name="Authenticator app", confirmed=True)
    client.force_login(alice)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = theirs.persistent_id
    session.save()
    assert client.get(HOME)["Location"].startswith(reverse("accounts:two_factor_verify"))

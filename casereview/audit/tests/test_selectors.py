"""The audit log's read: one partnership's trail, never another's."""

import pytest

from casereview.audit.models import AuditAction
from casereview.audit.selectors import audit_event_list
from casereview.audit.services import record_event
from casereview.testing import AgencyFactory

pytestmark = pytest.mark.django_db


def test_the_outsider_sees_nothing_of_another_partnerships_trail(partnership_a, partnership_b, alice, charlie):
    record_event(actor=alice, action=AuditAction.CREATE, obj=AgencyFactory(partnership=partnership_a))
    assert not audit_event_list(user=charlie, partnership=partnership_a).exists()
    # even asking for their own partnership's log does not bring in A's events
    assert not audit_event_list(user=charlie, partnership=partnership_b).filter(partnership=partnership_a).exists()


def test_the_manager_sees_their_records_and_their_members_sign_ins(partnership_a, alice, bob):
    agency = AgencyFactory(partnership=partnership_a, name="Lambeth CAMHS")
    record_event(actor=alice, action=AuditAction.CREATE, obj=agency)
    record_event(actor=bob, action=AuditAction.LOGIN, object_repr=bob.username)
    events = audit_event_list(user=alice, partnership=partnership_a)
    assert {e.action for e in events} == {AuditAction.CREATE, AuditAction.LOGIN}
    assert list(audit_event_list(user=alice, partnership=partnership_a, text="CAMHS")) == [
        e for e in events if e.action == AuditAction.CREATE
    ]


def test_a_case_reader_may_not_read_the_trail(partnership_a, alice, dora):
    record_event(actor=alice, action=AuditAction.CREATE, obj=AgencyFactory(partnership=partnership_a))
    assert not audit_event_list(user=dora, partnership=partnership_a).exists()

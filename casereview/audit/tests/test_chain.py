"""A deleted or edited audit event is found by `manage.py verify_audit`, even when it was removed with the
database's own tools (raw SQL past the model's guards and, on PostgreSQL, past the trigger)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from casereview.audit.models import AuditAction as Action
from casereview.audit.models import AuditEvent
from casereview.audit.services import record_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail(alice, charlie, agency_a, partnership_b):
    events = [
        record_event(actor=alice, action=Action.UPDATE, obj=agency_a, changes={"name": ["Old", f"New {n}"]})
        for n in range(5)
    ]
    record_event(actor=charlie, action=Action.VIEW, obj=partnership_b)
    return events


def _raw(sql, params):
    """As someone with the database's own tools would: past the model's guards and the trigger."""
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = replica")  # triggers off (superuser only)
        cursor.execute(sql, params)


def _verify():
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except CommandError as error:
        return False, err.getvalue() + str(error)
    return True, out.getvalue()


def test_each_partnership_has_its_own_numbered_chain(trail, partnership_a, partnership_b):
    ours = AuditEvent.objects.unscoped().filter(partnership=partnership_a).order_by("sequence")
    assert [e.sequence for e in ours] == [1, 2, 3, 4, 5]
    assert all(later.previous_hash == earlier.hash for earlier, later in zip(ours, ours[1:]))
    assert AuditEvent.objects.unscoped().get(partnership=partnership_b).sequence == 1


def test_a_whole_trail_verifies(trail):
    whole, message = _verify()
    assert whole, message
    assert "6 events checked" in message


def test_a_deleted_event_is_reported_as_a_gap(trail, partnership_a):
    _raw("DELETE FROM audit_auditevent WHERE id = %s", [trail[2].pk])
    whole, message = _verify()
    assert not whole
    assert "Southwark" in message and "1 event missing before event 4" in message


def test_the_last_event_deleted_is_reported(trail):
    _raw("DELETE FROM audit_auditevent WHERE id = %s", [trail[-1].pk])
    whole, message = _verify()
    assert not whole and "the chain's last event is missing" in message


def test_an_edited_event_is_reported(trail):
    _raw("UPDATE audit_auditevent SET reason = %s WHERE id = %s", ["nothing happened", trail[1].pk])
    whole, message = _verify()
    assert not whole and "event 2" in message and "changed after it was written" in message


def test_an_edited_time_is_reported(trail):
    _raw("UPDATE audit_auditevent SET at = %s WHERE id = %s", ["2020-01-01 00:00:00", trail[3].pk])
    whole, message = _verify()
    assert not whole and "event 4" in message


def _delete_head(partnership):
    _raw("DELETE FROM audit_auditchain WHERE key = %s", [str(partnership.pk)])


def test_a_deleted_chain_head_is_reported(trail, partnership_a):
    _delete_head(partnership_a)
    whole, message = _verify()
    assert not whole
    assert "Southwark" in message and "the record of where the chain ends is missing" in message


def test_after_a_deleted_chain_head_the_next_change_is_recorded_and_the_tampering_still_reported(
    trail, alice, agency_a, partnership_a
):
    _delete_head(partnership_a)
    event = record_event(actor=alice, action=Action.UPDATE, obj=agency_a, changes={"name": ["New 4", "Newer"]})
    ours = AuditEvent.objects.unscoped().filter(partnership=partnership_a).order_by("sequence")
    assert [e.sequence for e in ours] == [1, 2, 3, 4, 5, 6, 7]  # 6: the head rebuilt; 7: the change
    assert ours.last().pk == event.pk and all(b.previous_hash == a.hash for a, b in zip(ours, ours[1:]))
    whole, message = _verify()
    assert not whole and "found missing (removed outside casereview) and rebuilt" in message


def test_a_chain_head_set_back_is_reported(trail, partnership_a):
    """Probe 16: a head set back (its length only) left verify_audit saying the trail was whole, while every
    audited change of the partnership failed on the chain's numbering."""
    _raw("UPDATE audit_auditchain SET length = 3 WHERE key = %s", [str(partnership_a.pk)])
    whole, message = _verify()
    assert not whole
    assert "Southwark" in message and "says the chain ends at event 3, but it goes on to event 5" in message


def test_a_chain_head_set_back_says_how_to_repair_it_and_the_repair_lets_work_go_on(
    trail, alice, agency_a, partnership_a
):
    """Probe 16: a head set back by the owner (who can drop the trigger) blocked the partnership's audited
    changes, and verify_audit did not say what to do. It names repair_audit_head, which moves the head
    forward to the chain's newest event; the repair stays on the record."""
    from django.db import IntegrityError

    _raw("UPDATE audit_auditchain SET length = 3 WHERE key = %s", [str(partnership_a.pk)])
    with pytest.raises(IntegrityError), transaction.atomic():
        record_event(actor=alice, action=Action.UPDATE, obj=agency_a, changes={"name": ["A", "B"]})
    whole, message = _verify()
    assert not whole and "Run `manage.py repair_audit_head`" in message and "forward to event 5" in message

    out = io.StringIO()
    postgresql = connection.vendor == "postgresql"
    if postgresql:  # as the README's application role, under the trigger that lets a head only move forward
        _grant_as_the_readme_says("casereview_repair_probe")
    with connection.cursor() as cursor:
        if postgresql:
            cursor.execute("SET ROLE casereview_repair_probe")
        try:
            call_command("repair_audit_head", stdout=out)
        finally:
            if postgresql:
                cursor.execute("RESET ROLE")
    assert (
        "Southwark Safeguarding Children Board: the record of where the chain ends was at event 3; moved "
        "forward to event 5." in out.getvalue()
    )
    event = record_event(actor=alice, action=Action.UPDATE, obj=agency_a, changes={"name": ["A", "B"]})
    assert event.sequence == 7  # after the repair's own event, 6
    whole, message = _verify()
    assert not whole and "goes on to" not in message
    assert "had been set back outside casereview, to event 3, and was moved forward to event 5" in message
    out = io.StringIO()
    call_command("repair_audit_head", stdout=out)
    assert out.getvalue().strip() == "No chain head was behind its chain."


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a database trigger: PostgreSQL")
def test_the_application_cannot_set_a_chain_head_back_or_away_from_its_events(alice, agency_a, partnership_a):
    """The README's grants let the application's role UPDATE a head's length and hash (every event moves
    them on); setting them back made the partnership's next audited change reuse a number (probe 16)."""
    from django.db import DatabaseError

    _grant_as_the_readme_says("casereview_rewind_probe")
    with connection.cursor() as cursor:
        cursor.execute("SET ROLE casereview_rewind_probe")
        try:
            for n in range(3):
                record_event(actor=alice, action=Action.UPDATE, obj=agency_a, changes={"name": ["A", f"B{n}"]})
            key = str(partnership_a.pk)
            for sql in (
                "UPDATE audit_auditchain SET length = length - 1 WHERE key = %s",
                "UPDATE audit_auditchain SET length = 1 WHERE key = %s",
                "UPDATE audit_auditchain SET head = repeat('0', 64) WHERE key = %s",
                "UPDATE audit_auditchain SET length = length + 5 WHERE key = %s",
            ):
                with pytest.raises(DatabaseError, match="audit chain head"), transaction.atomic():
                    cursor.execute(sql, [key])
            event = record_event(actor=alice, action=Action.UPDATE, obj=agency_a, changes={"name": ["B2", "C"]})
            assert event.sequence == 4
        finally:
            cursor.execute("RESET ROLE")
    assert _verify()[0]


def _grant_as_the_readme_says(role):
    """The README's production grants, run as written for a role of our own (the test's transaction rolls the
    role back with everything else)."""
    from pathlib import Path

    from django.conf import settings

    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    block = readme[readme.index("-- after each migrate") : readme.index("```", readme.index("-- after each migrate"))]
    grants = [line for line in block.splitlines() if line.startswith(("GRANT", "REVOKE"))]
    assert any("audit_auditchain" in line for line in grants)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role}")
        for line in grants:
            cursor.execute(line.replace("casereview_app", role))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="database roles and grants: PostgreSQL")
def test_the_readmes_grants_let_the_application_record_events_but_not_delete_a_chain_head(
    alice, agency_a, partnership_b
):
    """The README's production grants, run as written for a role of our own (the test's transaction rolls the
    role back with everything else)."""
    from pathlib import Path

    from django.conf import settings
    from django.db import ProgrammingError

    from casereview.audit.checks import audit_chain_not_deletable_by_the_application

    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    block = readme[readme.index("-- after each migrate") : readme.index("```", readme.index("-- after each migrate"))]
    grants = [line for line in block.splitlines() if line.startswith(("GRANT", "REVOKE"))]
    assert any("audit_auditchain" in line for line in grants)
    with connection.cursor() as cursor:
        cursor.execute("CREATE ROLE casereview_grants_probe")
        for line in grants:
            cursor.execute(line.replace("casereview_app", "casereview_grants_probe"))
        cursor.execute("SET ROLE casereview_grants_probe")
        try:
            record_event(actor=alice, action=Action.UPDATE, obj=agency_a, changes={"name": ["A", "B"]})
            record_event(actor=alice, action=Action.VIEW, obj=partnership_b)  # a chain head made as this role
            assert audit_chain_not_deletable_by_the_application(databases=["default"]) == []
            for sql in (
                "DELETE FROM audit_auditchain",
                "TRUNCATE audit_auditchain",
                "UPDATE audit_auditchain SET key = 'x'",
            ):
                with pytest.raises(ProgrammingError, match="permission denied"), transaction.atomic():
                    cursor.execute(sql)
        finally:
            cursor.execute("RESET ROLE")
    assert audit_chain_not_deletable_by_the_application(databases=["default"])  # the owner could: warned

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casereview.audit.models import AuditAction, AuditEvent
from casereview.incidents import services
from casereview.incidents.models import ChildIdentity, Incident, NotificationDuty
from casereview.testing import incident_facts as facts

pytestmark = pytest.mark.django_db


def test_recording_a_looked_after_childs_death_creates_three_duties_due_after_easter(alice, partnership_a):
    incident = services.incident_create(
        actor=alice,
        partnership=partnership_a,
        facts=facts(),
        identity={"full_name": "Tom Example", "nhs_number": "943 476 5919"},
    )
    duties = {d.kind: d.due_date for d in incident.duties.all()}
    assert duties == {
        "national_panel": date(2025, 4, 28),
        "secretary_of_state": date(2025, 4, 28),
        "ofsted": date(2025, 4, 28),
    }
    assert incident.reference == "2025-001"
    assert ChildIdentity.objects.get(incident=incident).full_name == "Tom Example"


def test_references_count_up_within_the_year(alice, partnership_a):
    first = services.incident_create(actor=alice, partnership=partnership_a, facts=facts())
    second = services.incident_create(actor=alice, partnership=partnership_a, facts=facts(child_pseudonym="Child U"))
    assert (first.reference, second.reference) == ("2025-001", "2025-002")


def test_the_identity_never_reaches_the_audit_trail(alice, partnership_a):
    services.incident_create(
        actor=alice, partnership=partnership_a, facts=facts(), identity={"full_name": "Tom Example"}
    )
    trail = " ".join(str(e.changes) + e.object_repr for e in AuditEvent.objects.all())
    assert "Tom Example" not in trail
    assert "(restricted)" in trail


def test_correcting_looked_after_status_withdraws_the_sos_and_ofsted_duties_and_is_audited(alice, partnership_a):
    incident = services.incident_create(actor=alice, partnership=partnership_a, facts=facts())
    services.incident_update(
        actor=alice,
        incident=incident,
        facts={"looked_after": False},
        reason="Not looked after: placing authority confirmed",
    )
    duties = {d.kind: d for d in incident.duties.all()}
    assert duties["national_panel"].status == "overdue"  # still owed (and, in 2025, late)
    assert duties["ofsted"].status == "withdrawn" and duties["secretary_of_state"].status == "withdrawn"
    withdrawn_events = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(duties["ofsted"].pk))
    assert withdrawn_events.get().reason == "Not looked after: placing authority confirmed"
    # Correcting it back reinstates them rather than creating duplicates.
    services.incident_update(
        actor=alice, incident=incident, facts={"looked_after": True}, reason="Looked after after all"
    )
    assert NotificationDuty.objects.filter(incident=incident).count() == 3
    assert all(d.status != "withdrawn" for d in incident.duties.all())


def test_a_later_awareness_date_moves_unsent_deadlines_but_not_sent_ones(alice, partnership_a):
    incident = services.incident_create(actor=alice, partnership=partnership_a, facts=facts())
    panel = incident.duties.get(kind="national_panel")
    services.duty_mark_sent(actor=alice, duty=panel, sent_on=date(2025, 4, 22), reference="DFE-1")
    services.incident_update(
        actor=alice,
        incident=incident,
        facts={"aware_date": date(2025, 4, 22)},
        reason="Aware later than first recorded",
    )
    duties = {d.kind: d for d in incident.duties.all()}
    assert duties["national_panel"].due_date == date(2025, 4, 28)  # sent: its record stands
    assert duties["ofsted"].due_date == date(2025, 4, 29)


def test_changing_facts_needs_a_reason(alice, partnership_a):
    incident = services.incident_create(actor=alice, partnership=partnership_a, facts=facts())
    with pytest.raises(ValidationError, match="Say why"):
        services.incident_update(actor=alice, incident=incident, facts={"looked_after": False}, reason=" ")
    assert Incident.objects.get(pk=incident.pk).looked_after is True


@pytest.mark.parametrize(
    "bad, message",
    [
        (
            dict(
                incident_date=timezone.localdate() + timedelta(days=1),
                aware_date=timezone.localdate() + timedelta(days=1),
            ),
            "today or in the past",
        ),
        (dict(incident_date=date(2025, 4, 17), aware_date=date(2025, 4, 16)), "cannot have become aware before"),
        (dict(looked_after=True, care_leaver=True), "not yet a care leaver"),
    ],
)
def test_impossible_facts_are_refused_and_nothing_is_saved(alice, partnership_a, bad, message):
    with pytest.raises(ValidationError, match=message):
        services.incident_create(actor=alice, partnership=partnership_a, facts=facts(**bad))
    assert not Incident.objects.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.CREATE).exists()


def test_an_invalid_nhs_number_is_refused(alice, partnership_a):
    with pytest.raises(ValidationError, match="valid 10-digit NHS number"):
        services.incident_create(
            actor=alice, partnership=partnership_a, facts=facts(), identity={"nhs_number": "943 476 5918"}
        )
    assert not Incident.objects.exists()


def test_a_notification_cannot_be_recorded_as_sent_in_the_future_or_before_awareness(alice, partnership_a):
    incident = services.incident_create(actor=alice, partnership=partnership_a, facts=facts())
    duty = incident.duties.first()
    with pytest.raises(ValidationError, match="today or in the past"):
        services.duty_mark_sent(actor=alice, duty=duty, sent_on=timezone.localdate() + timedelta(days=1))
    with pytest.raises(ValidationError, match="before the local authority became aware"):
        services.duty_mark_sent(actor=alice, duty=duty, sent_on=date(2025, 4, 1))
    duty.refresh_from_db()
    assert duty.sent_on is None


def test_below_threshold_incident_can_be_referred_locally_with_a_reason(alice, partnership_a):
    incident = services.incident_create(
        actor=alice,
        partnership=partnership_a,
        facts=facts(harm="serious_harm", looked_after=False, abuse_or_neglect="not_suspected"),
    )
    assert not incident.duties.exists()
    with pytest.raises(ValidationError, match="Say why"):
        services.incident_refer_locally(actor=alice, incident=incident, referred_on=date(2025, 4, 18), reason="")
    services.incident_refer_locally(
        actor=alice, incident=incident, referred_on=date(2025, 4, 18), reason="Learning about early help"
    )
    incident.refresh_from_db()
    assert incident.local_referral_reason == "Learning about early help"


def test_the_same_incident_sent_twice_is_recorded_once_and_a_different_one_is_not_taken_for_it(alice, partnership_a):
    first = services.incident_create(actor=alice, partnership=partnership_a, facts=facts())
    again = services.incident_create(actor=alice, partnership=partnership_a, facts=facts())
    assert again.pk == first.pk and Incident.objects.count() == 1
    assert ChildIdentity.objects.count() == 1 and NotificationDuty.objects.filter(incident=first).count() == 3
    other = services.incident_create(actor=alice, partnership=partnership_a, facts=facts(summary="Another child"))
    assert other.pk != first.pk
    Incident.objects.filter(pk=first.pk).update(created=timezone.now() - timedelta(minutes=10))
    later = services.incident_create(actor=alice, partnership=partnership_a, facts=facts())
    assert later.pk != first.pk  # the same facts much later are a new record, not a resent form

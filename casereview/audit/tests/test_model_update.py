"""model_update: the one way a service changes a saved record, so every change is validated, saves only what
changed and leaves one audit event with before and after in the same shape."""

import pytest
from django.core.exceptions import ValidationError

from casereview.accounts.models import Agency, Sector
from casereview.audit.models import AuditAction, AuditEvent
from casereview.audit.services import model_update
from casereview.testing import AgencyFactory, ChildIdentityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(partnership_a):
    return AgencyFactory(partnership=partnership_a, name="Southwark Police", sector=Sector.POLICE)


def test_records_before_and_after_of_each_changed_field_as_a_person_reads_them(alice, agency):
    agency, changed = model_update(
        actor=alice,
        instance=agency,
        data={"name": "Metropolitan Police", "sector": Sector.POLICE},
        reason="Renamed after merger",
    )
    assert changed
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(agency.pk))
    assert event.actor == alice and event.reason == "Renamed after merger"
    assert event.changes == {"name": ["Southwark Police", "Metropolitan Police"]}
    model_update(actor=alice, instance=agency, data={"sector": Sector.HEALTH})
    latest = AuditEvent.objects.filter(action=AuditAction.UPDATE).order_by("-at", "-pk").first()
    assert latest.changes == {"sector": ["Police", "Health"]}  # the choice's label, as audit_update records it


def test_saves_only_the_fields_it_changes(alice, agency):
    # Someone else changes the sector after this copy was read: changing the name must not undo their change.
    Agency.objects.filter(pk=agency.pk).update(sector=Sector.HEALTH)
    model_update(actor=alice, instance=agency, data={"name": "Metropolitan Police"})
    agency.refresh_from_db()
    assert (agency.name, agency.sector) == ("Metropolitan Police", Sector.HEALTH)


def test_nothing_is_saved_or_recorded_when_no_value_changes(alice, agency):
    updated = agency.updated
    agency, changed = model_update(actor=alice, instance=agency, data={"name": "Southwark Police"})
    assert not changed
    assert not AuditEvent.objects.filter(action=AuditAction.UPDATE).exists()
    agency.refresh_from_db()
    assert agency.updated == updated


def test_a_refused_change_saves_nothing_and_leaves_the_record_as_it_was(alice, agency):
    with pytest.raises(ValidationError) as refused:
        model_update(actor=alice, instance=agency, data={"name": "", "sector": Sector.HEALTH})
    assert "name" in refused.value.message_dict
    assert (agency.name, agency.sector) == ("Southwark Police", Sector.POLICE)
    agency.refresh_from_db()
    assert (agency.name, agency.sector) == ("Southwark Police", Sector.POLICE)
    assert not AuditEvent.objects.filter(action=AuditAction.UPDATE).exists()


def test_a_related_record_is_compared_by_its_key(alice, agency, partnership_a):
    _, changed = model_update(actor=alice, instance=agency, data={"partnership": partnership_a})
    assert not changed


def test_restricted_fields_are_recorded_as_changed_without_their_values(alice, partnership_a):
    identity = ChildIdentityFactory(incident__partnership=partnership_a, full_name="Rosie Example")
    model_update(actor=alice, instance=identity, data={"full_name": "Rosie Sample", "postcode": "SE1 2AA"})
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(identity.pk))
    assert event.changes == {"full_name": ["(restricted)", "(restricted)"], "postcode": ["", "(restricted)"]}
    assert "Rosie" not in str(event.changes)

import csv
import io

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from casereview.accounts import services
from casereview.accounts.models import Agency
from casereview.audit.models import AuditAction, AuditEvent
from casereview.audit.services import record_event
from casereview.testing import AgencyFactory, exported

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(alice, agency_a):
    return record_event(actor=alice, action=AuditAction.UPDATE, obj=agency_a, changes={"name": ["Old", "New"]})


def test_events_cannot_be_edited_or_deleted_through_the_orm(event):
    event.reason = "rewritten"
    with pytest.raises(PermissionDenied):
        event.save()
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.filter(pk=event.pk).update(reason="rewritten")
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the database trigger is PostgreSQL's")
def test_postgresql_refuses_raw_sql_changes_to_events(event):
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE audit_auditevent SET reason = 'x' WHERE id = %s", [event.pk])
    with pytest.raises(DatabaseError, match="append-only"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM audit_auditevent WHERE id = %s", [event.pk])


def test_admin_offers_no_way_to_add_change_or_delete_events(event, admin_user):
    request = RequestFactory().get("/")
    request.user = admin_user
    event_admin = site._registry[AuditEvent]
    assert not event_admin.has_add_permission(request)
    assert not event_admin.has_change_permission(request, event)
    assert not event_admin.has_delete_permission(request, event)
    assert event_admin.has_view_permission(request, event)


def test_a_failed_change_leaves_no_audit_event(alice, partnership_a):
    AgencyFactory(partnership=partnership_a, name="Existing")
    with pytest.raises(ValidationError):
        services.agency_create(actor=alice, partnership=partnership_a, name="Existing", sector="police")
    assert not AuditEvent.objects.filter(action=AuditAction.CREATE).exists()


def test_event_and_change_roll_back_together(alice, partnership_a):
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            services.agency_create(actor=alice, partnership=partnership_a, name="Doomed", sector="police")
            raise RuntimeError("later step failed")
    assert not Agency.objects.filter(name="Doomed").exists()
    assert not AuditEvent.objects.exists()


def test_business_manager_lists_and_filters_their_partnerships_events(
    client, alice, bob, charlie, agency_a, partnership_b
):
    record_event(actor=alice, action=AuditAction.UPDATE, obj=agency_a, reason="Renamed after merger")
    other = AgencyFactory(partnership=partnership_b, name="West Mercia Police")
    record_event(actor=charlie, action=AuditAction.UPDATE, obj=other, reason="Worcestershire business")
    client.force_login(alice)
    url = reverse("audit:event_list", args=["southwark"])
    page = client.get(url).content.decode()
    assert "Renamed after merger" in page
    assert "Worcestershire business" not in page
    assert "Signed in" in page  # alice's own sign-in (force_login) belongs to her partnership's trail
    filtered = client.get(url, {"action": "update", "text": "merger"}).content.decode()
    assert "Renamed after merger" in filtered and "Signed in</td>" not in filtered


def test_members_failed_sign_ins_show_in_their_partnerships_log(client, alice, bob):
    client.post(reverse("accounts:login"), {"username": "bob", "password": "wrong"})
    client.post(reverse("accounts:login"), {"username": "charlie", "password": "wrong"})
    client.force_login(alice)
    page = client.get(reverse("audit:event_list", args=["southwark"]), {"action": "failed_login"}).content.decode()
    assert "bob" in page
    assert "charlie" not in page


def test_bad_filter_dates_are_explained(client, alice):
    client.force_login(alice)
    page = client.get(
        reverse("audit:event_list", args=["southwark"]), {"date_from": "31/02/2025", "date_to": ""}
    ).content.decode()
    assert "Enter the from date as day/month/year" in page


def test_to_date_before_from_date_is_explained(client, alice):
    client.force_login(alice)
    page = client.get(
        reverse("audit:event_list", args=["southwark"]), {"date_from": "10/04/2025", "date_to": "01/04/2025"}
    ).content.decode()
    assert "The to date must be the same as or after the from date" in page


def test_only_the_business_manager_may_read_the_log(client, bob, charlie, partnership_a):
    url = reverse("audit:event_list", args=["southwark"])
    client.force_login(bob)
    assert client.get(url).status_code == 403
    client.force_login(charlie)
    assert client.get(url).status_code == 404


def test_export_is_a_spreadsheet_safe_csv_and_is_itself_audited(
    client, alice, agency_a, django_capture_on_commit_callbacks
):
    record_event(actor=alice, action=AuditAction.UPDATE, obj=agency_a, reason='=HYPERLINK("http://evil")')
    client.force_login(alice)
    response = exported(
        client,
        reverse("audit:event_export", args=["southwark"]),
        {"action": "update"},
        capture=django_capture_on_commit_callbacks,
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["When", "Who", "Action"]
    assert len(rows) == 2
    assert rows[1][6].startswith("'=")
    export = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert export.actor == alice and "1 events" in export.object_repr
    # named after its filters, so two exports of the trail can be told apart
    today = timezone.localdate()
    assert f'"audit-southwark-update-{today:%Y-%m-%d}.csv"' in response["Content-Disposition"]

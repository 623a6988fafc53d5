"""The client's address reaches the audit trail from the request through a context variable, so services
take only an actor: a change made through a page carries it, one made by a command carries none."""

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from casereview.accounts.models import Agency
from casereview.audit.context import ClientAddressMiddleware, client_address
from casereview.audit.models import AuditAction, AuditEvent
from casereview.documents.models import Document

pytestmark = pytest.mark.django_db


def _add_agency(client, name, address):
    client.post(
        reverse("accounts:agency_create", args=["southwark"]), {"name": name, "sector": "other"}, REMOTE_ADDR=address
    )
    return AuditEvent.objects.get(action=AuditAction.CREATE, object_id=str(Agency.objects.get(name=name).pk))


def test_a_change_made_through_a_page_records_the_clients_address(client, alice):
    client.force_login(alice)
    assert _add_agency(client, "Southwark Youth Offending Service", "203.0.113.7").ip_address == "203.0.113.7"


def test_each_request_records_its_own_address_and_none_is_left_behind(client, alice):
    client.force_login(alice)
    assert _add_agency(client, "First agency", "203.0.113.7").ip_address == "203.0.113.7"
    assert client_address.get() is None
    assert _add_agency(client, "Second agency", "198.51.100.20").ip_address == "198.51.100.20"
    assert client_address.get() is None


def test_a_failed_sign_in_records_the_address_it_came_from(client, bob):
    client.post(reverse("accounts:login"), {"username": "bob", "password": "wrong"}, REMOTE_ADDR="192.0.2.44")
    assert AuditEvent.objects.get(action=AuditAction.FAILED_LOGIN).ip_address == "192.0.2.44"


def test_a_change_made_by_a_command_records_no_address(tmp_path, alice, partnership_a):
    (tmp_path / "minutes.txt").write_text("Minutes of the panel meeting held on 3 May 2025.\n")
    call_command("import", str(tmp_path), partnership="southwark", user=alice.username, stdout=None)
    document = Document.objects.get(file_name="minutes.txt")
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_id=str(document.pk))
    assert event.actor == alice and event.ip_address is None


def test_the_address_is_put_back_even_when_the_page_fails():
    def failing_page(request):
        assert client_address.get() == "203.0.113.9"
        raise RuntimeError("the page failed")

    middleware = ClientAddressMiddleware(failing_page)
    with pytest.raises(RuntimeError):
        middleware(RequestFactory().get("/", REMOTE_ADDR="203.0.113.9"))
    assert client_address.get() is None

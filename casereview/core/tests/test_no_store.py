import pytest
from django.urls import reverse

from casereview.testing import IncidentFactory, exported

pytestmark = pytest.mark.django_db


def test_a_childs_identity_page_is_never_stored(client, alice, partnership_a):
    incident = IncidentFactory(partnership=partnership_a)
    client.force_login(alice)
    response = client.get(reverse("incidents:identity", args=[incident.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_an_export_is_never_stored_but_an_ordinary_page_may_be(
    client, alice, partnership_a, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    export = exported(
        client, reverse("audit:event_export", args=[partnership_a.slug]), capture=django_capture_on_commit_callbacks
    )
    assert "no-store" in export["Cache-Control"]
    page = client.get(reverse("reviews:list", args=[partnership_a.slug]))
    assert "no-store" not in page.get("Cache-Control", "")

import pytest
from django.urls import reverse

from casereview.accounts.models import Agency, Role
from casereview.audit.models import AuditAction, AuditEvent
from casereview.testing import member

pytestmark = pytest.mark.django_db


def test_home_links_to_the_partnership_directory_on_its_own_page(client, alice):
    client.force_login(alice)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert reverse("accounts:partnership_detail", args=["southwark"]) in response.content.decode()


def test_home_tells_a_user_without_membership_what_to_do(client, db):
    from casereview.testing import UserFactory

    client.force_login(UserFactory())
    response = client.get(reverse("home"))
    assert b"not yet a member of any partnership" in response.content


def test_partnership_home_shows_agencies_subgroups_and_link_to_people(client, alice, agency_a, subgroup_a):
    client.force_login(alice)
    response = client.get(reverse("accounts:partnership_detail", args=["southwark"]))
    page = response.content.decode()
    assert "Metropolitan Police Service" in page
    assert "Serious Case Review (SCR) Subgroup" in page
    assert reverse("accounts:people", args=["southwark"]) in page
    assert "Alice Adams" in page  # the business manager is named on the page
    assert "Add an agency" in page


def test_viewer_sees_partnership_but_not_its_people_or_edit_buttons(client, bob, agency_a):
    client.force_login(bob)
    page = client.get(reverse("accounts:partnership_detail", args=["southwark"])).content.decode()
    assert "Metropolitan Police Service" in page
    assert "Add an agency" not in page
    assert reverse("accounts:people", args=["southwark"]) not in page
    assert "Alice Adams" not in page
    assert client.get(reverse("accounts:people", args=["southwark"])).status_code == 403


def test_outsider_gets_not_found_for_another_partnership(client, charlie, partnership_a, agency_a):
    client.force_login(charlie)
    assert client.get(reverse("accounts:partnership_detail", args=["southwark"])).status_code == 404
    assert client.get(reverse("accounts:agency_detail", args=[agency_a.pk])).status_code == 404


def test_people_list_searches_and_filters_by_role(client, alice, bob, partnership_a, agency_a):
    member(partnership_a, Role.AGENCY_LEAD, agency=agency_a, first_name="Priya", last_name="Patel")
    client.force_login(alice)
    url = reverse("accounts:people", args=["southwark"])
    page = client.get(url, {"q": "metropolitan"}).content.decode()
    assert "Priya Patel" in page and "Bob Brown" not in page
    page = client.get(url, {"role": Role.VIEWER}).content.decode()
    assert "Bob Brown" in page and "Priya Patel" not in page
    page = client.get(url, {"q": "nobody-like-this"}).content.decode()
    assert "Nobody matches your search" in page


def test_people_list_is_paginated(client, alice, partnership_a, settings):
    settings.CASEREVIEW_PAGE_SIZE = 2
    for n in range(3):
        member(partnership_a, Role.PANEL_MEMBER, last_name=f"Zed{n}")
    client.force_login(alice)
    url = reverse("accounts:people", args=["southwark"])
    first = client.get(url).content.decode()
    assert "Page 1 of 2" in first
    last = client.get(url, {"page": 2}).content.decode()
    assert "Zed1" in last or "Zed2" in last
    # A nonsense page number shows a real page instead of an error.
    assert client.get(url, {"page": "abc"}).status_code == 200


def test_adding_an_agency_is_saved_and_audited(client, alice, partnership_a):
    client.force_login(alice)
    url = reverse("accounts:agency_create", args=["southwark"])
    response = client.post(url, {"name": "Southwark Youth Offending Service", "sector": "other"}, follow=True)
    assert "Southwark Youth Offending Service has been added" in response.content.decode()
    agency = Agency.objects.get(name="Southwark Youth Offending Service")
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_id=str(agency.pk))
    assert event.actor == alice and event.partnership == partnership_a
    assert event.changes["name"] == [None, "Southwark Youth Offending Service"]


def test_adding_an_agency_with_missing_fields_explains_each_error(client, alice):
    client.force_login(alice)
    response = client.post(reverse("accounts:agency_create", args=["southwark"]), {"name": " ", "sector": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter the agency&#x27;s name" in page
    assert "Choose the agency&#x27;s sector" in page
    assert not Agency.objects.exists()


def test_adding_a_duplicate_agency_is_refused_and_keeps_the_original(client, alice, agency_a):
    client.force_login(alice)
    response = client.post(
        reverse("accounts:agency_create", args=["southwark"]),
        {"name": "metropolitan police service", "sector": "police"},
    )
    assert "already has an agency called metropolitan police service" in response.content.decode()
    assert list(Agency.objects.values_list("name", flat=True)) == ["Metropolitan Police Service"]


def test_viewer_cannot_add_an_agency(client, bob):
    client.force_login(bob)
    url = reverse("accounts:agency_create", args=["southwark"])
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "Sneaky", "sector": "other"}).status_code == 403
    assert not Agency.objects.filter(name="Sneaky").exists()


def test_outsider_cannot_add_an_agency_to_another_partnership(client, charlie, partnership_a):
    client.force_login(charlie)
    response = client.post(reverse("accounts:agency_create", args=["southwark"]), {"name": "Sneaky", "sector": "other"})
    assert response.status_code == 404
    assert not Agency.objects.filter(name="Sneaky").exists()


def test_the_same_agency_form_sent_twice_is_answered_with_the_first_agency(client, alice, partnership_a):
    client.force_login(alice)
    url = reverse("accounts:agency_create", args=[partnership_a.slug])
    first = client.post(url, {"name": "Southwark Council", "sector": "local_authority"})
    again = client.post(url, {"name": "Southwark Council", "sector": "local_authority"})
    assert first.status_code == again.status_code == 302
    assert Agency.objects.filter(name="Southwark Council").count() == 1

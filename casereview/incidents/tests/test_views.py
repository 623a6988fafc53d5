from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.audit.models import AuditAction, AuditEvent
from casereview.incidents.models import Incident
from casereview.testing import IncidentFactory, date_fields, member

pytestmark = pytest.mark.django_db


def incident_form(**overrides):
    data = {
        "child_pseudonym": "Child T",
        "harm": "death",
        "abuse_or_neglect": "suspected",
        "looked_after": "on",
        "location": "in_area",
        "sex": "male",
        "summary": "",
        **date_fields("incident_date", date(2025, 4, 16)),
        **date_fields("aware_date", date(2025, 4, 17)),
    }
    data.update(overrides)
    return data


def test_business_manager_records_an_incident_and_sees_its_duties(client, alice, partnership_a):
    client.force_login(alice)
    response = client.post(
        reverse("incidents:create", args=["southwark"]), incident_form(full_name="Tom Example"), follow=True
    )
    page = response.content.decode()
    assert "recorded as 2025-001" in page
    assert page.count("Mon 28 Apr 2025") == 3
    assert "Notify the Child Safeguarding Practice Review Panel" in page and "Notify Ofsted" in page
    assert "Tom Example" not in page  # the name stays in the restricted record


def test_a_future_date_is_refused_beside_the_field_and_what_was_typed_is_kept(client, alice, partnership_a):
    client.force_login(alice)
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(
        reverse("incidents:create", args=["southwark"]),
        incident_form(
            **date_fields("incident_date", tomorrow), **date_fields("aware_date", tomorrow), summary="Kept text"
        ),
    )
    page = response.content.decode()
    assert "There is a problem" in page
    assert "The date of the incident must be today or in the past" in page
    assert "Kept text" in page
    assert not Incident.objects.exists()


def test_awareness_before_the_incident_is_refused(client, alice, partnership_a):
    client.force_login(alice)
    response = client.post(
        reverse("incidents:create", args=["southwark"]), incident_form(**date_fields("aware_date", date(2025, 4, 1)))
    )
    assert "cannot have become aware before the incident happened" in response.content.decode()


def test_an_impossible_date_is_explained(client, alice, partnership_a):
    client.force_login(alice)
    response = client.post(
        reverse("incidents:create", args=["southwark"]), incident_form(incident_date_0="31", incident_date_1="2")
    )
    assert "Date of the incident must be a real date" in response.content.decode()


def test_missing_answers_are_each_explained(client, alice, partnership_a):
    client.force_login(alice)
    page = client.post(reverse("incidents:create", args=["southwark"]), {}).content.decode()
    for message in [
        "Enter the pseudonym",
        "Say whether the child died or was seriously harmed",
        "Enter the date of the incident",
        "Say whether abuse or neglect is known or suspected",
        "Say where the incident happened",
    ]:
        assert message in page


def test_only_the_business_manager_and_chair_open_the_identity_and_each_opening_is_audited(
    client, partnership_a, alice
):
    incident = IncidentFactory(partnership=partnership_a)
    chair = member(partnership_a, Role.CHAIR)
    panel = member(partnership_a, Role.PANEL_MEMBER)
    url = reverse("incidents:identity", args=[incident.pk])
    for person in (alice, chair):
        client.force_login(person)
        assert "Rosie Example" in client.get(url).content.decode()
    client.force_login(panel)
    assert client.get(url).status_code == 404
    assert "Rosie Example" not in client.get(reverse("incidents:detail", args=[incident.pk])).content.decode()
    reads = AuditEvent.objects.filter(action=AuditAction.VIEW, object_id=str(incident.identity.pk))
    assert {e.actor for e in reads} == {alice, chair}


def test_panel_member_reads_incidents_but_cannot_record_them(client, partnership_a):
    panel = member(partnership_a, Role.PANEL_MEMBER)
    incident = IncidentFactory(partnership=partnership_a)
    client.force_login(panel)
    assert client.get(reverse("incidents:detail", args=[incident.pk])).status_code == 200
    assert client.get(reverse("incidents:create", args=["southwark"])).status_code == 403


def test_viewer_and_reviewer_see_no_incidents(client, bob, partnership_a):
    incident = IncidentFactory(partnership=partnership_a)
    reviewer = member(partnership_a, Role.REVIEWER)
    for person in (bob, reviewer):
        client.force_login(person)
        assert client.get(reverse("incidents:list", args=["southwark"])).status_code == 403
        assert client.get(reverse("incidents:detail", args=[incident.pk])).status_code == 404


def test_editing_facts_asks_why_and_recomputes_duties(client, alice, partnership_a):
    client.force_login(alice)
    client.post(reverse("incidents:create", args=["southwark"]), incident_form())
    incident = Incident.objects.get()
    edit = reverse("incidents:edit", args=[incident.pk])
    page = client.post(edit, incident_form(looked_after="")).content.decode()
    assert "Say why the facts are being changed" in page
    assert incident.duties.filter(withdrawn_on__isnull=False).count() == 0
    client.post(edit, incident_form(looked_after="", reason="Not looked after"))
    assert set(incident.duties.filter(withdrawn_on__isnull=False).values_list("kind", flat=True)) == {
        "ofsted",
        "secretary_of_state",
    }


def test_search_finds_incidents_by_pseudonym(client, alice, partnership_a):
    IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    IncidentFactory(partnership=partnership_a, child_pseudonym="Baby E")
    client.force_login(alice)
    page = client.get(reverse("incidents:list", args=["southwark"]), {"q": "baby"}).content.decode()
    assert "Baby E" in page and "Child R" not in page


def test_the_incident_names_each_national_panel_figure_and_recording_a_notification_keeps_its_name(
    client, alice, partnership_a
):
    client.force_login(alice)
    page = client.post(reverse("incidents:create", args=["southwark"]), incident_form(), follow=True).content.decode()
    # Four bare "not known"s said nothing about which figure was unknown.
    assert (
        "Main type of harm: not known; ethnicity: not known; disability: not known; child protection plan: not known"
        in page
    )
    incident = Incident.objects.get(child_pseudonym="Child T")
    duty = incident.duties.get(kind="national_panel")
    page = client.post(
        reverse("incidents:duty_sent", args=[duty.pk]), date_fields("sent_on", date(2025, 4, 18)), follow=True
    ).content.decode()
    assert "Recorded as sent: Notify the Child Safeguarding Practice Review Panel." in page

"""Walkthrough 11, finding 10 (docs/walkthrough-11.md): a child recorded as seriously harmed later dies."""

from datetime import date

import pytest
from django.urls import reverse

from casereview.incidents.models import Incident
from casereview.testing import date_fields, page_text

from .test_views import incident_form

pytestmark = pytest.mark.django_db


def test_a_death_after_the_harm_asks_when_it_became_known_and_to_tell_the_panel(client, alice, partnership_a):
    client.force_login(alice)
    harm = incident_form(
        child_pseudonym="Child W",
        harm="serious_harm",
        looked_after="",
        **date_fields("incident_date", date(2025, 4, 14)),
        **date_fields("aware_date", date(2025, 4, 14)),
    )
    client.post(reverse("incidents:create", args=["southwark"]), harm)
    incident = Incident.objects.get(child_pseudonym="Child W")
    panel = incident.duties.get(kind="national_panel")
    client.post(reverse("incidents:duty_sent", args=[panel.pk]), date_fields("sent_on", date(2025, 4, 16)))
    edit = reverse("incidents:edit", args=[incident.pk])
    died = {**harm, "harm": "death", "looked_after": "on", "reason": "W died in hospital"}
    refused = page_text(client.post(edit, died))
    assert "Enter the date the local authority learned of the death" in refused
    page = page_text(client.post(edit, {**died, **date_fields("death_aware_date", date(2025, 4, 22))}, follow=True))
    # the notice sent is kept as it was sent, and the page asks for the panel to be told of the death
    panel.refresh_from_db()
    assert "seriously harmed" in panel.reason and "died" not in panel.reason
    assert "The national panel was told on 16 April 2025 that the child was seriously harmed" in page
    assert "Tell it of the child's death through the DfE notification service" in page
    # the death's own notifications are due 5 working days after the death became known (22 April), not
    # after the first awareness of the harm (14 April)
    for kind in ("secretary_of_state", "ofsted"):
        assert incident.duties.get(kind=kind).due_date == date(2025, 4, 29)

"""Walkthrough 10's findings on the rapid review (helper uifix10a): an agency that has sent documents but not
yet its written information is not "Awaited" (finding 7); a rapid review recorded as completed on an earlier
date tells the agencies still awaited that date, not the day it was recorded (finding 4)."""

import datetime

import pytest
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.decisions import services
from casereview.notifications.models import Notification
from casereview.testing import (
    AgencyFactory,
    IncidentFactory,
    InformationAttachmentFactory,
    InformationRequestFactory,
    RapidReviewFactory,
    member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_storage(settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}


def _row(page, agency):
    start = page.index(f">{agency}<")
    return page[start : page.index("</tr>", start)]


def test_an_agency_that_sent_only_documents_is_not_awaited(client, alice, partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    health = AgencyFactory(partnership=partnership_a, name="Guy's and St Thomas'", sector="health")
    rapid_review = RapidReviewFactory(incident=IncidentFactory(partnership=partnership_a, child_pseudonym="Child S"))
    police_request = InformationRequestFactory(rapid_review=rapid_review, agency=police)
    InformationRequestFactory(rapid_review=rapid_review, agency=health)
    InformationAttachmentFactory(info_request=police_request, file_name="referral.pdf")
    client.force_login(alice)
    page = client.get(reverse("decisions:rapid_review", args=[rapid_review.pk])).content.decode()
    police_row = _row(page, "Metropolitan Police Service")
    assert "Awaited" not in police_row
    assert "Documents received" in police_row
    assert "written information has not been sent yet" in police_row and "referral.pdf" in police_row
    assert "Awaited" in _row(page, "Guy&#x27;s and St Thomas&#x27;")


def test_a_withdrawn_document_alone_leaves_the_agency_awaited(client, alice, partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    rapid_review = RapidReviewFactory(incident=IncidentFactory(partnership=partnership_a, child_pseudonym="Child S"))
    request = InformationRequestFactory(rapid_review=rapid_review, agency=police)
    document = InformationAttachmentFactory(info_request=request, file_name="wrong-child.pdf")
    services.information_attachment_withdraw(actor=alice, attachment=document, reason="Another child's file")
    client.force_login(alice)
    page = client.get(reverse("decisions:rapid_review", args=[rapid_review.pk])).content.decode()
    row = _row(page, "Metropolitan Police Service")
    assert "Awaited" in row and "Documents received" not in row

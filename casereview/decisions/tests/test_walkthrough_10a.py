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


def test_a_rapid_review_completed_earlier_tells_the_awaited_agencies_its_own_date(alice, partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, username="pl")
    rapid_review = RapidReviewFactory(
        incident=IncidentFactory(partnership=partnership_a, child_pseudonym="Child T"),
        opened_on=datetime.date(2026, 7, 13),
    )
    request = InformationRequestFactory(rapid_review=rapid_review, agency=police)
    services.rapid_review_update(
        actor=alice,
        rapid_review=rapid_review,
        facts_gathered="Facts.",
        immediate_actions="",
        sent_to_panel_on=datetime.date(2026, 7, 30),
        assessments={},
        complete=True,
        completed_on=datetime.date(2026, 7, 29),
    )
    rapid_review.refresh_from_db()
    assert rapid_review.completed_on == datetime.date(2026, 7, 29)
    notice = Notification.objects.get(key=f"request_closed:{request.pk}", recipient=lead)
    assert "was completed on 29 July 2026 before the information" in notice.what


def test_a_completion_date_after_the_sending_or_before_the_opening_is_refused(alice, partnership_a):
    rapid_review = RapidReviewFactory(
        incident=IncidentFactory(partnership=partnership_a), opened_on=datetime.date(2026, 7, 13)
    )
    common = dict(actor=alice, rapid_review=rapid_review, facts_gathered="Facts.", immediate_actions="")
    with pytest.raises(Exception, match="cannot be sent before it was completed"):
        services.rapid_review_update(
            **common,
            sent_to_panel_on=datetime.date(2026, 7, 20),
            assessments={},
            complete=True,
            completed_on=datetime.date(2026, 7, 29),
        )
    with pytest.raises(Exception, match="cannot be before the rapid review opened"):
        services.rapid_review_update(
            **common, sent_to_panel_on=None, assessments={}, complete=True, completed_on=datetime.date(2026, 7, 1)
        )


def test_the_demos_completed_rapid_reviews_had_every_agencys_information_before_they_were_completed(
    client, settings, tmp_path
):
    from django.core.management import call_command

    from casereview.accounts.models import User
    from casereview.decisions.models import InformationRequest, RapidReview

    settings.VAR_DIR = tmp_path
    call_command("load_demo", stdout=open(tmp_path / "out.txt", "w"))
    assert not Notification.objects.filter(key__startswith="request_closed:").exists()
    child_t = RapidReview.objects.unscoped().get(incident__child_pseudonym="Child T")
    assert child_t.completed_on < child_t.sent_to_panel_on
    for rapid_review in RapidReview.objects.unscoped().filter(completed_on__isnull=False):
        for info in InformationRequest.objects.unscoped().filter(rapid_review=rapid_review):
            assert info.responded_on and info.responded_on <= rapid_review.completed_on, info
    police_lead = User.objects.get(username="southwark.police.lead")
    client.force_login(police_lead)
    assert "before the information" not in client.get(reverse("home")).content.decode()
    manager = User.objects.get(username="southwark.manager")
    client.force_login(manager)
    page = client.get(reverse("decisions:rapid_review", args=[child_t.pk])).content.decode()
    assert f"completed {child_t.completed_on.day} {child_t.completed_on:%B %Y}" in page
    assert "Awaited" not in page

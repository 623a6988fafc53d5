"""Walkthrough 11's smaller findings (docs/walkthrough-11.md): file names with double quotes (18), an
update's line in "what changed" (19) and messages ending without a full stop (22)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from casereview.core import file_checks

pytestmark = pytest.mark.django_db


def test_a_double_quote_sent_by_the_browser_as_percent_22_is_shown_as_a_quote():
    assert (
        file_checks.chosen_name("Chronology %22final%22 <v2> & 100%; ü.txt") == 'Chronology "final" <v2> & 100%; ü.txt'
    )
    assert file_checks.chosen_name("..\\..\\windows\\evil.txt") == "evil.txt"
    assert file_checks.chosen_name("") == "document"


def test_an_attached_document_keeps_its_quotes(partnership_a):
    from casereview.decisions import services
    from casereview.testing import police_information_sent

    info_request, lead = police_information_sent(partnership_a)
    info_request.rapid_review.completed_on = None
    info_request.rapid_review.save()
    upload = SimpleUploadedFile("Chronology %22final%22.txt", b"Police chronology\n")
    result = services.information_request_attach(actor=lead, info_request=info_request, files=[upload])
    assert [a.file_name for a in result.added] == ['Chronology "final".txt']


def test_an_update_names_its_news_and_its_date_as_every_page_writes_it(partnership_a):
    from casereview.actionplans.models import ProgressUpdate
    from casereview.testing import ActionFactory

    action = ActionFactory(review__partnership=partnership_a)
    update = ProgressUpdate(action=action, status="at_risk", posted_on=datetime.date(2026, 12, 7))
    assert str(update) == f"Update on {action} (7 December 2026): at risk"


def test_a_closed_action_leaves_the_agency_leads_recently_asked_of_you(client, partnership_a):
    """Finding 12: "Action 1 is assigned to …" beside "Your agency has no open actions"."""
    from casereview.accounts.models import Role
    from casereview.actionplans.models import ActionStatus
    from casereview.notifications.services import notify
    from casereview.testing import ActionFactory, AgencyFactory, member, page_text

    health = AgencyFactory(partnership=partnership_a, name="NHS Southwark CCG")
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=health, username="health_lead")
    action = ActionFactory(review__partnership=partnership_a, owner_agency=health)
    notify(
        recipients=[lead],
        partnership=partnership_a,
        key=f"action:{action.pk}:{health.pk}",
        what="Action 1 is assigned to NHS Southwark CCG",
        about="Child T",
        path="/",
    )
    client.force_login(lead)
    assert "Action 1 is assigned to NHS Southwark CCG" in page_text(client.get("/"))
    action.status = ActionStatus.CLOSED
    action.save()
    assert "Action 1 is assigned to NHS Southwark CCG" not in page_text(client.get("/"))

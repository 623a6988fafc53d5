"""Walkthrough 11's findings on publication (docs/walkthrough-11.md)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casereview.core.working_days import add_working_days
from casereview.publication import services as service
from casereview.publication.models import ReplacementTerm, Report
from casereview.reviews.models import ReviewType
from casereview.testing import IncidentFactory, ReviewFactory

from .test_publication import PUBLISH_ON, ready_for_publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child T")
    return ReviewFactory(
        partnership=partnership_a, incident=incident, title="Child T", review_type=ReviewType.LOCAL_CSPR
    )


def _text_made_on(review, day):
    moment = timezone.make_aware(timezone.datetime(day.year, day.month, day.day, 14, 27))
    ReplacementTerm.objects.filter(review=review).update(updated=moment)


def test_the_report_cannot_be_recorded_as_sent_before_the_text_to_be_published_was_made(alice, review):
    """Finding 2: sent on 20 November for a text made on 7 December passed the 7-working-day check."""
    ready_for_publication(alice, review)  # uploaded 1 July 2025, sent 7 working days before 1 September
    _text_made_on(review, date(2025, 8, 1))
    with pytest.raises(ValidationError) as refused:
        service.report_sent_record(actor=alice, review=review, sent_on=date(2025, 7, 20))
    assert refused.value.message_dict["sent_on"] == [
        "The date sent cannot be before the anonymised text to be published was made (1 August 2025)"
    ]
    service.report_sent_record(actor=alice, review=review, sent_on=add_working_days(PUBLISH_ON, -7))


def test_the_checks_fail_when_the_text_changed_after_it_was_sent(alice, review):
    ready_for_publication(alice, review)
    Report.objects.filter(review=review).update(sent_to_panel_on=date(2025, 7, 20))
    _text_made_on(review, date(2025, 8, 1))
    gate = service.publication_gate(review, publication_date=PUBLISH_ON)
    assert (
        "The date the report was sent to the national panel (20 July 2025) is before the anonymised text to be "
        "published was made (1 August 2025): send them the text as it is "
        "now and record the date it was sent" in gate.failures
    )


def test_after_publication_the_upload_page_says_why_before_a_file_is_chosen(client, alice, review):
    """Finding 3: the form was offered, then the upload refused with "ask the business manager", to the
    business manager."""
    from django.urls import reverse

    from casereview.testing import page_text

    ready_for_publication(alice, review)
    service.review_publish(actor=alice, review=review, publication_date=PUBLISH_ON)
    client.force_login(alice)
    response = client.get(reverse("publication:report_upload", args=[review.pk]), follow=True)
    page = page_text(response)
    assert response.redirect_chain and "a new version of the report cannot be uploaded" in page
    assert "ask the business manager" not in page
    assert "a corrected version is put on the partnership's website outside casereview" in page


def test_the_publish_confirmation_does_not_promise_other_partnerships_the_learning(client, alice, review):
    """Finding 9: "… and to the national collection's readers", while another partnership's library search
    found nothing. A partnership's learning is read within the partnership; the confirmation says so."""
    from django.urls import reverse

    from casereview.testing import page_text

    ready_for_publication(alice, review)
    client.force_login(alice)
    url = reverse("publication:overview", args=[review.pk])
    date_fields = {"publication_date_0": 1, "publication_date_1": 9, "publication_date_2": 2025}
    asked = page_text(client.post(url, {**date_fields, "publish": "1"}))
    assert "national collection's readers" not in asked
    assert "Other partnerships' libraries do not show it" in asked

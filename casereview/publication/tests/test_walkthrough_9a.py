"""Walkthrough 9, finding 1 (docs/walkthrough-9.md), helper uifix9a: the sign-offs and "sent to the national
panel and the Secretary of State" cannot be dated before the final report was uploaded, and the checks do not
pass on such a date recorded before the rule."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from casereview.core.working_days import add_working_days
from casereview.publication import services as service
from casereview.publication.models import Report, ReportSignOff
from casereview.reviews.models import ReviewType, StageChange
from casereview.testing import IncidentFactory, ReviewFactory

from .test_publication import PUBLISH_ON, ready_for_publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    return ReviewFactory(
        partnership=partnership_a, incident=incident, title="Child R", review_type=ReviewType.SERIOUS_CASE_REVIEW
    )


def test_a_sign_off_or_the_sending_dated_before_the_report_was_uploaded_is_refused(alice, review):
    ready_for_publication(alice, review)  # the report uploaded on 1 July 2025
    with pytest.raises(ValidationError) as refused:
        service.sign_off_record(actor=alice, review=review, kind="panel", signed_on=date(2015, 1, 1), signed_by="J")
    assert refused.value.message_dict["signed_on"] == [
        "The date of sign-off cannot be before the final report was uploaded (1 July 2025)"
    ]
    with pytest.raises(ValidationError) as refused:
        service.report_sent_record(actor=alice, review=review, sent_on=date(2020, 1, 1))
    assert refused.value.message_dict["sent_on"] == [
        "The date sent cannot be before the final report was uploaded (1 July 2025)"
    ]


def test_the_checks_do_not_pass_on_a_date_recorded_before_the_report_existed(alice, review):
    ready_for_publication(alice, review)
    assert service.publication_gate(review, publication_date=PUBLISH_ON).passed
    # dates recorded before casereview refused them
    Report.objects.filter(review=review).update(sent_to_panel_on=date(2020, 1, 1))
    ReportSignOff.objects.filter(review=review, kind="panel").update(signed_on=date(2015, 1, 1))
    gate = service.publication_gate(review, publication_date=PUBLISH_ON)
    assert not gate.passed
    assert (
        "The date the report was sent to the national panel (1 January 2020) is before the final report was "
        "uploaded (1 July 2025): record the date it was really sent" in gate.failures
    )
    assert any(f.startswith("The review panel's sign-off (1 January 2015) is before") for f in gate.failures)


def test_the_timeline_follows_a_sign_off_recorded_again(alice, review):
    ready_for_publication(alice, review)
    service.sign_off_record(actor=alice, review=review, kind="panel", signed_on=date(2025, 8, 11), signed_by="J")
    line = StageChange.objects.get(review=review, stage="panel_sign_off")
    assert line.changed_on == date(2025, 8, 11)
    assert line.note == "Signed off by the review panel (recorded again; first recorded as 1 August 2025)"
    together = StageChange.objects.get(review=review, stage="partnership_sign_off")
    assert together.changed_on == date(2025, 8, 11)
    assert together.note.startswith("Signed off by the panel, police and legal adviser")
    service.report_sent_record(actor=alice, review=review, sent_on=add_working_days(PUBLISH_ON, -8))
    assert StageChange.objects.get(review=review, stage="sent_to_panel").changed_on == add_working_days(PUBLISH_ON, -8)

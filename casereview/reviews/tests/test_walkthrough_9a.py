"""Walkthrough 9's findings on a review's dates and timeline (docs/walkthrough-9.md), helper uifix9a."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from casereview.audit.models import AuditEvent
from casereview.reviews import services
from casereview.reviews.models import StageChange
from casereview.testing import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    return ReviewFactory(partnership=partnership_a, decided_on=date(2025, 5, 20))


def _terms(alice, review, **changes):
    fields = {
        "scope_start": date(2024, 1, 1),
        "scope_end": date(2025, 4, 17),
        "lines_of_enquiry": "How the school's concerns were shared.",
        "methodology": "systems",
        "agreed_on": date(2025, 6, 2),
    }
    return services.terms_save(actor=alice, review=review, **{**fields, **changes})


def test_terms_cannot_be_agreed_before_the_review_was_commissioned_nor_scoped_past_today(alice, review):
    with pytest.raises(ValidationError) as refused:
        _terms(alice, review, agreed_on=date(2020, 1, 1))
    assert refused.value.message_dict["agreed_on"] == [
        "The date agreed cannot be before the review was commissioned (20 May 2025)"
    ]
    with pytest.raises(ValidationError) as refused:
        _terms(alice, review, scope_end=timezone.localdate() + timedelta(days=1))
    assert refused.value.message_dict["scope_end"] == ["The end of the scope period must be today or in the past"]


def test_the_timeline_follows_terms_agreed_again_with_another_date_and_keeps_the_correction(client, alice, review):
    _terms(alice, review, agreed_on=date(2025, 6, 2))
    _terms(alice, review, agreed_on=date(2025, 6, 9))
    line = StageChange.objects.get(review=review, stage="terms_agreed")
    assert line.changed_on == date(2025, 6, 9)
    assert "first recorded as 2 June 2025" in line.note
    assert AuditEvent.objects.filter(object_id=str(review.pk), changes__has_key="Timeline: Terms of reference agreed")
    client.force_login(alice)
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "<strong>9 June 2025</strong>: Terms of reference agreed" in page
    assert "<strong>2 June 2025</strong>" not in page


def test_the_reviewers_declaration_is_dated_on_appointment(alice, review, partnership_a):
    from casereview.testing import member

    reviewer = member(partnership_a, "reviewer", username="rev")
    appointment = services.reviewer_appoint(
        actor=alice, review=review, user=reviewer, appointed_on=date(2025, 6, 1), declaration="No involvement."
    )
    assert appointment.declared_on == date(2025, 6, 1)

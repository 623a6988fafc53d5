"""A review's stage follows what is recorded, with a dated timeline; its statutory and local milestones
(completion target, sending the report ahead of publication, the partners' regular monitoring) are due."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from casereview.core.dates import add_months
from casereview.reviews import milestones, services
from casereview.reviews.models import Stage
from casereview.testing import AgencyContributionFactory, ReviewFactory, date_fields


def test_steps_move_the_stage_forward_only_each_with_its_date():
    today = date(2026, 6, 1)
    steps = milestones.steps_taken(
        terms_agreed_on=date(2026, 2, 1),
        contributions=[date(2026, 3, 1), date(2026, 3, 9)],
        learning_events=[date(2026, 4, 2), date(2026, 9, 1)],  # the second is only planned
        today=today,
    )
    assert [(s.stage, s.on) for s in steps] == [
        (Stage.TERMS_AGREED, date(2026, 2, 1)),
        (Stage.AGENCY_INFORMATION, date(2026, 3, 9)),
        (Stage.LEARNING_EVENT, date(2026, 4, 2)),
    ]
    assert [s.stage for s in milestones.stages_to_record(Stage.AGENCY_INFORMATION, steps)] == [Stage.LEARNING_EVENT]
    assert milestones.stages_to_record(Stage.DRAFTING, steps) == []  # never back
    assert milestones.stages_to_record(Stage.PUBLISHED, steps) == []


def test_agency_information_is_received_only_when_every_agency_has_sent_it():
    steps = milestones.steps_taken(contributions=[date(2026, 3, 1), None], today=date(2026, 6, 1))
    assert steps == []


def test_the_send_to_panel_milestone_falls_the_notice_period_before_the_completion_target():
    found = milestones.milestones_of(
        review_id="r",
        target_completion=date(2026, 6, 30),  # a Tuesday
        decided_on=date(2026, 1, 1),
        notice_working_days=7,
        monitoring_months=3,
        last_check_on=date(2026, 2, 10),
        sent_on=None,
    )
    completion, send, monitoring = found
    assert completion.due == date(2026, 6, 30)
    assert send.due == date(2026, 6, 19)
    assert monitoring.due == date(2026, 5, 10) and monitoring.key.endswith("2026-05-10")


@pytest.fixture
def review(partnership_a):
    return ReviewFactory(partnership=partnership_a, decided_on=timezone.localdate() - timedelta(days=100))


def terms(alice, review, agreed_on):
    return services.terms_save(
        actor=alice,
        review=review,
        scope_start=date(2013, 1, 1),
        scope_end=date(2014, 6, 1),
        lines_of_enquiry="How agencies shared information",
        methodology="welsh",
        agreed_on=agreed_on,
    )


def test_agreeing_the_terms_and_receiving_every_report_move_the_review_on_and_date_its_timeline(client, alice, review):
    agreed = timezone.localdate() - timedelta(days=60)
    terms(alice, review, agreed)
    review.refresh_from_db()
    assert review.stage == Stage.TERMS_AGREED
    contribution = AgencyContributionFactory(review=review, kind="agency_report")
    services.contribution_submit_report(actor=alice, contribution=contribution, text="What we did")
    review.refresh_from_db()
    assert review.stage == Stage.AGENCY_INFORMATION

    client.force_login(alice)
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert f"{agreed:%-d %B %Y}</strong>: Terms of reference agreed" in page
    assert "Every agency&#x27;s information received" in page


def test_terms_saved_without_an_agreed_date_leave_the_stage(alice, review):
    terms(alice, review, None)
    review.refresh_from_db()
    assert review.stage == Stage.SCOPING


def test_the_milestones_are_on_the_due_list_and_a_recorded_check_moves_the_next_one(client, alice, review):
    client.force_login(alice)
    due_list = reverse("reporting:deadlines", args=[review.partnership.slug])
    page = client.get(due_list).content.decode()
    assert "Complete the review (the completion target)" in page
    assert "Send the final report to the national panel and the Secretary of State" in page
    assert "check of the review&#x27;s time and quality" in page
    # the first check fell due three months after the decision, 100 days ago
    assert "Overdue" in client.get(reverse("reviews:detail", args=[review.pk])).content.decode()

    url = reverse("reviews:monitoring_check_add", args=[review.pk])
    assert "Say what the partners concluded" in client.post(url, {"note": ""}).content.decode()
    today = timezone.localdate()
    client.post(url, {**date_fields("checked_on", today), "note": "On track"})
    detail = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "On track" in detail
    assert f"Due by {add_months(today, 3):%-d %B %Y}" in detail


def test_an_outsider_cannot_record_a_check(client, charlie, review):
    client.force_login(charlie)
    response = client.post(reverse("reviews:monitoring_check_add", args=[review.pk]), {"note": "x"})
    assert response.status_code == 404
    assert not review.monitoring_checks.exists()

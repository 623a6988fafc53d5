from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from casereview.decisions import services
from casereview.decisions.models import ChairDecision, RapidReview, ReviewRecommendation
from casereview.reviews.models import Review
from casereview.testing import AgencyFactory, IncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def incident(partnership_a):
    return IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")


@pytest.fixture
def police(partnership_a):
    return AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")


def test_rapid_review_is_due_15_working_days_from_awareness_and_asks_each_agency(alice, incident, police):
    rapid_review = services.rapid_review_open(
        actor=alice, incident=incident, agencies=[police], opened_on=date(2025, 4, 22)
    )
    assert rapid_review.due_date == date(2025, 5, 13)
    request = rapid_review.requests.get()
    assert request.agency == police
    assert request.due_date == date(2025, 5, 7)  # 10 working days after opening (5 May skipped)


def test_partnership_may_count_the_rapid_review_from_the_notification(alice, incident, police, partnership_a):
    from casereview.testing import NotificationDutyFactory

    partnership_a.rapid_review_starts = "notification"
    partnership_a.save()
    NotificationDutyFactory(incident=incident, sent_on=date(2025, 4, 24))
    rapid_review = services.rapid_review_open(
        actor=alice, incident=incident, agencies=[police], opened_on=date(2025, 4, 24)
    )
    assert rapid_review.due_date == date(2025, 5, 16)


def test_only_one_rapid_review_per_incident(alice, incident, police):
    services.rapid_review_open(actor=alice, incident=incident, agencies=[police], opened_on=date(2025, 4, 22))
    with pytest.raises(ValidationError, match="already open"):
        services.rapid_review_open(actor=alice, incident=incident, agencies=[police], opened_on=date(2025, 4, 22))


def test_completing_needs_every_criterion_judged_with_evidence(alice, incident, police):
    rapid_review = services.rapid_review_open(
        actor=alice, incident=incident, agencies=[police], opened_on=date(2025, 4, 22)
    )
    partial = {
        "improvements": ("yes", "Gaps in return interviews"),
        "recurrent_themes": ("", ""),
        "agencies_working_together": ("may", ""),
        "panel_suggested_local": ("", ""),
    }
    with pytest.raises(ValidationError) as refused:
        services.rapid_review_update(
            actor=alice,
            rapid_review=rapid_review,
            facts_gathered="Facts",
            immediate_actions="",
            sent_to_panel_on=None,
            assessments=partial,
            complete=True,
        )
    # The error summary lists every message together, so each names its criterion.
    assert "Give the evidence for your judgement on agencies working together" in str(refused.value)
    assert refused.value.message_dict["met_recurrent_themes"] == [
        "Judge the criterion on recurrent themes before completing the rapid review"
    ]
    assert "met_panel_suggested_local" not in refused.value.message_dict  # the panel has not seen it yet
    rapid_review.refresh_from_db()
    assert rapid_review.completed_on is None and not rapid_review.assessments.exists()


def test_answering_needs_text_and_stops_when_the_rapid_review_is_complete(alice, incident, police):
    rapid_review = services.rapid_review_open(
        actor=alice, incident=incident, agencies=[police], opened_on=date(2025, 4, 22)
    )
    request = rapid_review.requests.get()
    with pytest.raises(ValidationError, match="Enter your agency's information"):
        services.information_request_answer(actor=alice, info_request=request, response="  ")
    services.information_request_answer(actor=alice, info_request=request, response="Two call-outs in March.")
    RapidReview.objects.filter(pk=rapid_review.pk).update(completed_on=date(2025, 5, 12))
    request.refresh_from_db()
    with pytest.raises(ValidationError, match="complete"):
        services.information_request_answer(actor=alice, info_request=request, response="Late addition")
    request.refresh_from_db()
    assert request.response == "Two call-outs in March."


def test_chair_cannot_decide_before_a_recommendation(alice, incident):
    with pytest.raises(ValidationError, match="record the subgroup's recommendation first"):
        services.chair_decide(
            actor=alice, incident=incident, outcome="local_review", rationale="Yes", decided_on=date(2025, 5, 20)
        )
    assert not ChairDecision.objects.exists()


def test_decisions_need_a_rationale(alice, incident):
    with pytest.raises(ValidationError, match="Give the rationale"):
        services.recommendation_make(
            actor=alice, incident=incident, outcome="local_review", rationale=" ", made_on=date(2025, 5, 13)
        )
    assert not ReviewRecommendation.objects.exists()


def test_a_second_recommendation_or_decision_is_refused(alice, incident):
    services.recommendation_make(
        actor=alice, incident=incident, outcome="local_review", rationale="Criteria met", made_on=date(2025, 5, 13)
    )
    with pytest.raises(ValidationError, match="already been made"):
        services.recommendation_make(
            actor=alice, incident=incident, outcome="no_review", rationale="Changed mind", made_on=date(2025, 5, 14)
        )
    services.chair_decide(
        actor=alice, incident=incident, outcome="local_review", rationale="Agreed", decided_on=date(2025, 5, 20)
    )
    with pytest.raises(ValidationError, match="already decided"):
        services.chair_decide(
            actor=alice, incident=incident, outcome="no_review", rationale="No", decided_on=date(2025, 5, 21)
        )
    assert ChairDecision.objects.get().outcome == "local_review"


def test_a_decision_to_review_creates_the_review_with_its_target(alice, incident):
    services.recommendation_make(
        actor=alice, incident=incident, outcome="local_review", rationale="Criteria met", made_on=date(2025, 5, 13)
    )
    services.chair_decide(
        actor=alice,
        incident=incident,
        outcome="local_review",
        rationale="Agreed",
        decided_on=date(2025, 8, 31),
        confidential=True,
    )
    review = Review.objects.get()
    assert (review.title, review.review_type, review.is_confidential) == ("Child R", "local_cspr", True)
    assert review.target_completion == date(2026, 2, 28)  # six months, clamped to the month's end


def test_a_2014_decision_to_review_is_a_serious_case_review(alice, partnership_a):
    incident = IncidentFactory(partnership=partnership_a, incident_date=date(2014, 3, 3), aware_date=date(2014, 3, 3))
    services.recommendation_make(
        actor=alice, incident=incident, outcome="local_review", rationale="SCR criteria met", made_on=date(2014, 3, 17)
    )
    services.chair_decide(
        actor=alice, incident=incident, outcome="local_review", rationale="Agreed", decided_on=date(2014, 3, 24)
    )
    assert Review.objects.get().review_type == "scr"


def test_no_review_creates_no_review_but_the_case_stays_findable(alice, incident):
    services.recommendation_make(
        actor=alice, incident=incident, outcome="no_review", rationale="Not met", made_on=date(2025, 5, 13)
    )
    services.chair_decide(
        actor=alice, incident=incident, outcome="no_review", rationale="Agreed", decided_on=date(2025, 5, 20)
    )
    assert not Review.objects.exists()
    from casereview.incidents.selectors import incident_list

    assert list(incident_list(user=alice, partnership=incident.partnership, query="Child R")) == [incident]


def test_a_learning_review_below_the_criteria_is_a_multi_agency_learning_review(alice, incident):
    services.recommendation_make(
        actor=alice,
        incident=incident,
        outcome="learning_review",
        rationale="Below criteria; learning",
        made_on=date(2025, 5, 13),
    )
    services.chair_decide(
        actor=alice, incident=incident, outcome="learning_review", rationale="Agreed", decided_on=date(2025, 5, 20)
    )
    assert Review.objects.get().review_type == "learning_review"


def test_dates_in_the_future_and_decisions_before_recommendations_are_refused(alice, incident):
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError, match="today or in the past"):
        services.recommendation_make(
            actor=alice, incident=incident, outcome="local_review", rationale="x", made_on=tomorrow
        )
    services.recommendation_make(
        actor=alice, incident=incident, outcome="local_review", rationale="x", made_on=date(2025, 5, 13)
    )
    with pytest.raises(ValidationError, match="cannot be before the recommendation"):
        services.chair_decide(
            actor=alice, incident=incident, outcome="local_review", rationale="y", decided_on=date(2025, 5, 1)
        )


def test_family_is_told_after_the_decision(alice, incident):
    with pytest.raises(ValidationError, match="Record the chair's decision"):
        services.family_communication_record(
            actor=alice, incident=incident, communicated_on=date(2025, 5, 21), method="letter", communicated_by="BM"
        )
    services.recommendation_make(
        actor=alice, incident=incident, outcome="no_review", rationale="Not met", made_on=date(2025, 5, 13)
    )
    services.chair_decide(
        actor=alice, incident=incident, outcome="no_review", rationale="Agreed", decided_on=date(2025, 5, 20)
    )
    contact = services.family_communication_record(
        actor=alice,
        incident=incident,
        communicated_on=date(2025, 5, 21),
        method="letter",
        communicated_by="Business manager",
    )
    assert contact.get_method_display() == "Letter"

"""The writes of a review's life, as the pages call them: each validates, saves and leaves its audit event."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from casereview.accounts.models import Role
from casereview.audit.models import AuditAction, AuditEvent
from casereview.reviews import services
from casereview.reviews.models import AgencyContribution, ContributionKind, ContributionStatus, ReviewType, Stage
from casereview.testing import AgencyFactory, ReviewFactory, member

pytestmark = pytest.mark.django_db


def events_for(obj, action):
    return AuditEvent.objects.filter(object_id=str(obj.pk), action=action)


def test_a_new_review_gets_its_target_from_the_partnerships_timescale(alice, partnership_a):
    review = services.review_create(
        actor=alice,
        partnership=partnership_a,
        title="  Child T ",
        review_type=ReviewType.LOCAL_CSPR,
        decided_on=datetime.date(2025, 3, 31),
    )
    assert review.title == "Child T"
    assert review.target_completion == datetime.date(2025, 9, 30)  # six months by default
    assert events_for(review, AuditAction.CREATE).get().actor == alice


def test_a_review_decided_in_the_future_is_refused(alice, partnership_a):
    with pytest.raises(ValidationError, match="decided_on"):
        services.review_create(
            actor=alice,
            partnership=partnership_a,
            title="Child T",
            review_type=ReviewType.LOCAL_CSPR,
            decided_on=datetime.date.today() + datetime.timedelta(days=1),
        )


def test_a_review_keeps_the_agencies_involved_and_refuses_another_partnerships(alice, partnership_a, partnership_b):
    police = AgencyFactory(partnership=partnership_a, name="Northshire Police", sector="police")
    review = services.review_create(
        actor=alice,
        partnership=partnership_a,
        title="Child T",
        review_type=ReviewType.LOCAL_CSPR,
        decided_on=datetime.date(2025, 3, 31),
        agencies=[police],
    )
    assert list(review.agencies.all()) == [police]

    with pytest.raises(ValidationError, match="agencies of this partnership"):
        services.review_create(
            actor=alice,
            partnership=partnership_a,
            title="Child U",
            review_type=ReviewType.LOCAL_CSPR,
            decided_on=datetime.date(2025, 3, 31),
            agencies=[AgencyFactory(partnership=partnership_b, sector="police")],
        )


def test_a_stage_change_is_dated_recorded_and_audited(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    services.review_stage_change(actor=alice, review=review, stage=Stage.DRAFTING, changed_on=datetime.date(2025, 7, 1))
    change = review.stage_changes.get()
    assert (change.stage, change.changed_on, change.changed_by) == (Stage.DRAFTING, datetime.date(2025, 7, 1), alice)
    assert events_for(review, AuditAction.UPDATE).get().changes["stage"] == ["Scoping", "Drafting"]


def test_not_publishing_needs_a_reason_and_the_date_cannot_predate_the_decision(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    with pytest.raises(ValidationError, match="why"):
        services.review_stage_change(
            actor=alice, review=review, stage=Stage.NOT_PUBLISHED, changed_on=datetime.date(2025, 7, 1)
        )
    with pytest.raises(ValidationError, match="predate"):
        services.review_stage_change(
            actor=alice, review=review, stage=Stage.DRAFTING, changed_on=datetime.date(2020, 1, 1)
        )
    review.refresh_from_db()
    assert review.stage == Stage.SCOPING and not review.stage_changes.exists()


def test_only_a_partnership_reviewer_with_a_declaration_can_be_appointed(alice, partnership_a, dora):
    review = ReviewFactory(partnership=partnership_a)
    with pytest.raises(ValidationError, match="independent reviewer role"):
        services.reviewer_appoint(
            actor=alice, review=review, user=dora, appointed_on=datetime.date(2025, 6, 1), declaration="Independent."
        )
    reviewer = member(partnership_a, Role.REVIEWER, username="reviewer")
    with pytest.raises(ValidationError, match="declaration"):
        services.reviewer_appoint(
            actor=alice, review=review, user=reviewer, appointed_on=datetime.date(2025, 6, 1), declaration="  "
        )
    appointment = services.reviewer_appoint(
        actor=alice, review=review, user=reviewer, appointed_on=datetime.date(2025, 6, 1), declaration="Independent."
    )
    assert appointment.independence_declaration == "Independent."


def test_asking_an_agency_twice_for_the_same_thing_asks_it_once(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    police = AgencyFactory(partnership=partnership_a, name="Police")
    due = datetime.date.today() + datetime.timedelta(days=20)
    made = services.contributions_request(
        actor=alice, review=review, agencies=[police], kinds=[ContributionKind.CHRONOLOGY], due_date=due
    )
    assert [c.status for c in made] == [ContributionStatus.REQUESTED]
    again = services.contributions_request(
        actor=alice, review=review, agencies=[police], kinds=[ContributionKind.CHRONOLOGY], due_date=due
    )
    assert again == [] and AgencyContribution.objects.unscoped().filter(review=review).count() == 1


def test_an_agency_report_marks_the_request_received_and_quality_assurance_follows(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    police = AgencyFactory(partnership=partnership_a, name="Police")
    due = datetime.date.today() + datetime.timedelta(days=20)
    (request,) = services.contributions_request(
        actor=alice, review=review, agencies=[police], kinds=[ContributionKind.AGENCY_REPORT], due_date=due
    )
    with pytest.raises(ValidationError, match="Nothing has been received"):
        services.contribution_quality_assure(actor=alice, contribution=request)
    services.contribution_submit_report(actor=alice, contribution=request, text="What we knew and did.")
    assert request.status == ContributionStatus.RECEIVED and request.received_on == datetime.date.today()
    services.contribution_quality_assure(actor=alice, contribution=request)
    assert request.status == ContributionStatus.QUALITY_ASSURED


def test_an_event_typed_on_the_page_is_recorded_whole_as_the_contributions_next_row(alice, partnership_a):
    from casereview.testing import AgencyContributionFactory, ChronologyEntryFactory

    contribution = AgencyContributionFactory(review__partnership=partnership_a, kind="chronology")
    ChronologyEntryFactory(contribution=contribution, row_number=4)
    record = {
        "date": "17/04/2014",
        "time": "14:30",
        "date precision": "exact",
        "event type": "Home visit",
        "description": "Seen at home with her mother",
        "practitioner role": "Health visitor",
        "source reference": "HV notes p. 12",
    }
    entry = services.chronology_entry_add(actor=alice, contribution=contribution, record=record)
    entry.refresh_from_db()
    assert (entry.review, entry.agency, entry.row_number) == (contribution.review, contribution.agency, 5)
    assert (entry.event_date, entry.sort_date, entry.event_time) == (
        datetime.date(2014, 4, 17),
        datetime.date(2014, 4, 17),
        datetime.time(14, 30),
    )
    assert (entry.date_precision, entry.event_type, entry.description) == (
        "exact",
        "Home visit",
        "Seen at home with her mother",
    )
    assert (entry.practitioner_role, entry.source_reference) == ("Health visitor", "HV notes p. 12")

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import timezone

from casereview.actionplans import services
from casereview.actionplans.models import Action, ActionStatus, Evidence, ProgressUpdate, SignOff
from casereview.audit.models import AuditEvent
from casereview.testing import AgencyFactory, ReviewFactory

from .conftest import docx_bytes, pdf_upload

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def post(plan, actor=None, **overrides):
    fields = dict(posted_on=TODAY, text="Service specification agreed with the provider", status="on_track")
    fields.update(overrides)
    return services.progress_update_post(actor=actor or plan["social_care_lead"], action=plan["action"], **fields)


# --- creating actions ------------------------------------------------------------------------------


def test_a_due_date_before_the_start_is_refused_and_nothing_is_saved(alice, plan):
    with pytest.raises(ValidationError) as refused:
        services.action_create(
            actor=alice,
            review=plan["review"],
            description="Audit LAC reviews",
            owner_agency=plan["police"],
            lead_role="DI",
            start_date=date(2025, 6, 1),
            due_date=date(2025, 5, 31),
            success_measure="Audit done",
        )
    assert refused.value.message_dict["due_date"] == ["The due date must be the same as or after the start date"]
    assert Action.objects.count() == 1


def test_an_action_cannot_be_owned_by_another_partnerships_agency(alice, plan, partnership_b):
    with pytest.raises(ValidationError) as refused:
        services.action_create(
            actor=alice,
            review=plan["review"],
            description="x",
            owner_agency=AgencyFactory(partnership=partnership_b),
            lead_role="x",
            start_date=TODAY,
            due_date=TODAY,
            success_measure="x",
        )
    assert "owner_agency" in refused.value.message_dict


def test_actions_are_numbered_within_their_review(alice, plan):
    second = services.action_create(
        actor=alice,
        review=plan["review"],
        description="Research barriers to returning",
        owner_agency=plan["social_care"],
        lead_role="Head of Service",
        start_date=TODAY,
        due_date=TODAY,
        success_measure="Report to the SCR subgroup",
    )
    other_review = ReviewFactory(partnership=plan["review"].partnership, title="Child S")
    first_of_other = services.action_create(
        actor=alice,
        review=other_review,
        description="x",
        owner_agency=plan["police"],
        lead_role="x",
        start_date=TODAY,
        due_date=TODAY,
        success_measure="x",
    )
    assert (plan["action"].number, second.number, first_of_other.number) == (1, 2, 1)


def test_moving_the_due_date_needs_a_reason_which_is_audited(alice, plan):
    action = plan["action"]
    with pytest.raises(ValidationError) as refused:
        services.action_change(
            actor=alice, action=action, due_date=action.due_date + timedelta(days=30), version=action.version
        )
    assert "reason" in refused.value.message_dict
    services.action_change(
        actor=alice,
        action=action,
        due_date=action.due_date + timedelta(days=30),
        reason="Provider delayed",
        version=action.version,
    )
    event = AuditEvent.objects.filter(object_id=str(action.pk), action="update").latest("at")
    assert event.reason == "Provider delayed" and "due_date" in event.changes


# --- updates and evidence --------------------------------------------------------------------------


def test_owner_agency_lead_posts_an_update_with_evidence(plan):
    update = post(plan, status="completed", evidence_file=pdf_upload(), evidence_description="Signed service contract")
    action = Action.objects.get(pk=plan["action"].pk)
    assert action.status == ActionStatus.COMPLETED
    evidence = Evidence.objects.get(action=action)
    assert (evidence.update, evidence.file_name, evidence.content_type) == (update, "minutes.pdf", "application/pdf")
    assert evidence.file.read().startswith(b"%PDF")


def test_another_agencys_lead_cannot_post_an_update(plan):
    with pytest.raises(ValidationError) as refused:
        post(plan, actor=plan["police_lead"], text="We did it for them")
    assert "Southwark Children's Services's safeguarding lead" in refused.value.messages[0]
    assert not ProgressUpdate.objects.exists()


def test_an_update_cannot_be_dated_in_the_future(plan):
    with pytest.raises(ValidationError) as refused:
        post(plan, posted_on=TODAY + timedelta(days=1))
    assert "posted_on" in refused.value.message_dict


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("evidence.pdf", b"MZ\x90\x00 a Windows program", "is a program, not a PDF file, although its name ends .pdf"),
        ("report.docx", b"PK\x03\x04 not really a zip", "must be a PDF, Word (.docx)"),
        ("macro.docx", docx_bytes(["word/vbaProject.bin"]), "must be a PDF, Word (.docx)"),
        ("picture.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00", "must be a PDF, Word (.docx)"),
        ("empty.pdf", b"", "The selected file is empty"),
    ],
)
def test_a_forbidden_evidence_file_is_refused_and_the_update_is_not_lost(plan, name, content, message):
    with pytest.raises(ValidationError) as refused:
        post(plan, evidence_file=SimpleUploadedFile(name, content), evidence_description="Evidence")
    assert message in refused.value.message_dict["evidence_file"][0]
    assert not ProgressUpdate.objects.exists() and not Evidence.objects.exists()
    assert Action.objects.get(pk=plan["action"].pk).status == ActionStatus.NOT_STARTED


@override_settings(CASEREVIEW_UPLOAD_MAX_MB={"evidence": 1})
def test_an_evidence_file_over_the_size_limit_is_refused(plan):
    with pytest.raises(ValidationError) as refused:
        post(plan, evidence_file=pdf_upload(size=1024 * 1024 + 1), evidence_description="Big scan")
    assert refused.value.message_dict["evidence_file"] == [
        "The selected file must be smaller than 1 MB (it is 1.0 MB). "
        "Choose a smaller file or give a link to it instead."
    ]
    assert not Evidence.objects.exists()


def test_a_genuine_word_document_and_a_link_are_accepted(plan):
    post(plan, evidence_file=SimpleUploadedFile("policy.docx", docx_bytes()), evidence_description="Policy")
    post(plan, evidence_url="https://intranet.example.org/missing-protocol", evidence_description="Missing protocol")
    kinds = sorted(Evidence.objects.values_list("kind", "content_type"))
    assert kinds == [("file", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), ("link", "")]


def test_evidence_needs_a_description(plan):
    with pytest.raises(ValidationError) as refused:
        post(plan, evidence_file=pdf_upload())
    assert "evidence_description" in refused.value.message_dict


# --- closing and reopening -------------------------------------------------------------------------


def test_closing_without_evidence_is_refused(plan, alice):
    post(plan, status="completed")
    with pytest.raises(ValidationError) as refused:
        services.action_close(actor=alice, action=plan["action"], closed_on=TODAY, note="Agreed at the SCR subgroup")
    assert refused.value.message_dict["note"][0].startswith("Attach evidence before closing")
    assert Action.objects.get(pk=plan["action"].pk).status == ActionStatus.COMPLETED


def test_the_chair_closes_on_evidence_with_the_sign_off_recorded_and_may_reopen(plan):
    post(plan, status="completed", evidence_file=pdf_upload(), evidence_description="Contract")
    chair = plan["chair"]
    services.action_close(
        actor=chair, action=plan["action"], closed_on=TODAY, note="Contract seen at the SCR subgroup, 3 May"
    )
    action = Action.objects.get(pk=plan["action"].pk)
    assert (action.status, action.closed_by, action.closure_note) == (
        "closed",
        chair,
        "Contract seen at the SCR subgroup, 3 May",
    )
    with pytest.raises(ValidationError):
        post(plan, text="More news")
    with pytest.raises(ValidationError) as refused:
        services.action_reopen(actor=chair, action=action, reason="  ")
    assert "reason" in refused.value.message_dict
    services.action_reopen(actor=chair, action=action, reason="Audit found interviews not offered")
    action.refresh_from_db()
    assert action.status == ActionStatus.ON_TRACK and action.closed_on is None
    assert list(SignOff.objects.values_list("kind", flat=True)) == ["reopened", "closed"]
    reopened = AuditEvent.objects.filter(object_id=str(action.pk), reason="Audit found interviews not offered")
    assert reopened.exists()


def test_an_agency_lead_cannot_close_even_their_own_action(plan):
    post(plan, status="completed", evidence_file=pdf_upload(), evidence_description="Contract")
    with pytest.raises(ValidationError):
        services.action_close(actor=plan["social_care_lead"], action=plan["action"], closed_on=TODAY, note="Done")
    assert Action.objects.get(pk=plan["action"].pk).status == ActionStatus.COMPLETED


# --- overdue and at risk ------------------------------------------------------------------------------


def test_overdue_comes_from_the_date_not_from_what_was_typed(plan, alice):
    action = plan["action"]
    post(plan, status="on_track")
    action.refresh_from_db()
    assert not action.is_overdue and action.display_status == "on_track"
    Action.objects.filter(pk=action.pk).update(due_date=TODAY - timedelta(days=1))
    action.refresh_from_db()
    assert action.is_overdue and action.display_status == "overdue"
    post(plan, status="completed")
    action.refresh_from_db()
    assert not action.is_overdue, "finished work waiting for evidence is not overdue"


def test_consecutive_at_risk_updates_are_counted_and_a_better_report_resets_them(plan):
    post(plan, status="at_risk")
    post(plan, status="at_risk")
    action = Action.objects.get(pk=plan["action"].pk)
    assert action.at_risk_streak == 2 and action.at_risk_since is not None
    post(plan, status="on_track")
    action.refresh_from_db()
    assert (action.at_risk_streak, action.at_risk_since) == (0, None)


# --- dissemination and the risk register ---------------------------------------------------------


def test_a_learning_event_must_name_a_review_of_the_partnership(alice, partnership_a, partnership_b):
    with pytest.raises(ValidationError) as refused:
        services.dissemination_event_record(
            actor=alice,
            partnership=partnership_a,
            kind="cascade",
            title="Cascade",
            held_on=date(2015, 9, 15),
            reviews=[ReviewFactory(partnership=partnership_b)],
        )
    assert "reviews" in refused.value.message_dict


def test_more_organisations_than_attendees_is_refused(alice, partnership_a):
    with pytest.raises(ValidationError) as refused:
        services.dissemination_event_record(
            actor=alice,
            partnership=partnership_a,
            kind="cascade",
            title="Cascade",
            held_on=date(2015, 9, 15),
            reviews=[ReviewFactory(partnership=partnership_a)],
            attendees=10,
            organisations=12,
        )
    assert "organisations" in refused.value.message_dict


def test_training_statistics_are_one_record_per_year_corrected_in_place(alice, partnership_a):
    services.training_year_record(
        actor=alice,
        partnership=partnership_a,
        year_starting=2018,
        sessions=44,
        individuals=340,
        organisations=81,
        elearning_modules=368,
    )
    record = services.training_year_record(
        actor=alice,
        partnership=partnership_a,
        year_starting=2018,
        sessions=45,
        individuals=340,
        organisations=81,
        elearning_modules=368,
        reason="One session was missed",
    )
    assert partnership_a.training_years.count() == 1 and record.sessions == 45 and record.label == "2018-19"


def test_a_risk_scored_higher_after_mitigation_is_refused(alice, partnership_a):
    fields = dict(
        title="Escalation is slow",
        description="d",
        owner="Q&E chair",
        likelihood=3,
        impact=3,
        mitigation="m",
        residual_likelihood=4,
        residual_impact=3,
        review_date=date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as refused:
        services.risk_save(actor=alice, partnership=partnership_a, **fields)
    assert "residual_impact" in refused.value.message_dict
    fields["residual_likelihood"] = 2
    risk = services.risk_save(actor=alice, partnership=partnership_a, **fields)
    assert (risk.score, risk.residual_score, risk.rating, risk.residual_rating) == (9, 6, "Medium", "Low")

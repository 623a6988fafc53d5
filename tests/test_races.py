"""Two people (or one double-click) at the same moment, on PostgreSQL with real threads: one success and one
clear refusal, or both answered with the first result, never a database error and never a lost update."""

import threading
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone

from casereview.accounts import services as accounts_services
from casereview.accounts.models import Agency, Role
from casereview.actionplans import services as action_services
from casereview.actionplans.models import Action, ActionStatus, SignOff, TrainingYear
from casereview.decisions import services as decision_services
from casereview.decisions.models import ChairDecision
from casereview.incidents import services as incident_services
from casereview.incidents.models import Incident
from casereview.reviews import services as review_services
from casereview.reviews.models import LearningPoint
from casereview.testing import AgencyFactory, IncidentFactory, ReviewFactory, incident_facts, member

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks under real concurrency: PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def at_once(*calls):
    """Run the calls in threads released together; each result is ("ok", value) or ("refused", message).
    Anything else (an IntegrityError, a deadlock) comes back as ("error", ...) and fails the test."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(n, call):
        try:
            barrier.wait()
            results[n] = ("ok", call())
        except ValidationError as refusal:
            results[n] = ("refused", " ".join(refusal.messages))
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong
            results[n] = ("error", repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n, call)) for n, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert all(r is not None and r[0] != "error" for r in results), results
    return results


def _action(alice, review, agency, **overrides):
    today = timezone.localdate()
    values = dict(
        actor=alice,
        review=review,
        description="Audit transfer summaries",
        owner_agency=agency,
        lead_role="Head of Service",
        start_date=today - timedelta(days=30),
        due_date=today + timedelta(days=30),
        success_measure="Every transfer has a summary",
    )
    values.update(overrides)
    return lambda: action_services.action_create(**values)


def test_two_actions_added_at_once_take_the_next_two_numbers(alice, partnership_a, agency_a):
    review = ReviewFactory(partnership=partnership_a)
    results = at_once(_action(alice, review, agency_a), _action(alice, review, agency_a, description="Another"))
    assert sorted(value.number for _, value in results) == [1, 2]


def test_two_incidents_recorded_at_once_take_the_next_two_references(alice, partnership_a):
    results = at_once(
        *[
            lambda name=name: incident_services.incident_create(
                actor=alice, partnership=partnership_a, facts=incident_facts(child_pseudonym=name)
            )
            for name in ("Child T", "Child U")
        ]
    )
    assert sorted(value.reference for _, value in results) == ["2025-001", "2025-002"]
    assert Incident.objects.unscoped().count() == 2


def test_an_incident_submitted_twice_at_once_is_recorded_once(alice, partnership_a):
    def record():
        return incident_services.incident_create(actor=alice, partnership=partnership_a, facts=incident_facts())

    results = at_once(record, record)
    assert len({value.pk for _, value in results}) == 1
    assert Incident.objects.unscoped().count() == 1


def test_an_agency_submitted_twice_is_made_once(alice, partnership_a):
    def add():
        return accounts_services.agency_create(
            actor=alice, partnership=partnership_a, name="Youth Service", sector="other"
        )

    (_, first), (_, second) = at_once(add, add)
    assert first.pk == second.pk
    assert Agency.objects.unscoped().filter(name="Youth Service").count() == 1


def test_a_learning_point_submitted_twice_is_saved_once(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)

    def add():
        return review_services.finding_save(
            actor=alice, review=review, model=LearningPoint, number=1, text="Listen to the child"
        )

    (_, first), (_, second) = at_once(add, add)
    assert first.pk == second.pk and LearningPoint.objects.unscoped().count() == 1


def test_two_different_learning_points_under_one_number_one_is_refused(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    results = at_once(
        *[
            lambda text=text: review_services.finding_save(
                actor=alice, review=review, model=LearningPoint, number=1, text=text
            )
            for text in ("Listen to the child", "Share information")
        ]
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"]
    assert "already used" in dict(results)["refused"]


def test_a_training_year_submitted_twice_is_recorded_once(alice, partnership_a):
    def record():
        return action_services.training_year_record(
            actor=alice,
            partnership=partnership_a,
            year_starting=2024,
            sessions=10,
            individuals=100,
            organisations=5,
            elearning_modules=2,
        )

    at_once(record, record)
    assert TrainingYear.objects.unscoped().filter(partnership=partnership_a).count() == 1


def _recommended(alice, partnership_a):
    incident = IncidentFactory(partnership=partnership_a, aware_date=date(2025, 4, 17))
    decision_services.recommendation_make(
        actor=alice, incident=incident, outcome="local_review", rationale="Criteria met", made_on=date(2025, 5, 13)
    )
    return incident


def test_two_different_decisions_at_once_one_is_taken_and_the_other_refused(alice, partnership_a):
    incident = _recommended(alice, partnership_a)
    chair = member(partnership_a, Role.CHAIR)
    results = at_once(
        *[
            lambda outcome=outcome: decision_services.chair_decide(
                actor=chair, incident=incident, outcome=outcome, rationale="Decided", decided_on=date(2025, 5, 20)
            )
            for outcome in ("local_review", "no_review")
        ]
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"]
    assert "already decided" in dict(results)["refused"]
    assert ChairDecision.objects.unscoped().count() == 1


def test_the_same_decision_sent_twice_is_answered_with_the_first(alice, partnership_a):
    incident = _recommended(alice, partnership_a)
    chair = member(partnership_a, Role.CHAIR)

    def decide():
        return decision_services.chair_decide(
            actor=chair, incident=incident, outcome="local_review", rationale="Decided", decided_on=date(2025, 5, 20)
        )

    (_, first), (_, second) = at_once(decide, decide)
    assert first.pk == second.pk and incident.review  # one decision, one review


@pytest.fixture
def action_with_evidence(alice, partnership_a, agency_a):
    review = ReviewFactory(partnership=partnership_a)
    action = _action(alice, review, agency_a)()
    action_services.progress_update_post(
        actor=alice,
        action=action,
        posted_on=timezone.localdate(),
        text="Audit done",
        status=ActionStatus.ON_TRACK,
        evidence_url="https://intranet.example.org/audit",
        evidence_description="The audit report",
    )
    return Action.objects.unscoped().get(pk=action.pk)


def test_two_people_closing_an_action_at_once_make_one_sign_off(alice, partnership_a, action_with_evidence):
    chair = member(partnership_a, Role.CHAIR)
    results = at_once(
        *[
            lambda who=who: action_services.action_close(
                actor=who, action=action_with_evidence, closed_on=timezone.localdate(), note="Evidence seen"
            )
            for who in (alice, chair)
        ]
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"]
    assert "already been closed" in dict(results)["refused"]
    assert SignOff.objects.unscoped().filter(action=action_with_evidence).count() == 1


def test_an_edit_racing_a_progress_update_keeps_both(alice, action_with_evidence):
    action = action_with_evidence
    for attempt in range(5):
        version = Action.objects.unscoped().get(pk=action.pk).version
        at_once(
            lambda: action_services.action_change(
                actor=alice, action=action, description=f"Edited {attempt}", version=version
            ),
            lambda: action_services.progress_update_post(
                actor=alice, action=action, posted_on=timezone.localdate(), text="Update", status=ActionStatus.AT_RISK
            ),
        )
        saved = Action.objects.unscoped().get(pk=action.pk)
        assert saved.description == f"Edited {attempt}" and saved.status == ActionStatus.AT_RISK
        action_services.progress_update_post(
            actor=alice, action=action, posted_on=timezone.localdate(), text="Back", status=ActionStatus.ON_TRACK
        )


def test_two_edits_from_the_same_version_one_is_refused_not_lost(alice, action_with_evidence):
    action = action_with_evidence
    results = at_once(
        *[
            lambda text=text: action_services.action_change(
                actor=alice, action=action, description=text, version=action.version
            )
            for text in ("Mine", "Theirs")
        ]
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"]
    assert "Someone else changed this action" in dict(results)["refused"]


def test_parallel_reordering_keeps_numbers_one_to_n(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    points = [
        review_services.finding_save(actor=alice, review=review, model=LearningPoint, number=n, text=f"Point {n}")
        for n in (1, 2, 3)
    ]
    at_once(
        lambda: review_services.finding_move(actor=alice, finding=points[0], direction="down"),
        lambda: review_services.finding_move(actor=alice, finding=points[2], direction="up"),
    )
    assert sorted(LearningPoint.objects.unscoped().filter(review=review).values_list("number", flat=True)) == [1, 2, 3]


def test_an_unrelated_partnerships_agency_is_not_taken_for_a_double_submission(alice, partnership_a, partnership_b):
    AgencyFactory(partnership=partnership_b, name="Youth Service", sector="other")
    made = accounts_services.agency_create(actor=alice, partnership=partnership_a, name="Youth Service", sector="other")
    assert made.partnership == partnership_a


def test_the_same_document_attached_twice_at_once_is_kept_once(partnership_a):
    """A double click on "Attach the documents": the second waits for the first and finds its document."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from casereview.decisions.models import InformationAttachment
    from casereview.testing import InformationRequestFactory, RapidReviewFactory

    request = InformationRequestFactory(
        rapid_review=RapidReviewFactory(incident=IncidentFactory(partnership=partnership_a))
    )
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=request.agency)

    def attach():
        upload = SimpleUploadedFile("chronology.pdf", b"%PDF-1.4\n% police chronology extract\n")
        return decision_services.information_request_attach(actor=lead, info_request=request, files=[upload])

    (_, first), (_, second) = at_once(attach, attach)
    assert InformationAttachment.objects.unscoped().filter(info_request=request).count() == 1
    assert sorted([len(first.added), len(second.added)]) == [0, 1]
    assert sorted([len(first.already_sent), len(second.already_sent)]) == [0, 1]


def _write_while_a_read_is_audited(write, read):
    """The probe's deadlock, made to happen every time: the write takes the partnership's row lock (as
    numbering does), the audited read then starts, and only then does the write reach the audit chain."""
    from django.db import transaction

    from casereview.core.concurrency import lock

    partnership_locked, read_done = threading.Event(), threading.Event()
    results = {}

    def writer():
        try:
            with transaction.atomic():
                lock(write["partnership"])
                partnership_locked.set()
                read_done.wait(1.5)  # a read that waits on the partnership row here is what deadlocked
                results["write"] = ("ok", write["call"]())
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong
            results["write"] = ("error", repr(error))
        finally:
            partnership_locked.set()
            connections.close_all()

    def reader():
        try:
            partnership_locked.wait(10)
            results["read"] = ("ok", read())
        except Exception as error:  # noqa: BLE001
            results["read"] = ("error", repr(error))
        finally:
            read_done.set()
            connections.close_all()

    threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert all(kind == "ok" for kind, _ in results.values()) and len(results) == 2, results
    return results


@pytest.mark.parametrize("what", ["incident", "agency"])
def test_an_audited_read_and_a_partnership_level_write_at_once_both_succeed(alice, partnership_a, what):
    from casereview.audit.models import AuditAction, AuditEvent
    from casereview.audit.services import audit_read
    from casereview.audit.verification import verify_chains

    incident = IncidentFactory(partnership=partnership_a)
    identity = incident.identity
    chair = member(partnership_a, Role.CHAIR, username="chair")
    audit_read(actor=chair, obj=identity)  # the partnership's chain has a head already, as on a live site
    calls = {
        "incident": lambda: incident_services.incident_create(
            actor=alice, partnership=partnership_a, facts=incident_facts(child_pseudonym="Child W")
        ),
        "agency": lambda: accounts_services.agency_create(
            actor=alice, partnership=partnership_a, name="Youth Service", sector="other"
        ),
    }
    _write_while_a_read_is_audited(
        {"partnership": partnership_a, "call": calls[what]}, lambda: audit_read(actor=chair, obj=identity)
    )
    assert AuditEvent.objects.unscoped().filter(action=AuditAction.VIEW, actor=chair).count() == 2
    assert verify_chains()[0] == []


def test_a_publication_hold_sent_twice_at_once_is_placed_once(alice, partnership_a):
    from casereview.publication import services as publication_services
    from casereview.publication.models import PublicationHold

    review = ReviewFactory(partnership=partnership_a)

    def hold():
        return publication_services.hold_place(actor=alice, review=review, reason="Criminal proceedings")

    (_, first), (_, second) = at_once(hold, hold)
    assert first.pk == second.pk and PublicationHold.objects.unscoped().filter(review=review).count() == 1


@pytest.fixture
def publishable(alice, partnership_a):
    """A review whose publication gate passes (as the publication tests make one)."""
    from casereview.publication.tests.test_publication import PUBLISH_ON, TermStatus, ready_for_publication

    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    review = ReviewFactory(partnership=partnership_a, incident=incident, title="Child R")
    ready_for_publication(
        alice, review, **{"Rosie Example": (TermStatus.ACCEPTED, "Child R"), "Southwark": (TermStatus.ALLOWED, "")}
    )
    return review, PUBLISH_ON


def test_publishing_sent_twice_at_once_publishes_once_and_refuses_the_second_plainly(alice, publishable):
    """Probe 16: both sends passed the gate and the second hit the unique publication (a 500, 3 of 3)."""
    from casereview.publication import services as publication_services
    from casereview.publication.models import Publication

    review, on = publishable

    def publish():
        return publication_services.review_publish(actor=alice, review=review, publication_date=on)

    results = at_once(publish, publish)
    assert sorted(kind for kind, _ in results) == ["ok", "refused"], results
    assert "already been published" in next(value for kind, value in results if kind == "refused")
    assert Publication.objects.unscoped().filter(review=review).count() == 1


def test_a_hold_placed_while_the_report_is_being_published_stops_it(alice, publishable):
    """Probe 16: the gate was read before the hold's transaction ended, so the review was published with the
    police's hold standing (or the two deadlocked on the review and the audit chain, a 500)."""
    from django.db import transaction

    from casereview.publication import services as publication_services
    from casereview.publication.models import Publication

    review, on = publishable
    held, results = threading.Event(), {}

    def hold():
        try:
            with transaction.atomic():
                publication_services.hold_place(actor=alice, review=review, reason="Criminal trial next week")
                held.set()
                threading.Event().wait(1.5)  # publishing starts while the hold is still being saved
            results["hold"] = ("ok", None)
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong
            results["hold"] = ("error", repr(error))
        finally:
            held.set()
            connections.close_all()

    def publish():
        try:
            held.wait(10)
            publication_services.review_publish(actor=alice, review=review, publication_date=on)
            results["publish"] = ("ok", None)
        except ValidationError as refusal:
            results["publish"] = ("refused", " ".join(refusal.messages))
        except Exception as error:  # noqa: BLE001
            results["publish"] = ("error", repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=hold), threading.Thread(target=publish)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert results["hold"] == ("ok", None), results
    assert results["publish"][0] == "refused" and "Publication is on hold" in results["publish"][1], results
    assert not Publication.objects.unscoped().filter(review=review).exists()


def _while_the_rapid_review_is_completed(alice, partnership_a, send):
    """The probe's race made to happen every time: the business manager's completion is saved but not yet
    committed when the agency's lead sends; `send(lead, info_request)` is what the lead sends."""
    from django.db import transaction

    from casereview.decisions.models import InformationRequest

    police = AgencyFactory(partnership=partnership_a, name="Police")
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, username="police_lead")
    incident = IncidentFactory(partnership=partnership_a)
    rapid_review = decision_services.rapid_review_open(
        actor=alice, incident=incident, agencies=[police], opened_on=incident.aware_date
    )
    info_request = InformationRequest.objects.unscoped().get(rapid_review=rapid_review)
    decision_services.information_request_answer(actor=lead, info_request=info_request, response="Two call-outs.")
    judged = {
        "improvements": ("yes", "Concerns not followed up."),
        "recurrent_themes": ("may", "Neglect, as before."),
        "agencies_working_together": ("yes", "Nobody joined the information up."),
        "panel_suggested_local": ("", ""),
    }
    completed, results = threading.Event(), {}

    def complete():
        try:
            with transaction.atomic():
                decision_services.rapid_review_update(
                    actor=alice,
                    rapid_review=rapid_review,
                    facts_gathered="Facts",
                    immediate_actions="",
                    sent_to_panel_on=None,
                    assessments=judged,
                    complete=True,
                )
                completed.set()
                threading.Event().wait(1.5)  # the lead sends while the completion is being saved
            results["complete"] = ("ok", None)
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong
            results["complete"] = ("error", repr(error))
        finally:
            completed.set()
            connections.close_all()

    def lead_sends():
        try:
            completed.wait(10)
            send(lead, InformationRequest.objects.unscoped().get(pk=info_request.pk))
            results["send"] = ("ok", None)
        except ValidationError as refusal:
            results["send"] = ("refused", " ".join(refusal.messages))
        except Exception as error:  # noqa: BLE001
            results["send"] = ("error", repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=complete), threading.Thread(target=lead_sends)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results["complete"] == ("ok", None), results
    return results["send"], InformationRequest.objects.unscoped().get(pk=info_request.pk)


def test_an_addition_sent_while_the_rapid_review_is_completed_is_refused(alice, partnership_a):
    """Probe 16: added after the completion in 6 of 6 rounds, answered "sent to the rapid review"."""

    def add(lead, info_request):
        decision_services.information_request_answer(actor=lead, info_request=info_request, response="Late words")

    (kind, message), info_request = _while_the_rapid_review_is_completed(alice, partnership_a, add)
    assert kind == "refused" and "The rapid review is complete" in message, (kind, message)
    assert "Late words" not in info_request.response


def test_a_document_attached_while_the_rapid_review_is_completed_is_refused(alice, partnership_a):
    """Probe 16: attached after the completion in 4 of 6 rounds."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from casereview.decisions.models import InformationAttachment

    def attach(lead, info_request):
        upload = SimpleUploadedFile("late.txt", b"a late chronology extract\n")
        decision_services.information_request_attach(actor=lead, info_request=info_request, files=[upload])

    (kind, message), info_request = _while_the_rapid_review_is_completed(alice, partnership_a, attach)
    assert kind == "refused" and "nothing more can be attached" in message, (kind, message)
    assert not InformationAttachment.objects.unscoped().filter(info_request=info_request).exists()


def test_verify_audit_run_while_events_are_written_finds_the_trail_whole(alice, agency_a, monkeypatch):
    """verify_audit read the chains' heads, then their events: an event written in between (a live system)
    was reported as a head "changed outside casereview" (second reader, review10). It reads one snapshot."""
    from types import SimpleNamespace

    from casereview.audit import verification
    from casereview.audit.models import AuditAction, AuditChain
    from casereview.audit.services import record_event

    for n in range(2):
        record_event(actor=alice, action=AuditAction.UPDATE, obj=agency_a, changes={"name": ["A", f"B{n}"]})

    def written_elsewhere():
        try:
            record_event(actor=alice, action=AuditAction.UPDATE, obj=agency_a, changes={"name": ["B1", "C"]})
        finally:
            connections.close_all()

    def heads_then_a_write():
        heads = list(AuditChain.objects.all())
        thread = threading.Thread(target=written_elsewhere)
        thread.start()
        thread.join(30)
        return heads

    stub = SimpleNamespace(objects=SimpleNamespace(all=heads_then_a_write), _meta=AuditChain._meta)
    monkeypatch.setattr(verification, "AuditChain", stub)
    findings, checked = verification.verify_chains()
    assert findings == [] and checked >= 2
    assert verification.verify_chains()[0] == []  # and afterwards, with the third event

"""People are told the moment something is asked of them: a link and the pseudonym, never the details."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.core.working_days import add_working_days
from casereview.decisions import services as decisions
from casereview.notifications.models import Delivery, Notification
from casereview.notifications.services import delivery_choose, notify, send_digests
from casereview.reporting.models import ReminderSent
from casereview.testing import AgencyFactory, IncidentFactory, ReviewFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(partnership_a):
    return AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")


@pytest.fixture
def police_lead(partnership_a, police):
    return member(partnership_a, Role.AGENCY_LEAD, agency=police, email="lead@police.example.org")


def open_rapid_review(alice, partnership_a, agencies, aware=None):
    aware = aware or add_working_days(timezone.localdate(), -2)
    incident = IncidentFactory(
        partnership=partnership_a, child_pseudonym="Child S", aware_date=aware, incident_date=aware
    )
    return decisions.rapid_review_open(actor=alice, incident=incident, agencies=agencies, opened_on=aware)


def test_an_agency_asked_for_information_is_emailed_a_link_and_the_pseudonym_only(
    alice, partnership_a, police, police_lead, django_capture_on_commit_callbacks
):
    other_lead = member(partnership_a, Role.AGENCY_LEAD, agency=AgencyFactory(partnership=partnership_a))
    with django_capture_on_commit_callbacks(execute=True):
        rapid_review = open_rapid_review(alice, partnership_a, [police])
    (message,) = mail.outbox
    assert message.to == ["lead@police.example.org"]
    info = rapid_review.requests.get()
    assert reverse("decisions:request_answer", args=[info.pk]) in message.body
    assert "Child S" in message.body and "information for a rapid review" in message.body
    assert "Rosie Example" not in message.body + message.subject  # the child's name never leaves casereview
    assert not Notification.objects.filter(recipient=other_lead).exists()


def test_a_refused_request_tells_nobody(alice, partnership_a, police, police_lead, django_capture_on_commit_callbacks):
    from django.core.exceptions import ValidationError

    incident = IncidentFactory(partnership=partnership_a)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        decisions.rapid_review_open(
            actor=alice, incident=incident, agencies=[police], opened_on=incident.aware_date - timedelta(days=1)
        )
    assert mail.outbox == [] and not Notification.objects.exists()


def test_the_chair_is_told_a_decision_awaits_them(alice, partnership_a, django_capture_on_commit_callbacks):
    chair = member(partnership_a, Role.CHAIR, email="chair@example.org")
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child T")
    with django_capture_on_commit_callbacks(execute=True):
        decisions.recommendation_make(
            actor=alice,
            incident=incident,
            outcome="local_review",
            rationale="Concerns about agencies working together",
            made_on=incident.aware_date,
        )
    (message,) = mail.outbox
    assert message.to == [chair.email]
    assert "decision" in message.subject and reverse("incidents:detail", args=[incident.pk]) in message.body


def test_contribution_reviewer_and_action_are_announced(alice, partnership_a, police, police_lead):
    from casereview.actionplans import services as actionplans
    from casereview.reviews import services as reviews

    review = ReviewFactory(partnership=partnership_a, title="Child R")
    reviews.contributions_request(
        actor=alice, review=review, agencies=[police], kinds=["chronology"], due_date=timezone.localdate()
    )
    reviewer = member(partnership_a, Role.REVIEWER)
    reviews.reviewer_appoint(
        actor=alice, review=review, user=reviewer, appointed_on=timezone.localdate(), declaration="Independent"
    )
    actionplans.action_create(
        actor=alice,
        review=review,
        description="Return-home interviews within 72 hours",
        owner_agency=police,
        lead_role="DI",
        start_date=timezone.localdate(),
        due_date=timezone.localdate() + timedelta(days=90),
        success_measure="Audit",
    )
    told_lead = list(Notification.objects.filter(recipient=police_lead).values_list("what", flat=True))
    assert any("chronology for a review" in what for what in told_lead)
    assert any(what.startswith("Action 1 is assigned to Metropolitan Police Service") for what in told_lead)
    assert Notification.objects.get(recipient=reviewer).what == "You have been appointed as the independent reviewer"


def test_the_same_request_is_announced_once(alice, partnership_a, police_lead):
    for _ in range(2):
        notify(recipients=[police_lead, police_lead], partnership=partnership_a, key="request:1", what="X", path="/")
    assert Notification.objects.filter(recipient=police_lead).count() == 1


def test_a_daily_digest_instead_of_an_email_each_time_sent_once(
    alice, partnership_a, police, police_lead, django_capture_on_commit_callbacks
):
    delivery_choose(actor=police_lead, delivery=Delivery.DIGEST)
    with django_capture_on_commit_callbacks(execute=True):
        open_rapid_review(alice, partnership_a, [police])
        notify(recipients=[police_lead], partnership=partnership_a, key="other:1", what="Something else", path="/x/")
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_notification_digest", stdout=io.StringIO())
    (digest,) = mail.outbox
    assert "2 new requests" in digest.subject and "Child S" in digest.body and "Something else" in digest.body
    with django_capture_on_commit_callbacks(execute=True):
        assert send_digests() == 0
    assert len(mail.outbox) == 1


def test_a_person_without_an_email_is_not_emailed_but_sees_it_at_home(client, alice, partnership_a, police):
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child S")
    rapid_review = decisions.rapid_review_open(
        actor=alice, incident=incident, agencies=[police], opened_on=incident.aware_date
    )
    # a real, still open request: the home page shows only what is still asked
    request = rapid_review.requests.get()
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, email="")
    outcome = notify(
        recipients=[lead],
        partnership=partnership_a,
        key=f"request:{request.pk}",
        what="Information wanted",
        about="Child S",
        path="/",
    )
    assert outcome.unreachable == [lead] and mail.outbox == []
    client.force_login(lead)
    page = client.get(reverse("home")).content.decode()
    assert "Information wanted" in page
    settings_page = client.get(reverse("notifications:settings")).content.decode()
    assert "no e-mail address" in settings_page


def test_the_morning_reminder_does_not_repeat_what_was_just_sent(
    alice, partnership_a, police, police_lead, django_capture_on_commit_callbacks
):
    partnership_a.reminder_working_days = 15
    partnership_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        open_rapid_review(alice, partnership_a, [police], aware=timezone.localdate())
    assert len([m for m in mail.outbox if police_lead.email in m.to]) == 1
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", stdout=io.StringIO())
    assert len([m for m in mail.outbox if police_lead.email in m.to]) == 1
    assert not ReminderSent.objects.filter(recipient=police_lead).exists()


def test_each_person_chooses_how_they_are_told(client, police_lead):
    client.force_login(police_lead)
    url = reverse("notifications:settings")
    assert "Choose one of the options" in client.post(url, {"delivery": "pigeon"}).content.decode()
    client.post(url, {"delivery": "digest"})
    assert police_lead.notification_settings.delivery == Delivery.DIGEST


def test_nobody_sees_another_persons_notifications(client, alice, partnership_a, police_lead):
    notify(recipients=[police_lead], partnership=partnership_a, key="k", what="For the lead only", path="/")
    client.force_login(alice)
    assert "For the lead only" not in client.get(reverse("notifications:settings")).content.decode()


def test_a_recommendation_decided_in_the_same_transaction_asks_nothing_of_the_chair(
    alice, partnership_a, django_capture_on_commit_callbacks
):
    from casereview.notifications.models import Notification

    chair = member(partnership_a, Role.CHAIR, email="chair@example.org")
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    with django_capture_on_commit_callbacks(execute=True):
        decisions.recommendation_make(
            actor=alice, incident=incident, outcome="local_review", rationale="Met", made_on=incident.aware_date
        )
        decisions.chair_decide(
            actor=chair, incident=incident, outcome="local_review", rationale="Agreed", decided_on=incident.aware_date
        )
    assert not [m for m in mail.outbox if chair.email in m.to and "decision" in m.subject]
    assert not Notification.objects.filter(recipient=chair, key=f"decision:{incident.pk}").exists()

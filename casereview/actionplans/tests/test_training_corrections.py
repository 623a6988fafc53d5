"""A year's training statistics: a year that cannot have happened yet is refused at entry; a year typed
wrongly is withdrawn with a reason; a year already recorded is corrected only with a reason."""

from django.urls import reverse
from django.utils import timezone

from casereview.actionplans.models import TrainingYear
from casereview.actionplans.selectors import year_starting
from casereview.audit.models import AuditAction, AuditEvent
from casereview.testing import TrainingYearFactory

FIGURES = {"sessions": "10", "individuals": "200", "organisations": "30", "elearning_modules": "50"}


def add(client, partnership, **data):
    return client.post(reverse("actionplans:training_add", args=[partnership.slug]), {**FIGURES, **data})


def test_a_year_more_than_one_ahead_is_refused_and_next_year_is_accepted(client, alice, partnership_a):
    this_year = year_starting(timezone.localdate())
    client.force_login(alice)
    response = add(client, partnership_a, year_starting=str(this_year + 5))
    assert response.status_code == 200
    assert "the current training year is" in response.content.decode()
    assert not TrainingYear.objects.exists()
    assert add(client, partnership_a, year_starting=str(this_year + 1)).status_code == 302


def test_correcting_a_recorded_year_needs_a_reason_and_is_kept_in_its_history(client, alice, partnership_a):
    record = TrainingYearFactory(partnership=partnership_a, year_starting=2024, sessions=12)
    client.force_login(alice)
    response = add(client, partnership_a, year_starting="2024")
    assert "2024-25 is already recorded: say why you are correcting it" in response.content.decode()
    record.refresh_from_db()
    assert record.sessions == 12
    add(client, partnership_a, year_starting="2024", reason="Two sessions were counted twice")
    record.refresh_from_db()
    assert record.sessions == 10
    history = client.get(reverse("actionplans:training_year_history", args=[record.pk])).content.decode()
    assert "Face-to-face sessions changed from 12 to 10" in history and "Two sessions were counted twice" in history


def test_a_mistyped_year_is_withdrawn_and_leaves_the_training_page(client, alice, partnership_a):
    record = TrainingYearFactory(partnership=partnership_a, year_starting=2021)
    client.force_login(alice)
    url = reverse("actionplans:training_year_withdraw", args=[record.pk])
    assert "Withdraw the training statistics for 2021-22?" in client.get(url).content.decode()
    assert "Say why" in client.post(url, {"reason": ""}).content.decode()
    client.post(url, {"reason": "Meant 2012-13"})
    page = client.get(reverse("actionplans:training", args=[partnership_a.slug]) + "?year=2021").content.decode()
    assert "No training statistics have been recorded for 2021-22" in page
    assert AuditEvent.objects.filter(action=AuditAction.WITHDRAW, reason="Meant 2012-13").exists()
    # the year can be entered again, correctly this time
    add(client, partnership_a, year_starting="2021")
    assert TrainingYear.objects.current().filter(year_starting=2021).count() == 1


def test_another_partnerships_training_year_cannot_be_withdrawn(client, charlie, partnership_a):
    record = TrainingYearFactory(partnership=partnership_a)
    client.force_login(charlie)
    assert (
        client.post(reverse("actionplans:training_year_withdraw", args=[record.pk]), {"reason": "x"}).status_code == 404
    )
    assert TrainingYear.objects.current().count() == 1

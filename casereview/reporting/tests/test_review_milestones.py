"""A running review's milestones reach the calendar feed and the reminders like every other deadline; a
report already sent no longer asks to be sent."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from casereview.publication.models import Report
from casereview.reporting.models import CalendarFeed
from casereview.reporting.selectors import deadlines_for
from casereview.testing import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(partnership_a):
    return ReviewFactory(
        partnership=partnership_a, title="Child R", decided_on=timezone.localdate() - timedelta(days=100)
    )


def test_the_partners_check_overdue_is_reminded_and_in_the_calendar(client, alice, review):
    mail.outbox.clear()
    call_command("send_deadline_reminders", stdout=io.StringIO())
    subjects = [m.subject for m in mail.outbox if alice.email in m.to]
    expected = "check of the review's time and quality (regular monitoring) for Child R is overdue"
    assert any(expected in subject for subject in subjects)

    client.force_login(alice)
    client.post(reverse("reporting:calendar"), {"action": "create"})
    client.logout()
    feed = client.get(reverse("reporting:calendar_feed", args=[CalendarFeed.objects.get(user=alice).token]))
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")}
    assert "Complete the review (the completion target) — Child R" in summaries


def test_a_report_sent_to_the_national_panel_leaves_the_due_list(alice, review):
    def sending_due():
        return [d for d in deadlines_for(user=alice, partnership=review.partnership) if "Send the final" in d.what]

    assert sending_due()
    Report.objects.create(review=review, file_name="r.docx", uploaded_by=alice, sent_to_panel_on=timezone.localdate())
    assert not sending_due()


def test_a_published_review_has_no_milestones_left(alice, review):
    review.stage = "published"
    review.save()
    assert not [d for d in deadlines_for(user=alice, partnership=review.partnership) if d.child == "Child R"]

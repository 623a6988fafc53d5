import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from docx import Document
from icalendar import Calendar

from casereview.accounts.models import Role
from casereview.decisions import services as decision_services
from casereview.incidents import services as incident_services
from casereview.reporting.models import CalendarFeed, ReminderSent
from casereview.testing import (
    ActionFactory,
    AgencyContributionFactory,
    AgencyFactory,
    MembershipFactory,
    PartnershipFactory,
    ReviewFactory,
    date_fields,
    incident_facts,
    member,
    working_days_ago,
)

pytestmark = pytest.mark.django_db


def _incident(alice, partnership, aware, **facts):
    """A case recorded through the service, learnt of on `aware`."""
    facts = incident_facts(incident_date=aware, aware_date=aware, **facts)
    return incident_services.incident_create(actor=alice, partnership=partnership, facts=facts)


def _action(review, agency, number, description, *, due_in_days=-3, **fields):
    """An action of `review` owned by `agency`, started 60 days ago and due `due_in_days` from today."""
    today = timezone.localdate()
    return ActionFactory(
        review=review,
        owner_agency=agency,
        number=number,
        description=description,
        start_date=today - timedelta(days=60),
        due_date=today + timedelta(days=due_in_days),
        **fields,
    )


def _morning_run():
    """The reminders command run on an empty outbox; returns the queries it made."""
    mail.outbox.clear()
    with CaptureQueriesContext(connection) as run:
        call_command("send_deadline_reminders", stdout=io.StringIO())
    return run.captured_queries


def _assert_four_cost_the_queries_of_one(make):
    """The morning run after `make(1)`, then (reminders forgotten) after `make(2)` to `make(4)` as well:
    the same number of queries, whatever the number of partnerships or people."""
    make(1)
    one = _morning_run()
    ReminderSent.objects.all().delete()
    for n in (2, 3, 4):
        make(n)
    assert len(_morning_run()) == len(one)


@pytest.fixture
def live_case(alice, partnership_a):
    """A looked-after child's death the local authority learnt of 4 working days ago, 10 days ago for
    an overdue item."""
    today = timezone.localdate()
    aware = working_days_ago(4, today)
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    incident = _incident(alice, partnership_a, aware, child_pseudonym="Child S")
    rapid_review = decision_services.rapid_review_open(
        actor=alice, incident=incident, agencies=[police], opened_on=aware
    )
    overdue = _incident(
        alice,
        partnership_a,
        working_days_ago(10, today),
        child_pseudonym="Child O",
        harm="serious_harm",
        abuse_or_neglect="known",
        looked_after=False,
    )
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, username="police_lead", email="lead@example.org")
    return dict(incident=incident, rapid_review=rapid_review, overdue=overdue, lead=lead)


def test_due_and_overdue_lists_overdue_first_with_working_days(client, alice, live_case):
    client.force_login(alice)
    page = client.get(reverse("reporting:deadlines", args=["southwark"])).content.decode()
    table = page[page.index("<table") :]
    assert table.index(">Child O<") < table.index(">Child S<")
    assert "5 working days overdue" in page  # Child O: aware 10 working days ago, due 5 after
    assert "1 working day left" in page  # Child S's notifications
    assert "Complete the rapid review" in page
    assert "Metropolitan Police Service: information for the rapid review" in page


def test_the_deadlines_page_says_when_a_reminder_was_e_mailed(client, alice, live_case):
    client.force_login(alice)
    url = reverse("reporting:deadlines", args=["southwark"])
    assert "Reminder e-mailed" not in client.get(url).content.decode()
    call_command("send_deadline_reminders", stdout=io.StringIO())
    page = client.get(url).content.decode()
    assert f"Reminder e-mailed {timezone.localdate():%-d %B %Y}" in page


def test_agency_lead_sees_only_their_own_requests(client, live_case):
    client.force_login(live_case["lead"])
    page = client.get(reverse("reporting:deadlines", args=["southwark"])).content.decode()
    assert "information for the rapid review" in page
    assert "Notify Ofsted" not in page
    assert "Child O" not in page


def test_reminders_go_to_the_right_people_once_however_often_the_command_runs(alice, live_case, partnership_a):
    # The police request is due in 6 working days: too far off for a reminder (2 days before by default).
    mail.outbox.clear()
    call_command("send_deadline_reminders", stdout=io.StringIO())
    assert "lead@example.org" not in {address for message in mail.outbox for address in message.to}
    ReminderSent.objects.all().delete()
    mail.outbox.clear()
    partnership_a.reminder_working_days = 6
    partnership_a.save()
    chair = member(partnership_a, Role.CHAIR, email="chair@example.org")
    out = io.StringIO()
    call_command("send_deadline_reminders", stdout=out)
    first = len(mail.outbox)
    assert first > 0
    recipients = {address for message in mail.outbox for address in message.to}
    assert alice.email in recipients and "lead@example.org" in recipients
    assert chair.email not in recipients  # nothing awaits the chair yet
    overdue_mail = [m for m in mail.outbox if "Child O" in m.subject]
    assert overdue_mail and all("overdue" in m.subject for m in overdue_mail)
    assert all("Tom" not in m.body for m in mail.outbox)
    call_command("send_deadline_reminders", stdout=out)
    assert len(mail.outbox) == first
    assert "already sent earlier" in out.getvalue()
    assert ReminderSent.objects.count() == first


def test_calendar_feed_lists_deadlines_and_stops_when_revoked(client, alice, live_case):
    client.force_login(alice)
    client.post(reverse("reporting:calendar"), {"action": "create"})
    feed = CalendarFeed.objects.get(user=alice)
    client.logout()
    response = client.get(reverse("reporting:calendar_feed", args=[feed.token]))
    assert response["Content-Type"].startswith("text/calendar")
    events = [c for c in Calendar.from_ical(response.content).walk("VEVENT")]
    summaries = {str(e["SUMMARY"]) for e in events}
    assert "Notify Ofsted — Child S" in summaries
    assert len({str(e["UID"]) for e in events}) == len(events)
    client.force_login(alice)
    client.post(reverse("reporting:calendar"), {"action": "revoke"})
    client.logout()
    assert client.get(reverse("reporting:calendar_feed", args=[feed.token])).status_code == 404
    assert client.get(reverse("reporting:calendar_feed", args=["made-up-token"])).status_code == 404


def test_revoking_asks_for_confirmation_first(client, alice):
    client.force_login(alice)
    client.post(reverse("reporting:calendar"), {"action": "create"})
    page = client.get(reverse("reporting:calendar"), {"confirm": "revoke"}).content.decode()
    assert "Yes, switch it off" in page
    assert CalendarFeed.objects.filter(revoked_on__isnull=True).count() == 1


def test_executive_report_shows_decisions_with_rationale_and_exports_docx(client, alice, live_case, partnership_a):
    incident = live_case["overdue"]
    today = timezone.localdate()
    decision_services.recommendation_make(
        actor=alice, incident=incident, outcome="local_review", rationale="Met", made_on=today
    )
    decision_services.chair_decide(
        actor=alice,
        incident=incident,
        outcome="local_review",
        rationale="Agencies did not share information",
        decided_on=today,
    )
    executive = member(partnership_a, Role.EXECUTIVE)
    client.force_login(executive)
    url = reverse("reporting:executive_report", args=["southwark"])
    page = client.get(url).content.decode()
    assert "Agencies did not share information" in page
    assert "Child S" in page  # rapid review in progress
    response = client.get(reverse("reporting:executive_report_docx", args=["southwark"]))
    word = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Agencies did not share information" in text
    assert "Child O" in text
    # dates as people write them: "decided 3 March 2026", never "03 March 2026"
    decided = f"{today.day} {today:%B %Y}"
    assert f"{decided}: Local review" in text or decided in text
    assert not re.search(r"\b0\d [A-Z][a-z]+ \d{4}", text)
    # the quarterly item carries the dashboard's charts, each with alt text and its table
    assert "The picture this year" in text
    assert len(word.inline_shapes) >= 1 and all(s._inline.docPr.get("descr") for s in word.inline_shapes)
    assert len(word.tables) >= len(word.inline_shapes)


def test_executive_report_period_can_be_chosen_and_bad_dates_explained(client, alice):
    client.force_login(alice)
    url = reverse("reporting:executive_report", args=["southwark"])
    future = timezone.localdate() + timedelta(days=30)
    page = client.get(url, date_fields("start", future)).content.decode()
    assert "The date of the last meeting must be in the past" in page


def test_viewer_has_no_deadlines_or_executive_report(client, bob):
    client.force_login(bob)
    assert client.get(reverse("reporting:deadlines", args=["southwark"])).status_code == 403
    assert client.get(reverse("reporting:executive_report", args=["southwark"])).status_code == 403


def test_open_actions_due_soon_or_overdue_are_on_the_due_list_but_closed_ones_are_not(client, alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child R")
    agency = AgencyFactory(partnership=partnership_a, name="Health visiting", sector="health")
    _action(review, agency, 1, "Audit transfer summaries")
    _action(review, agency, 2, "Train on escalation", due_in_days=300)
    _action(review, agency, 3, "Done already", status="closed")
    client.force_login(alice)
    page = client.get(reverse("reporting:deadlines", args=["southwark"])).content.decode()
    # the entry says what is due and whose it is, not only a number
    assert "Action 1: Audit transfer summaries — Health visiting" in page
    assert "Action 2" not in page and "Action 3" not in page


def test_an_agency_lead_is_reminded_of_their_agencys_overdue_action_only_where_they_may_open_it(alice, partnership_a):
    health = AgencyFactory(partnership=partnership_a, name="Health visiting", sector="health")
    school = AgencyFactory(partnership=partnership_a, name="Schools", sector="education")
    # the leads come before the business manager in the members' list: the order must not matter
    health_lead = member(partnership_a, Role.AGENCY_LEAD, agency=health, username="hv", email="hv@example.org")
    member(partnership_a, Role.AGENCY_LEAD, agency=school, username="ed", email="ed@example.org")
    open_review = ReviewFactory(partnership=partnership_a, title="Child R")
    secret_review = ReviewFactory(partnership=partnership_a, title="Child Q", is_confidential=True)
    _action(open_review, health, 1, "Audit transfer summaries")
    _action(secret_review, health, 1, "Review the referral pathway")
    alice.memberships.update(created=timezone.now())  # membership order is not the order of reading
    mail.outbox.clear()
    call_command("send_deadline_reminders", stdout=io.StringIO())
    to_health = [m for m in mail.outbox if health_lead.email in m.to]
    assert [m.subject for m in to_health] == [
        "casereview: Action 1: Audit transfer summaries — Health visiting for Child R is overdue"
    ]
    assert not [m for m in mail.outbox if "ed@example.org" in m.to]


def _overdue_actions(partnership, count):
    """`count` overdue actions more of one review, owned by an agency whose lead has an e-mail address."""
    from casereview.accounts.models import Agency
    from casereview.actionplans.models import Action
    from casereview.reviews.models import Review

    agency = Agency.objects.unscoped().filter(partnership=partnership, name="Health visiting").first()
    if agency is None:
        agency = AgencyFactory(partnership=partnership, name="Health visiting", sector="health")
        member(partnership, Role.AGENCY_LEAD, agency=agency, email="hv@example.org")
    review = Review.objects.unscoped().filter(partnership=partnership, title="Child R").first()
    review = review or ReviewFactory(partnership=partnership, title="Child R")
    start = Action.objects.filter(review=review).count()
    for number in range(start + 1, start + count + 1):
        _action(review, agency, number, f"Overdue action {number}")


def test_the_first_morning_run_costs_the_same_queries_for_many_reminders_as_for_few(alice, partnership_a):
    _overdue_actions(partnership_a, 2)
    few = _morning_run()
    assert len([m for m in mail.outbox if "hv@example.org" in m.to]) == 2
    ReminderSent.objects.all().delete()
    _overdue_actions(partnership_a, 12)
    many = _morning_run()
    assert len([m for m in mail.outbox if "hv@example.org" in m.to]) == 14
    assert len(many) == len(few)


def test_a_reminder_another_copy_of_the_command_recorded_first_is_not_sent_again(alice, partnership_a):
    from casereview.reporting import reminders

    _overdue_actions(partnership_a, 3)
    real = reminders._record_and_send
    taken = []

    def another_copy_first(batch, site_url):
        # The other copy records the first reminder between this run's reading and its writing.
        membership, deadline, kind = batch[0]
        ReminderSent.objects.create(
            deadline_key=deadline.key, kind=kind, due_date=deadline.due, recipient=membership.user
        )
        taken.append((reminders._subject(deadline, kind), membership.user.email))
        return real(batch, site_url)

    mail.outbox.clear()
    reminders._record_and_send = another_copy_first
    try:
        out = io.StringIO()
        call_command("send_deadline_reminders", stdout=out)
    finally:
        reminders._record_and_send = real
    sent = [(m.subject, m.to[0]) for m in mail.outbox]
    assert taken and taken[0] not in sent
    assert len(sent) == ReminderSent.objects.count() - 1
    assert f"Reminders sent: {len(sent)}; already sent earlier: 1." in out.getvalue()


def test_the_due_list_says_whose_contribution_and_action_are_due_and_links_each_to_its_page(
    client, alice, partnership_a
):
    today = timezone.localdate()
    review = ReviewFactory(partnership=partnership_a, title="Child R", target_completion=today + timedelta(days=20))
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    contribution = AgencyContributionFactory(
        review=review, agency=police, kind="agency_report", due_date=today - timedelta(days=2)
    )
    action = _action(review, police, 4, "Audit transfer summaries.", due_in_days=3)
    client.force_login(alice)
    page = client.get(reverse("reporting:deadlines", args=["southwark"])).content.decode()
    rows = re.findall(r'<a class="govuk-link" href="([^"]+)">([^<]+)</a>', page)
    assert (
        reverse("reviews:contribution", args=[contribution.pk]),
        "Metropolitan Police Service: agency report (management review or summary)",
    ) in rows
    assert (
        reverse("actionplans:action", args=[action.pk]),
        "Action 4: Audit transfer summaries — Metropolitan Police Service",
    ) in [(url, text.replace("&mdash;", "—")) for url, text in rows]
    assert (reverse("reviews:detail", args=[review.pk]), "Complete the review (the completion target)") in rows
    assert (
        page.count('<td class="govuk-table__cell">Child R</td>') == 5
    )  # the contribution, the action and three milestones


def _partnership_with_overdue_work(n):
    """A partnership whose business manager (bm<n>@example.org) is owed reminders of the milestones of a
    running review (confidential in every other partnership), which also waits on an agency's overdue
    contribution and action (theirs to be reminded of, not the manager's)."""
    today = timezone.localdate()
    partnership = PartnershipFactory()
    member(partnership, Role.BUSINESS_MANAGER, email=f"bm{n}@example.org")
    review = ReviewFactory(partnership=partnership, title=f"Child {n}", is_confidential=n % 2 == 0)
    agency = AgencyFactory(partnership=partnership, name=f"Agency {n}")
    AgencyContributionFactory(review=review, agency=agency, due_date=today - timedelta(days=5))
    _action(review, agency, 1, f"Action of partnership {n}")


def test_the_morning_run_reads_every_partnerships_list_at_once_and_tells_each_manager_only_of_their_own(db):
    _assert_four_cost_the_queries_of_one(_partnership_with_overdue_work)
    for n in (1, 2, 3, 4):
        subjects = sorted(m.subject for m in mail.outbox if m.to == [f"bm{n}@example.org"])
        # the confidential review's too: a business manager sees all of the partnership's deadlines
        assert f"casereview: Complete the review (the completion target) for Child {n} is overdue" in subjects
        assert len(subjects) == 3 and all(f"for Child {n} is" in subject for subject in subjects), subjects


def _agency_lead_with_overdue_work(n):
    """A partnership with a business manager and an agency lead (lead<n>@example.org) whose agency owes an
    overdue contribution and action to an open review and an overdue action to a confidential one."""
    today = timezone.localdate()
    partnership = PartnershipFactory()
    member(partnership, Role.BUSINESS_MANAGER, email=f"bm{n}@example.org")
    agency = AgencyFactory(partnership=partnership, name=f"Agency {n}")
    member(partnership, Role.AGENCY_LEAD, agency=agency, email=f"lead{n}@example.org")
    for title, secret in ((f"Child {n}", False), (f"Child S{n}", True)):
        review = ReviewFactory(partnership=partnership, title=title, is_confidential=secret)
        AgencyContributionFactory(review=review, agency=agency, due_date=today - timedelta(days=5))
        _action(review, agency, 1, f"Action for {title}")


def test_every_agency_leads_own_check_costs_the_same_queries_for_many_leads_as_for_one(db):
    """Each lead's deadlines are checked through the lead's own scope, all leads in the same query: a lead
    hears of their agency's open-review work and their contribution to the confidential review (theirs to
    submit), never of the confidential review's action."""
    _assert_four_cost_the_queries_of_one(_agency_lead_with_overdue_work)
    for n in (1, 2, 3, 4):
        subjects = sorted(m.subject for m in mail.outbox if m.to == [f"lead{n}@example.org"])
        assert len(subjects) == 3, subjects
        assert sum(f"Action for Child {n} — Agency {n} for Child {n} is overdue" in s for s in subjects) == 1
        assert not any(f"Action for Child S{n}" in subject for subject in subjects)
        assert all(f"Child {n} " in subject or f"Child S{n} " in subject for subject in subjects), subjects


def test_the_calendar_of_someone_in_two_partnerships_holds_both_lists_and_no_other(client, db):
    from casereview.accounts.models import Partnership, User

    for n in (1, 2, 3):
        _partnership_with_overdue_work(n)
    manager = User.objects.get(email="bm1@example.org")
    second = Partnership.objects.unscoped().get(memberships__user__email="bm2@example.org")
    MembershipFactory(user=manager, partnership=second, role=Role.BUSINESS_MANAGER)
    feed = CalendarFeed.objects.create(user=manager)
    response = client.get(reverse("reporting:calendar_feed", args=[feed.token]))
    summaries = {str(e["SUMMARY"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}
    for n in (1, 2):  # each partnership's actions (numbered per partnership in one query) and milestones
        assert f"Action 1: Action of partnership {n} — Agency {n} — Child {n}" in summaries
        assert f"Complete the review (the completion target) — Child {n}" in summaries
    assert not [s for s in summaries if "Child 3" in s or "partnership 3" in s]

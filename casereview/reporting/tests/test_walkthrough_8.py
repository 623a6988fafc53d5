"""Walkthrough 8's findings on the executive's pages and the home page (docs/walkthrough-8.md, 19, 20, 22)."""

import datetime
import html

import pytest
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.reporting import services
from casereview.testing import ActionFactory, AgencyFactory, ReviewFactory, member

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def page(client, user, url):
    client.force_login(user)
    return html.unescape(client.get(url).content.decode())


@pytest.fixture
def executive(partnership_a):
    return member(partnership_a, Role.EXECUTIVE, username="exec")


def test_the_executive_report_shows_reviews_published_and_in_progress_and_overdue_actions(
    client, partnership_a, executive
):
    """Finding 19."""
    published = ReviewFactory(
        partnership=partnership_a,
        title="Child T",
        stage="published",
        published_on=TODAY,
        decided_on=datetime.date(2025, 8, 3),
    )
    running = ReviewFactory(
        partnership=partnership_a,
        title="Child Q",
        stage="scoping",
        target_completion=TODAY + datetime.timedelta(days=90),
    )
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service")
    ActionFactory(review=running, owner_agency=police, due_date=TODAY - datetime.timedelta(days=3))
    body = page(client, executive, reverse("reporting:executive_report", args=[partnership_a.slug]))
    published_part = body.split("Reviews published</h2>")[1].split("</ul>")[0]
    assert "Child T" in published_part and TODAY.strftime("%-d %b %Y") in published_part
    progress_part = body.split("Reviews in progress</h2>")[1].split("</ul>")[0]
    assert "Child Q" in progress_part and "Child T" not in progress_part
    overdue_part = body.split("Overdue actions by agency</h2>")[1].split("</ul>")[0]
    assert "Metropolitan Police Service: 1 action" in overdue_part
    assert published.pk
    home = page(client, executive, reverse("home"))
    assert "reviews published and in progress, and overdue and escalated actions by agency" in home


def test_the_executives_home_links_the_yearly_reports_and_the_list_says_who_starts_one(
    client, partnership_a, executive
):
    """Finding 20."""
    home = page(client, executive, reverse("home"))
    assert reverse("reporting:annual_reports", args=[partnership_a.slug]) in home
    body = page(client, executive, reverse("reporting:annual_reports", args=[partnership_a.slug]))
    assert "The business manager starts and writes each year's report" in body


def test_the_yearly_report_counts_a_decision_for_every_review_commissioned(client, partnership_a, alice):
    """Finding 20: "0 decisions on whether to review" beside "2 commissioned" — the reviews were recorded
    without a chair's decision in casereview, and only the decisions were counted."""
    for title in ("Child Y", "Child Z"):
        ReviewFactory(partnership=partnership_a, title=title, decided_on=datetime.date(2018, 9, 1))
    report = services.annual_report_start(actor=alice, partnership=partnership_a, year_starting=2018)
    body = page(client, alice, reverse("reporting:annual_report", args=[report.pk]))
    assert "0 decisions on whether to review" not in body
    assert "2 decisions on whether to review (2 known only from the reviews they commissioned" in body
    assert "2 commissioned" in body


def test_the_demo_narrative_is_dated_when_a_2018_19_report_was_written(db):
    """Finding 20: "Version 1, by Business Manager, 3 Dec 2026" on a 2018-19 report."""
    from io import StringIO

    from django.core.management import call_command

    from casereview.reporting.models import SectionVersion

    call_command("load_demo", "--partnership", "southwark", stdout=StringIO())
    years = set(SectionVersion.objects.unscoped().values_list("created__year", flat=True))
    assert years == {2019}


def test_the_home_page_says_it_shows_the_first_ten_of_what_is_due(client, partnership_a, alice):
    """Finding 22: "11 open; soonest first" above ten."""
    from casereview.reporting.selectors import HOME_LIST_LENGTH

    review = ReviewFactory(partnership=partnership_a, title="Child Q")
    police = AgencyFactory(partnership=partnership_a, name="Police")
    for n in range(HOME_LIST_LENGTH + 1):
        ActionFactory(review=review, owner_agency=police, due_date=TODAY + datetime.timedelta(days=n + 1))
    body = page(client, alice, reverse("home"))
    assert f"the first {HOME_LIST_LENGTH} shown here, soonest first" in body
    assert "See all" in body


def test_the_managers_home_says_what_others_changed_since_they_last_signed_in(client, partnership_a, alice):
    """Finding 22: after the police sent their information, the item simply dropped off the due list."""
    from casereview.decisions import services as decisions
    from casereview.testing import IncidentFactory, InformationRequestFactory, RapidReviewFactory

    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service")
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child S")
    request = InformationRequestFactory(rapid_review=RapidReviewFactory(incident=incident), agency=police)
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, username="pl", first_name="Police", last_name="Lead")
    # each page() signs in (force_login records the sign-in, as signing in does)
    # (walkthrough 9, finding 5: the first sign-in says so, and the change is said as the manager acts on it)
    assert "This is your first sign-in" in page(client, alice, reverse("home")), "a first sign-in"
    decisions.information_request_answer(actor=lead, info_request=request, response="Two call-outs.")
    body = page(client, alice, reverse("home"))
    assert "What changed since you last signed in" in body
    assert "Metropolitan Police Service sent its information for Child S's rapid review (Police Lead)" in body

"""Walkthrough 9, finding 5: "What changed since you last signed in" on the business manager's home page."""

import html
import re

import pytest
from django.contrib.auth import signals
from django.test import RequestFactory
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.decisions import services as decisions
from casereview.testing import AgencyFactory, IncidentFactory, InformationRequestFactory, RapidReviewFactory, member

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    """A new sign-in, as the sign-in page makes one: a fresh session, and the sign-in in the audit log."""
    client.logout()
    client.force_login(user)


def home(client):
    return html.unescape(client.get(reverse("home")).content.decode())


@pytest.fixture
def child_s(partnership_a):
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service")
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child S")
    request = InformationRequestFactory(rapid_review=RapidReviewFactory(incident=incident), agency=police)
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, username="pl", first_name="Police", last_name="Lead")
    return request, lead


def test_the_first_sign_in_says_changes_will_be_listed_from_now(client, alice):
    sign_in(client, alice)
    assert "This is your first sign-in: what other people change will be listed here from now on" in home(client)


def test_repeated_changes_are_one_line_in_words_the_manager_acts_on_with_a_link(client, alice, child_s):
    request, lead = child_s
    sign_in(client, alice)
    home(client)
    decisions.information_request_answer(actor=lead, info_request=request, response="Two call-outs.")
    for addition in ("A third call-out.", "A fourth.", "A fifth."):
        request.refresh_from_db()
        decisions.information_request_answer(actor=lead, info_request=request, response=addition)
    sign_in(client, alice)
    page = home(client)
    changes = re.search(r'<ul class="govuk-list govuk-list--spaced" id="changes">(.*?)</ul>', page, re.S).group(1)
    url = reverse("decisions:request_answer", args=[request.pk])
    assert (
        f'<a class="govuk-link" href="{url}">Metropolitan Police Service added to its information for Child S\'s '
        "rapid review (Police Lead)</a> (3 times)" in changes
    )
    assert f'href="{url}">Metropolitan Police Service sent its information for Child S' in changes
    assert changes.count("<li>") == 2
    assert home(client).count("added to its information") == 1, "reloading the page keeps the same list"


def test_a_sign_in_through_an_email_link_loses_no_change(client, alice, child_s):
    request, lead = child_s
    sign_in(client, alice)
    home(client)
    decisions.information_request_answer(actor=lead, info_request=request, response="Two call-outs.")
    sign_in(client, alice)  # from the e-mail's link, straight to the rapid review: the home page is not seen
    client.get(reverse("decisions:rapid_review", args=[request.rapid_review.pk]))
    sign_in(client, alice)
    assert "Metropolitan Police Service sent its information for Child S's rapid review" in home(client)
    sign_in(client, alice)
    assert "Nobody else has changed anything" in home(client), "seen on the last sign-in: not listed again"


def test_a_manager_who_saw_no_home_page_yet_starts_from_the_sign_in_before(client, alice, child_s):
    """Those who signed in before the home page's visits were kept start from their sign-in before this one."""
    request, lead = child_s
    signals.user_logged_in.send(sender=type(alice), request=RequestFactory().get("/"), user=alice)
    decisions.information_request_answer(actor=lead, info_request=request, response="Two call-outs.")
    sign_in(client, alice)
    assert "Metropolitan Police Service sent its information" in home(client)


def test_the_changes_say_they_run_from_the_last_sign_in(client, alice, child_s):
    """Walkthrough 10, finding 14: the heading speaks of the sign-in; the line under it now does too."""
    sign_in(client, alice)
    home(client)
    sign_in(client, alice)
    page = home(client)
    assert "What changed since you last signed in" in page
    assert "Changed by other people since your last sign-in, when you last saw this page (" in page
    assert "Since you last saw this page, on" not in page

"""Walkthrough 9's findings on the chronology (docs/walkthrough-9.md): the template's example rows and
events outside the scope (finding 9), and the merged chronology for an agency lead (finding 10)."""

import datetime
import html

import pytest
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.reviews import chronology
from casereview.reviews.models import ChronologyEntry, TermsOfReference
from casereview.testing import AgencyContributionFactory, AgencyFactory, ReviewFactory, member

from .test_views import upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child T")
    TermsOfReference.objects.create(
        review=review,
        scope_start=datetime.date(2024, 1, 1),
        scope_end=datetime.date(2026, 7, 9),
        lines_of_enquiry="Lines",
        methodology="other",
    )
    health = AgencyFactory(partnership=partnership_a, name="Guy's and St Thomas'")
    contribution = AgencyContributionFactory(review=review, agency=health)
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=health, username="health_lead")
    return review, contribution, lead


def test_the_templates_own_example_rows_are_refused_and_nothing_imported(client, setting, capture):
    review, contribution, lead = setting
    client.force_login(lead)
    template = client.get(reverse("reviews:chronology_template_csv")).content.decode("utf-8-sig")
    with_ours = template + "01/05/2026,,exact,Home visit,Health visitor saw T at home,Health visitor,\n"
    page = upload(client, contribution, with_ours, capture).content.decode()
    assert "Nothing was imported" in page
    assert "Row 2, description: this is the template&#x27;s own example row: delete it from the file" in page
    assert "Row 3, description: this is the template&#x27;s own example row" in page
    assert not ChronologyEntry.objects.exists()


def test_events_outside_the_scope_are_imported_and_named_in_a_warning(client, setting, capture):
    review, contribution, lead = setting
    client.force_login(lead)
    header = ",".join(chronology.COLUMNS) + "\n"
    rows = "15/03/2019,,exact,Home visit,Seen at home,,\n01/05/2026,,exact,Home visit,Seen again,,\n"
    page = upload(client, contribution, header + rows, capture).content.decode()
    assert "2 events imported" in page
    assert "1 event falls outside the terms of reference&#x27;s scope (1 January 2024 to 9 July 2026)" in page
    assert "Row 2: 15 March 2019, Home visit" in page and "Row 3" not in page
    assert ChronologyEntry.objects.filter(review=review).count() == 2


def test_an_agency_lead_is_told_plainly_the_merged_chronology_is_not_shown_to_them(client, setting, capture):
    review, contribution, lead = setting
    client.force_login(lead)
    header = ",".join(chronology.COLUMNS) + "\n"
    upload(client, contribution, header + "01/05/2026,,exact,Home visit,Seen at home,,\n", capture)
    page = html.unescape(client.get(reverse("reviews:chronology", args=[review.pk])).content.decode())
    assert "No agency has sent its chronology yet" not in page
    assert "other agencies' chronologies are not shown to you" in page
    assert "Chronology from Guy's and St Thomas'</a>: 1 event received" in page


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks

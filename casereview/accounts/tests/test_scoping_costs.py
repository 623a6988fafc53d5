"""What a scoped list costs: a direct filter on the record's path to its partnership, not a subquery over
every partnership's rows, and a permission answered once per request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from casereview.accounts import permissions
from casereview.accounts.models import Role
from casereview.reviews.models import ChronologyEntry, LearningPoint, PanelMember, Review
from casereview.testing import (
    AgencyFactory,
    ChronologyEntryFactory,
    IncidentFactory,
    LearningPointFactory,
    ReviewFactory,
    member,
)

pytestmark = pytest.mark.django_db


def _sql(queryset):
    return str(queryset.query).upper()


def test_a_managers_chronology_is_filtered_by_its_review_partnership_without_a_subquery(alice, partnership_a):
    entry = ChronologyEntryFactory(review=ReviewFactory(partnership=partnership_a))
    entries = ChronologyEntry.objects.visible_to(alice).filter(review=entry.review)
    assert list(entries) == [entry]
    assert _sql(entries).count("SELECT") == 1


def test_a_managers_reviews_need_no_subquery(alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    reviews = Review.objects.visible_to(alice)
    assert list(reviews) == [review]
    assert _sql(reviews).count("SELECT") == 1


def test_a_panel_member_sees_a_confidential_review_only_through_their_own_seat(partnership_a):
    panel = member(partnership_a, Role.PANEL_MEMBER)
    open_review = ReviewFactory(partnership=partnership_a)
    seated = ReviewFactory(partnership=partnership_a, is_confidential=True)
    ReviewFactory(partnership=partnership_a, is_confidential=True)
    agency = AgencyFactory(partnership=partnership_a)
    PanelMember.objects.create(review=seated, agency=agency, user=panel, name="Pat Panel")
    PanelMember.objects.create(review=seated, agency=agency, user=panel, name="Pat Panel (deputy)")  # no repeat
    assert sorted(Review.objects.visible_to(panel), key=str) == sorted([open_review, seated], key=str)
    point = LearningPointFactory(review=seated)
    LearningPointFactory(review=Review.objects.filter(is_confidential=True).exclude(pk=seated.pk).get())
    assert list(LearningPoint.objects.visible_to(panel)) == [point]


def test_an_agency_lead_sees_each_review_once_however_many_contributions_their_agency_owes(partnership_a, agency_a):
    from casereview.testing import AgencyContributionFactory

    lead = member(partnership_a, Role.AGENCY_LEAD, agency=agency_a)
    review = ReviewFactory(partnership=partnership_a)
    AgencyContributionFactory(review=review, agency=agency_a, kind="chronology")
    AgencyContributionFactory(review=review, agency=agency_a, kind="agency_report")
    ReviewFactory(partnership=partnership_a)  # nothing asked of the lead's agency
    assert list(Review.objects.visible_to(lead)) == [review]


def test_the_same_permission_question_is_answered_once_per_request(alice, partnership_a):
    incident = IncidentFactory(partnership=partnership_a)
    permissions.active_memberships(alice)  # the user's memberships, read once when the request begins
    with CaptureQueriesContext(connection) as queries:
        answers = {
            action: permissions.can(alice, action, incident) for action in permissions.RULES["incidents.incident"]
        }
    assert answers["change"] and not answers["decide"]  # a business manager, not the chair
    assert len(queries) == 1


def test_an_answer_is_not_shared_with_another_user(alice, charlie, partnership_a):
    incident = IncidentFactory(partnership=partnership_a)
    assert permissions.can(alice, "change", incident)
    assert not permissions.can(charlie, "change", incident)

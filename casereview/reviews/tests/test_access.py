"""What each member sees of a review: agency leads see their own agency's part, not the family's notes,
the terms of reference or other agencies' records."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from casereview.reviews.models import FamilyInvolvement, TermsOfReference
from casereview.testing import (
    AgencyContributionFactory,
    ChronologyEntryFactory,
    ReviewFactory,
    TermsOfReferenceFactory,
    contribution_with_lead,
)

pytestmark = pytest.mark.django_db


def test_an_agency_lead_does_not_see_the_familys_notes_or_the_terms_of_reference(client, partnership_a):
    contribution, lead = contribution_with_lead(partnership_a, agency_name="School", username="lead")
    review = contribution.review
    FamilyInvolvement.objects.create(
        review=review, participation="declined", notes="SECRET-FAMILY-NOTE mother in refuge"
    )
    TermsOfReferenceFactory(review=review, lines_of_enquiry="SECRET-LINES-OF-ENQUIRY")
    # The rules say an agency lead may not see these records:
    assert not FamilyInvolvement.objects.visible_to(lead).exists()
    assert not TermsOfReference.objects.visible_to(lead).exists()
    client.force_login(lead)
    body = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "SECRET-FAMILY-NOTE" not in body, "family notes leak to agency lead"
    assert "SECRET-LINES-OF-ENQUIRY" not in body, "terms leak to agency lead"


def test_an_agency_lead_sees_only_their_own_agencys_chronology_event_types(client, partnership_a):
    mine, lead = contribution_with_lead(partnership_a, agency_name="School", username="lead2")
    review = mine.review
    other = AgencyContributionFactory(review=review)
    ChronologyEntryFactory(contribution=other, event_type="Strategy discussion SECRET-TYPE")
    client.force_login(lead)
    body = client.get(reverse("reviews:chronology", args=[review.pk])).content.decode()
    assert "SECRET-TYPE" not in body, "event types of other agencies' chronologies leak"


def test_an_agency_lead_does_not_see_the_terms_or_the_panel_on_the_review_page(client, partnership_a):
    contribution, lead = contribution_with_lead(partnership_a, agency_name="School", username="lead9")
    review = contribution.review
    TermsOfReferenceFactory(review=review, lines_of_enquiry="SECRET-LINES-OF-ENQUIRY")
    from casereview.reviews.models import PanelMember

    PanelMember.objects.create(review=review, agency=contribution.agency, name="SECRET-PANEL-NAME")
    client.force_login(lead)
    body = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "SECRET-LINES-OF-ENQUIRY" not in body and "SECRET-PANEL-NAME" not in body


def test_a_review_is_published_only_through_the_publication_gate(client, partnership_a, alice):
    from casereview.reviews import services

    review = ReviewFactory(partnership=partnership_a)
    with pytest.raises(ValidationError, match="publication page"):
        services.review_stage_change(
            actor=alice, review=review, stage="published", changed_on=datetime.date(2025, 6, 1)
        )
    review.refresh_from_db()
    assert review.stage != "published", "published without the publication gate (no sign-offs, no anonymisation)"

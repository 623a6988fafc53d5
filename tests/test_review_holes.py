"""Regression tests for the holes a review of the code found (each failed before its fix)."""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from casereview.accounts.models import Role
from casereview.actionplans.models import Evidence
from casereview.documents import services as doc_services
from casereview.reviews.models import FamilyInvolvement, LearningPoint, TermsOfReference
from casereview.testing import (
    ActionFactory,
    AgencyContributionFactory,
    AgencyFactory,
    ChronologyEntryFactory,
    DisseminationEventFactory,
    ReviewFactory,
    RiskFactory,
    document_in,
    member,
)

pytestmark = pytest.mark.django_db


def test_agency_lead_sees_family_notes_and_terms_on_review_detail(client, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    agency = AgencyFactory(partnership=partnership_a, name="School")
    AgencyContributionFactory(review=review, agency=agency)
    FamilyInvolvement.objects.create(
        review=review, participation="declined", notes="SECRET-FAMILY-NOTE mother in refuge"
    )
    TermsOfReference.objects.create(
        review=review,
        scope_start=datetime.date(2020, 1, 1),
        scope_end=datetime.date(2021, 1, 1),
        lines_of_enquiry="SECRET-LINES-OF-ENQUIRY",
        methodology="other",
    )
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=agency, username="lead")
    # The rules say an agency lead may not see these records:
    assert not FamilyInvolvement.objects.visible_to(lead).exists()
    assert not TermsOfReference.objects.visible_to(lead).exists()
    client.force_login(lead)
    body = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "SECRET-FAMILY-NOTE" not in body, "family notes leak to agency lead"
    assert "SECRET-LINES-OF-ENQUIRY" not in body, "terms leak to agency lead"


def test_agency_lead_sees_other_agencies_event_types(client, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    mine = AgencyContributionFactory(review=review)
    other = AgencyContributionFactory(review=review)
    ChronologyEntryFactory(contribution=other, event_type="Strategy discussion SECRET-TYPE")
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=mine.agency, username="lead2")
    client.force_login(lead)
    body = client.get(reverse("reviews:chronology", args=[review.pk])).content.decode()
    assert "SECRET-TYPE" not in body, "event types of other agencies' chronologies leak"


def test_viewer_sees_confidential_review_title_in_dissemination(client, partnership_a, bob):
    review = ReviewFactory(partnership=partnership_a, title="Child CONFIDENTIAL-X", is_confidential=True)
    event = DisseminationEventFactory(partnership=partnership_a)
    event.reviews.add(review)
    client.force_login(bob)
    body = client.get(reverse("actionplans:dissemination", args=[partnership_a.slug])).content.decode()
    assert "CONFIDENTIAL-X" not in body, "viewer sees a confidential review's title"


def test_executive_sees_confidential_review_title_in_risk_register(client, partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child CONFIDENTIAL-Y", is_confidential=True)
    risk = RiskFactory(partnership=partnership_a, review_date=datetime.date(2030, 1, 1))
    risk.reviews.add(review)
    executive = member(partnership_a, Role.EXECUTIVE, username="exec")
    from casereview.reviews.models import Review

    assert not Review.objects.visible_to(executive).filter(pk=review.pk).exists()
    client.force_login(executive)
    body = client.get(reverse("actionplans:risk_register", args=[partnership_a.slug])).content.decode()
    assert "CONFIDENTIAL-Y" not in body, "executive sees a confidential review's title"


def test_action_plan_xlsx_formula_injection(client, partnership_a, alice):
    action = ActionFactory(review__partnership=partnership_a)
    Evidence.objects.create(
        action=action,
        kind="link",
        url="https://example.org",
        description='=HYPERLINK("http://evil.example","x")',
        added_by=alice,
    )
    client.force_login(alice)
    response = client.get(reverse("actionplans:export_xlsx", args=[partnership_a.slug]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=8)
    assert cell.data_type != "f", f"evidence cell is a live formula: {cell.value!r}"


def test_apply_twice_duplicates_learning_points(partnership_a, alice):
    review = ReviewFactory(partnership=partnership_a)
    document = document_in(partnership_a)
    decisions = {str(i.pk): ("accepted", i.text) for i in document.items.all()}
    doc_services.document_apply(actor=alice, document=document, decisions=decisions, review=review)
    document.refresh_from_db()
    assert document.status == "applied"
    with pytest.raises(ValidationError, match="already been added"):
        doc_services.document_apply(actor=alice, document=document, decisions=decisions, review=review)
    assert LearningPoint.objects.filter(review=review).count() == 2, "applied twice: learning points duplicated"


def test_apply_queued_document_marks_applied_and_loses_extraction(partnership_a, alice):
    review = ReviewFactory(partnership=partnership_a)
    document = document_in(partnership_a, status="queued", text="")
    document.items.all().delete()
    with pytest.raises(ValidationError, match="not been read yet"):
        doc_services.document_apply(actor=alice, document=document, decisions={}, review=review)
    document.refresh_from_db()
    assert document.status != "applied", "a document not yet read was marked applied; extraction will now skip it"


def test_escalation_email_names_confidential_review_to_executive(partnership_a, mailoutbox):
    from casereview.actionplans.escalations import send_escalations
    from casereview.actionplans.models import Action

    review = ReviewFactory(partnership=partnership_a, title="Child CONFIDENTIAL-Z", is_confidential=True)
    action = ActionFactory(review=review, due_date=datetime.date(2020, 1, 1), start_date=datetime.date(2019, 1, 1))
    executive = member(
        partnership_a, Role.EXECUTIVE, agency=action.owner_agency, username="exec2", email="exec2@example.org"
    )
    assert not Action.objects.visible_to(executive).filter(pk=action.pk).exists()
    send_escalations()
    leaked = [m for m in mailoutbox if "exec2@example.org" in m.to and "CONFIDENTIAL-Z" in (m.subject + m.body)]
    assert not leaked, (
        f"escalation e-mail names a confidential review to someone who may not see it: {leaked[0].subject}"
    )


def test_document_check_bad_review_id_is_500(client, partnership_a, alice):
    document = document_in(partnership_a)
    client.raise_request_exception = False
    client.force_login(alice)
    data = {f"decision-{i.pk}": "accepted" for i in document.items.all()}
    data["review"] = "not-a-uuid"
    response = client.post(reverse("documents:check", args=[document.pk]), data)
    assert response.status_code != 500, "a non-UUID review id crashes the page"


def test_stage_change_marks_published_without_gate(client, partnership_a, alice):
    from casereview.reviews import services

    review = ReviewFactory(partnership=partnership_a)
    with pytest.raises(ValidationError, match="publication page"):
        services.review_stage_change(
            actor=alice, review=review, stage="published", changed_on=datetime.date(2025, 6, 1)
        )
    review.refresh_from_db()
    assert review.stage != "published", "published without the publication gate (no sign-offs, no anonymisation)"


def test_agency_lead_terms_leak(client, partnership_a):
    review = ReviewFactory(partnership=partnership_a)
    agency = AgencyFactory(partnership=partnership_a, name="School")
    AgencyContributionFactory(review=review, agency=agency)
    TermsOfReference.objects.create(
        review=review,
        scope_start=datetime.date(2020, 1, 1),
        scope_end=datetime.date(2021, 1, 1),
        lines_of_enquiry="SECRET-LINES-OF-ENQUIRY",
        methodology="other",
    )
    from casereview.reviews.models import PanelMember

    PanelMember.objects.create(review=review, agency=agency, name="SECRET-PANEL-NAME")
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=agency, username="lead9")
    client.force_login(lead)
    body = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "SECRET-LINES-OF-ENQUIRY" not in body and "SECRET-PANEL-NAME" not in body

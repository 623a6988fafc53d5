"""Walkthrough 8's pages outside the publication app, as they are now, at 390 px: each fits the screen and
passes axe-core, with the new warnings, fieldsets and errors showing."""

import datetime

import pytest
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.core.models import Theme
from casereview.core.themes import ensure_themes
from casereview.decisions import services as decisions
from casereview.decisions.models import ReviewRecommendation
from casereview.reviews.models import ReviewerAppointment, TermsOfReference
from casereview.testing import (
    ActionFactory,
    AgencyContributionFactory,
    AgencyFactory,
    IncidentFactory,
    InformationRequestFactory,
    RapidReviewFactory,
    ReviewFactory,
    member,
)

from .conftest import PHONE, assert_accessible, assert_fits
from .test_case_journey import sign_out
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TODAY = timezone.localdate()


def _check(page, path, *texts):
    page.goto(path)
    body = page.locator("main").inner_text()
    for text in texts:
        assert text in body, (path, text)
    assert_fits(page)
    assert_accessible(page)


def test_walkthrough_8s_pages_fit_a_phone_and_pass_axe(page, alice, partnership_a):
    ensure_themes(Theme)  # an earlier transactional test's flush empties the migration's themes
    health = AgencyFactory(partnership=partnership_a, name="Guy's and St Thomas'", sector="health")
    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    review = ReviewFactory(
        partnership=partnership_a,
        title="Child T",
        stage="published",
        published_on=TODAY,
        incident=IncidentFactory(partnership=partnership_a),
    )
    AgencyContributionFactory(review=review, agency=health)
    TermsOfReference.objects.create(
        review=review,
        scope_start=datetime.date(2025, 1, 1),
        scope_end=datetime.date(2025, 6, 1),
        lines_of_enquiry="Lines",
        methodology="other",
    )
    ReviewerAppointment.objects.create(
        review=review,
        user=member(partnership_a, Role.REVIEWER, username="reviewer"),
        appointed_on=datetime.date(2025, 6, 1),
        independence_declaration="Independent",
        declared_on=datetime.date(2025, 6, 1),
    )
    ActionFactory(review=review, owner_agency=police, due_date=TODAY - datetime.timedelta(days=2))
    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child S")
    rapid_review = RapidReviewFactory(incident=incident)
    request = InformationRequestFactory(rapid_review=rapid_review, agency=police)
    police_lead = member(partnership_a, Role.AGENCY_LEAD, agency=police, username="police")
    decisions.information_request_answer(actor=police_lead, info_request=request, response="Two call-outs.")
    member(partnership_a, Role.AGENCY_LEAD, agency=health, username="health")
    member(partnership_a, Role.EXECUTIVE, username="executive")
    member(partnership_a, Role.CHAIR, username="chair")
    member(partnership_a, Role.VIEWER, username="viewer")
    page.set_viewport_size(PHONE)

    sign_in(page, "alice")
    _check(page, "/", "open")
    _check(page, f"/reviews/{review.pk}/findings/", "This review is published but its learning points are not recorded")
    _check(page, f"/partnerships/{partnership_a.slug}/library/", "Child T is published but its learning points")
    _check(page, f"/reviews/{review.pk}/contributions/new/", "Select all that apply")
    page.get_by_role("button", name="Send the requests").click()
    assert "Choose what to ask for" in page.locator("main").inner_text()
    assert_accessible(page)
    _check(page, f"/reviews/{review.pk}/learning-points/new/", "Abuse type", "Practice")
    page.get_by_role("button", name="Save").click()
    assert "Enter the text of the learning point" in page.locator("main").inner_text()
    assert_fits(page)
    assert_accessible(page)
    _check(page, f"/incidents/{incident.pk}/recommendation/", "The rapid review is not complete")
    _check(page, f"/reviews/{review.pk}/", "Read the incident and the decision")

    sign_out(page)
    sign_in(page, "health")
    _check(page, f"/reviews/{review.pk}/", "Not shown to you.")

    sign_out(page)
    sign_in(page, "police")
    _check(page, f"/information-requests/{request.pk}/", "What you sent", "Add to what you sent")

    ReviewRecommendation.objects.create(
        incident=incident, outcome="local_review", rationale="Met", made_on=incident.aware_date, recorded_by=alice
    )
    sign_out(page)
    sign_in(page, "chair")
    _check(page, f"/incidents/{incident.pk}/decision/", "The rapid review is not complete", "You decide on")

    sign_out(page)
    sign_in(page, "executive")
    _check(page, "/", "The yearly reports")
    _check(
        page, f"/partnerships/{partnership_a.slug}/executive-report/", "Reviews published", "Overdue actions by agency"
    )
    _check(page, f"/partnerships/{partnership_a.slug}/annual-reports/", "starts and writes each year's report")

    sign_out(page)
    sign_in(page, "viewer")
    page.goto(f"/reviews/{review.pk}/")
    assert "Case reviews, cases and people are not shown to you" in page.locator("main").inner_text()
    assert_fits(page)
    assert_accessible(page)
    sign_out(page)
    sign_in(page, "alice")  # a second sign-in: the home page says what others changed since the first
    _check(page, "/", "What changed since you last signed in")
    # the one error is the page's own "not found", as it should be
    assert [e for e in page.console_errors if "status of 404" not in e] == []


def test_an_agency_attaches_documents_to_its_information_and_withdraws_one_at_390px(page, partnership_a):
    """Finding 17's "Left": the request's documents, every state of the page at 390 px and axe-clean."""
    from playwright.sync_api import expect

    police = AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")
    rapid_review = RapidReviewFactory(incident=IncidentFactory(partnership=partnership_a, child_pseudonym="Child S"))
    request = InformationRequestFactory(rapid_review=rapid_review, agency=police)
    member(partnership_a, Role.AGENCY_LEAD, agency=police, username="police", first_name="Police", last_name="Lead")
    member(partnership_a, Role.CHAIR, username="chair")
    page.set_viewport_size(PHONE)
    files = page.locator("input[type=file]")
    attach = page.get_by_role("button", name="Attach the documents")

    sign_in(page, "police")
    _check(page, f"/information-requests/{request.pk}/", "No documents have been sent with this information yet.")
    attach.click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select the documents to attach")
    assert_fits(page)
    assert_accessible(page)
    files.set_input_files([{"name": "figures.xlsx", "mimeType": "text/plain", "buffer": b"MZ a program"}])
    attach.click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("is a program, not an Excel file")
    assert_fits(page)
    assert_accessible(page)
    long_name = "Metropolitan_Police_Service_chronology_extract_Child_S_April_2026.pdf"
    files.set_input_files(
        [
            {"name": long_name, "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n% chronology\n"},
            {"name": "referral-notes.txt", "mimeType": "text/plain", "buffer": b"Referral of 2 April."},
        ]
    )
    attach.click()
    expect(page.get_by_text("Sent to the rapid review with Metropolitan Police Service's information")).to_be_visible()
    documents = page.locator("#documents-sent")
    expect(documents).to_contain_text(long_name)
    expect(documents).to_contain_text("by Police Lead")
    assert_fits(page)
    assert_accessible(page)

    page.get_by_role("link", name=f"Withdraw {long_name}").click()
    expect(page.get_by_role("heading", name=f"Withdraw {long_name}?")).to_be_visible()
    assert_fits(page)
    assert_accessible(page)
    page.get_by_role("button", name="Withdraw this document").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why you are withdrawing it")
    assert_fits(page)
    assert_accessible(page)
    page.get_by_label("Why are you withdrawing it?").fill("Sent for the wrong child")
    page.get_by_role("button", name="Withdraw this document").click()
    expect(page.get_by_text(f"{long_name} has been withdrawn.")).to_be_visible()
    expect(documents).to_contain_text("Sent for the wrong child")
    assert_fits(page)
    assert_accessible(page)

    sign_out(page)
    sign_in(page, "chair")
    _check(page, f"/rapid-reviews/{rapid_review.pk}/", "referral-notes.txt", f"{long_name}: withdrawn")
    with page.expect_download() as download:
        page.get_by_role("link", name="referral-notes.txt").click()
    assert download.value.suggested_filename == "referral-notes.txt"
    assert page.get_by_role("link", name=long_name).count() == 0
    assert page.console_errors == []

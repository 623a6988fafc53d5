"""A walk-through: an agency lead posts an update with evidence, the business manager closes the
action on it, an overdue action shows escalated to the executive member, and the XLSX export holds the
plan — every page checked with axe-core."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect

from casereview.accounts.models import Role
from casereview.actionplans import services
from casereview.actionplans.models import Action
from casereview.testing import AgencyFactory, ReviewFactory, member

from .conftest import assert_accessible, open_area
from .test_case_journey import sign_out
from .test_journeys import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_update_with_evidence_closure_escalation_and_export(page, alice, partnership_a, tmp_path):
    today = timezone.localdate()
    social_care = AgencyFactory(partnership=partnership_a, name="Southwark Children's Services")
    health = AgencyFactory(partnership=partnership_a, name="NHS Southwark CCG", sector="health")
    member(partnership_a, Role.AGENCY_LEAD, agency=social_care, username="csc.lead")
    member(partnership_a, Role.EXECUTIVE, agency=health, username="health.exec")
    review = ReviewFactory(partnership=partnership_a, title="Child R")
    services.action_create(
        actor=alice,
        review=review,
        description="Commission a return-interview service for young people missing from care",
        owner_agency=social_care,
        lead_role="Head of Looked After Children's Services",
        start_date=today - timedelta(days=90),
        due_date=today + timedelta(days=30),
        success_measure="Every young person is offered a return interview within 72 hours",
    )
    services.action_create(
        actor=alice,
        review=review,
        description="Review the arrangements for looked-after children's health services",
        owner_agency=health,
        lead_role="Designated Nurse",
        start_date=today - timedelta(days=120),
        due_date=today - timedelta(days=40),
        success_measure="Review agreed by the governing body",
    )
    evidence = tmp_path / "contract.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% signed contract for the return interview service\n")
    program = tmp_path / "contract-scan.pdf"
    program.write_bytes(b"MZ\x90\x00 not a document")

    # The children's services lead sees only their own agency's action and posts an update with evidence.
    sign_in(page, "csc.lead")
    open_area(page, "Reviews", "Action plans")
    expect(page.get_by_role("link", name="Child R: action 1")).to_be_visible()
    expect(page.get_by_text("looked-after children's health services")).to_have_count(0)
    assert_accessible(page)
    page.get_by_role("link", name="Child R: action 1").click()
    page.get_by_role("button", name="Post an update").click()
    page.get_by_label("Completed — evidence awaited").check()
    page.get_by_label("Progress").fill("The service has run since May; the contract is signed.")
    page.get_by_label("Evidence file (optional)").set_input_files(str(program))
    page.get_by_label("Describe the evidence").fill("Signed contract")
    page.get_by_role("button", name="Post the update").click()
    expect(
        page.locator(".govuk-error-summary").get_by_role(
            "link", name="The selected file is a program, not a PDF file", exact=False
        )
    ).to_be_visible()
    expect(page.get_by_label("Progress")).to_have_value("The service has run since May; the contract is signed.")
    assert_accessible(page)
    page.get_by_label("Evidence file (optional)").set_input_files(str(evidence))
    page.get_by_role("button", name="Post the update").click()
    expect(page.get_by_text("Your update has been posted")).to_be_visible()
    expect(page.get_by_role("link", name="Signed contract")).to_be_visible()
    expect(page.get_by_role("button", name="Close the action")).to_have_count(0)
    assert_accessible(page)
    sign_out(page)

    # The business manager closes it on that evidence.
    sign_in(page, "alice")
    open_area(page, "Reviews", "Action plans")
    page.get_by_role("link", name="Child R: action 1").click()
    page.get_by_role("button", name="Close the action").click()
    expect(page.get_by_role("link", name="Signed contract")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Sign-off").fill("Contract seen and agreed at the SCR subgroup")
    page.get_by_role("button", name="Close the action").click()
    expect(page.get_by_text("has been closed and the sign-off recorded")).to_be_visible()
    expect(page.locator(".govuk-tag", has_text="Closed")).to_be_visible()
    assert_accessible(page)

    # The export opens in openpyxl and holds both actions, found by part of the review's name.
    open_area(page, "Reviews", "Action plans")
    page.get_by_label("Review", exact=True).fill("child r")
    page.get_by_role("button", name="Show actions").click()
    expect(page.get_by_text("2 actions, soonest due first")).to_be_visible()
    assert_accessible(page)
    # A long export is prepared in the background: a page says what it holds, then one shows it ready.
    page.get_by_role("link", name="Prepare a spreadsheet of these actions (XLSX)").click()
    assert_accessible(page)
    page.get_by_role("button", name="Prepare the file").click()
    expect(page.get_by_role("heading", name="Your file is ready")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("button", name=re.compile("^Download action-plans-")).click()
    path = tmp_path / "plan.xlsx"
    download_info.value.save_as(path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("Review", "Recommendation", "Action")
    assert sorted((r[2], r[5]) for r in rows[1:]) == [
        ("1. Commission a return-interview service for young people missing from care", "Closed"),
        ("2. Review the arrangements for looked-after children's health services", "Overdue"),
    ]
    assert rows[1][7] == "Signed contract" or rows[2][7] == "Signed contract"
    sign_out(page)

    # The health executive member sees the overdue action escalated.
    sign_in(page, "health.exec")
    open_area(page, "Reviews", "Action plans")
    page.get_by_role("link", name="Escalated actions").click()
    row = page.get_by_role("row").filter(has_text="Child R: action 2")
    expect(row).to_contain_text("NHS Southwark CCG")
    expect(row).to_contain_text("Overdue since")
    expect(page.get_by_role("link", name="Child R: action 1")).to_have_count(0)
    assert_accessible(page)
    assert page.console_errors == []
    assert Action.objects.get(number=1).status == "closed"

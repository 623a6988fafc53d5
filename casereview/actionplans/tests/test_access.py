"""A confidential review's title stays with those who may open it, on every action-plan page, export and
e-mail."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from casereview.accounts.models import Role
from casereview.actionplans.models import Evidence
from casereview.testing import (
    ActionFactory,
    DisseminationEventFactory,
    ReviewFactory,
    RiskFactory,
    exported,
    member,
)

pytestmark = pytest.mark.django_db


def test_a_viewer_does_not_see_a_confidential_reviews_title_in_dissemination(client, partnership_a, bob):
    review = ReviewFactory(partnership=partnership_a, title="Child CONFIDENTIAL-X", is_confidential=True)
    event = DisseminationEventFactory(partnership=partnership_a)
    event.reviews.add(review)
    client.force_login(bob)
    body = client.get(reverse("actionplans:dissemination", args=[partnership_a.slug])).content.decode()
    assert "CONFIDENTIAL-X" not in body, "viewer sees a confidential review's title"


def test_an_executive_off_the_panel_does_not_see_a_confidential_title_in_the_risk_register(client, partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child CONFIDENTIAL-Y", is_confidential=True)
    risk = RiskFactory(partnership=partnership_a, review_date=datetime.date(2030, 1, 1))
    risk.reviews.add(review)
    executive = member(partnership_a, Role.EXECUTIVE, username="exec")
    from casereview.reviews.models import Review

    assert not Review.objects.visible_to(executive).filter(pk=review.pk).exists()
    client.force_login(executive)
    body = client.get(reverse("actionplans:risk_register", args=[partnership_a.slug])).content.decode()
    assert "CONFIDENTIAL-Y" not in body, "executive sees a confidential review's title"


def test_an_escalation_email_names_no_confidential_review_to_an_executive_who_may_not_open_it(
    partnership_a, mailoutbox
):
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


def test_the_action_plan_spreadsheet_holds_no_live_formula_from_an_agencys_text(
    client, partnership_a, alice, django_capture_on_commit_callbacks
):
    action = ActionFactory(review__partnership=partnership_a)
    Evidence.objects.create(
        action=action,
        kind="link",
        url="https://example.org",
        description='=HYPERLINK("http://evil.example","x")',
        added_by=alice,
    )
    client.force_login(alice)
    response = exported(
        client,
        reverse("actionplans:export_xlsx", args=[partnership_a.slug]),
        capture=django_capture_on_commit_callbacks,
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    cell = sheet.cell(row=2, column=8)
    assert cell.data_type != "f", f"evidence cell is a live formula: {cell.value!r}"

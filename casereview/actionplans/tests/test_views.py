import html
import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from casereview.actionplans import services
from casereview.actionplans.models import Action, ActionStatus, Escalation, Evidence, ProgressUpdate
from casereview.audit.models import AuditEvent
from casereview.testing import ActionFactory, ReviewFactory, date_fields, exported

from .conftest import pdf_upload, post_update

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def text(response):
    return response.content.decode()


def test_agency_lead_posts_an_update_with_evidence_through_the_page(client, plan):
    client.force_login(plan["social_care_lead"])
    response = post_update(
        client,
        plan["action"],
        status="completed",
        text="Service running since May",
        evidence_file=pdf_upload("contract.pdf"),
        evidence_description="Signed contract",
        follow=True,
    )
    assert "Your update has been posted" in text(response)
    assert "Signed contract" in text(response) and "Completed — evidence awaited" in text(response)


def test_a_refused_evidence_file_keeps_what_was_typed(client, plan):
    client.force_login(plan["social_care_lead"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = post_update(
        client,
        plan["action"],
        status="on_track",
        text="Provider chosen after tender",
        evidence_file=SimpleUploadedFile("tender.pdf", b"MZ\x90 program"),
        evidence_description="Tender",
    )
    page = text(response)
    assert response.status_code == 200 and "There is a problem" in page
    assert "The selected file is a program, not a PDF file, although its name ends .pdf" in page
    assert "Provider chosen after tender" in page, "the progress text typed is shown again"
    assert not ProgressUpdate.objects.exists()


def test_another_agencys_lead_cannot_see_or_update_the_action(client, plan):
    client.force_login(plan["police_lead"])
    action = plan["action"]
    assert client.get(reverse("actionplans:action", args=[action.pk])).status_code == 404
    response = post_update(client, action, status="on_track", text="Not ours")
    assert response.status_code == 404 and not ProgressUpdate.objects.exists()
    listing = text(client.get(reverse("actionplans:monitoring", args=["southwark"])))
    assert "return-interview" not in listing and "No actions have been agreed yet" in listing


def test_agency_lead_sees_only_their_own_agencys_actions_in_the_list_and_export(
    client, plan, alice, django_capture_on_commit_callbacks
):
    services.action_create(
        actor=alice,
        review=plan["review"],
        description="Review joint protocol on high-risk looked-after children",
        owner_agency=plan["police"],
        lead_role="Detective Inspector",
        start_date=TODAY,
        due_date=TODAY,
        success_measure="Protocol signed",
    )
    client.force_login(plan["police_lead"])
    listing = text(client.get(reverse("actionplans:monitoring", args=["southwark"])))
    assert "joint protocol" in listing and "return-interview" not in listing
    download = exported(
        client, reverse("actionplans:export_xlsx", args=["southwark"]), capture=django_capture_on_commit_callbacks
    )
    sheet = load_workbook(io.BytesIO(download.content)).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == [
        "2. Review joint protocol on high-risk looked-after children"
    ]


def test_viewer_and_outsider_cannot_reach_action_plans(client, plan, bob, charlie):
    client.force_login(bob)
    assert client.get(reverse("actionplans:monitoring", args=["southwark"])).status_code == 403
    assert client.get(reverse("actionplans:action", args=[plan["action"].pk])).status_code == 404
    assert client.get(reverse("actionplans:dissemination", args=["southwark"])).status_code == 200, "published learning"
    client.force_login(charlie)
    assert client.get(reverse("actionplans:monitoring", args=["southwark"])).status_code == 404
    assert client.get(reverse("actionplans:action", args=[plan["action"].pk])).status_code == 404


def test_actions_of_a_confidential_review_are_hidden_beyond_the_manager_and_chair(client, plan, alice):
    confidential = ReviewFactory(partnership=plan["review"].partnership, title="Child Q", is_confidential=True)
    secret = ActionFactory(review=confidential, owner_agency=plan["social_care"], description="Confidential action")
    for user, status in [(plan["panel"], 404), (plan["social_care_lead"], 404), (plan["chair"], 200), (alice, 200)]:
        client.force_login(user)
        assert client.get(reverse("actionplans:action", args=[secret.pk])).status_code == status, user


def test_closing_without_evidence_shows_a_clear_error(client, plan, alice):
    client.force_login(alice)
    url = reverse("actionplans:action_close", args=[plan["action"].pk])
    assert "No evidence has been attached yet" in text(client.get(url))
    response = client.post(url, {**date_fields("closed_on", TODAY), "note": "Agreed"})
    assert "Attach evidence before closing the action" in text(response)
    assert Action.objects.get(pk=plan["action"].pk).status == ActionStatus.NOT_STARTED


def _completed_with_evidence(plan, file_name):
    """The children's services lead reports the plan's action completed today, with a PDF as evidence."""
    services.progress_update_post(
        actor=plan["social_care_lead"],
        action=plan["action"],
        posted_on=TODAY,
        text="Done",
        status="completed",
        evidence_file=pdf_upload(file_name),
        evidence_description="Contract",
    )


def test_business_manager_closes_on_evidence(client, plan, alice):
    _completed_with_evidence(plan, "minutes.pdf")
    client.force_login(alice)
    response = client.post(
        reverse("actionplans:action_close", args=[plan["action"].pk]),
        {**date_fields("closed_on", TODAY), "note": "Seen at the SCR subgroup"},
        follow=True,
    )
    assert "has been closed and the sign-off recorded" in text(response)
    assert "Seen at the SCR subgroup" in text(response)


def test_agency_lead_and_executive_may_not_close(client, plan):
    for user in (plan["social_care_lead"], plan["executive"]):
        client.force_login(user)
        assert (
            client.post(reverse("actionplans:action_close", args=[plan["action"].pk]), {"note": "x"}).status_code == 403
        )


def test_a_due_date_before_the_start_is_shown_as_an_error(client, plan, alice):
    client.force_login(alice)
    response = client.post(
        reverse("actionplans:action_add", args=[plan["review"].pk]),
        {
            "description": "Audit LAC reviews",
            "owner_agency": plan["police"].pk,
            "lead_role": "DI",
            **date_fields("start_date", TODAY),
            **date_fields("due_date", TODAY - timedelta(days=1)),
            "success_measure": "Audit reported",
        },
    )
    assert "The due date must be the same as or after the start date" in text(response)
    assert Action.objects.count() == 1


def test_evidence_downloads_only_through_the_checked_view(client, plan, alice):
    _completed_with_evidence(plan, "contract.pdf")
    evidence = Evidence.objects.get()
    url = reverse("actionplans:evidence", args=[evidence.pk])
    client.force_login(plan["police_lead"])
    assert client.get(url).status_code == 404
    client.force_login(alice)
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert 'attachment; filename="contract.pdf"' in response["Content-Disposition"]
    assert AuditEvent.objects.filter(object_repr="Evidence downloaded: contract.pdf", actor=alice).exists()


def test_monitoring_filters_by_status_computed_from_dates(client, plan, alice):
    late = services.action_create(
        actor=alice,
        review=plan["review"],
        description="Increase LAC health resources",
        owner_agency=plan["police"],
        lead_role="Designated nurse",
        start_date=TODAY - timedelta(days=90),
        due_date=TODAY - timedelta(days=5),
        success_measure="Two more LAC nurses",
    )
    services.progress_update_post(actor=alice, action=late, posted_on=TODAY, text="Recruiting", status="on_track")
    client.force_login(alice)
    url = reverse("actionplans:monitoring", args=["southwark"])
    overdue = text(client.get(url, {"status": "overdue"}))
    assert "Increase LAC health resources" in overdue and "return-interview" not in overdue
    on_track = text(client.get(url, {"status": "on_track"}))
    assert "Increase LAC health resources" not in on_track, "on track past its due date is overdue"
    assert "No actions match these filters" in text(client.get(url, {"status": "closed"}))


def test_what_changed_since_the_last_meeting(client, plan, alice):
    services.progress_update_post(
        actor=plan["social_care_lead"],
        action=plan["action"],
        posted_on=TODAY - timedelta(days=20),
        text="Old news",
        status="on_track",
    )
    services.progress_update_post(
        actor=plan["social_care_lead"],
        action=plan["action"],
        posted_on=TODAY,
        text="Provider appointed",
        status="at_risk",
    )
    client.force_login(alice)
    page = text(
        client.get(reverse("actionplans:changes", args=["southwark"]), date_fields("since", TODAY - timedelta(days=7)))
    )
    assert "Provider appointed" in page and "Update: at risk" in page and "Old news" not in page


def test_exports_hold_one_row_per_action_in_the_partnerships_layout(
    client, plan, alice, django_capture_on_commit_callbacks
):
    services.progress_update_post(
        actor=plan["social_care_lead"],
        action=plan["action"],
        posted_on=TODAY,
        text="Provider appointed",
        status="on_track",
        evidence_url="https://intranet.example.org/spec",
        evidence_description="Specification",
    )
    client.force_login(alice)
    response = exported(
        client, reverse("actionplans:export_xlsx", args=["southwark"]), capture=django_capture_on_commit_callbacks
    )
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0] == ("Review", "Recommendation", "Action", "Owner", "Due", "Status", "Latest update", "Evidence")
    assert len(rows) == 2
    review, answers, action, owner, due, status, latest, evidence = rows[1]
    assert (review, answers, status) == ("Child R", "The review as a whole", "On track")
    assert owner == "Southwark Children's Services — Head of Looked After Children's Services"
    assert due.date() == plan["action"].due_date and latest.endswith("Provider appointed")
    assert evidence == "Specification (https://intranet.example.org/spec)"
    document = Document(
        io.BytesIO(
            exported(
                client,
                reverse("actionplans:export_docx", args=["southwark"]),
                capture=django_capture_on_commit_callbacks,
            ).content
        )
    )
    table = document.tables[0]
    assert len(table.rows) == 2 and table.rows[1].cells[5].text == "On track"
    assert AuditEvent.objects.filter(action="export", object_repr="Action plans (XLSX)").exists()


def test_overdue_action_is_escalated_on_the_executive_view_and_emailed_once(client, plan, alice):
    Action.objects.filter(pk=plan["action"].pk).update(due_date=TODAY - timedelta(days=40))
    client.force_login(plan["executive"])
    page = text(client.get(reverse("actionplans:escalated", args=["southwark"])))
    assert "Child R: action 1" in page and "Not yet" in page
    call_command("send_escalations", stdout=io.StringIO())
    call_command("send_escalations", stdout=io.StringIO())
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["exec@example.org"]
    assert "overdue" in mail.outbox[0].subject and "Child R" in mail.outbox[0].subject
    assert Escalation.objects.count() == 1
    assert TODAY.strftime("%-d %b %Y") in text(client.get(reverse("actionplans:escalated", args=["southwark"])))
    action_page = html.unescape(
        re.sub(r"<[^>]+>", "", text(client.get(reverse("actionplans:action", args=[plan["action"].pk]))))
    )
    assert f"Escalated to the agency's executive member on {TODAY:%-d %B %Y}" in " ".join(action_page.split())


def test_panel_member_and_agency_lead_do_not_see_the_executive_view(client, plan):
    for user in (plan["panel"], plan["social_care_lead"]):
        client.force_login(user)
        assert client.get(reverse("actionplans:escalated", args=["southwark"])).status_code == 403


def test_navigation_shows_action_plans_to_those_who_may_see_them(client, plan, bob):
    # Action plans sit in the Reviews group, listed beneath the navigation while a page of the group is open.
    client.force_login(plan["social_care_lead"])
    assert "Action plans" in text(client.get(reverse("reviews:list", args=["southwark"])))
    client.force_login(bob)
    page = text(client.get(reverse("actionplans:dissemination", args=["southwark"])))
    assert "Action plans" not in page and "Risk register" not in page and "Reviews" not in page
    assert "Learning" in page


def test_dissemination_and_training_roll_up(client, alice, plan):
    client.force_login(alice)
    response = client.post(
        reverse("actionplans:dissemination_add", args=["southwark"]),
        {
            "kind": "cascade",
            "title": "Child R: cascade to partner agencies",
            **date_fields("held_on", TODAY.replace(month=9, day=15, year=2015)),
            "audience": "Practitioners",
            "attendees": "60",
            "organisations": "18",
            "reviews": [plan["review"].pk],
        },
        follow=True,
    )
    assert "has been recorded" in text(response)
    response = client.post(
        reverse("actionplans:training_add", args=["southwark"]),
        {
            "year_starting": "2015",
            "sessions": "45",
            "individuals": "340",
            "organisations": "81",
            "elearning_modules": "368",
        },
        follow=True,
    )
    page = text(response)
    assert "provided 45 face-to-face training sessions, training 340 individuals from 81 organisations" in page
    assert "368 e-learning modules were completed" in page
    assert "Cascade event" in page and "Child R" in page


def test_risk_register_add_and_refuse_bad_scores(client, alice, plan):
    client.force_login(alice)
    fields = {
        "title": "Escalation between agencies is slow",
        "description": "Disagreements linger",
        "owner": "Q&E chair",
        "likelihood": "4",
        "impact": "4",
        "mitigation": "Refresh the protocol",
        "residual_likelihood": "5",
        "residual_impact": "4",
        **date_fields("review_date", TODAY + timedelta(days=90)),
        "status": "open",
        "escalated": "on",
    }
    response = client.post(reverse("actionplans:risk_add", args=["southwark"]), fields)
    assert "The score after mitigation cannot be higher than before it" in text(response)
    fields["residual_likelihood"] = "2"
    page = text(client.post(reverse("actionplans:risk_add", args=["southwark"]), fields, follow=True))
    assert "has been added to the risk register" in page and "4 × 4 = 16" in page and "Escalated" in page
    client.force_login(plan["panel"])
    assert client.get(reverse("actionplans:risk_add", args=["southwark"])).status_code == 403
    assert "Escalation between agencies is slow" in text(
        client.get(reverse("actionplans:risk_register", args=["southwark"]))
    )


def test_the_executive_groups_report_lists_escalated_actions(client, plan):
    Action.objects.filter(pk=plan["action"].pk).update(due_date=TODAY - timedelta(days=40))
    client.force_login(plan["executive"])
    page = text(client.get(reverse("reporting:executive_report", args=["southwark"])))
    section = page.split("Escalated actions</h2>")[1]
    assert "Southwark Children&#x27;s Services: 1 action" in section
    document = Document(io.BytesIO(client.get(reverse("reporting:executive_report_docx", args=["southwark"])).content))
    assert any(p.text == "Southwark Children's Services: 1 action." for p in document.paragraphs)


def test_monitoring_links_each_review_to_its_action_plan_for_case_readers_only(client, plan, alice):
    client.force_login(alice)
    plan_url = reverse("actionplans:review_plan", args=[plan["review"].pk])
    assert plan_url in text(client.get(reverse("actionplans:monitoring", args=["southwark"])))
    page = text(client.get(plan_url))
    assert "Add an action" in page and "Commission a return-interview service" in page
    client.force_login(plan["social_care_lead"])
    assert plan_url not in text(client.get(reverse("actionplans:monitoring", args=["southwark"])))
    assert client.get(plan_url).status_code == 404


@pytest.mark.parametrize("query", ["?year=99999", "?year=abc", "?status=nonsense&due=2015-13"])
def test_nonsense_in_the_address_gives_a_page_not_an_error(client, alice, plan, query):
    client.force_login(alice)
    assert client.get(reverse("actionplans:training", args=["southwark"]) + query).status_code == 200
    assert client.get(reverse("actionplans:monitoring", args=["southwark"]) + query).status_code == 200


def test_the_action_page_makes_the_same_queries_with_updates_and_evidence_as_without(client, alice, plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from casereview.testing import EvidenceFactory, ProgressUpdateFactory

    bare = ActionFactory(review=plan["review"], owner_agency=plan["police"])
    busy = ActionFactory(review=plan["review"], owner_agency=plan["police"])
    for day in range(3):
        update = ProgressUpdateFactory(action=busy, text=f"Update {day}", posted_by=alice)
        EvidenceFactory(action=busy, update=update, description=f"Minutes {day}", added_by=alice)
    client.force_login(alice)
    counts = {}
    for name, action in (("bare", bare), ("busy", busy)):
        url = reverse("actionplans:action", args=[action.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            page = text(client.get(url))
        counts[name] = len(queries.captured_queries)
    assert "Update 2" in page and "Minutes 2" in page
    assert counts["busy"] == counts["bare"]


def test_the_monitoring_page_shows_the_most_pressing_reviews_and_a_page_of_them_all(client, alice, partnership_a):
    from casereview.actionplans import views
    from casereview.testing import ActionFactory, ReviewFactory

    late = TODAY - timedelta(days=10)
    for n in range(views.REVIEWS_SHOWN + 2):
        review = ReviewFactory(partnership=partnership_a, title=f"Child {chr(65 + n)}")
        ActionFactory(review=review, due_date=late if n >= 2 else TODAY + timedelta(days=9), status="on_track")
    client.force_login(alice)
    url = reverse("actionplans:monitoring", args=[partnership_a.slug])
    page = text(client.get(url))
    assert "the reviews with the most overdue and at-risk actions" in page
    assert "Child C" in page and "Child L" in page and ">Child A<" not in page  # A and B have nothing overdue
    assert f"See all {views.REVIEWS_SHOWN + 2} reviews with actions" in page
    every = text(client.get(reverse("actionplans:monitoring_reviews", args=[partnership_a.slug])))
    assert "Child A" in every and "Child L" in every
    searched = text(client.get(url, {"review": "child k"}))
    assert "1 action, soonest due first" in searched and "See all" not in searched


def _late_action(alice, plan, *, due, description="Increase LAC health resources"):
    return services.action_create(
        actor=alice,
        review=plan["review"],
        description=description,
        owner_agency=plan["police"],
        lead_role="Designated nurse",
        start_date=TODAY - timedelta(days=400),
        due_date=due,
        success_measure="Two more LAC nurses",
    )


def test_the_due_filter_offers_a_few_windows_not_every_month(client, plan, alice):
    """Actions due over eleven years made a "Due in" list of about 140 months."""
    _late_action(alice, plan, due=TODAY + timedelta(days=4000), description="Audit the new arrangements")
    _late_action(alice, plan, due=TODAY - timedelta(days=5))
    client.force_login(alice)
    url = reverse("actionplans:monitoring", args=["southwark"])
    page = text(client.get(url))
    select = re.search(r'<select[^>]*name="due".*?</select>', page, re.S).group(0)
    options = re.findall(r"<option[^>]*>([^<]*)</option>", select)
    assert options == ["Any time", "Overdue", "This week", "This month", "In the next 3 months", "Later than 3 months"]
    overdue = text(client.get(url, {"due": "overdue"}))
    assert "Increase LAC health resources" in overdue and "return-interview" not in overdue
    soon = text(client.get(url, {"due": "quarter"}))  # the plan's action falls due in a month
    assert "Increase LAC health resources" not in soon and "return-interview" in soon
    later = text(client.get(url, {"due": "later"}))
    assert "Audit the new arrangements" in later and "Increase LAC health resources" not in later


def test_an_export_is_named_after_its_filters_and_its_page_leads_back_to_them(
    client, plan, alice, django_capture_on_commit_callbacks
):
    _late_action(alice, plan, due=TODAY - timedelta(days=5))
    client.force_login(alice)
    url = reverse("actionplans:export_xlsx", args=["southwark"])
    start = text(client.get(url, {"status": "overdue", "agency": plan["police"].pk}))
    back = html.escape(
        f"{reverse('actionplans:monitoring', args=['southwark'])}?status=overdue&agency={plan['police'].pk}"
    )
    assert f'<a href="{back}" class="govuk-back-link">Back</a>' in start
    assert f'<a class="govuk-link" href="{back}">Cancel</a>' in start
    assert "(Excel): owned by Metropolitan Police Service, status overdue</h1>" in start
    response = exported(client, url, {"status": "overdue"}, capture=django_capture_on_commit_callbacks)
    assert f'filename="action-plans-southwark-overdue-{TODAY:%Y-%m-%d}.xlsx"' in response["Content-Disposition"]
    due = exported(client, url, {"due": "week"}, capture=django_capture_on_commit_callbacks)
    assert f"action-plans-southwark-due-this-week-{TODAY:%Y-%m-%d}.xlsx" in due["Content-Disposition"]
    plain = exported(client, url, capture=django_capture_on_commit_callbacks)
    assert f'"action-plans-southwark-{TODAY:%Y-%m-%d}.xlsx"' in plain["Content-Disposition"]


def test_the_monitoring_table_names_what_each_action_answers_without_a_query_a_row(client, alice, plan):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from casereview.testing import LearningPointFactory, RecommendationFactory

    client.force_login(alice)
    url = reverse("actionplans:monitoring", args=["southwark"])
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    review = plan["review"]
    recommendation = RecommendationFactory(review=review, report_number="4.2")
    point = LearningPointFactory(review=review)
    ActionFactory(review=review, owner_agency=plan["police"], recommendation=recommendation, status="at_risk")
    ActionFactory(review=review, owner_agency=plan["police"], learning_point=point, due_date=TODAY - timedelta(days=3))
    with CaptureQueriesContext(connection) as three:
        page = text(client.get(url))
    assert "Recommendation 4.2" in page and f"Learning point {point.number}" in page and "The review" in page
    assert "At risk" in page and "Overdue" in page and "Metropolitan Police Service" in page
    assert len(three.captured_queries) == len(one.captured_queries)

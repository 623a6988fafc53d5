import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from casereview.accounts.models import Role
from casereview.audit.models import AuditAction, AuditEvent
from casereview.reviews import services
from casereview.reviews.models import ChronologyEntry, LearningPoint, PanelMember, Recommendation, Review
from casereview.testing import (
    AgencyContributionFactory,
    AgencyFactory,
    ChronologyEntryFactory,
    ReviewFactory,
    date_fields,
    exported,
    member,
)

pytestmark = pytest.mark.django_db

HEADER = "date,time,date precision,event type,description,practitioner role,source reference\n"


@pytest.fixture
def review(partnership_a):
    return ReviewFactory(partnership=partnership_a, title="Child R")


@pytest.fixture
def police(partnership_a):
    return AgencyFactory(partnership=partnership_a, name="Metropolitan Police Service", sector="police")


@pytest.fixture
def police_lead(partnership_a, police):
    return member(partnership_a, Role.AGENCY_LEAD, agency=police, username="police_lead", email="lead@example.org")


def upload(client, contribution, text, capture, name="chronology.csv"):
    """Upload, let the background import run (it starts when the upload's transaction commits), then
    open the progress page the user is sent to."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = text if isinstance(text, bytes) else text.encode("utf-8")
    with capture(execute=True):
        response = client.post(
            reverse("reviews:chronology_upload", args=[contribution.pk]), {"file": SimpleUploadedFile(name, data)}
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"])


def test_agency_lead_uploads_a_chronology_with_a_bad_row_sees_the_row_number_then_fixes_it(
    client, review, police, police_lead, django_capture_on_commit_callbacks
):
    contribution = AgencyContributionFactory(review=review, agency=police)
    client.force_login(police_lead)
    bad = HEADER + "17/04/2014,,exact,Home visit,Visit,,\n31/02/2014,,exact,Home visit,Bad date,,\n"
    page = upload(client, contribution, bad, django_capture_on_commit_callbacks).content.decode()
    assert "Nothing was imported" in page
    assert "Row 3, date: &#x27;31/02/2014&#x27; is not a date" in page
    assert not ChronologyEntry.objects.exists()
    good = HEADER + "17/04/2014,,exact,Home visit,Visit,,\n28/02/2014,,exact,Missing,R missing overnight,,\n"
    page = upload(client, contribution, good, django_capture_on_commit_callbacks).content.decode()
    assert "2 events imported" in page
    contribution.refresh_from_db()
    assert contribution.status == "received"
    assert list(ChronologyEntry.objects.order_by("sort_date").values_list("event_type", flat=True)) == [
        "Missing episode",
        "Home visit",
    ]


def test_a_re_upload_replaces_the_agencys_chronology(
    client, review, police, police_lead, django_capture_on_commit_callbacks
):
    contribution = AgencyContributionFactory(review=review, agency=police)
    client.force_login(police_lead)
    upload(client, contribution, HEADER + "17/04/2014,,exact,Home visit,First,,\n", django_capture_on_commit_callbacks)
    upload(client, contribution, HEADER + "18/04/2014,,exact,Home visit,Second,,\n", django_capture_on_commit_callbacks)
    assert list(ChronologyEntry.objects.values_list("description", flat=True)) == ["Second"]


def test_a_file_that_is_not_a_spreadsheet_is_refused_clearly(
    client, review, police, police_lead, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    contribution = AgencyContributionFactory(review=review, agency=police)
    client.force_login(police_lead)
    # refused on the upload page itself, before it is queued (walkthrough 8, finding 15)
    response = client.post(
        reverse("reviews:chronology_upload", args=[contribution.pk]),
        {"file": SimpleUploadedFile("chronology.xlsx", b"MZ\x90\x00\x03binary")},
    )
    assert response.status_code == 200
    assert "The file must be a CSV or Excel (.xlsx) file" in response.content.decode()


def test_an_agency_lead_cannot_touch_another_agencys_contribution(client, review, police_lead, partnership_a):
    health = AgencyFactory(partnership=partnership_a, name="Health", sector="health")
    theirs = AgencyContributionFactory(review=review, agency=health)
    client.force_login(police_lead)
    assert client.get(reverse("reviews:contribution", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("reviews:report_submit", args=[theirs.pk]), {"text": "x"}).status_code == 404


def test_merged_chronology_filters_by_agency_and_shows_derived_counts(client, alice, review, police, partnership_a):
    csc = AgencyFactory(partnership=partnership_a, name="Children's Services", sector="childrens_social_care")
    csc_contribution = AgencyContributionFactory(review=review, agency=csc)
    police_contribution = AgencyContributionFactory(review=review, agency=police)
    for n in range(3):
        ChronologyEntryFactory(
            contribution=csc_contribution,
            event_type="Social worker allocated",
            event_date=date(2012, n + 1, 1),
            sort_date=date(2012, n + 1, 1),
            description=f"SW{n + 1} allocated",
        )
    ChronologyEntryFactory(
        contribution=police_contribution, event_type="Police incident", description="Police attended"
    )
    client.force_login(alice)
    url = reverse("reviews:chronology", args=[review.pk])
    page = client.get(url).content.decode()
    assert 'id="fact-social-workers">3<' in page
    police_only = client.get(url, {"agency": police.pk}).content.decode()
    assert "Police attended" in police_only and "SW1 allocated" not in police_only
    assert "2012</dt>" in page and "Children&#x27;s Services" in page  # agencies involved by year
    gaps = client.get(url, {"gap": 20}).content.decode()
    assert "Gaps of more than 20 days with no agency contact" in gaps


def test_likely_duplicates_are_marked_and_a_panel_member_can_link_them(client, review, police, partnership_a):
    csc = AgencyFactory(partnership=partnership_a, name="Children's Services", sector="childrens_social_care")
    a = ChronologyEntryFactory(
        contribution=AgencyContributionFactory(review=review, agency=csc),
        description="R missing overnight from placement",
    )
    ChronologyEntryFactory(
        contribution=AgencyContributionFactory(review=review, agency=police),
        event_date=a.event_date,
        sort_date=a.sort_date,
        description="Missing overnight from placement: R",
    )
    services.duplicates_refresh(review=review)
    panel = member(partnership_a, Role.PANEL_MEMBER)
    client.force_login(panel)
    url = reverse("reviews:chronology", args=[review.pk])
    assert "Possible duplicate" in client.get(url).content.decode()
    pair = review.duplicate_pairs.get()
    client.post(reverse("reviews:duplicate_judge", args=[pair.pk]), {"status": "linked", "next": url})
    assert "Same event as another agency" in client.get(url).content.decode()
    services.duplicates_refresh(review=review)  # a later import keeps the judgement
    assert review.duplicate_pairs.get().status == "linked"


def test_exports_open_and_neutralise_formulas(client, alice, review, police, django_capture_on_commit_callbacks):
    ChronologyEntryFactory(
        contribution=AgencyContributionFactory(review=review, agency=police),
        description='=HYPERLINK("http://evil","x")',
    )
    client.force_login(alice)
    xlsx = client.get(reverse("reviews:chronology_xlsx", args=[review.pk]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["F2"].value.startswith("'=HYPERLINK")
    assert sheet["F2"].data_type == "s"
    docx = exported(
        client, reverse("reviews:chronology_docx", args=[review.pk]), capture=django_capture_on_commit_callbacks
    )
    assert "HYPERLINK" in "\n".join(
        c.text for t in Document(io.BytesIO(docx.content)).tables for r in t.rows for c in r.cells
    )
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).count() == 2


def test_panel_missing_core_agencies_is_warned(client, alice, review, police):
    PanelMember.objects.create(review=review, agency=police, name="DI Smith")
    client.force_login(alice)
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "The panel has nobody from children&#x27;s social care, health, education" in page


def test_reviewer_sees_only_reviews_they_are_appointed_to(client, alice, partnership_a, review):
    other = ReviewFactory(partnership=partnership_a, title="Other review")
    reviewer = member(partnership_a, Role.REVIEWER)
    client.force_login(alice)
    client.post(
        reverse("reviews:reviewer_appoint", args=[review.pk]),
        {
            "user": reviewer.pk,
            "declaration": "I have had no involvement with the case or agencies.",
            "is_lead": "on",
            **date_fields("appointed_on", date(2025, 6, 2)),
        },
    )
    client.force_login(reviewer)
    assert client.get(reverse("reviews:detail", args=[review.pk])).status_code == 200
    assert client.get(reverse("reviews:detail", args=[other.pk])).status_code == 404
    listing = client.get(reverse("reviews:list", args=["southwark"])).content.decode()
    assert "Child R" in listing and "Other review" not in listing


def test_appointment_needs_a_declaration(client, alice, partnership_a, review):
    reviewer = member(partnership_a, Role.REVIEWER)
    client.force_login(alice)
    page = client.post(
        reverse("reviews:reviewer_appoint", args=[review.pk]),
        {"user": reviewer.pk, "declaration": "", **date_fields("appointed_on", date(2025, 6, 2))},
    ).content.decode()
    assert "Record the reviewer&#x27;s declaration" in page


def test_confidential_review_is_seen_by_its_panel_member_but_not_other_panel_members(client, partnership_a, police):
    review = ReviewFactory(partnership=partnership_a, is_confidential=True)
    on_panel, not_on_panel = member(partnership_a, Role.PANEL_MEMBER), member(partnership_a, Role.PANEL_MEMBER)
    PanelMember.objects.create(review=review, agency=police, name="On panel", user=on_panel)
    url = reverse("reviews:detail", args=[review.pk])
    client.force_login(on_panel)
    assert client.get(url).status_code == 200
    client.force_login(not_on_panel)
    assert client.get(url).status_code == 404


def test_stage_changes_are_dated_audited_and_not_published_needs_a_reason(client, alice, review):
    client.force_login(alice)
    url = reverse("reviews:stage", args=[review.pk])
    page = client.post(
        url, {"stage": "not_published", "note": "", **date_fields("changed_on", date(2025, 6, 2))}
    ).content.decode()
    assert "Say why the report is not being published" in page
    client.post(url, {"stage": "terms_agreed", **date_fields("changed_on", date(2025, 6, 2))})
    review.refresh_from_db()
    assert review.stage == "terms_agreed"
    assert review.stage_changes.get().changed_on == date(2025, 6, 2)
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(review.pk)).exists()


def test_a_report_not_to_be_published_reads_as_a_decision_about_the_report_not_a_stage_of_the_review(
    client, alice, review
):
    """Walkthrough 7: "Not published" among the stages read like a step the review had still to reach."""
    client.force_login(alice)
    form = client.get(reverse("reviews:stage", args=[review.pk])).content.decode()
    assert "Decided not to publish the report" in form and ">Not published<" not in form
    client.post(
        reverse("reviews:stage", args=[review.pk]),
        {
            "stage": "not_published",
            "note": "Publishing would identify the child",
            **date_fields("changed_on", date(2025, 6, 2)),
        },
    )
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "Decided not to publish the report: Publishing would identify the child" in page
    assert "Not published" not in page


def test_findings_are_numbered_versioned_and_a_stale_save_is_refused_keeping_the_text(
    client, alice, review, partnership_a
):
    client.force_login(alice)
    client.post(reverse("reviews:learning_point_add", args=[review.pk]), {"number": 1, "text": "First version"})
    point = LearningPoint.objects.get()
    edit = reverse("reviews:learning_point_edit", args=[point.pk])
    client.post(edit, {"number": 1, "text": "Second version", "version": 1})
    page = client.post(edit, {"number": 1, "text": "My late edit", "version": 1}).content.decode()
    assert "Someone else saved this item while you were editing it" in page
    assert "My late edit" in page
    point.refresh_from_db()
    assert (point.text, point.version) == ("Second version", 2)
    history = client.get(reverse("reviews:learning_point_history", args=[point.pk])).content.decode()
    assert "First version" in history and "Second version" in history


def test_duplicate_numbers_and_unknown_agencies_are_refused(client, alice, review, partnership_b):
    client.force_login(alice)
    client.post(reverse("reviews:learning_point_add", args=[review.pk]), {"number": 1, "text": "One"})
    page = client.post(
        reverse("reviews:learning_point_add", args=[review.pk]), {"number": 1, "text": "Another one"}
    ).content.decode()
    assert "Number 1 is already used" in page
    foreign = AgencyFactory(partnership=partnership_b)
    page = client.post(
        reverse("reviews:recommendation_add", args=[review.pk]),
        {"number": 1, "text": "Do better", "addressee": "agency", "agency": foreign.pk},
    ).content.decode()
    assert "Choose an agency of this partnership" in page
    assert not Recommendation.objects.exists()


def test_reordering_swaps_numbers(client, alice, review):
    client.force_login(alice)
    for n, text in enumerate(["Alpha", "Beta"], start=1):
        client.post(reverse("reviews:learning_point_add", args=[review.pk]), {"number": n, "text": text})
    beta = LearningPoint.objects.get(text="Beta")
    client.post(reverse("reviews:learning_point_move", args=[beta.pk]), {"direction": "up"})
    assert list(LearningPoint.objects.order_by("number").values_list("text", flat=True)) == ["Beta", "Alpha"]


def test_requested_contributions_appear_on_the_due_list_for_the_agency_lead(client, review, police, police_lead):
    AgencyContributionFactory(review=review, agency=police, due_date=date(2025, 6, 30))
    client.force_login(police_lead)
    page = client.get(reverse("reporting:deadlines", args=["southwark"])).content.decode()
    assert "Metropolitan Police Service: chronology" in page


def test_a_review_is_started_with_the_agencies_involved_and_its_page_names_them(client, alice, partnership_a, police):
    AgencyFactory(partnership=partnership_a, name="Northshire Hospital", sector="health")
    client.force_login(alice)
    data = {"title": "Child W", "review_type": "local_cspr", **date_fields("decided_on", date(2025, 2, 3))}
    response = client.post(reverse("reviews:create", args=[partnership_a.slug]), {**data, "agencies": [police.pk]})

    review = Review.objects.get(title="Child W")
    assert response.status_code == 302 and list(review.agencies.all()) == [police]
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "Agencies involved" in page and police.name in page


def test_the_review_links_to_its_incident_only_for_those_who_may_open_it(client, alice, partnership_a):
    from casereview.testing import IncidentFactory

    incident = IncidentFactory(partnership=partnership_a, child_pseudonym="Child R")
    review = ReviewFactory(partnership=partnership_a, title="Child R", incident=incident)
    incident_url = reverse("incidents:detail", args=[incident.pk])
    client.force_login(alice)
    assert incident_url in client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    reviewer = member(partnership_a, Role.REVIEWER)
    services.reviewer_appoint(
        actor=alice, review=review, user=reviewer, appointed_on=date(2025, 6, 2), declaration="Independent"
    )
    client.force_login(reviewer)
    # the reviewer reads the review but not the incident: the link led to a page not found
    assert incident_url not in client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert client.get(incident_url).status_code == 404


def test_a_finished_review_asks_for_no_terms_of_reference_or_panel(client, alice, partnership_a):
    live = ReviewFactory(partnership=partnership_a, title="Child W")
    done = ReviewFactory(partnership=partnership_a, title="Child V", stage="published", published_on=date(2024, 5, 1))
    client.force_login(alice)
    live_page = client.get(reverse("reviews:detail", args=[live.pk])).content.decode()
    assert "Write the terms of reference" in live_page and "A panel should include" in live_page
    done_page = client.get(reverse("reviews:detail", args=[done.pk])).content.decode()
    assert "Write the terms of reference" not in done_page and "A panel should include" not in done_page
    assert "Not recorded in casereview" in done_page


def test_a_chronology_still_awaited_is_not_said_to_hold_no_events(client, alice, partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child W")
    AgencyContributionFactory(review=review, agency=AgencyFactory(partnership=partnership_a, name="Police"))
    sent = AgencyContributionFactory(
        review=review, agency=AgencyFactory(partnership=partnership_a, name="Health"), status="received"
    )
    ChronologyEntryFactory(contribution=sent)
    client.force_login(alice)
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "(0 events)" not in page and "(1 event)" in page


def test_the_chronologys_agency_filter_lists_the_agencies_with_events_by_name_and_keeps_the_one_chosen(
    client, alice, review, police, partnership_a
):
    import re

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("reviews:chronology", args=[review.pk])
    client.force_login(alice)
    ChronologyEntryFactory(contribution=AgencyContributionFactory(review=review, agency=police))
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    names = ["Children's Services", "Ambulance Service"]
    for name in names:
        agency = AgencyFactory(partnership=partnership_a, name=name)
        ChronologyEntryFactory.create_batch(3, contribution=AgencyContributionFactory(review=review, agency=agency))
    AgencyFactory(partnership=partnership_a, name="Fire Service")  # no events: not offered
    with CaptureQueriesContext(connection) as three:
        page = client.get(url).content.decode()
    assert len(three.captured_queries) == len(one.captured_queries)

    def options(html):
        select = html[html.index('<select name="agency"') :]
        select = select[: select.index("</select>")]
        return re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)

    assert [label for _, _, label in options(page)] == [
        "All agencies",
        "Ambulance Service",
        "Children&#x27;s Services",
        police.name,
    ]
    chosen = client.get(url, {"agency": police.pk}).content.decode()
    assert [(value, label) for value, selected, label in options(chosen) if selected] == [(str(police.pk), police.name)]
    assert "1 event<" in chosen
    nonsense = client.get(url, {"agency": "not-an-agency"})
    assert nonsense.status_code == 200 and len(options(nonsense.content.decode())) == 4

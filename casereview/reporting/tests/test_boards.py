"""Committee papers, the executive dashboard and the national picture export."""

import csv
import io
from datetime import date, timedelta

import docx
import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from casereview.accounts.models import Role
from casereview.decisions.models import ChairDecision
from casereview.reporting.models import CommitteePaper
from casereview.testing import (
    ActionFactory,
    IncidentFactory,
    LearningPointFactory,
    NotificationDutyFactory,
    ReviewFactory,
    member,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def child_r(partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child R", decided_on=date(2014, 3, 20))
    LearningPointFactory(review=review, number=1, text="Knowledge of a child's psycho-social history is essential.")
    LearningPointFactory(review=review, number=2, text="High turnover carries the risk of loss of knowledge.")
    return review


def paper_form(**changes):
    data = {
        "meeting": "Health and Wellbeing Board",
        "meeting_date_0": "21",
        "meeting_date_1": "10",
        "meeting_date_2": "2015",
        "item_number": "10.",
        "classification": "Open",
        "title": "Southwark Safeguarding Children Board – Serious Case Review",
        "wards": "All",
        "from_whom": "Strategic Director of Children's and Adults' Services",
        "recommendations": "The board is requested to note the report.",
        "background": "In March 2014 the Board considered a serious incident.",
        "key_issues": "1. Knowledge of a child's psycho-social history is essential.",
        "appendices": "Appendix 1: the report",
    }
    data.update(changes)
    return data


def test_a_paper_starts_from_the_reviews_learning_and_is_edited_before_download(client, alice, child_r):
    client.force_login(alice)
    url = reverse("reporting:committee_paper_new", args=["southwark"]) + f"?reviews={child_r.pk}"
    page = client.get(url).content.decode()
    assert "psycho-social history is essential" in page  # the learning points are filled in
    response = client.post(url, paper_form(key_issues="Edited: the learning points, reworded by the manager."))
    paper = CommitteePaper.objects.get()
    assert response["Location"] == reverse("reporting:committee_paper", args=[paper.pk])
    assert list(paper.reviews.all()) == [child_r]
    body = client.get(reverse("reporting:committee_paper_docx", args=[paper.pk])).content
    word = docx.Document(io.BytesIO(body))
    text = "\n".join(p.text for p in word.paragraphs) + "".join(
        c.text for t in word.tables for r in t.rows for c in r.cells
    )
    for expected in (
        "RECOMMENDATIONS",
        "KEY ISSUES FOR CONSIDERATION",
        "Edited: the learning points",
        "Health and Wellbeing Board",
    ):
        assert expected in text


def test_a_paper_with_markup_is_refused_and_keeps_what_was_typed(client, alice, child_r):
    client.force_login(alice)
    url = reverse("reporting:committee_paper_new", args=["southwark"]) + f"?reviews={child_r.pk}"
    response = client.post(url, paper_form(background="<img src=x onerror=alert(1)> background"))
    assert "HTML tags" in response.content.decode()
    assert "onerror" in response.content.decode()
    assert not CommitteePaper.objects.exists()


def test_a_paper_needs_a_review_and_an_outsider_cannot_choose_anothers(client, alice, charlie, child_r):
    client.force_login(alice)
    page = client.get(reverse("reporting:committee_paper_new", args=["southwark"]) + "?reviews=").content.decode()
    assert "Choose at least one review" in page
    client.force_login(charlie)
    response = client.get(reverse("reporting:committee_paper_new", args=["southwark"]) + f"?reviews={child_r.pk}")
    assert response.status_code == 404


def test_several_reviews_make_one_paper(client, alice, child_r, partnership_a):
    other = ReviewFactory(partnership=partnership_a, title="Child S")
    client.force_login(alice)
    url = reverse("reporting:committee_paper_new", args=["southwark"]) + f"?reviews={child_r.pk}&reviews={other.pk}"
    page = client.get(url).content.decode()
    assert "Child R and Child S" in page or "Child S and Child R" in page


def test_the_dashboard_charts_each_have_their_table(client, partnership_a, child_r):
    executive = member(partnership_a, Role.EXECUTIVE, username="eve")
    today = timezone.localdate()
    incident = IncidentFactory(partnership=partnership_a)
    NotificationDutyFactory(incident=incident, sent_on=today)
    ChairDecision.objects.create(
        incident=incident, outcome="local_review", rationale="Criteria met.", decided_on=today, decided_by=executive
    )
    ActionFactory(review=child_r, due_date=today - timedelta(days=3), status="on_track")
    client.force_login(executive)
    page = client.get(reverse("reporting:dashboard", args=["southwark"])).content.decode()
    assert "1 led to a local child safeguarding practice review (100%)" in page
    assert page.count("<img") == page.count("The figures in the chart") >= 3
    assert 'alt="Bar chart of notifications by month' in page


def test_the_dashboard_explains_a_bad_year_and_is_closed_to_viewers(client, alice, bob):
    client.force_login(alice)
    page = client.get(reverse("reporting:dashboard", args=["southwark"]) + "?year=2099-00").content.decode()
    assert "has not started yet" in page
    client.force_login(bob)
    assert client.get(reverse("reporting:dashboard", args=["southwark"])).status_code == 403


def test_the_national_picture_exports_the_years_incidents(client, alice, partnership_a, partnership_b):
    IncidentFactory(
        partnership=partnership_a,
        child_pseudonym='=HYPERLINK("http://x")',
        aware_date=date(2018, 6, 1),
        incident_date=date(2018, 5, 30),
        age_years=15,
        looked_after=True,
        harm_type="sexual",
        ethnicity="black",
    )
    IncidentFactory(partnership=partnership_a, aware_date=date(2017, 6, 1), incident_date=date(2017, 6, 1))
    IncidentFactory(partnership=partnership_b, aware_date=date(2018, 6, 1), incident_date=date(2018, 6, 1))
    client.force_login(alice)
    url = reverse("reporting:national_picture", args=["southwark"])
    rows = list(csv.reader(io.StringIO(client.get(url + "?year=2018-19&format=csv").content.decode("utf-8-sig"))))
    assert len(rows) == 2  # the header and the one incident of the year in this partnership
    row = dict(zip(rows[0], rows[1]))
    assert row["Child"].startswith("'=")  # a spreadsheet shows it, never runs it
    assert row["Age band"] == "10 to 15" and row["Looked after or care leaver"] == "Looked after"
    assert row["Main type of harm"] == "Sexual abuse" and row["Disability"] == "Not known"
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(url + "?year=2018-19&format=xlsx").content)).active
    assert sheet.max_row == 2 and sheet.cell(2, 8).value == "Black, Black British, Caribbean or African"
    assert "No serious incidents were recorded in 2016-17" in client.get(url + "?year=2016-17").content.decode()


def test_a_subgroups_members_meetings_and_work_programme(client, alice, bob, subgroup_a):
    from casereview.reporting.models import SubgroupMeeting, WorkProgrammeItem

    client.force_login(alice)
    base = "/subgroups/" + str(subgroup_a.pk)
    client.post(
        base + "/members/", {"member-name": "Sam Jones", "member-role": "Designated Nurse", "member-is_chair": "on"}
    )
    future = timezone.localdate() + timedelta(days=7)
    response = client.post(
        base + "/meetings/",
        {
            "meeting-held_on_0": future.day,
            "meeting-held_on_1": future.month,
            "meeting-held_on_2": future.year,
            "meeting-minutes": "Agreed the audit.",
        },
    )
    assert response.status_code == 400 and "must not be in the future" in response.content.decode()
    assert "Agreed the audit." in response.content.decode()  # nothing typed is lost
    client.post(
        base + "/meetings/",
        {
            "meeting-held_on_0": "14",
            "meeting-held_on_1": "1",
            "meeting-held_on_2": "2019",
            "meeting-minutes": "Agreed.",
        },
    )
    client.post(base + "/work-programme/", {"item-title": "Audit of strategy discussions", "item-owner": "Chair"})
    item = WorkProgrammeItem.objects.get()
    client.post(f"/work-programme/{item.pk}/status/", {"status": "done"})
    item.refresh_from_db()
    assert item.status == "done" and SubgroupMeeting.objects.count() == 1
    page = client.get(base + "/").content.decode()
    assert "Sam Jones, Designated Nurse" in page and "14 January 2019" in page
    # a viewer sees the subgroup but not who sits on it, and cannot add to it
    client.force_login(bob)
    page = client.get(base + "/").content.decode()
    assert "Sam Jones" not in page and "Add a member" not in page
    assert client.post(base + "/members/", {"member-name": "X", "member-role": "Y"}).status_code == 403

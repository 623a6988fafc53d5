"""Walkthrough 10's findings on the chronology (docs/walkthrough-10.md): events outside the terms of
reference's scope in the merged chronology (finding 5) and the agency's own event types (finding 10)."""

import datetime
import html

import pytest
from django.urls import reverse

from casereview.accounts.models import Role
from casereview.reviews import chronology
from casereview.reviews.models import ChronologyEntry, TermsOfReference
from casereview.testing import AgencyContributionFactory, AgencyFactory, ReviewFactory, member, page_text

from .test_views import upload

pytestmark = pytest.mark.django_db

HEADER = ",".join(chronology.COLUMNS) + "\n"


@pytest.fixture
def setting(partnership_a):
    review = ReviewFactory(partnership=partnership_a, title="Child T")
    TermsOfReference.objects.create(
        review=review,
        scope_start=datetime.date(2024, 1, 1),
        scope_end=datetime.date(2026, 7, 10),
        lines_of_enquiry="Lines",
        methodology="other",
    )
    health = AgencyFactory(partnership=partnership_a, name="NHS Southwark CCG")
    contribution = AgencyContributionFactory(review=review, agency=health)
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=health, username="health_lead")
    manager = member(partnership_a, Role.BUSINESS_MANAGER, username="manager")
    return review, contribution, lead, manager


def test_the_merged_chronology_marks_events_outside_the_scope_and_measures_gaps_within_it(client, setting, capture):
    review, contribution, lead, manager = setting
    client.force_login(lead)
    rows = (
        "03/06/2019,,exact,Home visit,Seen at home before the review's period,,\n"
        "12/03/2025,,exact,Home visit,Health visitor saw T,,\n"
        "20/11/2026,,exact,Home visit,Seen after the incident,,\n"
    )
    upload(client, contribution, HEADER + rows, capture)
    assert ChronologyEntry.objects.filter(review=review).count() == 3
    client.force_login(manager)
    page = page_text(client.get(reverse("reviews:chronology", args=[review.pk])))
    assert "The terms of reference's scope: 1 January 2024 to 10 July 2026." in page
    assert "2 events fall outside it , marked “Outside the scope” below" in page
    assert "gaps are measured within the scope only" in page
    assert page.count("Outside the scope") == 3  # the note, and the two events' marks
    # one event inside the scope: no gap from 2019, nor into November 2026; the gaps from the scope's start
    # and to its end are reported (walkthrough 11, finding 16)
    assert "2109 days" not in page and "618 days" not in page
    assert "1 January 2024 (the start of the scope) to 12 March 2025 (436 days)" in page
    assert "12 March 2025 to 10 July 2026 (the end of the scope) (485 days)" in page


def test_gaps_inside_the_scope_are_still_reported(client, setting, capture):
    review, contribution, lead, manager = setting
    client.force_login(lead)
    rows = (
        "03/06/2019,,exact,Home visit,Long before,,\n"
        "01/02/2024,,exact,Home visit,Seen,,\n"
        "01/08/2024,,exact,Home visit,Seen again,,\n"
    )
    upload(client, contribution, HEADER + rows, capture)
    client.force_login(manager)
    page = page_text(client.get(reverse("reviews:chronology", args=[review.pk])))
    assert "1 February 2024 to 1 August 2024 (182 days)" in page
    assert "3 June 2019 to" not in page
    assert "1 event falls outside it" in page


def test_a_chronology_with_no_events_yet_says_nothing_of_its_scope(client, setting):
    review, contribution, lead, manager = setting
    client.force_login(manager)
    page = page_text(client.get(reverse("reviews:chronology", args=[review.pk])))
    assert "No agency has sent its chronology yet." in page
    assert "Every event falls within it" not in page


def test_the_import_page_says_which_types_were_filed_under_the_chronologys_own(client, setting, capture):
    review, contribution, lead, manager = setting
    client.force_login(lead)
    rows = (
        "01/02/2024,,exact,GP appointment,T seen by the GP,,\n"
        "02/02/2024,,exact,A&E attendance,T attended A&E after a fall,,\n"
        "03/02/2024,,exact,Home visit,Seen at home,,\n"
    )
    page = page_text(upload(client, contribution, HEADER + rows, capture))
    assert "3 events imported" in page
    assert "Types of event filed under the chronology's own types" in page
    assert "A&E attendance Hospital attendance 1" in page
    assert "GP appointment Health appointment 1" in page
    assert "Home visit Home visit" not in page  # a type already the chronology's own is not listed
    # an emergency attendance is not filed as an appointment
    assert ChronologyEntry.objects.get(description__startswith="T attended").event_type == "Hospital attendance"


def test_no_table_of_types_when_every_type_is_the_chronologys_own(client, setting, capture):
    review, contribution, lead, manager = setting
    client.force_login(lead)
    page = page_text(upload(client, contribution, HEADER + "03/02/2024,,exact,Home visit,Seen at home,,\n", capture))
    assert "1 event imported" in page and "filed under" not in page


def test_no_table_of_types_when_a_type_differs_from_the_chronologys_own_only_in_its_capitals(client, setting, capture):
    """ "home visit" filed as "Home visit" is the agency's own type: a table of every lower-case type would
    bury the ones that were filed under another (second reader, review10)."""
    review, contribution, lead, manager = setting
    client.force_login(lead)
    page = page_text(upload(client, contribution, HEADER + "03/02/2024,,exact,home  VISIT,Seen at home,,\n", capture))
    assert "1 event imported" in page and "filed under" not in page


def test_the_merged_chronology_shows_the_type_an_agency_sent_beside_the_one_it_was_filed_under(
    client, setting, capture
):
    """Walkthrough 10's finding 10, left by uifix10b: "A&E attendance" filed as "Hospital attendance" showed
    only the filed type in the merged chronology and its files, so the agency's own words were lost there."""
    import io

    from docx import Document
    from openpyxl import load_workbook

    from casereview.testing import exported

    review, contribution, lead, manager = setting
    client.force_login(lead)
    rows = (
        "02/02/2024,,exact,A&E attendance,T attended A&E after a fall,,\n"
        "03/02/2024,,exact,home visit,Seen at home,,\n"
        "04/02/2024,,exact,Meeting,Held,,\n"
    )
    upload(client, contribution, HEADER + rows, capture)
    filed = ChronologyEntry.objects.get(description__startswith="T attended")
    assert (filed.event_type, filed.event_type_as_sent) == ("Hospital attendance", "A&E attendance")
    # a type differing only in its capitals, or the chronology's own, is the agency's own: nothing to add
    assert ChronologyEntry.objects.get(description="Seen at home").event_type_as_sent is None
    assert ChronologyEntry.objects.get(description="Held").event_type_as_sent is None

    client.force_login(manager)
    page = page_text(client.get(reverse("reviews:chronology", args=[review.pk])))
    assert "Hospital attendance (sent as “A&E attendance”) T attended A&E after a fall" in page
    assert "Home visit Seen at home" in page and "sent as “home visit”" not in page
    # the filter still finds it under the chronology's own type
    filtered = page_text(
        client.get(reverse("reviews:chronology", args=[review.pk]), {"event_type": "Hospital attendance"})
    )
    assert "T attended A&E after a fall" in filtered
    own = page_text(client.get(reverse("reviews:contribution", args=[contribution.pk])))
    assert "Hospital attendance (sent as “A&E attendance”)" in own

    sheet = load_workbook(io.BytesIO(client.get(reverse("reviews:chronology_xlsx", args=[review.pk])).content)).active
    header = [cell.value for cell in sheet[1]]
    sent_as = header.index("Event type as the agency sent it")  # before the scope's column, where one is recorded
    assert header[4] == "Event type"
    by_description = {row[5]: (row[4], row[sent_as]) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert by_description["T attended A&E after a fall"] == ("Hospital attendance", "A&E attendance")
    assert by_description["Held"] == ("Meeting", None)
    word = exported(client, reverse("reviews:chronology_docx", args=[review.pk]), capture=capture)
    cells = [c.text for t in Document(io.BytesIO(word.content)).tables for r in t.rows for c in r.cells]
    assert "Hospital attendance (sent as “A&E attendance”)" in cells


@pytest.fixture
def capture(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


# --- findings 6 and 12: asking agencies again with a new due date -------------------------------------------


@pytest.fixture
def asking(partnership_a):
    from datetime import timedelta

    from django.utils import timezone

    review = ReviewFactory(
        partnership=partnership_a, title="Child T", target_completion=timezone.localdate() + timedelta(days=200)
    )
    ccg = AgencyFactory(partnership=partnership_a, name="NHS Southwark CCG")
    lead = member(partnership_a, Role.AGENCY_LEAD, agency=ccg, username="health_lead")
    cafcass = AgencyFactory(partnership=partnership_a, name="CAFCASS")  # nobody there uses casereview
    manager = member(partnership_a, Role.BUSINESS_MANAGER, username="manager")
    return review, ccg, cafcass, lead, manager


def _ask(client, review, agencies, due, **extra):
    day = {"due_date_0": due.day, "due_date_1": due.month, "due_date_2": due.year}
    data = {"agencies": [a.pk for a in agencies], "kinds": ["chronology"], **day, **extra}
    return client.post(reverse("reviews:contributions_request", args=[review.pk]), data, follow=True)


def _long(day):
    return f"{day.day} {day:%B %Y}"


def test_moving_due_dates_is_confirmed_and_the_leads_home_shows_the_new_date(client, asking, mailoutbox):
    from datetime import timedelta

    from django.utils import timezone

    review, ccg, cafcass, lead, manager = asking
    first, second = timezone.localdate() + timedelta(days=80), timezone.localdate() + timedelta(days=12)
    client.force_login(manager)
    confirmed = page_text(_ask(client, review, [ccg, cafcass], first))
    assert f"Asked for, due {_long(first)}: " in confirmed
    assert "NHS Southwark CCG's chronology" in confirmed and "CAFCASS's chronology" in confirmed
    moved = page_text(_ask(client, review, [ccg, cafcass], second, move_due_dates="on"))
    assert (
        f"Moved to {_long(second)}: CAFCASS's chronology (was due {_long(first)}); NHS Southwark CCG's "
        f"chronology (was due {_long(first)}). Each agency has been told." in moved
    )
    assert "Asked for, due" not in moved

    client.force_login(lead)
    home = client.get("/").content.decode()
    recently = html.unescape(home.split("Recently asked of you", 1)[1].split("All your notifications", 1)[0])
    assert f"NHS Southwark CCG: chronology for a review, now due {_long(second)}" in recently
    assert _long(first) not in recently  # the notice of the old date no longer holds


def test_the_asking_form_says_once_that_some_agencies_cannot_be_told(client, asking):
    review, ccg, cafcass, lead, manager = asking
    client.force_login(manager)
    form = page_text(client.get(reverse("reviews:contributions_request", args=[review.pk])))
    assert "CAFCASS (nobody there uses casereview)" in form
    assert "NHS Southwark CCG (nobody" not in form
    assert "Nobody at CAFCASS" not in form  # the hint no longer repeats the labels
    assert "casereview cannot tell an agency where nobody uses it: send the request to them yourself" in form


def test_the_request_page_of_an_agency_nobody_uses_says_nobody_was_told(client, asking):
    from datetime import timedelta

    from django.utils import timezone

    from casereview.reviews.models import AgencyContribution

    review, ccg, cafcass, lead, manager = asking
    client.force_login(manager)
    _ask(client, review, [ccg, cafcass], timezone.localdate() + timedelta(days=12))
    page = page_text(
        client.get(reverse("reviews:contribution", args=[AgencyContribution.objects.get(agency=cafcass).pk]))
    )
    assert "Nobody at CAFCASS uses casereview, so nobody there was told: send the request yourself." in page
    ccg_page = page_text(
        client.get(reverse("reviews:contribution", args=[AgencyContribution.objects.get(agency=ccg).pk]))
    )
    assert "nobody there was told" not in ccg_page


def test_a_due_date_moved_back_to_a_date_it_had_before_is_told_again(client, asking, mailoutbox, capture):
    """Every move is news to the agency, even to a date it was moved to once before (fixsmall11; review10's
    leftover: the notice's key named only the date, so the second move to it told nobody)."""
    from datetime import timedelta

    from django.utils import timezone

    review, ccg, cafcass, lead, manager = asking
    later, earlier = timezone.localdate() + timedelta(days=80), timezone.localdate() + timedelta(days=12)
    client.force_login(manager)
    _ask(client, review, [ccg], later)
    for due in (earlier, later, earlier):
        mailoutbox.clear()
        with capture(execute=True):
            _ask(client, review, [ccg], due, move_due_dates="on")
        told = [m for m in mailoutbox if lead.email in m.to]
        assert len(told) == 1, f"the lead was not told of the move to {_long(due)}"
        assert f"now due {_long(due)}" in told[0].subject
    client.force_login(lead)
    home = client.get("/").content.decode()
    recently = html.unescape(home.split("Recently asked of you", 1)[1].split("All your notifications", 1)[0])
    assert f"now due {_long(earlier)}" in recently and _long(later) not in recently


def test_the_agencys_own_chronology_page_shows_times_and_the_scope_marks(client, setting, capture):
    """Walkthrough 11, finding 20: the agency's page dropped the 09:15 and the "Outside the scope" marks."""
    review, contribution, lead, manager = setting
    client.force_login(lead)
    rows = "03/06/2019,,exact,Home visit,Seen before the review's period,,\n12/03/2025,09:15,exact,Home visit,Seen,,\n"
    upload(client, contribution, HEADER + rows, capture)
    page = page_text(client.get(reverse("reviews:contribution", args=[contribution.pk])))
    assert "12 Mar 2025 09:15" in page
    assert page.count("Outside the scope") == 2  # the note and the 2019 row's mark
    assert "The review's scope is 1 January 2024 to 10 July 2026" in page


def test_the_chronologys_spreadsheet_and_word_copies_keep_the_scope_marks(client, setting, capture, tmp_path):
    """Walkthrough 11, finding 11: the XLSX and DOCX dropped the "Outside the scope" marks and the scope."""
    import io
    import zipfile

    from openpyxl import load_workbook

    from casereview.reviews import exports

    review, contribution, lead, manager = setting
    client.force_login(lead)
    rows = "03/06/2019,,exact,Home visit,Seen before the review's period,,\n12/03/2025,09:15,exact,Home visit,Seen,,\n"
    upload(client, contribution, HEADER + rows, capture)
    client.force_login(manager)
    xlsx = client.get(reverse("reviews:chronology_xlsx", args=[review.pk]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][-1] == "Scope (01/01/2024 to 10/07/2026)"
    assert [row[-1] for row in values[1:]] == ["Outside the scope", "Within"]
    path = tmp_path / "chronology.docx"
    entries = ChronologyEntry.objects.unscoped().filter(review=review)
    exports.write_chronology_docx(path, review, entries, count=entries.count())
    document = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "scope: 1 January 2024 to 10 July 2026. 1 event outside it is marked" in document
    assert "03/06/2019 (outside the scope)" in document

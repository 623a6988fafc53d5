"""The yearly report: what a business manager enters, what the downloaded DOCX and PDF say, and the bad input
the issue lists."""

import io
from datetime import date
from io import StringIO

import docx
import pypdf
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from casereview.accounts.models import Partnership, User
from casereview.reporting import annual, document, services
from casereview.reporting.models import AnnualFigure, AnnualReport, FigureKind, Section, SectionVersion
from casereview.testing import LearningPointFactory, ReviewFactory

pytestmark = pytest.mark.django_db


def pdf_text(body):
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(body)).pages)


def docx_text(body):
    document = docx.Document(io.BytesIO(body))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells), document


@pytest.fixture
def report(partnership_a, alice):
    return services.annual_report_start(actor=alice, partnership=partnership_a, year_starting=2018)


# --- the demo's 2018-19 report -----------------------------------------------------------------------------


@pytest.fixture
def demo_report(db):
    call_command("load_demo", "--partnership", "southwark", stdout=StringIO())
    return AnnualReport.objects.get(partnership__slug="southwark", year_starting=2018), User.objects.get(
        username="southwark.manager"
    )


def test_the_demo_report_downloads_with_seeds_figures_reviews_and_charts(client, demo_report):
    report, manager = demo_report
    client.force_login(manager)
    pdf = client.get(reverse("reporting:annual_pdf", args=[report.pk]))
    word = client.get(reverse("reporting:annual_docx", args=[report.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    word_text, word_document = docx_text(word.content)
    for body in (text, word_text):
        for expected in ("329", "459", "146", "£134,471.50", "Child Y", "learning review 1", "learning review 2"):
            assert expected in body, expected
        assert "Southwark Safeguarding Children Board" in body
    # at least three charts, each followed by its table, in both formats
    assert len(word_document.inline_shapes) >= 3
    assert all(shape._inline.docPr.get("descr") for shape in word_document.inline_shapes)
    images = sum(len(page.images) for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert images >= 3
    # the PDF's text reads in order: the contents, then each section in turn, with its page number
    headings = [
        "Foreword",
        "Introduction",
        "The area in figures",
        "The partnership",
        "What the partnership did",
        "Core child protection activity",
        "Learning from case reviews",
        "Training and dissemination",
        "Quality assurance",
        "Funding",
        "Looking ahead",
    ]
    positions = [text.index(f"{n}. {h}\n", text.index("Looking ahead, page")) for n, h in enumerate(headings, 1)]
    assert positions == sorted(positions)
    assert "1. Foreword, page 2" in text
    assert "Page 3" in text
    assert text.index("At the end of March 2019 there were 329 children on a child protection plan") < text.index(
        "Serious case review: Child Y"
    )


def test_the_cli_writes_the_report_and_refuses_a_future_year(demo_report, tmp_path):
    out = tmp_path / "report.pdf"
    call_command(
        "report",
        "annual",
        "--partnership",
        "southwark",
        "--year",
        "2018-19",
        "--format",
        "pdf",
        "--output",
        str(out),
        stdout=StringIO(),
    )
    assert "329" in pdf_text(out.read_bytes())
    with pytest.raises(CommandError, match="has not started yet"):
        call_command(
            "report",
            "annual",
            "--partnership",
            "southwark",
            "--year",
            "2099-00",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "x.docx"),
        )
    with pytest.raises(CommandError, match="No partnership"):
        call_command(
            "report",
            "annual",
            "--partnership",
            "nowhere",
            "--year",
            "2018-19",
            "--format",
            "docx",
            "--output",
            str(tmp_path / "x.docx"),
        )


# --- entering the year's figures -------------------------------------------------------------------------


def test_figures_are_saved_with_their_source(client, alice, report):
    client.force_login(alice)
    url = reverse("reporting:annual_figures", args=[report.pk])
    response = client.post(url, {"cp_plans_value": "329", "cp_plans_source": "Case records, 31 March 2019"})
    assert response.status_code == 302
    figure = AnnualFigure.objects.get(report=report, kind=FigureKind.CP_PLANS)
    assert (figure.value, figure.source) == (329, "Case records, 31 March 2019")


@pytest.mark.parametrize(
    "value, source, message",
    [
        ("-4", "Case records", "cannot be negative"),
        ("three hundred", "Case records", "must be a whole number"),
        ("12.5", "Case records", "must be a whole number"),
        ("329", "", "Say where the figure"),
        ("329", "<b>records</b>", "HTML tags"),
    ],
)
def test_bad_figures_are_refused_with_a_reason_and_nothing_saved_is_lost(client, alice, report, value, source, message):
    AnnualFigure.objects.create(report=report, kind=FigureKind.LOOKED_AFTER, value=459, source="Case records")
    client.force_login(alice)
    response = client.post(
        reverse("reporting:annual_figures", args=[report.pk]),
        {"cp_plans_value": value, "cp_plans_source": source, "looked_after_value": "460", "looked_after_source": "x"},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert value in response.content.decode()  # what was typed is shown again
    assert AnnualFigure.objects.get(report=report, kind=FigureKind.LOOKED_AFTER).value == 459
    assert not AnnualFigure.objects.filter(report=report, kind=FigureKind.CP_PLANS).exists()


def test_contributions_total_and_refuse_bad_amounts(client, alice, report):
    client.force_login(alice)
    url = reverse("reporting:annual_contributions", args=[report.pk])
    form = {"partner-TOTAL_FORMS": "3", "partner-INITIAL_FORMS": "0"}
    good = {
        **form,
        "partner-0-contributor": "Southwark CCG",
        "partner-0-amount": "60,000",
        "partner-1-contributor": "CAFCASS",
        "partner-1-amount": "£550",
    }
    assert client.post(url, good).status_code == 302
    content = annual.annual_content(user=alice, report=report, with_charts=False)
    assert str(content.contributions_total) == "60550.00"
    for amount, message in [("-5", "cannot be negative"), ("lots", "number of pounds"), ("1.234", "nearest penny")]:
        bad = {**good, "partner-1-amount": amount}
        response = client.post(url, bad)
        assert message in response.content.decode()
    assert annual.annual_content(user=alice, report=report, with_charts=False).contributions_total == 60550
    # the page groups thousands as the Word and PDF report do
    page = client.get(reverse("reporting:annual_report", args=[report.pk])).content.decode()
    assert "£60,000.00" in page and "£60,550.00" in page


# --- narrative: versions, sign-off, injection -----------------------------------------------------------


def test_sections_keep_versions_and_an_edit_needs_signing_off_again(client, alice, report):
    client.force_login(alice)
    url = reverse("reporting:annual_section", args=[report.pk]) + "?section=foreword"
    client.post(url, {"section": "foreword", "text": "First words."})
    client.post(url, {"section": "foreword", "text": "Better words."})
    versions = SectionVersion.objects.filter(report=report, section=Section.FOREWORD).order_by("number")
    assert [v.text for v in versions] == ["First words.", "Better words."]
    latest = versions.last()
    client.post(reverse("reporting:annual_sign_off", args=[report.pk]), {"section": "foreword", "version": latest.pk})
    latest.refresh_from_db()
    assert latest.signed_off_by == alice
    client.post(url, {"section": "foreword", "text": "Changed after sign-off."})
    assert annual.latest_versions(report)[Section.FOREWORD].signed_off_at is None
    # signing off an older version is refused
    response = client.post(
        reverse("reporting:annual_sign_off", args=[report.pk]),
        {"section": "foreword", "version": latest.pk},
        follow=True,
    )
    assert "edited since you opened it" in response.content.decode()


def test_a_viewer_cannot_open_the_report_and_an_outsider_gets_not_found(client, bob, charlie, report):
    client.force_login(bob)
    assert client.get(reverse("reporting:annual_report", args=[report.pk])).status_code in (403, 404)
    client.force_login(charlie)
    for name in ("annual_report", "annual_preview", "annual_pdf", "annual_figures"):
        assert client.get(reverse(f"reporting:{name}", args=[report.pk])).status_code == 404


@pytest.mark.parametrize(
    "text, message",
    [("Hello <script>alert(1)</script>", "HTML tags"), ('=HYPERLINK("http://x")', "spreadsheet formula")],
)
def test_markup_and_formulas_in_narrative_are_refused_and_kept_in_the_box(client, alice, report, text, message):
    client.force_login(alice)
    response = client.post(
        reverse("reporting:annual_section", args=[report.pk]) + "?section=foreword",
        {"section": "foreword", "text": text},
    )
    assert message in response.content.decode()
    assert "alert(1)" in response.content.decode() or "HYPERLINK" in response.content.decode()
    assert not SectionVersion.objects.filter(report=report).exists()


def test_markup_already_in_the_text_is_printed_as_text_never_run(alice, report):
    SectionVersion.objects.create(
        report=report, section=Section.FOREWORD, number=1, text="<b>bold</b> & <script>x</script>", written_by=alice
    )
    doc = annual.annual_document(annual.annual_content(user=alice, report=report))
    assert "<b>bold</b> & <script>x</script>" in pdf_text(document.to_pdf(doc))
    assert "<b>bold</b> & <script>x</script>" in docx_text(document.to_docx(doc))[0]


# --- bad years and empty years -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, message",
    [
        ("2099-00", "has not started yet"),
        ("2018-20", "did you mean 2018-19"),
        ("last year", "for example 2018-19"),
        ("1999-00", "from 2000-01"),
    ],
)
def test_bad_years_are_explained(text, message):
    with pytest.raises(ValueError, match=message):
        annual.parse_year(text, today=date(2026, 12, 1))


def test_starting_a_future_year_is_refused(client, alice, partnership_a):
    client.force_login(alice)
    response = client.post(reverse("reporting:annual_report_start", args=[partnership_a.slug]), {"year": "2099-00"})
    assert "has not started yet" in response.content.decode()
    assert not AnnualReport.objects.exists()


def test_starting_the_same_year_twice_opens_the_first(client, alice, partnership_a):
    client.force_login(alice)
    url = reverse("reporting:annual_report_start", args=[partnership_a.slug])
    first, second = client.post(url, {"year": "2018-19"}), client.post(url, {"year": "2018/19"})
    assert first["Location"] == second["Location"]
    assert AnnualReport.objects.count() == 1


def test_a_year_with_no_activity_says_so_in_words_with_no_chart(alice, report):
    content = annual.annual_content(user=alice, report=report)
    assert content.charts == []
    text = pdf_text(document.to_pdf(annual.annual_document(content)))
    for sentence in (
        "No serious incidents, notifications, decisions or case reviews were recorded in 2018-19",
        "No decisions on whether to review a case were made in 2018-19",
        "No training or dissemination was recorded in 2018-19",
        "No financial contributions have been entered for 2018-19",
        "The foreword has not been written yet",
    ):
        assert sentence in text.replace("\n", " ")


def test_the_reports_query_count_does_not_grow_with_the_reviews(alice, report, partnership_a):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            annual.annual_content(user=alice, report=report, with_charts=False)
        return len(captured)

    ReviewFactory(partnership=partnership_a, decided_on=date(2018, 6, 1), target_completion=date(2018, 12, 1))
    few = queries()
    for n in range(6):
        review = ReviewFactory(
            partnership=partnership_a, decided_on=date(2018, 7, n + 1), target_completion=date(2019, 1, 1)
        )
        LearningPointFactory(review=review)
    assert queries() <= few


def test_another_partnerships_records_never_reach_the_report(alice, report, partnership_b):
    ReviewFactory(partnership=partnership_b, title="Child Z", decided_on=date(2018, 6, 1))
    content = annual.annual_content(user=alice, report=report)
    assert "Child Z" not in pdf_text(document.to_pdf(annual.annual_document(content)))


def test_the_preview_shows_the_whole_report(client, alice, report):
    client.force_login(alice)
    response = client.get(reverse("reporting:annual_preview", args=[report.pk]))
    page = response.content.decode()
    assert "Yearly report 2018-19" in page and "Looking ahead" in page and "Contents" in page


def test_the_list_shows_the_partnerships_reports_only(client, alice, report, partnership_b):
    AnnualReport.objects.create(partnership=partnership_b, year_starting=2017)
    client.force_login(alice)
    page = client.get(reverse("reporting:annual_reports", args=["southwark"])).content.decode()
    assert "Yearly report 2018-19" in page and "2017-18" not in page
    assert Partnership.objects.count() == 2

import pytest
from django.core.management import call_command
from django.urls import reverse

from casereview.library.models import Briefing
from casereview.testing import IncidentFactory, RapidReviewFactory

from .conftest import national, point, published_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_url(partnership_a):
    return reverse("library:search", args=[partnership_a.slug])


def test_an_empty_search_gives_a_helpful_page_not_every_entry(client, bob, search_url):
    national("Neglect was missed.")
    client.force_login(bob)
    page = client.get(search_url).content.decode()
    assert "Where to start" in page and "Neglect was missed." not in page


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "x" * 10000}, "200 characters or fewer"),
        ({"q": "neglect", "theme": "Not a theme"}, "There is no theme called"),
        ({"q": "neglect", "year": "nineteen"}, "is not a year"),
        ({"q": "neglect", "year": "99999"}, "is not a year"),
        ({"q": "neglect", "source": "mars"}, "Choose where the learning comes from"),
        ({"q": "-neglect"}, "not only what to leave out"),
    ],
)
def test_bad_input_gives_a_clear_message(client, bob, search_url, params, message):
    client.force_login(bob)
    response = client.get(search_url, params)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("q", ['"', "*", "NEAR(a b)", "a AND -", "' OR 1=1; --", "neglect:*"])
def test_search_syntax_in_the_url_never_gives_a_server_error(client, bob, search_url, q):
    national("Neglect was missed.")
    client.force_login(bob)
    assert client.get(search_url, {"q": q}).status_code == 200


def test_a_viewer_searches_filters_and_sees_highlighted_results(client, bob, partnership_a, search_url):
    point(published_review(partnership_a), "Professional curiosity about bruises was lacking.")
    national("Professional curiosity is needed with neglect.", themes=["Neglect"])
    client.force_login(bob)
    page = client.get(search_url, {"q": "professional curiosity"}).content.decode()
    assert "2 results" in page and "<mark>" in page and "Neglect</a> (1)" in page
    page = client.get(search_url, {"q": "professional curiosity", "theme": "Neglect"}).content.decode()
    assert "1 result" in page and "is needed with" in page


def test_themes_over_time_show_a_table_per_collection(client, bob, partnership_a):
    from casereview.core.models import Theme

    entry = point(published_review(partnership_a), "Neglect was missed.")
    entry.themes.set(Theme.objects.filter(name="Neglect"))
    national("Neglect nationally.", themes=["Neglect"], year=2019)
    client.force_login(bob)
    url = reverse("library:themes", args=[partnership_a.slug])
    ours = client.get(url).content.decode()
    assert '<th scope="col" class="govuk-table__header govuk-table__header--numeric">2023</th>' in ours
    assert "2019</th>" not in ours
    assert "2019</th>" in client.get(url, {"collection": "national"}).content.decode()


def test_the_themes_table_shows_every_year_between_the_first_and_the_last(client, bob, partnership_a):
    national("Neglect nationally.", themes=["Neglect"], year=2016)
    national("Neglect again.", themes=["Neglect"], year=2019)
    client.force_login(bob)
    page = client.get(reverse("library:themes", args=[partnership_a.slug]), {"collection": "national"}).content.decode()
    for year in (2016, 2017, 2018, 2019):
        assert f"{year}</th>" in page  # the years without a review are columns of nothing, not left out


def test_the_business_manager_writes_publishes_and_viewers_download_a_briefing(client, alice, bob, partnership_a):
    from io import BytesIO

    from docx import Document

    entry = point(published_review(partnership_a, title="Child P"), "Listen to the child.")
    client.force_login(alice)
    url = reverse("library:briefing_create", args=[partnership_a.slug]) + f"?review={entry.review_key}"
    form = client.get(url).content.decode()
    assert "Listen to the child." in form  # drafted from the review's learning
    response = client.post(
        url, {"title": "Child P", "what_happened": "", "key_learning": "x", "for_practice": "y", "questions": "z"}
    )
    assert "Say what happened" in response.content.decode() and not Briefing.objects.exists()
    client.post(
        url,
        {
            "title": "Child P",
            "what_happened": "A child was hurt.",
            "key_learning": "Listen.\nAsk.",
            "for_practice": "Ask again.",
            "questions": "What would you do?",
        },
    )
    briefing = Briefing.objects.get()
    client.force_login(bob)
    assert client.get(reverse("library:briefing", args=[briefing.pk])).status_code == 404  # a draft
    client.force_login(alice)
    client.post(reverse("library:briefing_publish", args=[briefing.pk]))
    client.force_login(bob)
    home = client.get(reverse("accounts:partnership_detail", args=[partnership_a.slug])).content.decode()
    assert "Seven-minute briefings" in home and "Child P" in home
    docx = client.get(reverse("library:briefing_docx", args=[briefing.pk]))
    text = "\n".join(p.text for p in Document(BytesIO(docx.content)).paragraphs)
    assert "Questions to reflect on" in text and "What would you do?" in text
    pdf = client.get(reverse("library:briefing_pdf", args=[briefing.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.post(reverse("library:briefing_edit", args=[briefing.pk]), {"title": "x"}).status_code == 403


def test_the_chair_sees_past_learning_beside_criteria_1_and_2(client, chair_a, partnership_a):
    from casereview.core.models import Theme

    old = point(published_review(partnership_a, title="Child R"), "Information sharing between schools failed.")
    old.themes.set(Theme.objects.filter(name="Information sharing"))
    national("Information sharing with health visitors was poor.", title="Child N")
    incident = IncidentFactory(partnership=partnership_a, summary="Information was not shared between school and GP.")
    rapid_review = RapidReviewFactory(incident=incident)
    client.force_login(chair_a)
    page = client.get(reverse("decisions:rapid_review", args=[rapid_review.pk])).content.decode()
    assert "Past learning on this case's themes" in page and "Recurrent themes in past reviews" in page
    assert "appeared in 1 of your reviews since 2023" in page
    assert "Why: both are about information sharing" in page
    assert "Similar past reviews" in page


def test_cli_search_prints_json(capsys, partnership_a):
    import json

    national("Neglect of a baby.", title="Child N")
    call_command("library", "search", "neglected", "--format", "json")
    [row] = json.loads(capsys.readouterr().out)
    assert set(row) == {"text", "kind", "number", "review", "year", "themes", "source", "score"}
    assert (row["review"], row["number"]) == ("Child N", "")


def test_cli_refuses_bad_arguments_with_a_sentence(partnership_a):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No partnership called 'nowhere'"):
        call_command("library", "search", "neglect", "--partnership", "nowhere")
    with pytest.raises(CommandError, match="No theme called"):
        call_command("library", "search", "neglect", "--theme", "Weather")
    with pytest.raises(CommandError, match="add --national"):
        call_command("library", "import", "/tmp")


def test_the_library_page_asks_the_database_as_often_whatever_the_number_of_entries(client, bob, search_url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(bob)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert "result" in client.get(search_url, {"q": "neglect"}).content.decode()
        return len(captured)

    national("Neglect was missed.", title="Child 0")
    queries()  # the session and the themes settle in
    few = queries()
    for n in range(1, 30):
        national(f"Neglect was missed again in case {n}.", title=f"Child {n}")
    assert queries() == few


def test_the_page_says_when_the_filters_count_only_the_best_matches(client, bob, search_url, monkeypatch):
    from casereview.library import search

    monkeypatch.setattr(search, "COUNTED_MATCHES", 2)
    for n in range(3):
        national(f"Neglect was missed in case {n}.", title=f"Child {n}")
    client.force_login(bob)
    page = client.get(search_url, {"q": "neglect"}).content.decode()
    assert "3 results" in page
    assert "The numbers are of the 2 best matches" in page

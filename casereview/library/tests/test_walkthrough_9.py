"""Walkthrough 9's findings on the learning library (docs/walkthrough-9.md): similar past reviews' reasons,
titles and years (finding 18), and the library's extracts and sources (finding 19)."""

import json

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from casereview.library import services
from casereview.library.boilerplate import without_boilerplate
from casereview.library.models import Entry, Source
from casereview.library.similarity import Candidate, Match
from casereview.testing import IncidentFactory, RapidReviewFactory, UserFactory

pytestmark = pytest.mark.django_db


def _match(title, entries, themes=(), words=()):
    candidate = Candidate(key=title, title=title, text="t", payload=entries)
    return Match(candidate=candidate, score=1.0, shared_themes=list(themes), shared_words=list(words))


def _entry(pk, year=None, source="national", source_name="National"):
    entry = Entry(pk=pk, kind="learning_point", text="t", review_title="t", source=source, source_name=source_name)
    entry.year = year
    return entry


def test_similar_reviews_give_no_empty_reason_no_repeated_year_and_cut_titles_at_a_word():
    long = "Child R and Family R and Child 1 and Child 2 and Child 3 and Child 4 and Child 5"
    similar = [
        _match("M and E", [_entry(1, 2007)]),
        _match("Multi-agency learning review 1 (2018-19)", [_entry(2, 2018)], themes=["Neglect"]),
        _match(long, [_entry(3, 2019)], themes=["Neglect"]),
        _match("Child BS", [_entry(4), _entry(5, 2016)], words=["stepfather"]),
    ]
    page = render_to_string("library/partials/similar_reviews.html", {"similar": similar})
    assert "similar wording" not in page
    assert page.count("Why:") == 3
    assert "(2018-19)</a> ·" in page and "(2018-19)</a> (2018)" not in page
    assert "Child R and Family R and Child 1 and Child 2 and Child 3…</a>" in page
    assert "Child BS</a> (2016) ·" in page


def test_similar_reviews_say_when_the_rapid_review_has_few_facts(partnership_a, alice):
    from casereview.library.templatetags.library import similar_reviews

    rapid_review = RapidReviewFactory(incident=IncidentFactory(partnership=partnership_a), facts_gathered="")
    request = RequestFactory().get("/")
    request.user = alice
    context = Context({"request": request})
    found = similar_reviews(context, rapid_review)
    assert found["few_facts"] and found["facts_words"] == 0
    page = render_to_string(
        "library/partials/similar_reviews.html",
        {"similar": [_match("M and E", [_entry(1, 2007)])], "few_facts": True, "facts_words": 0},
    )
    assert "The rapid review's facts are not recorded yet, so these rest on the incident's details only" in page
    rapid_review.facts_gathered = " ".join(["word"] * 40)
    assert not similar_reviews(Context({"request": request}), rapid_review)["few_facts"]


def test_cut_at_word_keeps_short_titles_and_cuts_long_ones_at_a_space():
    template = Template("{% load library %}{{ title|cut_at_word:20 }}")
    assert template.render(Context({"title": "Child BS"})) == "Child BS"
    assert template.render(Context({"title": "Child R and Family R and Child 1"})) == "Child R and Family…"


def test_leaflet_boilerplate_is_left_out_of_the_learning_by_its_kind_not_its_words():
    text = (
        "1. What happens in a rapid review?\nA child safeguarding practice review is carried out when a child "
        "is harmed. Call our advice line on 020 7525 1234 or write to lscb@southwark.gov.uk. "
        "2. The GP did not know the mother had moved. Visit www.example.org for our leaflets."
    )
    assert without_boilerplate(text) == "2. The GP did not know the mother had moved."
    # learning that mentions a review or a phone is kept when it is about the case
    kept = "The review found that nobody asked the father about the injuries."
    assert without_boilerplate(kept) == kept


def test_the_national_panels_reviews_are_national_and_helplines_are_not_imported(tmp_path, client, alice):
    (tmp_path / "030_panel_briefing.json").write_text(
        json.dumps(
            {
                "partnership": "Child Safeguarding Practice Review Panel",
                "child_pseudonyms": ["Child Q"],
                "learning_points": [
                    "If you have any concerns about children, please contact the NSPCC Helpline on 0808 800 5000.",
                    "What prompts a review? A serious case review (SCR) is required when a child dies. "
                    "Health visitors did not see the baby after the move.",
                ],
                "text": "Panel briefing\n\nThe panel's briefing",
            }
        )
    )
    services.national_import(actor=UserFactory(is_superuser=True, is_staff=True), folder=tmp_path)
    entries = list(Entry.objects.filter(kind="learning_point"))
    assert [e.text for e in entries] == ["Health visitors did not see the baby after the move."]
    assert entries[0].source == Source.NATIONAL


def test_another_partnerships_name_is_beside_its_tag_not_in_it(client, partnership_a, alice):
    from casereview.library.search import index_entries

    from .conftest import national

    entry = national(
        "Neglect of the baby's health needs was not recognised by the health visitor.",
        title="Child Q",
        source=Source.OTHER_PARTNERSHIP,
    )
    entry.source_name = "Bedford Borough, Central Bedfordshire and Luton Safeguarding Children Partnership"
    entry.save()
    index_entries([entry])
    client.force_login(alice)
    page = client.get(reverse("library:search", args=[partnership_a.slug]), {"q": "neglect"}).content.decode()
    assert 'govuk-tag--turquoise">Another partnership</strong>' in page
    assert "Luton Safeguarding Children Partnership · " in page

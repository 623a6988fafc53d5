"""Walkthrough 8's findings on the learning library (docs/walkthrough-8.md, findings 18 and 21)."""

import json

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from casereview.library import search, services
from casereview.library.models import Entry
from casereview.library.selectors import entry_search
from casereview.library.similarity import Candidate, most_similar
from casereview.testing import UserFactory

from .conftest import national

pytestmark = pytest.mark.django_db


def test_similar_reviews_give_themes_first_and_no_everyday_words_as_their_reason():
    """Finding 18: "shared words: day, suspected, died, looked" said nothing a chair could weigh."""
    case = (
        "A looked-after child died at home the day after a suspected overdose; carers had reported "
        "self-harm and the school dated a referral about exploitation."
    )
    past = Candidate(
        key="r",
        title="Child R and Family R and Child 1 and Child 2 and Child 3 and Child 4",
        text="A looked-after child in care died; the day before, carers suspected exploitation and self-harm "
        "was reported. A referral was dated late.",
    )
    [match] = most_similar(case, [past])
    assert not {"day", "died", "suspected", "looked", "dated", "care", "reported", "home"} & set(match.shared_words)
    assert len(match.shared_words) <= 3
    page = render_to_string("library/partials/similar_reviews.html", {"similar": [_with_entry(match)]})
    assert "Child R and Family R and Child 1 and Child 2 and Child 3 and Child 4" not in page
    assert "Child R and Family R and Child 1" in page
    why = page.split("Why: ")[1]
    assert why.startswith("both concern"), why


def _with_entry(match):
    match.candidate.payload = [Entry(pk=1, kind="learning_point", text="t", review_title="t", source="national")]
    return match


def test_a_word_or_two_from_the_national_collection_is_not_matched_by_a_search(partnership_a, alice):
    """Finding 21: the top result for "neglect" was a learning point reading "Neglect"."""
    heading = national("Neglect", title="Child LB")
    useful = national("Neglect of the baby's health needs was not recognised by the health visitor.", title="Child Q")
    result = entry_search(user=alice, partnership=partnership_a, query=search.parse_query("neglect"))
    found = [entry.pk for entry, _score, _snippet in result.results]
    assert useful.pk in found and heading.pk not in found
    # still there under its theme and its review: nothing is lost
    assert Entry.objects.filter(pk=heading.pk).exists()


def test_an_entry_names_the_document_it_came_from_by_its_title_not_its_file_name(tmp_path, client, alice):
    """Finding 21."""
    (tmp_path / "011_lancashire_lscb_news_learning_briefs_lb_ld.json").write_text(
        json.dumps(
            {
                "child_pseudonyms": ["Child LB"],
                "learning_points": ["Professional curiosity about minor injuries in babies was missing."],
                "text": "Serious Case Reviews: Publication of Learning Briefs for Child LB and LD\n\nThursday",
            }
        )
    )
    services.national_import(actor=UserFactory(is_superuser=True, is_staff=True), folder=tmp_path)
    entry = Entry.objects.get(kind="learning_point")
    client.force_login(alice)
    page = client.get(reverse("library:entry", args=[entry.pk])).content.decode()
    assert "Serious Case Reviews: Publication of Learning Briefs for Child LB and LD" in page
    assert "From the document “011" not in page
    # one imported before titles were kept reads as words, not a file name
    entry.source_title = ""
    assert entry.document_title == "Lancashire lscb news learning briefs lb ld"

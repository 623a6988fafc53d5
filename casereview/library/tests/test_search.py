"""Search behaviour a practitioner notices, on whichever database runs the suite (SQLite FTS5 or
PostgreSQL full-text search: the same tests)."""

import pytest

from casereview.library import search, selectors

from .conftest import national, point, published_review

pytestmark = pytest.mark.django_db


def run(user, partnership, text, **filters):
    return selectors.entry_search(user=user, partnership=partnership, query=search.parse_query(text), filters=filters)


def texts(result):
    return [entry.text for entry, _score, _snippet in result.results]


def test_stemming_finds_other_forms_of_a_word(alice, partnership_a):
    review = published_review(partnership_a)
    point(review, "The children were neglected for many months.")
    point(review, "Housing was unsuitable.")
    assert texts(run(alice, partnership_a, "neglect")) == ["The children were neglected for many months."]


def test_a_quoted_phrase_needs_the_words_together(alice, partnership_a):
    review = published_review(partnership_a)
    point(review, "Information sharing between the school and the GP failed.")
    point(review, "Sharing a bedroom was not recorded; information about school was missing.")
    assert texts(run(alice, partnership_a, '"information sharing"')) == [
        "Information sharing between the school and the GP failed."
    ]
    assert len(texts(run(alice, partnership_a, "information sharing"))) == 2


def test_a_word_can_be_left_out_and_alternatives_joined_with_or(alice, partnership_a):
    review = published_review(partnership_a)
    point(review, "Neglect of a baby was missed.")
    point(review, "Neglect of adolescents is underestimated.")
    point(review, "Domestic abuse was not recognised.")
    assert texts(run(alice, partnership_a, "neglect -adolescents")) == ["Neglect of a baby was missed."]
    assert len(texts(run(alice, partnership_a, "baby OR domestic"))) == 2


def test_better_matches_rank_first(alice, partnership_a):
    review = published_review(partnership_a)
    point(review, "Supervision was irregular.")
    point(review, "Professional curiosity about bruising was missing; curiosity about the mother's partner too.")
    point(review, "Professional development plans were late.")
    result = run(alice, partnership_a, "professional curiosity")
    assert texts(result)[0].startswith("Professional curiosity about bruising")
    scores = [score for _e, score, _s in result.results]
    assert scores == sorted(scores, reverse=True)


def test_snippets_highlight_the_matched_words_and_escape_the_text(alice, partnership_a):
    review = published_review(partnership_a)
    point(review, "<script>alert(1)</script> Escalation of concerns did not happen.")
    [(_entry, _score, snippet)] = run(alice, partnership_a, "escalation").results
    assert "<mark>Escalation</mark>" in snippet
    assert "<script>" not in snippet  # escaped (SQLite) or dropped as markup (PostgreSQL's headline)


def test_filters_narrow_the_results_and_count_what_each_would_leave(alice, partnership_a):
    review = published_review(partnership_a)
    point(review, "Neglect at home was missed by the school.").themes.set([])
    national("Neglect and missed health appointments.", themes=["Neglect"])
    national("Neglect of a disabled child.", themes=["Neglect", "Disabled children / SEND"], year=2021)
    result = run(alice, partnership_a, "neglect")
    assert result.total == 3
    facets = {f.name: {value: n for value, _label, n in f.options} for f in result.facets}
    assert facets["source"] == {"ours": 1, "national": 2}
    assert facets["year"] == {2023: 1, 2021: 1, 2019: 1}
    assert facets["theme"]["Disabled children / SEND"] == 1
    narrowed = run(alice, partnership_a, "neglect", theme="Disabled children / SEND")
    assert texts(narrowed) == ["Neglect of a disabled child."]
    assert texts(run(alice, partnership_a, "neglect", source="ours")) == ["Neglect at home was missed by the school."]
    assert run(alice, partnership_a, "neglect", year=2019).total == 1
    assert run(alice, partnership_a, "neglect", sector="education").total == 1


def test_results_come_a_page_at_a_time(alice, partnership_a):
    for n in range(25):
        national(f"Thresholds for early help were unclear in case {n}.", title=f"Child {n}")
    first = selectors.entry_search(user=alice, partnership=partnership_a, query=search.parse_query("thresholds"))
    second = selectors.entry_search(
        user=alice, partnership=partnership_a, query=search.parse_query("thresholds"), page=2
    )
    assert (first.total, len(first.results), len(second.results), second.pages) == (25, 20, 5, 2)
    assert not {e.pk for e, _, _ in first.results} & {e.pk for e, _, _ in second.results}


@pytest.mark.parametrize(
    "text",
    [
        '"',
        "*",
        "neglect*",
        "a:b",
        "NEAR(neglect abuse)",
        "neglect AND",
        "AND",
        "-",
        '"unclosed phrase',
        "'; DROP TABLE library_entry; --",
        "neglect) OR (",
        "^neglect",
        "{title}: neglect",
        "ne\"gl'ect",
    ],
)
def test_search_syntax_characters_never_break_the_query(alice, partnership_a, text):
    national("Neglect was missed.")
    try:
        query = search.parse_query(text)
    except search.QueryError as exc:
        assert str(exc)
        return
    result = selectors.entry_search(user=alice, partnership=partnership_a, query=query)
    assert result.total >= 0


def test_a_very_long_query_is_refused_with_a_reason():
    with pytest.raises(search.QueryError, match="200 characters or fewer"):
        search.parse_query("neglect " * 1250)


def test_only_words_to_leave_out_is_refused():
    with pytest.raises(search.QueryError, match="not only what to leave out"):
        search.parse_query("-neglect")


def test_the_index_follows_edits_and_deletions(alice, partnership_a):
    from casereview.reviews.models import LearningPoint
    from casereview.reviews.services import finding_save

    review = published_review(partnership_a)
    entry = point(review, "Chronologies were incomplete.")
    finding = LearningPoint.objects.get(pk=entry.finding_id)
    finding_save(
        actor=alice,
        review=review,
        model=LearningPoint,
        finding=finding,
        number=1,
        text="Genograms were not used.",
        expected_version=finding.version,
    )
    assert texts(run(alice, partnership_a, "genogram")) == ["Genograms were not used."]
    assert run(alice, partnership_a, "chronologies").total == 0
    finding.delete()
    assert run(alice, partnership_a, "genogram").total == 0


def test_the_taxonomy_fits_the_bits_the_filters_are_counted_in():
    from casereview.core.models import Theme

    assert max(Theme.objects.values_list("position", flat=True)) <= search.MAX_THEME_POSITION


def test_changing_an_entrys_themes_changes_what_the_theme_filter_counts(alice, partnership_a):
    from casereview.core.models import Theme
    from casereview.library import services

    review = published_review(partnership_a)
    entry = point(review, "Neglect of the youngest child went unseen.")
    send = Theme.objects.get(name="Disabled children / SEND")
    services.entry_themes_set(actor=alice, entry=entry, themes=[send])
    facets = {f.name: {v: n for v, _l, n in f.options} for f in run(alice, partnership_a, "neglect").facets}
    assert facets["theme"] == {"Disabled children / SEND": 1}
    entry.themes.set([])  # any writer, not only the service
    assert "theme" not in {f.name for f in run(alice, partnership_a, "neglect").facets}


def test_a_search_with_more_matches_than_are_counted_says_so_and_still_pages(alice, partnership_a, monkeypatch):
    monkeypatch.setattr(search, "COUNTED_MATCHES", 4)
    for n in range(7):
        national(f"Escalation was not used in case {n}.", title=f"Child {n}", year=2010 + n)
    first = run(alice, partnership_a, "escalation")
    assert (first.total, first.counted, first.counts_all) == (7, 4, False)
    assert sum(n for _v, _l, n in next(f for f in first.facets if f.name == "year").options) == 4
    last = selectors.entry_search(
        user=alice, partnership=partnership_a, query=search.parse_query("escalation"), page=3, per_page=3
    )
    assert (last.total, last.page, last.pages, len(last.results)) == (7, 3, 3, 1)
    beyond = selectors.entry_search(
        user=alice, partnership=partnership_a, query=search.parse_query("escalation"), page=99, per_page=3
    )
    assert (beyond.page, len(beyond.results)) == (3, 1)
    everything = {
        e.pk
        for page in (1, 2, 3)
        for e, _s, _n in selectors.entry_search(
            user=alice, partnership=partnership_a, query=search.parse_query("escalation"), page=page, per_page=3
        ).results
    }
    assert len(everything) == 7

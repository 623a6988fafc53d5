"""Reads of the library. Every read starts from `Entry.objects.visible_to(user)`: the partnership's own
learning as far as the user may see it, and the national collection. Other apps are read only through
their selectors."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.html import escape
from django.utils.safestring import mark_safe

from casereview.core.models import Theme

from . import search
from .models import AgeGroup, Briefing, Entry, EntrySector, Kind, Sector, Source
from .similarity import Candidate, most_similar
from .themes import suggest_themes

PER_PAGE = 20
FILTERS = ("theme", "year", "review_type", "source", "sector", "age_group", "kind")
FILTER_LABELS = {
    "theme": "Theme",
    "year": "Year",
    "review_type": "Type of review",
    "source": "Source",
    "sector": "Agency sector",
    "age_group": "Child's age",
    "kind": "Kind of learning",
}
CHOICE_LABELS = {
    "source": dict(Source.choices),
    "sector": dict(Sector.choices),
    "age_group": dict(AgeGroup.choices),
    "kind": dict(Kind.choices),
}


def visible_entries(*, user, partnership):
    return Entry.objects.visible_to(user, partnership=partnership)


def published_entries(*, partnership=None):
    """What anyone in the partnership may read, for the command line (run by whoever runs the server):
    the national collection and the partnership's published, non-confidential learning."""
    from django.db.models import Q

    condition = Q(partnership__isnull=True)
    if partnership is not None:
        condition |= Q(partnership=partnership, is_published=True, is_confidential=False)
    # unscoped: the command line has no user; the condition is what anyone in the partnership may read.
    return Entry.objects.unscoped().filter(condition)


def _apply_filters(entries, filters):
    for name, value in filters.items():
        if not value:
            continue
        if name == "theme":
            entries = entries.filter(themes__name=value)
        elif name == "sector":
            entries = entries.filter(pk__in=EntrySector.objects.filter(sector=value).values("entry_id"))
        else:
            entries = entries.filter(**{name: value})
    return entries


def highlighted(snippet):
    """The database's snippet as safe HTML: the text escaped, the matched words in <mark>."""
    html = escape(snippet or "")
    return mark_safe(html.replace(search.MARK_START, "<mark>").replace(search.MARK_END, "</mark>"))


@dataclass
class Facet:
    name: str
    label: str
    options: list  # [(value, label, count)]


@dataclass
class SearchResult:
    query: object = None
    total: int = 0
    results: list = field(default_factory=list)  # [(entry, score, snippet html)]
    facets: list = field(default_factory=list)
    page: int = 1
    pages: int = 0
    counted: int = 0  # how many of the best matches the filters' counts are of (all when it equals total)

    @property
    def counts_all(self):
        return self.counted >= self.total


def entry_search(*, user, partnership, query=None, filters=None, page=1, per_page=PER_PAGE, entries=None):
    """One page of the matching entries, best first, with counts for every filter. `query` is a parsed
    search.Query or None (then the filtered entries, newest first); filters are already validated.
    The filters count the best search.COUNTED_MATCHES matches (every one when there are no more)."""
    filters = {k: v for k, v in (filters or {}).items() if v}
    if entries is None:
        entries = visible_entries(user=user, partnership=partnership)
    matches = search.search_entries(_apply_filters(entries, filters), query, page, per_page)
    # the matches' keys were decided by the visible entries above; their themes come from their bits
    by_id = Entry.objects.unscoped().select_related("partnership").in_bulk([pk for pk, _, _ in matches.results])
    themes = {t.position: t for t in Theme.objects.all()}
    results = []
    for (pk, score, snippet), bits in zip(matches.results, matches.page_theme_bits):
        if pk in by_id:
            entry = by_id[pk]
            _give_themes(entry, [t for p, t in themes.items() if bits >> (p - 1) & 1])
            results.append((entry, score, highlighted(snippet) if snippet else None))
    return SearchResult(
        query=query,
        total=matches.total,
        results=results,
        facets=_facets(matches.columns, themes) if matches.total else [],
        page=matches.page,
        pages=matches.pages,
        counted=matches.counted,
    )


def _give_themes(entry, themes):
    """Fill entry.themes.all() as prefetch_related would, from what is known already."""
    cached = entry.themes.get_queryset()
    cached._result_cache, cached._prefetch_done = themes, True
    entry._prefetched_objects_cache = {"themes": cached}


def _facets(columns, themes):
    """Counts of the matching entries per filter value, from the filters' values of every match (one
    tuple per field, search.FACET_FIELDS; `themes` {position: Theme}): themes from their bits, the
    packed fields from their code, the type of review as it is."""
    import numpy

    bits = _bit_counts(columns["theme_bits"], search.MAX_THEME_POSITION)
    theme_counts = sorted(
        ((t.name, int(bits[position - 1])) for position, t in themes.items() if bits[position - 1]),
        key=lambda option: (-option[1], option[0]),
    )
    facets = [Facet("theme", FILTER_LABELS["theme"], [(name, name, n) for name, n in theme_counts])]
    codes = numpy.array(columns["facet_code"], dtype="<i8")
    values = search.code_values()
    counted = {"sector": zip(values["sector"], _bit_counts(codes, search.SECTOR_BITS))}
    for name, (first, width) in search.CODE_FIELDS.items():
        numbers = numpy.bincount((codes >> first) & ((1 << width) - 1), minlength=len(values[name]))
        counted[name] = zip(values[name], numbers)
    counted["review_type"] = Counter(columns["review_type"]).items()
    for name in ("source", "kind", "year", "review_type", "age_group", "sector"):
        labels = CHOICE_LABELS.get(name, {})
        options = sorted(
            (value, labels.get(value, str(value)), int(n))
            for value, n in counted[name]
            if n and value not in ("", None)
        )
        if name == "year":
            options.reverse()
        facets.append(Facet(name, FILTER_LABELS[name], options))
    order = {name: i for i, name in enumerate(FILTERS)}
    return sorted([f for f in facets if f.options], key=lambda f: order[f.name])


def _bit_counts(values, width):
    """How many of `values` (whole numbers) have each of their lowest `width` bits set."""
    import numpy

    array = numpy.asarray(values, dtype="<i8").view(numpy.uint8).reshape(-1, 8)
    return numpy.unpackbits(array, axis=1, bitorder="little").sum(axis=0)[:width]


class _ReviewTypes:
    """The types of review the user's entries have, asked about one at a time: listing them all would read
    every entry on every page."""

    def __init__(self, entries):
        self.entries = entries

    def __contains__(self, value):
        return bool(value) and self.entries.filter(review_type=value).exists()


def known_filter_values(*, user, partnership):
    """What a filter in the URL may be, so an unknown theme or year is refused with a message."""
    return {
        "theme": set(Theme.objects.values_list("name", flat=True)),
        "year": None,  # any number in range; checked by the form
        "review_type": _ReviewTypes(visible_entries(user=user, partnership=partnership)),
        "source": set(Source.values),
        "sector": set(Sector.values),
        "age_group": set(AgeGroup.values),
        "kind": set(Kind.values),
    }


def entry_review(*, user, partnership, entry):
    """The other entries of the same review, for the entry page and for drafting a briefing."""
    return list(
        visible_entries(user=user, partnership=partnership)
        .filter(review_key=entry.review_key)
        .prefetch_related("themes")
        .order_by("kind", "number")
    )


def entries_of_review_key(*, user, partnership, review_key):
    return list(
        visible_entries(user=user, partnership=partnership)
        .filter(review_key=review_key)
        .prefetch_related("themes")
        .order_by("kind", "number")
    )


# --- themes over time -----------------------------------------------------------------------------------


def themes_by_year(*, user, partnership, collection):
    """For the chart and its table: how many reviews (not entries) carried each theme in each year, in the
    partnership's own learning (collection "ours") or the national collection ("national")."""
    entries = visible_entries(user=user, partnership=partnership).exclude(year=None)
    entries = entries.filter(partnership=None) if collection == "national" else entries.filter(partnership=partnership)
    rows = (
        entries.filter(themes__isnull=False)
        .values_list("themes__name", "year")
        .annotate(n=Count("review_key", distinct=True))
        .order_by()
    )
    counts = {(name, year): n for name, year, n in rows}
    found = {year for _, year in counts}
    # every year from the first to the last, those without a review included: each bar is a year, and a gap
    # left out would join two distant years as if they were neighbours
    years = list(range(min(found), max(found) + 1)) if found else []
    totals = {}
    for (name, _year), n in counts.items():
        totals[name] = totals.get(name, 0) + n
    themes = sorted(totals, key=lambda name: (-totals[name], name))
    peak = max(counts.values(), default=0)
    return {
        "years": years,
        "rows": [
            {"theme": name, "counts": [counts.get((name, y), 0) for y in years], "total": totals[name]}
            for name in themes
        ],
        "peak": peak,
    }


# --- past learning for a new case ---------------------------------------------------------------------


@dataclass
class RecurrentTheme:
    theme: str
    reviews: int  # the partnership's own reviews with learning on it
    since: int | None
    open_actions: int
    examples: list  # [(entry, why)]


def case_text(rapid_review):
    """What is known of a new case, as text: the incident's summary and the rapid review's facts."""
    incident = rapid_review.incident
    parts = [
        incident.get_harm_display(),
        incident.get_abuse_or_neglect_display(),
        incident.summary,
        rapid_review.facts_gathered,
        "looked after child in care" if incident.looked_after else "",
        f"aged {incident.age_years} years" if incident.age_years is not None else "",
        f"aged {incident.age_months} months" if incident.age_years in (None, 0) and incident.age_months else "",
    ]
    return " ".join(p for p in parts if p)


def past_learning(*, user, partnership, text, open_actions_by_theme=None, limit_themes=4, examples=3):
    """Themes the case suggests that recur in past learning: how often in the partnership's own reviews,
    how many actions on them are still open, and the matching past learning with why it matched."""
    themes = list(suggest_themes(text))
    if not themes:
        return []
    entries = visible_entries(user=user, partnership=partnership)
    own = (
        entries.filter(partnership=partnership, themes__name__in=themes)
        .values_list("themes__name")
        .annotate(n=Count("review_key", distinct=True))
        .order_by()
    )
    own_counts = dict(own)
    first_years = {}
    for name, year in (
        entries.filter(partnership=partnership, themes__name__in=themes)
        .exclude(year=None)
        .values_list("themes__name", "year")
    ):
        first_years[name] = min(year, first_years.get(name, year))
    open_actions = open_actions_by_theme or {}
    ranked = sorted(themes, key=lambda name: (-own_counts.get(name, 0), themes.index(name)))
    candidates = list(
        entries.filter(themes__name__in=ranked[:limit_themes])
        .exclude(kind=Kind.SUMMARY)
        .prefetch_related("themes")
        .distinct()[:400]
    )
    out = []
    for name in ranked[:limit_themes]:
        pool = [
            Candidate(
                key=str(e.pk), title=e.review_title, text=e.text, themes={t.name for t in e.themes.all()}, payload=e
            )
            for e in candidates
            if name in {t.name for t in e.themes.all()}
        ]
        matches = most_similar(text, pool, limit=examples)
        why = [(m.candidate.payload, _why(name, m)) for m in matches]
        if not why and not own_counts.get(name):
            continue
        out.append(
            RecurrentTheme(
                theme=name,
                reviews=own_counts.get(name, 0),
                since=first_years.get(name),
                open_actions=open_actions.get(name, 0),
                examples=why,
            )
        )
    return out


def _why(theme, match):
    reason = f"both are about {theme.lower()}"
    others = [t.lower() for t in match.shared_themes if t != theme]
    if others:
        reason += " and " + ", ".join(others[:2])
    if match.shared_words:
        reason += "; shared words: " + ", ".join(match.shared_words[:3])
    return reason


def similar_reviews(*, user, partnership, text, limit=5):
    """The past reviews (own and national) most like this case, each with its entries and the reasons."""
    entries = visible_entries(user=user, partnership=partnership).prefetch_related("themes")
    grouped = {}
    for entry in entries.order_by("review_key", "kind", "number").iterator(chunk_size=2000):
        group = grouped.setdefault(
            entry.review_key, {"title": entry.review_title, "texts": [], "themes": set(), "entries": []}
        )
        group["texts"].append(entry.text)
        group["themes"] |= {t.name for t in entry.themes.all()}
        group["entries"].append(entry)
    candidates = [
        Candidate(key=key, title=g["title"], text=" ".join(g["texts"]), themes=g["themes"], payload=g["entries"])
        for key, g in grouped.items()
    ]
    return most_similar(text, candidates, limit=limit)


# --- briefings ----------------------------------------------------------------------------------------------


def briefing_list(*, user, partnership, published_only=False):
    briefings = Briefing.objects.visible_to(user, partnership=partnership)
    return briefings.exclude(published_on=None) if published_only else briefings


def published_briefings_for(*, user, limit=5):
    """The newest published briefings of every partnership the user belongs to (the viewer's home page)."""
    return list(Briefing.objects.visible_to(user).exclude(published_on=None).select_related("partnership")[:limit])

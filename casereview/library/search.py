"""Full-text search over library entries, on either database, behind one interface.

PostgreSQL: a tsvector column (English stemming) with a GIN index, queried with websearch syntax.
SQLite: an FTS5 table (Porter stemming) whose rowid is the entry's id, kept in step by `index_entries`.
Callers see only `parse_query`, `index_entries`, `unindex_entries`, `refresh_facets` and `search_entries`."""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, FloatField, Value, Window

FTS_TABLE = "library_entry_fts"
MAX_QUERY_LENGTH = 200
# Private-use characters mark the highlighted words; escaped text can never contain them.
MARK_START, MARK_END = "\ue000", "\ue001"
_WORD = re.compile(r"\w+(?:['’]\w+)*")
_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


class QueryError(ValueError):
    """The query cannot be searched; the message says why in plain words."""


@dataclass(frozen=True)
class Query:
    """A parsed search: words or phrases that must appear, alternatives joined by OR, words to leave out."""

    groups: tuple  # each group is a tuple of alternatives; each alternative a tuple of words (a phrase)
    excluded: tuple
    text: str

    def words(self):
        return [word for group in self.groups for phrase in group for word in phrase]


def is_postgres():
    return connection.vendor == "postgresql"


def parse_query(text):
    """Websearch-like syntax on both databases: words, "a phrase", OR between alternatives, -word to
    leave out. Every other character (FTS operators, quotes, SQL) is treated as a space."""
    text = (text or "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"Search for {MAX_QUERY_LENGTH} characters or fewer")
    groups, excluded, pending_or = [], [], False
    for match in _TERM.finditer(text):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare == "OR":
                pending_or = bool(groups)
                continue
            negated = "-" if bare.startswith("-") else ""
            words = tuple(w.lower() for w in _WORD.findall(bare))
            # "child's" and "self-harm" are one term of several words, searched as a phrase
        else:
            words = tuple(w.lower() for w in _WORD.findall(phrase))
        if not words:
            continue
        if negated:
            excluded.append(words)
        elif pending_or:
            groups[-1] = groups[-1] + (words,)
        else:
            groups.append((words,))
        pending_or = False
    if not groups:
        raise QueryError(
            "Enter the words to search for" if not excluded else "Say what to search for, not only what to leave out"
        )
    return Query(groups=tuple(groups), excluded=tuple(excluded), text=text)


def _fts5_phrase(words):
    return '"' + " ".join(w.replace('"', "") for w in words) + '"'


def fts5_expression(query):
    """The FTS5 MATCH string: every token quoted, so no user character is ever an operator."""
    parts = []
    for group in query.groups:
        alternatives = [_fts5_phrase(p) for p in group]
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    expression = " AND ".join(parts)
    for words in query.excluded:
        expression += " NOT " + _fts5_phrase(words)
    return expression


def websearch_text(query):
    """The same query in PostgreSQL's websearch_to_tsquery syntax, rebuilt from the parsed words."""
    parts = []
    for group in query.groups:
        parts.append(" or ".join('"' + " ".join(p) + '"' if len(p) > 1 else p[0] for p in group))
    for words in query.excluded:
        parts.append("-" + ('"' + " ".join(words) + '"' if len(words) > 1 else words[0]))
    return " ".join(parts)


def document_text(entry):
    """What a search matches an entry's words against: nothing for a brief national entry (Entry.is_brief),
    which is still listed under its filters and its review."""
    return "" if entry.is_brief else entry.text


def create_fts_table(schema_editor=None):
    cursor_owner = schema_editor.connection if schema_editor else connection
    if cursor_owner.vendor != "sqlite":
        return
    with cursor_owner.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(text, title, tokenize='porter unicode61')"
        )


# --- the filters' values as bits ------------------------------------------------------------------------
# An entry's filter values are kept on it as two integers, so one pass over a search's matches reads them
# with the score and counts every filter without joining the many-valued tables: `theme_bits` has bit
# (position - 1) for each of its themes, `facet_code` packs its sectors (one bit each), source, kind, age
# group and year (each a small number in its own bits; 0 = not known for age group and year).
MAX_THEME_POSITION = 63  # a signed 64-bit integer; the taxonomy has 45 themes (test_search checks it fits)
SECTOR_BITS = 6
# field -> (first bit, number of bits)
CODE_FIELDS = {"source": (6, 2), "kind": (8, 2), "age_group": (10, 3), "year": (13, 8)}
FIRST_YEAR = 1900  # years 1901 to 2155 fit in 8 bits


def theme_bit(position):
    if not 1 <= position <= MAX_THEME_POSITION:
        raise ValueError(f"A theme's position must be 1 to {MAX_THEME_POSITION} to be counted, not {position}")
    return 1 << (position - 1)


def code_values():
    """For each packed field, the value each number stands for (index 0 = not known where it may be)."""
    from .models import AgeGroup, Kind, Sector, Source

    return {
        "sector": list(Sector.values),
        "source": list(Source.values),
        "kind": list(Kind.values),
        "age_group": ["", *AgeGroup.values],
        "year": [None, *range(FIRST_YEAR + 1, FIRST_YEAR + 256)],
    }


def facet_code(source, kind, age_group, year, sectors):
    values = code_values()
    code = 0
    for sector in sectors:
        code |= 1 << values["sector"].index(sector)
    if year is not None and not FIRST_YEAR < year < FIRST_YEAR + 256:
        year = None  # outside what the code holds: counted as not known, still found by the year filter
    for name, value in (("source", source), ("kind", kind), ("age_group", age_group or ""), ("year", year)):
        first, _width = CODE_FIELDS[name]
        code |= values[name].index(value) << first
    return code


def refresh_facets(ids):
    """Recompute the theme bits and facet code of these entries from their fields, themes and sectors (and on
    PostgreSQL their search vector)."""
    from .models import Entry, EntrySector

    ids = list(ids)
    rows = []
    for chunk in _chunks(ids):
        themes, sectors = {}, {}
        for pk, position in Entry.themes.through.objects.filter(entry_id__in=chunk).values_list(
            "entry_id", "theme__position"
        ):
            themes[pk] = themes.get(pk, 0) | theme_bit(position)
        for pk, sector in EntrySector.objects.filter(entry_id__in=chunk).values_list("entry_id", "sector"):
            sectors.setdefault(pk, []).append(sector)
        for pk, source, kind, age_group, year in (
            Entry.objects.unscoped().filter(pk__in=chunk).values_list("pk", "source", "kind", "age_group", "year")
        ):
            rows.append((themes.get(pk, 0), facet_code(source, kind, age_group, year, sectors.get(pk, ())), pk))
    with connection.cursor() as cursor:
        if not is_postgres():
            cursor.executemany("UPDATE library_entry SET theme_bits = %s, facet_code = %s WHERE id = %s", rows)
            return
        # PostgreSQL: the search vector in the same statement, so each entry gets one new row version
        for chunk in _chunks(rows, 1000):
            values = ", ".join(["(%s::bigint, %s::bigint, %s::bigint)"] * len(chunk))
            cursor.execute(
                f"UPDATE library_entry SET theme_bits = v.themes, facet_code = v.code, search_vector = "
                f"setweight(to_tsvector('english'::regconfig, CASE WHEN {_BRIEF_SQL} THEN '' "
                f"ELSE COALESCE(text, '') END), 'A') || "
                f"setweight(to_tsvector('english'::regconfig, COALESCE(review_title, '')), 'B') "
                f"FROM (VALUES {values}) AS v(themes, code, id) WHERE library_entry.id = v.id",
                [value for row in chunk for value in row],
            )
        if len(ids) >= 1000:  # a bulk load: the planner's statistics would be far from the table
            cursor.execute("ANALYZE library_entry")


# Entry.is_brief in SQL, for the search vector
_BRIEF_SQL = (
    "library_entry.partnership_id IS NULL AND "
    "COALESCE(array_length(regexp_split_to_array(btrim(COALESCE(text, '')), '\\s+'), 1), 0) <= 2"
)


def _chunks(items, size=900):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def index_entries(entries):
    """Bring the full-text index and the filters' bits up to date for these entries (after they, their
    themes and their sectors were saved)."""
    entries = list(entries)
    if not entries:
        return
    refresh_facets([e.pk for e in entries])  # on PostgreSQL it writes the search vector too
    if is_postgres():
        return
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(e.pk,) for e in entries])
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, text, title) VALUES (%s, %s, %s)",
            [(e.pk, document_text(e), e.review_title) for e in entries],
        )


def unindex_entries(ids):
    ids = list(ids)
    if ids and not is_postgres():
        with connection.cursor() as cursor:
            cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk in ids])


# --- searching ---------------------------------------------------------------------------------------------

# What each match brings back besides its key and score: the filters' values, counted in Python.
FACET_FIELDS = ("theme_bits", "facet_code", "review_type")
# The filters count the best this many matches; a search with more counts all of them only in its total.
COUNTED_MATCHES = 1000


@dataclass
class Matches:
    """A search's matches: how many, one page of them best first, and the filters' values of the best
    COUNTED_MATCHES (all of them when there are no more)."""

    total: int
    page: int  # the page shown (the one asked for, within the pages there are)
    pages: int
    results: list  # [(entry id, score, snippet with the matched words marked)]
    columns: dict  # field name -> a tuple with one value per counted match
    counted: int  # how many matches the filters' counts are of
    page_theme_bits: list  # the theme bits of each of `results`


def search_entries(queryset, query, page, per_page):
    """The entries of `queryset` that match `query` (a parsed Query), best first; with no query, every
    entry of the queryset, newest first. At most two passes over the matches, both starting from the
    full-text index and checking each hit against the queryset's conditions (visibility, filters) by its
    key: one brings back the best COUNTED_MATCHES (or down to the page asked for) with their scores and
    the filters' values, from which the page and the filters' counts are made; the other counts every
    match, and is needed only when the first one was full. Snippets are made for the page only."""
    if query is None:
        found = queryset
        matched = found.annotate(score=Value(None, output_field=FloatField()))
        order = ("-year", "review_title", "pk")
    elif is_postgres():
        from django.contrib.postgres.search import SearchQuery, SearchRank

        search = SearchQuery(websearch_text(query), search_type="websearch", config="english")
        found = queryset.filter(search_vector=search)
        matched = found.annotate(score=SearchRank(F("search_vector"), search))
        order = ("-score", "pk")
    else:
        # The full-text table joined to the entries (Django has no other way to join a virtual table):
        # SQLite starts from the MATCH and checks each hit's visibility by its key, in the narrow index
        # library_entry_search_cover rather than the entries' rows.
        found = queryset.extra(
            tables=[FTS_TABLE],
            where=[f"{FTS_TABLE}.rowid = library_entry.id", f"{FTS_TABLE} MATCH %s"],
            params=[fts5_expression(query)],
        )
        matched = found.extra(select={"score": f"-bm25({FTS_TABLE}, 1.0, 0.5)"})
        order = ("-score", "pk")
    page = max(1, page)
    total = None
    if page * per_page > COUNTED_MATCHES:  # a page past the counted matches: is there such a page?
        total = _count(found)
        page = min(page, max(1, -(-total // per_page)))
    names = ("pk", "score", *FACET_FIELDS)
    if is_postgres() and total is None:
        # PostgreSQL counts every match in the same scan that ranks them (SQLite cannot count beside bm25)
        matched = matched.annotate(found=Window(Count("*")))
        names = (*names, "found")
    rows = _fetch(matched.order_by(*order).values_list(*names)[: max(COUNTED_MATCHES, page * per_page)])
    if total is None:
        if len(rows) < COUNTED_MATCHES:
            total = len(rows)
        else:
            total = rows[0][-1] if names[-1] == "found" else _count(found)
        page = min(page, max(1, -(-total // per_page)))
    shown = rows[(page - 1) * per_page : page * per_page]
    ranked = [(pk, score) for pk, score, *_ in shown]
    snippets = _snippets(query, [pk for pk, _ in ranked]) if ranked and query is not None else {}
    counted = rows[:COUNTED_MATCHES]
    return Matches(
        total=total,
        page=page,
        pages=max(1, -(-total // per_page)),
        results=[(pk, score, snippets.get(pk, "")) for pk, score in ranked],
        page_theme_bits=[row[names.index("theme_bits")] for row in shown],
        columns=_columns(counted, names),
        counted=len(counted),
    )


def _fetch(queryset):
    """The rows of a values_list queryset straight from the cursor: no per-row work in the ORM."""
    with connection.cursor() as cursor:
        cursor.execute(*_sql(queryset))
        return cursor.fetchall()


def _count(queryset):
    sql, params = _sql(queryset.order_by().values_list("pk"))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) AS matches", params)
        return cursor.fetchone()[0]


_FROM_ENTRIES_AND_FTS = f'FROM "library_entry" , "{FTS_TABLE}"'


def _sql(queryset):
    """The queryset's SQL; on SQLite, joined to the full-text table, told to find each match in the narrow
    index: the planner cannot know without statistics that it holds one row per key."""
    sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
    if not is_postgres() and _FROM_ENTRIES_AND_FTS in sql:
        sql = sql.replace(
            _FROM_ENTRIES_AND_FTS, f'FROM "library_entry" INDEXED BY library_entry_search_cover , "{FTS_TABLE}"', 1
        )
    return sql, params


def _columns(rows, names):
    """{name: tuple of that column's values}, one transposition in C."""
    return dict(zip(names, zip(*rows))) if rows else {name: () for name in names}


def _snippets(query, ids):
    """{id: snippet with the matched words marked} for the page's entries."""
    if is_postgres():
        from django.contrib.postgres.search import SearchHeadline, SearchQuery

        from .models import Entry

        search = SearchQuery(websearch_text(query), search_type="websearch", config="english")
        return dict(
            Entry.objects.unscoped()
            .filter(pk__in=ids)
            .annotate(
                snippet=SearchHeadline(
                    "text",
                    search,
                    config="english",
                    start_sel=MARK_START,
                    stop_sel=MARK_END,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                )
            )
            .values_list("pk", "snippet")
        )
    with connection.cursor() as cursor:
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            f"SELECT rowid, snippet({FTS_TABLE}, 0, %s, %s, '…', 30) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({marks})",
            [MARK_START, MARK_END, fts5_expression(query), *ids],
        )
        return dict(cursor.fetchall())


def raw_search_sql(query, limit=20):
    """The full-text query alone, best first, with nothing of casereview around it (the benchmark's yardstick)."""
    if is_postgres():
        return (
            "SELECT id, ts_rank(search_vector, websearch_to_tsquery('english', %s)) AS score FROM library_entry "
            "WHERE search_vector @@ websearch_to_tsquery('english', %s) ORDER BY score DESC LIMIT %s",
            [websearch_text(query), websearch_text(query), limit],
        )
    return (
        f"SELECT rowid, bm25({FTS_TABLE}) AS score FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY score LIMIT %s",
        [fts5_expression(query), limit],
    )

"""Full-text search over library entries, on either database, behind one interface.

PostgreSQL: a tsvector column (English stemming) with a GIN index, queried with websearch syntax.
SQLite: an FTS5 table (Porter stemming) whose rowid is the entry's id, kept in step by `index_entries`.
Callers see only `parse_query`, `index_entries`, `unindex_entries`, `matching_ids_sql` and `rank_page`."""

import re
from dataclasses import dataclass

from django.db import connection

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
    return entry.text


def create_fts_table(schema_editor=None):
    cursor_owner = schema_editor.connection if schema_editor else connection
    if cursor_owner.vendor != "sqlite":
        return
    with cursor_owner.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(text, title, tokenize='porter unicode61')"
        )


def index_entries(entries):
    """Bring the full-text index up to date for these entries (after they were saved)."""
    entries = list(entries)
    if not entries:
        return
    if is_postgres():
        from django.contrib.postgres.search import SearchVector

        from .models import Entry

        ids = [e.pk for e in entries]
        Entry.objects.filter(pk__in=ids).update(
            search_vector=SearchVector("text", weight="A", config="english")
            + SearchVector("review_title", weight="B", config="english")
        )
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


def filter_matching(queryset, query):
    """The entries of `queryset` that match, unordered (for counts and facets)."""
    if is_postgres():
        from django.contrib.postgres.search import SearchQuery

        return queryset.filter(
            search_vector=SearchQuery(websearch_text(query), search_type="websearch", config="english")
        )
    from django.db.models.expressions import RawSQL

    return queryset.filter(
        pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [fts5_expression(query)])
    )


def rank_page(queryset, query, offset, limit):
    """[(entry id, score, highlighted snippet)] for one page of `queryset`'s matches, best first.
    The score is larger for a better match on both databases."""
    if is_postgres():
        return _rank_page_postgres(queryset, query, offset, limit)
    expression = fts5_expression(query)
    # The full-text table joined to the entries (Django has no other way to join a virtual table): SQLite
    # then starts from the MATCH and checks each hit's visibility by its key, instead of first listing
    # every visible entry.
    ranked = list(
        queryset.extra(
            select={"score": f"-bm25({FTS_TABLE}, 1.0, 0.5)"},
            tables=[FTS_TABLE],
            where=[f"{FTS_TABLE}.rowid = library_entry.id", f"{FTS_TABLE} MATCH %s"],
            params=[expression],
        )
        .order_by("-score", "pk")
        .values_list("pk", "score")[offset : offset + limit]
    )
    if not ranked:
        return []
    with connection.cursor() as cursor:
        # snippets only for the page: making one for every match would cost more than the search itself
        marks = ", ".join(["%s"] * len(ranked))
        cursor.execute(
            f"SELECT rowid, snippet({FTS_TABLE}, 0, %s, %s, '…', 30) FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({marks})",
            [MARK_START, MARK_END, expression, *[pk for pk, _ in ranked]],
        )
        snippets = dict(cursor.fetchall())
    return [(pk, score, snippets.get(pk, "")) for pk, score in ranked]


def _rank_page_postgres(queryset, query, offset, limit):
    from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
    from django.db.models import F

    search = SearchQuery(websearch_text(query), search_type="websearch", config="english")
    ranked = list(
        queryset.filter(search_vector=search)
        .annotate(score=SearchRank(F("search_vector"), search))
        .order_by("-score", "pk")
        .values_list("pk", "score")[offset : offset + limit]
    )
    if not ranked:
        return []
    headlines = dict(
        # unscoped: headlines for the keys just ranked from `queryset`, which is already scoped
        queryset.model.objects.unscoped()
        .filter(pk__in=[pk for pk, _ in ranked])
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
    return [(pk, score, headlines.get(pk, "")) for pk, score in ranked]


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

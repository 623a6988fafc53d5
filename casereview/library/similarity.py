"""Which past reviews are most like a new case: plain BM25 (rank-bm25) over each review's text (its summary,
learning points and recommendations), with English stemming, plus the themes both suggest. Each result
says why it matched: the themes in common and the words that weighed most. Measured by
benchmarks/library.py (recall@5 on incident summaries written by a safeguarding professional)."""

import re
from dataclasses import dataclass, field

import snowballstemmer
from rank_bm25 import BM25Okapi

from .themes import suggest_themes

_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[a-z][a-z'’-]+")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours out over own same she should so some such than that the their theirs
    them themselves then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours was were been being child children's children
    review reviews case year years old aged age month months week weeks time told said also one two three
    january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday""".split()
)
# (the months and days: two reviews were "similar" for sharing "december", walkthrough 11, finding 15)
# Words that weigh in the ranking but say nothing to a chair as a reason: everyday English and the words of
# almost every case review ("the child died", "in care", "abuse suspected", "looked after"). A reason shows
# at most SHOWN_WORDS of the others, after the themes in common.
REASON_STOPWORDS = frozenset(
    """day days date dated died die dies death deaths dead care cared caring suspected suspect suspicion looked
    look looking after found find home house family families mother father parent parents carer carers school
    police hospital health social worker workers agency agencies concern concerns concerned seen known reported
    report reports later first last taken went made many may might new well early late life living lived
    serious seriously harm harmed abuse abused neglect incident incidents information support supported
    service services professional professionals practitioner practitioners local partnership safeguarding
    baby babies young person people boy girl son daughter brother sister sibling siblings local authority""".split()
)
SHOWN_WORDS = 3
# a shared theme is worth this many BM25 points: the reviewer's own criterion 1 (similar harm, child, family,
# practice failing) is what themes encode, so they count beside the words.
THEME_WEIGHT = 1.5


def terms(text):
    words = [w.strip("'’-") for w in _WORD.findall((text or "").lower())]
    return [_STEMMER.stemWord(w) for w in words if w and w not in STOPWORDS and len(w) > 2]


@dataclass
class Candidate:
    key: str
    title: str
    text: str
    themes: set = field(default_factory=set)
    payload: object = None


@dataclass
class Match:
    candidate: Candidate
    score: float
    shared_themes: list
    shared_words: list


def most_similar(text, candidates, limit=5, theme_weight=THEME_WEIGHT):
    """The `limit` candidates most like `text`, best first, each with its reasons."""
    candidates = [c for c in candidates if c.text.strip()]
    query = terms(text)
    if not candidates or not query:
        return []
    tokenised = [terms(c.title + " " + c.text) for c in candidates]
    bm25 = BM25Okapi(tokenised)
    scores = bm25.get_scores(query)
    query_themes = set(suggest_themes(text))
    words_of = _surface_words(text)
    results = []
    for candidate, tokens, score in zip(candidates, tokenised, scores):
        themes = candidate.themes or set(suggest_themes(candidate.text))
        shared = sorted(query_themes & themes)
        total = float(score) + theme_weight * len(shared)
        if total <= 0:
            continue
        token_set = set(tokens)
        weighted = sorted(
            {t for t in query if t in token_set},
            key=lambda t: -bm25.idf.get(t, 0),
        )
        results.append(Match(candidate, total, shared, _telling_words(weighted, words_of)))
    results.sort(key=lambda m: -m.score)
    return results[:limit]


def _telling_words(stems, words_of):
    """The shared words worth showing as a reason, rarest first: none of REASON_STOPWORDS, SHOWN_WORDS at most."""
    shown = []
    for stem in stems:
        word = words_of.get(stem, stem)
        if word in REASON_STOPWORDS or stem in REASON_STOPWORDS or len(word) < 4:
            continue
        shown.append(word)
        if len(shown) == SHOWN_WORDS:
            break
    return shown


def _surface_words(text):
    """stem -> a word of the text that has it, so a reason reads 'fractures', not 'fractur'."""
    found = {}
    for word in _WORD.findall((text or "").lower()):
        word = word.strip("'’-")
        found.setdefault(_STEMMER.stemWord(word), word)
    return found

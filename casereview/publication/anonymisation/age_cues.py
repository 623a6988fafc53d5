"""Ages by where the sentence or the table puts them (issue 16, helper anon12): recall.

- a number right after a person's name and a separator, ending the phrase, is the person's age: "Kashif Rauf,
  19"", "Tyrell Mortimer. 22.", ""Bart", 22, Polish national", "Patryk Kowal, 13 | School", "Ellis Rowe | 9 |",
  "Amani Wanjiru (she/her), 16 years", "Nathan Coombe, twenty-three.";
- the rest of a list after "aged": "aged 5, 7 and 9";
- an age by a word of judging or claiming before it: "a man of 22" (in capitals too), "likely to be 17",
  "presented as 16", "believed was 15", "(he said 18)", "since I was ten";
- in a message, a number after a name the passage holds, or after "hes"/"she's"/"the lad's": "jaz 13",
  "summers 11", "that lad's 20".
"""

import re

from .patterns import prefilter_patterns
from .span_index import SpanIndex

NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
)
AGE_VALUE = rf"(?:\d{{1,2}}|{NUMBER_WORD})(?:[ \t]+(?:months?|weeks?))?"  # ("16 years": the labels take "16")
PHRASE_END = r"(?=[ \t]*(?:[.,](?!\d)|[;|)\"'”’!?\n]|$|(?i:who|and|or|years?|yrs?|old|lives|is|was|from|at)\b))"
AFTER_NAME_RE = re.compile(
    rf"[\"”’']?(?:[ \t]*\([^()\n]{{1,20}}\))?(?:,|[ \t]*\|[ \t]*|\.(?=[ \t]\d)|\t)[ \t]*({AGE_VALUE}){PHRASE_END}",
    re.M,
)
AFTER_NAME_FIRST = frozenset(",|.\t \"”’'(")  # (the first character AFTER_NAME_RE can match)
AGED_LIST_RE = re.compile(r"\b(?i:aged)[ \t]+\d{1,2}((?:,[ \t]*\d{1,2})*(?:,?[ \t]+(?:and|&)[ \t]+\d{1,2}))\b")
LIST_NUMBER_RE = re.compile(r"\d{1,2}")
JUDGED_RE = re.compile(
    rf"\b(?i:(?:man|woman|girl|boy|male|female|lad|youth|adult|child)[ \t]+of"
    rf"|likely[ \t]+to[ \t]+be|presented[ \t]+as|presents[ \t]+as|believed[ \t]+(?:was|is|to[ \t]+be)"
    rf"|(?:he|she|they)[ \t]+said|claims?[ \t]+to[ \t]+be|claimed[ \t]+to[ \t]+be"
    rf"|(?:since|when|until|till)[ \t]+(?:I|he|she|they)[ \t]+(?:was|were|turned))"
    rf"[ \t]+({AGE_VALUE}){PHRASE_END}"
)
MESSAGE_AGE_RE = re.compile(
    r"(?<![\w'’])([a-z][a-z'’]{1,15})[ \t]+(\d{1,2})(?=[ \t]*(?:$|\n|[.,!?]|[^\x00-\x7f]|[ \t]+(?:she|he|and|ffs|lol|"
    r"innit|tho|x+)\b))",
    re.M,
)
SAID_AGE_WORDS = frozenset("hes shes he's she's he’s she’s lad's lads girl's boy's guy's kid's".split())


def age_cue_finds(text, found):
    """AGE spans by the cues above that no found span already holds."""
    taken = SpanIndex(found)  # (a scan of every span for every candidate was quadratic on a long table)

    def free(start, end):
        return not taken.overlaps(start, end)

    cells_may_be_ages = _table_has_age_column(text)
    for start, end, kind, *_ in found:
        if kind not in ("PERSON", "OTHER"):
            continue
        if text[end : end + 1] not in AFTER_NAME_FIRST:
            continue
        m = AFTER_NAME_RE.match(text, end)
        if m and not cells_may_be_ages and ("|" in m.group() or "\t" in m.group()):
            continue  # "| Levi Price | 3 | High |" under "Children": a count, not an age
        if m and free(*m.span(1)):
            yield m.start(1), m.end(1), "AGE", "rule"
    for m in AGED_LIST_RE.finditer(text):
        for number in LIST_NUMBER_RE.finditer(text, m.start(1), m.end(1)):
            if free(*number.span()):
                yield number.start(), number.end(), "AGE", "rule"
    for m in JUDGED_RE.finditer(text):
        if free(*m.span(1)):
            yield m.start(1), m.end(1), "AGE", "rule"
    if ":" in text:
        names = {text[s:e].lower() for s, e, kind, *_ in found if kind == "PERSON" and " " not in text[s:e]}
        for m in MESSAGE_AGE_RE.finditer(text):
            word = m.group(1).lower()
            bare = re.sub(r"['’]?s$", "", word)
            if (word in SAID_AGE_WORDS or word in names or bare in names) and free(*m.span(2)):
                yield m.start(2), m.end(2), "AGE", "rule"


HEADER_CELL_RE = re.compile(r"[|\t][ \t]*(?i:age|aged|age \(years\))[ \t]*(?=[|\t\n]|$)|^(?i:age)[ \t]*[|\t]", re.M)


def _table_has_age_column(text):
    """True unless the passage's table has a header row without an "Age" column (a table with no header, as a
    contact list writes it, may hold ages)."""
    headers = [
        line
        for line in text.splitlines()
        if (line.count("|") >= 2 or line.count("\t") >= 2) and not any(c.isdigit() for c in line)
    ]
    return not headers or any(HEADER_CELL_RE.search(line) for line in headers)


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

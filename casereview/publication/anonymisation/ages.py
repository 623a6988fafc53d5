"""Ages written beside what they belong to (issue 16, seventh round, helper anon7): a number is an age by its
place in the text, not by a word next to it.

- a table's column headed "Age" holds an age in every row ("| Winnie Ward | mother | 34 |");
- a number in brackets or after a comma and before a dash, right after a person found ("Paddy Ward (24)",
  '"Agnieszka KAMINSKA" (22)', "Leon Adu-Boateng, 17 – has been");
- the second of two ages joined by "and" ("AGED 15 AND 16", "Amani was 7 and Jasper 4") and the numbers in
  brackets after a word for children ("two children (5 and 7)");
- an age as someone believes or claims it ("believed to be 19", "thought to be 17").
"""

import re

from .patterns import prefilter_patterns
from .structure import tables

NUMBER = r"(?:[1-9]\d?|0)"
AFTER_PERSON_RE = re.compile(
    rf"[\"”’']?(?:[ \t]*\(({NUMBER})\)|,[ \t]+({NUMBER})(?=[ \t]*(?:[–—]|-[ \t]|\)|;|$|\n)))", re.M
)
AND_AGE_RE = re.compile(
    rf"[ \t]+(?i:and|&)[ \t]+(?:[A-Z][a-z]+[ \t]+)?({NUMBER})"
    r"(?![\w:.,/]\d|[ \t]*(?:%|am|pm|hours?|mins?|minutes?|times|[A-Za-z]))"
)
CHILDREN_BRACKET_RE = re.compile(
    r"\b(?i:children|child|sons|daughters|boys|girls|kids|siblings|twins|grandchildren)[ \t]*"
    rf"\(({NUMBER}(?:[ \t]*(?:,|and|&)[ \t]*{NUMBER})+)\)"
)
BELIEVED_RE = re.compile(
    r"\b(?i:believed|thought|said|claimed|claims|understood|reported|known)[ \t]+(?i:to[ \t]+be)[ \t]+"
    r"(?:about[ \t]+|around[ \t]+)?"
    rf"({NUMBER})\b(?![ \t]*(?:%|am|pm|hours?|minutes?|times|miles|weeks?|days?|months?))(?![\w:./])"
)
AGE_HEADER_RE = re.compile(r"\b(?i:age)\b")


def age_finds(text, found):
    people = sorted((s, e) for s, e, k, *_ in found if k == "PERSON")
    ages = sorted((s, e) for s, e, k, *_ in found if k == "AGE")
    for _, end in people:
        m = AFTER_PERSON_RE.match(text, end)
        if m:
            group = 1 if m.group(1) else 2
            yield m.start(group), m.end(group), "AGE", "rule"
    for _, end in ages:
        m = AND_AGE_RE.match(text, end)
        if m and int(m.group(1)) < 120:
            yield m.start(1), m.end(1), "AGE", "rule"
    for m in CHILDREN_BRACKET_RE.finditer(text):
        for number in re.finditer(r"\d+", m.group(1)):
            yield m.start(1) + number.start(), m.start(1) + number.end(), "AGE", "rule"
    for m in BELIEVED_RE.finditer(text):
        yield m.start(1), m.end(1), "AGE", "rule"
    yield from _age_column_finds(text)


def _age_column_finds(text):
    """Every row's number under a header cell that says "Age" ("Age", "DOB / Age")."""
    if text.count("|") < 4 and "\t" not in text:
        return
    for table in tables(text):
        header = [text[a:b] for a, b in table[0]]
        columns = [i for i, cell in enumerate(header) if AGE_HEADER_RE.search(cell)]
        for row in table[1:]:
            for i in columns:
                if i >= len(row):
                    continue
                a, b = row[i]
                cell = re.fullmatch(rf"[ \t]*({NUMBER}(?:[ \t]*(?:y|yrs?|years?))?)[ \t]*", text[a:b])
                if cell:
                    yield a + cell.start(1), a + cell.end(1), "AGE", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

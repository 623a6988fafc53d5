"""Ages in the forms the other age rules do not read (issue 16, dev7 round, helper anon8). Each finder reads a kind
of text, not the wording of one passage:

- an age after a person found and a comma, in figures or words, with the school year or squad between
  ("Ruby Platt, twelve, Y8", "(Omar Dale, Y7, 11)", "Kit Moss (U12, 11)");
- an age in words or with a half in brackets after a person ("Mia Kerr (seven)", "Ava (two and a half)",
  "Finn (4½)");
- a span of years, months, weeks and days with no "and" between ("aged 3 months 12 days", "DOB 01/02/2020
  six years two months"), a half before a unit ("2½ years"), "Age 14 m";
- Welsh ages: "7 oed", "11 mis oed", "8 mis";
- the answer to "how old is ...?" on the next line of a transcript ("Caller: Six.", "PC: She's nine.");
- a CSV column headed by an age ("age", "age_at_referral").
"""

import csv
import io
import re

from .patterns import prefilter_patterns
from .span_index import SpanIndex

WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen)"
)
NUMBER = rf"(?:[1-9]\d?½?|{WORD_NUMBER}(?:[ \t]+and[ \t]+a[ \t]+half)?)"
UNIT = r"(?:years?|yrs?|months?|mths?|weeks?|wks?|days?)"
# after a person: ", twelve," / ", Y8, 12)" / " (U14, 13)" / " (seven)"
AFTER_PERSON_RE = re.compile(
    rf"(?:,[ \t]+(?:(?:Y|Yr|Year[ \t]?)\d{{1,2}},[ \t]+)?|[ \t]*\((?:(?:Y|Yr|U)\d{{1,2}},[ \t]+)?)"
    rf"(?i:({NUMBER}))(?=[ \t]*(?:[,)\];]|$|\n|[–—]))",
    re.M,
)
SPAN_RE = re.compile(
    rf"(?i:\b(?:aged|age)[ \t]+)?\b((?:\d{{1,2}}|{WORD_NUMBER})[ \t]+(?i:{UNIT})[ \t]+(?:\d{{1,2}}|{WORD_NUMBER})"
    rf"[ \t]+(?i:{UNIT}))\b"
)
# (not a check named by the age it is due at: "the 2½ year review")
HALF_UNIT_RE = re.compile(
    rf"(?<![\w/])(\d{{1,2}}½[ \t]+(?i:{UNIT}))\b(?![ \t-]+(?i:check|review|development|assessment|visit|contact))"
)
AGE_M_RE = re.compile(r"\b(?i:age)[ \t:]+(\d{1,2}[ \t]?m)\b")
WELSH_RE = re.compile(r"(?<![\w/])(\d{1,2}[ \t]+(?:mis[ \t]+oed|oed|mis))\b")
HOW_OLD_RE = re.compile(
    r"(?i:how old (?:is|was|are)\b)[^\n?]*\?[ \t]*\n[ \t]*[^\n:]{1,20}:[ \t]*"
    rf"(?:(?i:she|he|they)['’](?:s|re)[ \t]+|(?i:she|he)[ \t]+is[ \t]+)?"
    rf"(?i:({NUMBER}))\b(?![ \t]*(?i:{UNIT}|o['’]clock))"
)
CSV_AGE_HEADER_RE = re.compile(r"(?i)^[ \t]*\"?age(?:_[a-z_]+)?\"?[ \t]*$")


def age_form_finds(text, found):
    # (an age found already may be the first part of a longer one: "aged 3 months" of "aged 3 months 12 days")
    taken = SpanIndex((s, e) for s, e, k, *_ in found if k in ("DATE", "DATE_OF_BIRTH", "PHONE", "ADDRESS"))
    for start, end, kind, *_ in found:
        if kind == "PERSON" and not _inside(taken, end - 1):  # (not a street the model took for a name)
            m = AFTER_PERSON_RE.match(text, end)
            if m and not _inside(taken, m.start(1)):
                yield m.start(1), m.end(1), "AGE", "rule"
    for pattern in (SPAN_RE, HALF_UNIT_RE, AGE_M_RE, WELSH_RE, HOW_OLD_RE):
        for m in pattern.finditer(text):
            if not _inside(taken, m.start(1)):
                yield m.start(1), m.end(1), "AGE", "rule"
    yield from _csv_age_finds(text)


def _inside(spans, position):
    return spans.contains(position)


def _csv_age_finds(text):
    """Every row's number under a CSV header cell naming an age."""
    if text.count(",") < 6:
        return
    lines = text.splitlines(keepends=True)
    offset, column = 0, None
    for line in lines:
        cells = _csv_cells(line)
        if column is None:
            columns = [i for i, (a, b) in enumerate(cells) if CSV_AGE_HEADER_RE.match(line[a:b])]
            if columns and len(cells) >= 3:
                column = columns[0]
        elif len(cells) >= 3 and column < len(cells):
            a, b = cells[column]
            cell = re.fullmatch(r"[ \t]*\"?(\d{1,2})\"?[ \t]*", line[a:b])  # (quoted or not)
            if cell:
                yield offset + a + cell.start(1), offset + a + cell.end(1), "AGE", "rule"
        elif not line.strip():
            column = None
        offset += len(line)


def _csv_cells(line):
    """The (start, end) of each comma-separated cell of a line, quotes respected."""
    if line.count(",") < 2:
        return []
    try:
        next(csv.reader(io.StringIO(line)))
    except (csv.Error, StopIteration):
        return []
    cells, start, quoted = [], 0, False
    for i, char in enumerate(line.rstrip("\r\n")):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            cells.append((start, i))
            start = i + 1
    cells.append((start, len(line.rstrip("\r\n"))))
    return cells


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

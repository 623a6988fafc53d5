"""Ages by where they stand, in the shapes the other age rules leave (issue 16, helper anonrecall12): recall. Each
finder reads a kind of text, not the wording of one passage:

- after a person found and a comma, with its unit or none, in digits or in words, "then" before it, ending the
  phrase ("Nathan Coombe, twenty-three.", "Esme, then seven months, was", "Oakley Whitby, 4 months at the time",
  "Patryk Kowal, 13 | School");
- after a date of birth ("DOB 03.07.2011, 14 years", "claimed DOB 01/01/2009 (16)");
- in a table's cell after the cell that holds a person's name ("Ellis Rowe | 9 | Pennycross Primary");
- said of someone in a message, the apostrophe left out ("hes 13", "shes 11", "that lad's 20");
- when someone was a given age ("since I was ten", "when she was 12");
- an age in months or weeks after "then" or "at" ("at nine weeks she had been seen"), not a time span;
- an OCR'd age, l for 1 and O for 0 ("age l5", "Age lO", "7 rnonths").

An approximate age ("about 14", "nearly 5") is left, as the labels leave it.
"""

import re

from .patterns import prefilter_patterns
from .span_index import SpanIndex

TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    rf"seventeen|eighteen|nineteen|{TENS}(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
DIGITS = r"(?:[1-9]\d?)(?![\d:/.,]\d|\d)"
NUMBER = rf"(?:{DIGITS}|(?i:{WORD_NUMBER})(?![\w-]))"
UNIT = r"(?i:years?|yrs?|months?|mths?|weeks?|wks?|days?)(?:[ \t]+(?i:old|of[ \t]+age))?"
# what ends the phrase an age stands alone in
PHRASE_END = (
    r"(?=[ \t]*(?:[.;:|)\n]|,[ \t]|$|[ \t]+(?i:at[ \t]+the[ \t]+time|and|who|whom|which|was|is|had|has|lives)\b))"
)
NOT_A_SPAN_AFTER = (
    r"(?![ \t]+(?i:ago|later|before|after|earlier|pregnant|gestation|into|of|in|on|from|since|prison|custody"
    r"|behind|ahead|delay|delayed|late|overdue|sentence|order|licence|programme|course|placement))"
)

AFTER_PERSON_RE = re.compile(
    rf"(?:[ \t]*\([^()\n]{{1,30}}\))?,[ \t]+(?:(?i:then|now|aged|age)[ \t]+)?({NUMBER}(?:[ \t]+{UNIT})?)"
    rf"{NOT_A_SPAN_AFTER}{PHRASE_END}"
)
AFTER_BIRTH_RE = re.compile(rf"(?:,[ \t]+|[ \t]+\()({DIGITS}(?:[ \t]+{UNIT})?)(?=[ \t]*(?:[).,;|\n]|$))")
CELL_RE = re.compile(rf"[ \t]*[|;\t][ \t]*\"?({NUMBER})\"?(?=[ \t]*(?:[|;\t]|$|;))", re.M)
MESSAGE_RE = re.compile(
    r"(?<![\w'’])(?i:hes|shes|he['’]s|she['’]s|he[ \t]+is|she[ \t]+is|(?:lad|girl|boy|kid|man)['’]s)[ \t]+"
    rf"({DIGITS})(?![ \t]*(?:%|[:.]\d|(?i:am|pm|mins?|minutes?|hours?|hrs?|mile|miles|ft|foot|feet|stone|st|kg|quid"
    r"|pounds|p|weeks|months|days|times|grand|k|mg|ml|cm|inches)\b))"
    r"(?=[ \t]*(?:$|[\n.,!?;)\]]|[ \t]+[a-z]|[ \t]+\W))",
    re.M,
)
WHEN_WAS_RE = re.compile(
    r"\b(?i:since|when|until|by[ \t]+the[ \t]+time)[ \t]+(?i:i|he|she|they|we|you)[ \t]+"
    r"(?i:was|were|turned|got[ \t]+to)"
    rf"[ \t]+({NUMBER}(?:[ \t]+{UNIT})?)(?![ \t]*(?:%|[:.]\d|(?i:am|pm|o['’]clock|mins?|minutes?|hours?)\b))"
)
MONTHS_AT_RE = re.compile(
    rf"\b(?i:then)[ \t]+({NUMBER}[ \t]+(?i:months?|weeks?|days?)(?:[ \t]+old)?)\b{NOT_A_SPAN_AFTER}"
    rf"|\b(?i:at)[ \t]+({NUMBER}[ \t]+(?i:weeks?|days?)[ \t]+old)\b"
)
OCR_AGE_RE = re.compile(
    r"\b(?i:age|aged)[ \t]+((?=[0-9lIO]{1,2}\b)(?=\S*[lIO])[1-9lI][0-9lIO]?)\b"
    r"|\b([1-9]\d?[ \t]+(?:rnonths?|rnths|yeārs))\b"
)


def age_context_finds(text, found):
    """AGE spans for the shapes the module's note lists."""
    spans = {(s, e, k) for s, e, k, *_ in found}  # (the rules find many spans twice)
    people = sorted((s, e) for s, e, k in spans if k == "PERSON")
    taken = SpanIndex(spans)
    for _, end in people:
        m = AFTER_PERSON_RE.match(text, end)
        if m and _plausible(m.group(1)) and not taken.overlaps(*m.span(1)):
            yield m.start(1), m.end(1), "AGE", "rule"
    for _, end, kind in spans:
        if kind == "DATE_OF_BIRTH":
            m = AFTER_BIRTH_RE.match(text, end)
            if m and _plausible(m.group(1)) and not taken.overlaps(*m.span(1)):
                yield m.start(1), m.end(1), "AGE", "rule"
    if "|" in text or "\t" in text or ";" in text:
        yield from _cell_finds(text, people, taken)
    for pattern in (MESSAGE_RE, WHEN_WAS_RE, MONTHS_AT_RE):
        for m in pattern.finditer(text):
            group = m.lastindex
            if _plausible(m.group(group)) and not taken.overlaps(*m.span(group)):
                yield m.start(group), m.end(group), "AGE", "rule"
    for m in OCR_AGE_RE.finditer(text):
        group = 1 if m.group(1) else 2
        if group == 2 or not taken.overlaps(*m.span(group)):  # ("age 7 rnonths": the number alone was taken)
            yield m.start(group), m.end(group), "AGE", "rule"


def _cell_finds(text, people, taken):
    """A bare number in the cell after a cell that is a person's name: the table's age column."""
    rows = {}
    for start, end in people:
        line_start = text.rfind("\n", 0, start) + 1
        if line_start not in rows:
            line_end = text.find("\n", end)
            line = text[line_start : line_end if line_end != -1 else len(text)]
            rows[line_start] = max(line.count("|"), line.count("\t"), line.count(";")) >= 2
        if not rows[line_start]:
            continue  # not a table's row
        cell_start = text[line_start:start].rstrip(' "')
        if cell_start and cell_start[-1] not in "|;\t":
            continue  # the name is not its cell's whole
        m = CELL_RE.match(text, end + (1 if text[end : end + 1] == '"' else 0))
        if m and _plausible(m.group(1)) and not taken.overlaps(*m.span(1)) and _age_column(text, line_start, m):
            yield m.start(1), m.end(1), "AGE", "rule"


def _age_column(text, line_start, m):
    """Whether the cell is in a column the table's heading row calls an age, or the table has no heading row
    (a heading row: the first row of the block, of the same number of cells, with no digit in the cell)."""
    separator = text[m.start() : m.start(1)].strip(' "')[:1]
    row = text[line_start : m.start()]
    column = row.count(separator) + 1  # (the match opens with the separator before the cell)
    cells = text[line_start:].split("\n", 1)[0].count(separator)
    first = line_start
    while first > 0:
        previous = text.rfind("\n", 0, first - 1) + 1
        line = text[previous : first - 1]
        if line.count(separator) != cells:
            break
        first = previous
    if first == line_start:
        return True
    heading = text[first:].split("\n", 1)[0].split(separator)
    cell = heading[column].strip().lower() if column < len(heading) else ""
    return (
        any(ch.isdigit() for ch in cell)
        or not cell
        or any(AGE_HEADING_RE.fullmatch(p.strip()) for p in cell.split("/"))
    )


# a heading cell that names an age: "Age", "Aged", "Age (years)", "Age/DOB", "Current age" (not "Stage", "Page",
# "Manager", "Average", "Language", which hold the letters)
AGE_HEADING_RE = re.compile(
    r"(?:(?:approx(?:imate|\.)?|current|child['’]s|estimated)[ \t]+)?(?:age|aged|ages)"
    r"(?:[ \t]*\((?:years?|yrs?|y|months?|at[^)]*)\)|[ \t]+(?:in[ \t]+years|now|at[ \t].*))?"
)


def _plausible(age):
    number = age.split()[0]
    return not number.isdigit() or 0 < int(number) < 110


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

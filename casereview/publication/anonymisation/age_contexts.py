"""Ages by where they stand, in the shapes the other age rules leave (issue 16, helpers anon12 and anonrecall12,
folded into one module by anonfix12): recall. Each finder reads a kind of text, not the wording of one passage:

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

and, by cue:
- a number right after a person's name and a separator, ending the phrase, is the person's age: "Kashif Rauf,
  19"", "Tyrell Mortimer. 22.", ""Bart", 22, Polish national", "Patryk Kowal, 13 | School", "Ellis Rowe | 9 |",
  "Amani Wanjiru (she/her), 16 years", "Nathan Coombe, twenty-three.";
- the rest of a list after "aged": "aged 5, 7 and 9";
- an age by a word of judging or claiming before it: "a man of 22" (in capitals too), "likely to be 17",
  "presented as 16", "believed was 15", "(he said 18)";
- in a message, a number after a name the passage holds, or after "hes"/"she's"/"the lad's": "jaz 13",
  "summers 11", "that lad's 20".
"""

import re

from . import ocr
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
    r"\b(?i:since|when|until|till|by[ \t]+the[ \t]+time)[ \t]+(?i:i|he|she|they|we|you)[ \t]+"
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


AGE_VALUE = rf"(?:\d{{1,2}}|{WORD_NUMBER})(?:[ \t]+(?:months?|weeks?))?"  # ("16 years": the labels take "16")
CUE_PHRASE_END = r"(?=[ \t]*(?:[.,](?!\d)|[;|)\"'”’!?\n]|$|(?i:who|and|or|years?|yrs?|old|lives|is|was|from|at)\b))"
AFTER_NAME_RE = re.compile(
    rf"[\"”’']?(?:[ \t]*\([^()\n]{{1,20}}\))?(?:,|[ \t]*\|[ \t]*|\.(?=[ \t]\d)|\t)[ \t]*({AGE_VALUE}){CUE_PHRASE_END}",
    re.M,
)
AFTER_NAME_FIRST = frozenset(",|.\t \"”’'(")  # (the first character AFTER_NAME_RE can match)
AGED_LIST_RE = re.compile(r"\b(?i:aged)[ \t]+\d{1,2}((?:,[ \t]*\d{1,2})*(?:,?[ \t]+(?:and|&)[ \t]+\d{1,2}))\b")
LIST_NUMBER_RE = re.compile(r"\d{1,2}")
JUDGED_RE = re.compile(
    rf"\b(?i:(?:man|woman|girl|boy|male|female|lad|youth|adult|child)[ \t]+of"
    rf"|likely[ \t]+to[ \t]+be|presented[ \t]+as|presents[ \t]+as|believed[ \t]+(?:was|is|to[ \t]+be)"
    rf"|(?:he|she|they)[ \t]+said|claims?[ \t]+to[ \t]+be|claimed[ \t]+to[ \t]+be)"
    rf"[ \t]+({AGE_VALUE}){CUE_PHRASE_END}"
)
MESSAGE_AGE_RE = re.compile(
    r"(?<![\w'’])([a-z][a-z'’]{1,15})[ \t]+(\d{1,2})(?=[ \t]*(?:$|\n|[.,!?]|[^\x00-\x7f]|[ \t]+(?:she|he|and|ffs|lol|"
    r"innit|tho|x+)\b))",
    re.M,
)
SAID_AGE_WORDS = frozenset("hes shes he's she's he’s she’s lad's lads girl's boy's guy's kid's".split())


def _cue_finds(text, found):
    """AGE spans by the cues after a name, a list, a judging word or a message's word (anon12's)."""
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


def age_context_finds(text, found):
    """AGE spans for the shapes the module's note lists (the cues' first: the shapes after see what they found)."""
    cues = list(_cue_finds(text, found))
    yield from cues
    yield from _context_finds(text, found + cues)


def _context_finds(text, found):
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
    scanned = None
    for m in OCR_AGE_RE.finditer(text):
        group = 1 if m.group(1) else 2
        if group == 1 and not any(c.isdigit() for c in m.group(1)):
            # ("Age ll is not how we write ages": letters alone are an age only in a passage with other signs of
            # a scan, a digit read as a letter elsewhere)
            if scanned is None:
                scanned = sum(1 for _ in ocr.number_fixes(text)) >= 1
            if not scanned:
                continue
        if group == 2 or not taken.overlaps(*m.span(group)):  # ("age 7 rnonths": the number alone was taken)
            yield m.start(group), m.end(group), "AGE", "rule"


def _cell_finds(text, people, taken):
    """A bare number in the cell after a cell that is a person's name: the table's age column."""
    rows, firsts = {}, {}
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
        if m and _plausible(m.group(1)) and not taken.overlaps(*m.span(1)) and _age_column(text, line_start, m, firsts):
            yield m.start(1), m.end(1), "AGE", "rule"


def _age_column(text, line_start, m, firsts):
    """Whether the cell is in a column the table's heading row calls an age, or the table has no heading row
    (a heading row: the first row of the block, of the same number of cells, with no digit in the cell)."""
    separator = text[m.start() : m.start(1)].strip(' "')[:1]
    row = text[line_start : m.start()]
    column = row.count(separator) + 1  # (the match opens with the separator before the cell)
    cells = text[line_start:].split("\n", 1)[0].count(separator)
    first = line_start
    while first > 0:
        if (first, separator, cells) in firsts and first != line_start:
            first = firsts[first, separator, cells]  # (the block's first row, found for a row before: linear)
            break
        previous = text.rfind("\n", 0, first - 1) + 1
        line = text[previous : first - 1]
        if line.count(separator) != cells:
            break
        first = previous
    firsts[line_start, separator, cells] = first
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

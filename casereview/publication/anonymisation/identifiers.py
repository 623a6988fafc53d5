"""What someone is known by that is not their name: a handle given after its platform, a vehicle's
registration in its older and spoken shapes, a worker's log-in in an export's column (issue 16, helper anon9).

- "Instagram bigdomz_", "Snapchat: 3mo_sam", "(TikTok sk8rkels)": the word after a platform's name is a handle
  when it is shaped like one (a digit, an underscore or a dot in it, or an @ before it);
- "R452 KHV" (a letter, up to three digits, three letters), "FY16 0RK" (a nought for an O), "B-D-seven-two,
  K-X-P" (letters and digits said one by one);
- initials a transcript's key gives to someone named by title and surname ("Speakers: AM = PC Morris"), wherever
  the transcript writes them ("AM: Police, open the door", "exhibit AM/1");
- a nickname made of "Big", "Lil", "Mummy" or "Daddy" and a name or a letter ("Big Al", "Lil Reub", "Mummy T");
- an export whose header names a column "recorded_by", "user", "entered by", "author": each row's cell there
  ("CHolroyd", "AJaffar", "lizdolan") is the worker's log-in, and "by lizdolan" after an export's time.
"""

import csv
import io
import re

from .patterns import prefilter_patterns
from .vocabulary import COMMON_CAPITALISED

PLATFORMS = r"(?:Instagram|Insta|Snapchat|TikTok|Tiktok|Twitter|Facebook|Messenger|Telegram|Kik|Discord|YouTube)"
AFTER_PLATFORM_RE = re.compile(
    rf"\b{PLATFORMS}(?P<cue>[ \t]+(?:name|handle|account|username|user))?(?P<colon>[ \t]*[:(])?[ \t]*[\"“']?"
    r"(?P<handle>@?[A-Za-z0-9][\w.]{2,29})(?![\w@])"
)
OLD_REG_RE = re.compile(r"(?<![\w-])[A-HJ-PR-Y][1-9]\d{0,2}[ ][A-Z]{3}(?![\w-])")
# a current registration with a nought read or typed for an O: "FY16 0RK"
NOUGHT_REG_RE = re.compile(r"(?<![\w-])[A-Z]{2}\d{2}[ ](?=[A-Z0]{3}(?![\w-]))(?=[^ ]*0)[A-Z0]{3}")
# a nickname made of "Big", "Lil", "Mummy" or "Daddy" and a name or a letter: "Big Al", "Lil Reub", "Mummy T"
NICKNAME_RE = re.compile(
    r"(?<![\w'’-])(?:Big|Lil|Mummy|Daddy)[ \t]+"
    r"(?!(?:Ben|Brother|Issue|Lottery|Society|Apple|Bang|Picture|Top|Bus)\b)"
    r"[A-Z](?:[a-z]{1,9})?(?![\w'’-])"
)
SPOKEN_LETTER = r"(?:[A-Z]|zero|oh|one|two|three|four|five|six|seven|eight|nine)"
SPOKEN_REG_RE = re.compile(rf"(?<![\w-])[A-Z]-[A-Z](?:-{SPOKEN_LETTER}){{1,3}},?[ \t]+[A-Z]-[A-Z]-[A-Z](?![\w-])")
# a column of people or of their log-ins: "recorded_by", "Entered by", "Surname", "child_name", "Known as"
PERSON_HEADER_RE = re.compile(
    r"(?i)^[ \t\"]*(?:[a-z_ ]*_by|(?:recorded|entered|reported|logged|completed|updated|created)[ ]by"
    r"|user(?:_?name|_?id)?|author|staff_?id|(?:child_?|full_?|first_?|last_?|family_?|fore|sur|given_?)?name"
    r"|forenames?|surname|known[ _]as|lead[ _]professional)[ \t\"]*$"
)
# "Speakers: AM = PC Morris": initials a transcript's key gives to someone named by title and surname
DEFINED_INITIALS_RE = re.compile(
    r"(?<![\w/])(?P<initials>[A-Z]{2,3})[ \t]*=[ \t]*(?P<title>(?:PC|DC|DS|PS|Sgt|Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)"
    r"(?P<surname>[A-Z][a-z'’-]+)"
)
# "exported ... 09/02/2026 10:14 by lizdolan": the log-in after an export's time
EXPORTED_BY_RE = re.compile(
    r"(?i:exported|downloaded|printed|run)[^\n]{0,60}?\d{1,2}:\d{2}[ \t]+by[ \t]+(?P<user>[a-z]{4,}[a-z0-9._]*)\b"
)


def identifier_finds(text):
    if re.search(PLATFORMS, text):
        for m in AFTER_PLATFORM_RE.finditer(text):
            handle = m.group("handle")
            shaped = re.search(r"[\d_.]", handle.rstrip(".")) or handle.startswith("@")
            if shaped:
                if handle.rstrip(".") != handle:
                    yield m.start("handle"), m.end("handle") - (len(handle) - len(handle.rstrip("."))), "OTHER", "rule"
                else:
                    yield m.start("handle"), m.end("handle"), "OTHER", "rule"
    for pattern in (OLD_REG_RE, NOUGHT_REG_RE, SPOKEN_REG_RE, NICKNAME_RE):
        for m in pattern.finditer(text):
            yield m.start(), m.end(), "OTHER", "rule"
    if "," in text or ";" in text:
        yield from _column_finds(text)
    for m in EXPORTED_BY_RE.finditer(text):
        yield m.start("user"), m.end("user"), "OTHER", "rule"
    if "=" in text:
        for m in DEFINED_INITIALS_RE.finditer(text):
            initials = m.group("initials")
            surname = m.group("surname")
            if initials[-1] == surname[0] and surname not in COMMON_CAPITALISED:  # "AM = PC Morris"
                for mention in re.finditer(rf"(?<![\w]){initials}(?![a-zA-Z])", text):
                    yield mention.start(), mention.end(), "PERSON", "rule"


def _column_finds(text):
    """Each row's cell under a header naming people: a log-in ("CHolroyd") is what the worker is known by, a
    name ("Mark Speed", "Akinwale") is the person."""
    offset, columns, delimiter, width = 0, None, None, 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if columns is None:
            for delim in (",", ";"):
                cells = _cells(body, delim)
                hits = [i for i, (a, b) in enumerate(cells) if PERSON_HEADER_RE.match(body[a:b])]
                if hits and len(cells) >= 3 and not re.search(r"\d", body):  # (a header row holds no figures)
                    columns, delimiter, width = hits, delim, len(cells)
                    break
        elif not body.strip():
            columns = None
        else:
            cells = _cells(body, delimiter)
            if len(cells) < width:
                offset += len(line)
                continue
            for column in columns:
                a, b = cells[column]
                cell = CELL_RE.fullmatch(body, a, b)
                if not cell:
                    continue
                value = cell.group(1)
                if LOGIN_RE.fullmatch(value):
                    yield offset + cell.start(1), offset + cell.end(1), "OTHER", "rule"
                elif NAME_CELL_RE.fullmatch(value):
                    yield offset + cell.start(1), offset + cell.end(1), "PERSON", "rule"
        offset += len(line)


CELL_RE = re.compile(r"[ \t\"]*(\S(?:[^\"\n]{0,40}\S)?)[ \t\"]*")
LOGIN_RE = re.compile(r"[A-Z]{1,2}[A-Z][a-z]+[A-Za-z]*|[a-z]{2,}[a-z0-9._]*[a-z0-9]|[a-z]+\.[a-z]+")
NAME_CELL_RE = re.compile(r"(?:(?:Mr|Mrs|Ms|Miss|Dr|PC|DC)\.?[ ]+)?[A-Z][A-Za-z'’-]+(?:[ ][A-Z][A-Za-z'’.-]*){0,3}")


def _cells(line, delimiter):
    """The (start, end) of each cell of a delimited line, quotes respected."""
    if line.count(delimiter) < 2:
        return []
    try:
        next(csv.reader(io.StringIO(line), delimiter=delimiter))
    except (csv.Error, StopIteration):
        return []
    cells, start, quoted = [], 0, False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            cells.append((start, i))
            start = i + 1
    cells.append((start, len(line)))
    return cells


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

"""Small named places in a line typed in capitals (issue 16, helper anonrecall12): recall. Each finder reads a
kind of text, not the wording of one passage:

- in a line typed in capitals, a pub's or a venue's name after "AT THE", "TO THE", "OUTSIDE THE": two words
  joined by "AND" ("THE CROWN AND ANCHOR") or a word before a venue's kind ("THE MALL", "WINTER GARDENS").

Tried and left out: any capitalised run of two or more words after a preposition of place or movement ("taken to
Hollybank Emergency Placement", "robbery at Shopping City"), less people, agencies, services, courts, regions and
towns. On the sets it was built from it found 1 place for 6 false alarms ("referral to Liverpool Careline",
"Talking Therapies", "via Russia and France", "Third to Fifth Respondents"): services and places share the shape.
And "the" before a place found taken into its span ("at [the Golden Fleece]"): 7 places found on the sets it was
built from (some sets label "the Swan", others "Swan"), none on the sets it was checked on, and it broke the
convention the older tests hold ("the [Red Lion public house]") and made "the Audi" a place.
"""

import re

from .patterns import prefilter_patterns
from .span_index import SpanIndex

LINE_RE = re.compile(r"[^\n]+")
CAPITALS_PLACE_RE = re.compile(
    r"(?<![\w'’])(?:AT|TO|OUTSIDE|FROM|IN|NEAR|INSIDE|BEHIND|OPPOSITE|VISITED|ATTENDS)[ ]+"
    r"((?:THE[ ]+)?(?:[A-Z][A-Za-z'’]+[ ]+(?:AND|&)[ ]+[A-Z][A-Za-z'’]+"
    r"|[A-Z][A-Za-z'’]+[ ]+(?:ARMS|INN|TAVERN|MALL|GARDENS|PIER|ARCADE|LOUNGE|CHAPEL|TABERNACLE|ASSEMBLY)"
    r"(?:[ ]+[A-Z][A-Za-z'’]+)?|THE[ ]+(?:MALL|PIER|ARCADE)[ ]+[A-Z][A-Za-z'’]+))"
    r"(?=[ ]*(?:[,.;:)\n]|$|[ ]+(?:SINCE|ON|AT|WITH|AND|FOR|WHERE|WHEN|BEFORE|AFTER|BY)\b))",
    re.M,
)


def place_run_finds(text, found):
    """PLACE spans for the shapes the module's note lists."""
    taken = SpanIndex([(s, e) for s, e, *_ in found])
    for line in LINE_RE.finditer(text) if CAPITALS_PLACE_RE.search(text) else ():
        if not _mostly_capitals(line.group()):
            continue
        for m in CAPITALS_PLACE_RE.finditer(text, line.start(), line.end()):
            if not taken.overlaps(*m.span(1)) or _only_inside_people(found, *m.span(1)):
                yield m.start(1), m.end(1), "PLACE", "rule"


def _mostly_capitals(line):
    """Words in capitals and hardly a word in lower case (names the capitals rules wrote in Title Case count as
    neither: "CALL TO THE CROWN AND ANCHOR, Woolwich High Street: Destiny ARGUING")."""
    words = re.findall(r"[^\W\d_]+", line)
    upper = sum(w.isupper() and len(w) > 1 for w in words)
    return upper >= 3 and sum(w.islower() for w in words) * 4 <= upper


def _only_inside_people(found, start, end):
    """Whether what overlaps the span is people alone (a capitals line's words the name rules took)."""
    return all(k == "PERSON" for s, e, k, *_ in found if s < end and start < e)


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

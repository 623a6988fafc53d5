"""Addresses the street list does not end (issue 16, helper anon10). A house number written before capitalised
words makes them a street even when its last word is one a park, a heath or a bank ends with ("5 Carnagat Park",
"9 Brindle Heath", "7 Meadow Bank", "5 Brindle Fold"): named alone those are places, with a number they are where
someone lives. And a message typed in lower case shortens the street as people type it ("meet me cowpen rd",
"22 moorside rd", "manningham ln").
"""

import re

from .patterns import prefilter_patterns

PLACE_LAST_WORDS = (
    r"(?:Park|Heath|Fold|Bank|Fields|Garth|Side|Lanes|Dale|Leys|End|Common|Moor|Lea|Nook|Grange|Drove|Hey|Carr|"
    r"Brae|Loan|Ridge|Knoll|Glade|Dene|Holme|Ings|Hollow|Orchard|Paddock|Spinney|Copse|Meadow|Pastures)"
)
NUMBERED_PLACE_STREET_RE = re.compile(
    r"(?<![\w£$/.:,-])(?<!Junction )(?<!Year )(?<!Route )(?<!Platform )(?<!Level )(?<!Gate )(?<!Bus )(?<!No\. )"
    rf"\d{{1,4}}[A-Za-z]?[ \t]+(?:[A-Z][a-z'’-]+[ \t]+){{1,2}}{PLACE_LAST_WORDS}(?![\w'’-])"
)
LOWER_STREET_RE = re.compile(
    r"(?<![\w'’-])(?:\d{1,4}[a-z]?[ \t]+)?[a-z][a-z'’-]{2,}(?:[ \t]+[a-z][a-z'’-]{2,})?"
    r"[ \t]+(?:rd|ln|ave|cres)(?![\w'’-])"
)
# words before "rd" that make it something else: "the 3rd", "a ... ave" in a message
NOT_A_STREET_WORD = frozenset("the and for you your was our get got off out not but its".split())


def house_number_finds(text, found):
    taken = [(s, e) for s, e, *_ in found]
    for m in NUMBERED_PLACE_STREET_RE.finditer(text):
        if not any(s <= m.start() and m.end() <= e for s, e in taken):
            yield m.start(), m.end(), "ADDRESS", "rule"
    for m in LOWER_STREET_RE.finditer(text):
        words = m.group().split()
        if any(w in NOT_A_STREET_WORD for w in words[:-1]):
            continue
        if not any(s <= m.start() and m.end() <= e for s, e in taken):
            yield m.start(), m.end(), "ADDRESS", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

"""Named places the keyword rules leave half-found (issue 16, seventh round, helper anon7). Each finder reads a
kind of text, not the wording of one passage:

- a business or a site named after its street ("Dewsbury Road Pizza", "Soho Road Cost Cutter", "Wynyard
  Road Primary Care Centre", "Cold Harbour Lane Traveller site"): the street is found as an address, and the
  capitalised words or the kind of site right after it finish the setting's name;
- a venue written before its address, as a log's location field or a visit's heading writes it ("Location:
  The Moon Under Water, Deansgate, Manchester M3 2BW", "visit – The Black Bull, 33 Market Place"): the name
  before the address is the place, and a street named alone between it and the town is part of the address;
- a setting named before a kind written in lower case that the other rules do not read ("Busy Bees
  Colchester nursery", "the Hasland allotments", "Pen-y-bont industrial estate", "the Whinmoor Beck site").
"""

import re

from .names import forenames
from .patterns import prefilter_patterns
from .rules import KEYWORD_KINDS, KEYWORD_RE, STREET_RE
from .span_index import SpanIndex
from .vocabulary import COMMON_CAPITALISED, ETHNICITIES, GENERIC_SERVICE_WORDS

WORD = r"[A-Z][\w'’-]*"
# the words that may finish a name after its street: capitalised words, "&" and "and" between them, or a
# kind of site in lower case
STREET_TAIL_RE = re.compile(
    rf"[ \t]+((?:[Tt]raveller |[Tt]ransit |caravan )?site|(?:{WORD}(?:[ \t]+(?:&|and)[ \t]+|[ \t]+)){{0,3}}{WORD})\b"
)
NOT_IN_A_TAIL = frozenset(
    """The A An And Or But On In At To From By With Of For Is Was Has Had Mum Dad Mother Father Nan Police
    Council Ward Flat Unit House Tel Telephone Mobile Email Ref Date Time Age DOB Previous School GP""".split()
)
MONTHS_AND_DAYS = frozenset(
    """January February March April May June July August September October November December Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun""".split()
)
PLACE_LABELS = frozenset({"GPE", "LOC", "PERSON", "NORP", "DATE", "TIME"})


def street_named_settings(text, found, labels):
    """A setting named after the street it stands on: the street found alone (no house number) and the name's
    other words right after it, on the same line."""
    taken = _starts(found)
    for start, end, kind, *_ in found:
        if kind != "ADDRESS" or any(c.isdigit() for c in text[start:end]) or "\n" in text[start:end]:
            continue
        if (
            not STREET_RE.search(text, max(start, end - 12), end)
            or STREET_RE.search(text, max(start, end - 12), end).end() != end
        ):
            continue
        tail = STREET_TAIL_RE.match(text, end)
        if tail is None:
            continue
        words = tail.group(1).split()
        if tail.start(1) in taken and taken[tail.start(1)] != "PLACE":
            continue  # a person, a postcode or another setting begins there
        if any(w in NOT_IN_A_TAIL or w in MONTHS_AND_DAYS or STREET_RE.fullmatch(w) for w in words):
            continue  # "Soho Road Police Station" is read by the keyword rules; "Hyde Road Flat 3" an address
        if words[0][0].isupper() and (
            any(labels.get(i) in PLACE_LABELS for i in range(tail.start(1), tail.end(1)))
            or re.match(r"[ \t,]*(?:[A-Z]{1,2}\d|\d)", text[tail.end(1) : tail.end(1) + 6])
        ):
            continue  # "Grange Road Leeds", "Hyde Road Manchester M12": the town after the street
        if words[-1] != "site" and KEYWORD_RE.search(tail.group(1)) is None:
            continue  # "Grange Road Leeds": without a kind of setting the words after a street are its town
        yield start, tail.end(1), _kind_of(tail.group(1)), "rule"


def _kind_of(words):
    kinds = {KEYWORD_KINDS[m.group()] for m in KEYWORD_RE.finditer(words)}
    return next((k for k in ("HEALTH_SETTING", "SCHOOL") if k in kinds), "PLACE")


def _starts(found):
    return {start: kind for start, end, kind, *_ in found}


# A venue's name opening a field or a line, then a comma and where it is.
VENUE_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=:)|(?<=[–—-])|(?<=\bat))[ \t]*"
    rf"((?:The[ \t]+)?{WORD}(?:[ \t]+(?:{WORD}|and|&|of|on|in|the)){{0,5}}),[ \t]+"
)
STREET_ALONE_RE = re.compile(rf"({WORD}(?:[ \t]+{WORD})?),[ \t]+{WORD}(?:[ \t]+{WORD})?[ \t]+$")


def venue_before_address_finds(text, found):
    """'Location: The Moon Under Water, Deansgate, Manchester M3 2BW': a name before an address written on one
    line is the venue there, and a street named alone just before the town and postcode is the address."""
    spans = sorted((s, e, k) for s, e, k, *_ in found)
    index = SpanIndex(spans)
    for start, end, kind in spans:
        if kind not in ("ADDRESS", "POSTCODE"):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        head = text[line_start:start]
        if kind == "POSTCODE":
            street = STREET_ALONE_RE.search(head)
            if street is None or index.overlaps(line_start + street.start(1), start):
                continue
            name_words = street.group(1).split()
            if any(w in COMMON_CAPITALISED or w in MONTHS_AND_DAYS for w in name_words):
                continue
            street_start = line_start + street.start(1)
            yield street_start, line_start + street.end(1), "ADDRESS", "rule"
            head = text[line_start:street_start]
        venue = None
        for m in VENUE_RE.finditer(head):
            if m.end() == len(head):
                venue = m
        if venue is None:
            continue
        venue_start, venue_end = line_start + venue.start(1), line_start + venue.end(1)
        if any(s < venue_end and e > venue_start for s, e, _ in spans):
            continue  # a person or a setting already found there
        words = venue.group(1).split()
        if words[-1] in COMMON_CAPITALISED or any(w.lower() in GENERIC_SERVICE_WORDS for w in words if w != "The"):
            continue
        if len(words) == 1:
            continue  # one word before an address is a town, a district, a kind ("Foyer") or a person's name
        yield venue_start, venue_end, "PLACE", "rule"


# a setting named before a kind of place in lower case the other rules do not read
LOWER_KINDS = {
    "nursery": "SCHOOL",
    "pre-school": "SCHOOL",
    "preschool": "SCHOOL",
    "playgroup": "SCHOOL",
    "allotments": "PLACE",
    "allotment": "PLACE",
    "industrial estate": "PLACE",
    "trading estate": "PLACE",
    "retail park": "PLACE",
    "business park": "PLACE",
    "site": "PLACE",
    "traveller site": "PLACE",
    "caravan site": "PLACE",
    "footpath": "PLACE",
    "car park": "PLACE",
    "services": "PLACE",
    "boxing club": "PLACE",
    "youth club": "PLACE",
    "skate park": "PLACE",
}
LOWER_KIND_RE = re.compile(
    rf"\b({WORD}(?:[ \t]+{WORD}){{0,2}})[ \t]+("
    + "|".join(sorted(map(re.escape, LOWER_KINDS), key=len, reverse=True))
    + r")\b"
)
NOT_BEFORE_A_KIND = frozenset(
    """The A An This That Our Your My His Her Their Its Local Council Police School Church Community Traveller
    Travellers Gypsy Roma Irish Facebook Instagram Snapchat TikTok WhatsApp Google Web NHS""".split()
)


def lower_kind_setting_finds(text, found, labels):
    """'Busy Bees Colchester nursery', 'at the Hasland allotments', 'Pen-y-bont industrial estate': capitalised
    words before a kind of place in lower case, mid-sentence, are that place's name."""
    for m in LOWER_KIND_RE.finditer(text):
        words = m.group(1).split()
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()].rstrip()
        if not before or before[-1] in ".!?:":
            continue  # at a sentence's start the capital says nothing
        if words[0] in NOT_BEFORE_A_KIND:
            words = words[1:]
        if not words or any(
            w in NOT_BEFORE_A_KIND or w in MONTHS_AND_DAYS or w in ETHNICITIES or w.lower() in GENERIC_SERVICE_WORDS
            for w in words
        ):
            continue
        start = m.start(1) if len(words) == len(m.group(1).split()) else text.index(words[0], m.start(1) + 1)
        if words[0] in forenames()[0] or re.search(r"['’]s?$", words[-1]):
            continue  # "saw Ellie Jones nursery staff", "Kaiya's nursery": a person's, not a name
        if all(w in COMMON_CAPITALISED for w in words):
            continue
        yield start, m.end(2), LOWER_KINDS[m.group(2)], "rule"


# A field whose label is a kind of setting holds that setting's name, as a form or a letterhead writes it.
SETTING_FIELD_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=\t)|(?<=   )|(?<=· )|(?<=\| ))[ \t]*"
    r"(?P<label>(?i:(?:Registered |Current |Previous |New |Former )?(?:GP|GP practice|GP surgery|Practice|Surgery|"
    r"School|Nursery|College|Hospital|Education setting|Setting)))[ \t]*:[ \t]*"
    r"(?P<value>[A-Z][^\n\t;|·]*?)(?=[ \t]*(?:$|\n|\t| {2,}|;|\||·|[ \t]\(|,[ \t]*(?:tel|Tel|TEL)\b))",
    re.M,
)
NAME_CONNECTORS = frozenset({"of", "and", "the", "for", "at", "in", "on", "y", "yr", "upon", "le", "de"})
FIELD_KINDS = {"gp": "HEALTH_SETTING", "practice": "HEALTH_SETTING", "surgery": "HEALTH_SETTING",
               "hospital": "HEALTH_SETTING"}  # fmt: skip
NOT_A_SETTING_VALUE_RE = re.compile(
    r"^(?:Dr|Mr|Mrs|Ms|Miss|Year|Y\d|Yes|No|None|Not|N/?A|Unknown|TBC|Home|Awaiting|Pending|Same|See|Nil)\b", re.I
)


def setting_field_finds(text, found):
    """'GP: Newland Group Medical Practice', 'Previous school: Ashgate Secondary': the value of a field labelled
    by a kind of setting is that setting, whatever words its name is made of."""
    spans = [(s, e, k) for s, e, k, *_ in found]
    for m in SETTING_FIELD_RE.finditer(text):
        value = m.group("value").rstrip(" ,.")
        if not value or NOT_A_SETTING_VALUE_RE.match(value) or len(value.split()) > 7:
            continue
        start, end = m.start("value"), m.start("value") + len(value)
        if any(s <= start < e and k == "PERSON" for s, e, k in spans) and not KEYWORD_RE.search(value):
            continue  # "GP: Amir Khan": a doctor's name; "GP: Newland Group Medical Practice" is a practice
        words = re.findall(r"[A-Za-z'’]+", value)
        if any(w[0].islower() and w not in NAME_CONNECTORS for w in words):
            continue  # "GP: seen, no concerns": what the GP did, in a chronology's cell
        if len(words) == 1 and words[0] in MONTHS_AND_DAYS | {"Seen", "Attended", "Letter", "Phone", "Visit"}:
            continue
        if all(w.lower() in GENERIC_SERVICE_WORDS or w in COMMON_CAPITALISED for w in words):
            continue  # "School: Primary School", "GP: Local practice"
        label = m.group("label").split()[-1].lower()
        yield start, end, FIELD_KINDS.get(label, "SCHOOL"), "rule"


SETTING_TYPES = frozenset({"PLACE", "SCHOOL", "HEALTH_SETTING"})
ON_STREET_RE = re.compile(r"[ \t]+(?:on|off)[ \t]+")


def setting_on_street_finds(text, found):
    """'the Kingdom Hall on Northgate Street', 'behind the Co-op on Shirley Road': a setting and the street it
    stands on are where it is, one place; replaced whole, the street does not outlive its setting."""
    streets = {s: e for s, e, k, *_ in found if k == "ADDRESS" and not any(c.isdigit() for c in text[s:e])}
    for start, end, kind, *_ in found:
        if kind not in SETTING_TYPES:
            continue
        gap = ON_STREET_RE.match(text, end)
        if gap and gap.end() in streets and "\n" not in text[start : streets[gap.end()]]:
            yield start, streets[gap.end()], kind, "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

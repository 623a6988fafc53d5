"""An address is the whole span from the building to the postcode (issue 16, helper anonrecall12): recall on the
shapes of address the street rules leave in pieces. Each finder reads a kind of text, not the wording of one
passage:

- the comma- or line-separated parts written before a postcode, back to the building's or house's name: "Gwen
  Pritchard, Tyddyn Isaf, Llanrug, LL55 4AB", an address block "Bryn Eithin\\n4 Ffordd Glyder\\nBethesda\\nLL57 3AN";
- a house's or building's name written before an address found ("of The Old Forge, 2 Mill Lane", "Maes-y-Dre, 5
  Heol y Gogledd"), and a Welsh house name by its own first word ("Bwthyn y Ffridd", "Glan yr Afon", "Tyddyn
  Isaf, Llanrug");
- a street named alone after the setting that stands on it ("Greggs, High Street", "the Tap and Spile on
  Bondgate", "Boots on North End");
- a numbered street in capitals ("58 DICKSON ROAD", "AT 7 LORENZO CLOSE"), and the number and first words of a
  street whose middle word is itself a street word ("31 Spring Gardens Lane");
- a foreign address by its own postcode's shape: French, German, Spanish, Italian "75011 Paris", Polish
  "00-950 Warszawa", Dutch "1012 AB Amsterdam", Irish Eircodes "D02 X285", with the street before it.

Nothing here runs over a span another rule found (a person, a setting): the parts before a postcode stop at one,
so a setting before its address keeps its own kind and replacement.
"""

import re

from .known_settings import TOWNS
from .names import forenames, surnames
from .patterns import prefilter_patterns
from .role_nouns import ROLE_NOUNS
from .span_index import SpanIndex
from .vocabulary import COMMON_CAPITALISED, STREET_SUFFIXES

# small words inside a house's, a street's or a town's name ("Bwthyn y Ffridd", "Stratford upon Avon", "rue de
# la Paix"), and the foreign street words a segment may open with in lower case
PARTICLES = frozenset(
    "y yr 'r ’r 'n ’n a de la le les du des van der den von am im di del della da do dos das e upon on under by "
    "in w i na".split()
)
FOREIGN_STREET_WORDS = frozenset(
    """rue avenue av. boulevard bd bd. place chemin allée impasse quai route calle c/ avenida plaza paseo via viale
    piazza corso strada straße strasse str. platz weg gasse allee ulica ul. ulicy aleja al. plac osiedle os.
    bulevardul bulevard rruga sokak sokağı caddesi cad. cd. rua travessa largo praça straat laan gracht plein
    utca út tér""".split()
)
# a word that ends a setting's or an agency's name: a segment holding one is no part of an address
NOT_ADDRESS_WORDS = frozenset(
    """Council Police Trust NHS Services Service Partnership Board Team Department Office Constabulary Authority
    Surgery Practice Hospital School Academy College Nursery Clinic Centre Church Ltd LLP Limited Solicitors
    Agency Safeguarding Unit Court Tribunal Dear Re Subject From To Cc Sent Date Tel Telephone Email Mobile
    Address Home Private Confidential Postcode""".split()
)
# the first word of a Welsh house's or farm's name (a hill, a house, a field, a cottage, a farm, a smallholding,
# a bank, a hall, a summer dwelling...): with the name after it, an address
WELSH_HOUSE_WORDS = (
    "Bryn|Tŷ|Ty|Maes|Bwthyn|Fferm|Tyddyn|Glan|Plas|Hafod|Hendre|Llys|Cae|Bron|Pant|Nant|Coed|Ffridd|Gwern|"
    "Pen|Bod|Cefn|Rhos|Erw|Gorwel|Min|Tan|Pengwern|Ysgubor|Gwel|Fron"
)
# the first words that only a house or a farm begins with ("Tyddyn Isaf", "Fferm Ty'n y Maes"); the others are
# also forenames, surnames or English words ("Bryn Jones", "Tan Wei", "Pen Picture") and need an address's
# context: a house number, a town or postcode after, an address field before
DWELLING_ONLY_WORDS = frozenset("Tŷ Bwthyn Fferm Tyddyn Plas Hafod Hendre Llys Ffridd Pengwern Ysgubor Gorwel".split())
WELSH_HOUSE_RE = re.compile(
    rf"(?<![\w'’-])(?:{WELSH_HOUSE_WORDS}|(?-i:{WELSH_HOUSE_WORDS.upper()}))"
    r"(?:(?:[ -](?:y|yr|'r|’r|'n|’n|Y|YR|'N|’N|'R|’R))?[ -](?:[A-Z][\w'’]+))+"
    r"(?=[ \t]*(?:,[ \t]*[A-Z0-9]|\n[ \t]*[A-Z0-9]|[.;)]|$))",
    re.M,
)

SEGMENT_WORD_RE = re.compile(r"[\w'’./&-]+")
SEPARATOR_BEFORE_RE = re.compile(r"(?:,[ \t]+|,?[ \t]*\n[ \t]*)$")
# what may stand before a Welsh house's name: a line's or a field's start, a comma, a word of where someone is
BOUNDARY_OR_PART_RE = re.compile(r"(?:^|[(:,–—-][ \t]*|\b(?i:at|of|to|from|in|into|is|as|round to)[ \t]+)\Z", re.M)

# a foreign postcode and its town after a comma or a line break: "75011 Paris", "00-950 Warszawa",
# "1012 AB Amsterdam", "D02 X285" (an Eircode, with its town before or after it)
FOREIGN_POSTCODE_RE = re.compile(
    r"(?:,[ \t]*|\n[ \t]*|[ \t]+(?=\d{2}-\d{3}))"
    r"(?:(?:[A-Z]{1,2}-)?\d{5}|\d{2}-\d{3}|\d{4}[ ]?[A-Z]{2}(?![A-Za-z])|\d{4})"
    r"[ \t]+[A-ZÀ-Ž][\w'’-]+(?:[ -][A-ZÀ-Ž][\w'’-]+){0,2}(?:[ \t]+(?:Cedex|CEDEX)(?:[ \t]+\d{1,2})?)?"
    r"|(?:,[ \t]*|\n[ \t]*|(?i:eircode):?[ \t]*)"
    r"((?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ](?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])"
    r"[0-9AC-FHKNPRTV-Y]{4})(?![\w])"
)
# a street written before a foreign postcode: its number and its street word, in either order
FOREIGN_STREET_RE = re.compile(
    r"(?:\d{1,4}[A-Za-z]?(?:[ \t]?(?:bis|ter))?,?[ \t]+)?(?i:"
    + "|".join(sorted((re.escape(w) for w in FOREIGN_STREET_WORDS), key=len, reverse=True))
    + r")(?![\w])[ \t]+[\w'’. -]{1,40}?(?:[ \t]+\d{1,4}[A-Za-z]?(?:/\d{1,4})?)?$"
    r"|[A-ZÀ-Ž][\w'’-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|straat|laan|gracht|plein|vej|gatan|gata|"
    r"gade|veien|utca)[ \t]+\d{1,4}[A-Za-z]?$"
)

CAPITAL_STREETS = "|".join(
    s.upper() for s in STREET_SUFFIXES if s not in ("Court", "Green", "Hill", "Gate", "Park", "Hall")
)
# a numbered street in capitals: "58 DICKSON ROAD", "FLAT 3, 7 LORENZO CLOSE"
CAPITAL_STREET_RE = re.compile(
    rf"(?<![\w/.-])\d{{1,4}}[A-Z]?,?[ \t]+(?:[A-Z][A-Za-z'’-]+[ \t]+){{1,3}}(?:{CAPITAL_STREETS})(?![\w'’])"
)
# a street named alone in capitals after a word of position: "ON TALBOT ROAD", "NEAR FFORDD DERWEN"
CAPITAL_STREET_ALONE_RE = re.compile(
    r"(?<![\w'’])(?:ON|OFF|ALONG|NEAR|OPPOSITE|DOWN|INTO)[ \t]+"
    rf"((?:[A-Z][A-Za-z'’-]+[ \t]+){{1,3}}(?:{CAPITAL_STREETS})"
    r"|(?:FFORDD|HEOL|STRYD|LÔN|LON)[ \t]+[A-Z][A-Za-z'’-]+)(?![\w'’])"
)
# the number and first words before a street found from its middle: "31 Spring [Gardens Lane]"
NUMBER_WORDS_BEFORE_RE = re.compile(r"(?<![\w/.-])\d{1,4}[A-Za-z]?[ \t]+(?:[A-Z][a-z'’-]+[ \t]+){1,2}$")
# a street named alone after the setting on it: "Greggs, High Street", "the Tap and Spile on Bondgate"
STREET_WORDS = "|".join(sorted(STREET_SUFFIXES, key=len, reverse=True)) + "|Lanes|Boulevard|Broadway|End|Gait"
AFTER_SETTING_RE = re.compile(
    r"(?:[ \t]+(?:on|off)[ \t]+(?:the[ \t]+)?|,[ \t]+)"
    r"((?:[A-Z][a-z'’-]+[ \t]+){0,2}(?:[A-Z][a-z'’-]+gate|[A-Z][a-z'’-]+(?:[ \t]+(?:" + STREET_WORDS + r"))?))"
    r"(?=[ \t]*(?:[,.;:)\"”]|\n|$|[ \t]+(?:and|at|where|when|looking|in|on|for|to|with)\b))"
)
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# a street of one word ending "-gate" (the North's and the Midlands' old streets: "Kirkgate", "Bondgate"), or of
# "Lanes", after a word of position; a town of that shape is left ("in Harrogate", "on Margate seafront")
GATE_STREET_RE = re.compile(
    r"\b(?:on|along|off|down|up|onto|opposite|near)\s+([A-Z][a-z]{2,}gate|[A-Z][a-z]+[ ]Lanes)\b"
    r"(?![ \t]+(?:[A-Z]|beach|seafront|station|centre|shopping))"
)
# a building's street after it: "Flat 14, Marlborough Court, 6 Eastway"
NUMBER_STREET_AFTER_RE = re.compile(
    r",[ \t]+\d{1,4}[A-Za-z]?[ \t]+[A-Z][a-z'’-]+(?:[ ][A-Z][a-z'’-]+)?(?=[ \t]*(?:[,.;)\n]|$|[ ]+(?:on|in|at|for)\b))"
)
# a numbered Welsh street or close by its first word: "4 Bryn Estyn", "12 Maes y Dref"
NUMBERED_WELSH_RE = re.compile(
    rf"(?<![\w/.-])\d{{1,4}}[A-Za-z]?,?[ ]+(?:{WELSH_HOUSE_WORDS}|(?-i:{WELSH_HOUSE_WORDS.upper()}))"
    r"(?:[ ](?:y|yr|Y|YR))?[ ][A-Z][\w'’-]+"
)
NOT_A_STREET_WORDS = COMMON_CAPITALISED | frozenset(
    """Facebook Instagram Snapchat TikTok WhatsApp Teams Zoom Messenger Twitter YouTube Discord Telegram Signal
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Eid Diwali Universal Credit Section
    Level Floor Ward Site Estate Road""".split()
)


def whole_address_finds(text, found):
    """ADDRESS spans for the parts of addresses the other rules leave (see the module's note)."""
    spans = list({(s, e, k) for s, e, k, *_ in found})  # (the rules find many spans twice)
    # (a Welsh house or street that reads as a person gives way only to a person found over it: "Lon Smith,
    # Health Visitor" that no rule took for a person is still replaced, as an address)
    people = SpanIndex([(s, e) for s, e, k in spans if k == "PERSON"])
    welsh = [m.span() for m in WELSH_HOUSE_RE.finditer(text) if _welsh_house(text, m, people)]
    welsh.extend(m.span() for m in WELSH_STREET_RE.finditer(text) if _welsh_street(text, m, people))
    welsh_index = SpanIndex(welsh)
    others = SpanIndex(
        [(s, e) for s, e, k in spans if k not in ("ADDRESS", "POSTCODE") and not _within(welsh, welsh_index, s, e)]
    )
    addresses = [(s, e) for s, e, k in spans if k in ("ADDRESS", "POSTCODE")]
    new = [span for span in welsh if not others.overlaps(*span)]
    for m in FOREIGN_POSTCODE_RE.finditer(text):
        start = _foreign_street_start(text, m.start())
        if start is not None:
            new.append((start, m.end()))
        elif m.group(1):
            new.append(m.span(1))  # an Eircode: a postcode by itself, its parts before it found below
    not_people = SpanIndex([(s, e) for s, e, k in spans if k not in ("ADDRESS", "POSTCODE", "PERSON")])
    for m in CAPITAL_STREET_RE.finditer(text):  # (a number before and a street word after: a surname is a street's)
        if not not_people.overlaps(m.start(), m.end()):
            new.append((m.start(), m.end()))
    for m in CAPITAL_STREET_ALONE_RE.finditer(text):
        if not others.overlaps(m.start(1), m.end(1)):
            new.append((m.start(1), m.end(1)))
    for pattern in (GATE_STREET_RE,):
        for m in pattern.finditer(text):
            if m.group(1) not in TOWNS and not others.overlaps(*m.span(1)):
                new.append(m.span(1))
    for m in NUMBERED_WELSH_RE.finditer(text):
        if not not_people.overlaps(*m.span()):
            new.append(m.span())
    for start, end, kind in spans:
        if kind in ("PLACE", "SCHOOL", "HEALTH_SETTING"):
            m = AFTER_SETTING_RE.match(text, end)
            if m and _street_alone(m.group(1), text[end : m.start(1)]) and not others.overlaps(*m.span(1)):
                new.append(m.span(1))
    postcodes = {(s, e) for s, e, k in spans if k == "POSTCODE"}
    for start, end in addresses + new[:]:
        before = NUMBER_WORDS_BEFORE_RE.search(text, max(0, start - 40), start)
        if before and not others.overlaps(before.start(), start):
            new.append((before.start(), end))
            start = before.start()
        first, parts = _parts_before(text, start, others)
        if first < start and (parts > 1 or (start, end) not in postcodes):
            new.append((first, end))  # (a town alone before a postcode is no address: the labels leave towns)
    for start, end in addresses + new[:]:
        after = NUMBER_STREET_AFTER_RE.match(text, end)
        if after and not others.overlaps(end, after.end()) and not POSTCODE_START_RE.match(text, end):
            new.append((start, after.end()))
    for start, end in _unions(addresses, new):
        yield start, end, "ADDRESS", "rule"


POSTCODE_START_RE = re.compile(r",[ \t]+\d{1,2}[A-Z]{2}\b")


def _welsh_house_place(text, start):
    return BOUNDARY_OR_PART_RE.search(text[max(0, start - 20) : start]) is not None


def _welsh_house(text, m, people):
    """True when a Welsh house's name stands where an address does and is no person: never before a role
    ("Bryn Jones, Social Worker") nor with a listed name as its second word ("Referral from Bryn Evans"); a
    first word that is also a name or an English word needs an address's context after or before it."""
    if not _welsh_house_place(text, m.start()):
        return False
    words = re.split(r"[ -]", m.group())
    names = [w for w in words[1:] if w.lower() not in PARTICLES]
    if _role_after(text, m.end()) or (words[0].title() not in DWELLING_ONLY_WORDS and names and _listed_name(names[0])):
        return not people.overlaps(m.start(), m.end())
    return words[0].title() in DWELLING_ONLY_WORDS or _address_context(text, m.start(), m.end())


def _welsh_street(text, m, people):
    """True when a Welsh street's name is one: never before a role ("Lon Smith, Health Visitor"), and, when its
    name is a listed name ("Clos Smith attended"), only with an address's context."""
    listed = _listed_name(m.group().split()[-1])
    if _role_after(text, m.end()) or (listed and not _address_context(text, m.start(), m.end())):
        return not people.overlaps(m.start(), m.end())
    return True


HOUSE_NUMBER_BEFORE_RE = re.compile(r"(?<![\w/.-])\d{1,4}[A-Za-z]?,?[ \t]+$")
ADDRESS_FIELD_BEFORE_RE = re.compile(r"(?i:address|home address|lives at|living at)[ \t]*:?[ \t]*\n?[ \t]*$")
UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b"
# what follows a house's name in an address: a house number and street, a postcode, or a line of a town's name
ADDRESS_AFTER_RE = re.compile(
    rf"(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]+(?={UK_POSTCODE}))"
    rf"(?:\d{{1,4}}[A-Za-z]?,?[ \t]+[A-Z]|{UK_POSTCODE}"
    rf"|((?:[A-Z][\w'’-]+)(?:[ \t]+(?:[A-Z][\w'’-]+|upon|on|y|yr)){{0,2}})(?=[ \t]*(?:,|\n|$|[ \t]{UK_POSTCODE})))"
)
ROLE_AFTER_RE = re.compile(r"(?:,[ \t]*|[ \t]*\n[ \t]*|[ \t]*\(|[ \t]+[–—-][ \t]+)((?:[A-Za-z][\w'’-]*[ \t]*){1,3})")
ROLE_WORDS = frozenset(
    w.lower()
    for w in ROLE_NOUNS
    | set(
        """Worker Social Visitor Nurse Teacher Manager Lead Head Coordinator Co-ordinator Adviser Advisor GP DSL
        SENCO SENCo Designated Safeguarding Health Family Support Key Team Senior Deputy Assistant Director
        Principal Doctor Paediatric Police PC DC DS Sgt Inspector Detective Constable Worker Mentor Assessor
        Chair Manager Officer Practitioner Therapist Psychologist Psychiatrist""".split()
    )
)


def _role_after(text, end):
    m = ROLE_AFTER_RE.match(text, end)
    return bool(m and any(w.lower() in ROLE_WORDS for w in m.group(1).split()))


def _address_context(text, start, end):
    if HOUSE_NUMBER_BEFORE_RE.search(text, max(0, start - 8), start):
        return True
    line_start = text.rfind("\n", 0, max(0, text.rfind("\n", 0, start)))
    if ADDRESS_FIELD_BEFORE_RE.search(text, max(0, line_start + 1, start - 30), start):
        return True
    m = ADDRESS_AFTER_RE.match(text, end)
    if not m:
        return False
    town = m.group(1)
    return town is None or not any(w.lower() in ROLE_WORDS or w in COMMON_CAPITALISED for w in town.split())


def _listed_name(word):
    word = re.sub(r"['’]s$", "", word)
    return any(word in names or word.title() in names for names in (*forenames(), *surnames()))


def _within(spans, index, start, end):
    return index.overlaps(start, end) and any(s <= start and end <= e for s, e in spans)


def _unions(addresses, new):
    """The new spans, each joined with every address span it overlaps ("FLAT 3, 58 DICKSON" and "58 DICKSON
    ROAD" are one address); the old spans alone are not given again."""
    old = set(addresses)
    merged = []
    for start, end in sorted(set(addresses) | set(new)):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2] = merged[-1][2] or (start, end) not in old
        else:
            merged.append([start, end, (start, end) not in old])
    return [(s, e) for s, e, is_new in merged if is_new]


# a Welsh street named alone: "Lôn Ganol", "Heol y Gogledd", "Ffordd Derwen" (the numbered ones are the street
# rules')
WELSH_STREET_RE = re.compile(
    r"(?<![\w'’-])(?:\d{1,4}[a-zA-Z]?[ \t]+)?(?:Lôn|Lon|Heol|Ffordd|Stryd|Rhodfa|Teras|Cilgant|Llwyn|Clos)"
    r"(?:[ ](?:y|yr|'r|’r))?[ ][A-Z][\w'’-]+(?:[ ][A-Z][\w'’-]+)?(?![\w'’-])"
)


def _street_alone(words, gap):
    names = words.split()
    if any(w in NOT_A_STREET_WORDS or w.rstrip("s") in WEEKDAYS for w in names):
        return False
    if gap.startswith(","):
        return names[-1] in STREET_SUFFIXES or names[-1] in ("Lanes", "Broadway") or names[-1].endswith("gate")
    return True  # "the Co-op on Bondgate", "Boots on North End": what a setting stands "on" is its street


def _parts_before(text, start, others):
    """The start of the house's, building's or street's parts written before `start`, each after a comma or
    a line break, back to the line's start, a field's label or a word of where someone lives; `start` itself
    when there is none (a sentence's words, a person, a setting, an agency)."""
    first, parts = start, 0
    for _ in range(4):
        sep = SEPARATOR_BEFORE_RE.search(text, max(0, first - 6), first)
        if not sep or sep.start() == 0:
            break
        chunk_start = max(text.rfind("\n", 0, sep.start()) + 1, text.rfind(",", 0, sep.start()) + 1)
        while text[chunk_start : chunk_start + 1] in ('"', "“", "'", "(") and chunk_start < sep.start():
            chunk_start += 1  # a quoted cell: '"The Willows, 2 Arnold Lane"'
        chunk = text[chunk_start : sep.start()]
        if not chunk.strip():
            break
        whole = _address_part(chunk.strip())
        if not whole:
            tail = None
            for tail in BOUNDARY_WORD_RE.finditer(chunk):
                pass
            if tail is None or not _address_part(chunk[tail.end() :].strip()):
                break
            chunk_start += tail.end()
        segment_start = (
            chunk_start + len(text[chunk_start : sep.start()]) - len(text[chunk_start : sep.start()].lstrip())
        )
        if _overlaps(others, segment_start, sep.start()):
            break
        first, parts = segment_start, parts + 1
        if not whole:
            break
    return first, parts


BOUNDARY_WORD_RE = re.compile(r"(?:[(:–—][ \t]*|\b(?i:at|of|to|from|into|address|lives|living|resides|known as)[ \t]+)")


def _address_part(segment):
    words = SEGMENT_WORD_RE.findall(segment)
    if not words or len(words) > 5 or len(segment) > 50 or not (segment[0].isupper() or segment[0].isdigit()):
        return False
    if not any(w[0].isalpha() for w in words) or any(
        w in NOT_ADDRESS_WORDS or w in COMMON_CAPITALISED and w != "The" or w.rstrip("s") in WEEKDAYS for w in words
    ):
        return False
    if not all(w[0].isupper() or w[0].isdigit() or w.lower() in PARTICLES for w in words):
        return False
    return not any(ch in segment for ch in ':;@()[]|"“”')


def _foreign_street_start(text, postcode_start):
    line_start = text.rfind("\n", 0, postcode_start) + 1
    head = text[max(line_start, postcode_start - 60) : postcode_start]
    m = FOREIGN_STREET_RE.search(head)
    if m:
        return postcode_start - len(head) + m.start()
    return None


def _overlaps(spans, start, end):
    return spans.overlaps(start, end)


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

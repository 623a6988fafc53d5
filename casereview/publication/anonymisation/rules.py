"""Rules and validators for what a statistical model does not find reliably: structured identifiers
(NHS and National Insurance numbers, postcodes, phones, e-mails), exact dates and ages, streets, named
schools, health settings, hotels and other small places, ethnicity and religion.

Every finder takes the (cleaned) text and yields (start, end, type). Patterns are anchored on a literal or
a character class that is rare in prose, so the whole-text scans stay fast on a 300-page report."""

import re

from .patterns import alternation
from .vocabulary import (
    CHAINS,
    COMMON_CAPITALISED,
    ETHNICITIES,
    GENERIC_SERVICE_WORDS,
    HOTEL_CHAINS,
    INSTITUTION_KEYWORDS,
    LOWER_CASE_KEYWORDS,
    MIDDLE_WORDS,
    NOT_A_PLACE,
    NOT_AN_ADDRESS_LAST_WORDS,
    NUMBERED_WORDS,
    RELIGIONS,
    SHOPPING_CENTRES,
    STREET_SUFFIXES,
)

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:(?:19|20)\d\d|['’]\d\d)"
DATE_RE = re.compile(
    rf"\b(?:the\s+)?{DAY}\s+(?:of\s+)?(?:{MONTHS})\.?(?:,?\s+{YEAR})?\b"  # 14 March 2014, 3rd of Feb
    rf"|\b(?:{MONTHS})\.?\s+{DAY},?\s+{YEAR}\b"  # March 6, 2015
    r"|\b(?:[12]\d|3[01]|0?[1-9])([/.\-])(?:1[0-2]|0?[1-9])\1(?:(?:19|20)\d\d|\d\d)\b"  # 21/09/2017
    r"|\b(?:19|20)\d\d-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9])\b"  # 2008-09-14
)
BIRTH_CONTEXT = re.compile(r"(?:\bborn|date of birth|\bd\.?o\.?b\b\.?|\bbirth date|\bb\.)\W{0,4}(?:on\s+)?$", re.I)
MAY_AS_VERB = re.compile(r"\d\s+may\s", re.I)

NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|twenty-one|twenty-two|twenty-three|twenty-four|twenty-five"
)
AGE_NUM = rf"(?:\d{{1,2}}|{NUMBER_WORDS})"
AGE_UNIT = r"(?:years?|yrs?|months?|weeks?|days?)"
AGE_RE = re.compile(
    rf"\b{AGE_NUM}(?:\s+(?:and|or|to)\s+{AGE_NUM})?[\s-]+{AGE_UNIT}[\s-]+olds?\b"  # 15 year old, 4 months old
    rf"|\b{AGE_NUM}\s+years\s+of\s+age\b"
    rf"|(?<=\baged\s){AGE_NUM}(?:\s+{AGE_UNIT})?\b"
    rf"|(?<=\bage\s){AGE_NUM}\b(?!\s*(?:group|range|band|limit))"
    rf"|(?<=\bage of\s){AGE_NUM}\b"
    rf"|(?<=\(){AGE_NUM}\s+{AGE_UNIT}(?=\))"  # (18 months)
    rf"|(?<=\baged\s){AGE_NUM}\s+{AGE_UNIT}(?:\s+and\s+{AGE_NUM}\s+{AGE_UNIT})?"  # aged 2 years and 3 months
    rf"|\d{{1,2}}\s?(?:y/?o|yrs?)\b"  # 15yo, 15 y/o, 15yrs
    r"|(?<=\bage:\s)\d{1,2}\b|(?<=\bage:\t)\d{1,2}\b|(?<=\bage\t)\d{1,2}\b"
    r"|(?<=[A-Za-z]\s\()\d{1,2}(?=\))|(?<=\d{4}\s\()\d{1,2}(?=\))"  # Jade (14), DOB 01/02/2010 (13)
    rf"|(?<=\bturned\s){AGE_NUM}\b|(?<=\bages\s){AGE_NUM}(?:(?:,\s*|\s+and\s+){AGE_NUM})*\b"
    r"|(?<=[A-Za-z)],\s)\d{1,2}(?=[,)]|\.(?!\d))"  # Zainab Ahmed, 16, / (Chantelle Brooks, 19) / (aka X), 24.
    rf"|(?:(?<=\bwas\s)|(?<=\bis\s)|(?<=\bnow\s)|(?<=\bthen\s))(?:[1-9]\d?|{NUMBER_WORDS})\b(?![.,:/]?\d)"
    r"(?=\s+(?:at|and|when|in|but|on|during|years)\b|[,;)]|\.(?!\d))",
    re.I,
)
AGE_BLOCKERS = re.compile(r"\s*(?:%|per\b|times\b|occasions\b|minutes\b|hours\b|miles\b|pounds\b|kg\b|am\b|pm\b)")

EMAIL_RE = re.compile(r"[\w.+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE_RE = re.compile(r"(?<![\w+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w])")
INTERNATIONAL_PHONE_RE = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ -]?\(0\))?(?:[ -]?\d{2,5}){2,5}(?![\w])")
TEN_DIGITS_RE = re.compile(r"(?<![\w-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w-])")
NHS_CONTEXT = re.compile(r"NHS\s*(?:number|no\.?|#)?\W{0,3}$", re.I)
NINO_SHAPED_RE = re.compile(r"\b[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Z]\b")
ID_LABEL_RE = re.compile(
    r"\b(?:Hosp(?:ital)?\.? (?:No|Number)|MRN|PNC(?: (?:ID|No))?|CRO(?: No)?|UPN|ULN|Unique Pupil Number|CRN|"
    r"Patient ID|Case (?:No|Ref)|Crime (?:No|Ref(?:erence)?)|Custody (?:No|Record))"
    r"\.?\s*[:#]?\s*([A-Z0-9][A-Z0-9/-]{4,})\b",
)
# Shaped like a user name or a record number: letters with an underscore or a dot inside, or letters run
# into two or more digits ("deshawn_x7", "ShadowKing99", "RPH4419283"); not a postcode or a year.
HANDLE_SHAPED_RE = re.compile(
    r"(?<![\w@.])(?=[\w.]*[A-Za-z]{2})"
    r"(?:[A-Za-z][A-Za-z0-9]*[_.][A-Za-z0-9_.]*[A-Za-z0-9]|[A-Za-z]{3,}\d{2,}[A-Za-z0-9]*"
    r"|[A-Za-z]+\d+[A-Za-z]{2,}[A-Za-z0-9]*"  # digits inside letters: "Gr33nGoblin77", "kingk0bra"
    r"|[A-Za-z]*[a-z][A-Z][A-Za-z]*\d+)(?![\w@])"  # capitals inside and digits after: "LeonTheLegend9"
)
# 'Tiny' has the car / "Smokey" drove: a quoted single word doing what people do is what someone is called
QUOTED_SUBJECT_RE = re.compile(
    r"(?:^|(?<=[\s(]))[\"“‘']([A-Z][A-Za-z0-9'’-]{1,20})[\"”’'][ \t]+(?:was|is|had|has|gave|gives|drove|drives|came|"
    r"went|picked|sent|sends|messaged|texted|rang|phoned|lives|lived|took|offered|owns|runs|paid|pays|told|wanted|"
    r"wants|works|worked|met|knows|knew|arrived|turned up|supplied|supplies|deals|dealt|collected|collects)\b"
)
GAMER_TAG_RE = re.compile(r"(?<![\w#])[\w.]{2,32}#\d{4}(?!\w)")  # "L3on#2231"
FAMILY_OR_PERSON = (
    r"(?:dad|mum|father|mother|stepdad|stepfather|partner|boyfriend|girlfriend|brother|sister|cousin|uncle|aunt|"
    r"friend|associate|male|female|man|woman|boy|girl|lad|adult|youth|nominal|contact|dealer|someone|person)"
)
# Q's dad, "Bear", had been released / an older male "Smokey": a quoted word beside a person is what they are called
QUOTED_BESIDE_PERSON_RE = re.compile(
    rf"\b(?i:{FAMILY_OR_PERSON}),?[ \t]+[\"“‘']([A-Z][\w'’ -]{{0,20}}?)[\"”’'](?=[ \t]*[,;)]|[ \t]+[a-z])"
)
NINO_RE = re.compile(r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b")
POSTCODE_RE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b")
VEHICLE_RE = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b")
# "@lil.jaz_02", "@ghost.k1d.99": dots and underscores inside a handle, never at its end (a full stop)
HANDLE_RE = re.compile(r"(?<![\w.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])")
NICKNAME_RE = re.compile(
    r"\b(?i:called|calls? (?:him|her|them)|(?:they|people|everyone|friends) call (?:him|her|them)?|"
    r"known (?:[\w'’]+ ){0,3}?as|nicknamed|saved under(?: the name)?|name "
    r"was|username|user name|handle|gamertag|tag|saved as|goes by|aka|a\.k\.a\.|alias|street name|"
    r"calls? (?:him|her|them)sel(?:f|ves))"
    r"\s+[\"“‘']([^\"”’'\n]{1,30})[\"”’']"
    r"|\b(?:known (?:(?:to|on|in|around|by) (?:[\w'’]+ ){0,2}?)?as|(?i:aka|a\.k\.a\.?|alias|nicknamed|goes by"
    r"|also known as|street name|calls? (?:him|her|them)sel(?:f|ves)|(?:someone|somebody|anyone|a (?:male|female|man|"
    r"woman|boy|girl|lad|friend|youth)|an (?:adult|older (?:male|female|man|boy)|associate)) (?:called|named)))"
    r"[ \t]+(?!Child\b|Baby\b|Person\b)([A-Z][A-Za-z0-9'’-]*(?: [A-Z][A-Za-z'’-]*)?)\b"
)

# Tyrone "T-Bone" Walsh: a quoted word between a forename and a surname is a nickname
QUOTED_NICKNAME_RE = re.compile(r"\b([A-Z][a-z]+) [\"“‘']([A-Za-z][\w'’ -]{0,20}?)[\"”’'] ([A-Z][a-z][A-Za-z'’-]*)")
ETHNICITY_RE = re.compile(r"\b(?:" + alternation(ETHNICITIES) + r")\b")
RELIGION_RE = re.compile(r"\b(?:" + alternation(RELIGIONS) + r")\b")

# A word that can be part of a proper name: capitalised (St, O'Brien, Lily-Mae, McCarthy) or a number
# in an address.
NAME_WORD = re.compile(r"[A-Z][A-Za-z'’.&-]*|[A-Z]\b")
CONNECTORS = frozenset({"and", "of", "&", "the", "upon", "in", "de", "la", "le"})  # "Bird in Bush Road"
KEYWORD_KINDS = {
    **INSTITUTION_KEYWORDS,
    **{
        k: INSTITUTION_KEYWORDS.get(k.title(), INSTITUTION_KEYWORDS.get(k.split()[-1].title(), "PLACE"))
        for k in LOWER_CASE_KEYWORDS
    },
}
KEYWORD_RE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, KEYWORD_KINDS), key=len, reverse=True)) + r")(?![\w'’])"
)
STREET_RE = re.compile(r"\b(?:" + "|".join(sorted(STREET_SUFFIXES, key=len, reverse=True)) + r")\b")
HOUSE_NUMBER_RE = re.compile(
    r"(?:(?:Flat|Apartment|Apt\.?|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?(?:\d{1,4}[A-Za-z]?(?:-\d{1,4})?,?\s+)?$"
)
FLAT_BEFORE_RE = re.compile(r"(?:Flat|Apartment|Apt\.?|Unit|Room)\s+\d+[A-Za-z]?,?\s+$")
WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z'’.&-]*|\d{1,4}[A-Za-z]?)([ \t]+|[ \t]*\n[ \t]*)$")


def _date_finds(text):
    for m in DATE_RE.finditer(text):
        start, end = m.span()
        if text.startswith("the", start):
            start = text.index(" ", start) + 1 if text[start : start + 4].lower() == "the " else start
        span_text = text[start:end]
        if MAY_AS_VERB.match(span_text) and not re.search(r"\d{4}|['’]\d\d", span_text):
            continue  # "5 may be" is not a date
        before = text[max(0, start - 40) : start]
        kind = "DATE_OF_BIRTH" if BIRTH_CONTEXT.search(before) else "DATE"
        yield start, end, kind


def _number_finds(text):
    for m in EMAIL_RE.finditer(text):
        yield m.start(), m.end(), "EMAIL"
    nhs_spans = []
    for m in TEN_DIGITS_RE.finditer(text):
        context = NHS_CONTEXT.search(text[max(0, m.start() - 20) : m.start()])
        if nhs_number_valid(m.group()) or context:
            nhs_spans.append(m.span())
            yield m.start(), m.end(), "NHS_NUMBER"
        elif m.group()[0] != "0":
            nhs_spans.append(m.span())  # written like an NHS number though its check digit fails: flagged
            yield m.start(), m.end(), "NHS_NUMBER", "doubtful"
    for m in PHONE_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if m.span() not in nhs_spans and (10 <= len(digits) <= 11 or (digits.startswith("44") and len(digits) == 12)):
            start = m.start() + (m.group().startswith("(") and ")" not in m.group())  # "Unknown (07700 900123)"
            yield start, m.end(), "PHONE"
    for m in INTERNATIONAL_PHONE_RE.finditer(text):
        if not m.group().startswith("+44"):
            yield m.start(), m.end(), "PHONE"
    for m in NINO_SHAPED_RE.finditer(text):  # an unissued prefix or suffix is flagged, not let through
        yield m.start(), m.end(), "NI_NUMBER", "rule" if NINO_RE.fullmatch(m.group()) else "doubtful"
    for m in ID_LABEL_RE.finditer(text):
        yield m.start(1), m.end(1), "OTHER"
    for m in HANDLE_SHAPED_RE.finditer(text):
        word = m.group()
        if not _ordinary_token(word):
            yield m.start(), m.end(), "OTHER", "doubtful"
    for m in POSTCODE_RE.finditer(text):
        yield m.start(), m.end(), "POSTCODE"
    for m in VEHICLE_RE.finditer(text):
        yield m.start(), m.end(), "OTHER"
    for m in HANDLE_RE.finditer(text):
        yield m.start(), m.end(), "OTHER"
    for m in QUOTED_NICKNAME_RE.finditer(text):
        if m.group(1) not in COMMON_CAPITALISED and m.group(3) not in COMMON_CAPITALISED:
            yield m.start(1), m.end(1), "PERSON"
            yield m.start(2), m.end(2), "OTHER"
            yield m.start(3), m.end(3), "PERSON"
    for m in QUOTED_SUBJECT_RE.finditer(text):
        if m.group(1) not in COMMON_CAPITALISED:
            yield m.start(1), m.end(1), "OTHER"
    for m in GAMER_TAG_RE.finditer(text):
        yield m.start(), m.end(), "OTHER"
    for m in QUOTED_BESIDE_PERSON_RE.finditer(text):
        if m.group(1) not in COMMON_CAPITALISED:
            yield m.start(1), m.end(1), "OTHER"
    for m in NICKNAME_RE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        yield m.start(group), m.end(group), "OTHER"


ORDINARY_TOKEN_RE = re.compile(
    r"[A-Za-z]{1,3}(?:\.[A-Za-z]{1,3})+\.?"  # e.g, a.k.a, i.e
    r"|.*\.(?:com|co\.uk|uk|org|net|gov|nhs|pdf|docx?|xlsx?|jpe?g|png|mp4|html?)"
    r"|(?i:covid|sars|year|yr|y|ks|section|s|form|level|mp|windows|iphone|ps|xbox|fifa|gta|version|v)[-_.]?\d+"
)


def _ordinary_token(word):
    return bool(ORDINARY_TOKEN_RE.fullmatch(word) or POSTCODE_RE.fullmatch(word) or VEHICLE_RE.fullmatch(word))


# Every age starts with a number: AGE_RE is tried only where one starts, not at every character.
NUMBER_START_RE = re.compile(rf"(?<![\w]){AGE_NUM}", re.I)


REFERENCE_BEFORE_RE = re.compile(r"([A-Z][a-z]+)[ \t]*\($")


def _numbered_reference(text, start):
    """'Section (2)', 'Appendix (3)': a number in brackets after a numbered word is a reference."""
    m = REFERENCE_BEFORE_RE.search(text, max(0, start - 20), start)
    return bool(m and m.group(1) in NUMBERED_WORDS)


def _age_finds(text):
    done = 0
    for candidate in NUMBER_START_RE.finditer(text):
        if candidate.start() < done:
            continue
        m = AGE_RE.match(text, candidate.start())
        if m and not AGE_BLOCKERS.match(text, m.end()) and not _numbered_reference(text, m.start()):
            done = m.end()
            yield m.start(), m.end(), "AGE"


LANGUAGE_BEFORE_RE = re.compile(r"\b(?:speaks?|speaking|spoke|in|interpreter|language|translated into|and)\s+$", re.I)
LANGUAGE_AFTER_RE = re.compile(r"(?:-speaking|\s+(?:speaking|speaker|speakers|interpreter|language|translation)\b)")


def _identity_finds(text):
    for m in ETHNICITY_RE.finditer(text):
        before = text[max(0, m.start() - 20) : m.start()]
        if LANGUAGE_AFTER_RE.match(text, m.end()) or (
            LANGUAGE_BEFORE_RE.search(before) and not re.search(r"\b(?:and|in)\s+$", before)
        ):
            continue  # "speaks Romanian", "a Somali-speaking interpreter": a language, not a person's ethnicity
        yield m.start(), m.end(), "ETHNICITY"
    for m in RELIGION_RE.finditer(text):
        yield m.start(), m.end(), "RELIGION"


def name_start(text, end_of_name, limit=6):
    """Walk back from a keyword over capitalised words (and connectors between them) to where the name
    begins; returns (start, words) with the keyword excluded, or None if no capitalised word precedes."""
    start, words, position = end_of_name, [], end_of_name
    while len(words) < limit:
        m = WORD_BEFORE_RE.search(text, max(0, position - 40), position)
        if not m:
            break
        word = m.group(1)
        if word.endswith(".") and word not in ("St.", "Mt."):
            break  # the end of the previous sentence
        if word in CONNECTORS and words:
            if word == "in":
                previous = WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
                if previous and (previous.group(1) in KEYWORD_KINDS or STREET_RE.fullmatch(previous.group(1))):
                    break  # "Premier Inn in Old Kent Road": two names, not one
            position = m.start()
            continue
        if word in MIDDLE_WORDS:  # "Birmingham Children's Hospital", "Camberwell New Road"
            words.append(word)
            position = start = m.start()
            continue
        if not NAME_WORD.fullmatch(word) or word in COMMON_CAPITALISED:
            break
        words.append(word)
        position = start = m.start()
    while words and words[-1] in CONNECTORS:  # never begin a name with "and"
        words.pop()
    if all(w in MIDDLE_WORDS or w in CONNECTORS for w in words):
        return None  # "Children's Hospital", "the Children and Family Centre": no name
    return start, words[::-1]


THE_BEFORE_RE = re.compile(r"(?<=[a-z0-9,;(] )The $|(?<=[a-z0-9,;(] )The\n$")


def with_the(text, start):
    """Include a capitalised 'The' that is part of a name mid-sentence ('taken to The Gardens Surgery')."""
    m = THE_BEFORE_RE.search(text, max(0, start - 6), start)
    return m.start() if m else start


def _institution_finds(text):
    for m in KEYWORD_RE.finditer(text):
        kind = KEYWORD_KINDS[m.group()]
        end = m.end()
        after = text[end : end + 40]
        if m.group() in OPEN_KEYWORDS and re.match(r"[ \t]+[A-Z]", after):
            continue  # "Primary Care Network", "Common Assessment": the keyword does not end this name
        tail = TAIL_RE.match(after) if kind != "PLACE" else None
        found = name_start(text, m.start())
        if not found:
            if tail and tail.group().startswith(" at ") and m.group()[0].isupper():
                yield m.start(), end + tail.end(), kind  # "Academy at Peckham"
            elif m.group() in SELF_NAMED_KEYWORDS:
                yield m.start(), end, kind  # "the Kingdom Hall on Park Lane": the kind is its name
            continue
        start, words = found
        start = with_the(text, start)
        if AGENCY_AFTER_RE.match(after):
            continue  # a trust or board is an agency: a party to the review
        last = tail.group().split()[-1] if tail else None
        if tail and (
            tail.group().startswith(" for ") or (last not in COMMON_CAPITALISED and last not in KEYWORD_KINDS)
        ):
            end += tail.end()  # "Harris Academy Peckham", "University Hospital Lewisham", "Academy at Peckham"
            words = words + tail.group().split()
        if all(w.strip(".'’").removesuffix("'s").removesuffix("’s").lower() in GENERIC_SERVICE_WORDS for w in words):
            continue  # "the Sexual Assault Referral Centre", "Primary School": a service, not a named place
        if text[start:end] in NOT_A_PLACE:
            continue
        yield start, end, kind


SELF_NAMED_KEYWORDS = frozenset({"Kingdom Hall", "Meeting House"})
OPEN_KEYWORDS = frozenset({"Primary", "Common", "Rec", "Store", "Stores", "Chicken", "Hub", "Farm"})
CHAIN_RE = re.compile(
    r"(?<![\w'’])(?:" + "|".join(map(re.escape, sorted(CHAINS, key=len, reverse=True))) + r")(?![\w'’])"
    r"(?:[ \t]+(?:Express|Extra|Local|Metro|Superstore|Petrol Station|Drive-Thru|Drive Thru))?"
    r"(?:[ \t]+(?!(?:and|or|the|on|in|at)\b)[A-Z][a-z]+(?:[ \t]+(?:Road|Street|Lane|High Street|Broadway))?)?"
)
PRISON_RE = re.compile(
    r"\b(?:HMP ?YOI|HMYOI|HMP|HM Prison|HM Young Offender Institution|HM YOI)[ \t]+"
    r"([A-Z][\w'’-]+(?:[ \t]+(?:and[ \t]+)?[A-Z][\w'’-]+){0,2})"
)


BRAND_RE = re.compile(
    r"(?<![\w'’])(?:"
    + "|".join(map(re.escape, sorted(HOTEL_CHAINS | SHOPPING_CENTRES, key=len, reverse=True)))
    + r")(?![\w'’])(?:[ \t]+(?:Express|Styles|Budget|Blu|Garden Inn|Hub|Centre|Shopping Centre|Hotel))?"
)
# A place of worship whose kind comes first: "Masjid al-Noor", "Gurdwara Sri Guru Singh Sabha", "Mandir Sri Ram"
KEYWORD_FIRST_RE = re.compile(
    r"\b(?:Masjid|Musjid|Jamia|Jame|Jamiat|Madrasa|Madrassa|Madrasah|Gurdwara|Gurudwara|Mandir|Church of|Chapel of|"
    r"Temple of|Mosque of)(?:-e-|[ \t]+)((?:(?:al|el|ul|an|ar|as|at|e|us|ud|of|the|de)[- \t]+)?[A-Z][\w'’-]*"
    r"(?:[ \t]+(?:(?:al|el|ul|e|of|the|de)[- \t]+)?[A-Z][\w'’-]*){0,4})"
)
SAINT_RE = re.compile(r"\b(?:St\.?|Saint)[ \t]+[A-Z][a-z]+(?:['’]s|s['’]|['’])(?![\w])")
PERSON_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|PC|Sgt|Cllr|Prof|Paris|[A-Z][a-z]+[ \t]+and)\.?[ \t]+$")


def _chain_and_prison_finds(text):
    for m in CHAIN_RE.finditer(text):
        start = m.start()
        the = re.search(r"(?:^|(?<=\s))(?:the|The)[ \t]+$", text[max(0, start - 4) : start])
        yield start - (len(the.group()) if the else 0), m.end(), "PLACE"
    for m in PRISON_RE.finditer(text):
        yield m.start(), m.end(), "PLACE"
    for m in BRAND_RE.finditer(text):
        if not PERSON_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()) and not _street_after(text, m.end()):
            yield m.start(), m.end(), "PLACE"  # "Ms Hilton", "Hilton Road" are not the hotel
    for m in KEYWORD_FIRST_RE.finditer(text):
        words = [w for w in re.split(r"[- \t]+", m.group(1)) if w[:1].isupper()]
        if words and not STREET_RE.fullmatch(words[0]) and words[0] not in COMMON_CAPITALISED:
            end = m.end()
            if STREET_RE.fullmatch(words[-1]):
                continue  # "Masjid Road": a street
            yield m.start(), end, "PLACE"
    for m in SAINT_RE.finditer(text):
        if not _street_after(text, m.end()):
            yield m.start(), m.end(), "PLACE"  # "went to St Mary's", "at St Thomas'"


def _street_after(text, end):
    m = re.match(r"[ \t]+([A-Z][a-z]+)", text[end : end + 20])
    return bool(m and STREET_RE.fullmatch(m.group(1)))


AGENCY_AFTER_RE = re.compile(r"\s+(?:NHS\b|Foundation\b|Trust\b|Board\b|Partnership\b|Service|Council\b|Group\b)")
TAIL_RE = re.compile(
    r"(?: for (?:Sick )?(?:Children|Women|Young People)| (?:at|of|on) [A-Z][a-z]+| [A-Z][a-z]{3,})(?! "
    r"[A-Z])(?=[\s,.;:)])"
)


def _street_finds(text):
    for m in STREET_RE.finditer(text):
        found = name_start(text, m.start(), limit=4)
        if not found:
            continue
        start, words = found
        if words[-1] in NOT_AN_ADDRESS_LAST_WORDS or words[0] in NOT_AN_ADDRESS_LAST_WORDS:
            continue  # the Crown Court, the Family Court
        number = HOUSE_NUMBER_RE.search(text, max(0, start - 30), start)
        if (not number or number.start() == start) and _a_person_named(text, start, words, m.group()):
            continue  # "Chris Green", "PC Sarah Hill": a forename (or a title) and a surname, not a street
        if number and number.start() < start:
            start = number.start()
        building = BUILDING_BEFORE_RE.search(text, max(0, start - 80), start)
        if building and building.start() < start:
            start = building.start()  # "Room 3, Kenmore House, 2 Kenton Lane": one address
        yield start, address_end(text, m.end()), "ADDRESS"


BUILDING_BEFORE_RE = re.compile(
    r"(?:(?:Flat|Apartment|Apt\.?|Unit|Room|Suite)[ \t]+\d+[A-Za-z]?,?[ \t]+)?"
    r"(?:[A-Z][\w'’-]*[ \t]+){1,3}(?:House|Court|Lodge|Building|Tower|Point|Block|Mansions|Hall|Chambers),?[ \t]+$"
    r"|(?:Flat|Apartment|Apt\.?|Unit|Room|Suite)[ \t]+\d+[A-Za-z]?,?[ \t]+$"
)
LOCALITY_RE = re.compile(
    r"(?:,[ \t]*|[ \t]*\n[ \t]*)([A-Z][a-z'’-]+(?:[ \t]+(?:upon[ \t]+|on[ \t]+|in[ \t]+)?[A-Z][a-z'’-]+){0,2})"
    r"(?=[ \t]*(?:[,.;:)\n|]|$|[ \t]+[A-Z]{1,2}\d))"
)
POSTCODE_AFTER_RE = re.compile(r"[ \t,]*(?:\n[ \t]*)?(?=[A-Z]{1,2}\d)")


def address_end(text, end):
    """An address runs on over the district and town written after the street ("..., Walworth, London")
    and the postcode, which are part of where someone lives."""
    for _ in range(3):
        m = LOCALITY_RE.match(text, end)
        if not m or any(w in COMMON_CAPITALISED or w in NOT_AN_ADDRESS_LAST_WORDS for w in m.group(1).split()):
            break
        end = m.end()
    gap = POSTCODE_AFTER_RE.match(text, end)
    if gap:
        postcode = POSTCODE_RE.match(text, gap.end())
        if postcode:
            end = postcode.end()
    return end


TITLE_END_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|DI|PC|Sgt|Cllr|Insp|Det|Prof|Rev)\.?[ \t]+$")


def _a_person_named(text, start, words, suffix):
    from .names import forenames, surnames

    if TITLE_END_RE.search(text, max(0, start - 8), start):
        return True
    if len(words) != 1:
        return False
    first, first_ambiguous = forenames()
    last, last_ambiguous = surnames()
    return (words[0] in first or words[0] in first_ambiguous) and (suffix in last or suffix in last_ambiguous)


ROOM_RE = re.compile(
    r"\b(?:(?:Flat|Apartment|Apt\.?|Room|Bedsit|Studio|Suite)[ \t]+\d{1,4}[A-Za-z]?\b|Flat[ \t]+[A-H]\b"
    r"|(?<=\bat )(?:[Nn]o\.?|[Nn]umber)[ \t]+\d{1,4}[A-Za-z]?\b(?![ \t]*[%/]))"
    r"(?:,?[ \t]+(?:[A-Z][\w'’-]*[ \t]+){0,3}[A-Z][\w'’-]*)?"
)


def _building_finds(text):
    """'Flat 12, Rochester Court' / 'Flat 9, Gaitskell House': a flat number makes any building an address;
    a flat or room number alone is one too ('moved into Flat 3', 'Room 12 at the hotel')."""
    for m in ROOM_RE.finditer(text):
        end = m.end()
        words = text[m.start() : end].split()
        while len(words) > 2 and (words[-1] in COMMON_CAPITALISED or words[-1] in MONTH_SET):
            end = text.rindex(words[-1], m.start(), end)
            end = len(text[:end].rstrip(" \t,"))
            words.pop()
        yield m.start(), end, "ADDRESS"


MONTH_SET = frozenset(MONTHS.split("|"))


FINDERS = (
    _date_finds,
    _number_finds,
    _age_finds,
    _identity_finds,
    _institution_finds,
    _street_finds,
    _building_finds,
    _chain_and_prison_finds,
)


def rule_finds(text):
    for finder in FINDERS:
        yield from finder(text)


def nhs_number_valid(candidate):
    """Modulus 11 check digit of a 10-digit NHS number (NHS Data Dictionary)."""
    digits = [int(c) for c in candidate if c.isdigit()]
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    check = 11 - sum(d * (10 - i) for i, d in enumerate(digits[:9])) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == digits[9]


def ni_number_valid(candidate):
    return bool(NINO_RE.fullmatch(candidate.strip().upper()))

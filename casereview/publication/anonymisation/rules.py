"""Rules and validators for what a statistical model does not find reliably: structured identifiers
(NHS and National Insurance numbers, postcodes, phones, e-mails), exact dates and ages, streets, named
schools, health settings, hotels and other small places, ethnicity and religion.

Every finder takes the (cleaned) text and yields (start, end, type). Patterns are anchored on a literal or
a character class that is rare in prose, so the whole-text scans stay fast on a 300-page report."""

import re

from .patterns import alternation, prefilter_patterns
from .vocabulary import (
    ACRONYMS,
    CHAINS,
    COMMON_CAPITALISED,
    ETHNICITIES,
    GENERIC_SERVICE_WORDS,
    HOTEL_CHAINS,
    INSTITUTION_KEYWORDS,
    LOWER_CASE_KEYWORDS,
    MIDDLE_WORDS,
    MORE_ETHNICITIES,
    MORE_OPEN_KEYWORDS,
    MORE_RELIGIONS,
    MORE_SETTING_KEYWORDS,
    NOT_A_PLACE,
    NOT_AN_ADDRESS_LAST_WORDS,
    NOT_BEFORE_HIGH_OR_GENERAL,
    NOT_ETHNICITY_AFTER,
    NOT_RELIGION_AFTER,
    NUMBERED_WORDS,
    PERSON_NOUNS,
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
SHORT_AGE_UNIT = r"(?:years?|yrs?|y|months?|mths?|mo|weeks?|wks?|w|days?|d)\b"
AGE_RE = re.compile(
    rf"\b{AGE_NUM}(?:\s+(?:and|or|to)\s+{AGE_NUM})?[\s-]+{AGE_UNIT}[\s-]+olds?\b"  # 15 year old, 4 months old
    rf"|\b{AGE_NUM}\s+years\s+of\s+age\b"
    rf"|(?<=\baged\s){AGE_NUM}(?:\s+{AGE_UNIT})?\b"
    rf"|(?<=\bage\s){AGE_NUM}\b(?!\s*(?:group|range|band|limit))"
    rf"|(?<=\bage of\s){AGE_NUM}\b"
    rf"|(?<=\(){AGE_NUM}\s+{AGE_UNIT}(?=\))"  # (18 months)
    rf"|(?<=\baged\s){AGE_NUM}\s+{AGE_UNIT}(?:\s+and\s+{AGE_NUM}\s+{AGE_UNIT})?"  # aged 2 years and 3 months
    # (2 yrs 8 mths), (2 wks)
    rf"|(?<=\(){AGE_NUM}[ \t]*{SHORT_AGE_UNIT}(?:,?[ \t]+(?:and[ \t]+)?\d{{1,2}}[ \t]*{SHORT_AGE_UNIT})?(?=\))"
    # 15yo, 15 y/o, 15yrs, 16 yrs 10 mths
    rf"|\d{{1,2}}\s?(?:y/?o|yrs?)\b(?:[ \t]+\d{{1,2}}[ \t]*(?:mths?|months?|m)\b)?"
    r"|\d{1,2}y\b"  # 16y, 7y
    r"|(?<=[A-Za-z]\s\()\d{1,2}(?=,[ \t]*[\w(])"  # Oliwia (14, Thomas Deacon Academy): the age first in brackets
    r"|(?<=[A-Za-z)],\s)\d{1,2}(?=;)"  # Josie, 5; Patrick-John, 3)
    r"|(?:(?<=\bmale\s)|(?<=\bfemale\s)|(?<=\bman\s)|(?<=\bwoman\s)|(?<=\bboy\s)|(?<=\bgirl\s)|(?<=\bmales\s)"
    r"|(?<=\bfemales\s))\d{1,2}(?=[ \t]*(?:\t|[,;)]|\.(?!\d)|$))"  # found with a male 22
    r"|(?<=\bage:\s)\d{1,2}\b|(?<=\bage:\t)\d{1,2}\b|(?<=\bage\t)\d{1,2}\b"
    r"|(?<=[A-Za-z]\s\()\d{1,2}(?=\))|(?<=\d{4}\s\()\d{1,2}(?=\))"  # Jade (14), DOB 01/02/2010 (13)
    # "twins of 8 months", "a boy of 15 years": a person noun, "of" and an age
    rf"|(?:(?<=\btwins of )|(?<=\bbaby of )|(?<=\bchild of )|(?<=\bboy of )|(?<=\bgirl of )|(?<=\bson of )"
    rf"|(?<=\binfant of )|(?<=\bdaughter of )|(?<=\bchildren of )){AGE_NUM}\s+{AGE_UNIT}\b"
    rf"|(?<=\bturned\s){AGE_NUM}\b|(?<=\bages\s){AGE_NUM}(?:(?:,\s*|\s+and\s+){AGE_NUM})*\b"
    r"|(?<=[A-Za-z)],\s)\d{1,2}(?=[,)]|\.(?!\d))"  # Zainab Ahmed, 16, / (Chantelle Brooks, 19) / (aka X), 24.
    r"|(?<=[A-Za-z)],\s)\d{1,2}\s(?:weeks?|months?|days?)(?=[,).]|\s+old\b)"  # Baby: Ibrahim, 6 weeks.
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
    r"Patient ID|Case (?:No|Ref)|Crime (?:No|Ref(?:erence)?)|Custody (?:No|Record)|[Tt]enancy(?: (?:No|Ref))?|"
    r"Claim No|Account No|Rent (?:account|Ref)|[Oo]ccurrence(?: (?:No|Ref))?|Incident (?:No|Ref)|Log No|URN)"
    r"\.?\s*[:#]?\s*([A-Z0-9][A-Z0-9/-]{4,})\b",
)
# Shaped like a user name or a record number: letters with an underscore or a dot inside, or letters run
# into two or more digits ("deshawn_x7", "ShadowKing99", "RPH4419283"); not a postcode or a year.
# (the first lookahead asks what every kind needs, a digit, "_" or "." or a capital after a small letter, so
# the engine gives up on an ordinary word after one look along it instead of trying each kind in turn)
HANDLE_SHAPED_RE = re.compile(
    r"(?<![\w@.])(?=[A-Za-z0-9_.]*?(?:[\d_.]|[a-z][A-Z]))(?=[\w.]*[A-Za-z]{2})"
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
    r"[ \t]+(?!Child\b|Baby\b|Person\b)([A-Z][A-Za-z0-9'’-]*"
    r"(?: (?!(?:WAS|IS|WERE|HAD|HAS|AND|WHO|THE|IN|AT|TO|FROM|WITH|SAID)\b)[A-Z][A-Za-z'’-]*)?)\b"
)

# Tyrone "T-Bone" Walsh: a quoted word between a forename and a surname is a nickname
# (the nickname starts with a capital: 'Marcus "works for" Price' quotes words, not a nickname)
QUOTED_NICKNAME_RE = re.compile(r"\b([A-Z][a-z]+) [\"“‘']([A-Z][\w'’ -]{0,20}?)[\"”’'] ([A-Z][a-z][A-Za-z'’-]*)")
ETHNICITY_RE = re.compile(r"\b(?:" + alternation(ETHNICITIES) + r")\b")
RELIGION_RE = re.compile(r"\b(?:" + alternation(list(RELIGIONS) + MORE_RELIGIONS) + r")\b")

# A word that can be part of a proper name: capitalised (St, O'Brien, Lily-Mae, McCarthy) or a number
# in an address.
NAME_WORD = re.compile(r"[A-Z][A-Za-z'’.&-]*|[A-Z]\b")
CONNECTORS = frozenset({"and", "of", "&", "the", "upon", "in", "de", "la", "le"})  # "Bird in Bush Road"
KEYWORD_KINDS = {
    **INSTITUTION_KEYWORDS,
    **MORE_SETTING_KEYWORDS,
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
    r"(?:(?:Flat|Apartment|Apt\.?|Unit|Room)\s+\d+[A-Za-z]?,?\s+)?(?:(?<!\d)(?!(?:19|20)\d\d,)\d{1,4}[A-Za-z]?(?:[-–]\d{1,4})?,?\s+)?$"
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
    for m in EMAIL_RE.finditer(text) if "@" in text else ():  # (no scan for an address without its @)
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
    for m in GAMER_TAG_RE.finditer(text) if "#" in text else ():
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


REFERENCE_BEFORE_RE = re.compile(r"(?:([A-Z][a-z]+)[ \t]+)?([A-Z][a-z]+)[ \t]*\($")


def _numbered_reference(text, start):
    """'Section (2)', 'Appendix (3)': a number in brackets after a numbered word is a reference."""
    m = REFERENCE_BEFORE_RE.search(text, max(0, start - 40), start)
    if not m or m.group(2) not in NUMBERED_WORDS:
        return False
    from .names import forenames

    return m.group(1) not in forenames()[0]  # "Aoife Ward (17)": a surname after a forename, and her age


# An age as a form writes it: after "Age", "Age at visit:", "Age at sentence -" ("Age: 16 yrs 10 mths", "Age
# 27 months", "Age 4/12" in months as clinicians write it); the number just after a date of birth ("DOB
# 10-03-2009   15", "(DOB 05/06/2019, 4)"); the ages listed in brackets after children ("(17, 13, 10)").
AGE_FIELD_RE = re.compile(
    rf"\b(?i:age)(?:[ \t]+(?i:at|on)[ \t]+[a-z][a-z ]{{1,20}}?)?[ \t]*[:\t–-]?[ \t]*"
    rf"(\d{{1,2}}(?:/(?:12|52)\b|[ \t]*{SHORT_AGE_UNIT}(?:,?[ \t]+\d{{1,2}}[ \t]*{SHORT_AGE_UNIT})?|\b))"
    r"(?![ \t]*(?:%|per\b|group|range|band|limit|-|–|to\b|/))"
)
AGE_AFTER_BIRTH_RE = re.compile(
    r"(?i:\bdob|\bd\.o\.b\.?|date of birth|\bborn)[ \t:]*"
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+(?:{MONTHS})[ \t]+\d{{4}})"
    r"(?:,[ \t]*|[ \t]{2,}|\t)(\d{1,2}(?:[ \t]*(?:y|yrs?|years?)\b)?)(?=[ \t]{2,}|\t|[ \t]*[),;]|[ \t]*$)",
    re.M,
)
AGES_LISTED_RE = re.compile(
    r"\b(?i:children|sons|daughters|siblings|kids|grandchildren|boys|girls)\b[^()\n]{0,30}"
    r"\((\d{1,2}(?:,[ \t]*\d{1,2})+)\)"
)


def _age_field_finds(text):
    for pattern in (AGE_FIELD_RE, AGE_AFTER_BIRTH_RE):
        for m in pattern.finditer(text):
            yield m.start(1), m.end(1), "AGE"
    for m in AGES_LISTED_RE.finditer(text):
        for number in re.finditer(r"\d{1,2}", m.group(1)):
            yield m.start(1) + number.start(), m.start(1) + number.end(), "AGE"


def _age_finds(text):
    yield from _age_field_finds(text)
    done = 0
    for candidate in NUMBER_START_RE.finditer(text):
        if candidate.start() < done:
            continue
        m = AGE_RE.match(text, candidate.start())
        if m and not AGE_BLOCKERS.match(text, m.end()) and not _numbered_reference(text, m.start()):
            done = m.end()
            yield m.start(), m.end(), "AGE"


LANGUAGE_BEFORE_RE = re.compile(
    r"\b(?:speaks?|speaking|spoke|in|interpreter|language|translated into|and|but not)\s+$|\binterpreters?\s*\($", re.I
)
LANGUAGE_AFTER_RE = re.compile(r"(?:-speaking|\s+(?:speaking|speaker|speakers|interpreter|language|translation)\b)")


def _identity_finds(text):
    for m in ETHNICITY_RE.finditer(text):
        if ethnicity_names_a_thing(text, m.start(), m.end()):
            continue  # "speaks Romanian", "a Somali-speaking interpreter", "Polish Family Association"
        yield m.start(), m.end(), "ETHNICITY"
    for m in RELIGION_RE.finditer(text):
        if not religion_names_a_body(text, m.end()):  # "Catholic Children's Society" is a charity
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
        if "\n" in m.group(2) and word in KEYWORD_KINDS:
            break  # "ROYAL OLDHAM HOSPITAL\nSchool: ...": a name ended on the line above
        if word in CONNECTORS and words:
            if word in ("in", "and", "&"):
                previous = WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
                if previous and (previous.group(1) in KEYWORD_KINDS or STREET_RE.fullmatch(previous.group(1))):
                    break  # "Premier Inn in Old Kent Road", "X Pre-School and Y Playgroup": two names, not one
            position = m.start()
            continue
        if word in MIDDLE_WORDS:  # "Birmingham Children's Hospital", "Camberwell New Road"
            words.append(word)
            position = start = m.start()
            continue
        if word == "Our" and words and words[-1] in ("Lady", "Lady's", "Lady’s"):  # "Our Lady of Walsingham"
            words.append(word)
            position = start = m.start()
            continue
        if word in COMMON_CAPITALISED and words and _everyday_word_opens_name(text, m.start(), word):
            words.append(word)  # "Spring Hill Surgery", "Summer Lane Primary": an everyday word opens the name
            start = m.start()
            break
        if not NAME_WORD.fullmatch(word) or word in COMMON_CAPITALISED:
            break
        words.append(word)
        position = start = m.start()
    while words and words[-1] in CONNECTORS:  # never begin a name with "and"
        words.pop()
    if all(w in MIDDLE_WORDS or w in CONNECTORS for w in words):
        return None  # "Children's Hospital", "the Children and Family Centre": no name
    return start, words[::-1]


NEVER_OPENS_A_NAME = frozenset(
    """The A An This That These Those Our Your My His Her Their Its Each Every Any Some No Local Nearest Same Other
    Main Next Last First Second Third Both Please Dear Re Ref See Seen Called Named Visited Attended
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Tomorrow Yesterday Police Council Health Social
    Care Children Early Help Family Education Housing Services Service Team Unit Ward Hospital School""".split()
) | frozenset(MONTHS.split("|"))
OPENING_CONTEXT_RE = re.compile(r"(?:^|[\n(|,;:\t]|\b(?:at|to|from|in|by|with|of|via|and|the|a)[ \t])[ \t]*$")


def _everyday_word_opens_name(text, start, word):
    """An everyday capitalised word is a setting's first word when it opens the capitalised run (after a
    preposition, a bracket, a comma or a line's start) and is no determiner, month, weekday or agency word."""
    if word in NEVER_OPENS_A_NAME or not (word[:1].isupper() and word[1:].islower()):
        return False
    return bool(OPENING_CONTEXT_RE.search(text, max(0, start - 6), start))


THE_BEFORE_RE = re.compile(
    r"(?<=[a-z0-9,;(:] )The $|(?<=[a-z0-9,;(:] )The\n$"
    r"|(?:^|(?<=\n)|(?<=\())[ \t]*(?:The|THE) $"  # a name that starts a line or a bracket: "(The Grange Academy)"
)


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
        if re.match(r"[ \t]*:", after) and text[max(0, m.start() - 1) : m.start()] in ("", "\n"):
            continue  # "GP: Dr Amir Khan\nSchool: ...": a field's label opening its line ends no name
        tail = TAIL_RE.match(after) if kind != "PLACE" else None
        found = name_start(text, m.start())
        if not found:
            if (
                tail
                and tail.group().startswith(" at ")
                and m.group()[0].isupper()
                and m.group() not in MORE_SETTING_KEYWORDS
            ):
                yield m.start(), end + tail.end(), kind  # "Academy at Peckham"
            elif m.group() in SELF_NAMED_KEYWORDS:
                yield m.start(), end, kind  # "the Kingdom Hall on Park Lane": the kind is its name
            elif tail and kind != "PLACE" and tail.group().startswith((" for ", " of ")):
                lead = _middle_words_lead(text, m.start())
                if lead is not None:  # "at Royal Hospital for Children", "Royal Infirmary of Edinburgh"
                    yield lead, end + tail.end(), kind
            continue
        start, words = found
        if m.group() in MORE_OPEN_KEYWORDS and (words[-1] in NOT_BEFORE_HIGH_OR_GENERAL or words[-1].isupper()):
            continue  # "Very High" (a risk level), "Attorney General"
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


def _middle_words_lead(text, keyword_start):
    """Where a name made only of the words that sit inside names ("Royal", "General", "Children's") begins,
    when it opens the capitalised run after a preposition, a bracket or a line's start; else None."""
    start, count = keyword_start, 0
    while count < 2:
        m = WORD_BEFORE_RE.search(text, max(0, start - 30), start)
        if not m or m.group(1) not in MIDDLE_WORDS or "\n" in m.group(2):
            break
        start, count = m.start(), count + 1
    if not count or not OPENING_CONTEXT_RE.search(text, max(0, start - 6), start):
        return None
    return start


SELF_NAMED_KEYWORDS = frozenset({"Kingdom Hall", "Meeting House"})
OPEN_KEYWORDS = (
    frozenset({"Primary", "Common", "Rec", "Store", "Stores", "Chicken", "Hub", "Farm"}) | MORE_OPEN_KEYWORDS
)
CHAIN_RE = re.compile(
    r"(?<![\w'’])(?:" + "|".join(map(re.escape, sorted(CHAINS, key=len, reverse=True))) + r")(?![\w'’])"
    r"(?:[ \t]+(?:Express|Extra|Local|Metro|Superstore|Petrol Station|Drive-Thru|Drive Thru))?"
    r"(?:[ \t]+(?!(?:and|or|the|on|in|at)\b)[A-Z][a-z]+(?:[ \t]+(?:Road|Street|Lane|High Street|Broadway))?)?"
)
PRISON_RE = re.compile(
    r"\b(?:HMP(?: ?(?:&|and|/) ?| )?YOI|HMYOI|HMP|HM Prison|HM Young Offender Institution|HM YOI)[ \t]+"
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
    r"(?: for (?:Sick )?(?:Children|Women|Young People|Girls|Boys)(?: (?:for|in) (?:Wales|Scotland|England))?"
    r"| for (?:Wales|Scotland|England|Northern Ireland)"
    r"| (?:at|of|on) [A-Z][a-z]+(?: [A-Z][a-z]+)?| [A-Z][a-z]{3,})(?! "
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
        if (
            (not number or number.start() == start)
            and _a_person_named(text, start, words, m.group())
            and not STREET_PREPOSITION_BEFORE_RE.search(text, max(0, start - 8), start)
        ):
            continue  # "Chris Green", "PC Sarah Hill": a forename (or a title) and a surname, not a street
        if number and number.start() < start:
            start = number.start()
        building = BUILDING_BEFORE_RE.search(text, max(0, start - 80), start)
        if building and building.start() < start:
            start = building.start()  # "Room 3, Kenmore House, 2 Kenton Lane": one address
        start = address_prefix_start(text, start)
        yield start, address_end(text, m.end()), "ADDRESS"


# A street after "on", "along", "off" ... is a street even when its first word is a forename ("the Londis on
# Hope Street", "no relation to Rose Street").
STREET_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:on|along|off|down|up|into|onto|near|opposite|to)[ \t]+$")
BUILDING_BEFORE_RE = re.compile(
    r"(?:(?:Flat|Apartment|Apt\.?|Unit|Room|Suite|Floor)[ \t]+\d+(?:/\d+)?[A-Za-z]?,?[ \t]+)?"
    r"(?:[A-Z][\w'’-]*[ \t]+){1,3}"
    r"(?:House|Court|Lodge|Building|Tower|Point|Block|Mansions|Hall|Chambers|Centre|Site|Park),?[ \t]+$"
    r"|(?:Flat|Apartment|Apt\.?|Unit|Room|Suite|Floor)[ \t]+\d+(?:/\d+)?[A-Za-z]?,?[ \t]+$"
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
    r"|Unit[ \t]+\d{1,4}[A-Za-z]?\b(?=,?[ \t]+[A-Z])"  # "Unit 4, Lockside Industrial Estate", not "Unit 4 of"
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


# Dates as professionals write them ------------------------------------------------------------------------
# DATE_RE above takes the full forms. These take the rest: "03-Apr-2023", "20 Apr 23", "March 28th", "3-5 Aug",
# "15 & 16 Jun", a day alone where a weekday or a month named before says it is a date ("Tues 3rd", "on the
# 14th" after "In January ..."), and a day and month in figures where the context says so ("Mon 3/4",
# "21/05: DNA", "next meeting 17/04 14:00"), without taking scores, fractions or ratios ("7/10", "3/4 of").
SHORT_WEEKDAY = r"(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|rsday|urday)?"
ORDINAL_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)"
DAY_MONTH_YY_RE = re.compile(
    rf"\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?:[-\s]|\s+of\s+)(?:{MONTHS})\.?(?:-(?:(?:19|20)\d\d|\d\d)|\s\d\d)(?![\w:/]|\.\d|\s?(?:%|am\b|pm\b))"
    rf"|\b(?:[12]\d|3[01]|0?[1-9])-(?:{MONTHS})(?![\w-])",  # 03-Apr-2023, 1-Jun-21, 20 Apr 23, 12-Mar
    re.I,
)
MONTH_DAY_RE = re.compile(
    rf"\b(?:{MONTHS})\.?[ \t]+(?:{ORDINAL_DAY}|(?:[12]\d|3[01]|[1-9])"
    r"(?=[,;)]|\.(?!\d)|[ \t]*$|[ \t]+(?:at|and|to|when)\b))"
    rf"(?:,?[ \t]+{YEAR})?\b",
    re.M,
)
RANGE_RE = re.compile(
    rf"\b{DAY}(?:\s*(?:-|–|&|/|and|to)\s*|,\s*){DAY}(?:\s+(?:and|&)\s+{DAY})?\s+(?:of\s+)?(?:{MONTHS})\.?"
    rf"(?:,?\s+{YEAR})?\b"
)
ORDINAL_RE = re.compile(rf"(?<![\w/.-])({ORDINAL_DAY})\b(?!\s*(?:of\s+)?(?:{MONTHS})\b)")
# What comes before a day written alone: a weekday, "on the", a line's start, or "the" before a list of days.
DAY_ALONE_BEFORE_RE = re.compile(
    rf"(?:\b(?i:{SHORT_WEEKDAY})\.?,?\s+(?:the\s+)?|\b(?i:on|by|until|till|from|since|before|after|of|to|and|for)"
    r"\s+the\s+|^[ \t]*|\|[ \t]*|\t|\bthe\s+)$",
    re.M,
)
# What may follow a day written alone: punctuation, another day, or a word that starts a clause.
AFTER_DAY_ALONE_RE = re.compile(
    r"\s*(?:$|[,;:.)!?|\t–—-]|(?:and|or|to|at|when|with|for|in|but|after|before|because|as|until|the|a|an|he|she|"
    r"they|we|i|it|his|her|their|police|mum|dad|mother|father|school|there|this|which|who|where|so|then|"
    r"was|were|is|had|has|by|from|of|on|she's|he's)\b)",
    re.I,
)
ORDINAL_NOT_DAY_RE = re.compile(
    r"\s*(?:time|times|floor|child|children|birthday|percentile|century|occasion|attempt|week|day|month|year|"
    r"grade|place|generation|pregnancy|baby|son|daughter|referral|visit|call|meeting|session|round|edition|"
    r"anniversary|cousin|class|form|team|stage|contact|episode|incident|party|person|witness|officer|ward|shift|"
    r"night|dose|tablet|bed|step|stair|stairs|floors|row|line|item|page|paragraph|point|option|choice)\b",
    re.I,
)
DAY_LIST_RE = re.compile(rf"(?:,[ \t]*|[ \t]+(?:and|&|or|to)[ \t]+)(?:the[ \t]+)?({ORDINAL_DAY})\b")
DAY_MONTH_FIGURES_RE = re.compile(r"(?<![\w/.£$€-])((?:[12]\d|3[01]|0?[1-9])([/.])(?:1[0-2]|0?[1-9]))(?![\w/-]|\.\d)")
DATE_WORD_BEFORE_RE = re.compile(
    rf"(?:\b(?i:{SHORT_WEEKDAY})\.?,?|\b(?i:on|from|until|till|by|since|dated|due|w/c|wc|start|starts|starting|"
    r"begins|ends|next|review|meeting|date|deadline|expires|appointment|booked|seen|visit|visited|call|called|"
    r"phoned|rang|DOB|D\.O\.B|DoB|born|LMP|EDD|between|and)\.?:?|^[ \t]*|\t|\|)[ \t]*$",
    re.M,
)
TIME_AFTER_RE = re.compile(r"[ \t]+(?:at[ \t]+)?\d{1,2}[:.]\d{2}\b|[ \t]*(?:[:–—-][ \t]|\t|[ \t]*\|)")
NOT_FIGURES_DATE_AFTER_RE = re.compile(r"(?:[ \t]*(?:of\b|hours?\b|hrs?\b|%)|th\b|\d)", re.I)
# A part of a document and its number, or a list of them: "Paragraph 4.11:", "see sections 3.2, 3.4 and 4.1",
# "Recommendation 4.1 -", "Appendix 2.3": the report's numbering, never a day and a month.
DOCUMENT_PARTS = (
    "paragraph|paragraphs|para|paras|section|sections|recommendation|recommendations|rec|recs|appendix|"
    "appendices|annex|annexes|chapter|chapters|page|pages|figure|figures|fig|table|tables|item|items|point|"
    "points|clause|clauses|part|parts|schedule|step|steps|question|questions|finding|findings|standard|"
    "regulation|article|version|learning point|action|actions|objective|outcome|term of reference"
)
DOCUMENT_PART_BEFORE_RE = re.compile(
    rf"\b(?i:{DOCUMENT_PARTS})\.?[ \t]*(?:\d+(?:\.\d+)*[a-z]?[ \t]*(?:,|and|&|to|or|-|–)[ \t]*)*$"
)
YEAR_FIRST_RE = re.compile(
    r"\b(?:19|20)\d\d([/.])(?:1[0-2]|0?[1-9])\1(?:[12]\d|3[01]|0?[1-9])\b"  # 2024/03/14
    r"|\b(?:19|20)\d\d-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9])(?=T\d)"  # 2024-03-14T09:12
)
UPPER_MONTHS = "|".join(m.upper() for m in MONTHS.split("|"))
CAPITALS_DATE_RE = re.compile(
    rf"\b(?:[12]\d|3[01]|0?[1-9])(?:ST|ND|RD|TH|st|nd|rd|th)?[ \t]+(?:OF[ \t]+)?(?:{UPPER_MONTHS})\.?"
    r"(?:,?[ \t]+(?:(?:19|20)\d\d|['’]\d\d))?\b"
    rf"|\b(?:{UPPER_MONTHS})\.?[ \t]+(?:[12]\d|3[01]|0?[1-9])(?:ST|ND|RD|TH|st|nd|rd|th)?,?[ \t]+(?:19|20)\d\d\b"
)
MONTH_NAMED_RE = re.compile(rf"\b(?:{MONTHS})\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b")


def _loose_date_finds(text):
    for m in DAY_MONTH_YY_RE.finditer(text):
        if "may" not in m.group():  # "5 may 22": the verb, not the month
            yield m.start(), m.end(), _date_kind(text, m.start())
    for m in MONTH_DAY_RE.finditer(text):
        if not m.group().lower().startswith("may ") or re.search(r"st|nd|rd|th|\d{4}", m.group()):
            yield m.start(), m.end(), _date_kind(text, m.start())
    for m in RANGE_RE.finditer(text):  # "3-5 Aug 2021", "15 & 16 Jun", "2 and 9 December": the first day too
        yield m.start(), m.end(), "DATE"
    for pattern in (YEAR_FIRST_RE, CAPITALS_DATE_RE):
        for m in pattern.finditer(text):
            yield m.start(), m.end(), _date_kind(text, m.start())
    first_month = MONTH_NAMED_RE.search(text)
    for m in ORDINAL_RE.finditer(text):
        start, end = m.span(1)
        before = DAY_ALONE_BEFORE_RE.search(text, max(0, start - 16), start)
        if not before:
            continue
        days = [(start, end)]
        for more in DAY_LIST_RE.finditer(text, end):  # "on the 7th, 8th and 10th"
            if more.start() != days[-1][1]:
                break
            days.append(more.span(1))
        end = days[-1][1]
        weekday = re.match(rf"(?i:{SHORT_WEEKDAY})\b", before.group())
        if before.group().startswith("the") and len(days) == 1:
            continue  # "the 3rd" with no "on" before it needs a list of days ("the 7th and 8th")
        if ORDINAL_NOT_DAY_RE.match(text, end) or not (
            weekday or before.group().lower().startswith("on") or AFTER_DAY_ALONE_RE.match(text, end)
        ):
            continue  # "the 2nd floor", "on the 3rd occasion", "the 5th and 6th floors"
        if not weekday and (first_month is None or first_month.start() > start + 200):
            continue  # "the 14th" is a date only once a month has been named (or is just after)
        for day_start, day_end in days:
            yield day_start, day_end, "DATE"
    figures_day_first = FULL_FIGURES_DATE_RE.search(text) is not None or DAY_MONTH_NAMED_RE.search(text) is not None
    for m in DAY_MONTH_FIGURES_RE.finditer(text):
        start, end = m.span(1)
        if NOT_FIGURES_DATE_AFTER_RE.match(text, end):
            continue  # "3/4 of a term", "24/48 hours", "3.5%"
        if (
            m.group(2) == "."
            and not TIME_AFTER_RE.match(text, end)
            and not re.search(r"\bon[ \t]+$", text[max(0, start - 4) : start])
        ):
            continue  # "1.4" is a date only as "on 1.4" or before a time; otherwise a decimal
        if re.search(r"(?i:scored?|rated?|out of|ratio|score|\bage:?)\s*$", text[max(0, start - 12) : start]):
            continue  # "Age 4/12" is four months old, as clinicians write it
        if DOCUMENT_PART_BEFORE_RE.search(text, max(0, start - 60), start):
            continue  # "paragraph 4.11:", "sections 3.2 and 3.4": a report's own numbering
        if DATE_WORD_BEFORE_RE.search(text, max(0, start - 14), start) or TIME_AFTER_RE.match(text, end):
            yield start, end, _date_kind(text, start)
        elif m.group(2) == "/" and figures_day_first and _short_date_fits(text, start, end):
            yield start, end, _date_kind(text, start)
    if figures_day_first:
        for m in DAY_RANGE_FIGURES_RE.finditer(text):  # "phototherapy 20–22/03."
            if _short_date_fits(text, m.start(), m.end()):
                yield m.start(), m.end(), "DATE"


# A document that writes its full dates in figures day first ("14/03/2024") writes its short ones the same
# way ("revisit 21/9 when", "court 22/05.", "Visits: 06/02, 13/02"): there a day and a month in figures are a
# date wherever what follows ends or starts a clause, as after a day written alone. Not a score or a
# fraction ("scored 3/4", "3/4 of", "24/7", "50/50": a month is at most 12, a day 31).
FULL_FIGURES_DATE_RE = re.compile(r"\b(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])/(?:(?:19|20)?\d\d)\b")
DAY_MONTH_NAMED_RE = re.compile(rf"\b(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?[ \t]+(?:{MONTHS})\b")
DAY_RANGE_FIGURES_RE = re.compile(
    r"(?<![\w/.£$€-])(?:[12]\d|3[01]|0?[1-9])[ \t]*[–-][ \t]*(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])(?![\w/-]|\.\d)"
)
NOT_SHORT_DATE_BEFORE_RE = re.compile(
    r"(?i:scored?|rated?|out of|ratio|score|attendance|marks?|level|grade|vote[sd]?)\W*$"
)


def _short_date_fits(text, start, end):
    if text[start:end] in ("24/7", "1/2", "1/3", "2/3", "1/4", "3/4"):
        return False
    if NOT_SHORT_DATE_BEFORE_RE.search(text[max(0, start - 14) : start]):
        return False
    return bool(AFTER_DAY_ALONE_RE.match(text, end)) and not NOT_FIGURES_DATE_AFTER_RE.match(text, end)


def _date_kind(text, start):
    return "DATE_OF_BIRTH" if BIRTH_CONTEXT.search(text[max(0, start - 40) : start]) else "DATE"


# Telephone numbers in every spacing ---------------------------------------------------------------------
# A UK number is its trunk prefix (0, +44, +44 (0), 0044) and nine or ten more digits, in groups parted by
# spaces, hyphens, dots or brackets however the writer grouped them ("07700 90 05 44", "0 7700 900 123",
# "(0151) 496-0234", "+44 (0)7700 900 563"), with an extension after it. What is not a phone: more digits
# or a sum of money ("£1,250"), a number not starting with a UK trunk prefix (NHS numbers, crime references),
# a date or a time (their separators are slashes and colons).
UK_PHONE_RE = re.compile(
    r"(?<![\w+£$€.,-])(?:(?:\+[ \t]?44|0044)[ \t]?(?:\([ \t]?0[ \t]?\)[ \t]?)?\(?|\(?0(?!0))"
    r"(?:(?:[ \t]|[ \t]*\n[ \t]*(?=\d))?[-.)]?[ \t]?\d){9,11}(?![\w:]|[.,]\d|/(?![ \t]*[0+]))"
)
EXTENSION_RE = re.compile(r"[ \t]*(?:,[ \t]*)?(?:ext\.?|extn\.?|extension|x)[ \t]*\d{2,5}\b", re.I)
PHONE_LABEL_BEFORE_RE = re.compile(
    r"(?i:tel|telephone|phone|mob|mobile|landline|fax|contact|number|no|call|ring|rang|text)\W{0,4}$"
)


def _uk_phone_finds(text):
    for m in UK_PHONE_RE.finditer(text):
        raw = m.group()
        start = m.start() + len(raw) - len(raw.lstrip())
        digits = re.sub(r"\D", "", raw)
        national = digits[4:] if digits.startswith("0044") else digits[2:] if digits.startswith("44") else digits
        national = national if national.startswith("0") else "0" + national
        if national.startswith("00"):
            national = national[1:]  # "+44 (0)7700 ...": the (0) is the trunk prefix written twice
        groups = re.findall(r"\d+", raw)
        if len(national) == 12 and not (national.startswith(("01", "02")) and [len(g) for g in groups[-2:]] == [3, 4]):
            continue  # one digit too many, grouped as a number is ("01296 496 0101"): a phone, mistyped or invented
        if len(national) not in (10, 11, 12) or national[1] not in "1235789" or len(groups) > 6:
            continue
        if "\n" in raw and not re.search(r"\d{3,}[ \t]*\n[ \t]*\d{3,}", raw):
            continue  # a number broken over a line only between groups of digits
        if len(national) == 10 and not (
            national.startswith(("01", "08")) or PHONE_LABEL_BEFORE_RE.search(text[max(0, start - 14) : start])
        ):
            continue  # ten-digit numbers are some 01 and 0800 numbers; anything else shorter needs a label
        if sum(len(g) == 1 for g in groups) > 1:
            continue  # "0 1 2 3 ...": a list of figures, not a number someone dialled
        end = m.end()
        extension = EXTENSION_RE.match(text, end)
        yield start, extension.end() if extension else end, "PHONE", "doubtful" if len(national) == 12 else "rule"


# Schools and health settings beyond a keyword at the end ------------------------------------------------
# "Ravenscliffe High School & Sports College", "Harrowby Lane Junior & Infant School": two kinds joined;
# "Cedar Lodge CAMHS"; "Larkspur Unit" or "Jessop Wing" where the sentence is about health care (wards are
# not labelled); "Talmud Torah Tiferes Shlomo", "Darul Uloom Bolton": faith schools named keyword first;
# "Little Acorns (childminder-run pre-school", "The Rathbone Centre, an alternative provision": a name the
# text introduces as a kind of setting.
SCHOOL_WORD = r"(?:School|College|Academy|Nursery|Sixth Form|Infants?|Juniors?|Primary|High)"
JOINED_SETTING_RE = re.compile(
    rf"\b{SCHOOL_WORD}[ \t]+(?:&|and)[ \t]+(?:[A-Z][\w'’-]*[ \t]+){{0,3}}(?:{SCHOOL_WORD}|Children['’]s Centre)\b"
)
SERVICE_AFTER_SETTING_RE = re.compile(r"\b(?:Lodge|House|Centre|Clinic|Unit)[ \t]+\(?(?:CAMHS|SARC|PICU)\b\)?")
HEALTH_UNIT_RE = re.compile(r"\b(?:Unit|Wing)\b")
HEALTH_CONTEXT_RE = re.compile(
    r"(?i:admitted|admission|inpatient|in-patient|hospital|camhs|mental health|psychiatr|discharged|patient|clinic|"
    r"maternity|midwi|birth|neonatal|paediatric|medical|tier 4|nhs|ward)"
)
NOT_HEALTH_UNIT_WORDS = frozenset(
    """Crime Crimes Gang Gangs Abuse Protection Investigation Intelligence Offender Cyber Fraud Homicide Trafficking
    Prevent Support Response Custody Dog Traffic Firearms Major Serious Organised Public Vulnerability Missing
    Exploitation Safeguarding Assessment Referral Family Intervention Housing Unit Police Special Specialist
    Enforcement Operations Operational Policy Business Finance Research Data Performance Quality""".split()
)
FAITH_SCHOOL_FIRST_RE = re.compile(
    r"\b(?:Talmud Torah|Darul Uloom|Dar al-Uloom|Madrass?ah?|Jamia)[ \t]+(?:[A-Z][\w'’-]*)(?:[ \t]+[A-Z][\w'’-]*){0,2}"
)
KIND_NOUNS = {
    "pre-school": "SCHOOL",
    "preschool": "SCHOOL",
    "nursery": "SCHOOL",
    "playgroup": "SCHOOL",
    "school": "SCHOOL",
    "academy": "SCHOOL",
    "alternative provision": "SCHOOL",
    "pupil referral unit": "SCHOOL",
    "PRU": "SCHOOL",
    "sixth form": "SCHOOL",
    "inpatient unit": "HEALTH_SETTING",
    "in-patient unit": "HEALTH_SETTING",
    "mental health unit": "HEALTH_SETTING",
    "psychiatric unit": "HEALTH_SETTING",
    "hospital": "HEALTH_SETTING",
    "clinic": "HEALTH_SETTING",
    "surgery": "HEALTH_SETTING",
    "GP practice": "HEALTH_SETTING",
    "hospice": "HEALTH_SETTING",
    "children's home": "PLACE",
    "children’s home": "PLACE",
    "hostel": "PLACE",
    "refuge": "PLACE",
}
INTRODUCED_RE = re.compile(
    r"(?<![\w'’])((?:The[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,3})[ \t]*(?:,[ \t]*|\([ \t]*)"
    r"(?:(?:an?|the|our|their|his|her|its)[ \t]+)?((?:(?!(?:of|for|to|at|from|with|by|and)\b)[\w-]+[ \t]+){0,3}?)"
    r"(" + "|".join(sorted(map(re.escape, KIND_NOUNS), key=len, reverse=True)) + r")(?=[ \t]*[,.;:)]|[ \t]+(?:in|at|on|"
    r"for|which|that|where|run|and|with|near|two|three|until|since|from)\b)"
)


def _more_setting_finds(text):
    for m in JOINED_SETTING_RE.finditer(text):
        found = name_start(text, m.start())
        if found:
            yield found[0], m.end(), "SCHOOL"
    for m in SERVICE_AFTER_SETTING_RE.finditer(text):
        found = name_start(text, m.start())
        if found:
            yield found[0], m.end(), "HEALTH_SETTING"
    for m in HEALTH_UNIT_RE.finditer(text):
        found = name_start(text, m.start(), limit=3)
        if not found:
            continue
        start, words = found
        if any(w in NOT_HEALTH_UNIT_WORDS or w.lower() in GENERIC_SERVICE_WORDS for w in words):
            continue  # "the Child Abuse Investigation Unit", "Gang Unit": a team, not a setting
        paragraph_start = text.rfind("\n\n", 0, start) + 1
        paragraph_end = text.find("\n\n", m.end())
        paragraph = text[
            max(paragraph_start, start - 250) : m.end() + 150
            if paragraph_end < 0
            else min(paragraph_end, m.end() + 150)
        ]
        if HEALTH_CONTEXT_RE.search(paragraph):
            yield with_the(text, start), m.end(), "HEALTH_SETTING"
    for m in FAITH_SCHOOL_FIRST_RE.finditer(text):
        yield m.start(), m.end(), "SCHOOL"
    for m in INTRODUCED_RE.finditer(text):
        name, kind = m.group(1), KIND_NOUNS[m.group(3)]
        words = name.split()
        if words[0] in COMMON_CAPITALISED and words[0] != "The":
            continue
        if any(w in COMMON_CAPITALISED and w != "The" for w in words) or _all_listed_names(words):
            continue  # "Mrs Lund, the head", "Jade (school nurse)": a person, not a setting
        yield m.start(1), m.end(1), kind


def _all_listed_names(words):
    from .names import forenames, surnames

    first, first_ambiguous = forenames()
    last, last_ambiguous = surnames()
    return all(w in first or w in last or w in first_ambiguous or w in last_ambiguous for w in words if w != "The")


# Settings and addresses written in capitals --------------------------------------------------------------
UPPER_KEYWORDS = frozenset(
    {k.upper() for k in KEYWORD_KINDS if k[:1].isupper()} | {s.upper() for s in STREET_SUFFIXES if len(s) > 2}
)
CAPS_RUN_RE = re.compile(r"(?<![\w'’])[A-Z][A-Z'’&-]*(?:[ \t]+[A-Z][A-Z'’&-]*)+(?![\w'’])")
CAPS_FLAT_RE = re.compile(r"\b(?:FLAT|APARTMENT|ROOM|UNIT)(?=[ \t]+\d)")
SMALL_WORDS = {"OF": "of", "AND": "and", "ON": "on", "IN": "in", "AT": "at", "UPON": "upon", "THE": "the"}


def capitals_as_titles(text):
    """'ROYAL OLDHAM HOSPITAL', '37 CROFT STREET', 'ST MATTHEW'S RC HIGH SCHOOL': the words in capitals up to
    a setting's keyword or a street word (and an "OF X" after it) are read in Title Case, so the rules that
    walk back from a keyword find them; short acronyms (RC, CE) stay. Same length, so offsets are unchanged."""
    if not CAPS_RUN_RE.search(text):
        return text

    def titled(m):
        words = re.split(r"([ \t]+)", m.group())
        tokens = words[::2]
        keyword_at = [
            i
            for i, w in enumerate(tokens)
            if w in UPPER_KEYWORDS or " ".join(tokens[max(0, i - 1) : i + 1]) in UPPER_KEYWORDS
        ]
        if not keyword_at:
            return m.group()
        last = keyword_at[-1]
        if last + 2 < len(tokens) and tokens[last + 1] in ("OF", "ON", "AT"):
            last = min(len(tokens) - 1, last + 3)
        first = max(0, keyword_at[0] - 5)
        out = []
        for i, token in enumerate(tokens):
            if first <= i <= last:
                out.append(_title_word(token, i == first))
            else:
                out.append(token)
            if 2 * i + 1 < len(words):
                out.append(words[2 * i + 1])
        return "".join(out)

    text = CAPS_RUN_RE.sub(titled, text)
    return CAPS_FLAT_RE.sub(lambda m: m.group().title(), text)


def _title_word(word, first):
    if word in SMALL_WORDS:
        return word.title() if first else SMALL_WORDS[word]
    if (
        (len(word) <= 2 and word != "ST")
        or word in COMMON_CAPITALISED
        or word.upper() in ("NHS", "GP", "CAMHS", "PRU", "UTC", "JIN")
    ):
        return word  # RC, CE, NHS: acronyms stay as written
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


# Ethnicity and religion as forms and police records write them --------------------------------------------
CENSUS_HEAD = (
    r"(?:White|Black|Asian|Mixed|Chinese|Arab|Other)(?:[ \t]*/[ \t]*(?:Black|Asian|African|Caribbean|Multiple|Mixed)"
    r"(?:[ \t]+(?:British|ethnic[ \t]+groups?))?)*(?:[ \t]+or[ \t]+(?:Black|Asian)[ \t]+British)?"
)
CENSUS_RE = re.compile(
    rf"\b{CENSUS_HEAD}[ \t]*[-–—:][ \t]*(?:[Aa]ny[ \t]+other[ \t]+[A-Za-z ]{{1,30}}?background|"
    + alternation(ETHNICITIES)
    + r")\b"
)
LOWER_ETHNICITY_RE = re.compile(
    r"\b(?:white|black|mixed)[ \t]+(?:British|Irish|European|Other|other|Caribbean|African|Asian)\b|\bmixed[- ]race\b"
)
PLURAL_ETHNICITY_RE = re.compile(r"\b(?:" + alternation(ETHNICITIES) + r")s\b")
IC_CODE_RE = re.compile(r"\bIC[ ]?[0-9]\b")
SDE_CODE_RE = re.compile(
    r"(?i:ethnicity|SDE|self[- ]defined(?:[ \t]+ethnicity)?|ethnic[ \t]+code)\W{0,4}([WMABO][1-9])\b"
)
COLOUR_PERSON_RE = re.compile(
    rf"\b(?:white|black|White|Black|Asian|mixed[- ]race|Mixed[- ]race)(?=[ \t]+(?:British[ \t]+)?(?:{PERSON_NOUNS})\b)"
)


MORE_ETHNICITY_RE = re.compile(r"\b(?:" + alternation(MORE_ETHNICITIES) + r")s?\b")
ISLAMIC_RE = re.compile(r"\bIslamic(?=[ \t]+[a-z]|[ \t]*[,.;)])")


def _more_identity_finds(text):
    for pattern in (CENSUS_RE, LOWER_ETHNICITY_RE, PLURAL_ETHNICITY_RE, IC_CODE_RE, COLOUR_PERSON_RE):
        for m in pattern.finditer(text):
            yield m.start(), m.end(), "ETHNICITY"
    for m in MORE_ETHNICITY_RE.finditer(text):
        if not ethnicity_names_a_thing(text, m.start(), m.end()):
            yield m.start(), m.end(), "ETHNICITY"
    for m in SDE_CODE_RE.finditer(text):
        yield m.start(1), m.end(1), "ETHNICITY"
    for m in ISLAMIC_RE.finditer(text):  # "an Islamic upbringing"; "Islamic Relief" is a charity
        yield m.start(), m.end(), "RELIGION"


def religion_names_a_body(text, end):
    after = re.match(r"[ \t]+([\w'’]+)", text[end : end + 30])
    return bool(after and after.group(1) in NOT_RELIGION_AFTER)


LISTED_GROUPS_AFTER_RE = re.compile(r"(?:[ \t]*(?:,|and|&)[ \t]*[A-Z][a-z]+)+[ \t]+([\w'’]+)")


def ethnicity_names_a_thing(text, start, end):
    """'Polish Family Association', 'a Turkish barber's', 'speaks Romanian', 'a Somali interpreter': the word
    names a language, a body or a thing, not a person's ethnicity."""
    listed = LISTED_GROUPS_AFTER_RE.match(text, end)
    if listed and listed.group(1) in NOT_ETHNICITY_AFTER:
        return True  # "Gypsy, Roma and Traveller liaison": groups listed in the name of a service
    after = re.match(r"[ \t]+([\w'’]+)(?:[ \t]+([\w'’]+))?", text[end : end + 40])
    if after and (
        after.group(1) in NOT_ETHNICITY_AFTER
        or (after.group(2) and after.group(2) in NOT_ETHNICITY_AFTER and after.group(1)[:1].isupper())
    ):
        return True
    if re.match(r"[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]+", text[end : end + 60]):
        return True  # "Scottish Child Interview Model": the first word of a proper name of three words or more
    before = text[max(0, start - 20) : start]
    line_start = text.rfind("\n", 0, start) + 1
    return bool(
        LANGUAGE_AFTER_RE.match(text, end)
        or (LANGUAGE_BEFORE_RE.search(before) and not re.search(r"\b(?:and|in)\s+$", before))
        or (MORE_LANGUAGE_BEFORE_RE.search(before) and not PERSON_NOUN_AFTER_RE.match(text, end))
        or LANGUAGE_FIELD_RE.search(text, line_start, start)
        or BRACKETED_LANGUAGE_RE.search(before)
        or LANGUAGE_LIST_RE.match(text, end)
        or re.search(r"\bEnglish[ \t]*/[ \t]*$", before)
    )


# A language, not a people: the value of a field for languages or interpreting ("Lang: Polish/English",
# "Interpreter: telephone, Vietnamese, via ...", "Interpreter: Mr Lucian Dumitru (Romanian; ..."), what one
# understands, continues or is fluent in ("some Turkish", "continue in Romanian"), a language listed with
# English ("Polish/English"), or what a class, a mass or teaching is in ("Gujarati + bhajan class",
# "Welsh-medium", "Polish mass").
LANGUAGE_FIELD_RE = re.compile(
    r"(?i:\b(?:lang(?:uages?)?|interpreter|interpreting|spoken|first language|main language|home language)\b"
    r"[^\n:]{0,4}:"
    r"|\binterpreter:?[ \t]+(?:[A-Z][\w'’.-]*[ \t]+){1,4}\()[^:\n]*$"
)
# "asked me (in Polish)", "DA leaflet (Portuguese)": the language something is said or written in, in brackets
BRACKETED_LANGUAGE_RE = re.compile(
    r"(?:\(in[ \t]+|\b(?i:leaflets?|letters?|information|booklets?|materials?|versions?|translated|forms?)[ \t]*\()$"
)
MORE_LANGUAGE_BEFORE_RE = re.compile(
    r"\b(?i:understands?|understood|reads?|writes?|fluent in|fluently|some|basic|limited|little|"
    r"in[ \t]+(?:her|his|their)[ \t]+own|rather than|English and|"
    r"(?:continued?|conducted|carried out|written|delivered|held|interviewed|talked|chatted|answered|spoke|speak|"
    r"asked (?:me|him|her|them|us)|"
    r"replied|communicated?|texts?|messages?|wrote|said it)[ \t]+in)\s+$"
)
PERSON_NOUN_AFTER_RE = re.compile(rf"[ \t]+(?:{PERSON_NOUNS})\b")
LANGUAGE_LIST_RE = re.compile(
    r"(?:[ \t]*/[ \t]*English\b|[ \t]*\+[ \t]*\w|-medium\b|[ \t]+(?:mass|class|classes|lessons?|tuition|medium|"
    r"version|subtitles|translation|translations|interpreters|GCSE|A-level)\b)"
)


DEMONYM_RE = re.compile(r"[A-Z][a-z]+(?:ian|ean|an|ese|ish|i|ic|ch)s?")
NOT_DEMONYM_RE = re.compile(r".*(?:ician|tician|arian|rian|dian|ilian|orian|ist|ic)s?")


def norp_is_group(text, start, end):
    """The model's NORP label is kept for an ethnicity, nationality or faith ('Eritrean'), not for a job or
    a word in a table it mislabels ('Paediatrician', 'Dentist')."""
    word = text[start:end]
    known = {w.lower() for w in ETHNICITIES} | {w.lower() for w in list(RELIGIONS) + MORE_RELIGIONS}
    if word.lower() in known or word.lower().rstrip("s") in known:
        return not ethnicity_names_a_thing(text, start, end)
    if not DEMONYM_RE.fullmatch(word) or NOT_DEMONYM_RE.fullmatch(word):
        return False
    return not ethnicity_names_a_thing(text, start, end)


# Addresses: floors, and a house's name before its street --------------------------------------------------
FLOOR_BEFORE_RE = re.compile(
    r"(?i:(?:ground|first|second|third|fourth|fifth|top|basement|lower[ \t]+ground|upper|\d(?:st|nd|rd|th))"
    r"[ \t]+floor(?:[ \t]+(?:flat|front|rear|back))?),?[ \t]+$"
)
PLOT_BEFORE_RE = re.compile(r"\b(?:Plot|Pitch|Bedsit|Maisonette|Studio|Caravan)[ \t]+(?:\d+[A-Za-z]?,?[ \t]+)?$")
HOUSE_NAME_BEFORE_RE = re.compile(
    r"(?:^|(?<=[\n:,(])|(?<=\bat[ \t])|(?<=\bof[ \t])|(?<=\bto[ \t]))[ \t]*((?:The[ \t]+)?(?:[A-Z][\w'’-]*[ \t]+){0,2}"
    r"(?:Cottage|Cottages|Farm|Farmhouse|Barn|Forge|Mill|Lodge|House|Hall|Grange|Manor|Rectory|Vicarage|Bungalow|"
    r"Villa|Works|Stables|Oast|Coach House|Old School|Orchard|Smithy|Granary|Byre))[ \t]*(?:,[ \t]*\n?|\n)[ \t]*$",
    re.M,
)


def address_prefix_start(text, start):
    """Where an address begins when a floor ('Second Floor Flat, 41 Granby Street') or a house's name on the
    line or before the comma above ('The Old Forge\nBack Lane', 'Rose Cottage, Mill Lane') comes first."""
    plot = PLOT_BEFORE_RE.search(text, max(0, start - 30), start)
    if plot:
        start = plot.start()
    floor = FLOOR_BEFORE_RE.search(text, max(0, start - 40), start)
    if floor:
        start = floor.start()
    house = HOUSE_NAME_BEFORE_RE.search(text, max(0, start - 60), start)
    if house:
        start = house.start(1)
    the = re.search(r"(?:^|(?<=[\n:]))[ \t]*(The)[ \t]+$", text[max(0, start - 8) : start])
    if the:
        start = start - len(the.group()) + the.start(1) - the.start()
    return start


NUMBERED_STREET_RE = re.compile(
    r"(?<![\w./-])(?<!Year )(?<!Section )(?<!Tier )(?<!Level )(?<!Room )(?<!Ward )(?<!aged )(?<!age )(?<!Page )"
    r"\d{1,4}[A-Za-z]?,?[ \t]+(?:[A-Z][a-z'’-]+[ \t]+){1,3}(?:"
    + "|".join(sorted(STREET_SUFFIXES, key=len, reverse=True))
    + r")\b"
)


# An address as a form's value runs from its first number or capitalised word to the postcode, or to the
# end of the field ("Address: Pitch 9, Rosehill Caravan Site, Moss Lane, M44 6GT", "Address: 23 Stonebridge
# Park, NW10 8RL"); and a house number with capitalised words is an address whatever the street's last word
# when a postcode or a town and a postcode follow ("12 Fossway, NE6 4QE", "3 Wheal Gerry,\nCamborne TR14 7AE"),
# or when it follows "lives at", "of", "at" and ends the clause ("of 9 Dacre Park,", "at 27 Heol Iestyn.").
ADDRESS_FIELD_RE = re.compile(
    r"(?:^|(?<=[ \t]))"
    r"(?:(?i:address|addr|home address|current address|previous address)[ \t]*[:–-]|(?i:current|previous|home):)[ \t]*"
    r"(?:c/o[^,\n]{0,30},[ \t]*)?(?=[A-Z0-9])([^\n\t]{3,90}?)(?=[ \t]{2,}|\t|[ \t]*\(|[ \t]*$|[ \t]*;|[ \t]+[·|][ \t])",
    re.M,
)
HOUSE_WORDS = r"(?:y|yr|[A-Z][\w'’-]+)"
NUMBERED_WORDS_ADDRESS_RE = re.compile(
    r"(?<![\w./£$€-])\d{1,4}[A-Za-z]?(?:[–-]\d{1,4})?[ \t]+[A-Z][\w'’-]+(?:[ \t]+" + HOUSE_WORDS + r"){0,3}"
    r"(?=,?[ \t]*\n?[ \t]*(?:[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+)?,?[ \t]*)?[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}\b)"
)
LIVES_AT_RE = re.compile(
    r"\b(?:lives|living|lived|staying|stays|resides|residing|moved|address|place|home|flat|house)[ \t]+(?:at|to)[ \t]+"
    r"|\b(?:of|at)[ \t]+(?=\d)"
)
NUMBERED_WORDS_END_RE = re.compile(
    r"\d{1,4}[A-Za-z]?(?:[–-]\d{1,4})?[ \t]+[A-Z][\w'’-]+(?:[ \t]+" + HOUSE_WORDS + r"){0,3}(?=[ \t]*(?:[,.;)]|\n|$))"
)


def _address_value_finds(text):
    for m in ADDRESS_FIELD_RE.finditer(text):
        value = m.group(1)
        if not (re.search(r"\d", value) or STREET_RE.search(value) or POSTCODE_RE.search(value)):
            continue  # "Address: not known", "Home: Ashbrook House children's home" is a place's
        if re.match(r"(?:NFA|N/A|None|Unknown|Not|As above|See)\b", value, re.I):
            continue
        start, end = m.start(1), m.end(1)
        postcode = POSTCODE_RE.search(text, start, end)
        if postcode:
            end = postcode.end()
        yield start, end, "ADDRESS"
    for m in NUMBERED_WORDS_ADDRESS_RE.finditer(text):
        words = m.group().split()[1:]
        if any(w in COMMON_CAPITALISED or w in MONTH_NAMES for w in words):
            continue
        yield address_prefix_start(text, m.start()), address_end(text, m.end()), "ADDRESS"
    for m in LIVES_AT_RE.finditer(text):
        street = NUMBERED_WORDS_END_RE.match(text, m.end())
        if not street:
            continue
        words = street.group().split()[1:]
        if any(w in COMMON_CAPITALISED or w in MONTH_NAMES for w in words):
            continue
        yield address_prefix_start(text, street.start()), address_end(text, street.end()), "ADDRESS"


MONTH_NAMES = frozenset(MONTHS.split("|")) | frozenset(
    "January February March April May June July August September October November December".split()
)


# Names whose kind comes first, as Welsh and Cornish names are written: "Ysgol Gymraeg Bro Allta", "Cylch
# Meithrin Trefforest", "Ysbyty Ystrad Fawr", "Parc Penallta", "Tŷ Croeso"; streets "Heol y Coed", "Ffordd
# y Parc", "Maes y Deri", "Wheal Gerry" (with a house number before them when there is one).
KIND_FIRST = {
    "Ysgol": "SCHOOL",
    "Cylch Meithrin": "SCHOOL",
    "Meithrinfa": "SCHOOL",
    "Coleg": "SCHOOL",
    "Ysbyty": "HEALTH_SETTING",
    "Meddygfa": "HEALTH_SETTING",
    "Canolfan": "PLACE",
    "Parc": "PLACE",
    "Tŷ": "PLACE",
    "Capel": "PLACE",
    "Eglwys": "PLACE",
    "Heol": "ADDRESS",
    "Ffordd": "ADDRESS",
    "Stryd": "ADDRESS",
    "Lôn": "ADDRESS",
    "Maes": "ADDRESS",
    "Rhodfa": "ADDRESS",
    "Cilgant": "ADDRESS",
    "Wheal": "ADDRESS",
}
KIND_FIRST_RE = re.compile(
    r"(?<![\w'’])(" + "|".join(sorted(KIND_FIRST, key=len, reverse=True)) + r")[ \t]+"
    r"((?:(?:y|yr|'r|’r)[ \t]+)?[A-ZŴŶ][\wâêîôûŵŷ'’-]*"
    r"(?:[ \t]+(?:(?:y|yr|'r|’r|a|ac)[ \t]+)?[A-ZŴŶ][\wâêîôûŵŷ'’-]*){0,3})"
)


def _kind_first_finds(text):
    for m in KIND_FIRST_RE.finditer(text):
        kind = KIND_FIRST[m.group(1)]
        words = m.group(2).split()
        if words[0] in COMMON_CAPITALISED or words[0] in MONTH_NAMES:
            continue
        start, end = m.start(), m.end()
        if kind == "ADDRESS":
            number = re.search(r"(?<![\w/.-])\d{1,4}[A-Za-z]?,?[ \t]+$", text[max(0, start - 8) : start])
            if number:
                start -= len(number.group())
            start = address_prefix_start(text, start)
            end = address_end(text, end)
        yield start, end, kind


# A shop or hotel of a chain is named by the chain and its branch: the place before it ("Bilborough Tesco
# Express", "Bulwell Morrisons") or after it ("Travelodge Nottingham Riverside").
BRANCH_BEFORE_RE = re.compile(r"(?<=[a-z,;(] )([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)[ \t]+$")
BRANCH_AFTER_RE = re.compile(
    r"[ \t]+(?!(?:and|or|the|on|in|at)\b)([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})\b(?![ \t]+[a-z]+ed\b)"
)


def _chain_branch_finds(text):
    from .names import forenames

    first, _ = forenames()
    for m in CHAIN_RE.finditer(text):
        start, end = m.start(), m.end()
        before = BRANCH_BEFORE_RE.search(text, max(0, start - 30), start)
        if before and not any(
            w in COMMON_CAPITALISED or w in MONTH_NAMES or w in first or w in KEYWORD_KINDS or STREET_RE.fullmatch(w)
            for w in before.group(1).split()
        ):
            start = before.start(1)
        after = BRANCH_AFTER_RE.match(text, end)
        if after and m.group() in HOTEL_CHAINS_AND_CHAINS_WITH_BRANCHES:
            words = after.group(1).split()
            if not any(w in COMMON_CAPITALISED or STREET_RE.fullmatch(w) for w in words):
                end = after.end(1)
        if (start, end) != m.span():
            yield start, end, "PLACE"
    for m in BRAND_RE.finditer(text):
        after = BRANCH_AFTER_RE.match(text, m.end())
        if after and not PERSON_BEFORE_RE.search(text, max(0, m.start() - 16), m.start()):
            words = after.group(1).split()
            if not any(w in COMMON_CAPITALISED or STREET_RE.fullmatch(w) for w in words):
                yield m.start(), after.end(1), "PLACE"  # "Holiday Inn Express Walsall"


HOTEL_CHAINS_AND_CHAINS_WITH_BRANCHES = frozenset({"Travelodge", "Premier Inn", "Holiday Inn", "Ibis"})


# A hospital is named by the place before its emergency or intensive care department ("seen at Wythenshawe
# ED", "Transferred QMC PICU", "Royal London A&E"): capitalised words or an unknown abbreviation before it.
DEPARTMENT_AFTER_RE = re.compile(
    r"(?<![\w'’])((?:[A-Z][a-z'’]+[ \t]+){0,2}[A-Z][a-z'’]+|[A-Z]{2,5})[ \t]+"
    r"(?=(?:ED|A&E|A and E|PICU|NICU|SCBU|Emergency Department|Children's ED|Paediatric ED|minor injuries|"
    r"Minor Injuries|maternity|Maternity|antenatal clinic|labour ward|ante-natal)\b)"
)
NOT_HOSPITAL_BEFORE = frozenset(
    """The Paediatric Paediatrics Adult Adults Children's Main Local Nearest Hospital Attended Seen Taken Went Via
    To At In From Transferred Admitted Local Our Their His Her Presented Brought Discharged Ambulance Police
    Mum Dad Mother Father Baby Child""".split()
)


def _department_hospital_finds(text):
    for m in DEPARTMENT_AFTER_RE.finditer(text):
        name = m.group(1)
        words = name.split()
        while words and (words[0] in NOT_HOSPITAL_BEFORE or words[0] in COMMON_CAPITALISED):
            words.pop(0)
        if not words or any(w in MONTH_NAMES for w in words):
            continue
        if len(words) == 1 and words[0].isupper() and (words[0] in ACRONYMS or len(words[0]) < 3):
            continue  # "GP ED", "CSC A&E"
        start = m.end(1) - len(" ".join(words))
        if text[start : m.end(1)] != " ".join(words):
            continue  # words parted by more than one space
        yield start, m.end(1), "HEALTH_SETTING"


def _numbered_street_finds(text):
    """'89 North Road', '12 High Street': a number and capitalised words before a street word are an address
    even when the words are ones that also sit inside other names."""
    for m in NUMBERED_STREET_RE.finditer(text):
        words = m.group().split()[1:-1]
        court = m.group().endswith("Court") and any(w in NOT_AN_ADDRESS_LAST_WORDS for w in words)
        if court or any(w in COMMON_CAPITALISED for w in words):
            continue  # "the 2 Crown Court hearings"
        yield address_prefix_start(text, m.start()), address_end(text, m.end()), "ADDRESS"


FINDERS += (
    _loose_date_finds,
    _uk_phone_finds,
    _more_setting_finds,
    _more_identity_finds,
    _numbered_street_finds,
    _address_value_finds,
    _kind_first_finds,
    _chain_branch_finds,
    _department_hospital_finds,
)


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

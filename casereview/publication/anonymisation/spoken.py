"""Numbers as a caller says them, in the transcript of a call, a voicemail or body-worn video (issue 16, helper
anon9):

- a phone number in words: "oh seven seven double oh, nine double oh, five three two" (ten digits or more,
  "double" and "treble" counting twice and three times);
- a house number in words before its street, or after it: "forty-six Gillott Road", "Anfield Road, forty-seven";
- a postcode spelled out letter by letter: "W N 2 4 H Q";
- a date in words: "the twelfth of June last year", "Nineteenth of May '94", "Second of November"; after
  "date of birth" it is one.
"""

import re

from .dwellings import joined_with
from .patterns import prefilter_patterns
from .vocabulary import STREET_SUFFIXES

DIGIT_WORDS = {
    "oh": 1,
    "zero": 1,
    "nought": 1,
    "one": 1,
    "two": 1,
    "three": 1,
    "four": 1,
    "five": 1,
    "six": 1,
    "seven": 1,
    "eight": 1,
    "nine": 1,
    "double": 1,  # (the digit after it once more)
    "treble": 2,
    "triple": 2,
}
PHONE_WORDS_RE = re.compile(
    r"(?i:oh|zero|nought)(?:[ ,.\-]+(?i:oh|zero|nought|one|two|three|four|five|six|seven|eight|nine|double|treble"
    r"|triple)(?![a-z]))+"
)
UNITS = "one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_NUMBER = (
    rf"(?:(?:{'|'.join(TENS)})(?:[- ](?:{'|'.join(UNITS)}))?|{'|'.join(TEENS)}|{'|'.join(UNITS)}|a[ \t]+hundred"
    rf"(?:[ \t]+and[ \t]+\w+)?|(?:one|two|three)[ \t]+hundred(?:[ \t]+and[ \t]+[\w-]+)?)"
)
# (a street's last word is found first, a literal, and the number before or after it looked for beside it: a scan
# opening with a street's capitalised words was the dearest of these rules)
SUFFIX_RE = re.compile("(?:" + "|".join(STREET_SUFFIXES) + r")(?!\w)")
NUMBER_AND_STREET_WORDS_RE = re.compile(rf"\b(?i:{WORD_NUMBER})[ \t]+(?:[A-Z][a-z'’]+[ \t]+){{1,3}}$")
STREET_WORDS_RE = re.compile(r"(?<![\w'’-])(?:[A-Z][a-z'’]+[ \t]+){1,3}$")
NUMBER_AFTER_STREET_RE = re.compile(rf",[ \t]+(?i:{WORD_NUMBER})(?=[ \t]*[.,;!])")
# "Number 6, Heol y Nant,": a house number said as "number", the street in any language up to the comma
SAID_NUMBER_RE = re.compile(
    r"\b(?i:number)[ \t]+\d{1,4}[A-Za-z]?,[ \t]+[A-Z][a-z]+(?:[ \t]+(?:[a-z]{1,3}|[A-Z][a-z]+)){1,3}(?=,)"
)
SPELLED_POSTCODE_RE = re.compile(r"(?<![\w])[A-Z](?: [A-Z])? [0-9](?: [0-9A-Z])? [0-9] [A-Z] [A-Z](?![\w])")
ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth"
).split()
ORDINAL = (
    rf"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|{'|'.join(ORDINALS)})"
)
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
WORD_DATE_RE = re.compile(
    rf"\b(?i:{ORDINAL})[ \t]+of[ \t]+{MONTH}(?:,?[ \t]+(?:(?:19|20)\d\d|['’]\d\d|last[ \t]+year|this[ \t]+year))?\b"
)
BIRTH_BEFORE_RE = re.compile(r"(?i:date of birth|d\.?o\.?b|born)")


def _word_number_streets(text):
    """(start, end) of "forty-six Gillott Road" and "Anfield Road, forty-seven"."""
    for m in SUFFIX_RE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue
        window = max(0, m.start() - 90)
        before = NUMBER_AND_STREET_WORDS_RE.search(text, window, m.start())
        if before:
            yield before.start(), m.end()
        after = NUMBER_AFTER_STREET_RE.match(text, m.end())
        if after:
            street = STREET_WORDS_RE.search(text, window, m.start())
            if street:
                yield street.start(), after.end()


def spoken_finds(text, found):
    if "oh " in text or "zero" in text or "Oh " in text:
        for m in PHONE_WORDS_RE.finditer(text):
            words = re.findall(r"[a-z]+", m.group().lower())
            if sum(DIGIT_WORDS.get(w, 0) for w in words) >= 10:
                yield m.start(), m.end(), "PHONE", "rule"
    for start, end in _word_number_streets(text):
        yield (*joined_with(found, start, end), "ADDRESS", "rule")
    for m in SAID_NUMBER_RE.finditer(text):
        yield (*joined_with(found, m.start(), m.end()), "ADDRESS", "rule")
    for m in SPELLED_POSTCODE_RE.finditer(text):
        yield m.start(), m.end(), "POSTCODE", "rule"
    for m in WORD_DATE_RE.finditer(text):
        birth = BIRTH_BEFORE_RE.search(text, max(0, m.start() - 60), m.start())
        yield m.start(), m.end(), "DATE_OF_BIRTH" if birth else "DATE", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

"""Ages as people say them and as forms and notes put them (issue 16, helper anon9). Each finder reads a kind of
text, not the wording of one passage:

- said of someone in a transcript or a chat: "he's six", "she's only ten weeks!", "Kaiden's seven", "I am nine",
  "im only 14", "Are you actually eighteen?", and a bare answer on the line after an age was asked ("Girl: ...
  fourteen.", "Male: Four. Four years.");
- an age field in any wording: "Age: seven", "Age 18", "Age assessed: 16", "Age given there as 16", "his age may
  be 11, not 10";
- the age at which something happened: "At 3 months she was seen", "adopted at 4", "overdose at 16", "a child
  of 14";
- beside a person with a unit or a sex between, or a family word: "Zain Cole, male, 13 years.", "(Tommy, 9m)",
  "(Kay Ward, 3y 4m)", "her sister, seven, at"; after a date of birth: "DOB 11/01/2023, 3.";
- in a chat, an age the writer is told they look: "mature for 12", "ur fit for 13";
- Welsh and English side by side: "(2 oed / 2)", "(9 mis / 9 months)".
"""

import re

from .patterns import prefilter_patterns

TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    rf"seventeen|eighteen|nineteen|{TENS}(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
NUMBER = rf"(?:[1-9]\d?(?!\d|[.,:/]\d)|(?i:{WORD_NUMBER})(?![\w-]))"
UNIT = r"(?:years?|yrs?|months?|mths?|weeks?|wks?|days?)"
AGE = rf"{NUMBER}(?:[ \t]+(?i:{UNIT})(?:[ \t]+old)?)?"
# what may follow an age said in a sentence: its end, a comma, "and", an emoji
AFTER = r"(?=[ \t]*(?:[,.;:!?)\]\"”]|and\b|$|\n|[^\x00-\x7f]))"

NOT_SOMEONE = frozenset(
    """Year Room Flat Bay Ward Bed Page Item Score Level Step Stage Class Group Day Week Number It That This There
    What Here""".split()
)
# (the scan opens with the verb, a character class, and the word before it is checked after: a scan opening with
# any capitalised word was the dearest of these rules)
SAID_RE = re.compile(
    r"(?P<verb>['’](?:s|m|re)|[ \t](?:is|was|am|(?i:im|ur|are[ \t]+you)))"
    r"(?:[ \t]*(?:\.\.\.|…))?[ \t]+(?:(?:only|just|actually|really|now|still)[ \t]+)?"
    rf"(?P<age>{AGE}){AFTER}",
    re.M,
)
WORD_BEFORE_RE = re.compile(r"(?<![\w'’])([A-Za-z]+)$")


def _said_of_someone(text, m):
    """Whether the word before the verb makes it an age said of someone: "he's", "Kaiden's", "she is", "Brooke
    is", "I am", "I'm", "you're"; "im", "ur" and "are you" need no word before them."""
    verb = m.group("verb").strip().lower()
    if verb in ("im", "ur") or verb.startswith("are"):
        return True
    before = WORD_BEFORE_RE.search(text, max(0, m.start() - 30), m.start())
    if not before:
        return False
    word = before.group(1)
    name = word[0].isupper() and word[1:].islower() and len(word) > 1 and word not in NOT_SOMEONE
    if verb[1:] == "s":
        return word.lower() in ("he", "she", "you") or name
    if verb[1:] == "m" or verb == "am":
        return word in ("I", "i") if verb != "am" else word == "I"
    if verb[1:] == "re":
        return word.lower() == "you"
    if verb == "was":
        return word.lower() in ("he", "she")
    return word.lower() in ("he", "she") or name  # "is"


ASKED_RE = re.compile(
    rf"(?i:how old|what age|your age|age\?|are you[ \t]+(?:actually[ \t]+|really[ \t]+|even[ \t]+)?{WORD_NUMBER}\?)"
)
ANSWER_PART_RE = re.compile(rf"(?:^|(?<=[.…!?])[ \t]+|(?<=:)[ \t]*|(?<=\.\.\.)[ \t]*)(?P<age>{AGE})(?=[ \t]*[.!?,]|$)")
FIELD_RE = re.compile(
    r"(?:\bAge|\bAGE|\b(?:his|her|their|the|an?)[ \t]+age)"
    r"(?:[ \t]+(?:assessed|given|recorded|stated|reported|claimed|estimated)(?:[ \t]+[^\n:,;]{0,30}?)?)?"
    r"(?:[ \t]*[:=][ \t]*|[ \t]+(?:as|of|is|was|may[ \t]+be|might[ \t]+be|could[ \t]+be)[ \t]+|[ \t]+)"
    rf"(?P<age>{AGE})(?![ \t]*(?:[-–][ \t]*\d|to[ \t]+\d|\+|%))(?:,[ \t]+not[ \t]+(?P<other>{NUMBER}))?"
)
AT_AGE_RE = re.compile(
    rf"(?:^|(?<=[.;!?\n]))[ \t]*At[ \t]+(?P<age>{NUMBER}[ \t]+(?i:{UNIT}))(?=[ \t]*(?:[,.;)]|and\b|she\b|he\b|they\b))",
    re.M,
)
EVENT_AT_RE = re.compile(
    r"\b(?:adopted|excluded|care|overdose|pregnant|discharged[ \t]+(?:him|her)|diagnosed|married|arrested|"
    rf"convicted|left[ \t]+(?:school|home))[ \t]+at[ \t]+(?P<age>{NUMBER}(?:[ \t]+(?i:{UNIT}))?)"
    r"(?=[ \t]*(?:[,.;)]|and\b))"
)
CHILD_OF_RE = re.compile(
    rf"\b(?:child|girl|boy|teenager|young person)[ \t]+of[ \t]+(?P<age>{NUMBER})(?![ \t]*(?i:{UNIT}))"
)
BESIDE_RE = re.compile(
    rf"[\"”]?,[ \t]+(?:(?:male|female|[MF]),[ \t]+)?(?P<age>{NUMBER}(?:[ \t]*(?i:{UNIT})|y(?:[ \t]*\d{{1,2}}m)?|m))"
    r"(?=[ \t]*(?:[,.;)\]]|$|\n))",
    re.M,
)
FAMILY_BESIDE_RE = re.compile(
    r"\b(?:sister|brother|son|daughter|cousin|niece|nephew|grandson|granddaughter|half-sister|half-brother|baby)"
    rf",[ \t]+(?P<age>{NUMBER})(?=[ \t]*,)"
)
AFTER_DOB_RE = re.compile(
    r"\b(?:DOB|D\.O\.B\.?)(?:[ \t]*\([a-z]+\))?[ \t:]*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:,[ \t]*|[ \t]{2,})"
    r"(?P<age>[1-9]?\d)(?=[ \t]*(?:[.,;]|$|\n|[ \t]{2}))",
    re.M,
)
LOOKS_RE = re.compile(
    rf"\b(?:fit|mature|tall|big|small|grown[ \t]+up|developed|old)[ \t]+(?:for|4)[ \t]+(?:a[ \t]+)?(?P<age>{NUMBER})"
    rf"(?![ \t]*(?:{UNIT}|mins?|minutes?|hours?|hrs?|quid|pounds?|miles?)\b)"
)
# "im only 14 remember": "only" before a bare number said of oneself or someone in a chat
ONLY_RE = re.compile(
    rf"\b(?:i['’]?m|I['’]m|I[ \t]+am|she['’]?s|he['’]?s|ur|you['’]?re)[ \t]+only[ \t]+(?P<age>{NUMBER})"
    rf"(?![ \t]*(?:{UNIT}|mins?|minutes?|hours?|hrs?|secs?|seconds?|miles?|m|km|quid|pounds?|p|x|times|ft|feet|foot|"
    r"o['’]clock|am|pm|%)\b|[ \t]*[%£$])"
)
# a record quoted with the age after it: '"BOATENG, Kwabena Asare", 13,', '"NOS, 13"'
RECORD_RE = re.compile(
    r"[\"“](?=[^\"”\n]{0,40}[A-Z]{2})(?:[A-Z][A-Za-z'’-]*,?[ \t]*){1,4}(?:[\"”],)?[ \t]+(?P<age>[1-9]\d?)"
    r"(?=[ \t]*[,\"”)])"
)
# a row of an export read as field and value: "3,Age,10,School"; "(17 at time of arrest)"
KEY_VALUE_RE = re.compile(r"(?:^|[,;\t])(?i:age)[,;\t][ \t]*\"?(?P<age>[1-9]\d?)\"?(?=[,;\t]|$)", re.M)
AT_THE_TIME_RE = re.compile(rf"\((?P<age>{NUMBER})[ \t]+(?:years?[ \t]+)?at[ \t]+(?:the[ \t]+)?time[ \t]+of\b")
WELSH_PAIR_RE = re.compile(rf"\b(?:oed|mis)[ \t]*/[ \t]*(?P<age>{NUMBER}(?:[ \t]+(?i:{UNIT}))?)(?=[ \t]*\))")


def age_speech_finds(text, found):
    taken = [(s, e) for s, e, k, *_ in found if k in ("DATE", "DATE_OF_BIRTH", "PHONE", "ADDRESS", "POSTCODE")]
    people_ends = {e for s, e, k, *_ in found if k == "PERSON"}
    for start, end in _candidates(text, people_ends):
        if not any(s <= start < e for s, e in taken):
            yield start, end, "AGE", "rule"


def _candidates(text, people_ends):
    if "'" in text or "’" in text or " is " in text or " am " in text or "im " in text or "you" in text:
        for m in SAID_RE.finditer(text):
            if _said_of_someone(text, m):
                yield m.span("age")
    if "?" in text:
        yield from _answers(text)
    if "ge" in text or "GE" in text:
        for m in FIELD_RE.finditer(text):
            yield m.span("age")
            if m.group("other"):
                yield m.span("other")
    for pattern in (
        AT_AGE_RE,
        EVENT_AT_RE,
        ONLY_RE,
        RECORD_RE,
        KEY_VALUE_RE,
        AT_THE_TIME_RE,
        CHILD_OF_RE,
        FAMILY_BESIDE_RE,
        AFTER_DOB_RE,
        LOOKS_RE,
        WELSH_PAIR_RE,
    ):
        for m in pattern.finditer(text):
            yield m.span("age")
    for end in people_ends:
        m = BESIDE_RE.match(text, end)
        if m:
            yield m.span("age")


def _answers(text):
    """The bare answer on the line after an age was asked: "Girl: ... fourteen.", "Male: Four. Four years."."""
    lines = text.split("\n")
    offset = 0
    previous = ""
    for line in lines:
        if ASKED_RE.search(previous) and ":" in line[:30]:
            message_start = line.index(":") + 1
            for m in ANSWER_PART_RE.finditer(line, message_start):
                yield offset + m.start("age"), offset + m.end("age")
        previous = line
        offset += len(line) + 1


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

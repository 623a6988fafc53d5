"""Schools and nurseries named by a short name or a brand, known by the words around them (issue 16, helper
anon9). The name carries no "School" or "Nursery", but the sentence says what it is:

- after the kind of setting with a bracket, a colon or "is": "nursery (Little Stars @ Kendray)", "Zuzia's
  nursery is Little Owls", "school: Fulford";
- after a verb of attending school, where the sentence is about school: "Ishaan attends Stepney All Saints",
  "a place at Nancealverne", "withdrawn from Yewdale", "excluded from Southmoor";
- a uniform or tie that names it: "school tie of Ortu Gable Hall".

The same holds for a small place after its kind in a bracket: "a barber's (Capital Cuts, Green Lanes)", "soft play
(Jungle Jims at Braehead)", "the takeaway (Chicken Cottage)".
"""

import re

from .names import forenames
from .patterns import prefilter_patterns
from .vocabulary import COMMON_CAPITALISED

NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|St\.?|[A-Z]{2,4})"
NAME = rf"{NAME_WORD}(?:[ \t]+(?:(?:@|&|at|of|the|and|na)[ \t]+)?{NAME_WORD}){{0,4}}"
KIND = r"(?:nursery|pre-school|preschool|playgroup|school|college|academy|sixth form|PRU)"
AFTER_KIND_RE = re.compile(
    rf"(?<![\w-])(?i:{KIND})(?:['’]s[ \t]+name)?(?:[ \t]*\([ \t]*|[ \t]*:[ \t]*|[ \t]+is[ \t]+)"
    rf"(?P<name>{NAME})(?=[ \t]*(?:[),.;:\n]|on[ \t]|in[ \t]|$))"
)
PLACE_KIND = (
    r"(?:barber['’]?s|barbers|salon|takeaway|shop|pub|bar|club|gym|soft play|caf[eé]|restaurant|hotel|hostel|"
    r"supermarket|chippy|chip shop|off licence|nail bar|car wash|hairdresser['’]?s|garage|church|mosque|temple)"
)
PLACE_AFTER_KIND_RE = re.compile(
    rf"(?<![\w-])(?i:{PLACE_KIND})[ \t]*\([ \t]*(?P<name>{NAME})(?=[ \t]*(?:[),;]|at[ \t]|on[ \t]|in[ \t]))"
)
ATTEND_RE = re.compile(
    r"\b(?:attends|attended|attending|pupil at|on roll at|a place at|withdrawn from|excluded from|transferred to|"
    rf"moved to|started at|starts at|tie of|uniform of)[ \t]+(?P<name>{NAME})"
    r"(?=[ \t]*(?:[),.;:\n]|or\b|and\b|in\b|on\b|$))"
)
SCHOOL_CONTEXT_RE = re.compile(
    r"(?i:\b(?:school|schools|nursery|college|academy|pupil|class|teacher|DSL|SENCo|Year[ \t]?\d{1,2}|Y\d{1,2}|"
    r"Reception|exclu\w+|attendance|uniform|tie|EHCP|term|place)\b)"
)
# what a short name after these cues is not: a person's title, a role, a year, a day, an agency
NOT_A_SCHOOL_START = frozenset(
    """Mr Mrs Ms Miss Dr DSL SENCo Head Headteacher Year Reception Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November December
    Police Council Children Social Health Education Early Help CAMHS NHS Home Mum Dad Mass Church Court""".split()
)


def school_cue_finds(text, found):
    # (a name taken for a person may be the school the cue says it is: "attends Becket Keys")
    taken = [(s, e) for s, e, kind, *_ in found if kind != "PERSON"]
    for pattern, needs_context, kind in (
        (AFTER_KIND_RE, False, "SCHOOL"),
        (ATTEND_RE, True, "SCHOOL"),
        (PLACE_AFTER_KIND_RE, False, "PLACE"),
    ):
        for m in pattern.finditer(text):
            start, end = m.span("name")
            words = m.group("name").split()
            if words[0] in NOT_A_SCHOOL_START or all(w in COMMON_CAPITALISED for w in words):
                continue
            if words[0] in forenames()[0] and any(s <= start < e for s, e, k, *_ in found if k == "PERSON"):
                continue  # "Referral from the school: Jayden, Year 2": a child, not the school
            if len(words) == 1 and words[0].isupper():
                continue  # "school: SIMS", "college (BTEC)": a system or a course, not the setting
            if any(s <= start < e or start <= s < end for s, e in taken):
                continue  # a setting, a person or a place found already
            if needs_context and not _school_sentence(text, m.start(), end):
                continue
            yield start, end, kind, "rule"


def _school_sentence(text, start, end):
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right = len(text)
    for mark in (".", "\n"):
        i = text.find(mark, end)
        if i != -1:
            right = min(right, i)
    return SCHOOL_CONTEXT_RE.search(text, left, right) is not None


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

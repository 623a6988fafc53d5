"""Ages by the words around them, in the shapes the other age rules leave (issue 16, helper anon11): recall. Each
finder reads a kind of text, not the wording of one passage:

- after a person found and a comma, before a bracket or a comma ("Kyle Dunn, 16 (DOB ...)", "Jo Platt, 15, was
  seen"), with a sex word between ("Selam Haile, female, 15 (age disputed)");
- an age as someone claims it, in a bracket after an age ("(16, claims 19)", "(17, says 18)");
- a person's noun and "of" ("a man of 41", "a girl of 12", "a woman of 30");
- an age in quotes as someone said it, a half or "next week" with it ("she said "eighteen"", "he is "seven and
  a half"", "she was "fifteen next month"");
- a baby's age in months with a word of guessing or being ("maybe eight months", "is about 9 months", "her check
  was at 9 months"); not a time span ("for about 3 months", "3 months ago", "at 7 months pregnant", "6 months
  behind").

An age someone only looks ("looked about 14", "aged about 12") is left: the labels count a stranger's now and leave
it now.
"""

import re

from .patterns import prefilter_patterns

TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    rf"seventeen|eighteen|nineteen|{TENS}(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
DIGITS = r"(?:[1-9]\d?)(?![\d:/.,]\d|\d)"
NUMBER = rf"(?:{DIGITS}|(?i:{WORD_NUMBER})(?![\w-]))"
NOT_AN_AGE_AFTER = r"(?![ \t]*(?:%|am\b|pm\b|hours?\b|hrs?\b|mins?\b|minutes?\b|times\b|miles\b|kg\b|st\b|cm\b|[A-Z]))"

PERSON_AGE_RE = re.compile(rf",[ \t]+(?:(?i:male|female|boy|girl|m|f),[ \t]+)?({DIGITS})(?=[ \t]*(?:\(|,[ \t]+[a-z(]))")
PERSON_SEX_AGE_RE = re.compile(rf",[ \t]+(?i:male|female|boy|girl),[ \t]+({DIGITS})(?=[ \t]*(?:[.;)]|$))", re.M)
CLAIMED_RE = re.compile(
    rf"\([ \t]*{DIGITS}[ \t]*,[ \t]*(?i:claims|claimed|says|said|states|stated|gives|gave|reports|reported)"
    rf"[ \t]+({DIGITS})[ \t]*\)"
)
PERSON_OF_RE = re.compile(
    r"\b(?i:man|woman|boy|girl|lad|lass|male|female|person|youth|teenager|adult|gentleman|lady|mother|father)"
    rf"[ \t]+of[ \t]+({NUMBER}(?:[ \t]+years)?){NOT_AN_AGE_AFTER}(?![ \t]+(?:years?[ \t]+(?:ago|experience|service)))"
)
QUOTED_RE = re.compile(
    r"\b(?i:is|was|am|i['’]m|im|she['’]s|he['’]s|said|says|say|age|aged|answered|replied)[ \t]+[\"“‘']"
    rf"({NUMBER}(?:[ \t]+and[ \t]+a[ \t]+half)?)"
    r"(?:[ \t]+(?i:next|this)[ \t]+(?i:week|month|year|birthday))?[,.!?]?[\"”’']"
)
MONTHS_RE = re.compile(
    r"(?<!\bfor )(?<!\bin )(?<!\bover )(?<!\bafter )(?<!\bwithin )(?<!\blast )(?<!\bpast )"
    r"\b(?:(?i:maybe|perhaps|probably|possibly)[ \t]+|(?i:is|was|be|now|at)[ \t]+"
    r"(?:(?i:about|around|only|just|nearly|almost|roughly|approximately)[ \t]+)?)"
    rf"({NUMBER}[ \t]+(?i:months?))\b"
    r"(?![ \t]+(?i:ago|later|before|after|earlier|pregnant|gestation|into|of|in|on|from|since|prison|custody"
    r"|behind|ahead|delay|delayed|late|overdue))"
)


def age_place_finds(text, found):
    for _, end, kind, *_ in found:
        if kind != "PERSON":
            continue
        m = PERSON_AGE_RE.match(text, end) or PERSON_SEX_AGE_RE.match(text, end)
        if m and int(m.group(1)) < 110:
            yield m.start(1), m.end(1), "AGE", "rule"
    for pattern in (CLAIMED_RE, PERSON_OF_RE, QUOTED_RE, MONTHS_RE):
        for m in pattern.finditer(text):
            yield m.start(1), m.end(1), "AGE", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

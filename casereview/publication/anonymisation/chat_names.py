"""Names in message transcripts written as people type them (issue 16, seventh round, helper anon7).

A transcript line is "[time] speaker: message" in the shapes phone extractions, WhatsApp, SMS and social-media
exports give it: a timestamp in brackets or a date and time before the speaker; a speaker that is a name with an
emoji ("Tash 👑"), a phone number, or a handle ("xo.nevaeh", "@mammy_of_3x"). In a passage with three such lines:
- a name known from the passage (a person found, a speaker, a handle's forename) is that person in any case and
  with a possessive "s" typed without its apostrophe ("femi", "JADE", "at ellies", "hes at Jaydens");
- a listed forename written in lower case where a message names someone ("go with dean", "at mia's", "ask
  meg") is a person, unless it is an everyday word.
"""

import re
from collections import Counter

from .capitals import STOP as ENGLISH_WORDS
from .names import forenames
from .patterns import prefilter_patterns

TIMESTAMP = (
    r"(?:\[[^\]\n]{1,40}\][ \t]*"
    r"|(?:\d{1,4}[/.\-]\d{1,2}(?:[/.\-]\d{2,4})?,?[ \t]+)?"
    r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t]*[ap]m)?[ \t]*[-–,]?[ \t]*)"
)
LINE_RE = re.compile(
    rf"^[ \t>]*(?P<time>{TIMESTAMP})?(?:(?:FROM|TO)[ \t]+)?"
    r"(?P<speaker>[^\s:,]{1,32}|[^\s:,.][^:,.\n]{0,30}?)[ \t]*:[ \t]*(?P<message>\S.*)$",
    re.M,
)
HANDLE_RE = re.compile(r"@?(?=[\w.]*[A-Za-z])[\w.]*[._\d][\w.]*")
TOKEN_RE = re.compile(r"(?<![\w@.'’-])(?:[A-Z]{3,}|[A-Za-z][a-z]{2,})(?:['’]s)?(?![\w@'’-])")
HANDLE_PART_RE = re.compile(r"[a-z]{3,}")
# a word before a name in a message: a verb or preposition of being with, asking or telling someone
SLOT_BEFORE_RE = re.compile(
    r"(?:\b(?:with|ask|asked|tell|told|ring|rang|call|text|at|of|and|n|cuz|bro|sis|seen|saw|meet|met|is|was|to|"
    r"from|w|wiv|for|like|that|dont say|where is|wheres|hows|hes|shes)[ \t]+)$",
    re.I,
)


def transcript_messages(text):
    """[(speaker, start, end)] of every message line, when the passage is a transcript (three lines or more)."""
    if text.count(":") < 3:
        return []
    lines = []
    for m in LINE_RE.finditer(text):
        speaker = m.group("speaker").strip()
        if len(speaker.split()) > 4:
            continue  # "00:41 Informant reports two girls in the": a log's sentence, not a speaker
        handle = " " not in speaker and HANDLE_RE.fullmatch(speaker.strip('"“”')) is not None
        if m.group("time") or handle:
            lines.append((speaker, m.start("message"), m.end("message")))
    return lines if len(lines) >= 3 else []


def chat_name_finds(text, found, everyday_word, never_a_name):
    """Names in the messages of a transcript, by the passage's own names and by a listed forename where a
    message names someone. `everyday_word` and `never_a_name` are the detector's own tests of a word."""
    messages = transcript_messages(text)
    if not messages:
        return
    plain_forenames = forenames()[0]
    known = set()
    for start, end, kind, *_ in found:
        if kind == "PERSON":
            known.update(w.casefold() for w in re.findall(r"\b[A-Z][A-Za-z]{2,}", text[start:end]))
    turns = Counter(speaker for speaker, _, _ in messages)
    for speaker, _, _ in messages:
        for word in re.findall(r"\b[A-Z][a-z]{2,}", speaker):
            if word in plain_forenames or (turns[speaker] > 1 and not everyday_word(word) and not never_a_name(word)):
                known.add(word.casefold())  # a speaker who speaks more than once is someone
        for part in HANDLE_PART_RE.findall(speaker.lower()):
            if part.title() in plain_forenames:
                known.add(part)
    words_of_the_narrative = _lower_case_words_outside(text, messages)
    for _, start, end in messages:
        for m in TOKEN_RE.finditer(text, start, end):
            word = re.sub(r"['’]s$", "", m.group())
            titled = word.title()
            if never_a_name(titled) or word.upper() in ENGLISH_WORDS:
                continue
            key = word.casefold()
            if key not in known and key.endswith("s") and key[:-1] in known:
                key = key[:-1]  # "at ellies", "hes at Jaydens": a possessive typed without its apostrophe
            at_start = not text[start : m.start()].strip()
            if key in known:
                if everyday_word(key.title()) and (word.islower() or (at_start and not word.isupper())):
                    continue  # "no hope", "Hope u r ok": the word, not the name
                yield m.start(), m.end(), "PERSON", "name"
            elif (
                word.islower()
                and titled in plain_forenames
                and not everyday_word(titled)
                and word not in words_of_the_narrative  # the passage's own writer uses it as a word
                and SLOT_BEFORE_RE.search(text, max(start, m.start() - 12), m.start())
            ):
                yield m.start(), m.end(), "PERSON", "name"


def _lower_case_words_outside(text, messages):
    """The lower-case words of the passage outside its messages (the officer's note, the headings)."""
    outside, position = [], 0
    for _, start, end in messages:
        outside.append(text[position:start])
        position = end
    outside.append(text[position:])
    return set(re.findall(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])", " ".join(outside)))


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

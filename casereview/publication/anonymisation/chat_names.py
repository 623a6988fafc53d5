"""Names in message transcripts written as people type them (issue 16, seventh round, helper anon7).

A transcript line is "[time] speaker: message" in the shapes phone extractions, WhatsApp, SMS and social-media
exports give it: a timestamp in brackets or a date and time before the speaker; a speaker that is a name with an
emoji ("Tash 👑"), a phone number, or a handle ("xo.nevaeh", "@mammy_of_3x"). In a passage with three such lines:
- a name known from the passage (a person found, a speaker, a handle's forename) is that person in any case and
  with a possessive "s" typed without its apostrophe ("femi", "JADE", "at ellies", "hes at Jaydens");
- a listed forename written in lower case where a message names someone ("go with dean", "at mia's", "ask
  meg") is a person, unless it is an everyday word.

A chat printed without times ("kels: did u see", "mo: come back") is a transcript too when four lines or more
in a row open with a lower-case display name and two of its senders speak twice (helper anon9): each sender is a
person where they speak, where the messages name them, and where the passage quotes them ('"dom" is Dominic');
a lower-case title before a word in a message names someone ("tell miss rowley").

A chat's lower-case name quoted in the note beside it ('"kj" may be Kyle Jobling') is a person there and in the
messages; a shop chain typed in lower case in a message ("outside spar") is a named place.
"""

import re
from collections import Counter

from .capitals import STOP as ENGLISH_WORDS
from .names import forenames
from .patterns import prefilter_patterns
from .vocabulary import CHAINS

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


# "kels: did u see wat dom put": a sender's display name in lower case, no time before it
BARE_LINE_RE = re.compile(r"^[ \t>]*(?P<speaker>[a-z][a-z0-9_]{1,19})[ \t]*:[ \t]*(?P<message>[^\s/].*)$", re.M)
# a lower-case word before a colon that labels a line rather than naming its sender
NOT_SENDERS = frozenset(
    "note notes re cc fw fwd me mum dad nan nana mam mama gran grandad caller http https tel ref date time age "
    "action plan yes no ok lol update reply sent from to subject".split()
)
# '"kj" may be Kyle Jobling', '"tash" is believed to be Natasha': a chat's lower-case name quoted in a note
QUOTED_ALIAS_RE = re.compile(
    r"[\"“](?P<name>[a-z][a-z]{1,14})[\"”][ \t]+"
    r"(?:=|is|was|may[ \t]+be|might[ \t]+be|could[ \t]+be|is[ \t]+thought|is[ \t]+believed)\b"
)
# a chain's name typed in lower case in a message: "outside spar", "by the big tesco", "meet me tesco extra"
CHAIN_WORDS = sorted(
    {c.lower() for c in CHAINS if " " not in c} - {"boots", "iceland", "subway", "spoons", "pret", "costa"},
    key=len,
    reverse=True,
)
CHAIN_IN_MESSAGE_RE = re.compile(
    r"(?<![\w'’@.-])(?:" + "|".join(re.escape(c) for c in CHAIN_WORDS) + r")(?:[ \t]+(?:extra|express|metro|local))?"
    r"(?![\w'’-])"
)
TITLE_IN_MESSAGE_RE = re.compile(r"(?<![\w'’])(?:miss|mr|mrs|ms|sir)[ \t]+(?P<name>[a-z]{3,})(?![\w'’])")


def bare_chat_lines(text):
    """[(speaker, speaker start, speaker end, message start, message end)] of a chat printed without times:
    four lines or more in a row opening with a lower-case sender, two senders speaking twice; else []."""
    if "\n" not in text:
        return []
    runs, run, last_line = [], [], None
    for m in BARE_LINE_RE.finditer(text):
        line = text.count("\n", 0, m.start())
        if last_line is not None and line != last_line + 1:
            runs.append(run)
            run = []
        run.append(m)
        last_line = line
    runs.append(run)
    lines = []
    for run in runs:
        turns = Counter(m.group("speaker") for m in run)
        senders = [s for s, n in turns.items() if n >= 2 and s not in NOT_SENDERS and s.upper() not in ENGLISH_WORDS]
        if len(run) >= 4 and len(senders) >= 2:
            lines.extend(
                (m.group("speaker"), m.start("speaker"), m.end("speaker"), m.start("message"), m.end("message"))
                for m in run
            )
    return lines


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
    if len(lines) < 3:
        lines = [(speaker, start, end) for speaker, _, _, start, end in bare_chat_lines(text)]
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
    quoted = set()
    for m in QUOTED_ALIAS_RE.finditer(text):
        name = m.group("name")
        if name.upper() not in ENGLISH_WORDS and name not in NOT_SENDERS and not never_a_name(name.title()):
            quoted.add(name)
            known.add(name)
            yield m.start("name"), m.end("name"), "PERSON", "name"
    senders = set()
    for speaker, start, end, _, _ in bare_chat_lines(text):
        if speaker not in NOT_SENDERS and speaker.upper() not in ENGLISH_WORDS and not never_a_name(speaker.title()):
            senders.add(speaker)
            known.add(speaker)
            yield start, end, "PERSON", "name"
    named = set()  # names a message writes in lower case ("me and gary")
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
                if word.islower() and key == word:
                    named.add(word)
                yield m.start(), m.end(), "PERSON", "name"
            elif (
                word.islower()
                and titled in plain_forenames
                and not everyday_word(titled)
                and word not in words_of_the_narrative  # the passage's own writer uses it as a word
                and SLOT_BEFORE_RE.search(text, max(start, m.start() - 12), m.start())
            ):
                named.add(word)
                yield m.start(), m.end(), "PERSON", "name"
    if senders:
        yield from _sender_mentions(text, messages, senders, named, everyday_word)
    for word in sorted(w for w in quoted if len(w) == 2):  # ("kj", "ty": too short for the token scan above)
        for _, start, end in messages:
            for m in re.finditer(rf"(?<![\w'’@.-]){word}(?![\w'’@-])", text[start:end]):
                yield start + m.start(), start + m.end(), "PERSON", "name"


def chat_place_finds(text):
    """A shop chain's name typed in lower case in a transcript's messages is a named place."""
    for _, start, end in transcript_messages(text):
        for m in CHAIN_IN_MESSAGE_RE.finditer(text, start, end):
            yield m.start(), m.end(), "PLACE", "rule"


def _sender_mentions(text, messages, senders, named, everyday_word):
    """In a chat printed without times: its lower-case senders named in its messages by a two-letter name ("mo",
    "kj"), a name a message gave once named again ("gary isnt allowed"), senders and names quoted outside the
    messages ('"dom" is Dominic Hird', 'shows as "bex ♡"'), and any name after a lower-case title in a message."""
    short = [s for s in senders if len(s) == 2] + sorted(named)
    for _, start, end in messages:
        for sender in short:
            for m in re.finditer(rf"(?<![\w'’@.-]){sender}(?![\w'’@-])", text[start:end]):
                yield start + m.start(), start + m.end(), "PERSON", "name"
        for m in TITLE_IN_MESSAGE_RE.finditer(text, start, end):
            name = m.group("name")
            if name.upper() not in ENGLISH_WORDS and name not in NOT_SENDERS and not everyday_word(name.title()):
                yield m.start("name"), m.end("name"), "PERSON", "name"
    pattern = "|".join(re.escape(s) for s in sorted(senders | named, key=len, reverse=True))
    for m in re.finditer(rf"[\"“'‘](?P<name>{pattern})(?=[\"”'’]|[ \t]+[^\w\s])", text):
        yield m.start("name"), m.end("name"), "PERSON", "name"


def _lower_case_words_outside(text, messages):
    """The lower-case words of the passage outside its messages (the officer's note, the headings)."""
    outside, position = [], 0
    for _, start, end in messages:
        outside.append(text[position:start])
        position = end
    outside.append(text[position:])
    narrative = re.sub(r"[\"“‘][a-z]+[\"”’]", " ", " ".join(outside))  # ('"kieran" is his cousin': a name quoted)
    return set(re.findall(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])", narrative))


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

"""An abbreviation the passage shows to be a role, a service or a field is no person (issue 16, helper anon11):
precision. Initials stand for people in minutes and chronologies ("SH said", "Sarah Hanif (SH)"), so a
capitalised abbreviation at the start of a line or in a bracket is read as one; but the passage itself often says
what the letters are, and three shapes say it is no one:

- the letters are defined by words that are no name: "Call handler (CH)", "Return home interview (RHI)",
  "Public Protection Notice (PPN)", "Information, Advice & Assistance (IAA)": the initials of the words before
  the bracket spell it, and those words are not a listed forename and surname;
- the letters in a bracket after a person's name, that are not that person's initials, are the person's role or
  agency: "Ceri Walters (EMT)", "Joy Ntuli (CPCC)", "Hope Adeyemi (NYAS)";
- the letters as a label before a person's full name are that person's role: "CWO: Nicola Tennant", "FCA: Mikael
  Lund"; before a word in lower case or a number they label a field of a form: "HPC: mother reports", "CHI:
  1103099872", "PMH: born at 36 weeks".

Letters defined anywhere in the passage as a person's initials ("Sarah Hanif (SH)"), or that are the initials of
anyone the passage names in full, stay a person everywhere.
"""

import re

from .names import forenames, surnames
from .patterns import prefilter_patterns

ABBREVIATION_RE = re.compile(r"(?<![\w'’-])([A-Z]{2,6})(?![\w'’-])")
BRACKETED_RE = re.compile(r"\(([A-Z]{2,6})\)")
WORD_BEFORE_RE = re.compile(r"([^\W\d_][\w'’-]*)[^\w\n]*$")
SMALL_WORDS = frozenset("of and for the to in on at with & a an".split())
LABEL_RE = re.compile(r"^[ \t>]*([A-Z]{2,6})[ \t]*:[ \t]*(?=(\S))", re.MULTILINE)
NAME_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _initials(words):
    return "".join(w[0].upper() for w in words)


def _are_initials(letters, name):
    """Whether `letters` are the initials of the name: its first letter and then, in order, capitals of it
    ("ROB" for Rebecca O'Brien, "LRB" for Leah-Rose Bennett, "SH" for Sarah Hanif)."""
    capitals = [c for c in name if c.isupper()]
    if not capitals or capitals[0] != letters[0]:
        return False
    rest = iter(capitals[1:])
    return all(c in rest for c in letters[1:])


def _defined_by(text, start, letters):
    """The words just before `start` whose initials spell `letters` ("Call handler" for CH), small words between
    them skipped, or None."""
    words, position = [], start
    while len(words) < len(letters) and position > 0:
        m = WORD_BEFORE_RE.search(text, max(0, position - 40), position)
        if m is None or "\n" in text[m.end(1) : position]:
            return None
        position = m.start(1)
        if m.group(1).lower() in SMALL_WORDS and words:
            continue
        words.insert(0, m.group(1))
    if len(words) == len(letters) and _initials(words) == letters:
        return words
    return None


def _is_a_name(words, first, last):
    return all(w[0].isupper() for w in words) and (words[0] in first or words[-1] in last)


def without_role_abbreviations(text, found):
    """`found` without the person spans that are abbreviations the passage shows to be no person."""
    if not ABBREVIATION_RE.search(text):
        return found
    first, last = forenames()[0], surnames()[0]
    people = [(s, e) for s, e, kind, *_ in found if kind == "PERSON"]
    ends, starts = {}, {}  # (the longest person span ending, or starting, at each position)
    for s, e in people:
        ends[e] = min(ends.get(e, s), s)
        starts[s] = max(starts.get(s, e), e)
    roles, initials = set(), set()
    for m in BRACKETED_RE.finditer(text):
        letters = m.group(1)
        person = ends.get(m.start() - 1) if text[m.start() - 1 : m.start()] == " " else None
        if person is not None:
            name = NAME_WORD_RE.findall(text[person : m.start() - 1])
            if _are_initials(letters, text[person : m.start() - 1]):
                initials.add(letters)  # "Sarah Hanif (SH)"
            elif len(name) >= 2:
                roles.add(letters)  # "Ceri Walters (EMT)"
            continue
        words = _defined_by(text, m.start(), letters)
        if words is None:
            continue
        if _is_a_name(words, first, last):
            initials.add(letters)
        else:
            roles.add(letters)  # "Call handler (CH)"
    for m in LABEL_RE.finditer(text):
        letters, after = m.group(1), m.end()
        if m.group(2).islower() or m.group(2).isdigit():
            roles.add(letters)  # "HPC: mother reports", "CHI: 1103099872"
            continue
        person = starts.get(after)
        if person is not None and len(NAME_WORD_RE.findall(text[after:person])) >= 2:
            if not _are_initials(letters, text[after:person]):
                roles.add(letters)  # "CWO: Nicola Tennant"
    # (and the initials of anyone named in full: "JL: agreed to visit" in minutes where Jo Lee is present)
    roles -= initials
    named = [text[s:e] for s, e in people if len(NAME_WORD_RE.findall(text[s:e])) >= 2]
    roles = {letters for letters in roles if not any(_are_initials(letters, name) for name in named)}
    if not roles:
        return found
    return [item for item in found if not (item[2] == "PERSON" and text[item[0] : item[1]] in roles)]


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

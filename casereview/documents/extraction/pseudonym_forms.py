"""Two more ways a page gives a review's child a name: in quotation marks ("SCR ‘James’", "worked with 'John'"),
and as the child "known as" a code or name ("a child known as BA")."""

import re
from collections import Counter

# A single capitalised word in quotation marks: a pseudonym as reviews write one.
QUOTED = re.compile(r"[‘'\"“]([A-Z][a-z]{2,14})[’'\"”](?![a-z])")
# "a child known as BA", "the young person referred to as ‘Sam’"
KNOWN_AS = re.compile(
    r"\b(?:child|baby|infant|boy|girl|young person|teenager)\s+(?:known|referred to|called)\s+as\s+[‘'\"“]?"
    r"([A-Z][A-Za-z]{0,14}\d{0,3})(?![\w-])"
)
# Words that stand quoted in these pages without naming anyone: the domain's slogans and labels.
NOT_NAMES = {
    "The",
    "This",
    "Think",
    "Family",
    "Child",
    "Baby",
    "Early",
    "Help",
    "Safeguarding",
    "Working",
    "Together",
    "Neglect",
    "Signs",
    "Safety",
    "Voice",
    "Was",
    "Not",
    "Brought",
    "Learning",
    "Review",
    "Lessons",
}
WORD = re.compile(r"\b[A-Z][a-z]{2,14}\b")
LOWER_WORD = re.compile(r"\b[a-z]{3,15}\b")
REVIEW_WORD = re.compile(r"\breview\b|\bSCR\b|\bCSPR\b", re.I)


def quoted_names(text):
    """Names given in quotation marks at least twice, or quoted once and used again, on a page about a review."""
    if not REVIEW_WORD.search(text):
        return []
    # each line once: a PDF's running header repeats the title ("‘Radical’ shift needed …") on every page
    text = "\n".join(dict.fromkeys(line.strip() for line in text.splitlines()))
    quoted = Counter(QUOTED.findall(text))
    if not quoted:
        return []
    used = Counter(WORD.findall(text))  # one pass each, whatever the number of candidates
    lower_case = set(LOWER_WORD.findall(text))
    return [
        name
        for name, times in quoted.items()
        # a word also written in lower case ("the 'Board'", "the board") is no one's name
        if name not in NOT_NAMES and name.lower() not in lower_case and (times >= 2 or used[name] >= 2)
    ]


def known_as(text):
    """The child the page says is known as a name or code."""
    names = []
    if not any(words in text for words in ("known as", "referred to as", "called as")):
        return names  # the pattern runs only where its words occur
    for match in KNOWN_AS.finditer(text):
        if match.group(1) not in names and match.group(1) not in NOT_NAMES:
            names.append(match.group(1))
    return names

"""Ethnicity and faith as records write them (issue 16, seventh round, helper anon7): in a line typed in
capitals ("FAMILY ARE PAKISTANI, MUSLIM", "I AM ZIMBABWEAN") the words are read as they would be in Title Case;
a colour before a nationality on a form is part of how the form records ethnicity ("White Polish")."""

import re

from .patterns import prefilter_patterns
from .rules import _identity_finds

LINE_RE = re.compile(r"[^\n]+")
COLOUR_BEFORE_RE = re.compile(r"(?<![\w-])(?:White|Black|Mixed|Asian|WHITE|BLACK|MIXED|ASIAN)[ \t]+$")


def group_finds(text, found):
    for line in LINE_RE.finditer(text):
        letters = [c for c in line.group() if c.isalpha()]
        # (names in it may already be in Title Case, so a capitals line is one mostly in capitals)
        if len(letters) < 20 or sum(c.isupper() for c in letters) < 0.6 * len(letters):
            continue
        titled = line.group().title()
        if len(titled) != len(line.group()):
            continue  # a letter whose title case is longer would shift the offsets
        for start, end, kind in _identity_finds(titled):
            if line.group()[start:end].isupper():  # a word written in capitals, not one already read
                yield line.start() + start, line.start() + end, kind, "rule"
    for start, end, kind, *_ in found:
        if kind == "ETHNICITY":
            colour = COLOUR_BEFORE_RE.search(text, max(0, start - 8), start)
            if colour:
                yield colour.start(), end, "ETHNICITY", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

"""Counts stated in prose ("the review identified eighteen learning points") are a check on the list found,
never a source: a mismatch becomes a note for the person checking the extraction."""

import re

from .items import LEARNING, RECOMMENDATIONS

NUMBER_WORDS = {
    word: n
    for n, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50})
# Anchored on the noun (a quick scan), then the number just before it is read.
COUNTED_NOUN = re.compile(r"\b(?:learning points|points of learning|lessons|findings|recommendations)\b", re.I)
NUMBER_BEFORE = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{'|'.join(NUMBER_WORDS)})\s+(?:(?:key|main|separate|specific|further|significant)\s+)?$",
    re.I,
)
WHAT_KIND = {"recommendations": RECOMMENDATIONS}
LABEL = {LEARNING: "learning points", RECOMMENDATIONS: "recommendations"}


def stated_counts(text):
    """[(kind, number, the words as written)] for every count the prose states."""
    found = []
    for noun in COUNTED_NOUN.finditer(text):
        number_match = NUMBER_BEFORE.search(text, max(0, noun.start() - 40), noun.start())
        if not number_match:
            continue
        token = number_match["n"].lower()
        number = int(token) if token.isdigit() else NUMBER_WORDS[token]
        if number >= 2:
            words = " ".join(text[number_match.start() : noun.end()].split())
            found.append((WHAT_KIND.get(noun.group().lower(), LEARNING), number, words))
    return found


def count_notes(text, found):
    notes = []
    for kind, number, words in stated_counts(text):
        listed = len(found[kind])
        if listed != number:
            notes.append(
                f'The text says "{words}" ({number}) but the list has {listed} {LABEL[kind]}; '
                "the list is used: check whether items are missing or the prose counts something else."
            )
    return notes


def nothing_found_note(found):
    if found[LEARNING] or found[RECOMMENDATIONS]:
        return []
    return [
        "No list of learning points, findings or recommendations was found. If the document has them, check "
        "that this is the full report rather than a covering paper, or enter them by hand."
    ]

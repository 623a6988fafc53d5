"""A list whose bullets, line breaks and punctuation were all lost: "The key recommendations are: a new
national agency to … efficiently the chief executive of the agency could … the agency should …".

With nothing else to go by, an item is a clause: it starts where a new subject starts before a modal verb
("the agency should", "each local authority should", "the chief executive of the agency could"), unless the
subject is joined to the clause before it ("… and the agency should report …", "… which would be …"). A
subject without a determiner ("senior managers should") is not told apart from the words before it, so such
a clause stays with the item before it: items are never cut inside a clause, at worst two are kept as one."""

import re

WORD = re.compile(r"\S+")
MODALS = {"should", "must", "could", "would", "will", "can", "may", "shall", "need", "needs"}
DETERMINERS = {"the", "each", "a", "an", "every", "all", "any", "no", "this", "these", "its", "their"}
# A word before the subject that joins its clause to the one before: no new item.
JOINING = {
    "and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "where", "when", "while", "if", "so",
    "to", "for", "with", "in", "on", "by", "from", "about", "at", "as", "than", "not", "into", "under", "over",
}  # fmt: skip
MAX_SUBJECT_WORDS = 8
# Words of a subject between its determiner (or "of") and the next: "the chief executive of the agency",
# "each local authority"; more ("the current child protection register social services directors") is not one.
MAX_NOUN_RUN = 3
# Text this long with no sentence punctuation at all is a list that lost it, not a sentence.
MIN_RUN_ON_WORDS = 40
MIN_CLAUSES = 3


def is_run_on(text):
    return len(text.split()) >= MIN_RUN_ON_WORDS and not re.search(r"[.!?;]", text)


def run_on_clauses(text):
    """(start, end) of each clause of an unpunctuated run-on text, or [] when fewer than three are found."""
    words = [(m.start(), m.end(), m.group().strip(",:()“”\"'").lower()) for m in WORD.finditer(text)]
    starts = [0]
    for k, (_, _, word) in enumerate(words):
        if word not in MODALS or k == 0:
            continue
        boundary = _subject_start(words, k)
        if boundary is not None and boundary > starts[-1]:
            starts.append(boundary)
    if len(starts) < MIN_CLAUSES:
        return []
    ends = starts[1:] + [len(words)]
    return [(words[a][0], words[b - 1][1]) for a, b in zip(starts, ends, strict=True)]


def _subject_start(words, modal):
    """The index of the word that starts the modal's subject when it starts a new clause, else None."""
    run = 0
    for d in range(modal - 1, max(-1, modal - 1 - MAX_SUBJECT_WORDS), -1):
        word = words[d][2]
        if word in JOINING or word in MODALS:
            return None  # "… and the agency should", "… which would be": the same clause goes on
        if word not in DETERMINERS:
            run = 0 if word == "of" else run + 1
            if run > MAX_NOUN_RUN:
                return None
            continue
        if d == 0:
            return None  # the first item's own subject
        before = words[d - 1][2]
        if before == "of" or before.endswith("ing"):
            continue  # "the chief executive of the agency", "no case involving a child": the subject goes on
        return None if before in JOINING else d
    return None

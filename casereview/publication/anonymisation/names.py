"""Common forenames and surnames of people in English case reviews (data/forenames.txt, data/surnames.txt:
several thousand across the groups seen in UK reviews; see the header of each file for its sources).
Read once per process, when first needed. A name that is also an everyday word ("Grace", "Hope",
"Mason") is ambiguous: the detector wants more context before it calls it a name."""

import functools
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _read(name):
    plain, ambiguous = set(), set()
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("*"):
            ambiguous.add(line[:-1])
        else:
            plain.add(line)
    return frozenset(plain), frozenset(ambiguous)


class _Names(frozenset):
    """A set of names that also holds the hyphenated names made of them: "Ellie-Rose", "Harley-Jay",
    "Stacey-Marie" are forenames as "Price-Bird" is a surname, though no list holds every pairing. A
    hyphenated name is plain when each part is listed and one part is plain ("Ellie-Rose"), ambiguous when
    every part is an everyday word ("Summer-Rose")."""

    def __new__(cls, names, plain=None, ambiguous=frozenset()):
        made = super().__new__(cls, names)
        made._plain = made if plain is None else plain
        made._ambiguous = ambiguous
        return made

    def __contains__(self, word):
        if frozenset.__contains__(self, word):
            return True
        if not isinstance(word, str) or "-" not in word:
            return False
        parts = word.split("-")
        if self._plain is self:  # the plain set
            return all(frozenset.__contains__(self, p) or p in self._ambiguous for p in parts) and any(
                frozenset.__contains__(self, p) for p in parts
            )
        return all(frozenset.__contains__(self, p) for p in parts) and not any(
            frozenset.__contains__(self._plain, p) for p in parts
        )


def _hyphen_aware(pair):
    plain, ambiguous = pair
    ambiguous_set = _Names(ambiguous)
    plain_set = _Names(plain, ambiguous=ambiguous_set)
    ambiguous_set = _Names(ambiguous, plain=plain_set)
    plain_set._ambiguous = ambiguous_set
    return plain_set, ambiguous_set


@functools.cache
def forenames():
    """(plain, ambiguous) frozensets of forenames."""
    return _hyphen_aware(_read("forenames.txt"))


@functools.cache
def surnames():
    """(plain, ambiguous) frozensets of surnames."""
    return _hyphen_aware(_read("surnames.txt"))

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


@functools.cache
def forenames():
    """(plain, ambiguous) frozensets of forenames."""
    return _read("forenames.txt")


@functools.cache
def surnames():
    """(plain, ambiguous) frozensets of surnames."""
    return _read("surnames.txt")

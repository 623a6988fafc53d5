"""How a published report numbers a learning point or recommendation: "3", "3.1", "4.2.1", up to four parts,
and a letter at the end ("3.1a"). The reviews app keeps it beside its own whole number; the library copies
it and reads it from imported extracts."""

import re

from django.core.validators import RegexValidator

PATTERN = r"^\d{1,3}(\.\d{1,3}){0,3}[a-z]?$"
MESSAGE = (
    "The number in the report must be numbers separated by full stops, like 3 or 3.1 or 3.1.2, "
    "with at most one letter at the end, like 3.1a"
)
validator = RegexValidator(PATTERN, MESSAGE)


def clean(value):
    """What a person typed (or an extract holds) as it is kept: no spaces, no full stop after it ("3.1." as
    some reports print it), the letter in lower case."""
    return (value or "").strip().replace(" ", "").rstrip(".").lower()


def is_valid(value):
    return bool(re.match(PATTERN, value or ""))


def sort_key(value):
    """The order a reader expects: 3.2 before 3.10, 3.1 before 3.1a. Each part compared as a number."""
    value = clean(value)
    letter = value[-1] if value[-1:].isalpha() else ""
    parts = (value[:-1] if letter else value).split(".")
    return tuple(int(p) if p.isdigit() else 0 for p in parts), letter

"""The final scan: does the output still contain any of the review's known identifying details (the
restricted record's names, dates of birth, addresses), in whatever case, spacing or disguise?

Both the text and each detail are reduced to a "skeleton" of lower-case letters and digits (zero-width
characters dropped, homoglyphs and accents folded, spaces, hyphens and line breaks ignored); a detail is
found where its skeleton occurs in the text's skeleton starting and ending at word boundaries."""

import datetime
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .characters import fold

MONTHS = "january february march april may june july august september october november december".split()


@dataclass(frozen=True)
class KnownDetails:
    names: tuple = ()
    dates_of_birth: tuple = ()  # datetime.date or ISO "YYYY-MM-DD"
    addresses: tuple = ()
    other: tuple = ()  # anything else that must not appear (a sibling's school, a nickname)


@dataclass(frozen=True)
class ScanHit:
    kind: str  # name, date of birth, address, other
    detail: str  # the known detail that was found
    start: int
    end: int
    text: str  # what the output says there


@dataclass
class _Skeleton:
    letters: str
    positions: list = field(default_factory=list)  # index in the text of each skeleton character
    boundary: list = field(default_factory=list)  # True where a separator precedes the skeleton character


@lru_cache(maxsize=4096)
def _fold_cached(character):
    return fold(character)


def skeleton(text):
    letters, positions, boundary = [], [], []
    separated = True
    for index, character in enumerate(text):
        if character.isascii():
            folded = character.lower() if character.isalnum() else " "
        else:
            folded = _fold_cached(character)
        if folded == " ":
            separated = True
            continue
        for letter in folded:
            letters.append(letter)
            positions.append(index)
            boundary.append(separated)
            separated = False
    boundary.append(True)
    return _Skeleton("".join(letters), positions, boundary)


def final_scan(text, details):
    """Every place in `text` where one of `details` occurs."""
    if not text:
        return []
    skel = skeleton(text)
    hits, seen = [], set()
    for kind, detail, variants in _variants(details):
        for variant in variants:
            start = skel.letters.find(variant)
            while start != -1:
                end = start + len(variant)
                if skel.boundary[start] and skel.boundary[end] and (start, end) not in seen:
                    seen.add((start, end))
                    a, b = skel.positions[start], skel.positions[end - 1] + 1
                    hits.append(ScanHit(kind, detail, a, b, text[a:b]))
                start = skel.letters.find(variant, start + 1)
    return sorted(hits, key=lambda h: (h.start, -h.end))


def _key(text):
    return skeleton(text).letters


def _variants(details):
    for name in details.names:
        parts = [p for p in re.split(r"[\s,]+", name) if len(_key(p)) >= 3]
        yield "name", name, _unique([_key(name)] + [_key(p) for p in parts])
    for value in details.dates_of_birth:
        yield "date of birth", str(value), _unique(_date_variants(value))
    for address in details.addresses:
        yield "address", address, _unique(_address_variants(address))
    for other in details.other:
        yield "other", other, _unique([_key(other)])


def _unique(keys):
    return list(dict.fromkeys(k for k in keys if k))


def _date_variants(value):
    day = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
    d, m, y = day.day, day.month, day.year
    month = MONTHS[m - 1]
    days = {str(d), f"{d:02d}", str(d) + ("th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))}
    months = {month, month[:3], month[:4] if m == 9 else month[:3]}
    years = (str(y), str(y)[2:])
    out = []
    for dd in days:
        for mm in months:
            out += [f"{dd}{mm}{y}", f"{dd}of{mm}{y}", f"{mm}{dd}{y}"]
        if dd.isdigit():
            for mm_num in {str(m), f"{m:02d}"}:
                for yy in years:
                    out.append(f"{dd}{mm_num}{yy}")
    out += [f"{y}{m:02d}{d:02d}"]
    return out


def _address_variants(address):
    parts = [p.strip() for p in address.split(",") if p.strip()]
    out = [_key(address)]
    for part in parts:
        key = _key(part)
        words = part.split()
        if len(words) >= 2 or any(c.isdigit() for c in part):
            out.append(key)
        without_number = re.sub(r"^(?:(?:flat|apartment|unit)\s+)?\d+[a-z]?\s+", "", part, flags=re.I)
        if without_number != part and len(without_number.split()) >= 2:
            out.append(_key(without_number))
    return out

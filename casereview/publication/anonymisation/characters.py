"""Characters that hide a word from a plain search: zero-width and other invisible format characters,
non-breaking and other odd spaces, and letters from other scripts that look like Latin ones (homoglyphs)."""

import functools
import unicodedata

INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u180e\u034f")
ODD_SPACES = frozenset("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")

# Cyrillic and Greek letters drawn like Latin ones (the subset of Unicode's confusables that occurs in
# practice when someone disguises a name); fullwidth forms and accents are handled by NFKD.
HOMOGLYPHS = {
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "Ѕ": "S",
    "І": "I",
    "Ј": "J",
    "Ү": "Y",
    "Ԁ": "D",
    "Ԛ": "Q",
    "Ԝ": "W",
    "Һ": "H",
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "ѕ": "s",
    "і": "i",
    "ј": "j",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "һ": "h",
    "ӏ": "l",
    "ү": "y",
    "ɡ": "g",
    "ı": "i",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
    "ο": "o",
    "α": "a",
    "ν": "v",
    "ι": "i",
    "κ": "k",
    "ρ": "p",
    "υ": "u",
    "τ": "t",
}

# Letters with accents and a few that do not decompose, read as their plain letter so that "Róisín",
# "Wiśniewski" and "Yıldız" meet the same rules and name lists as "Roisin" (one character for one).
_PLAIN_LETTERS = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "s", "ħ": "h", "Ħ": "H"}
_SAME_LENGTH = {**{c: " " for c in ODD_SPACES}, **HOMOGLYPHS, **_PLAIN_LETTERS}
_SAME_LENGTH_TABLE = str.maketrans(_SAME_LENGTH)


@functools.lru_cache(maxsize=2048)
def _plain_letter(character):
    if not character.isalpha():
        return character
    base = unicodedata.normalize("NFD", character)[0]
    return base if base.isascii() and base.isalpha() else character


def _without_accents(text):
    # one table for the text's few distinct characters, applied in C, not a Python call per character
    table = {ord(c): _plain_letter(c) for c in set(text) if not c.isascii()}
    return text.translate(table)


_INVISIBLE_TABLE = str.maketrans({c: None for c in INVISIBLE})
_INVISIBLE_SET = frozenset(INVISIBLE)


def clean_for_detection(text):
    """(clean text, positions) where positions[i] is the index in `text` of clean[i], or None when nothing
    was removed (then offsets are the same). Odd spaces and homoglyphs are swapped one for one."""
    if text.isascii():
        return text, None
    text = _without_accents(text.translate(_SAME_LENGTH_TABLE))
    if _INVISIBLE_SET.isdisjoint(text):
        return text, None
    positions = [i for i, c in enumerate(text) if c not in INVISIBLE]
    return text.translate(_INVISIBLE_TABLE), positions


def fold(character):
    """What a character contributes to a search that ignores case, accents, disguise and spacing: a
    lower-case letter or digit string, "" for invisible characters, or " " for separators."""
    if character in INVISIBLE or unicodedata.category(character) == "Cf":
        return ""
    character = HOMOGLYPHS.get(character, character)
    if character.isascii():
        return character.lower() if character.isalnum() else " "
    decomposed = unicodedata.normalize("NFKD", character)
    kept = "".join(HOMOGLYPHS.get(c, c) for c in decomposed if not unicodedata.combining(c))
    kept = "".join(c.lower() for c in kept if c.isalnum())
    return kept if kept else " "

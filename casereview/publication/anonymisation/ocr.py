"""Text read from a scan by OCR (issue 16, helper anon9): letters read for digits and digits for letters.

A scanned fax or a handwritten card comes back with "O3/O7/2O13" for a date, "O7700 9OO 4l9" for a phone,
"l7 Marden Road", "PEl1 1EW", "Ke1th", "SCH0OL", "0KORO". `normalised` swaps them back one character for one
character (offsets stay the same) so every other rule reads the text as it was written, but only in a passage
that shows the signs twice or more (two number-like tokens with a letter in them), so "O2" or "Flat 1A" in
ordinary text are left alone. `spaced_finds` finds what OCR spaced out digit by digit ("0 4 / 1 2 / 2 0 2 5",
"NHS No: 5 5 0 4 7 3 6 8 8 9").
"""

import re

from .names import forenames, surnames
from .patterns import prefilter_patterns

# a number with a letter read for a digit: "2O26", "l4/O1/2O26", "9OO", "l2", "14:3O"
NUMBER_TOKEN_RE = re.compile(r"[0-9OolI|]+(?:[/.:\-][0-9OolI|]+)*")
# a word with a digit read for a letter: "Schoo1", "SCH0OL", "0KORO", "Ke1th", "Te1"
WORD_TOKEN_RE = re.compile(r"[A-Za-z01]{3,}")
# the parts of a postcode: "PEl1 1EW", "El6 lRR"
POSTCODE_RE = re.compile(r"([A-Z]{1,2})([0-9lIO][0-9lIO]?[A-Z]?)([ ]+)([0-9lIO])([A-Z]{2})(?![A-Za-z0-9])")
# a count read as letters only, before its unit or after "Age": "ll years old", "Age: l2"
LETTER_COUNT_RE = re.compile(r"([lI]{2})(?=[ \t]*(?:yrs?|years?|months?|mths?|weeks?|wks?)\b)")
AGE_LETTERS_RE = re.compile(r"\b(?i:age|aged)[ \t]*:?[ \t]+([lIO][0-9lIO]?)(?![\w'’])")
L_FOR_I_RE = re.compile(r"(?<![\w'’])l[a-z]{2,}(?=['’]s\b|(?![\w'’]))")
DIGIT_FOR = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
MONTHS = "January February March April May June July August September October November December".split()
LONG_MONTHS = [m for m in MONTHS if len(m) >= 5]


def _bounded(text, start, end):
    return (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum())


def number_fixes(text):
    for m in NUMBER_TOKEN_RE.finditer(text):
        token = m.group()
        if not _bounded(text, m.start(), m.end()):
            continue
        if any(c.isdigit() for c in token) and any(c in "OolI|" for c in token):
            yield m.start(), token.translate(DIGIT_FOR)


def normalised(text):
    """`text` with OCR's letters for digits and digits for letters swapped back, the same length; unchanged
    unless the passage shows the signs twice or more."""
    fixes = list(number_fixes(text))
    if len(fixes) < 2:
        return text
    chars = list(text)
    for start, fixed in fixes:
        chars[start : start + len(fixed)] = fixed
    for m in POSTCODE_RE.finditer(text):
        if _bounded(text, m.start(), m.end()):
            for group in (2, 4):
                chars[m.start(group) : m.end(group)] = m.group(group).translate(DIGIT_FOR)
    for m in LETTER_COUNT_RE.finditer(text):
        if m.start() == 0 or not text[m.start() - 1].isalnum():
            chars[m.start() : m.end()] = m.group(1).translate(DIGIT_FOR)
    fixed = "".join(chars)
    for m in WORD_TOKEN_RE.finditer(fixed):
        if _bounded(fixed, m.start(), m.end()):
            word = _fixed_word(m.group())
            if word != m.group():
                chars[m.start() : m.end()] = word
    for m in AGE_LETTERS_RE.finditer(fixed):  # "age lO", "Age ll": a count after "age" read as letters only
        chars[m.start(1) : m.end(1)] = m.group(1).translate(DIGIT_FOR)
    first, last = forenames()[0], surnames()[0]
    for m in L_FOR_I_RE.finditer(fixed):  # "lqra", "lmran": a capital I read as a small l opening a name
        word = "I" + m.group()[1:]
        if word in first or word in last:
            chars[m.start()] = "I"
    for m in re.finditer(r"[A-Z][a-z]{4,8}", fixed):
        month = _near_month(m.group())
        if month and _bounded(fixed, m.start(), m.end()):
            chars[m.start() : m.end()] = month
    return "".join(chars)


def _fixed_word(word):
    """'Schoo1' -> 'School', 'SCH0OL' -> 'SCHOOL', '0KORO' -> 'OKORO', 'Ke1th' -> 'Keith', 'ZIELINSKl' ->
    'ZIELINSKI'; a word with no digit in it, or more digits than letters can bear, is left."""
    letters = [c for c in word if c.isalpha()]
    digits = len(word) - len(letters)
    upper = sum(c.isupper() for c in letters)
    if digits == 0:
        if len(letters) >= 4 and word[:-1].isupper() and word[-1] == "l":
            return word[:-1] + "I"  # "ZIELINSKl"
        return word
    if digits > 2 or len(letters) < 2:
        return word
    if len(letters) == 2 and not (word[-1].isdigit() and word[1].islower()):
        return word  # "Te1" is "Tel"; "0BZ" is a postcode's half
    capitals = upper * 2 > len(letters)
    out = []
    for i, c in enumerate(word):
        if c == "0":
            out.append("O" if capitals or i == 0 else "o")
        elif c == "1":
            if capitals:
                out.append("I")
            elif i == 0:
                out.append("I")
            else:
                out.append(_one_in_lower_case(word, i))
        else:
            out.append(c)
    return "".join(out)


def _one_in_lower_case(word, i):
    """'l' or 'i' for a '1' in a lower-case word: the one that makes a listed name ('Ke1th'), else 'l' in
    '-le', '-ly', '-ll' and after a vowel, else 'i' ('Pr1ory')."""
    first, last = forenames()[0], surnames()[0]
    for letter in "il":
        candidate = (word[:i] + letter + word[i + 1 :]).replace("1", "l").replace("0", "o")
        if candidate.title() in first or candidate.title() in last:
            return letter
    after = word[i + 1 : i + 2].lower()
    before = word[i - 1 : i].lower()
    if i == len(word) - 1 or after in ("e", "y", "l", "1") or before in "aeiou":
        return "l"
    return "i"


def _near_month(word):
    """'Januarv' -> 'January': a capitalised word one letter off a month's name of five letters or more."""
    for month in LONG_MONTHS:
        if len(month) == len(word) and word != month and sum(a != b for a, b in zip(word, month)) == 1:
            if word[:3] == month[:3]:
                return month
    return None


SPACED_DATE_RE = re.compile(
    r"[0-3]?[ ]?[0-9][ ]?/[ ]?[01]?[ ]?[0-9][ ]?/[ ]?(?:[12][ ]?[0-9][ ]?)?[0-9][ ]?[0-9](?![ ]?[0-9])"
)
SPACED_NHS_RE = re.compile(r"[0-9](?:[ ][0-9]){9}(?![ ]?[0-9])")


def spaced_finds(text):
    """A date or an NHS number OCR spaced out digit by digit."""
    if "/ " in text or " /" in text:
        for m in SPACED_DATE_RE.finditer(text):
            if " " in m.group() and _bounded(text, m.start(), m.end()):
                yield m.start(), m.end(), "DATE", "rule"
    if "NHS" in text:
        for m in SPACED_NHS_RE.finditer(text):
            if _bounded(text, m.start(), m.end()) and "NHS" in text[max(0, m.start() - 20) : m.start()]:
                yield m.start(), m.end(), "NHS_NUMBER", "rule"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

"""A name written surname first: "Adams, Kerry-Ann (mother)", "Contacts: Okoro, Femi; Okoro, Ada". Records,
registers and contact lists write the surname, a comma and the forename; the two words are found as two
names, and replaced as two people ("Person A, the mother") or with the role written twice ("The mother
(mother)"). Where a surname is followed by a comma and a listed forename, and the pair fills its field (a
line, a cell or a list item opens before it, and a bracket, a semicolon or the field's end follows), the two
are one name."""

import re

from .names import forenames, surnames

OPENS_BEFORE_RE = re.compile(r"(?:^|[\n\t|:;(•*-])[ \t]*$")
ENDS_AFTER_RE = re.compile(r"[ \t]*(?:$|\n|\t|\||[(;]| {2,}|[ \t][–—-][ \t]|,[ \t]*(?:DOB|born|aged|\d))")
COMMA_GAP_RE = re.compile(r",[ \t]?")
WORD_RE = re.compile(r"[A-Z][A-Za-z'’-]+")


def joined_surname_first(text, found):
    """`found` with one span over each 'Surname, Forename' pair of person spans that fills its field."""
    people = sorted((item[0], item[1]) for item in found if item[2] == "PERSON")
    if len(people) < 2:
        return found
    first_names, first_ambiguous = forenames()
    last_names, last_ambiguous = surnames()
    joined = []
    for (start, end), (next_start, next_end) in zip(people, people[1:]):
        if not COMMA_GAP_RE.fullmatch(text, end, next_start):
            continue
        surname, forename = text[start:end], text[next_start:next_end]
        if not WORD_RE.fullmatch(surname) or not WORD_RE.fullmatch(forename.split()[0]):
            continue
        listed_surname = surname.title() in last_names or surname.title() in last_ambiguous
        if not listed_surname or surname in first_names:
            continue  # "Mark, Sara (twins)": two forenames are two people
        if forename.split()[0] not in first_names and forename.split()[0] not in first_ambiguous:
            continue
        if not OPENS_BEFORE_RE.search(text, max(0, start - 4), start) or not ENDS_AFTER_RE.match(text, next_end):
            continue
        joined.append((start, next_end, "PERSON", "rule"))
    return found + joined if joined else found

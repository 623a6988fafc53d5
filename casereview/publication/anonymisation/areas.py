"""A word the passage uses as an area is no person (issue 16, helper anon12): precision.

Towns, boroughs and counties that are also forenames ("Kent", "Brent", "Barry", "Nelson") or that no list
holds ("Hexham", "Westmorland", "St Helens") are found as people, and every other mention follows. Two
shapes of text show a word is an area, whatever the word:
- it names an agency's area: before "County Council", "Police", "Children's Services", "Family Front Door",
  "CSC", "MASH", "YJS", "LADO", "Magistrates" ("Kent County Council", "Brent Children's Social Care",
  "Westmorland and Furness Council", "Blackburn with Darwen");
- it ends a setting's phrase after a comma or "at" ("children's home, Hexham)", "Oakbank School, Keighley]",
  "town centre, Nelson", "Family Court at Milton Keynes").
Such a word, found alone as a person anywhere in the passage, is dropped (the labels leave towns out), unless
the passage names someone with it: after a title ("Mr Kent") or beside a listed name ("Kent Mensah").
"""

import re

from .names import forenames, surnames
from .patterns import prefilter_patterns

AGENCY_TAIL = (
    r"(?:County[ \t]+Council|Borough[ \t]+Council|City[ \t]+Council|Metropolitan[ \t]+Borough|Council|Police|"
    r"Constabulary|Children['’]s[ \t]+(?:Services|Social[ \t]+Care|Trust|Front[ \t]+Door|Safeguarding)|"
    r"Family[ \t]+Front[ \t]+Door|Front[ \t]+Door|Social[ \t]+Services|Social[ \t]+Care|Youth[ \t]+(?:Service|"
    r"Justice|Offending)|Early[ \t]+Help|CSC|MASH|YJS|YOS|YOT|LADO|SCP|LSCP|EDT|Magistrates|Probation|Housing)"
)
AREA_WORDS = r"(?:St )?[A-Z][a-z'’]+(?: [A-Z][a-z]+)?"
AGENCY_AREA_RE = re.compile(rf"\b({AREA_WORDS})(?: (?:and|with|&) ({AREA_WORDS}))? {AGENCY_TAIL}\b")
# a setting's kind word, lower case or capitalised, then a comma (or "at") and the area ending the phrase
SETTING_AREA_RE = re.compile(
    r"\b(?i:home|school|academy|college|centre|center|site|court|service|office|hub|café|cafe|station|ward|"
    r"team|surgery|practice|hospital|estate|park|nursery|unit|house|hall|church)"
    rf"(?:,[ \t]*|[ \t]+at[ \t]+)({AREA_WORDS})(?=[ \t]*(?:[)\]\n;]|$|\.(?:[ \t]|$)|[ \t][–—-][ \t]))",
    re.M,
)
AREA_AGENCY_RE = re.compile(rf"({AREA_WORDS}) (?:{AGENCY_TAIL}|HSCP|CPU|CAMHS|SPA)")  # "Darwen LADO", "Glasgow HSCP"
TITLE_BEFORE_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|DC|DS|DI|PC|Sgt|Cllr|Rev|Revd|Nurse|Sister|Judge)\.?[ \t]+(?:\d{2,5}[ \t]+)?$"
)


def without_areas_as_people(text, found):
    """`found` without the person spans that are words the passage uses as an area."""
    areas = set()
    for m in AGENCY_AREA_RE.finditer(text):
        areas.update(g for g in m.groups() if g)
    for m in SETTING_AREA_RE.finditer(text):
        areas.add(m.group(1))
    agencies = {
        (s, e)
        for s, e, kind, *_ in found
        if kind == "PERSON" and _ends_in_agency(text, s, e) and AREA_AGENCY_RE.fullmatch(text, s, e)
    }
    if not areas and not agencies:
        return found
    first, last = forenames()[0], surnames()[0]
    areas = {re.sub(r"[ \t]+", " ", a) for a in areas}
    # ("Sarah Jones MASH" is a person before an agency: a listed forename and surname are never an area)
    areas = {a for a in areas if not _full_name(a, first, last)}
    named_with = set()  # area words the passage also writes as part of a person's name
    for start, end, kind, *_ in found:
        if kind != "PERSON":
            continue
        words = text[start:end].split()
        phrase = " ".join(words)
        for area in areas:
            if area in phrase and phrase != area and _someone_named(phrase, area, first, last):
                named_with.add(area)
    result, dropped = [], []
    for item in found:
        start, end, kind = item[:3]
        if kind == "PERSON":
            phrase = re.sub(r"['’]s$", "", " ".join(text[start:end].split()))
            agency = AREA_AGENCY_RE.fullmatch(phrase) if (start, end) in agencies else None
            if agency and agency.group(1) not in named_with and not _full_name(agency.group(1), first, last):
                dropped.append((start, end))
                continue  # "Darwen LADO", "Bridgend YJS": an agency, named by its area
            if (
                areas
                and phrase in areas
                and phrase not in named_with
                and not TITLE_BEFORE_RE.search(text, max(0, start - 8), start)
            ):
                continue
        result.append(item)
    if dropped:  # ("CPU" of "Grimsby CPU", found alone by another rule, goes with it)
        result = [i for i in result if i[2] != "PERSON" or not any(s <= i[0] and i[1] <= e for s, e in dropped)]
    return result


AGENCY_LAST_WORDS = frozenset(
    "Council Police Constabulary Services Care Trust Door Safeguarding Service Justice Offending Help CSC MASH YJS "
    "YOS YOT LADO SCP LSCP EDT Magistrates Probation Housing HSCP CPU CAMHS SPA Borough".split()
)


def _ends_in_agency(text, start, end):
    words = text[start:end].split()
    return len(words) >= 2 and words[-1] in AGENCY_LAST_WORDS


def _full_name(phrase, first, last):
    words = phrase.split()
    return len(words) == 2 and words[0] in first and words[1] in last


def _someone_named(phrase, area, first, last):
    """True when `phrase` names a person with the area's words: "Mr Kent", "Kent Mensah", "Barry Jones"."""
    rest = phrase.replace(area, " ").split()
    return any(w in first or w in last or w.rstrip(".") in ("Mr", "Mrs", "Ms", "Miss", "Dr") for w in rest)


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

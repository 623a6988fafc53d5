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

from .known_settings import TOWNS
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
    """`found` without the person spans that are words the passage uses as an area.

    The mention inside the agency's or setting's phrase is the area and goes. The same word found alone
    elsewhere goes too unless it acts as a person there: before a verb ("Brent told his teacher", "Barry
    shouted"), before ", aged", after a title ("Mr Kent"), or the passage names someone with it ("Kent
    Mensah"). A listed forename that no town list holds and that acts as a person elsewhere is no area even
    in the setting's phrase ("Contact: Greenfield Primary School, Priya ... Priya said")."""
    first, last = forenames()[0], surnames()[0]
    places = []  # (start, end, area) of each mention that stands in an agency's or a setting's phrase
    for m in AGENCY_AREA_RE.finditer(text):
        places.extend((m.start(g), m.end(g), m.group(g)) for g in (1, 2) if m.group(g))
    setting_places = [(m.start(1), m.end(1), m.group(1)) for m in SETTING_AREA_RE.finditer(text)]
    agencies = {
        (s, e)
        for s, e, kind, *_ in found
        if kind == "PERSON" and _ends_in_agency(text, s, e) and AREA_AGENCY_RE.fullmatch(text, s, e)
    }
    if not places and not setting_places and not agencies:
        return found
    acting = {
        " ".join(text[s:e].split())
        for s, e, kind, *_ in found
        if kind == "PERSON" and _acts_as_person(text, s, e, first)
    }
    setting_places = [p for p in setting_places if not (p[2] in first and p[2] not in TOWNS and p[2] in acting)]
    places = [(s, e, re.sub(r"[ \t]+", " ", a)) for s, e, a in places + setting_places]
    # ("Sarah Jones MASH" is a person before an agency: a listed forename and surname are never an area)
    places = [p for p in places if not _full_name(p[2], first, last)]
    areas = {a for _, _, a in places}
    named_with = set()  # area words the passage also writes as part of a person's name
    for start, end, kind, *_ in found:
        if kind != "PERSON":
            continue
        phrase = " ".join(text[start:end].split())
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
            if any(s <= start and end <= e and phrase in a.split() + [a] for s, e, a in places):
                continue  # the word inside "Brent Children's Social Care", "town centre, Nelson"
            if phrase in areas and phrase not in named_with and not _acts_as_person(text, start, end, first):
                continue
        result.append(item)
    if dropped:  # ("CPU" of "Grimsby CPU", found alone by another rule, goes with it)
        result = [i for i in result if i[2] != "PERSON" or not any(s <= i[0] and i[1] <= e for s, e in dropped)]
    return result


# what follows a word acting as a person: a lower-case word that is no preposition, joining word or place noun
# ("Brent told", "Barry shouted", "Priya said"), ", aged", or (for a listed forename) a possessive
NOT_ACTION_WORDS = (
    r"(?:and|or|of|in|on|at|to|for|with|from|by|into|near|the|a|an|area|areas|borough|county|district|region|"
    r"town|city|council|police|schools?|residents|based|wide|local|authority)"
)
ACTING_AFTER_RE = re.compile(rf"(?:[ \t]+(?!{NOT_ACTION_WORDS}\b)[a-z]+\b|,[ \t]*aged\b)")
POSSESSIVE_AFTER_RE = re.compile(r"['’]s\b")


def _acts_as_person(text, start, end, first):
    if TITLE_BEFORE_RE.search(text, max(0, start - 8), start):
        return True
    word = re.sub(r"['’]s$", "", text[start:end])
    if ACTING_AFTER_RE.match(text, end):
        return True
    return word in first and bool(POSSESSIVE_AFTER_RE.match(text, end))


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

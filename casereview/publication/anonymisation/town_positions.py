"""A town, a district or a country where the sentence puts a place is no person (issue 16, helper anon11):
precision. The model and the name rules take a town for a person wherever its word is also a name ("Lincoln",
"Devon", "Kingston", "Peckham", "Calais"), and a town list cannot hold every district and village. The
position says what it is, whatever the word:

- after "in" ("staying in Lincoln", "is in Kingston today", "separated in Calais"): a person is almost never
  "in" someone (not after "confided", "trust", "faith", "interest", "believe", and not before a possessive:
  "in Jo's care");
- after "to", "from", "via" or "towards" with a word of going or bringing just before ("a trip to Jalandhar",
  "flights to", "came via", "take them to", "a bag to"), or before "side" ("from Peckham side");
- inside a town's compound name ("Stoke-on-Trent", "Newcastle upon Tyne", "Ashton-on-Ribble");
- after an address and a comma, before its postcode ("Lon Ganol, Llanberis LL55 4EL");
- after a setting and a comma, ending the phrase ("Al-Noor Community Hub, Easton", "Riverside Medical
  Practice, Lincoln –"): the district is part of how the setting is named, so the setting's span takes it (the
  labels write it either way: the setting alone, or the setting with its district), and after an address it is
  dropped (the labels leave a town after an address out).

A full name (a listed forename and a listed surname), a name after a title ("in Dr Lincoln's clinic") and a
name followed by another capitalised word are left alone.
"""

import re

from .names import forenames, surnames
from .patterns import prefilter_patterns
from .vocabulary import STREET_SUFFIXES

SETTING_TYPES = frozenset({"SCHOOL", "HEALTH_SETTING", "PLACE"})
STREETS = frozenset(STREET_SUFFIXES)
IN_BEFORE_RE = re.compile(r"(?<![\w'’-])(?:(?P<verb>[A-Za-z]+)[ \t]+)?(?:[Ii]n)[ \t]+$")
NOT_A_PLACE_BEFORE_IN = frozenset(
    "confided confide confides trust trusted faith belief believe believes believed interest interested "
    "involvement role part share as".split()
)
# "to", "from", "via", "towards" with a word of going, sending a person or carrying a thing among the three words
# before it
MOTION_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?P<lead>(?:[\w'’-]+[ \t]+){0,3}?)(?P<prep>to|from|via|towards)[ \t]+$", re.IGNORECASE
)
# words of coming from somewhere ("came from Hai Phong", "moved from Kent"), and of going or taking somewhere
FROM_WORDS = frozenset(
    """travel travels travelled travelling traveled trip trips flight flights fly flies flew flown flying move
    moves moved moving relocate relocated relocating return returns returned returning came come comes coming
    fled flee journey journeys route routes arrived arrive arrives lorry bus train ferry boat deported
    removed trafficked smuggled""".split()
)
TO_WORDS = FROM_WORDS | frozenset(
    """go goes going gone went back drive drives drove driven driving run runs ran running visit visits visited
    visiting holiday holidays taken take takes took taking brought bring brings bringing car taxi lift bag
    parcel package carry carried carrying way ticket tickets""".split()
)
# ...of which going to school or a club: the place there may be a school's or a venue's name ("goes to
# Montsaye"), so it stays found, as a place
GOING_WORDS = frozenset("go goes going gone went".split())
COMPOUND_BEFORE_RE = re.compile(r"(?:-(?:on|upon|under|le|in|by)-|[ \t]upon[ \t]+)$")
COMPOUND_AFTER_RE = re.compile(r"-(?:on|upon|under|le|in|by)-[A-Z]")
POSTCODE_AFTER_RE = re.compile(r",?[ \t]+(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)[ \t]?\d[ABD-HJLNP-UW-Z]{2}\b")
SIDE_AFTER_RE = re.compile(r"[ \t]+side\b")
# what ends a setting's district: the end of the line, a bracket, a dash, a comma or a full stop and a space
PHRASE_END_RE = re.compile(r"[ \t]*(?:$|\n|[)(;]|[ \t][–—-][ \t]|,|\.(?:[ \t]|$))", re.MULTILINE)
COMMA_BEFORE_RE = re.compile(r",[ \t]*$")
NEXT_CAPITAL_RE = re.compile(r"[ \t]+[A-Z]")
POSSESSIVE_AFTER_RE = re.compile(r"['’]")
TITLE_BEFORE_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|DC|DS|DI|PC|PS|Sgt|Cllr|Rev|Revd|Nurse|Sister|Judge|Sir|Dame|Lady|Lord)\.?[ \t]+$"
)


def _full_name(words, first, last):
    return len(words) >= 2 and words[0] in first and words[-1] in last


def towns_in_place(text, found):
    """`found` with the person spans the sentence puts as a place dropped, or taken by the setting before them."""
    first, last = forenames()[0], surnames()[0]
    # (words of a person named with more than one word: "Roxanne Coombs" makes "a visit to Coombs" hers)
    people_words = {w for s, e, kind, *_ in found if kind == "PERSON" for w in text[s:e].split()[1:]}
    people_words |= {text[s:e].split()[0] for s, e, kind, *_ in found if kind == "PERSON" and " " in text[s:e]}
    settings = {e: i for i, (s, e, kind, *_) in enumerate(found) if kind in SETTING_TYPES}
    addresses = {e for s, e, kind, *_ in found if kind == "ADDRESS"}
    spans = [(s, e) for s, e, kind, *_ in found if kind == "ADDRESS"]  # (a building's name in an address: no
    # setting of its own to grow)
    drop, grow, retype = set(), {}, {}
    seen = {}  # (the same span found by several rules is read once)
    for i, item in enumerate(found):
        start, end, kind = item[:3]
        if kind != "PERSON":
            continue
        if (start, end) in seen:
            j = seen[start, end]
            if j in drop:
                drop.add(i)
            elif j in retype:
                retype[i] = retype[j]
            continue
        seen[start, end] = i
        words = text[start:end].split()
        if not words or len(words) > 3 or "\n" in text[start:end]:
            continue
        if TITLE_BEFORE_RE.search(text, max(0, start - 8), start) or POSSESSIVE_AFTER_RE.match(text, end):
            continue
        if COMPOUND_BEFORE_RE.search(text, max(0, start - 8), start) or COMPOUND_AFTER_RE.match(text, end):
            drop.add(i)  # "Stoke-on-Trent", "Newcastle upon Tyne"
            continue
        if _full_name(words, first, last):
            continue
        comma = COMMA_BEFORE_RE.search(text, max(0, start - 4), start)
        if words[-1] in STREETS:
            continue  # a street, no town ("Sharp Fades, Mill Road", "Tottenham High Road, N17 9JA")
        if comma and PHRASE_END_RE.match(text, end):
            setting = settings.get(comma.start())
            if setting is not None:
                if not any(s <= found[setting][0] and found[setting][1] <= e for s, e in spans) and _letters(
                    text, found[setting][0], found[setting][1]
                ) >= _letters(text, start, end):
                    grow[setting] = max(grow.get(setting, end), end)  # "Al-Noor Community Hub, Easton"
                    drop.add(i)
                # (else left: a street after a building in an address; "QMC, Nottingham", "St Joseph's,
                # Wealdstone": a name shorter than its district, which the labels may count in it)
                continue
            if comma.start() in addresses and len(words) == 1 and not text.startswith(",", end):
                drop.add(i)  # "Higher Combe Farm, Cutcombe."
                continue
        if comma and POSTCODE_AFTER_RE.match(text, end):
            drop.add(i)  # "Lon Ganol, Llanberis LL55 4EL"
            continue
        if NEXT_CAPITAL_RE.match(text, end) or not text[start].isupper():
            continue  # "in Jordan Okafor-Reid's": more of a name may follow; "as in nathan": a chat's name
        before_in = IN_BEFORE_RE.search(text, max(0, start - 24), start)
        if before_in and (before_in.group("verb") or "").lower() not in NOT_A_PLACE_BEFORE_IN:
            _place(i, words, drop, retype)  # "staying in Lincoln"
            continue
        if any(w in people_words for w in words):
            continue
        motion = MOTION_BEFORE_RE.search(text, max(0, start - 50), start)
        if motion:
            lead = [w.lower() for w in motion.group("lead").split()]
            cue = FROM_WORDS if motion.group("prep").lower() == "from" else TO_WORDS
            if any(w in cue for w in lead) and (lead[-1:] != ["home"]):
                if any(w in GOING_WORDS for w in lead):
                    retype[i] = "PLACE"  # "will go to Montsaye after half-term"
                else:
                    _place(i, words, drop, retype)  # "booked flights to Hargeisa", "came via Calais"
                continue
        if SIDE_AFTER_RE.match(text, end):
            drop.add(i)  # "boys from Peckham side"
    if not (drop or retype):
        return found
    # (another person span from the same word on goes with it: "Nottingham" and "Nottingham\nArrival")
    starts = {found[i][0] for i in drop | set(retype)}
    result = []
    for i, item in enumerate(found):
        if i in retype:
            item = (item[0], item[1], retype[i], *item[3:])
        elif i in drop or (item[2] == "PERSON" and item[0] in starts):
            continue
        elif i in grow:
            item = (item[0], grow[i], *item[2:])
        result.append(item)
    return result


def _letters(text, start, end):
    return sum(c.isalnum() for c in text[start:end])


def _place(i, words, drop, retype):
    """One word there is a town (dropped: the labels leave towns out); more may be a venue's name ("to Chester
    Zoo"), kept as a place."""
    if len(words) == 1:
        drop.add(i)
    else:
        retype[i] = "PLACE"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

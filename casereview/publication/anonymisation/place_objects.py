"""Venues named by their name alone, known by where the sentence puts them (issue 16, helper anon10). Youth
work logs, police notes and messages name a bar, a shop, a gym or a youth club without its kind ("outside
Nandos", "at The Water Gardens", "after The Flamingo closes"); the keyword rules need the kind word and the
model calls such names a person, an organisation or nothing. Two kinds of text mark them:

- the object of a preposition of place ("at", "outside", "near", "behind", "inside", "opposite", "past", "in
  front of") or of "attend": a capitalised phrase there is somewhere, unless it is a town, a court or an
  agency, a language or a faith, a family word, an acronym or a name on the lists of people;
- "The" written with a capital in the middle of a sentence before capitalised words ("naming Kirkgate Market
  and The Light"): a proper name that begins with its article is a venue's.

Each is a setting of the kind the sentence is about: a school where it speaks of pupils, classes or
exclusion ("from Alumwell school", "is in Year 9 at Bradfield"), otherwise a place.
"""

import re

from .known_settings import TOWNS
from .names import forenames, surnames
from .patterns import prefilter_patterns
from .school_cues import _school_sentence
from .span_index import SpanIndex
from .vocabulary import (
    COMMON_CAPITALISED,
    ETHNICITIES,
    GENERIC_SERVICE_WORDS,
    NOT_PERSON_WORDS,
    ORG_TAIL_WORDS,
    RELIGIONS,
)

WORD = r"[A-Z][\w'’&-]*"
NAME = rf"(?:The )?{WORD}(?: (?:{WORD}|of|de|y|na)){{0,3}}"  # (one space between words: not a form's columns)
PLACE_OBJECT_RE = re.compile(
    r"(?<![\w'’-])(?:[Aa]t|[Oo]utside|[Nn]ear|[Bb]ehind|[Ii]nside|[Oo]pposite|[Pp]ast|in[ \t]+front[ \t]+of|"
    rf"attend|attends|attended)[ \t]+(?:the[ \t]+)?(?P<name>{NAME})"
)
# "The" mid-sentence: after a small letter, a comma, a dash or a time ("20:15 The Shed"), not a section number
MID_SENTENCE_THE_RE = re.compile(rf"(?<=[a-z,;–:\d] )(?<!\d\.\d )(?<!\d\.\d\d )(?P<name>The(?: {WORD}){{1,3}})")
COURT_BEFORE_RE = re.compile(r"(?i:court|sitting|held)[ \t]+$")
CONNECTORS = frozenset({"of", "de", "y", "na"})
# words that make the phrase a court, an agency or a service a review names openly, not a venue
AGENCY_WORDS = ORG_TAIL_WORDS | frozenset(
    """Court Courthouse Magistrates Magistrates' Tribunal Jobcentre Aid Services Solutions Authority Ltd LLP
    Limited Plc Anonymous Mass Prayers Quran Bible Sunday School Gaelic-medium Welsh-medium Society Office Charity
    Association Institute Commission Network Alliance Federation Union Foundation Ministry Department""".split()
)
GROUP_WORDS = frozenset(
    w.lower() for phrase in list(ETHNICITIES) + list(RELIGIONS) for w in phrase.split()
) | frozenset("esol english welsh gaelic irish scottish british european".split())
PARTS_OF_A_BUILDING = frozenset("Level Floor Room Reception Ward Gate Door Entrance Exit Block Wing Bay".split())
FAMILY_WORDS = frozenset(
    """Mum Mummy Mam Mom Dad Daddy Nan Nana Nanna Nanny Gran Granny Grandma Grandad Auntie Aunty Aunt Uncle
    Nain Taid Dads Mums""".split()
)


def place_object_finds(text, found, labels):
    taken = SpanIndex(found)
    first, last = forenames()[0], surnames()[0]
    for pattern, bare_allowed in ((PLACE_OBJECT_RE, True), (MID_SENTENCE_THE_RE, False)):
        for m in pattern.finditer(text):
            start = m.start("name")
            words = m.group("name").split()
            if any(w in AGENCY_WORDS for w in words) or all(w.isupper() for w in words):
                continue  # "The Appropriate Adult Service"; "SITTING AT DERBY": a heading in capitals
            # the phrase ends at its last capitalised word that is not a common one ("at Blyth Beach On")
            while words and (words[-1] in CONNECTORS or (len(words) > 1 and words[-1] in COMMON_CAPITALISED)):
                words.pop()
            if not words:
                continue
            the = words[0] == "The"
            own = words[1:] if the else words
            if not own or not _may_be_venue(own, bare=not the, first=first, last=last):
                continue
            end = start + len(" ".join(words))
            if pattern is PLACE_OBJECT_RE and COURT_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "In the Family Court at Harlowe", "sitting at Derby": where a court sits is its town
            if _in_capitals_line(text, start):
                continue  # "IN THE FAMILY COURT AT HARLOWE": a heading's town, rewritten as a name for the rules
            if taken.overlaps(start, end):
                continue  # a person, a setting or an address found there already
            if all(labels.get(i) == "GPE" for i in range(start + (4 if the else 0), end) if text[i] != " "):
                continue  # the model reads a town or a country there ("at Wembley")
            kind = "SCHOOL" if _school_sentence(text, m.start(), end) and not the else "PLACE"
            yield start, end, kind, "rule"


def _in_capitals_line(text, position):
    line = text[text.rfind("\n", 0, position) + 1 : (text.find("\n", position) + 1 or len(text) + 1) - 1]
    upper = sum(c.isupper() for c in line)
    return upper > sum(c.islower() for c in line)


def _may_be_venue(words, bare, first, last):
    stems = [re.sub(r"['’]s?$", "", w) for w in words]
    if any(any(c.isdigit() for c in w) or w in NOT_PERSON_WORDS or w in FAMILY_WORDS for w in words + stems):
        return False  # "at O2" (a phone network), "at Mummy's", "at Nan's", "attends Quran"
    if words[0] in PARTS_OF_A_BUILDING:
        return False  # "at Level 3", "at Reception"
    if any(w in AGENCY_WORDS for w in words + stems):
        return False  # "at Cardiff Crown Court", "at Peterborough Women's Aid"
    if all(w in COMMON_CAPITALISED or w.lower() in GENERIC_SERVICE_WORDS or w in TOWNS for w in words):
        return False  # "at Christmas", "at Children's Services", "at Leeds"
    if words[0].lower() in GROUP_WORDS:
        return False  # "attended Punjabi classes", "attend ESOL"
    if len(words) == 1 and (words[0].isupper() or len(words[0]) < 3):
        return False  # "at MACE", "at AP": an acronym is an agency's or a meeting's as often as a place's
    if bare and len(words) == 1 and (stems[0] in first or stems[0] in last):
        return False  # "at Jade's", "at Nan's": a person's home, which the name rules read
    return True


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

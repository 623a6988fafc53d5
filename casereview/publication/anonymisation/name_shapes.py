"""People the model names with another label (issue 16, helper anon10). The small model often labels a person
an organisation, a building or a title ("Prison view (Ceri Oakley, Public Protection)", "As discussed, Gwilym
Pritchard should not", "Reporter: Rivka Stern, Designated Safeguarding Lead") when the words around it are
official. Its span is still a good span: two or three capitalised words shaped like a name, one of them a
forename or surname on the lists that is not also an everyday word, and none a word of an organisation, a
setting, a street, a town or a heading, is a person whatever the model called it. A place the model reads as a
town or a country ("in Abu Dhabi") is left alone: a town is never replaced.

The name found is then a known name, so its other mentions are found too ("Keiran Dolan (15 y/o)" makes
"Keiran says" a person).
"""

import re

from .known_settings import TOWNS
from .names import forenames, surnames
from .patterns import prefilter_patterns
from .rules import KEYWORD_KINDS, STREET_RE
from .vocabulary import COMMON_CAPITALISED, GENERIC_SERVICE_WORDS, MIDDLE_WORDS, NOT_PERSON_WORDS, ORG_TAIL_WORDS

# a firm's or a business's words, which a person's name never holds
FIRM_WORDS = frozenset(
    """Solicitors Law LLP Ltd Limited Associates Chambers Partners Homes Housing Foods Cars Motors Taxis Properties
    Lettings Company Co Holdings Consulting Media Studios Stores Store Supplies Logistics Recruitment""".split()
)
QUOTES = frozenset('"“”')  # (not single quotes: an e-mail header writes "To: 'Leanne Hope' <...>")
PLACE_BEFORE_RE = re.compile(r"\b(?i:at|outside|near|behind|inside|opposite|past)[ \t]+(?:the[ \t]+)?$")
OTHER_LABELS = frozenset({"ORG", "FAC", "WORK_OF_ART", "PRODUCT"})
NAME_WORD_RE = re.compile(r"(?:Mc|Mac|O['’])?[A-Z][a-zà-ÿā-ž'’]+(?:-[A-Z][a-zà-ÿā-ž]+)?")
# a blank line or a table's column gap ends a name: the model's span may run on into the next field
PIECE_GAP_RE = re.compile(r"\n[ \t]*\n|[ \t]{2,}|\t")


def person_shaped_finds(text, model_found, clean_person):
    """`clean_person(text, start, end)` is the detector's own tidying of a person's span (a role word written
    first, a possessive, a heading), which returns None for what is no person."""
    first, first_everyday = forenames()
    last, last_everyday = surnames()
    for start, end, label in model_found:
        if label not in OTHER_LABELS:
            continue
        position = start
        for piece in PIECE_GAP_RE.split(text[start:end]):
            piece_start = text.index(piece, position, end) if piece else position
            position = piece_start + len(piece)
            piece = piece.rstrip(" \t\n'’\"")
            if "\n" in piece and text.startswith(":", piece_start + len(piece)):
                piece = piece[: piece.index("\n")]  # "From: Bola Adewale\nSent:": the next line is a field
            words = piece.split()
            if not 2 <= len(words) <= 3 or not all(NAME_WORD_RE.fullmatch(w) for w in words):
                continue
            if not any(
                (w in first and w not in first_everyday) or (w in last and w not in last_everyday) for w in words
            ):
                continue
            if any(_not_a_name_word(w) for w in words):
                continue
            if PLACE_BEFORE_RE.search(text, max(0, piece_start - 16), piece_start):
                continue  # "near Fenwick Steps": where the sentence puts it, it is a place (place_objects.py)
            if text[piece_start - 1 : piece_start] in QUOTES:
                continue  # '"Fat Sam"': a name in quotes is what someone is known by, which the alias rules read
            span = clean_person(text, piece_start, piece_start + len(piece))
            if span:
                yield (*span, "PERSON", "model")


def _not_a_name_word(word):
    bare = re.sub(r"['’]s?$", "", word)
    if bare.endswith("s") and _not_a_name_word(bare[:-1]):
        return True  # "Officers Nasreen Chowdhury and ...": a plural role
    return (
        bare in FIRM_WORDS
        or bare in COMMON_CAPITALISED
        or bare in NOT_PERSON_WORDS
        or bare in ORG_TAIL_WORDS
        or bare.lower() in GENERIC_SERVICE_WORDS
        or bare in MIDDLE_WORDS
        or bare in TOWNS
        or bare in KEYWORD_KINDS
        or STREET_RE.fullmatch(bare) is not None
    )


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

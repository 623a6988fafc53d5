"""Detection: the model's people and groups, the rules' identifiers and named places, the reviewer's own
terms from the replacement table, and every other mention of a name found once — merged into one list of
non-overlapping entities with offsets into the text as given."""

import functools
import re
from collections import Counter

from . import (
    age_contexts,
    age_forms,
    age_places,
    age_speech,
    ages,
    areas,
    chat_names,
    clubs,
    cues,
    dwellings,
    extents,
    fields,
    foreign_dates,
    groups,
    house_numbers,
    identifiers,
    kinship,
    known_settings,
    name_shapes,
    named_places,
    not_people,
    ocr,
    opening_words,
    other_scripts,
    person_fields,
    place_objects,
    place_runs,
    role_abbreviations,
    role_nouns,
    school_cues,
    spoken,
    street_forms,
    surname_first,
    town_positions,
    whole_addresses,
)
from .capitals import FUNCTION_WORDS as CAPS_STOP
from .capitals import capitals_passage_names
from .characters import clean_for_detection
from .entities import TYPE_PRIORITY, Entity
from .model import model_entities
from .names import forenames, surnames
from .patterns import alternation, prefilter_patterns
from .rules import KEYWORD_KINDS, STREET_RE, capitals_as_titles, norp_is_group, rule_finds
from .span_index import SpanIndex
from .structure import (
    PERSON_VERB_AFTER_RE,
    header_finds,
    initials_finds,
    letter_finds,
    speaker_finds,
    table_finds,
    undefined_initials_finds,
)
from .vocabulary import (
    ACRONYMS,
    AGENCY_SUFFIXES,
    COMMON_CAPITALISED,
    ETHNICITIES,
    GENERIC_SERVICE_WORDS,
    MIDDLE_WORDS,
    NOT_PERSON_WORDS,
    NUMBERED_WORDS,
    ORG_TAIL_WORDS,
    RELIGIONS,
)

TITLES = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|DC|DS|DI|DCI|DSU|DCS|PC|PS|PCSO|Sgt|Cllr|Rev|Revd|Sister|Nurse|Insp|"
    r"Inspector|Det|Detective|Sergeant|Constable|Councillor|Judge|HHJ|DJ|Rabbi|Sheikh|Imam|Pastor|Canon|Fr|Sir|"
    r"Dame|Lord|Lady|Supt|Superintendent|Sr|Matron|Detective Constable|Detective Sergeant|Detective Inspector|Smt|Shri)"
)
# the particles of surnames of many origins, written lower case: "de Souza", "van der Berg", "bin Rashid"
PARTICLE = r"(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|ter|ten|bin|bint|ibn|al|el|le|la|ap|ni|nic)"
# A capitalised word with a lower-case letter in it, matched whole (possessive: no backtracking into it).
NAME = r"(?:(?:al|el|ul|ud|ad|ar|as|ash|at|az|an|abu|bin|ibn)-)?[A-Z](?=[A-Z'’-]*[a-z])[A-Za-z'’-]*+"
INITIALS = r"(?:[A-Z]\.[ \t]*(?:[A-Z]\.[ \t]*)?)?"
NAME_RUN = (
    rf"{INITIALS}{NAME}"
    # (three spaces or more part a form's columns: "Offender manager: Ross McAllister   Police MOSOVO: ...")
    rf"(?:(?: {{1,2}}(?! )| *\n[ \t]*)(?:{PARTICLE} +){{0,2}}{NAME}){{0,2}}"
)
TITLE_RE = re.compile(  # "PC 2231 Hayes": a collar number may sit between the rank and the name
    rf"\b{TITLES}\.?(?:[ \t]+and[ \t]+{TITLES}\.?)?\s+(?:\d{{2,5}}[ \t]+)?((?:{PARTICLE}[ \t]+){{0,2}}{NAME_RUN})"
)
STRONG_TITLE_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|DC|DS|DI|DCI|PC|PS|Sgt|Cllr|Insp|Det|HHJ|Rabbi|Sheikh|Baby)\.?[ \t]+"
    r"((?:[A-Z]\.?[ \t]*){0,2}[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?)\b(?![ \t]+[A-Z])"
)
# (the titles as a trie: each ends where the window does, so which of "Det" / "Detective" matches changes nothing)
TITLES_TRIE = "(?:" + alternation(TITLES[3:-1].split("|")) + ")"
TITLE_BEFORE_RE = re.compile(rf"\b{TITLES_TRIE}\.?(?:[ \t]+and[ \t]+{TITLES_TRIE}\.?)?\s+$")
ROLE_WORDS = (
    "social worker|health visitor|midwife|teacher|headteacher|head teacher|form tutor|tutor|youth worker|key worker|"
    "personal adviser|case manager|offender manager|housing officer|support worker|family support worker|"
    "practice nurse|school nurse|nurse|paediatrician|consultant|officer|adviser|advisor|manager|worker|chair|"
    "mother|father|mum|dad|stepfather|stepmother|step-father|step-mother|partner|boyfriend|girlfriend|husband|"
    "wife|son|daughter|brother|sister|half-brother|half-sister|sibling|siblings|grandmother|grandfather|nan|"
    "nana|grandma|granddad|grandson|granddaughter|aunt|uncle|cousin|friend|neighbour|carer|carers|baby|"
    "twins|child|children|subject|victim|suspect|name|completed by|signed by|allocated to|lead|GP|doctor|"
    "auntie|aunty|grandad|nanny|stepdad|stepmum|bestie|best friend|cousin|brother-in-law|sister-in-law|"
    "mother-in-law|father-in-law|son-in-law|daughter-in-law|"
    # who wrote, reported or was spoken to, as a record's fields and entries say it
    "reported by|referred by|written by|prepared by|recorded by|reviewed by|spoke to|spoken to|houseparent|"
    "caseworker|case worker|"
    # (helper anon9) crews, interpreters, coaches and the carers a child is placed with
    "crew|interpreter|work coach|foster care with|placed with|chair –|chair -"
)
ROLE_ALTERNATION = alternation(ROLE_WORDS.lower().split("|"))
# ("her social worker is Anouk de Vries": a role said to be someone)
ROLE_BEFORE_RE = re.compile(rf"\b(?i:{ROLE_ALTERNATION})(?: *[,:]? +|: *| +(?:is|was) +)({NAME_RUN})")
ROLE_AFTER_RE = re.compile(
    rf"\b({NAME_RUN})(?:,[ \t]+(?:the|her|his|their|a|an)[ \t]+(?i:[a-z '’-]{{0,30}}?)(?i:{ROLE_ALTERNATION})\b"
    rf"|[ \t]+\((?:\d{{1,2}}|(?i:[a-z ,'’-]{{0,40}}?(?<![a-z])"
    rf"(?:{ROLE_ALTERNATION}|police|care|service|team|school)[a-z ,'’-]{{0,30}}))\))"
)
NAMED_RE = re.compile(
    r"\b(?i:(?:my|his|her|their|whose) name is|(?:is|was|were) called|calls? (?:me|him|her|them)|named|"
    r"(?:goes|go|went) by)[ \t]+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
AND_NAME_RE = re.compile(rf"\b({NAME})[ \t]+and[ \t]+({NAME}[ \t]+{NAME})\b")  # "Philip and Ruth Bennett"
NAME_VERBS = (
    "said|says|told|tells|was|is|had|has|went|came|arrived|attended|disclosed|asked|described|spent|moved|"
    "returned|remembered|needed|joined|lived|began|stayed|left|died|refused|did|would|could|became|missed|"
    "spoke|explained|reported|stated|presented|met|felt|looked|wanted|liked|ran|walked|wrote|admitted|denied|"
    "appeared|seemed|continued|talked|called|cried|showed|took|gave|got|and her|and his"
)
CONTEXT_NAME_RE = re.compile(
    rf"\b((?:[A-Z][a-z]{{2,}}(?:-[A-Z][a-z]+)?[ \t]+)?[A-Z][a-z]{{2,}}(?:-[A-Z][a-z]+)?)(?:['’]s)?\s+(?:{NAME_VERBS})\b"
)
PSEUDONYM_RE = re.compile(
    r"^(?:Child|Baby|Sibling|Young Person|Person|Adult|Mother|Father|Parent|Carer|Family|Practitioner|"
    r"Professional|Subject|Agency|Case)\s+[A-Z0-9]{1,2}$"
)
CAPITALISED_WORD_RE = re.compile(r"\b[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*")
POSSESSIVE_RE = re.compile(r"['’]s?$")
# Compiled once and bound: called for every span found, where `re.match(string, ...)` spent more on finding
# the compiled pattern in re's cache than on matching.
_letters_match = re.compile(r"[A-Za-z'’-]+").match
_letters_findall = re.compile(r"[A-Za-z'’-]+").findall
_title_fullmatch = re.compile(TITLES).fullmatch
_title_space_match = re.compile(rf"{TITLES}\.?\s+").match
_operation_before = re.compile(r"\b(?:Op|Operation)\.?[ \t]+$").search
_space_digit_match = re.compile(r"[ \t]+\d").match
_line_start_before = re.compile(r"(?:^|\n)[ \t]*$").search
_lower_word_after = re.compile(r" ([a-z]+)").match
MONTH_WORDS = frozenset("January February March April May June July August September October November December".split())
# One word of a name: "Jayden", "O'Brien", "McLeod", "Lily-Mae", "Jayden's".
# (a Gaelic "Mc"/"Mac" before a capital is part of the word: "McCartney", not "Mc" and "Cartney")
NAME_TOKEN_RE = re.compile(r"\b(?:Ma?c(?=[A-Z][a-z]))?[A-Z][a-z]*(?:['’][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?(?:['’]s\b)?")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;\"“‘(\n•*-]|\d\t|\t)\s*$")
DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|a|an|The|A|An|this|that|of)\s+$")
LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|from|near|around|outside|towards|across)\s+$")
LIST_LINK_RE = re.compile(r",[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+")
# (spaces only, and no word ending in a full stop: a tab parts the cells of a table, and
# "Audi<tab>SO<tab>Police informed" or "the name of Jordan Pike. Police believe" is no agency)
AGENCY_RE = re.compile(  # (and three spaces or more part a form's columns: "Ross McAllister   Police MOSOVO")
    r"\b[A-Z][\w'’.-]*(?<!\.)(?:[ ]{1,2}(?! )(?:[A-Z][\w'’.-]*(?<!\.)|and|of|&|for|on|upon|the))*?[ ]{1,2}(?! )(?:"
    + "|".join(re.escape(s).replace("\\ ", "[ ]+") for s in sorted(AGENCY_SUFFIXES, key=len, reverse=True))
    + r")\b"
)
PLACE_AFTER_RE = re.compile(
    r"\b(?:at|to|from|in|into|outside|near|attended|visited|called|via)[ \t]+(?:(the|The)[ \t]+)?"
    r"([A-Z][a-z'’]+(?:[ \t]+[A-Z][a-z'’]+){0,2})\b(?![ \t]*(?:[A-Z0-9]|['’]s\b))"
)
PLACE_VETO_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "DATE", "TIME", "LANGUAGE"})
ITEM_END_RE = re.compile(r",|[ \t]+(?:and|or|&)[ \t]+|[ \t]*[.;:)]|[ \t]*$|[ \t]+[—–][ \t]*(?:\n|$)")
NOT_A_PERSON_LABELS = frozenset({"GPE", "LOC", "NORP", "LANGUAGE", "PRODUCT", "FAC", "EVENT", "LAW", "WORK_OF_ART"})
GROUP_WORDS = {w.lower() for w in ETHNICITIES} | {w.lower() for w in RELIGIONS}
RELIGION_WORDS = frozenset(r.lower() for r in RELIGIONS)
NOT_GROUPS = frozenset({"british", "english", "european", "western", "london", "conservative", "labour"})


def detect(text, table=None):
    """Every identifying span in `text`, allowed terms included (see `is_allowed` on the table)."""
    clean, positions = clean_for_detection(text)
    clean = ocr.normalised(clean)
    clean = capitals_passage_names(clean)
    clean = _capitals_as_names(clean)
    clean = capitals_as_titles(clean)
    found = list(rule_finds(clean))
    found.extend(cues.age_and_week_finds(clean))
    found.extend(cues.week_commencing_finds(clean, found))
    found.extend(cues.alias_finds(clean))
    found.extend(cues.chat_finds(clean))
    found.extend(cues.rank_and_role_finds(clean))
    found.extend(cues.dwelling_finds(clean))
    found.extend(extents.the_place_finds(clean))
    found.extend(extents.welsh_date_finds(clean))
    found.extend(extents.kind_first_street_finds(clean))
    found.extend(_person_rule_finds(clean))
    found.extend(_listed_full_name_finds(clean))
    found.extend(person_fields.person_field_finds(clean))
    found.extend(extents.nickname_surname_finds(clean, found))
    model_found = list(model_entities(clean, _model_spans(clean, found)))
    found.extend(_model_finds(clean, model_found))
    found.extend(name_shapes.person_shaped_finds(clean, model_found, _clean_person))
    found.extend(_context_name_finds(clean, model_found))
    labels = _label_index(clean, model_found)
    found.extend(_known_name_finds(clean, labels))
    found.extend(_everyday_name_finds(clean))
    found.extend(_named_place_finds(clean, labels, found))
    found.extend(header_finds(clean))
    found.extend(speaker_finds(clean))
    found.extend(initials_finds(clean))
    found.extend(undefined_initials_finds(clean))
    found.extend(letter_finds(clean))
    found.extend(table_finds(clean, [(s, e) for s, e, kind, *_ in found if kind == "PERSON"]))
    found.extend(_setting_mentions(clean, found, labels))
    if table is not None:
        found.extend(table.term_finds(clean))
    found = _without_non_people(clean, _without_agencies(clean, _without_places_as_people(clean, found)))
    found.extend(_list_name_finds(clean, found, labels))
    found.extend(_lower_kind_place_finds(clean))
    found.extend(_surname_comma_forename_finds(clean))
    found.extend(_forename_capitals_finds(clean))
    names = _name_parts(clean, found, table)
    found.extend(_name_mentions(clean, names, labels))
    found.extend(_titled_everyday_mentions(clean, found, names))
    found.extend(_lower_case_message_names(clean, names))
    found.extend(chat_names.chat_name_finds(clean, found, _everyday_word, _never_a_name_in_a_message))
    found.extend(_name_tails(clean, found))
    found.extend(_nickname_mentions(clean, found))
    found.extend(cues.alias_mentions(clean, found))
    found.extend(cues.capitals_mentions(clean, found))
    found.extend(cues.initials_of_people_finds(clean, found))
    found.extend(cues.place_district_finds(clean, found))
    found.extend(_list_name_finds(clean, found, labels))  # "Hope and Barty": Hope known only from elsewhere
    found.extend(named_places.street_named_settings(clean, found, labels))
    found.extend(named_places.venue_before_address_finds(clean, found))
    found.extend(named_places.lower_kind_setting_finds(clean, found, labels))
    found.extend(named_places.setting_field_finds(clean, found))
    found.extend(named_places.setting_on_street_finds(clean, found))
    found.extend(extents.setting_extents(clean, found))
    found.extend(known_settings.known_hospital_finds(clean))  # (after the extents: "RHCYP EMERGENCY DEPARTMENT")
    found.extend(known_settings.service_setting_finds(clean))
    found.extend(extents.dwelling_finds(clean, found))
    found.extend(extents.person_extents(clean, found))
    found.extend(ages.age_finds(clean, found))
    found.extend(age_forms.age_form_finds(clean, found))
    found.extend(ocr.spaced_finds(clean))
    found.extend(age_speech.age_speech_finds(clean, found))
    found.extend(age_places.age_place_finds(clean, found))
    found.extend(age_contexts.age_context_finds(clean, found))
    found.extend(dwellings.dwelling_finds(clean, found))
    found.extend(spoken.spoken_finds(clean, found))
    found.extend(identifiers.identifier_finds(clean))
    found.extend(chat_names.chat_place_finds(clean))
    found.extend(school_cues.school_cue_finds(clean, found))
    found.extend(place_objects.place_object_finds(clean, found, labels))
    found.extend(clubs.club_finds(clean))
    found.extend(place_runs.place_run_finds(clean, found))
    found.extend(house_numbers.house_number_finds(clean, found))
    found.extend(street_forms.street_form_finds(clean, found))
    found.extend(other_scripts.other_script_finds(clean, found))
    found.extend(foreign_dates.foreign_date_finds(clean))
    found.extend(groups.group_finds(clean, found))
    found.extend(whole_addresses.whole_address_finds(clean, found))
    found = extents.without_capitals_lead_in(clean, found)
    found = fields.without_field_names(clean, found)
    found = fields.without_role_labels(clean, found)
    found = known_settings.without_towns_as_people(
        clean, found, lambda start: TITLE_BEFORE_RE.search(clean, max(0, start - 20), start) is not None
    )
    found = not_people.without_vehicles_as_people(clean, found)
    found = not_people.without_modifiers_as_people(clean, found)
    found = not_people.without_languages_as_groups(clean, found)
    found = town_positions.towns_in_place(clean, found)
    found = areas.without_areas_as_people(clean, found)
    found = role_abbreviations.without_role_abbreviations(clean, found)
    found = opening_words.without_opening_words(clean, found)
    found = kinship.without_kinship_words(clean, found)
    found = role_nouns.without_role_nouns(clean, found)
    found = surname_first.joined_surname_first(clean, found)
    merged = _merge(clean, found)
    return [_entity(text, clean, positions, start, end, kind, source) for start, end, kind, source in merged]


CAPITALS_RUN_RE = re.compile(r"\b[A-Z][A-Z'’]+(?:-[A-Z]+)?(?:[ \t]+[A-Z][A-Z'’]+(?:-[A-Z]+)?)+\b")


def _capitals_as_names(text):
    """Names written in capitals ("Patient: ELLIE-MAY FORSYTH", a passage all in capitals) are rewritten
    as Title Case where a listed forename or surname shows it is a name, so every rule reads them; the
    length does not change, so offsets stay the same."""
    if not CAPITALS_RUN_RE.search(text):
        return text
    first, last = forenames()[0], surnames()[0]
    listed = _any_listed_name()

    def titled(m):
        words = m.group().split()
        plain = [w.title() in first or w.title() in last or w.title().split("-")[0] in first for w in words]
        any_list = [w.title() in listed or w.title().split("-")[0] in listed for w in words]
        # a listed name, or an everyday-word name ("JADE", "HOPE") beside another name
        names = [
            p or (a and ((i > 0 and any_list[i - 1]) or (i + 1 < len(words) and any_list[i + 1])))
            for i, (p, a) in enumerate(zip(plain, any_list))
        ]
        if len(words) <= 3 and any(plain):
            # "PRIYA RAGHUNATHAN": a short run with a listed name in it is a name; its unlisted, name-shaped
            # words ("RAGHUNATHAN", not "CAIT" or "MEETING") are the surname the lists do not hold
            names = [n or _capital_word_may_be_name(w) for n, w in zip(names, words)]
        if not any(names):
            return m.group()
        out, position = [], 0
        for word, is_name in zip(words, names):
            index = m.group().index(word, position)
            out.append(m.group()[position:index])
            out.append(word.title() if is_name and word not in COMMON_CAPITALISED and word not in CAPS_STOP else word)
            position = index + len(word)
        out.append(m.group()[position:])
        return "".join(out)

    return CAPITALS_RUN_RE.sub(titled, text)


def _capital_word_may_be_name(word):
    titled = word.title()
    return (
        len(word) >= 4
        and re.search(r"[AEIOUY]", word) is not None
        and word not in ACRONYMS
        and not _never_a_name(titled)
        and titled.lower() not in GENERIC_SERVICE_WORDS
    )


# Where a sentence ends: after . ! ? (and a closing quote or bracket) and space, unless after a title or
# "St"; or at a line end. (Opening with the character class lets the engine skip to the next . ! ? or line
# end, twenty times faster than trying eight lookbehinds at every character; the lookbehinds, one character
# longer, look at the same letters.)
SENTENCE_END_RE = re.compile(
    r"[.!?\n](?:(?<=[.!?])(?<!\bMr.)(?<!\bMrs.)(?<!\bMs.)(?<!\bDr.)(?<!\bSt.)(?<!\bNo.)(?<!\bRev.)(?<!\bProf.)"
    r"[.!?]*[\"”’)]*[ \t]+|(?<=\n)\n*)"
)
CAPITALISED_TOKEN_RE = re.compile(r"\b[A-Z][\w'’-]*")
GROUP_PARTS = frozenset(w for phrase in list(ETHNICITIES) + list(RELIGIONS) for w in phrase.split())


def _model_spans(text, found=()):
    """The stretches the model must read: runs of sentences with a capitalised word that neither the name
    lists nor the vocabularies explain (a town, a rare name, "Summer", "Young"). A sentence whose
    capitalised words are all listed names or words that are never names ("The", "School", "March",
    "MASH") gives the model nothing to add: the list rules find its names. About a third of a typical
    report's words are in such sentences, so this is a third less of the model's work. Words the rules
    have already placed inside an address, a setting, a date or a titled name need no model either."""
    spans, start, open_start = [], 0, None
    # what lies inside an agency's name is never replaced ("Guy's and St Thomas' NHS Foundation Trust")
    blanked = (
        AGENCY_RE.sub(lambda m: " " * len(m.group()), text)
        if "NHS" in text or "Council" in text or "Police" in text
        else text
    )
    if found:
        pieces, position = [], 0
        for item in sorted(found):
            a, b = max(item[0], position), item[1]
            if b > a:
                pieces.append(blanked[position:a])
                pieces.append(" " * (b - a))
                position = b
        pieces.append(blanked[position:])
        blanked = "".join(pieces)
    for m in SENTENCE_END_RE.finditer(text + "\n"):
        end = min(m.end(), len(text))
        if not _all_explained(CAPITALISED_TOKEN_RE.findall(blanked, start, end)):
            open_start = start if open_start is None else open_start
        elif open_start is not None:
            spans.append((open_start, start))
            open_start = None
        start = end
    if open_start is not None:
        spans.append((open_start, len(text)))
    return spans


def _all_explained(words):
    first = forenames()[0]
    previous = None
    for word in words:
        # "Owen Price": an everyday-word surname after a listed first name is found by the name lists
        if not _explained(word) and not (previous in first and _is_name_word(_bare(word)) == "ambiguous"):
            return False
        previous = word
    return True


@functools.lru_cache(maxsize=1 << 16)
def _explained(word):
    word = _bare(word)
    if (
        word.isupper()
        or word in COMMON_CAPITALISED
        or word in NOT_PERSON_WORDS
        or word in ORG_TAIL_WORDS
        or word in MONTH_WORDS
        or word in KEYWORD_KINDS
        or word in MIDDLE_WORDS
        or word in GROUP_PARTS
        or word.lower() in GENERIC_SERVICE_WORDS
        or word in ("Flat", "Apartment", "Room")
        or STREET_RE.fullmatch(word)
    ):
        return True
    return _is_name_word(word) == "plain"  # a listed name, unless it is also an everyday word ("Grace")


def _model_finds(text, model_found):
    for start, end, label in model_found:
        if label == "PERSON":
            span = _clean_person(text, start, end)
            if span:
                yield (*span, "PERSON", "model")
        elif label == "NORP":
            word = text[start:end]
            if (
                word.lower() not in NOT_GROUPS
                and not (word.isupper() and word not in ETHNICITIES)
                and norp_is_group(text, start, end)
            ):
                yield start, end, "RELIGION" if word.lower() in RELIGION_WORDS else "ETHNICITY", "model"


def _clean_person(text, start, end, keep_everyday_names=False):
    span = text[start:end]
    stripped = span.rstrip()
    stripped = POSSESSIVE_RE.sub("", stripped) if stripped.endswith(("'s", "’s", "'", "’")) else stripped
    lead = len(span) - len(span.lstrip())
    if span[lead:].startswith(("the ", "The ")):
        lead += 4
    start, end = start + lead, start + len(stripped)
    while True:  # "Sibling Greta", "Friend Liv", "Headteacher": a role word is no part of the name
        first_word = _letters_match(text[start:end])
        if not first_word or first_word.group().lower() not in ROLE_WORD_SET or not first_word.group()[0].isupper():
            break
        start += first_word.end()
        start += len(text[start:end]) - len(text[start:end].lstrip())
    name = text[start:end]
    if end <= start or ORG_AFTER_NAME_RE.match(text, end):
        return None  # "Sefton Children's Social Care", "Khan & Co": an organisation, not a person
    if name.isupper() and _heading_in_capitals(name):
        return None  # "STRATEGY MEETING": a heading in capitals
    if end <= start or len(name) > 60 or not any(c.isupper() for c in name) or any(c.isdigit() for c in name):
        return None
    if PSEUDONYM_RE.match(name) or len(name.replace(".", "").strip()) < 2:
        return None
    words = _letters_findall(name)
    common = COMMON_CAPITALISED - everyday_forenames() if keep_everyday_names else COMMON_CAPITALISED
    if not words or all(w in common or w.lower() == w for w in words):
        return None
    if len(words) > 1 and words[0] in COMMON_CAPITALISED and all(len(w) == 1 for w in words[1:]):
        return None  # "Appendix B", "Table C"
    if len(words) == 1 and PRONOUN_AFTER_RE.match(text, end) and _sentence_start(text, start):
        return None  # "Said she would", "Asked he said": a verb opening a note, not a name
    if words[-1] in ORG_TAIL_WORDS or any(w in NOT_PERSON_WORDS for w in words):
        return None  # "Child Abuse Investigation Team", "Snapchat"
    return start, end


def _heading_in_capitals(name):
    """Names in capitals that the lists know were already rewritten in Title Case (_capitals_as_names): words
    in capitals still, none of them listed, are a heading ("STRATEGY MEETING"), not a name."""
    words = _letters_findall(name)
    if any(_never_a_name(w.title()) for w in words):
        return True
    return len(words) >= 2 and not any(_is_name_word(w.title()) for w in words)


def _without_non_people(text, found):
    """Every person found, whatever found it, loses a role word written first ("Friend Liv", "Sibling
    Greta") and is dropped when it is a firm or a body ("Khan & Co", "Sefton Children's Social Care"), a
    heading in capitals or the first word of a thing's name ("Moses basket")."""
    kept = []
    for item in found:
        start, end, kind = item[:3]
        if kind in SETTING_TYPES and KIND_ROLE_AFTER_RE.match(text, end):
            continue  # "Dr C Murphy\nPractice Manager": a job named after the kind of place, not a setting
        if kind in SETTING_TYPES and (
            PERSONAL_TITLE_START_RE.match(text, start, end)
            or (
                PERSONAL_TITLE_BEFORE_RE.search(text, max(0, start - 6), start)
                and PERSONAL_TITLE_START_RE.match("Mr " + text[start:end])
            )
        ):
            item = (start, end, "PERSON", *item[3:])  # "Mrs Carol Church": a person, not a church
            kind = "PERSON"
        if kind != "PERSON" or (len(item) > 3 and item[3] == "table"):
            kept.append(item)
            continue
        while True:
            first_word = _letters_match(text[start:end])
            if not first_word or not first_word.group()[0].isupper() or first_word.end() == end - start:
                break
            if first_word.group().lower() not in ROLE_WORD_SET or _is_name_word(first_word.group()) == "plain":
                break  # "Nana Yaw Boateng": a role word that is also a listed forename stays
            start += first_word.end()
            start += len(text[start:end]) - len(text[start:end].lstrip())
        if "\n" in text[start:end]:
            cut = _cut_at_line_break(text, start, end)
            if not cut:
                continue
            start, end = cut
        name = text[start:end]
        if ORG_AFTER_NAME_RE.match(text, end) or name in ("Co", "Ltd", "LLP"):
            continue
        if all(_title_fullmatch(w) for w in name.split()) and not (len(item) > 3 and item[3] == "rank"):
            continue  # "Detective Sergeant" in a column of roles
        if _operation_before(text[max(0, start - 12) : start]):
            continue  # "Op. Harbour": a police operation's name, not a person
        if (
            len(item) > 3
            and item[3] == "model"
            and " " not in name
            and _is_name_word(name) is None
            and _space_digit_match(text[end : end + 3])
            and _line_start_before(text[max(0, start - 4) : start])
        ):
            continue  # "Arrival 03/04/2022 23:47": a field's label opening a line before its value
        if name.lower() in GROUP_WORDS or name.lower() in LANGUAGE_WORDS:
            continue  # "speak Romani and Slovak": a language or a people, not a person
        rank = len(item) > 3 and item[3] == "rank"  # "PC 3390 J. CALDERBANK": a name by where it stands
        if name.isupper() and " " in name.strip() and _heading_in_capitals(name) and not rank:
            continue
        after = _lower_word_after(text[end : end + 12])
        if after and (name, after.group(1)) in OBJECT_COMPOUNDS:
            continue
        kept.append((start, end, *item[2:]))
    return kept


PERSONAL_TITLE_START_RE = re.compile(
    r"(?:Mr|Mrs|Ms|Miss|Mx|DC|DS|PC|Cllr)\.?[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}(?![\w'’])(?!.*['’]s\b)"
)
KIND_ROLE_AFTER_RE = re.compile(r"[ \t]+(?:Manager|Nurse|Lead|Administrator|Receptionist|Staff)\b")
PERSONAL_TITLE_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|DC|DS|PC|Cllr)\.?[ \t]+$")
LANGUAGE_WORDS = frozenset(
    """romani slovak czech polish romanian lithuanian latvian albanian kurdish sorani kurmanji turkish arabic urdu
    punjabi bengali sylheti tamil gujarati hindi pashto dari farsi tigrinya amharic somali swahili yoruba igbo
    twi portuguese spanish french mandarin cantonese vietnamese""".split()
)
ROLE_WORD_SET = frozenset(w for w in ROLE_WORDS.lower().split("|") if " " not in w) - {"lead", "name", "gp"}
ORG_AFTER_NAME_RE = re.compile(
    r"(?:['’]s[ \t]+(?:Social|Services?|Centre|Trust|Society|Department|Hospital|Charity)\b"
    r"|[ \t]*(?:&|and)[ \t]+Co\b|[ \t]+(?:LLP|Ltd|Solicitors)\b)"
)


@functools.cache
def everyday_forenames():
    """Forenames that are also words the rules otherwise never take for a name ("Summer", "April")."""
    first, first_ambiguous = forenames()
    return frozenset(w for w in COMMON_CAPITALISED if w in first or w in first_ambiguous)


def _name_may_start(text, start, end):
    """The first word of a found name is a name: not a word that never is one, and an everyday-word
    forename ("Summer", "Hope") only where it is not the season or the noun ("the Summer term")."""
    word = text[start:end].split()[0]
    if word in COMMON_CAPITALISED and word not in everyday_forenames():
        return False
    return not _everyday_sense(text, start, end) if _everyday_word(word) else True


def _everyday_word(word):
    return word in everyday_forenames() or word in forenames()[1] or word in surnames()[1]


TIME_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|this|that|last|next|in|of|during|over|by|until|since|every|each|early|late|mid|from|into|"
    r"through|throughout|till|before|after|little|no|much|some|any|great|real|high|new|with|without|our|their)"
    r"[ \t]+$",
    re.I,
)
EVERYDAY_AFTER_RE = re.compile(
    r"[ \t]+(?:term|terms|holidays?|half-term|break|months?|time|season|school|camp|fair|party|fete|festival|show|"
    r"sale|timetable|[12]\d{3}|of[ \t]+[12]\d{3}|is[ \t]+that)\b",
    re.I,
)


def _everyday_sense(text, start, end):
    """'the Summer term', 'in April', 'little hope', 'Hope is a theme': the word in its everyday sense."""
    return bool(TIME_BEFORE_RE.search(text, max(0, start - 12), start) or EVERYDAY_AFTER_RE.match(text, end))


FAMILY_NOUNS = (
    "mum|mother|mam|dad|father|nan|nana|nanny|gran|grandma|grandmother|grandad|granddad|grandfather|aunt|auntie|"
    "aunty|uncle|cousin|brother|sister|siblings?|friends?|bestie|boyfriend|girlfriend|partner|son|daughter|baby|"
    "children|kids|carer|stepdad|stepmum|stepfather|stepmother|family|parents|house|home|flat|bedroom|phone|address"
)
POSSESSIVE_FAMILY_RE = re.compile(
    rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)['’]s[ \t]+(?:(?:my|her|his|their|our|your|own|new|older|younger|little|big|"
    rf"best|elder|eldest|youngest|birth|real|ex|ex-|step)[ \t-]+)*(?:{FAMILY_NOUNS})\b"
)
STRONG_VERBS_RE = re.compile(
    r"[ \t]+(?:said|says|told|tells|asked|asks|replied|phoned|rang|texted|messaged|disclosed|shouted|screamed|cried|"
    r"pushed|hit|lives|lived|stayed|wanted|wants|admitted|denied|explained|reported|agreed|confirmed)\b"
)
EVERYDAY_NAME_RE = re.compile(r"\b[A-Z][a-z]+\b")
VOCATIVE_WORDS = (
    "ok|okay|k|hi|hey|hiya|yo|thanks|thank you|ta|cheers|yes|yeah|yh|ye|no|nah|night|nite|morning|love you|"
    "luv u|love u|miss you|miss u|sorry|please|pls|plz|bye|hello|wait|listen|oi|omg|lol"
)
VOCATIVE_RE = re.compile(
    rf"(?:[ \t]*([A-Z][a-z]+),|.*?\b(?i:{VOCATIVE_WORDS})[ \t,]+([A-Z][a-z]+)\b|.*,[ \t]*([A-Z][a-z]+)[ \t]*[.!?x]*$)"
)
NOT_VOCATIVE = frozenset(
    """Ok Okay Yes Yeah No Nah Hi Hey Hello Thanks Sorry Please Bye Right Well So Just Wait Look Listen Sure Fine
    Good Great Cool Anyway Also Oh Ah Um Er Alright Wow Exactly Really Maybe Perhaps Definitely Absolutely Babe
    Bro Fam Mate Sis Hun Love Darling Sweetheart Bruv Lol Omg Honestly Whatever Same True Obviously Never Always
    Soon Tomorrow Tonight Later Now Thank Who What Where When Why How Ur Its Im Dont Cant Wont Yep Nope Idk
    Please Stop Leave Come Go Tell Answer Call Ring Text Send""".split()
)


def _everyday_name_finds(text):
    """People named by an everyday word or a name no list holds, recognised by the grammar around them:
    a possessive before a family word ("Hope's nan", "Barty's my cousin"), a listed everyday-word forename
    before a speech verb ("Hope said"), and the person a message in a transcript speaks to ("ok Bex tell
    her", "Bex, answer me")."""
    for m in POSSESSIVE_FAMILY_RE.finditer(text):
        word = m.group(1)
        if _never_a_name(word) and word not in everyday_forenames():
            continue
        if DETERMINER_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            continue  # "the Summer's end"
        yield m.start(1), m.end(1), "PERSON", "rule"
    for m in AGE_IN_BRACKETS_AFTER_RE.finditer(text):  # "River (aged 5) and Storm (aged 2)"
        word = m.group(1)
        if (not _never_a_name(word) or word in everyday_forenames()) and word not in NUMBERED_WORDS:
            if not ARTICLE_JUST_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
                yield m.start(1), m.end(1), "PERSON", "rule"
    for m in EVERYDAY_NAME_RE.finditer(text):
        word = m.group()
        listed = word in everyday_forenames() or word in forenames()[1]  # "Hope said", not "He said"
        if listed and STRONG_VERBS_RE.match(text, m.end()) and not _everyday_sense(text, *m.span()):
            yield m.start(), m.end(), "PERSON", "rule"
    for line_start, line_end in _transcript_messages(text):
        v = VOCATIVE_RE.match(text, line_start, line_end)
        if not v:
            continue
        group = next(i for i in (1, 2, 3) if v.group(i))
        word = v.group(group)
        if word in NOT_VOCATIVE or (_never_a_name(word) and word not in everyday_forenames()):
            continue
        yield v.start(group), v.end(group), "PERSON", "rule"


AGE_IN_BRACKETS_AFTER_RE = re.compile(
    r"\b([A-Z][a-z]+)[ \t]+\((?:aged[ \t]+)?\d{1,2}(?:[ \t]*(?:years?|yrs?|months?|mths?)(?:[ \t]+old)?)?\)"
)
ARTICLE_JUST_BEFORE_RE = re.compile(r"\b(?:the|a|an|The|A|An|this|that|This|That)\s+$")
MESSAGE_RE = re.compile(
    r"^[ \t>]*(?:\[[^\]\n]{1,40}\][ \t]*|\d{1,2}[:.]\d{2}(?:[ \t]*[ap]m)?[ \t]*[-–,]?[ \t]*)?"
    r"([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2}(?:[ \t]+\([^)\n]{1,30}\))?)[ \t]*:[ \t]*(?=\S)(.*)$",
    re.M,
)


def _transcript_messages(text):
    """(start, end) of the message of each line of a transcript (lines "Speaker: message" whose speakers
    speak more than once)."""
    if text.count(":") < 3:
        return []
    lines = list(MESSAGE_RE.finditer(text))
    speakers = Counter(m.group(1).split(" (")[0] for m in lines)
    return [m.span(2) for m in lines if speakers[m.group(1).split(" (")[0]] >= 2]


NICKNAME_SHAPE_RE = re.compile(r"[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)?")


def _nickname_mentions(text, found):
    """A nickname found once ("known as 'Tiny'") is the same person wherever it is written."""
    nicknames = {
        text[s:e]
        for s, e, kind, *_ in found
        if kind == "OTHER" and NICKNAME_SHAPE_RE.fullmatch(text[s:e]) and text[s:e] not in COMMON_CAPITALISED
    }
    if not nicknames:
        return
    pattern = re.compile(
        r"(?<![\w'’])(?:" + "|".join(map(re.escape, sorted(nicknames, key=len, reverse=True))) + r")(?![\w])"
    )
    for m in pattern.finditer(text):
        yield m.start(), m.end(), "OTHER", "name"


WEAK_VERB_RE = re.compile(
    r"(?:['’]s)?\s+(?:is|was|had|has|would|could|did|became|seemed|appeared|continued|came|and her|and his)\b"
)
PRONOUN_AFTER_RE = re.compile(r"[ \t]+(?:she|he|they|it|that|we|I|her|him|them|back)\b")


LEGAL_PARTIES = frozenset(
    """guardian applicant respondent appellant claimant defendant judge court panel witness interpreter counsel
    solicitor advocate magistrate magistrates jury prosecution defence police staff school nursery""".split()
)
SPEECH_VERB_RE = re.compile(
    r"[ \t]+(?:said|says|told|tells|asked|replied|explained|disclosed|denied|admitted|agreed|reported|stated)\b"
)


def _context_name_finds(text, model_found):
    """A lone first name the model missed, recognised by what follows it ("Jade told", "Callum was")."""
    places = {text[s:e] for s, e, label in model_found if label in ("GPE", "LOC", "NORP")}
    for m in CONTEXT_NAME_RE.finditer(text):
        name = m.group(1)
        words = name.split()
        if any(w in COMMON_CAPITALISED or w in NOT_PERSON_WORDS or w.lower() in GROUP_WORDS for w in words):
            continue
        if name in places:
            continue
        if _sentence_start(text, m.start(1)):
            kinds = {_is_name_word(w) for w in words}
            weak = WEAK_VERB_RE.match(text, m.end(1))
            speech = (
                SPEECH_VERB_RE.match(text, m.end(1))
                and len(words) == 1
                and not _never_a_name(words[0])
                and not JOB_LINE_RE.fullmatch(words[0])
                and words[0].lower() not in LEGAL_PARTIES
            )
            if "plain" not in kinds and not ("ambiguous" in kinds and not weak) and not speech:
                # "Chronologies came from", "Hope is a theme": a sentence's first word must be a name, unless
                # a speech verb follows ("Tendai said")
                continue
        yield m.start(1), m.end(1), "PERSON", "rule"


def _person_rule_finds(text):
    for pattern in (TITLE_RE, ROLE_BEFORE_RE, ROLE_AFTER_RE):
        for m in pattern.finditer(text):
            if pattern is ROLE_AFTER_RE and _heading_word_before_aside(text, m):
                continue
            if pattern is ROLE_BEFORE_RE and _field_label_role(text, m):
                continue
            span = _clean_person(text, *m.span(1), keep_everyday_names=True)
            span = span and _cut_at_line_break(text, *span)
            if span and _name_may_start(text, *span) and text[span[0] : span[1]].split()[-1] not in NUMBERED_WORDS:
                yield (*span, "PERSON", "rule")
    for m in STRONG_TITLE_RE.finditer(text):  # "Ms Young": after a title even an everyday word is a surname
        if m.group(1) not in NOT_PERSON_WORDS and m.group(1) not in ORG_TAIL_WORDS and m.group(1) not in MONTH_WORDS:
            yield m.start(1), m.end(1), "PERSON", "rule"
    for m in NAMED_RE.finditer(text):  # "My name is Oluwadamilare", "everyone calls me Dami"
        if not _never_a_name(m.group(1)):
            yield m.start(1), m.end(1), "PERSON", "rule"
    for m in AND_NAME_RE.finditer(text):
        if m.group(1) not in COMMON_CAPITALISED and m.group(2).split()[0] not in COMMON_CAPITALISED:
            yield m.start(1), m.end(1), "PERSON", "rule"


def _heading_word_before_aside(text, m):
    """'Messages (screenshots, summarised by the police analyst)': a word no list holds opening a line, with a
    long aside in brackets after it, is a heading, not a person with a role."""
    name = m.group(1)
    if " " in name or _is_name_word(_bare(name)) or not _sentence_start(text, m.start(1)):
        return False
    aside = text[m.end(1) : m.end()]
    return "," in aside or len(aside.split()) > 4


FIELD_LABEL_ROLE_RE = re.compile(r"(?:^|\n)[ \t>]*(?i:subject|name|lead|chair|re)[ \t]*:[ \t]*$")


def _field_label_role(text, m):
    """'Subject: Concern – ...', 'Lead: Social care': a role word that is a field's label makes a person of
    the value only when the value is a listed name or reads as one (two capitalised words)."""
    if not FIELD_LABEL_ROLE_RE.search(text, max(0, m.start() - 12), m.start(1)):
        return False
    words = m.group(1).split()
    return len(words) == 1 and _is_name_word(_bare(words[0])) is None


JOB_LINE_RE = re.compile(
    rf"\b(?i:{ROLE_ALTERNATION}|deputy|head|headteacher|director|lead|senior|principal|partner|practice|"
    r"coordinator|administrator|receptionist|secretary)\b"
)


def _cut_at_line_break(text, start, end):
    """'Dr Okonjo\nOther agencies': a name runs on to the next line, but not into a word that is never one."""
    newline = text.find("\n", start, end)
    if newline == -1:
        return start, end
    following = re.match(r"\s*([A-Za-z'’-]+)", text[newline:end])
    line_end = text.find("\n", newline + 1)
    next_line = text[newline + 1 : line_end if line_end != -1 else len(text)]
    job_title = (
        JOB_LINE_RE.search(next_line) and _is_name_word(_bare(following.group(1))) is None if following else False
    )
    if following and not _never_a_name(_bare(following.group(1))) and not job_title:
        return start, end
    cut = text[start:newline].rstrip()
    return (start, start + len(cut)) if cut else None


def _label_index(text, model_found):
    """The model's label at each character (None outside its entities), for quick vetoes."""
    labels = {}
    for start, end, label in model_found:
        for i in range(start, end):
            labels[i] = label
    return labels


@functools.lru_cache(maxsize=65536)  # called for every capitalised word by several finders; the lists never change
@functools.lru_cache(maxsize=1 << 16)  # a pure lookup of a word, asked for the same words again and again
def _is_name_word(word):
    """'plain' for a listed forename or surname that is no everyday word, 'ambiguous' for one that is
    ("Grace", "Hope", "Young"), None otherwise. Hyphenated names count when every part is listed."""
    first, first_ambiguous = forenames()
    last, last_ambiguous = surnames()
    parts = [word] if word in first or word in last else word.split("-")
    if all(p in first or p in last for p in parts):
        return "plain"
    if all(p in first or p in last or p in first_ambiguous or p in last_ambiguous for p in parts):
        return "ambiguous"
    return None


def _sentence_start(text, start):
    return bool(SENTENCE_START_RE.search(text, max(0, start - 4), start))


def _known_name_finds(text, labels):
    """Names from the lists of common forenames and surnames: a listed forename alone ("Alfie", "Jayden's")
    or a run of capitalised words that begins with one or ends with a listed surname ("Efua Osei").
    A name that is also a word ("Grace", "Rose") needs another name word beside it, or the middle of a
    sentence with no article before it; a word the model calls a place, or a month, is never taken."""
    tokens = [m for m in NAME_TOKEN_RE.finditer(text)]
    first, first_ambiguous = forenames()
    last, last_ambiguous = surnames()
    any_surname = _any_surname()
    index = 0
    while index < len(tokens):
        m = tokens[index]
        run = [m]
        while (
            index + len(run) < len(tokens)
            and len(run) < 4
            and _joins_a_name(text, run[-1], tokens[index + len(run)], first, any_surname)
            and not run[-1].group().endswith(("'s", "’s"))
        ):
            run.append(tokens[index + len(run)])
        words = [_bare(t.group()) for t in run]
        # cut the run at the first word that cannot be part of a person's name
        for cut, word in enumerate(words):
            if (
                cut == 0
                and word in first_ambiguous
                and word not in MONTH_WORDS
                and len(words) > 1
                and _is_name_word(words[1]) == "plain"
            ):
                continue  # "Summer Lewis"
            if (
                cut > 0
                and (word in COMMON_CAPITALISED or STREET_RE.fullmatch(word))
                and (word in last or word in last_ambiguous)
                and words[0] in first
                and not (cut == len(words) - 1 and _street_follows(text, run[cut].end()))
            ):
                continue  # "Natalie Young", "Chris Green": an everyday word after a first name is a surname
            vetoed = labels.get(run[cut].start()) in NOT_A_PERSON_LABELS and word not in first
            if vetoed and cut == 0 and INITIAL_JUST_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
                vetoed = False  # "J. Okoro-Watts": an initial before it makes it a name whatever the model says
            if _never_a_name(word) or vetoed:
                break  # the small model calls some first names places ("Jayden" GPE): the list wins
        else:
            cut = len(words)
        run, words = run[:cut], words[:cut]
        index += max(cut, 1)
        if not run:
            continue
        kinds = [_is_name_word(w) for w in words]
        start, end = run[0].start(), run[-1].start() + len(words[-1])
        first_is_forename = words[0] in first or words[0] in first_ambiguous
        if len(run) > 1 and (
            (words[0] in first)
            or all(k == "plain" for k in kinds)  # "Le Thi Hoa": every word a listed name
            or (first_is_forename and kinds[-1])
            or (
                kinds[-1] == "plain"
                and words[-1] not in first
                and labels.get(run[0].start()) not in ("GPE", "LOC", "ORG", "FAC")
            )
        ):
            yield start, end, "PERSON", "names"
        elif len(run) == 1 and words[0] in first:
            yield start, end, "PERSON", "names"
        elif len(run) == 1 and words[0] in first_ambiguous and not _sentence_start(text, start):
            if not DETERMINER_BEFORE_RE.search(text, max(0, start - 6), start):
                yield start, end, "PERSON", "names"
        elif kinds[0] == "plain" and words[0].split("-")[0] in first:
            yield run[0].start(), run[0].start() + len(words[0]), "PERSON", "names"
        elif len(run) == 1 and kinds[0] and INITIAL_JUST_BEFORE_RE.search(text, max(0, start - 6), start):
            yield start, end, "PERSON", "names"  # "J. Okoro-Watts": an initial and a listed surname


INITIAL_JUST_BEFORE_RE = re.compile(r"(?<![\w.'’])[A-Z]\.[ \t]*(?:[A-Z]\.[ \t]*)?$")


@functools.cache
def _any_listed_name():
    return forenames()[0] | surnames()[0] | forenames()[1] | surnames()[1]


@functools.cache
def _any_surname():
    return surnames()[0] | surnames()[1]


def _joins_a_name(text, token, following, first, last):
    """Two words are one name when a space parts them, or a line break when a listed forename ends one
    line and a listed surname begins the next ("Carl\nDempsey")."""
    gap = text[token.end() : following.start()]
    if gap == " ":
        return True
    return gap.strip(" \t") == "\n" and token.group() in first and _bare(following.group()) in last


def _street_follows(text, end):
    """'Hope Street', 'Sarah Hill Road': the word is part of a street name when a street word follows."""
    m = re.match(r"[ \t]+([A-Z][a-z]+)", text[end : end + 20])
    return bool(m and STREET_RE.fullmatch(m.group(1)))


def _never_a_name_in_a_message(word):
    return _never_a_name(word) or word in NOT_VOCATIVE


def _bare(word):
    return word[:-2] if word.endswith(("'s", "’s")) else word


@functools.lru_cache(maxsize=1 << 16)
def _never_a_name(word):
    return (
        word in COMMON_CAPITALISED
        or word in NOT_PERSON_WORDS
        or word in ORG_TAIL_WORDS
        or word in MONTH_WORDS
        or word in KEYWORD_KINDS
        or bool(STREET_RE.fullmatch(word))
        or word.lower() in GROUP_WORDS
    )


def _named_place_finds(text, labels, found):
    """A small named place with no keyword, after 'at', 'to', 'from'...: 'at The Havens', 'at the
    Lighthouse', 'lived at The Old Rectory'. Not a town (the model's GPE), a person, an agency or a service."""
    people = {w for s, e, kind, *_ in found if kind == "PERSON" for w in text[s:e].split()}
    first, first_ambiguous = forenames()
    for m in PLACE_AFTER_RE.finditer(text):
        article, name = m.group(1), m.group(2)
        words = name.split()
        capital_the = article == "The" and not _sentence_start(text, m.start(1))
        if any(_never_a_name(w) or w.lower() in GENERIC_SERVICE_WORDS for w in words):
            continue
        if not capital_the and any(_bare(w) in people or _bare(w) in first for w in words):
            continue  # "at Summer's": at a person's home, not a place called Summer's
        if not capital_the and any(labels.get(m.start(2) + i) in PLACE_VETO_LABELS for i in range(len(name))):
            continue  # a town or a person; but "at The Havens" is a named place whatever the model says
        if not article and (labels.get(m.start(2)) == "ORG" or m.group().split()[0] in ("in", "from", "to", "into")):
            continue  # "referred to Barnardo's", "moved from Croydon": an agency or a town
        start = m.start(1) if article == "The" else m.start(2)
        yield start, m.end(2), "PLACE", "rule"


SETTING_HEAD_SKIP = frozenset({"The", "the", "of", "and", "&", "at", "on", "for", "St", "Saint", "Royal", "Our"})


def setting_short_names(name):
    """What a text may call a school or health setting for short ('Alder Hey', 'Whittington')."""
    return _setting_heads(name, [(0, len(name), "SCHOOL")])


def _setting_heads(text, found):
    """The distinctive words of each school or health setting found ('Alder Hey' in 'Alder Hey Children's
    Hospital', 'Whittington' in 'the Whittington Hospital'): what a text calls the setting for short later."""
    heads = set()
    for start, end, kind, *_ in found:
        if kind not in ("SCHOOL", "HEALTH_SETTING"):
            continue
        run, runs = [], []
        for word in re.findall(r"[A-Za-z][A-Za-z'’-]*", text[start:end]):
            plain = _bare(word)
            if (
                word in KEYWORD_KINDS
                or plain.lower() in GENERIC_SERVICE_WORDS
                or word in MIDDLE_WORDS
                or word in COMMON_CAPITALISED
                or word.isupper()
                or (word in SETTING_HEAD_SKIP and not run)
            ):
                if run:
                    runs.append(run)
                run = []
                continue
            run.append(word)
        if run:
            runs.append(run)
        for words in runs:
            while words and words[-1] in SETTING_HEAD_SKIP:
                words = words[:-1]
            if words and len(" ".join(words)) >= 4 and not any(_never_a_name(w) for w in words if w not in ("St",)):
                heads.add(" ".join(words))
    return heads


def _setting_mentions(text, found, labels):
    """A school or health setting named once in full is found again when the text names it for short: 'the
    Whittington', 'Alder Hey'. A one-word short name is taken only after "the" (a town or a person never has
    it)."""
    heads = _setting_heads(text, found)
    if not heads:
        return
    kinds = {}
    for start, end, kind, *_ in found:
        if kind in ("SCHOOL", "HEALTH_SETTING"):
            for head in heads:
                if head in text[start:end]:
                    kinds.setdefault(head, kind)
    pattern = re.compile(
        r"(?<![\w'’-])(?:" + "|".join(map(re.escape, sorted(heads, key=len, reverse=True))) + r")(?![\w'’-])"
    )
    for m in pattern.finditer(text):
        head = m.group()
        if " " not in head and (
            labels.get(m.start()) in ("GPE", "LOC")
            or not re.search(r"(?<![\w])(?:the|The)[ \t]+$", text[max(0, m.start() - 4) : m.start()])
        ):
            continue  # a one-word short name needs "the" before it: "the Whittington", not "in Hartlepool"
        yield m.start(), m.end(), kinds.get(head, "SCHOOL"), "rule"


def _without_places_as_people(text, found):
    """A single-word name from the model or a rule after 'in' or 'from', or after an address and a comma,
    is a town ('moved from Kent', '3 Pinfold Close, Castleford'), unless the same word is found elsewhere as part of a
    longer name."""
    longer = {w for s, e, kind, *_ in found if kind == "PERSON" and " " in text[s:e].strip() for w in text[s:e].split()}
    kept = []
    for item in found:
        start, end, kind = item[:3]
        word = text[start:end]
        if (
            kind == "PERSON"
            and " " not in word
            and word not in longer
            and not text.startswith(("'s", "’s"), end)
            and LOCATIVE_BEFORE_RE.search(text, max(0, start - 12), start)
        ):
            continue
        kept.append(item)
    return kept


def _without_agencies(text, found):
    """Drop names and places inside an agency's name ("Guy's and St Thomas' NHS Foundation Trust"): agencies
    are parties to the review and stay."""
    agencies = [_agency_span(m) for m in AGENCY_RE.finditer(text)]
    if not agencies:
        return found
    kept = []
    for item in found:
        start, end, kind = item[:3]
        if kind in ("PERSON", "PLACE", "SCHOOL", "HEALTH_SETTING") and any(
            a <= start and end <= b for a, b in agencies
        ):
            continue
        kept.append(item)
    return kept


AND_THE_RE = re.compile(r"[ ]+(?:and|&)[ ]+the[ ]+")


def _agency_span(m):
    """An agency's name starts after "and the": "Abigail Fenn and the Kent Police" names a person and then
    the agency."""
    joins = list(AND_THE_RE.finditer(m.group()))
    return (m.start() + joins[-1].end(), m.end()) if joins else m.span()


# A listed forename then a listed surname, both capitalised ("Caseworker Liam Osei", "Spoke to Ross Mistry"):
# a person, wherever the model missed them; not where the second word names a kind of place ("Victoria
# Park", "Grace Road").
# (a lookahead, so that "Caseworker Liam Osei" is tried at "Liam" as well as at "Caseworker")
FULL_NAME_PAIR_RE = re.compile(
    r"(?<![\w'’-])(?=([A-Z][a-z]+)[ \t]+((?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-]))"
)


def _listed_full_name_finds(text):
    first, first_ambiguous = forenames()
    last, last_ambiguous = surnames()
    for m in FULL_NAME_PAIR_RE.finditer(text):
        forename, surname = m.group(1), m.group(2)
        if forename not in first or forename in first_ambiguous or forename in COMMON_CAPITALISED:
            continue
        if surname not in last and surname not in last_ambiguous:
            continue
        if surname in COMMON_CAPITALISED or surname in KEYWORD_KINDS or STREET_RE.fullmatch(surname):
            continue
        yield m.start(1), m.end(2), "PERSON", "name"


def _list_name_finds(text, found, labels):
    """A capitalised word listed with names is a name too: 'Mason, Harley, Skye and Lacey'."""
    spans = sorted((s, e) for s, e, kind, *_ in found if kind == "PERSON")
    if not spans:
        return
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    for m in NAME_TOKEN_RE.finditer(text):
        start, end = m.start(), m.start() + len(_bare(m.group()))
        if start in starts:
            continue
        word = _bare(m.group())
        listed = _is_name_word(word) is not None
        if _never_a_name(word) or (labels.get(start) in NOT_A_PERSON_LABELS and not listed):
            continue
        if not listed and (not ITEM_END_RE.match(text, end) or word.lower() in GENERIC_SERVICE_WORDS):
            continue  # "Annie Hudson, Chair of the panel": not an item of a list of names
        if not listed and _sentence_start(text, start):
            continue  # "Later, Ms Adams said": a sentence's opening word, not the first of a list
        if not listed and (word.lower() in LEGAL_PARTIES or JOB_LINE_RE.fullmatch(word)):
            continue  # "the Children's Guardian, Mr Hughes": a role beside a name
        before = LIST_LINK_RE.search(text, max(0, start - 8), start)
        after = LIST_LINK_RE.match(text, end)
        linked_before = before and before.end() == start and before.start() in ends
        linked_after = after and after.end() in starts
        if after and not linked_after:  # "Tendai and Mrs Chirwa": a title before the other name
            titled = re.match(rf"{TITLES}\.?[ \t]+", text[after.end() : after.end() + 24])
            linked_after = bool(titled and after.end() + titled.end() in starts)
        if linked_before or linked_after:
            yield start, end, "PERSON", "rule"


def _name_parts(text, found, table):
    """Every word of every name found, so that 'Jade' is caught after 'Jade Smith' was."""
    parts = set()
    for start, end, kind, *_ in found:
        if kind == "PERSON":
            parts.update(_words_of_name(text[start:end]))
    if table is not None:
        for original in table.person_names():
            parts.update(_words_of_name(original))
    return parts


def _words_of_name(name):
    for word in _letters_findall(name):
        word = POSSESSIVE_RE.sub("", word) if word.endswith(("'s", "’s")) else word
        if word.isupper() and len(word) > 2 and word not in ACRONYMS:
            word = "-".join(part.title() for part in word.split("-"))  # "OKAFOR" is "Okafor" in prose
        common = word in COMMON_CAPITALISED and word not in everyday_forenames()
        if len(word) > 1 and word[0].isupper() and not common and not _title_fullmatch(word):
            yield word


NEXT_CAPITALISED_RE = re.compile(r"[ \t]+([A-Z][a-z]+)")


def _inside_a_title(text, end, names):
    """An everyday word followed by another capitalised word that is not a name: part of the name of a
    service or a street ("Sunny Days", "Hope Street"), not the person."""
    m = NEXT_CAPITALISED_RE.match(text, end)
    return bool(m and m.group(1) not in names)


def _name_mentions(text, names, labels=None):
    if not names:
        return
    labels = labels or {}
    for m in CAPITALISED_WORD_RE.finditer(text):
        word = m.group()
        bare = word[:-2] if word.endswith(("'s", "’s")) and word not in names else word
        if bare not in names and not (
            bare.endswith("s")
            and bare[:-1] in names
            and not _everyday_word(bare[:-1])
            and re.search(r"\b(?:the|The)[ \t]+$", text[max(0, m.start() - 4) : m.start()])
        ):
            continue  # "the Dohertys have moved on": a surname found once, the family in the plural
        end = m.start() + len(bare)
        if _everyday_word(bare) and (_everyday_sense(text, m.start(), end) or _inside_a_title(text, end, names)):
            continue  # "Summer" the girl, but not "the Summer term" or "the Sunny Days team"
        if _unlisted_or_everyday(bare) and ARTICLE_JUST_BEFORE_RE.search(text, max(0, m.start() - 6), m.start()):
            if _inside_a_title(text, end, names):
                continue  # a pet's name in "the Sunny Days family support team"
        if _noun_compound_opening(text, m.start(), end, bare, labels):
            continue  # "Rose bushes at the front", "Storm clouds gathered"
        after = _lower_word_after(text[end : end + 12])
        if after and (bare, after.group(1)) in OBJECT_COMPOUNDS:
            continue  # "a Moses basket"
        yield m.start(), end, "PERSON", "name"


SURNAME_COMMA_FORENAME_RE = re.compile(
    r"(?<![\w'’-])((?:(?:DOS|DA|DE|VAN|VON|DER|BIN|AL|EL)[ \t]+)*[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)?),[ \t]*"
    r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?:[ \t]+([A-Z][a-z]+))?\b"
)


# "Stacey-Marie BURKE", "Liam GORMLEY", "Mr Daniel HOPE": police and health systems write the surname in
# capitals after the forename; a listed forename followed by a word in capitals that is no abbreviation is
# one name, and the surname is then found again wherever it stands.
FORENAME_CAPITALS_RE = re.compile(
    r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+"
    r"([A-Z]{2,}(?:['’-][A-Z]+)*(?:[ \t]+[A-Z]{2,}(?:['’-][A-Z]+)*)?)\b(?![a-z'’])"
)


def _forename_capitals_finds(text):
    first, _ = forenames()
    for m in FORENAME_CAPITALS_RE.finditer(text):
        surname = m.group(2)
        if m.group(1) not in first or len(surname.replace("'", "")) < 3:
            continue
        if any(w in ACRONYMS or w.title() in MONTH_WORDS or _never_a_name(w.title()) for w in surname.split()):
            continue
        yield m.start(), m.end(), "PERSON", "names"


def _surname_comma_forename_finds(text):
    """'OKAFOR, Chidinma', 'DOS SANTOS, Thiago': police and health systems write the surname in capitals, a
    comma and the forename; a listed forename after a surname in capitals makes the pair a name."""
    first, first_ambiguous = forenames()
    for m in SURNAME_COMMA_FORENAME_RE.finditer(text):
        surname, forename = m.group(1), m.group(2)
        if surname in ACRONYMS or any(_never_a_name(w.title()) for w in surname.split()):
            continue
        at_line_start = re.search(r"(?:^|[\n\t|;:])[ \t]*$", text[max(0, m.start() - 6) : m.start()])
        if (
            forename not in first
            and forename not in first_ambiguous
            and not (at_line_start and _capital_word_may_be_name(surname.split()[-1]) and not _never_a_name(forename))
        ):
            continue  # an unlisted forename only where a record's name field starts: a line or a cell
        yield m.start(), m.end(), "PERSON", "rule"


def _titled_everyday_mentions(text, found, names):
    """A surname that is an everyday word, written once after a title ("Ms Young", "PC Sharp"), is the
    person's name in this text: found again alone ("passed to Young", "Sharp saw a hole") where it stands as a
    name: not before another capitalised word ("Young People"), not after an article or in its everyday
    sense, and at a sentence's start only before a verb."""
    titled = set()
    for start, end, kind, *_ in found:
        if kind != "PERSON":
            continue
        title = TITLE_BEFORE_RE.search(text, max(0, start - 20), start) or _title_space_match(text[start:end])
        if not title:
            continue
        for word in _letters_findall(text[start:end]):
            word = _bare(word)
            if word in COMMON_CAPITALISED and word not in names and not _title_fullmatch(word):
                if word not in NOT_PERSON_WORDS and word not in MONTH_WORDS and not STREET_RE.fullmatch(word):
                    titled.add(word)
    if not titled:
        return
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(map(re.escape, sorted(titled))) + r")(?![\w-])")
    for m in pattern.finditer(text):
        start, end = m.span()
        if TITLE_BEFORE_RE.search(text, max(0, start - 20), start) or _inside_a_title(text, end, names):
            continue
        if ARTICLE_JUST_BEFORE_RE.search(text, max(0, start - 6), start) or _everyday_sense(text, start, end):
            continue
        if text[end : end + 1] == "-" or re.match(r" [a-z]+ly\b", text[end : end + 20]):
            continue
        if _sentence_start(text, start):
            following = LOWER_WORD_AFTER_RE.match(text, end)
            if not following or not (
                VERB_LIKE_AFTER_RE.match(following.group(1)) or PERSON_VERB_AFTER_RE.match(text, end)
            ):
                continue
        yield start, end, "PERSON", "name"


LOWER_TOKEN_RE = re.compile(r"(?<![\w@.'’-])[a-z][a-z]{2,}(?![\w@'’-])")


def _lower_case_message_names(text, names):
    """In a transcript people write names in lower case ("bartek said wiktor will drive"): a word of a name
    found elsewhere, or a listed forename before a verb, is a name there too, unless it is an everyday word."""
    messages = _transcript_messages(text)
    if not messages:
        return
    first = forenames()[0]
    lowered = {n.lower(): n for n in names if not _everyday_word(n) and n not in COMMON_CAPITALISED}
    found_here = set()
    for _ in range(2):
        for start, end in messages:
            for m in LOWER_TOKEN_RE.finditer(text, start, end):
                word = m.group()
                titled = word.title()
                if titled in COMMON_CAPITALISED or titled in NOT_VOCATIVE or _everyday_word(titled):
                    continue
                if word in lowered or word in found_here:
                    yield m.start(), m.end(), "PERSON", "name"
                    continue
                following = LOWER_WORD_AFTER_RE.match(text, m.end())
                if (
                    titled in first
                    and following
                    and (
                        STRONG_VERBS_RE.match(" " + following.group(1)) or re.fullmatch(NAME_VERBS, following.group(1))
                    )
                ):
                    found_here.add(word)
                    yield m.start(), m.end(), "PERSON", "name"


NAME_TAIL_RE = re.compile(r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?!['’]?[ \t]*[A-Z])")


def _name_tails(text, found):
    """'the interpreter was Wang Jun': a found name followed by a capitalised word no list calls an everyday
    word is one name with it."""
    for start, end, kind, *_ in found:
        if kind != "PERSON":
            continue
        m = NAME_TAIL_RE.match(text, end)
        if not m:
            continue
        word = m.group(1)
        if _never_a_name(word) or word.lower() in GENERIC_SERVICE_WORDS or _is_name_word(word) == "ambiguous":
            continue
        if _street_follows(text, m.end(1)):
            continue
        yield m.start(1), m.end(1), "PERSON", "name"


LOWER_KIND_PLACE_RE = re.compile(
    r"\b((?:St|Saint)[ \t]+)?([A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2})[ \t]+"
    r"(?:supported lodgings|lodgings|refuge|hostel|church hall|community centre|care home|children's home|"
    r"children’s home|nail bar|car wash|foster home|mosque|gurdwara|temple|church|chippy|chip shop|"
    r"kebab shop|takeaway|barbers|café|cafe)\b"
)


def _lower_kind_place_finds(text):
    """'St Brigid's refuge', 'Kingsgate supported lodgings': a name before a kind of place written in lower
    case is a small named place."""
    for m in LOWER_KIND_PLACE_RE.finditer(text):
        words = [_bare(w) for w in m.group(2).split()]
        if any(_never_a_name(w) and w not in ("St",) for w in words) or _sentence_start(text, m.start()):
            if not m.group(1):
                continue
        if any(w.lower() in GENERIC_SERVICE_WORDS or w in ETHNICITIES for w in words):
            continue
        yield m.start(), m.end(), "PLACE", "rule"


# names that are also the first word of a thing's name ("Moses basket"): a short list, as the keywords are
OBJECT_COMPOUNDS = frozenset(
    {
        ("Moses", "basket"),
        ("Moses", "baskets"),
        ("Jack", "Russell"),
        ("Rose", "bushes"),
        ("Rose", "bush"),
        ("Christmas", "tree"),
        ("Jacuzzi", "bath"),
        ("Jenga", "blocks"),
        ("Teddy", "bear"),
    }
)
LOWER_WORD_AFTER_RE = re.compile(r" ([a-z][a-z'’-]+)\b")
VERB_LIKE_AFTER_RE = re.compile(
    rf"(?:{NAME_VERBS})$|(?:[a-z]+ed|[a-z]+n't|will|can|may|might|must|should|shall|does|also|never|always|"
    r"then|now|just|still|only|often|again|both|too|herself|himself|and|or|but|who|as|to|at|in|on|with|from|"
    r"for|by|about|of|into|over|up|down|out|back|here|there|not|x+|xx|drove|took|gave|went|came|saw|got|made|"
    r"ran|sat|stood|left|kept|brought|bought|sent|spent|found|held|hit|put|let|threw|wrote|spoke|broke|rode|ate|"
    r"drank|slept|woke|felt|met|paid|lost|won|swore|hid|bit|fought|caught|taught|thought|knew|grew|drew|wore|"
    r"tore|began|rang|sang|swam|chose|forgot|understood|became|sold|heard|meant|led|fed|fled|read|shouted|"
    r"seemed|looked|lives|says|wants|needs|likes|thinks|knows|goes|comes|takes|gets|has|is|was|had|did"
    # what records say of a child: "Ruby hiding in the cupboard", "Poppy attends", "Precious more settled"
    r"|[a-z]{3,}ing|attends|seen|present|absent|asleep|remains|appears|subject|more|less|settled|unwell|upset|"
    r"quiet|happy|presents|reports|discloses|continues|sleeps|eats)$"
)
PAST_VERB_RE = re.compile(rf" [a-z]+ (?:[a-z]+ed|{NAME_VERBS})\b")


def _unlisted_or_everyday(word):
    return _is_name_word(word) != "plain"


def _noun_compound_opening(text, start, end, word, labels):
    """An everyday-word or unlisted name found elsewhere, opening a sentence and followed by a lower-case word
    that is not a verb or a linking word, where the model did not read a person: the word in its ordinary
    sense ("Rose bushes at the front", "Storm clouds gathered")."""
    kind = _is_name_word(word)
    if kind == "plain" or labels.get(start) == "PERSON" or not _sentence_start(text, start):
        return False
    m = LOWER_WORD_AFTER_RE.match(text, end)
    if not m:
        return False
    following = m.group(1)
    if VERB_LIKE_AFTER_RE.match(following) or STRONG_VERBS_RE.match(" " + following):
        return False
    if PERSON_VERB_AFTER_RE.match(text, end):
        return False
    if kind == "ambiguous" or _everyday_word(word):
        return True  # "Rose bushes at the front"
    # a word no list holds: only when a verb follows the two ("Storm clouds gathered"), not "MacNamara recommends"
    return bool(PAST_VERB_RE.match(text, end))


def _merge(text, found):
    """Non-overlapping spans: the longer wins, then the more specific type. Adjacent name words become one
    name; a title before a name joins it, so replacing 'Ms Adams' leaves no stray 'Ms'."""
    normalised = []
    for item in found:
        start, end, kind = item[:3]
        source = item[3] if len(item) > 3 else "rule"
        if end > start:
            normalised.append((start, end, kind, source))
    normalised = _settings_take_overlapping_people(normalised)
    by_length = sorted(normalised, key=lambda s: (-(s[1] - s[0]), TYPE_PRIORITY[s[2]], s[0]))
    taken, kept = bytearray(len(text) + 1), []
    for span in by_length:
        if taken.find(1, span[0], span[1]) == -1:
            taken[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
            kept.append(span)
    kept.sort()
    kept = _settings_absorb_people(text, kept)
    joined = []
    for span in kept:
        if (
            joined
            and span[2] == "PERSON" == joined[-1][2]
            and (
                text[joined[-1][1] : span[0]].strip(" ") in ("", "\n")
                or PARTICLES_GAP_RE.fullmatch(text, joined[-1][1], span[0])
            )
            and not _separate_lines(text, joined[-1], span)
        ):
            previous = joined.pop()
            span = (previous[0], span[1], "PERSON", previous[3])
        joined.append(span)
    result = []
    for start, end, kind, source in joined:
        if kind == "PERSON":
            particles = PARTICLES_BEFORE_RE.search(text, max(0, start - 12), start)
            if particles and (not result or result[-1][1] <= particles.start()):
                start = particles.start()  # "dos Santos declined", "Ms de Souza": the particle is the name's
            initial = INITIALS_BEFORE_RE.search(text, max(0, start - 12), start)
            if text[start:end].isupper():
                initial = None  # "step up to CP. NK to monitor": initials take no initials before them
            if initial and (not result or result[-1][1] <= initial.start()):
                start = initial.start()  # "J. Okoro", "J Okoro": the initial is part of the name
            title = TITLE_BEFORE_RE.search(text, max(0, start - 20), start)
            if title and (not result or result[-1][1] <= title.start()):
                start = title.start()
        result.append((start, end, kind, source))
    return result


PARTICLES_BEFORE_RE = re.compile(
    r"(?<![\w'’-])(?:(?:de|da|dos|das|del|della|di|du|van|von|der|den|bin|bint|ibn|ap|nic)[ \t]+){1,2}$"
    r"|(?<![\w'’-])(?:al|el|ul|ud|ad|ar|as|ash|at|az|an|abu|bin|ibn)-$"  # "al-Amin", "el-Sayed"
)
PARTICLES_GAP_RE = re.compile(rf"(?:[ \t]+{PARTICLE}){{1,2}}[ \t]+")  # "Pieter" + " van der " + "Berg"


def _separate_lines(text, first, second):
    """'...tell Reece\nReece: Bex, answer me': a name ending one line and a speaker's label opening the
    next are two mentions, not a forename and a surname."""
    if "\n" not in text[first[1] : second[0]]:
        return False
    return text[first[0] : first[1]] == text[second[0] : second[1]] or text.startswith(":", second[1])


SETTING_TYPES = frozenset({"SCHOOL", "HEALTH_SETTING", "PLACE"})
INITIALS_BEFORE_RE = re.compile(r"(?<![\w.'’-])(?:[A-Z]\.?[ \t]*){1,2}(?<=[. \t])[ \t]*$")


def _settings_take_overlapping_people(spans):
    """A person's name overlapping a setting's ("Premier Inn" and "Inn Southwark") makes one setting."""
    settings = [s for s in spans if s[2] in SETTING_TYPES and s[3] != "table"]
    if not settings:
        return spans
    out, grown, setting_index = [], {}, SpanIndex(settings)
    for span in spans:
        if span[2] == "PERSON" and span[3] != "table" and setting_index.overlaps(span[0], span[1]):
            partner = next(
                (
                    t
                    for t in settings
                    if t[0] < span[1] and span[0] < t[1] and not (t[0] <= span[0] and span[1] <= t[1])
                ),
                None,
            )
            if partner is not None:
                union = grown.get(partner, partner)
                grown[partner] = (min(union[0], span[0]), max(union[1], span[1]), partner[2], partner[3])
                continue
        out.append(span)
    return [grown.get(s, s) for s in out]


def _settings_absorb_people(text, spans):
    """A person's name that touches a named setting is part of the setting's name ("Premier Inn" +
    "Southwark", "Tesco" + "Express"): the setting takes the whole, so no half of it is named a person."""
    out = []
    for span in spans:
        if out and text[out[-1][1] : span[0]] in (" ", "\t") and {out[-1][2], span[2]} & SETTING_TYPES:
            other = out[-1]
            if "PERSON" in (other[2], span[2]) and other[2] != span[2]:
                kind = other[2] if other[2] in SETTING_TYPES else span[2]
                out[-1] = (other[0], span[1], kind, "rule")
                continue
        out.append(span)
    return out


def _entity(original, clean, positions, start, end, kind, source):
    if positions is not None:
        start, end = positions[start], positions[end - 1] + 1
    return Entity(start, end, kind, original[start:end], source)


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

"""Consistent replacement that reads as English: each detected entity becomes the table's replacement for it,
creating one when the table has none, and every replacement (dates and ages included) is recorded in the
table so a reviewer sees and can edit it.

- People: the child takes the review's pseudonym; family members a role ("the mother"), professionals a
  numbered role ("Social Worker 1"), anyone else "Person A". A person's role is decided from every mention
  of them (all the ways they are written), not only the first.
- Exact dates become month and year (a date of birth the season and year); "on" before them becomes "in".
- Ages stay ages: exactly as written, or as a band ("aged 12 to 15") when the partnership asks for bands.
- Named settings become their kind, taken from the word that names the kind ("King's College Hospital" ->
  "the hospital", "Premier Inn Southwark" -> "the hotel", "HMYOI Feltham" -> "the young offender
  institution").
The words around a replacement are fitted to it: no doubled role ("her grandmother Jean" -> "her
grandmother"), no doubled article, "a"/"an" agreeing, a capital at the start of a sentence."""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .capitals import FUNCTION_WORDS as CAPITALS_FUNCTION_WORDS
from .detection import detect, setting_short_names
from .entities import Entity
from .structure import tables
from .table import ReplacementTable, TableEntry, term_key
from .vocabulary import HOTEL_CHAINS, SHOPPING_CENTRES

AGE_STYLES = ("exact", "band")

ROLES = (  # (pattern near the name, role); the nearest match within a few words wins
    (r"social worker|\bsw\b|\bcsc\b|children['’]?s social care", "Social Worker"),
    (r"health visitor", "Health Visitor"),
    (r"midwife", "Midwife"),
    (r"school nurse|practice nurse|\bnurse\b", "Nurse"),
    (r"\bgp\b|\bdr\b|doctor|paediatrician|consultant|registrar", "Doctor"),
    (r"teacher|headteacher|tutor|senco|safeguarding lead|\bdsl\b", "Teacher"),
    (r"\b(?:pc|dc|ds|di|dci|sgt|pcso)\b|police|officer|detective|constable|sergeant|inspector", "Police Officer"),
    (r"youth worker|key worker|support worker|personal adviser|family support", "Support Worker"),
    (r"manager|chair|head of", "Manager"),
    (r"idva|adviser|advisor|case manager|offender manager", "Adviser"),
    (r"step-?father", "Stepfather"),
    (r"step-?mother", "Stepmother"),
    (r"grandmother|\bnan\b|nana|grandma|\bgran\b|\bnain\b", "Grandmother"),
    (r"grandfather|granddad|grandad|grandpa|\btaid\b", "Grandfather"),
    (r"\bmother\b|\bmum\b|\bmam\b|\bmom\b", "Mother"),
    (r"\bfather\b|\bdad\b", "Father"),
    (r"\baunt(?:ie|y)?\b", "Aunt"),
    (r"\buncle\b", "Uncle"),
    (r"partner|boyfriend|girlfriend|husband|\bwife\b", "Partner"),  # not the "wife" in "midwife"
    (r"brother\b", "Brother"),
    (r"sister\b", "Sister"),
    (r"sibling|\btwin\b", "Sibling"),
    (r"foster carer|\bcarers?\b", "Carer"),
    (r"neighbour", "Neighbour"),
    (r"friend", "Friend"),
)
ROLE_RES = [(re.compile(p, re.I), role) for p, role in ROLES]
TITLE_ROLES = (
    (re.compile(r"^(?:Dr)\b\.?"), "Doctor"),
    (re.compile(r"^(?:PC|DC|DS|DI|DCI|Sgt|PCSO)\b"), "Police Officer"),
    (re.compile(r"^SW [A-Z][a-z]"), "Social Worker"),  # "SW Hope Mackintosh", not the initials "SW" alone
)
# Roles a family has one of: "the mother"; a second person in the role is "the second aunt".
FAMILY_ROLES = {
    "Mother",
    "Father",
    "Stepfather",
    "Stepmother",
    "Grandmother",
    "Grandfather",
    "Aunt",
    "Uncle",
    "Partner",
    "Brother",  # "her brother Baran" -> "her brother", not "her brother Sibling 1"
    "Sister",
    "Sibling",
}
CHILD_CUES_BEFORE = re.compile(
    r"\b(?:the child|the subject|subject child|daughter|son|baby|infant|pupil|young person|child|year \d+|"
    r"child['’]s name|name of (?:the )?child)[\s,:]*$",
    re.I,
)
BORN_AFTER = re.compile(r"^(?:['’]s)?\s+(?:was\s+)?born\b|^\s*\((?:born|b\.|dob)", re.I)
CHILD_AGE_AFTER = re.compile(r"^(?:\s*\(|,\s*(?:aged\s+)?|\s+aged\s+|\s+was\s+)(\d{1,2})\b(?!\s*(?:years? )?(?:ago|%))")
MONTH_NAMES = "January February March April May June July August September October November December".split()
SEASONS = ("winter", "winter", "spring", "spring", "spring", "summer", "summer", "summer", "autumn", "autumn",
           "autumn", "winter")  # fmt: skip

# The word naming a setting's kind, searched for anywhere in the name; the last one in the name decides
# ("King's College Hospital" is a hospital). Qualifiers refine a school.
SETTING_KINDS = (
    (r"\bHMYOI\b|\bYOI\b|Young Offender", "young offender institution"),
    (r"\bHMP\b|\bPrison\b|\bSecure (?:Training Centre|Children's Home|Unit)\b", "prison"),
    (r"\bPupil Referral Unit\b|\bPRU\b|Alternative Provision", "pupil referral unit"),
    (r"\bSixth Form\b|\bCollege\b", "college"),
    (r"\b(?:School|Academy|High|Prep|Grammar|Infants?|Juniors?)\b", "school"),
    (r"\b[Nn]ursery\b|\b[Pp]re-?[Ss]chool\b|\b[Pp]laygroup\b", "nursery"),
    (r"\bHospital\b|\bInfirmary\b", "hospital"),
    (r"\bHospice\b", "hospice"),
    (r"\bChild Development Centre\b", "child development centre"),
    (r"\bSurgery\b|\bMedical (?:Centre|Practice)\b|\bPractice\b|\bHealth Centre\b|\bGP\b", "GP surgery"),
    (r"\bClinic\b", "clinic"),
    (
        r"\b(?:Hotel|Lodge|Guest House|B&B|Inn|"
        + "|".join(re.escape(b) for b in sorted(HOTEL_CHAINS, key=len, reverse=True))
        + r")(?:[ \t]+(?:Express|Styles|Budget|Blu))?\b",
        "hotel",
    ),
    (r"\b(?:Hostel|Foyer|Night Shelter|Shelter)\b", "hostel"),
    (r"\bChildren['’]s Home\b", "children's home"),
    (r"\b(?:Arms|Tavern|Pub|Bar)\b", "pub"),
    (
        r"\b(?:Shop|Stores?|Supermarket|Superstore|Express|Extra|Local|News|Newsagents?|Off Licence|Market)\b",
        "shop",
    ),  # fmt: skip
    (r"\b(?:Recreation Ground|Rec|Playing Fields?|Common|Green)\b", "recreation ground"),
    (r"\bPark\b", "park"),
    (r"\bEstate\b", "estate"),
    (r"\bStation\b", "station"),
    (r"\bLibrary\b", "library"),
    (
        r"\b(?:Church|Chapel|Cathedral|Mosque|Masjid|Musjid|Jamia|Temple|Mandir|Gurdwara|Gurudwara|Synagogue|"
        r"Ministries|Kingdom Hall|Meeting House|Madrasa|Madrassa)\b",
        "place of worship",
    ),  # fmt: skip
    (
        r"\b(?:Shopping Centre|"
        + "|".join(re.escape(c) for c in sorted(SHOPPING_CENTRES, key=len, reverse=True))
        + r")\b",
        "shopping centre",
    ),
    (r"\bLearning Centre\b", "learning centre"),
    (r"\b(?:Children['’]s|Family) Centre\b", "children's centre"),
    (r"\bYouth (?:Centre|Club)\b|\bClub\b", "youth club"),
    # a sports club or a uniformed group by its suffix (clubs.py finds them): "the sports club", not "the place"
    (
        r"\b(?:J?A?FC|YFC|RFC|A?RLFC|ABC|ASC|Rovers|Wanderers|Harriers|Gymnastics|Boxing|"
        r"(?:Town|City|United|Athletic) (?:Youth|Juniors|Ladies|Girls)|"
        r"(?:Football|Cricket|Rugby|Boxing|Swimming|Gymnastics|Athletics|Netball|Hockey|Tennis|Sports) Club)\b",
        "sports club",
    ),
    (r"\b(?:Scout Group|Scouts|Guides|Brownies|Cubs|Beavers|Rainbows|Cadets)\b", "youth group"),
    (r"\bHub\b", "community hub"),
    (r"\bCommunity Centre\b|\bCentre\b|\bHall\b", "community centre"),
    (r"\b(?:Café|Cafe|Restaurant|Takeaway|Kebab|Chicken)\b", "café"),
    (r"\b(?:Pizza|Pizzeria|Fish Bar|Chippy)\b", "takeaway"),
    (r"\b(?:Mart|Minimart|Grocery|Grocers|Butchers|Butcher's|Bakery|Food (?:&|and) Wine|Cost Cutter)\b", "shop"),
    (r"\b(?:[Tt]ransit |[Tt]raveller |[Cc]aravan )?[Ss]ite\b", "site"),
    (r"\b[Aa]llotments?\b", "allotments"),
    (r"\b(?:[Ii]ndustrial|[Tt]rading|[Bb]usiness) (?:[Ee]state|[Pp]ark)\b", "industrial estate"),
    (r"\bProbation Office\b", "probation office"),
    (r"\bMental Health Unit\b", "mental health unit"),
    (r"\bSARC\b", "sexual assault referral centre"),
    (r"\bHouse\b", "residential home"),
)
SETTING_KIND_RES = [(re.compile(p), kind) for p, kind in SETTING_KINDS]
SCHOOL_QUALIFIERS = (
    (re.compile(r"\bPrimary|\bInfants?\b|\bJuniors?\b|\bC of E\b|\bCE\b"), "primary school"),
    (re.compile(r"\bSecondary|\bHigh\b|\bGrammar\b|\bUpper\b"), "secondary school"),
    (re.compile(r"\bSpecial\b|\bSEN\b"), "special school"),
    (re.compile(r"\bIndependent\b|\bPrep\b|\bPreparatory\b"), "independent school"),
    (re.compile(r"\bAcademy\b"), "academy"),
)
DEFAULT_KINDS = {"SCHOOL": "school", "HEALTH_SETTING": "health setting", "PLACE": "place"}
KINDS_BY_TYPE = {  # a kind another type's name can never be given
    "SCHOOL": {"school", "college", "nursery", "pupil referral unit"},
    "HEALTH_SETTING": {"hospital", "hospice", "child development centre", "GP surgery", "clinic"},
}
FIXED = {
    "POSTCODE": "[postcode]",
    "PHONE": "[phone number]",
    "EMAIL": "[e-mail address]",
    "NHS_NUMBER": "[NHS number]",
    "NI_NUMBER": "[NI number]",
    "ETHNICITY": "[ethnicity]",
    "RELIGION": "[faith]",
    "OTHER": "[identifier]",
}
ORDINALS = ("", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
DATED = ("DATE", "DATE_OF_BIRTH", "AGE")


@dataclass
class Replaced:
    entity: Entity
    replacement: str

    def as_dict(self):
        return {**self.entity.as_dict(), "replacement": self.replacement}


@dataclass
class Anonymised:
    text: str
    replaced: list = field(default_factory=list)  # Replaced, in text order
    allowed: list = field(default_factory=list)  # Entity, detected but allowed by the table


def anonymise(text, table=None, entities=None, *, age_style="exact"):
    """Replace every detected, not allowed entity in `text` using (and extending) `table`."""
    if age_style not in AGE_STYLES:
        raise ValueError(f"age_style must be one of {', '.join(AGE_STYLES)}")
    table = table if table is not None else ReplacementTable()
    entities = detect(text, table) if entities is None else entities
    namer = _Namer(table, text, [e for e in entities if not table.is_allowed(e.text)], age_style)
    out, replaced, allowed, position, written_last = [], [], [], 0, None
    for entity in entities:
        if table.is_allowed(entity.text):
            allowed.append(entity)
            continue
        replacement = namer.replacement_for(entity)
        before = text[position : entity.start]
        if _restated(replacement, before, replaced, text, entity):
            out.append(before.rstrip(" \t("))
            replaced.append(Replaced(entity, replacement))
            position = entity.end + 1  # "Joanne Lister (JL)" -> "Social Worker 1", not "... (Social Worker 1)"
            continue
        again = _written_again(before, replacement, written_last, entity, text)
        if again is None and not before and out and out[-1].endswith(" (") and text.startswith(")", entity.end):
            if written_last and written_last[0].lower() == replacement.lower():  # "MO (father, Michael Owusu)"
                out[-1] = out[-1][:-2]
                again = ("", 1)
        if again is not None:  # "Jodie Wragg (JW)" -> "Person B", not "Person B (Person B)"
            out.append(again[0])
            replaced.append(Replaced(entity, replacement))
            position = entity.end + again[1]
            continue
        before, written, skip = fit(before, replacement, entity, text, out)
        out.append(before)
        out.append(written)
        replaced.append(Replaced(entity, replacement))
        # a role word left standing for them is them too; "the father (" is the father
        written_last = (written.removesuffix(" (") or replacement, entity.type)
        position = entity.end + skip
    out.append(text[position:])
    return Anonymised("".join(out), replaced, allowed)


SAME_AGAIN_TYPES = {"PERSON", "SCHOOL", "HEALTH_SETTING", "PLACE", "ADDRESS"}
SAME_AGAIN_OPEN_RE = re.compile(r"[ \t]*\([ \t]*(?:[Tt]he[ \t]+)?")  # "Ulster Hospital (the Ulster)" too
SAME_AGAIN_GAP_RE = re.compile(r"[ \t]*(?:\([ \t]*[A-Za-z]{1,8}[ \t]*)?[,=/–—-][ \t]*|[ \t]+")
SAME_AGAIN_SEPARATOR_RE = re.compile(r"[ \t]*[,=/–—-][ \t]*$")


def _written_again(before, replacement, written_last, entity, text):
    """(text to write, characters after to skip) when the same person or place is named again right after
    itself, as notes do ("JW (Jodie Wragg, 32)", "PB = Paul Barraclough", "Evelina (Evelina Children's
    Hospital)"): once replaced, both are the same words, so the second is left out with its separator:
    "Person B (32)", "Person A". None when it is not."""
    if written_last is None or entity.type not in SAME_AGAIN_TYPES or written_last[1] not in SAME_AGAIN_TYPES:
        return None
    last = written_last[0]
    if last.lower() != replacement.lower() and last.lower() != re.sub(r"^the\s+", "", replacement.lower()):
        return None
    if SAME_AGAIN_OPEN_RE.fullmatch(before):
        comma = re.match(r"[ \t]*,[ \t]*", text[entity.end :])
        if comma and not text[entity.end + comma.end() :].startswith(")"):
            return re.sub(r"[Tt]he[ \t]+$", "", before), comma.end()  # "X (X, 14)" -> "X (14)"
        if text.startswith(")", entity.end):
            return "", 1  # "Evelina (Evelina Children's Hospital)" -> "the hospital", not "the hospital (the hospital)"
        return None
    if SAME_AGAIN_GAP_RE.fullmatch(before):
        if not before.strip():
            return "", 0  # "My husband, Stephen, Stephen Lomax." -> "My husband."
        return SAME_AGAIN_SEPARATOR_RE.sub("", before), 0  # "(X, X)" -> "(X)", "X (SW, X)" -> "X (SW)"
    return None


def _restated(replacement, before, replaced, text, entity):
    """Initials in brackets right after the name they stand for, now replaced by the same words."""
    return (
        bool(replaced)
        and replaced[-1].replacement == replacement
        and re.fullmatch(r"[ \t]*\(", before) is not None
        and text.startswith(")", entity.end)
    )


# Fitting a replacement to the words around it --------------------------------------------------------------

DETERMINER_END_RE = re.compile(r"(?:^|(?<=[\s(\"“]))(the|a|an|her|his|their|its|our|my|your)([ \t]+)$", re.I)
ON_END_RE = re.compile(r"(?:^|(?<=\s))(on|On|ON)([ \t]+)(?:(?:the|THE)[ \t]+)?$")
WEEKDAY_END_RE = re.compile(r"(?:^|(?<=\s))(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+(?:the[ \t]+)?$")
THE_END_RE = re.compile(r"(?:^|(?<=\s))the[ \t]+$", re.I)
SENTENCE_START_BEFORE_RE = re.compile(r"(?:^|[.!?\n\t|•*]\s*|[.!?][\"”’)]\s+|\n\s*[-–]\s*)$")
DATE_REPLACEMENT_RE = re.compile(
    r"^(?:" + "|".join(MONTH_NAMES) + r"|spring|summer|autumn|winter|early|mid|late|\d{4})\b", re.I
)


def fit(before, replacement, entity, text, written_so_far):
    """(text before, replacement as written, characters after to skip) so the sentence reads."""
    skip = 0
    if entity.type in ("DATE", "DATE_OF_BIRTH") and DATE_REPLACEMENT_RE.match(replacement):
        weekday = WEEKDAY_END_RE.search(before)
        if weekday:  # "on Monday 3 March 2014" -> "in March 2014"
            before = before[: weekday.start()]
        on = ON_END_RE.search(before)
        if on:
            word = {"on": "in", "On": "In", "ON": "IN"}[on.group(1)]  # "BORN ON 22 NOVEMBER" -> "BORN IN"
            before = before[: on.start()] + word + on.group(2)
        else:
            the = THE_END_RE.search(before)
            if the:  # "the 3rd of March" -> "March"
                before = before[: the.start()]
    if entity.type == "PERSON":
        before, replacement, skip = _without_doubled_role(before, replacement, text, entity.end)
        if replacement and not skip:
            skip = _role_said_after(replacement, text, entity.end)
            more = 0 if skip else _role_said_in_bracket(replacement, text, entity.end)
            if more:  # "Chelsea Brook (mother, 27)" -> "the mother (27)"
                replacement, skip = replacement + " (", more
    if entity.type in ("SCHOOL", "HEALTH_SETTING", "PLACE"):
        before, skip = _kind_not_doubled(before, replacement, text, entity.end)
    same = PLACEHOLDER_RE.match(replacement) and re.search(r"(?:^|(?<=\s))(\w+) $", before)
    if same and same.group(1).lower() == replacement.split()[0].lower():
        alone = same.group(1)[0].isupper() or re.search(r"(?:^|[\n(:;,–—-][ \t]*)$", before[: same.start(1)])
        if alone:  # not a compound's last word: "key person Person E" stays as written
            before = before[: same.start(1)]  # "Address 12 Hill Rd" -> "Address A", not "Address Address A"
    determiner = DETERMINER_END_RE.search(before)
    if determiner and replacement.startswith("the "):
        word = determiner.group(1)
        replacement = replacement[4:]
        if word.lower() in ("a", "an"):
            article = "an" if replacement[:1].lower() in "aeiou" else "a"
            article = article.capitalize() if word[0].isupper() else article
            before = before[: determiner.start()] + article + determiner.group(2)
    if entity.type in ("SCHOOL", "HEALTH_SETTING", "PLACE") and KIND_NOUN_AFTER_RE.match(text, entity.end):
        # "at the Djanogly school" -> "at the school", not "at the place school": the text names the kind
        generic = GENERIC_KIND_RE.search(replacement)
        if generic:
            replacement = replacement[: generic.start()]
            if not replacement:
                skip = max(skip, len(re.match(r"[ \t]*", text[entity.end :]).group()))
    replacement = _brackets_kept(entity.text, replacement)
    if replacement and replacement[0].islower() and _sentence_start("".join(written_so_far) + before):
        replacement = replacement[0].upper() + replacement[1:]
    return before, replacement, skip


KIND_NOUN_AFTER_RE = re.compile(
    r"[ \t]+(?:school|academy|college|nursery|hospital|surgery|practice|clinic|church|mosque|temple|chapel|"
    r"centre|club|park|station|estate|pub|hotel|hostel|shop|ward|unit)s?\b"
)
GENERIC_KIND_RE = re.compile(r"[ \t]*\b(?:place|health setting)$")
# only a word standing alone before the name ("Health: GP Kendray Surgery"), not one ending a phrase ("Boys' school
# Oakfield Primary") or a table's cell ("GP<tab>Kendray Surgery")
KIND_WORD_BEFORE_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=[.:;,(])|(?<=[.:;,(] )|(?<=\b(?:at|to|by|in|of) )|(?<=\bthe )|(?<=\b(?:with|from) ))"
    r"([A-Za-z]+) +$"
)


def _kind_not_doubled(before, replacement, text, end):
    """'GP Kendray Surgery' -> 'the GP surgery', not 'GP the GP surgery'; 'Whitechapel Health Centre GP' ->
    'the GP surgery', not 'the GP surgery GP': a word of the kind written beside the name is already in the
    replacement. Returns (text before, characters after to skip)."""
    words = {w.lower() for w in replacement.split()} - {"the", "a", "an", *ORDINALS}
    word = KIND_WORD_BEFORE_RE.search(before)
    if word and word.group(1).lower() in words:
        before = before[: word.start(1)]
    after = re.match(r"[ \t]+([A-Za-z]+)\b", text[end : end + 30])
    skip = len(after.group()) if after and after.group(1).lower() in words else 0
    return before, skip


PLACEHOLDER_RE = re.compile(r"^(?:Address [A-Z]+|Person [A-Z]+|[A-Z][a-z]+ [A-Z]$|[A-Z][a-z]+(?: [A-Z][a-z]+)? \d+)$")


def _brackets_kept(original, replacement):
    """A bracket the found text opens or closes but does not pair ("(07700 900 442" of "Joanne Tromans (07700
    900 442) shares") is kept around the replacement, so the published text's brackets still pair."""
    if not replacement:
        return replacement
    for opening, closing in ("()", "[]"):
        if original.startswith(opening) and original.count(opening) > original.count(closing):
            replacement = opening + replacement
        if original.endswith(closing) and original.count(closing) > original.count(opening):
            replacement = replacement + closing
    return replacement


def _sentence_start(written):
    return bool(SENTENCE_START_BEFORE_RE.search(written[-6:])) if written.strip() else True


def _role_said_in_bracket(replacement, text, end):
    """How many characters of ' (mother, ' after the name to leave out when the bracket goes on with more
    ('(mother, 27)'), so the role is not written twice; 0 when it is not so."""
    role = re.sub(r"^the\s+|^(?:" + "|".join(ORDINALS[1:]) + r")\s+|\s+\d+$", "", replacement).strip()
    if not role or replacement.startswith("[") or role.startswith("Person"):
        return 0
    words = r"[ \t]+".join(map(re.escape, role.lower().split()))
    m = re.match(rf"[ \t]*\((?:the[ \t]+)?{words},[ \t]*(?=[^()\n]{{1,30}}\))", text[end : end + 80], re.I)
    return len(m.group()) if m else 0


def _role_said_after(replacement, text, end):
    """'Kerry Adams, the allocated social worker, visited' -> 'Social Worker 1 visited': the role in an
    aside after the name is already in the replacement. Returns how many characters to leave out."""
    role = re.sub(r"^the\s+", "", replacement)
    role = re.sub(r"^(?:" + "|".join(ORDINALS[1:]) + r")\s+|\s+\d+$", "", role).strip()
    if not role or replacement.startswith("[") or role.lower() == "person" or role.startswith("Person "):
        return 0
    words = r"[ \t]+".join(map(re.escape, role.lower().split()))
    aside = re.match(
        rf",[ \t]+(?:the|her|his|their|a|an)[ \t]+(?:[a-z-]+[ \t]+){{0,2}}?{words},(?=[ \t])"
        rf"|[ \t]*\((?:the[ \t]+)?{words}\)"
        # "Author: Rachel Tindall, social worker   Date" -> "Author: Social Worker 1   Date": the field ends there
        rf"|,[ \t]+(?:(?:the|her|his|their|a|an)[ \t]+)?(?:(?!{NOT_AN_ASIDE}\b|the\b|his\b|her\b)[a-z-]+[ \t]+){{0,2}}?"
        rf"{words}"
        rf"(?=[ \t]*(?:$|\n|[.;,()])|[ \t]{{2,}}|[ \t]*\[)",
        text[end : end + 60],
        re.I,
    )
    return len(aside.group()) if aside else 0


FAMILY_WORDS_AS_WRITTEN = {
    "aunt": r"aunt(?:ie|y)?",
    "grandmother": r"grandmother|nan|nana|nanny|gran|grandma",
    "grandfather": r"grandfather|grandad|granddad|grandpa",
    "mother": r"mother|mum|mam|mom",
    "father": r"father|dad",
    "stepfather": r"stepfather|step-father|stepdad",
    "stepmother": r"stepmother|step-mother|stepmum",
    # "ex-partner Connor Hale" -> "ex-partner"
    "partner": r"(?:ex-)?partner|(?:ex-)?boyfriend|(?:ex-)?girlfriend|husband|wife",
    "brother": r"brother|bro",  # "half-brother" too: a hyphen may come before it
    "sister": r"sister|sis",
    "sibling": r"sibling|twin",
}


def _without_doubled_role(before, replacement, text, end):
    """'her grandmother Jean Smith' -> 'her grandmother'; 'Social Worker Mary Jones' -> 'Social Worker 1';
    'his mother, Kerry Adams, said' -> 'his mother said'."""
    role = re.sub(r"^the\s+", "", replacement)
    role = re.sub(r"^(?:" + "|".join(ORDINALS[1:]) + r")\s+|\s+\d+$", "", role).strip()
    words = role.split()
    if not words or replacement.startswith("["):
        return before, replacement, 0
    said = FAMILY_WORDS_AS_WRITTEN.get(role.lower()) if len(words) == 1 else None
    written = said or r"[ \t]+".join(map(re.escape, words))
    if replacement[-1:].isdigit():  # "his offender manager X" -> "Adviser 1": the ways the role is written
        written = "|".join([written, *(pattern for pattern, name in ROLES if name == role)])
    pattern = r"(?:^|(?<=[\s(-]))(?i:" + written + r")(,?)([ \t]+)$"  # "great-aunt", "half-sister" too
    m = re.search(pattern, before, re.I)
    if not m:
        return before, replacement, 0
    numbered = replacement[-1:].isdigit()
    if numbered:  # "her social worker Mary Jones" -> "Social Worker 1": the number says which one
        start = _role_phrase_start(before, m.start())
        determiner = re.search(r"(?:^|(?<=\s))(?:the|her|his|their|a|an|our|my|your)[ \t]+$", before[:start], re.I)
        # "His social worker, Maria Lopez, visited" -> "Social Worker 1 visited": the aside's closing comma goes
        # with its opening one
        closing = 1 if m.group(1) and text[end : end + 1] == "," else 0
        return before[: determiner.start() if determiner else start], replacement, closing
    if m.group(1):  # an appositive: "his mother, Kerry Adams, said"
        kept = before[: m.start() + len(m.group()) - len(m.group(1) + m.group(2))]
        if re.match(r",[ \t]*\d", text[end:]):  # "his girlfriend, Amy Fox, 16, who" -> "his girlfriend, 16, who"
            return kept + ",", "", 1
        if text[end : end + 1] == ",":
            return kept, "", 1
        bracket = APPOSITIVE_BRACKET_RE.match(text, end)
        if bracket:  # "his mother, Danielle (22), her partner" -> "his mother (22), her partner"
            return kept, "", 0
        if APPOSITIVE_END_RE.match(text, end):  # "with her stepfather, Ray Cole." -> "with her stepfather."
            return kept, "", 0
        return before, replacement, 0
    return before[: m.start() + len(m.group()) - len(m.group(2))], "", 0


APPOSITIVE_BRACKET_RE = re.compile(r"[ \t]+\([^()\n]{1,40}\)")
APPOSITIVE_END_RE = re.compile(r"[ \t]*(?:[.;:)!?]|\n|$)")
QUALIFIER_RE = re.compile(r"(?:^|(?<=[\s(\"“]))([A-Za-z][a-z-]*|[A-Z]{2,4})[ \t]+$")  # "the ED nurse" too


def _role_phrase_start(before, role_start):
    """Where the role phrase ending at `role_start` begins: 'her class teacher Mrs Ann Patel' reads as
    'Teacher 1', not 'her class Teacher 1', so the words qualifying the role ("class", "allocated",
    "school") go with it; the numbered role is the name the reader follows through the report. Only one or
    two words, and only when a small word (a determiner, a preposition) or a sentence's start comes before
    them, so a verb ("phoned class teacher") is never taken for one."""
    start = role_start
    for _ in range(2):
        word = QUALIFIER_RE.search(before[:start])
        if word is None or word.group(1).upper() in CAPITALS_FUNCTION_WORDS:
            break
        abbreviation = word.group(1).isupper() and len(word.group(1)) > 1
        if word.group(1)[0].isupper() and not abbreviation and not _sentence_start(before[: word.start(1)]):
            break  # "Oakfield class teacher": a capitalised word mid-sentence belongs to a name
        start = word.start(1)
        preceding = before[:start]
        small = QUALIFIER_RE.search(preceding)
        clause = re.search(r"[;:,(–-][ \t]*$", preceding)  # "knocking at night; hotel manager Vikram Shah"
        if _sentence_start(preceding) or clause or (small and small.group(1).upper() in CAPITALS_FUNCTION_WORDS):
            return start
    return role_start


# Choosing replacements --------------------------------------------------------------------------------------


TITLED_RE = re.compile(r"(Mr|Mrs|Ms|Miss|Mx|MR|MRS|MS|MISS)\.?\s+\S")
ADULT_TITLES = ("MR", "MRS", "MS")
MALE_ROLES = ("Father", "Stepfather", "Grandfather", "Uncle", "Brother")
FEMALE_ROLES = ("Mother", "Stepmother", "Grandmother", "Aunt", "Sister")
GENDERED_ROLES = {
    "MR": FEMALE_ROLES,
    "MRS": MALE_ROLES,
    "MS": MALE_ROLES,
    "MISS": MALE_ROLES,
}  # roles a title rules out


def _fuller_settings(entities):
    """{term key of a setting's short name: the fuller setting it stands for}, for a short name written before
    its fuller one ("Evelina" then "Evelina London Children's Hospital"): only when the short name's words begin
    the one fuller name found, so two settings sharing a word are not merged."""
    settings = [(e, term_key(e.text)) for e in entities if e.type in ("SCHOOL", "HEALTH_SETTING")]
    by_first_word = {}  # (each setting's key read once and compared only with those sharing its first word)
    for e, key in settings:
        by_first_word.setdefault((key.split() or [""])[0], []).append((e, key))
    fuller = {}
    for short, short_key in settings:
        words = short_key.split()
        longer = {
            key: e
            for e, key in (by_first_word.get(words[0], []) if words else settings)
            if e.start > short.start and len(key.split()) > len(words)
            and key.split()[: len(words)] == words
        }  # fmt: skip
        if len(longer) == 1 and short_key not in fuller:
            fuller[short_key] = next(iter(longer.values()))
    return fuller


def _sexes(text, mentions):
    """{'m', 'f'}: what the titles and roles beside a person's mentions say of their sex."""
    found = set()
    for entity in mentions:
        titled = TITLED_RE.match(entity.text)
        title = titled.group(1).upper() if titled else ""
        if title == "MR":
            found.add("m")
        elif title in ("MRS", "MS", "MISS"):
            found.add("f")
        role = _role_near(text, entity)
        found |= {"m"} if role in MALE_ROLES else {"f"} if role in FEMALE_ROLES else set()
    return found


def _adult_titled(text):
    titled = TITLED_RE.match(text)
    return titled is not None and titled.group(1).upper() in ADULT_TITLES


class _Namer:
    def __init__(self, table, text, entities, age_style):
        self.table = table
        self.text = text
        self.age_style = age_style
        self.counts = Counter(self._kind_of(e) for e in table if not e.allowed)
        self.people = _people(text, [e for e in entities if e.type == "PERSON"], table)
        self.fuller = _fuller_settings(entities)

    @staticmethod
    def _kind_of(entry):
        replacement = re.sub(r"\s*\d+$", "", entry.replacement)
        replacement = re.sub(r"^(?:the|a|an)\s+(?:(?:" + "|".join(ORDINALS[1:]) + r")\s+)?", "", replacement)
        replacement = re.sub(r"^Person [A-Z]+$", "Person", replacement)
        return entry.type, replacement.lower()

    def replacement_for(self, entity):
        entry = self.table.entry_for(entity.text)
        someone_else = self._another_persons(entity, entry)
        if someone_else:
            entry = None
        if entry is not None and entry.replacement:
            return entry.replacement
        if entity.type == "PERSON":
            person = self.people.get(term_key(entity.text))
            if person is not None and self._adult_beside_child(entity, person):
                someone_else, person = True, None
            if person is not None:
                entry = self.table.entry_for(person.name)
                if self._another_persons(entity, entry):
                    entry = None
                if entry is not None and entry.replacement:
                    return entry.replacement
        fuller = self.fuller.get(term_key(entity.text)) if entry is None else None
        if fuller is not None:  # "Evelina (Evelina London Children's Hospital)": the fuller name gives the kind
            replacement = self.replacement_for(fuller)
            self.table.add_alias(entity.text, fuller.text)
            return replacement
        replacement = self._new(entity)
        if entry is not None:
            entry.replacement = replacement
        else:
            original = entity.text
            if entity.type == "PERSON" and term_key(entity.text) in self.people and not someone_else:
                original = self.people[term_key(entity.text)].name
            if someone_else:  # recorded under its own words, not the other person's alias for them
                entry = self.table._put(TableEntry(original, replacement, entity.type))
            else:
                entry = self.table.record(original, replacement, entity.type)
        if entity.type in ("SCHOOL", "HEALTH_SETTING"):
            for short in setting_short_names(entry.original):  # "the Whittington" after "Whittington Hospital"
                self.table.add_alias(short, entry.original)
        if entity.type == "PERSON":
            self.table.add_alias(entity.text, entry.original)
            for word in term_key(entry.original).split():
                if len(word) > 2:
                    self.table.add_alias(word, entry.original)
        return entry.replacement

    def _another_persons(self, entity, entry):
        """True when the table reached `entry` only through a word of another person's name ("Mr Whitfield"
        through "Lily-Mae Whitfield") and this text's mentions say they are two people ("Lily-Mae's father, Mr
        Whitfield (Ryan Whitfield)"): a surname shared in a family is not the same person."""
        if entity.type != "PERSON" or entry is None or entry.added_by_reviewer:
            return False
        # only for a mention with an adult's title ("Mr Whitfield" is not Lily-Mae Whitfield); a forename alone
        # ("Kwabena") most often is the same person
        titled = TITLED_RE.match(entity.text)
        if titled is None:
            return False
        adult = titled.group(1).upper() in ADULT_TITLES  # "Miss Wiśniewska" may be the girl herself
        role = self._kind_of(entry)[1].title()
        other_sex = role in GENDERED_ROLES.get(titled.group(1).upper(), ())  # "Mrs Ward" is not "the father"
        if not adult and not other_sex:
            return False
        key, original = term_key(entity.text), term_key(entry.original)
        person = self.people.get(key)
        if person is None or original == key or original not in self.people:
            return False
        return other_sex or self.people[original] is not person or self._adult_beside_child(entity, person)

    @staticmethod
    def _adult_beside_child(entity, person):
        """'Mr Crozier' grouped with his son Liam Crozier: an adult's title is not the child's."""
        return person.is_child and _adult_titled(entity.text)

    def _new(self, entity):
        if entity.type == "PERSON":
            person = self.people.get(term_key(entity.text))
            if person is not None and self._adult_beside_child(entity, person):
                person = None  # "Mr Crozier" beside his son Liam Crozier is not the child
            titled = TITLED_RE.match(entity.text)
            if person is not None and person.is_child and self.table.pseudonym:
                return self.table.pseudonym
            role = (person.role if person else None) or _role_near(self.text, entity) or "Person"
            if titled and role in GENDERED_ROLES.get(titled.group(1).upper(), ()):
                role = "Person"  # "Mrs Ward" is not "the father", whatever a mention of another Ward said
            count = self._next(("PERSON", role.lower()))
            if role == "Person":
                return f"Person {_letters(count)}"
            if role in FAMILY_ROLES:
                return f"the {role.lower()}" if count == 1 else f"the {ORDINALS[min(count, 10) - 1]} {role.lower()}"
            return f"{role} {count}"
        if entity.type in FIXED:
            return FIXED[entity.type]
        if entity.type in ("SCHOOL", "HEALTH_SETTING", "PLACE"):
            kind = setting_kind(entity.text, entity.type)
            count = self._next((entity.type, kind))
            return f"the {kind}" if count == 1 else f"the {ORDINALS[min(count, 10) - 1] or 'another'} {kind}"
        if entity.type == "ADDRESS":
            return f"Address {_letters(self._next(('ADDRESS', 'address')))}"
        if entity.type == "AGE":
            return age_replacement(entity.text, self.age_style)
        if entity.type in ("DATE", "DATE_OF_BIRTH"):
            return date_replacement(entity.text, entity.type)
        return "[removed]"

    def _next(self, kind):
        self.counts[kind] += 1
        return self.counts[kind]


@dataclass
class _Person:
    name: str  # the fullest way the text writes them
    role: str | None = None
    is_child: bool = False


def _people(text, mentions, table):
    """{term key of a mention: _Person}: the mentions of one person ("Kerry Adams", "Ms Adams", "Kerry")
    grouped under the fullest, with the role most of their mentions suggest, and which of them is the
    review's child (the person the text most often writes as a child)."""
    by_key = {}
    for entity in mentions:
        by_key.setdefault(term_key(entity.text), []).append(entity)
    fullest = sorted(by_key, key=lambda k: (-len(k.split()), -len(k)))
    owner = {}

    def name_words(key):  # initials say nothing about who it is: "K. Adams" is Kerry-Ann Adams
        return {w.strip(",") for w in key.split() if len(w.rstrip(".,")) > 1}  # "adams, kerry-ann" too

    cued = {k for k, entities in by_key.items() if any(_child_cues(text, e) for e in entities)}
    first_of_words = {}
    for key in fullest:
        words = name_words(key)
        same = first_of_words.setdefault(frozenset(words), key) if len(words) > 1 else key
        if same != key:  # "Adams, Kerry-Ann" and "Kerry-Ann Adams": one person written in two orders
            owner[key] = owner[same]
            continue
        holders = [k for k in fullest if k != key and len(name_words(k)) > len(words) and words <= name_words(k)]
        if all(_adult_titled(e.text) for e in by_key[key]):  # "Mr Whitfield" is not the child Lily-Mae Whitfield
            other = {"m": "f", "f": "m"}
            ruled_out = {other[x] for x in _sexes(text, by_key[key])}  # nor "Mr Nwosu" his wife Chiamaka Nwosu
            said = {_role_near(text, e) for e in by_key[key]} - {None}  # "Mum (Mrs Haddad)" is not her son
            holders = [
                k
                for k in holders
                if k not in cued
                and not (_sexes(text, by_key[k]) & ruled_out)
                and not (said and {_role_near(text, e) for e in by_key[k]} - {None} - said)
            ]
        heads = {owner.get(h, h) for h in holders}
        owner[key] = heads.pop() if len(heads) == 1 else key
    for key, entities in by_key.items():  # "Joanne Lister (JL)": the initials are hers wherever they are used
        holder = _initials_holder(text, key, entities, by_key, fullest)
        if holder is not None:
            owner[key] = owner.get(holder, holder)
    roles, child_cues, counts = defaultdict(Counter), Counter(), Counter()
    headers = _column_headers(text)
    for key, entities in by_key.items():
        head = owner[key]
        for entity in entities:
            counts[head] += 1
            role = _role_near(text, entity) or _role_from_header(headers, entity)
            if role:
                roles[head][role] += 1
            child_cues[head] += _child_cues(text, entity)
    people, first = {}, {}
    for key, entities in by_key.items():
        first[owner[key]] = min(first.get(owner[key], len(text)), *(e.start for e in entities))
    for head in sorted(set(owner.values()), key=first.get):  # in the text's order, so a tie is decided the same
        name = by_key[head][0].text
        role = roles[head].most_common(1)[0][0] if roles[head] else None
        people[head] = _Person(name, role)
    pseudonym_taken = any(e.replacement == table.pseudonym for e in table if table.pseudonym)
    if table.pseudonym and not pseudonym_taken:
        candidates = [h for h in people if child_cues[h] and not _adult_role(people[h].role)]
        if candidates:
            # of equals, the first the text names ("Children: Ishaan (11) and Inaya (8)"), on every run
            child = max(candidates, key=lambda h: (child_cues[h], counts[h], -first[h]))
            people[child].is_child = True
    return {key: people[owner[key]] for key in owner}


INITIALS_KEY_RE = re.compile(r"[a-z]{2,4}")


def _initials_holder(text, key, entities, by_key, fullest):
    """The fuller name that initials stand for: the one they are written after in brackets, else the only
    name found whose words begin with those letters."""
    if not INITIALS_KEY_RE.fullmatch(key) or not all(e.text.isupper() for e in entities):
        return None
    letters = key.upper()
    for other, mentions in by_key.items():
        for mention in mentions:
            if re.match(rf"[ \t]*\({letters}\)", text[mention.end : mention.end + 10]):
                return other
    candidates = []
    for other in fullest:
        words = [w for w in other.split() if len(w.rstrip(".")) > 1]
        if len(words) >= 2 and (
            "".join(w[0] for w in words).upper() == letters or (words[0][0] + words[-1][0]).upper() == letters
        ):
            candidates.append(other)
    return candidates[0] if len(candidates) == 1 else None


ROLE_COLUMN_RE = re.compile(r"^\s*(?:role|job(?: title)?|title|designation|position|relationship)\s*$", re.I)


def _column_headers(text):
    """[(start, end, header text, the row's role cell)] for every cell of a table below its header row; the
    role cell is the text of the row's column headed "Role" (or "Relationship", "Job title"), else ""."""
    if "\t" not in text and text.count("|") < 4:
        return []
    cells = []
    for table in tables(text):
        header = [text[a:b] for a, b in table[0]]
        role_column = next((i for i, h in enumerate(header) if ROLE_COLUMN_RE.match(h)), None)
        for row in table[1:]:
            role_cell = text[slice(*row[role_column])] if role_column is not None else ""
            cells.extend((a, b, header[i], role_cell if i != role_column else "") for i, (a, b) in enumerate(row))
    return cells


def _role_from_header(headers, entity):
    """A name in a column headed "Officer" or "Social worker" takes the header's role; a name in a row whose
    "Role" column says "Health visitor" takes that ("Name | Role | Agency" in minutes)."""
    for start, end, header, role_cell in headers:
        if start <= entity.start and entity.end <= end:
            for said in (header, role_cell):
                found = [(m.start(), m.end(), role) for pattern, role in ROLE_RES for m in pattern.finditer(said)]
                if found:
                    return max(found, key=lambda f: (f[1], -f[0]))[2]
            return None
    return None


def _adult_role(role):
    return role is not None and role not in ("Sibling", "Brother", "Sister", "Friend")


def _child_cues(text, entity):
    cues = 0
    if CHILD_CUES_BEFORE.search(text[max(0, entity.start - 30) : entity.start]):
        cues += 1
    age = CHILD_AGE_AFTER.match(text[entity.end : entity.end + 20])
    if age and int(age.group(1)) < 18:
        cues += 1
    if BORN_AFTER.match(text[entity.end : entity.end + 20]):
        cues += 1  # a review tells the child's birth
    return cues


def _letters(number):
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


ROLE_WORDS = "|".join(p for p, _ in ROLES)
# A role written right beside the name: "her social worker Mary Jones", "Mary Jones (social worker)",
# "Mary Jones, the allocated social worker,", "Mary Jones was the health visitor". A role word further
# away ("Jade lived with her mother") is about someone else.
# Words that start a clause or say who else, so the role after them is someone else's ("Eirlys, since his mother")
NOT_AN_ASIDE = (
    r"(?:from|per|by|to|for|with|via|and|or|but|of|at|in|on|since|because|when|while|after|before|until|who|which|"
    r"that|so)"
)
ROLE_BEFORE_NAME_RE = re.compile(rf"(?:{ROLE_WORDS})(?:[ \t]*[,:(-][ \t]*|[ \t]+)$", re.I)
# Only on the name's line, and not a bracket saying who else ("History (from mother)", "(per mother)").
ROLE_AFTER_NAME_RE = re.compile(
    rf"^(?:[ \t]*[,(–-][ \t]*|[ \t]+(?:is|was|as|became)[ \t]+)(?!{NOT_AN_ASIDE}\b)"
    # "Dawit was brought by his aunt" is not the aunt: no preposition or other's possessive in the words between
    rf"(?:(?:the|her|his|their|a|an|our)[ \t]+)?(?:(?!{NOT_AN_ASIDE}\b|his\b|her\b|their\b)[\w-]+[ \t]+){{0,3}}?"
    rf"(?:{ROLE_WORDS})",
    re.I,
)
# "for the mother, Ms Anna Rutkowska" is who acts for the mother, not the mother.
ACTING_FOR_RE = re.compile(r"\b(?:for|behalf of)[ \t]+(?:the[ \t]+)?$", re.I)


FIELD_END_RE = re.compile(r"[ \t]*(?:$|\n|[,;(|\t])")


def _role_near(text, entity):
    for pattern, role in TITLE_ROLES:
        if pattern.search(entity.text):
            return role
    before = text[max(0, entity.start - 30) : entity.start]
    after = text[entity.end : entity.end + 45]
    m = ROLE_BEFORE_NAME_RE.search(before)
    if m is not None and m.group().rstrip().endswith(":") and not FIELD_END_RE.match(after):
        m = None  # "Mum: Summer who??" is what Mum says in a transcript; "Mother: Kerry Adams" is a field
    if m is not None:
        word = next((w for pattern, _ in ROLE_RES for w in [pattern.search(m.group())] if w), None)
        if word is not None and ACTING_FOR_RE.search(before[: m.start() + word.start()]):
            m = None
    written_before = m is not None
    if m is None:
        m = ROLE_AFTER_NAME_RE.match(after)
        if m is None:
            return None
    phrase = m.group()
    found = [(m2.start(), m2.end(), role) for pattern, role in ROLE_RES for m2 in pattern.finditer(phrase)]
    if not found:
        return None
    # the role word nearest the name: the last in the words before it, the first in the words after; of two
    # ending (or starting) together the longer ("girlfriend", not "friend")
    if written_before:
        return max(found, key=lambda f: (f[1], -f[0]))[2]
    return min(found, key=lambda f: (f[0], -f[1]))[2]


def setting_kind(name, type_):
    """The kind of a named setting, from the last word in its name that names a kind; never a kind of
    another type ("King's College Hospital" is a hospital, not a college)."""
    best = None
    for pattern, kind in SETTING_KIND_RES:
        for m in pattern.finditer(name):
            if any(kind in kinds for t, kinds in KINDS_BY_TYPE.items() if t != type_):
                continue
            # the last kind word decides; of two ending together the longer ("Fish Bar", not "Bar")
            if best is None or (m.end(), -m.start()) > best[:2]:
                best = (m.end(), -m.start(), kind)
    kind = best[2] if best else DEFAULT_KINDS.get(type_, "place")
    if kind == "school":
        kind = next((k for pattern, k in SCHOOL_QUALIFIERS if pattern.search(name)), "school")
    return kind


# Dates and ages ---------------------------------------------------------------------------------------------

DATE_PARTS_RE = re.compile(
    r"(?P<month>"
    + "|".join(m[:3] for m in MONTH_NAMES)
    + r")[a-z]*\.?(?:,?\s+\d{1,2}(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(?P<year>\d{4}|['’]\d\d))?",
    re.I,
)
NUMERIC_DATE_RE = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")


def date_replacement(text, type_="DATE"):
    """'14 March 2014' -> 'March 2014'; a date of birth -> 'spring 2011' (its season and year)."""
    month, year = None, None
    numeric = NUMERIC_DATE_RE.search(text)
    if numeric:
        a, b, c = numeric.groups()
        day_first = len(a) <= 2
        month_number = int(b)
        month = month_number if 1 <= month_number <= 12 else None
        year = c if day_first else a
        year = year if len(year) == 4 else f"20{year}" if int(year) < 50 else f"19{year}"
    else:
        named = DATE_PARTS_RE.search(text)
        if named:
            month = next(i for i, m in enumerate(MONTH_NAMES, 1) if m[:3].lower() == named.group("month")[:3].lower())
            year = named.group("year")
            if year and not year[0].isdigit():
                year = f"20{year[1:]}" if int(year[1:]) < 50 else f"19{year[1:]}"
    if month is None:
        from .extents import WELSH_DATE_RE, WELSH_MONTHS

        welsh = WELSH_DATE_RE.search(text)
        if welsh:  # "5 Mawrth 2025" -> "Mawrth 2025": the month and year, in the language written
            words = welsh.group().split()
            welsh_month = next(w for w in words if w in WELSH_MONTHS)
            year = words[-1] if words[-1].isdigit() else None
            if type_ != "DATE_OF_BIRTH":
                return " ".join(p for p in (welsh_month, year) if p)
            month = WELSH_MONTHS.index(welsh_month) + 1
    if type_ == "DATE_OF_BIRTH":
        if month and year:
            return f"{SEASONS[month - 1]} {year}"
        return year or "[date of birth]"
    return " ".join(p for p in (MONTH_NAMES[month - 1] if month else None, year) if p) or "[date]"


AGE_PARTS_RE = re.compile(
    r"(?P<number>\d{1,2}|[a-z]+(?:-[a-z]+)?)(?P<gap>[\s-]+)(?P<unit>years?|yrs?|months?|weeks?|days?)\b", re.I
)
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
UNIT_YEARS = {"y": 1, "m": 1 / 12, "w": 1 / 52, "d": 1 / 365}


def age_replacement(text, style="exact"):
    """An age stays an age: as written ('exact'), or with its number replaced by a band ('band'):
    'aged 15' -> 'aged 12 to 15', '4 months old' -> 'under one year old', 'Jade (14)' -> '(12 to 15)'."""
    if style == "exact":
        return text
    m = AGE_PARTS_RE.search(text)
    if m:
        years = _number(m.group("number"))
        if years is None:
            return text
        years *= UNIT_YEARS[m.group("unit")[0].lower()]
        band = _band(years)
        hyphenated = "-" in m.group("gap")
        unit = "year" if band == "under one" or hyphenated else "years"
        phrase = f"{band} {unit}"
        if hyphenated:
            phrase = phrase.replace(" ", "-")
        return text[: m.start()] + phrase + text[m.end() :]
    numbers = list(re.finditer(r"\d{1,2}|\b[a-z]+(?:-[a-z]+)?\b", text, re.I))
    for number in numbers:
        years = _number(number.group())
        if years is not None:
            return text[: number.start()] + _band(years) + text[number.end() :]
    return text


def _number(word):
    if word.isdigit():
        return int(word)
    word = word.lower()
    if word in NUMBER_WORDS:
        return NUMBER_WORDS.index(word)
    if word.startswith("twenty"):
        rest = word.removeprefix("twenty").strip("-")
        return 20 + (NUMBER_WORDS.index(rest) if rest in NUMBER_WORDS else 0)
    return None


def _band(years):
    if years < 1:
        return "under one"
    if years < 5:
        return "under five"
    if years < 12:
        return "5 to 11"
    if years < 16:
        return "12 to 15"
    if years < 18:
        return "16 or 17"
    return "over 18"

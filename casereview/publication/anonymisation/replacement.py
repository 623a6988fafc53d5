"""Consistent replacement: each detected entity becomes the table's replacement for it, creating one when
the table has none: a role and number for people ("Social Worker 1"), month and year for an exact date,
a kind of place for a named one ("the secondary school"), a band for an age."""

import re
from collections import Counter
from dataclasses import dataclass, field

from .detection import detect
from .entities import Entity
from .table import ReplacementTable, term_key

ROLES = (  # (pattern near the name, role); the first that matches within a few words wins
    (r"social worker|\bsw\b", "Social Worker"),
    (r"health visitor", "Health Visitor"),
    (r"midwife", "Midwife"),
    (r"school nurse|practice nurse|\bnurse\b", "Nurse"),
    (r"\bgp\b|\bdr\b|doctor|paediatrician|consultant", "Doctor"),
    (r"teacher|headteacher|tutor|senco|safeguarding lead", "Teacher"),
    (r"\b(?:pc|dc|ds|di|dci|sgt|pcso)\b|police|officer|detective", "Police Officer"),
    (r"youth worker|key worker|support worker|personal adviser|family support", "Support Worker"),
    (r"manager|chair|head of", "Manager"),
    (r"idva|adviser|advisor|case manager|offender manager", "Adviser"),
    (r"step-?father", "Stepfather"),
    (r"step-?mother", "Stepmother"),
    (r"grandmother|\bnan\b|nana|grandma", "Grandmother"),
    (r"grandfather|granddad|grandad", "Grandfather"),
    (r"\bmother\b|\bmum\b", "Mother"),
    (r"\bfather\b|\bdad\b", "Father"),
    (r"\baunt\b", "Aunt"),
    (r"\buncle\b", "Uncle"),
    (r"partner|boyfriend|girlfriend|husband|wife", "Partner"),
    (r"brother|sister|sibling|twin", "Sibling"),
    (r"foster carer|\bcarers?\b", "Carer"),
    (r"neighbour", "Neighbour"),
    (r"friend", "Friend"),
)
ROLE_RES = [(re.compile(p, re.I), role) for p, role in ROLES]
FAMILY_ROLES = {"Mother", "Father", "Stepfather", "Stepmother", "Grandmother", "Grandfather", "Aunt", "Uncle"}
MONTH_NAMES = "January February March April May June July August September October November December".split()
PLACE_KINDS = (
    (r"primary|infant|junior", "primary school"),
    (r"academy|high|secondary|grammar|college|sixth", "secondary school"),
    (r"nursery", "nursery"),
    (r"hospital|infirmary", "hospital"),
    (r"surgery|practice|medical centre", "GP surgery"),
    (r"health centre|clinic|development centre", "clinic"),
    (r"hotel|inn\b|lodge|travelodge|guest house|b&b", "hotel"),
    (r"estate", "estate"),
    (r"park", "park"),
    (r"station", "station"),
    (r"church|mosque|temple|gurdwara|synagogue|ministries|chapel", "place of worship"),
    (r"children'?s home|house|foyer|hostel", "residential home"),
    (r"centre|club|library", "community venue"),
)
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
ORDINALS = ("", "a second", "a third", "a fourth", "a fifth", "a sixth", "a seventh", "an eighth", "a ninth")


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


def anonymise(text, table=None, entities=None):
    """Replace every detected, not allowed entity in `text` using (and extending) `table`."""
    table = table if table is not None else ReplacementTable()
    entities = detect(text, table) if entities is None else entities
    namer = _Namer(table)
    out, replaced, allowed, position = [], [], [], 0
    for entity in entities:
        if table.is_allowed(entity.text):
            allowed.append(entity)
            continue
        replacement = namer.replacement_for(entity, text)
        before = text[position : entity.start]
        if replacement.startswith("the ") and before.lower().endswith("the "):
            replacement = replacement[4:]
        out.append(before)
        out.append(replacement)
        replaced.append(Replaced(entity, replacement))
        position = entity.end
    out.append(text[position:])
    return Anonymised("".join(out), replaced, allowed)


class _Namer:
    def __init__(self, table):
        self.table = table
        self.counts = Counter(self._kind_of(e) for e in table if not e.allowed)

    @staticmethod
    def _kind_of(entry):
        return (entry.type, re.sub(r"\s*\d+$", "", entry.replacement))

    def replacement_for(self, entity, text):
        entry = self.table.entry_for(entity.text)
        if entry is not None and entry.replacement:
            return _keep_title_out(entry.replacement)
        if entity.type in ("DATE", "DATE_OF_BIRTH", "AGE"):
            return _date_or_age(entity)  # not stored: "14 March" and "14 March 2014" differ only by context
        replacement = self._new(entity, text)
        if entry is not None:
            entry.replacement = replacement
        else:
            entry = self.table.record(entity.text, replacement, entity.type)
        if entity.type == "PERSON":
            for word in term_key(entity.text).split():
                if len(word) > 2:
                    self.table.add_alias(word, entity.text)
        return entry.replacement

    def _new(self, entity, text):
        if entity.type == "PERSON":
            role = _role_near(text, entity) or "Person"
            count = self._next(("PERSON", role))
            if role == "Person":
                return f"Person {_letters(count)}"
            return role if role in FAMILY_ROLES and count == 1 else f"{role} {count}"
        if entity.type in FIXED:
            return FIXED[entity.type]
        if entity.type in ("SCHOOL", "HEALTH_SETTING", "PLACE"):
            kind = next((k for p, k in PLACE_KINDS if re.search(p, entity.text, re.I)), "place")
            count = self._next((entity.type, kind))
            return f"the {kind}" if count == 1 else f"{ORDINALS[min(count, 9) - 1] or 'another'} {kind}"
        if entity.type == "ADDRESS":
            return f"Address {_letters(self._next(('ADDRESS', 'Address')))}"
        return "[removed]"

    def _next(self, kind):
        self.counts[kind] += 1
        return self.counts[kind]


def _keep_title_out(replacement):
    return replacement


def _letters(number):
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _role_near(text, entity):
    before = text[max(0, entity.start - 40) : entity.start]
    after = text[entity.end : entity.end + 40]
    window = before.split(".")[-1][-30:] + " | " + re.split(r"[.;]", after)[0][:35]
    for pattern, role in ROLE_RES:
        if pattern.search(entity.text[:4]) and role in ("Doctor", "Police Officer"):
            return role
    best = None
    for pattern, role in ROLE_RES:
        m = pattern.search(window)
        if m:
            distance = abs(m.start() - window.index("|"))
            if best is None or distance < best[0]:
                best = (distance, role)
    return best[1] if best else None


DATE_PARTS_RE = re.compile(
    r"(?P<month>"
    + "|".join(m[:3] for m in MONTH_NAMES)
    + r")[a-z]*\.?(?:,?\s+\d{1,2}(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(?P<year>\d{4}|['’]\d\d))?",
    re.I,
)
NUMERIC_DATE_RE = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")
AGE_NUMBER_RE = re.compile(r"\d{1,2}|[a-z]+(?:-[a-z]+)?", re.I)
NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()


def _date_or_age(entity):
    if entity.type == "AGE":
        return _age_band(entity.text)
    month, year = None, None
    numeric = NUMERIC_DATE_RE.search(entity.text)
    if numeric:
        a, b, c = numeric.groups()
        day_first = len(a) <= 2
        month = MONTH_NAMES[int(b) - 1] if 1 <= int(b) <= 12 else None
        year = c if day_first else a
        year = year if len(year) == 4 else f"20{year}" if int(year) < 50 else f"19{year}"
    else:
        named = DATE_PARTS_RE.search(entity.text)
        if named:
            month = next(m for m in MONTH_NAMES if m[:3].lower() == named.group("month")[:3].lower())
            year = named.group("year")
    if entity.type == "DATE_OF_BIRTH":
        return year or "[date of birth]"
    return " ".join(p for p in (month, year) if p) or "[date]"


def _age_band(text):
    lowered = text.lower()
    numbers = [
        int(t) if t.isdigit() else NUMBER_WORDS.index(t)
        for t in AGE_NUMBER_RE.findall(lowered)
        if t.isdigit() or t in NUMBER_WORDS
    ]
    if not numbers:
        return "[age]"
    if re.search(r"month|week|day", lowered):
        band = "under one"
    else:
        age = numbers[0]
        band = (
            "under five"
            if age < 5
            else "5 to 11"
            if age < 12
            else "12 to 15"
            if age < 16
            else "16 or 17"
            if age < 18
            else "adult"
        )
    suffix = re.search(r"[\s-]+(?:years?|yrs?)[\s-]+olds?$|\s+years\s+of\s+age$|\s+years?\s+old$", text)
    return band + (suffix.group() if suffix and band != "under one" else "")

"""Detection: the model's people and groups, the rules' identifiers and named places, the reviewer's own
terms from the replacement table, and every other mention of a name found once — merged into one list of
non-overlapping entities with offsets into the text as given."""

import re

from .characters import clean_for_detection
from .entities import TYPE_PRIORITY, Entity
from .model import model_entities
from .rules import rule_finds
from .vocabulary import COMMON_CAPITALISED, ETHNICITIES, RELIGIONS

TITLES = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|DC|DS|DI|DCI|DSU|PC|PCSO|Sgt|Cllr|Rev|Revd|Sister|Nurse)"
NAME = r"[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*"
NAME_RUN = rf"{NAME}(?:(?:[ \t]+|[ \t]*\n[ \t]*)(?:(?:de|van|der|von|bin|al|da)[ \t]+)?{NAME}){{0,2}}"
TITLE_RE = re.compile(rf"\b{TITLES}\.?(?:[ \t]+and[ \t]+{TITLES}\.?)?\s+({NAME_RUN})")
TITLE_BEFORE_RE = re.compile(rf"\b{TITLES}\.?(?:[ \t]+and[ \t]+{TITLES}\.?)?\s+$")
ROLE_WORDS = (
    "social worker|health visitor|midwife|teacher|headteacher|head teacher|form tutor|youth worker|key worker|"
    "personal adviser|case manager|offender manager|housing officer|support worker|family support worker|"
    "practice nurse|school nurse|nurse|paediatrician|consultant|officer|adviser|advisor|manager|worker|chair|"
    "mother|father|mum|dad|stepfather|stepmother|step-father|step-mother|partner|boyfriend|girlfriend|husband|"
    "wife|son|daughter|brother|sister|half-brother|half-sister|sibling|siblings|grandmother|grandfather|nan|"
    "nana|grandma|granddad|grandson|granddaughter|aunt|uncle|cousin|friend|neighbour|carer|carers|baby|"
    "twins|child|children|subject|victim|suspect|name|completed by|signed by|allocated to|lead|GP|doctor"
)
ROLE_BEFORE_RE = re.compile(rf"\b(?i:{ROLE_WORDS})(?:[ \t]*[,:]?[ \t]+|:[ \t]*)({NAME_RUN})")
ROLE_AFTER_RE = re.compile(
    rf"\b({NAME_RUN})(?:,[ \t]+(?:the|her|his|their|a|an)[ \t]+(?i:[a-z -]{{0,30}}?)(?i:{ROLE_WORDS})\b"
    rf"|[ \t]+\((?:\d{{1,2}}|(?i:[a-z ,'’-]{{0,40}}?(?:{ROLE_WORDS}|police|care|service|team|school)[a-z ,'’-]{{0,30}}))\))"
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
GROUP_WORDS = {w.lower() for w in ETHNICITIES} | {w.lower() for w in RELIGIONS}
NOT_GROUPS = frozenset({"british", "english", "european", "western", "london", "conservative", "labour"})


def detect(text, table=None):
    """Every identifying span in `text`, allowed terms included (see `is_allowed` on the table)."""
    clean, positions = clean_for_detection(text)
    found = list(rule_finds(clean))
    model_found = list(model_entities(clean))
    found.extend(_model_finds(clean, model_found))
    found.extend(_person_rule_finds(clean))
    found.extend(_context_name_finds(clean, model_found))
    if table is not None:
        found.extend(table.term_finds(clean))
    names = _name_parts(clean, found, table)
    found.extend(_name_mentions(clean, names))
    merged = _merge(clean, found)
    return [_entity(text, clean, positions, start, end, kind, source) for start, end, kind, source in merged]


def _model_finds(text, model_found):
    for start, end, label in model_found:
        if label == "PERSON":
            span = _clean_person(text, start, end)
            if span:
                yield (*span, "PERSON", "model")
        elif label == "NORP":
            word = text[start:end]
            if word.lower() not in NOT_GROUPS:
                yield start, end, "RELIGION" if word.lower() in {r.lower() for r in RELIGIONS} else "ETHNICITY", "model"


def _clean_person(text, start, end):
    span = text[start:end]
    stripped = span.rstrip()
    stripped = POSSESSIVE_RE.sub("", stripped) if stripped.endswith(("'s", "’s", "'", "’")) else stripped
    lead = len(span) - len(span.lstrip())
    if span[lead:].startswith(("the ", "The ")):
        lead += 4
    start, end = start + lead, start + len(stripped)
    name = text[start:end]
    if end <= start or len(name) > 60 or not any(c.isupper() for c in name) or any(c.isdigit() for c in name):
        return None
    if PSEUDONYM_RE.match(name) or len(name.replace(".", "").strip()) < 2:
        return None
    words = re.findall(r"[A-Za-z'’-]+", name)
    if not words or all(w in COMMON_CAPITALISED or w.lower() == w for w in words):
        return None
    return start, end


def _context_name_finds(text, model_found):
    """A lone first name the model missed, recognised by what follows it ("Jade told", "Callum was")."""
    places = {text[s:e] for s, e, label in model_found if label in ("GPE", "LOC", "NORP")}
    for m in CONTEXT_NAME_RE.finditer(text):
        name = m.group(1)
        words = name.split()
        if any(w in COMMON_CAPITALISED or w.lower() in GROUP_WORDS for w in words) or name in places:
            continue
        yield m.start(1), m.end(1), "PERSON", "rule"


def _person_rule_finds(text):
    for pattern in (TITLE_RE, ROLE_BEFORE_RE, ROLE_AFTER_RE):
        for m in pattern.finditer(text):
            span = _clean_person(text, *m.span(1))
            if span and text[span[0]:span[1]].split()[0] not in COMMON_CAPITALISED:
                yield (*span, "PERSON", "rule")
    for m in AND_NAME_RE.finditer(text):
        if m.group(1) not in COMMON_CAPITALISED and m.group(2).split()[0] not in COMMON_CAPITALISED:
            yield m.start(1), m.end(1), "PERSON", "rule"


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
    for word in re.findall(r"[A-Za-z'’-]+", name):
        word = POSSESSIVE_RE.sub("", word) if word.endswith(("'s", "’s")) else word
        if len(word) > 1 and word[0].isupper() and word not in COMMON_CAPITALISED and not re.fullmatch(TITLES, word):
            yield word


def _name_mentions(text, names):
    if not names:
        return
    for m in CAPITALISED_WORD_RE.finditer(text):
        word = m.group()
        if word in names:
            yield m.start(), m.end(), "PERSON", "name"
        elif word.endswith(("'s", "’s")) and word[:-2] in names:
            yield m.start(), m.end() - 2, "PERSON", "name"


def _merge(text, found):
    """Non-overlapping spans: the longer wins, then the more specific type. Adjacent name words become one
    name; a title before a name joins it, so replacing 'Ms Adams' leaves no stray 'Ms'."""
    normalised = []
    for item in found:
        start, end, kind = item[:3]
        source = item[3] if len(item) > 3 else "rule"
        if end > start:
            normalised.append((start, end, kind, source))
    by_length = sorted(normalised, key=lambda s: (-(s[1] - s[0]), TYPE_PRIORITY[s[2]], s[0]))
    taken, kept = bytearray(len(text) + 1), []
    for span in by_length:
        if taken.find(1, span[0], span[1]) == -1:
            taken[span[0]:span[1]] = b"\x01" * (span[1] - span[0])
            kept.append(span)
    kept.sort()
    joined = []
    for span in kept:
        if (
            joined
            and span[2] == "PERSON" == joined[-1][2]
            and text[joined[-1][1]:span[0]].strip(" \t") in ("", "\n")
        ):
            previous = joined.pop()
            span = (previous[0], span[1], "PERSON", previous[3])
        joined.append(span)
    result = []
    for start, end, kind, source in joined:
        if kind == "PERSON":
            title = TITLE_BEFORE_RE.search(text, max(0, start - 20), start)
            if title and (not result or result[-1][1] <= title.start()):
                start = title.start()
        result.append((start, end, kind, source))
    return result


def _entity(original, clean, positions, start, end, kind, source):
    if positions is not None:
        start, end = positions[start], positions[end - 1] + 1
    return Entity(start, end, kind, original[start:end], source)

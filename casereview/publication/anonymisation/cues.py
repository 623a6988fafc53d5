"""Cues the other finders miss, each a kind of text rather than one passage's wording (issue 16, round five):
a rank and collar number before a surname in capitals; a role's abbreviation before a name ("HV Carol Ann
Liddle"); initials that spell a person found in the document ("Deshawn Campbell (DC)" ... "DC said"); the
senders of a chat thread named by handles ("xXshadowfangXx:", "Daddy K 👑:") and the names in lower case in
its messages; a quoted alias after what introduces one ("under the name", "calling themselves", "group");
ages written as speech or in compound units; a week written "w/c 19/6"."""

import re
import unicodedata

from .names import forenames, surnames
from .patterns import prefilter_patterns
from .vocabulary import ACRONYMS, COMMON_CAPITALISED, NOT_PERSON_WORDS

# Ranks and roles written before a person's name in police logs, minutes and health records.
RANKS = r"(?:PC|DC|DS|PS|DI|DCI|Sgt|PCSO|Insp|Det|Officer)"
ROLES = (
    r"(?:HV|SW|IDVA|ISVA|DSL|DDSL|IRO|FSW|EHW|PA|OM|PO|SENCO|CPN|ANP|YOT worker|Named Nurse|Named Doctor|"
    r"school nurse|social worker|health visitor|midwife|paramedic|Custody Sgt|Sgt|DS|DC|PC|DI)"
)
NAME_WORD = r"[A-Z][a-z]+(?:['’][A-Z][a-z]+)?(?:-[A-Z][a-z]+)?|Ma?c[A-Z][a-z]+|O['’][A-Z][a-z]+"
CAPS_WORD = r"[A-Z]{2}[A-Z'’]*(?:-[A-Z]{2,})?"
# "PC 2291 PATEL", "PC 3390 J. CALDERBANK", "PC 1162 ELLIS-JONES", "PC 2219 Sheikh": after a rank and a collar
# number the next word is the officer's surname whatever its case (and even when it is also a title)
RANK_NUMBER_NAME_RE = re.compile(
    rf"\b{RANKS}[ \t]+\d{{2,5}}[ \t]+((?:[A-Z]\.?[ \t]+)?(?:{CAPS_WORD}|{NAME_WORD}))(?![\w'’-])"
)
NAME_PHRASE = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?(?:[ \t]+[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?){1,2}"
INITIALS_BEFORE_NAME_RE = re.compile(rf"(?<![\w'’&/.-])([A-Z]{{2,4}})[ \t]*[–=-][ \t]*({NAME_PHRASE})")
NAME_BEFORE_INITIALS_RE = re.compile(
    rf"({NAME_PHRASE})[ \t]*(?:\([^()\n]{{1,60}}\)[ \t]*)?(?:[–=-][ \t]*)?\(?([A-Z]{{2,4}})\)?(?![\w'’&-])"
)
FAMILY_WORDS = (
    r"(?:mum|mother|dad|father|stepdad|stepmum|nan|nana|gran|grandma|grandad|aunt|auntie|uncle|sister|brother|cousin)"
)
PERSON_BY_BRACKET_RE = re.compile(
    rf"(?<![\w'’-])([A-Z][a-z]{{2,}})[ \t]+\((?:\d{{1,2}},[ \t]|born[ \t]+\d|b\.[ \t]*\d|aged[ \t]+\d)"
    rf"|\b(?i:{FAMILY_WORDS})[ \t]+\(([A-Z][a-z]{{2,}})\)"
)
# "(DS PH)", "Named Nurse CW": a rank or a role, then initials
ROLE_INITIALS_RE = re.compile(rf"(?<![\w-]){ROLES}[ \t]+([A-Z]{{2,3}})(?![\w'’.&/-])")
# "HV Carol Ann Liddle", "IDVA Charmaine Lewis", "DSL M. Szabo": a role's abbreviation before a name
ROLE_NAME_RE = re.compile(
    rf"(?<![\w-])(?:HV|SW|IDVA|ISVA|DSL|DDSL|IRO|FSW|EHW|SENCO|CPN|Named Nurse)[ \t]+"
    rf"((?:[A-Z]\.[ \t]*)?(?:{NAME_WORD})(?:[ \t]+(?:{NAME_WORD})){{0,2}})"
)
# "IDVA (Nicky Stone):", "Police (Sgt Jo Bell)": a role or agency, then a full name in brackets
ROLE_BRACKET_NAME_RE = re.compile(
    rf"\b([A-Z][A-Za-z]+)[ \t]+\(((?:{NAME_WORD})(?:[ \t]+(?:{NAME_WORD})){{1,2}})(?:\)|,[ \t])"
)
ROLE_ONLY_RE = re.compile(ROLES)

INITIALS_RE = re.compile(r"(?<![\w'’&.-])([A-Z]{2,4})(?![\w&-]|['’](?!s\b)|\.\w)")  # "TI/JP" are two people
ROLE_THEN_NAME_GAP_RE = re.compile(
    r"[ \t]*\([^()\n]{1,40}?,[ \t]*|[ \t]+(?:DS|DC|PC|DI|DCI|PS|Sgt|Dr|Mr|Mrs|Ms|Miss|Mx|SW|HV|Cllr)\.?[ \t]+"
)
DEFINING_GAP_RE = re.compile(
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:\(|\)|[–=-]|,|\"|“|”|:)?[ \t]*(?:\(|\)|[–=-]|\"|“|”)?[ \t]*$"
)


def _plain(word):
    return word in COMMON_CAPITALISED or word.lower() in {"the", "and", "of"}


def rank_and_role_finds(text):
    for m in RANK_NUMBER_NAME_RE.finditer(text):
        yield m.start(1), m.end(1), "PERSON", "rank"
    near_initials = _windows(text, [m.start() for m in CAPITALS_TOKEN_RE.finditer(text)], 140, 70)
    near_brackets = _windows(text, [m.start() for m in OPENING_BRACKET_RE.finditer(text)], 40, 70)
    for m in _finditer_near(INITIALS_BEFORE_NAME_RE, text, near_initials):
        if "".join(w[0] for w in re.split(r"[ \t-]+", m.group(2)) if w[:1].isupper()) == m.group(1):
            yield m.start(1), m.end(1), "PERSON", "rule"  # "KT – Kat Tregear": the initials spell the name
            yield m.start(2), m.end(2), "PERSON", "rule"
    for m in _finditer_near(NAME_BEFORE_INITIALS_RE, text, near_initials):
        if "".join(w[0] for w in re.split(r"[ \t-]+", m.group(1)) if w[:1].isupper()) == m.group(2):
            yield m.start(1), m.end(1), "PERSON", "rule"  # "Sian Amber (school nurse) – SA"
            yield m.start(2), m.end(2), "PERSON", "rule"
    # "Oliwia (14, Thomas Deacon Academy)", "Kaiya (born 30/05/2020)", "mum (Harpreet)": a person by what
    # the brackets say of them
    for m in _finditer_near(PERSON_BY_BRACKET_RE, text, near_brackets):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        if word not in COMMON_CAPITALISED and word.upper() != word:
            yield m.start(group), m.end(group), "PERSON", "rule"
    for m in ROLE_NAME_RE.finditer(text):
        words = m.group(1).split()
        while words and _plain(words[-1]):
            words.pop()
        if words and not _plain(words[0].rstrip(".")):
            end = text.index(words[-1], m.start(1)) + len(words[-1])
            yield m.start(1), end, "PERSON", "rule"
    for m in _finditer_near(ROLE_BRACKET_NAME_RE, text, near_brackets):
        words = m.group(2).split()
        by_role = ROLE_ONLY_RE.fullmatch(m.group(1)) is not None  # "IDVA (Olena Marchenko, SMASH Swindon)"
        if (by_role or words[0] in forenames()[0] or words[-1] in surnames()[0]) and not any(_plain(w) for w in words):
            yield m.start(2), m.end(2), "PERSON", "rule"
    introduced = set()
    for m in ROLE_INITIALS_RE.finditer(text):
        token = m.group(1)
        if token not in ACRONYMS and token not in COMMON_CAPITALISED:
            introduced.add(token)
    for token in introduced:  # "Police (DS PH): ..." and later "Actions: 1. PH – flag address"
        for m in re.finditer(rf"(?<![\w'’&/.-]){token}(?![\w&/-]|\.\w)", text):
            yield m.start(), m.end(), "PERSON", "rule"


def _initials_of(name):
    """'Sarah-Jane Whitlock' -> {'SJW', 'SW'}; 'Kerry-Ann Bird' -> {'KAB', 'KB'}."""
    words = [w for w in re.split(r"[ \t\n]+", name) if w[:1].isupper()]
    if len(words) < 2:
        return set()
    whole = "".join(w[0] for w in words)
    parts = "".join(p[0] for w in words for p in w.split("-") if p[:1].isupper())
    return {whole.upper(), parts.upper()}


def initials_of_people_finds(text, found):
    """Initials that spell a person the document names stand for that person wherever they are written
    ("Deshawn Campbell (DC)", "KT – Kat Tregear", "DJ = Dean Jagger", '"NA" – Nadia Akhtar'). Initials that
    are also an abbreviation ("DC", "NA", "PA") count only where the document writes them beside the name."""
    people, initials_of_name = {}, {}
    for start, end, kind, *_ in found:
        if kind == "PERSON":
            name = text[start:end]
            if name not in initials_of_name:
                initials_of_name[name] = [i for i in _initials_of(name) if 2 <= len(i) <= 4]
            for initials in initials_of_name[name]:
                people.setdefault(initials, []).append((start, end))
    if not people:
        return
    tokens = [m for m in INITIALS_RE.finditer(text) if m.group(1) in people]
    defined = set()
    for m in tokens:
        for start, end in people[m.group(1)]:
            before, after = text[end : m.start()], text[m.end() : start]
            if (
                (0 <= m.start() - end <= 48 and DEFINING_GAP_RE.fullmatch(before))
                or (0 <= start - m.end() <= 6 and DEFINING_GAP_RE.fullmatch(after))
                # "BT (school nurse, Ben Tobin)", "DJ DS Dev Joshi": a role or a rank between (helper anon10)
                or (0 <= start - m.end() <= 48 and ROLE_THEN_NAME_GAP_RE.fullmatch(after))
            ):
                defined.add(m.group(1))
    for m in tokens:
        token = m.group(1)
        if "/" in text[max(0, m.start() - 1) : m.end() + 1]:
            chain = SLASH_CHAIN_RE.search(text, max(0, m.start() - 12))
            while chain and chain.end() < m.end():
                chain = SLASH_CHAIN_RE.search(text, chain.end())
            if chain and re.search(r"\d|[a-z]", chain.group()):
                continue  # "Our ref: GJ/LR/0442", "Exhibit JH/4": a reference, not people
        # "ON BEHALF OF THE": a word in capitals is initials only where the document defines them
        ambiguous = (
            token in ACRONYMS
            or token in COMMON_CAPITALISED
            or token in ROLE_TOKENS
            or token.lower() in ENGLISH_SHORT_WORDS
        )
        if ambiguous and token not in defined:
            continue
        if token in ROLE_TOKENS and re.match(r"[ \t]+[A-Z][a-z]", text[m.end() : m.end() + 4]):
            continue  # "DC Rhiannon Price": the rank, not the initials
        yield m.start(), m.end(), "PERSON", "rule"


ENGLISH_SHORT_WORDS = frozenset(
    """of to in on at is it as be by or an am we us he me my no so up do go if and the for but not you she her his
    him was are has had can may all any our its who how why new one two off out own per via yes""".split()
)
ROLE_TOKENS = frozenset("PC DC DS DI PS SW HV PA NA MP OM PO TA MIL FIL SIL BIL MGM PGM MGF PGF".split())
SLASH_CHAIN_RE = re.compile(r"[\w/]+")

# A chat thread: "[21:43] lilymae.b: outside", "12 Apr 2024 23:47 jayy_k.99: i know", "Daddy K 👑: where u at"
SENDER_RE = re.compile(
    r"^[ \t>]*(?:\[[^\]\n]{1,40}\][ \t]*|\d{1,2}[:.]\d{2}(?::\d{2})?[ \t]*"
    r"|\d{1,2} [A-Z][a-z]{2} \d{4} \d{1,2}:\d{2}[ \t]*)?"
    r"([^\s:\[\]][^:\n\[\]]{0,28}?)[ \t]*:[ \t]+(?=\S)(.*)$",
    re.M,
)
HANDLE_LIKE_RE = re.compile(r"[A-Za-z][\w.]*(?:[_.\d]|[a-z][A-Z])[\w.]*")


def _symbol(ch):
    return unicodedata.category(ch) in ("So", "Sk", "Cn") or ord(ch) > 0x2500 and not ch.isalnum()


def chat_senders(text):
    """{sender label: [its (start, end) at line starts]} and the messages' spans, for a thread whose
    senders each write at least twice."""
    labels, messages = {}, []
    for m in SENDER_RE.finditer(text):
        labels.setdefault(m.group(1), []).append((m.span(1), m.span(2)))
    lines = sum(len(v) for v in labels.values())
    labels = {k: v for k, v in labels.items() if len(v) >= 2 or (lines >= 3 and HANDLE_LIKE_RE.fullmatch(k))}
    if not labels or lines < 3:
        return {}, []
    for spans in labels.values():
        messages.extend(message for _, message in spans)
    return {k: [s for s, _ in v] for k, v in labels.items()}, sorted(messages)


def _handle_parts(label):
    bare = "".join(ch for ch in label if not _symbol(ch)).strip()
    parts = re.split(r"[_.\d\s]+|(?<=[a-z])(?=[A-Z])", bare)
    return {p.lower() for p in parts if len(p) >= 3 and p.isalpha()}


NOT_A_NAME_AFTER_RE = re.compile(r"(?<![\w'’])(?:my|ur|your|his|her|our|their|st|St)[ \t]+$")


def chat_finds(text):
    """Senders named by a handle ("xXshadowfangXx", "kayla.rae_07") or a name with a symbol ("Daddy K 👑")
    are what someone is called, wherever the passage writes them; in the messages, a word of a sender's
    handle and a listed forename in lower case ("bree add me", "go with dean") are names."""
    labels, messages = chat_senders(text)
    if not labels:
        return
    parts = set()
    first = forenames()[0]
    for label, spans in labels.items():
        bare = "".join(ch for ch in label if not _symbol(ch)).strip()
        handle = " " not in label and HANDLE_LIKE_RE.fullmatch(label)
        symbol = bare != label.strip() and len(bare) >= 2
        if not (handle or symbol) or bare in COMMON_CAPITALISED or bare.isupper():
            if not handle and not symbol:
                parts |= {w.lower() for w in bare.split() if w in first}
            continue
        mentions = {label.strip()} | ({bare} if symbol and len(re.sub(r"\W", "", bare)) >= 3 else set())
        for mention in mentions:
            for m in re.finditer(rf"(?<![\w.]){re.escape(mention)}(?![\w])", text):
                yield m.start(), m.end(), "OTHER", "rule"
        parts |= _handle_parts(label)
    for start, end in messages:
        for m in re.finditer(r"(?<![\w@.'’-])([A-Za-z][a-z]{2,})(?![\w@'’-])", text[start:end]):
            word = m.group(1)
            if word.title() in COMMON_CAPITALISED or word.lower() in ENGLISH_SHORT_WORDS:
                continue  # "this" is no "Thi" with an s
            if NOT_A_NAME_AFTER_RE.search(text, max(start, start + m.start() - 6), start + m.start()):
                continue  # "on my nana", "come st pauls": a family word or a saint's church, not a sender
            for candidate in (word, word[:-1] if word.endswith("s") else None):  # "at Joshs", "kofis mate"
                if not candidate:
                    continue
                titled = candidate.title()
                listed = titled in first and titled not in COMMON_CAPITALISED and titled not in forenames()[1]
                if candidate.lower() in parts or listed:
                    yield start + m.start(1), start + m.start(1) + len(candidate), "PERSON", "name"
                    break


# Quoted aliases after what introduces one
ALIAS_CUE = (
    r"(?i:know(?:s|n)?(?: (?:him|her|them))? as|saved as|under the name|under|calling (?:himself|herself|themselves)"
    r"|calls? (?:himself|herself|themselves)|called (?:him|her|them)"
    r"|named (?:one|him|her|them) as|nicknamed|also uses|aka:?|a\.k\.a\.?"
    r"|alias(?:es)?:?|group|server|channel|page|account|profile|user(?:name)?|(?:she|he|they) called)"
)
QUOTE = r"[\"“]([^\"”\n]{1,30}?)[\"”]"
ALIAS_RE = re.compile(rf"\b{ALIAS_CUE}[ \t]*:?[ \t]*{QUOTE}((?:[ \t]*,[ \t]*[\"“][^\"”\n]{{1,30}}[\"”])*)")
MORE_QUOTED_RE = re.compile(r"[\"“]([^\"”\n]{1,30}?)[\"”]")
# 'a lad from Room 9, "Ghost",', 'a man from Leeds, "Wedi Asmara",': a person noun, where from, then the alias
APPOSITION_RE = re.compile(
    r"\b(?:(?i:man|lad|boy|girl|male|female|woman|guy|youth|adult|associate|friend|someone|lodger)|One)"
    r"(?:[ \t]+(?:from|in|at|on)[ \t]+[^,\"“\n]{1,25})?,[ \t]*[\"“]([A-Z][^\"”\n]{0,24}?)[\"”]"
)
# 'Linh Nguyen ("Lily")', '"Mo" (Mohammed Farah)', 'whom she calls "Linc"': a quoted name beside a full name
BESIDE_NAME_RE = re.compile(
    rf"(?:{NAME_WORD})[ \t]+\([\"“]([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)[\"”]"
    rf"(?:,[ \t]*\d{{1,2}}|,[ \t]*\d{{1,2}}[ \t]+(?:years?|months?|weeks?)|[ \t]+to[ \t]+[a-z][a-z ]{{2,20}})?\)"
    rf"|[\"“]([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)[\"”][ \t]+\((?:{NAME_WORD})(?:[ \t]+(?:{NAME_WORD})){{1,2}}\)"
    rf"|\b(?i:calls?|called)[ \t]+[\"“]([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)[\"”]"
)
# 'with "Nines" and "Little T"': quoted names listed as the people someone was with
WITH_QUOTED_RE = re.compile(
    r"\b(?:with|and)[ \t]+[\"“]([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2})[\"”](?=[ \t]*(?:[,;.)]|and\b|$))"
)


def _windows(text, marks, before, after):
    """Merged (start, end) stretches of `text` around each position in `marks`: the patterns that need a quote,
    a bracket or initials are run only near one, not over the whole text."""
    spans = []
    for position in marks:
        start, end = max(0, position - before), min(len(text), position + after)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    return spans


def _finditer_near(pattern, text, windows):
    seen = set()
    for start, end in windows:
        for m in pattern.finditer(text, start, end):
            if m.span() not in seen:
                seen.add(m.span())
                yield m


OPENING_QUOTE_RE = re.compile(r"[\"“]")
OPENING_BRACKET_RE = re.compile(r"\(")
CAPITALS_TOKEN_RE = re.compile(r"(?<![\w'’&.-])[A-Z]{2,4}(?![\w&-])")


def alias_finds(text):
    windows = _windows(text, [m.start() for m in OPENING_QUOTE_RE.finditer(text)], 80, 140)
    if not windows:
        return
    for m in _finditer_near(ALIAS_RE, text, windows):
        if m.group().lower().startswith("called") and not m.group(1)[:1].isupper():
            continue  # 'called her "gorgeous"': a word said to someone, not a name
        if _alias_ok(m.group(1)):
            yield m.start(1), m.end(1), "OTHER", "rule"
        for more in MORE_QUOTED_RE.finditer(m.group(2) or ""):
            if _alias_ok(more.group(1)):
                yield m.start(2) + more.start(1), m.start(2) + more.end(1), "OTHER", "rule"
    for m in _finditer_near(BESIDE_NAME_RE, text, windows):
        group = next(g for g in (1, 2, 3) if m.group(g))
        if _alias_ok(m.group(group)):
            yield m.start(group), m.end(group), "OTHER", "rule"
    for pattern in (APPOSITION_RE, WITH_QUOTED_RE):
        for m in _finditer_near(pattern, text, windows):
            if _alias_ok(m.group(1)) and not all(w in COMMON_CAPITALISED for w in m.group(1).split()):
                yield m.start(1), m.end(1), "OTHER", "rule"
    for m in _finditer_near(QUOTED_NAME_LIKE_RE, text, windows):
        value = m.group(1)
        if not _alias_ok(value) or all(w in COMMON_CAPITALISED or w in NOT_PERSON_WORDS for w in value.split()):
            continue
        if any(TITLE_WORD_RE.fullmatch(w) for w in value.split()):
            continue  # '"Working Together" says so', '"Bright Spots"': a title or a campaign, not a person
        if SPEECH_BEFORE_RE.search(text, max(0, m.start() - 20), m.start()):
            continue  # 'she said "Stop"': words said, not a name
        yield m.start(1), m.end(1), "OTHER", "doubtful"


# Any quoted name-like words in a record ('older boys – "Deeko" and "Fat Sam" –', 'her boyfriend, "Tiny"',
# 'contact "Big R"'): one to three words, each capitalised, not the language's common capitalised words. A
# record quotes a name it does not know in full; a miss is never shown to anyone, a false alarm costs a
# click, so they are offered to the reviewer as doubtful.
QUOTED_NAME_LIKE_RE = re.compile(r"[\"“]([A-Z][\w'’-]{0,15}(?:[ \t]+[A-Z][\w'’-]{0,15})?)[\"”]")
PSEUDONYM_FORM_RE = re.compile(r"^(?:Child|Baby|Infant|Young Person|Family|Sibling|Case)[ \t]+[A-Z0-9]{1,3}$")
SPEECH_BEFORE_RE = re.compile(
    r"(?i:\b(?:said|says|say|told|tells|asked|asks|shouted|replied|wrote|texted|messaged|screamed|answered)\b"
    r"[^\"“]{0,12}|:[ \t]*)$"
)


# Words of titles, programmes and campaigns: a gerund ("Working Together", "Safeguarding Matters") or the
# words such names are made of.
TITLE_WORD_RE = re.compile(
    r"[A-Z][a-z]{3,}ing|Together|Matters?|Counts?|Spots?|First|Plan|Programme|Project|Strategy|Framework"
    r"|Guidance|Policy|Report|Review|Model|Approach|Pathway|Protocol|Toolkit|Service|Team|Hub|Week|Day",
)


def _alias_ok(value):
    words = value.split()
    return (
        bool(words)
        and len(words) <= 4
        and "," not in value  # 'profile "JK, 19, Manny"': details listed, each found by its own rule
        and not value.endswith((".", "?", "!"))
        and value not in COMMON_CAPITALISED
        and not PSEUDONYM_FORM_RE.match(value)  # 'the review calls her "Child W"': already anonymous
    )


def alias_mentions(text, found):
    """An alias found once is the same person wherever it is written, in quotes or not ('"Ghost"' ... 'that
    Ghost "chats to her"'; "T-Bone"); without any symbol after it ("Daddy K 👑" -> "Daddy K")."""
    aliases = set()
    for start, end, kind, *_ in found:
        if kind != "OTHER":
            continue
        value = "".join(ch for ch in text[start:end] if not _symbol(ch)).strip()
        if len(re.sub(r"\W", "", value)) >= 2 and value not in COMMON_CAPITALISED and value[:1].isupper():
            if not re.fullmatch(r"[A-Z0-9 ]+", value) or " " in value:
                aliases.add(value)
    for alias in aliases:
        for m in re.finditer(rf"(?<![\w'’@.-]){re.escape(alias)}(?![\w-])", text):
            yield m.start(), m.end(), "OTHER", "name"


# Ages as people say them, and in compound units
AGE_PATTERNS = (
    # "4y 5m", "2 years 2 months", "15 years and 10 months", "3 yrs, 4 mths"
    re.compile(
        r"\b\d{1,2}[ \t]*(?i:y|yrs?|years?)[ \t]*,?[ \t]*(?:and[ \t]+)?\d{1,2}[ \t]*"
        r"(?i:m|mths?|months?|w|wks?|weeks?)\b(?:[ \t]+(?i:old))?"
    ),
    # "AGE: 9 MONTHS", "Age: 13 years": an age field, its unit in any case
    re.compile(r"\b(?i:age)[ \t]*:[ \t]*(\d{1,2}[ \t]+(?i:years?|months?|weeks?|days?)\b(?:[ \t]+(?i:old))?)"),
    # "DOB 30.04.2011   13 YEARS", "DOB 18/11/2024   9 weeks": an age beside a date of birth
    re.compile(
        r"(?:\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\b\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{4})"  # a whole date, not a year
        r"[ \t,]+(\d{1,2}[ \t]+(?i:years?|yrs|months?|mths|weeks?|wks|days?)\b(?:[ \t]+(?i:old))?)"
        r"(?=[ \t]*(?:$|[\n|,;)]|[ \t]{2,}|\t))",
        re.M,
    ),
    # "34 y   DOB", "2/12 old", "11 oed" (Welsh)
    re.compile(r"\b\d{1,2}[ \t]?y(?=[ \t]{2,}|\t)|\b\d{1,2}/(?:12|52)[ \t]+old\b|\b\d{1,2}[ \t]+oed\b"),
)
# "Liam 18 months)": a name, then an age in months or weeks, closing a bracket
NAME_THEN_AGE_RE = re.compile(r"\b[A-Z][a-z]+[ \t]+(\d{1,2}[ \t]+(?:months?|weeks?))(?=\))")
# a message that answers "how old r u" with a number
HOW_OLD_RE = re.compile(r"(?i:how old)[^\n]*\n[^\n]{0,60}?:[ \t]+(\d{1,2})\b(?![:./]?\d)")
WEEK_COMMENCING_RE = re.compile(r"\b(?i:w/c|w/b|wc)[ \t]+(?=\d{1,2}(?:/\d{1,2}|(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2}))")


# Ages told by the words just before a number (each number is looked at once, with the text before and after it):
# "You are 15 and", "hes 19", "ur 14 ur gonna", "SHE'S 18,", "will be 17 on 15 February", "turns 16", "gave
# her age as 18", "married at 17", "left school at 12"; "then 11 months"; "Anh, 10 weeks" and "Mr Raymond Chow,
# 65" at a line's end or before a column gap; 'Linh Nguyen ("Lily") (6)'
NUMBER_RE = re.compile(r"(?<![\w/.:,])\d{1,2}(?!\d)|(?<=, )\d{1,2}(?!\d)")
SPOKEN_BEFORE_RE = re.compile(
    r"(?i:\b(?:you are|you're|u r|ur|i am|i'm|im|she is|he is|she's|he's|hes|shes|will be|turns|turning|age as"
    r"|age was|married at|left school at|pregnant at|is only|was only|'s only|’s only|both"
    r"|they were|they are|they're|she was|he was|i was|we were|age claimed|claimed age|age given as) )$"
)
NOT_AN_AGE_AFTER_RE = re.compile(r"[:./]\d|[ \t]*(?:%|am\b|pm\b|minutes|hours|mins|times|o'clock)", re.I)
THEN_BEFORE_RE = re.compile(r"\b(?:then|now) $")
UNIT_AFTER_RE = re.compile(r"[ \t]+(?:months?|weeks?|days?)\b")
LINE_END_UNIT_AFTER_RE = re.compile(r"[ \t]+(?:months?|weeks?|days?)(?=[ \t]*(?:\n|$))")
COMMA_BEFORE_RE = re.compile(r"[A-Za-z)], $")
COLUMN_END_AFTER_RE = re.compile(r"[ \t]*(?:\n|$)|[ \t]{2,}|\t")


ROLE_COMMA_BEFORE_RE = re.compile(
    r"\b(?i:child|son|daughter|brother|sister|sibling|boyfriend|girlfriend|partner|friend|cousin|mother|father|"
    r"mum|dad|baby|pupil|victim|suspect|subject|Y\d{1,2}|Year \d{1,2}|Reception|Nursery), $"
)
AGE_CELL_END_RE = re.compile(r"[ \t]*(?:[|)\t;]|\n|$)")
# a number and its unit as one item of a bracket: "(DOB …, 3 months)", "(11 days, born …)"
BRACKET_AGE_RE = re.compile(
    r"(?:(?<=\()|(?<=, )(?<!\(\d{4}, )(?<! \d{4}, ))\d{1,2}[ \t]+(?:years?|months?|weeks?|days?)(?:[ \t]+old)?(?=[,)])"
    r"(?=[^()\n]{0,60}\))"
)


def _spoken_ages(text):
    for m in NUMBER_RE.finditer(text):
        start, end = m.span()
        before = text[max(0, start - 16) : start]
        if ROLE_COMMA_BEFORE_RE.search(before) and AGE_CELL_END_RE.match(text, end):
            yield start, end  # "| boyfriend, 19 |", "(Y5, 9)": a role or a school year, then the age
        elif SPOKEN_BEFORE_RE.search(before):
            if not NOT_AN_AGE_AFTER_RE.match(text, end):
                yield start, end
        elif THEN_BEFORE_RE.search(before):
            unit = UNIT_AFTER_RE.match(text, end)
            if unit:
                yield start, unit.end()
        elif COMMA_BEFORE_RE.search(before):
            unit = LINE_END_UNIT_AFTER_RE.match(text, end)
            if unit:
                yield start, unit.end()
            elif COLUMN_END_AFTER_RE.match(text, end):
                yield start, end
        elif before.endswith(('") (', "”) (", '", ', "”, ")) and text[end : end + 1] == ")":  # ("Paddy", 19)
            yield start, end
    for m in BRACKET_AGE_RE.finditer(text):
        yield m.start(), m.end()  # "(DOB 17.07.2024, 3 months)", "(2 years, DOB …)", '("Biddy", 3 years)'


def age_and_week_finds(text):
    for pattern in AGE_PATTERNS:
        for m in pattern.finditer(text):
            yield *m.span(m.lastindex or 0), "AGE", "rule"  # the age itself, not the field's label
    for start, end in _spoken_ages(text):
        yield start, end, "AGE", "rule"
    for m in NAME_THEN_AGE_RE.finditer(text):
        yield m.start(1), m.end(1), "AGE", "rule"
    for m in HOW_OLD_RE.finditer(text):
        yield m.start(1), m.end(1), "AGE", "rule"


def week_commencing_finds(text, found):
    """'w/c 19/6': the week is written with its date; the span takes both."""
    dates = {start: end for start, end, kind, *_ in found if kind == "DATE"}
    for m in WEEK_COMMENCING_RE.finditer(text):
        if m.end() in dates:
            yield m.start(), dates[m.end()], "DATE", "rule"


WORSHIP_END_RE = re.compile(
    r"(?:Church|Chapel|Gurdwara|Mosque|Masjid|Temple|Mandir|Synagogue|Cathedral|Abbey|Sabha|of God)$"
)
DISTRICT_AFTER_RE = re.compile(
    r",[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?=[ \t]*(?:[.;)(\n]|$|[ \t]and\b|[ \t]on\b|[ \t]not\b))"
)


def place_district_finds(text, found):
    """A place of worship is named with its district ("St Peter's Church, Roath", "Guru Nanak Gurdwara,
    Smethwick)"): the district ends the name, not a street or a person after the comma."""
    from .rules import STREET_RE

    for start, end, kind, *_ in found:
        if kind != "PLACE" or not WORSHIP_END_RE.search(text, start, end):
            continue
        m = DISTRICT_AFTER_RE.match(text, end)
        if not m:
            continue
        words = m.group(1).split()
        if STREET_RE.fullmatch(words[-1]) or any(w in COMMON_CAPITALISED for w in words):
            continue
        if words[0] in forenames()[0]:
            continue  # "St Mary's Church, Jade said": a person after the comma
        from .rules import name_start

        opening = name_start(text, start)  # "New Testament Church of God": the name before what was found
        if opening and opening[1]:
            start = opening[0]
        yield start, m.end(1), "PLACE", "rule"


# "Flat 2, 61 Whalley Range": a flat and a house number make an address whatever the street's last word;
# "Pitch 6" on a Traveller site is where a family lives, as a flat is
FLAT_AND_NUMBER_RE = re.compile(
    r"\b(?:Flat|Apartment|Apt\.?|Room|Unit)[ \t]+\d{1,4}[A-Za-z]?,[ \t]+\d{1,4}[A-Za-z]?[ \t]+"
    r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
)
PITCH_RE = re.compile(r"\bPitch[ \t]+\d{1,3}[A-Za-z]?\b")


def dwelling_finds(text):
    for pattern in (FLAT_AND_NUMBER_RE, PITCH_RE):
        for m in pattern.finditer(text):
            words = m.group().split()
            while words and words[-1] in COMMON_CAPITALISED and not words[-1][0].isdigit() and len(words) > 3:
                words.pop()
            end = m.start() + m.group().index(words[-1]) + len(words[-1]) if len(words) > 2 else m.end()
            yield m.start(), end, "ADDRESS", "rule"


NAME_WORDS_RE = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
WORD_TOKEN_RE = re.compile(r"(?<![\w'’-])[A-Za-z][A-Za-z'’-]*[A-Za-z]")
INITIAL_AFTER_RE = re.compile(r"[ \t]+[A-Z]\.(?![ \t]*[A-Z][a-z])")


def capitals_mentions(text, found):
    """A name found in one case is the same name in the other: "Mei Lin Chen" ... "Baby Girl CHEN", "Liam
    Gormley" ... "GORMLEY located"; "Kathleen D." keeps the initial of her surname."""
    words = set()
    names = {text[start:end] for start, end, kind, *_ in found if kind == "PERSON"}
    for name in names:
        for word in NAME_WORDS_RE.findall(name):
            titled = word.title() if word.isupper() else word
            if titled in COMMON_CAPITALISED or word.upper() in ACRONYMS or titled in forenames()[1]:
                continue
            if titled in surnames()[1] or not titled[:1].isupper():
                continue
            if word.isupper():
                words.add(word)  # "Liam GORMLEY" ... "GORMLEY located"
                words.add(titled)
            elif titled in forenames()[0] or titled in surnames()[0]:
                words.add(titled.upper())  # "Mei Lin Chen" ... "Baby Girl CHEN"
    for word in words:  # found with str.find, not a pattern compiled for each document
        position = text.find(word)
        while position != -1:
            end = position + len(word)
            before = text[position - 1] if position else " "
            after = text[end : end + 2]
            if not (before.isalnum() or before in "'’-") and (
                not after
                or not (after[0].isalnum() or after[0] in "-")
                and (after[0] not in "'’" or after[1:] in ("s", "S"))
            ):
                yield position, end, "PERSON", "name"
            position = text.find(word, end)
    for start, end, kind, *_ in found:
        if kind == "PERSON":
            m = INITIAL_AFTER_RE.match(text, end)
            if m and " " not in text[start:end].strip():
                yield start, m.end(), "PERSON", "name"


prefilter_patterns(globals())  # whole-text scans skipped when the text lacks what they need: see patterns.py

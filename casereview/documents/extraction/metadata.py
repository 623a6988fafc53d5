"""The document-level fields: kind of document, kind of review, children, partnership, dates, agencies,
themes, methodology. Each reads cues any report of that kind uses, not any one report's wording."""

import re
from collections import Counter

from .result import DATE_KEYS
from .vocabulary import AGENCY_CUES, THEME_CUES

TITLE_REGION = 1500  # characters: covers a committee report's cover table or a report's title page

COMMITTEE_CUES = re.compile(
    r"\b(?:meeting (?:name|date)|agenda item|item no\b|report title|report of\b|report to\b|classification:"
    r"|committee:|wards? affected|decision maker|key decision|report author|originating officer)",
    re.I,
)
DOC_TYPE_TITLE_CUES = (
    ("learning_brief", re.compile(r"\blearning (?:brief|briefing|summary)\b|\b(?:7|seven)[- ]minute briefing", re.I)),
    ("annual_report", re.compile(r"\bannual report\b", re.I)),
    ("executive_summary", re.compile(r"\bexecutive summary\b", re.I)),
    ("overview_report", re.compile(r"\boverview report\b", re.I)),
)
REVIEW_TYPE_CUES = {
    "SCR": re.compile(r"\bserious case reviews?\b|\bSCRs?\b", re.I),
    "CSPR": re.compile(r"\b(?:local )?child safeguarding practice reviews?\b|\bL?CSPRs?\b", re.I),
    "multi_agency_learning_review": re.compile(r"\bmulti[- ]agency (?:learning|practice) reviews?\b", re.I),
    "thematic": re.compile(r"\bthematic (?:learning )?reviews?\b", re.I),
}
TITLE_WEIGHT = 5
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\s+\d{{4}}|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}" \
       rf"|(?:(?:early|late|mid)[- ])?(?:{MONTH}|spring|summer|autumn|winter)\s+\d{{4}})"


def guess_doc_type(text):
    title = text[:TITLE_REGION]
    if len(COMMITTEE_CUES.findall(title)) >= 1:
        return "committee_report"
    for doc_type, cue in DOC_TYPE_TITLE_CUES:
        if cue.search(title):
            return doc_type
    return "other"


def guess_review_type(text, doc_type):
    if doc_type == "annual_report":
        return "none"  # a year's work: many reviews, none of them the subject
    title = text[:TITLE_REGION]
    scores = Counter()
    for review_type, cue in REVIEW_TYPE_CUES.items():
        scores[review_type] = len(cue.findall(text)) + TITLE_WEIGHT * len(cue.findall(title))
    best, score = scores.most_common(1)[0]
    return best if score else "unknown"


CHILD_NAMED = re.compile(r"\b(Child|CHILD)\s+([A-Z]{1,2})(?![\w-])")
CHILD_INTRODUCED = re.compile(
    r"\b(?:case of|baby|infant|toddler|sibling|(?:young person|child|boy|girl|mother of|known as|referred to as),?)"
    r"\s+(?:baby\s+)?([A-Z])(?![\w*&-])",
    re.I,
)


def find_child_pseudonyms(text):
    """'Child R' as written; a bare letter where the text introduces a child by one ('the case of M')."""
    named = []
    for match in CHILD_NAMED.finditer(text):
        pseudonym = f"Child {match.group(2)}"
        if pseudonym not in named:
            named.append(pseudonym)
    named_letters = {name.split()[-1] for name in named}
    for match in CHILD_INTRODUCED.finditer(text):
        letter = match.group(1)
        if letter.isupper() and letter not in ("A", "I") and letter not in named_letters:
            if _used_as_name(text, letter):
                named.append(letter)
                named_letters.add(letter)
    return named


def _used_as_name(text, letter):
    """A pseudonym is used again: 'M first became known', "E's father"."""
    return len(re.findall(rf"(?<![\w*&.-]){letter}(?:['’]s)?(?![\w*&-])", text)) >= 3


PARTNERSHIP = re.compile(
    r"((?:[A-Z][\w’'&-]*\s+(?:and\s+|upon\s+)?){1,3}?)"
    r"(Local\s+)?(Safeguarding\s+Children(?:['’]s)?\s+(?:Board|Partnership)"
    r"|Children(?:['’]s)?\s+Safeguarding\s+(?:Board|Partnership)|Safeguarding\s+Partnership)\b(?!s)"
)
NOT_PLACES = {"the", "a", "an", "local", "new", "our", "each", "both", "report", "of", "chair", "interim", "vice-chair"}


def find_partnership(text):
    """The most often named '<Place> Safeguarding Children Board/Partnership'; None if no place is named."""
    names = Counter()
    forms = {}
    for match in PARTNERSHIP.finditer(text):
        place = _place(match.group(1))
        if not place:
            continue
        name = " ".join(f"{place} {match.group(2) or ''}{match.group(3)}".split())
        key = name.lower().replace("’", "'").replace("children's", "children")
        names[key] += 1
        forms.setdefault(key, Counter())[name] += 1
    if not names:
        return None
    key = names.most_common(1)[0][0]
    return forms[key].most_common(1)[0][0]


def _place(words):
    words = [re.sub(r"['’]s$", "", word) for word in words.split()]
    while words and words[0].lower() in NOT_PLACES:
        words.pop(0)
    return " ".join(words) if words and words[-1].lower() not in ("and", "upon") else ""


DATE_CUES = {
    "published": [rf"\bpublished\b[^.]{{0,40}}?\b(?:on|in)\s+({DATE})"],
    "review_start": [
        rf"\b(?:review|SCR|CSPR)\b[^.]{{0,80}}?\bbetween\s+({DATE})\s+and\s+{DATE}",
        rf"\b(?:convened|commissioned|began|started|initiated)\b[^.]{{0,60}}?\b(?:on|in)\s+({DATE})",
        rf"\b(?:convened|commissioned)\b[^.]{{0,60}}?\b({DATE})",
    ],
    "review_end": [
        rf"\b(?:review|SCR|CSPR)\b[^.]{{0,80}}?\bbetween\s+{DATE}\s+and\s+({DATE})",
        rf"\b(?:completed|signed off|endorsed|concluded|completion)\b[^.]{{0,60}}?\b(?:on|in|is|by)\s+({DATE})",
        rf"\b(?:received|reported)\b[^.]{{0,60}}?\b(?:in|on|dated)\s+({DATE})",
    ],
    "incident": [
        rf"(?:^|[.\n]\s*)(?:\d+\.\s+)?In\s+({DATE}),",
        rf"\b(?:died|death|injur\w*|harmed|assault\w*)\b[^.]{{0,60}}?\bin\s+({DATE})",
    ],
}


def find_dates(text):
    return {key: _first_date(text, DATE_CUES[key]) for key in DATE_KEYS}


def _first_date(text, patterns):
    hits = [m for pattern in patterns if (m := re.search(pattern, text, re.I))]
    return " ".join(min(hits, key=lambda m: m.start()).group(1).split()) if hits else None


def find_tagged(text, cues):
    """Tags (agencies or themes) whose cue words appear, in the vocabulary's order."""
    return [tag for tag, cue in cues if cue.search(text)]


def find_agencies(text):
    return find_tagged(text, AGENCY_CUES)


def find_themes(text):
    return find_tagged(text, THEME_CUES)


METHODOLOGY = re.compile(
    r"[^.\n]*\b(?:methodology|Learning Together|SCIE|SILP|systems? (?:model|approach|based)|child practice review)"
    r"\b[^.\n]*\.",
)


def find_methodology(text):
    match = METHODOLOGY.search(text)
    return " ".join(match.group().split()) if match else None

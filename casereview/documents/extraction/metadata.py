"""The document-level fields: kind of document, kind of review, children, partnership, dates, agencies,
themes, methodology. Each reads cues any report of that kind uses, not any one report's wording."""

import re
from collections import Counter

from .result import DATE_KEYS
from .vocabulary import AGENCY_CUES, THEME_CUES, CueText, tags_found

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
    "SCR": ["serious case review", "SCR", "SCRs"],
    "CSPR": ["child safeguarding practice review", "CSPR", "CSPRs", "LCSPR"],
    "multi_agency_learning_review": ["multi agency learning review", "multi agency practice review"],
    "thematic": ["thematic review", "thematic learning review"],
}
TITLE_WEIGHT = 5
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# Anchored on the month or season word, which a scan finds quickly; the day or "early" before it is
# picked up afterwards (a pattern that starts with optional parts is tried at every character: slow).
DATE_CORE = re.compile(
    rf"\b(?:{MONTH}|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,)?\s+\d{{4}}\b"
)
DATE_PREFIX = re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+|\b(?:early|late|mid)[- ])$", re.I)


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
    whole, title = CueText(text), CueText(text[:TITLE_REGION])
    scores = Counter()
    for review_type, phrases in REVIEW_TYPE_CUES.items():
        scores[review_type] = sum(whole.count(p) + TITLE_WEIGHT * title.count(p) for p in phrases)
    best, score = scores.most_common(1)[0]
    return best if score else "unknown"


CHILD_NAMED = re.compile(r"\b(Child|CHILD)\s+([A-Z]{1,2})(?![\w-])")
# Anchored on the capital letter (rare in text, so the scan is fast), then the words before it are checked.
LONE_CAPITAL = re.compile(r"(?<=\s)[B-HJ-Z](?![\w*&-])")
INTRODUCES_CHILD = re.compile(
    r"\b(?:case of|baby|infant|toddler|sibling|young person,?|child,?|boy,?|girl,?|known as|referred to as)\s+$", re.I
)


def find_child_pseudonyms(text):
    """'Child R' as written; a bare letter where the text introduces a child by one ('the case of M')."""
    named = []
    for match in CHILD_NAMED.finditer(text):
        pseudonym = f"Child {match.group(2)}"
        if pseudonym not in named:
            named.append(pseudonym)
    named_letters = {name.split()[-1] for name in named}
    for match in LONE_CAPITAL.finditer(text):
        letter = match.group()
        if letter not in named_letters and INTRODUCES_CHILD.search(text, max(0, match.start() - 30), match.start()):
            if _used_as_name(text, letter):
                named.append(letter)
                named_letters.add(letter)
    return named


def _used_as_name(text, letter):
    """A pseudonym is used again: 'M first became known', "E's father"."""
    return len(re.findall(rf"(?<![\w*&.-]){letter}(?:['’]s)?(?![\w*&-])", text)) >= 3


PARTNERSHIP = re.compile(
    r"((?:[A-Z][\w’'&-]*[ \t]+(?:and[ \t]+|upon[ \t]+)?){1,3}?)"
    r"(Local\s+)?(Safeguarding\s+Children(?:['’]s)?\s+(?:Board|Partnership)"
    r"|Children(?:['’]s)?\s+Safeguarding\s+(?:Board|Partnership)|Safeguarding\s+Partnership)\b(?!s)"
)
NOT_PLACES = {"the", "a", "an", "local", "new", "our", "each", "both", "report", "of", "chair", "interim", "vice-chair"}


def _partnership_mentions(text):
    """PARTNERSHIP matched only around the word "Safeguarding": scanning the whole text with a pattern that
    opens on capitalised words is slow."""
    end_of_last = 0
    for anchor in re.finditer(r"Safeguarding", text):
        window_start = max(end_of_last, anchor.start() - 80)
        match = PARTNERSHIP.search(text, window_start, min(len(text), anchor.end() + 60))
        if match and match.end() > end_of_last:
            end_of_last = match.end()
            yield match


def find_partnership(text):
    """The most often named '<Place> Safeguarding Children Board/Partnership'; None if no place is named."""
    names = Counter()
    forms = {}
    for match in _partnership_mentions(text):
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


# What the words just before a date say it is, tried on the 100 characters before every date; a cue may
# also ask for what follows ("In <date>," opens an account of the incident, "In <date> the board…" does not).
DATE_CUES = {
    "incident": [
        (r"(?:^|[.\n]\s*)(?:\d+\.\s+)?In\s+$", ","),
        (r"\b(?:died|death|injur\w*|harmed|assault\w*)\b[^.]*\bin\s+$", ""),
    ],
    "review_start": [
        (r"\b(?:review|SCR|CSPR)\b[^.]*\bbetween\s+$", ""),
        (r"\b(?:convened|commissioned|began|started|initiated)\b[^.]*\b(?:on|in)?\s*$", ""),
    ],
    "review_end": [
        (r"\b(?:review|SCR|CSPR)\b[^.]*\bbetween\s+\S[^.]*\band\s+$", ""),
        (r"\b(?:completed|signed off|endorsed|concluded|completion)\b[^.]*\b(?:on|in|is|by)\s+$", ""),
        (r"\b(?:received|reported)\b[^.]*\b(?:in|on|dated)\s+$", ""),
    ],
    "published": [(r"\bpublished\b[^.]*\b(?:on|in)\s+$", "")],
}
COMPILED_DATE_CUES = {key: [(re.compile(p, re.I), after) for p, after in cues] for key, cues in DATE_CUES.items()}
DATE_CONTEXT = 100


def find_dates(text):
    """The first date each cue introduces; only the text just around each date is searched."""
    found = dict.fromkeys(DATE_KEYS)
    for match in DATE_CORE.finditer(text):
        start = match.start()
        prefix = DATE_PREFIX.search(text, max(0, start - 12), start)
        if prefix:
            start = prefix.start()
        before = text[max(0, start - DATE_CONTEXT) : start]
        after = text[match.end() : match.end() + 1]
        for key in DATE_KEYS:
            if found[key] is None and any(
                cue.search(before) and after.startswith(follows) for cue, follows in COMPILED_DATE_CUES[key]
            ):
                found[key] = " ".join(text[start : match.end()].split())
    return found


def find_agencies(text):
    return tags_found(CueText(text), AGENCY_CUES)


def find_themes(text):
    return tags_found(CueText(text), THEME_CUES)


NAMED_METHOD = re.compile(
    r"\b(?:Learning Together|SCIE|SILP|systems? (?:model|approach|based)|child practice reviews?)\b"
)
METHODOLOGY_WORD = re.compile(r"\bmethodology\b", re.I)


def find_methodology(text):
    """The sentence naming the review's method (SCIE, SILP, Welsh child practice review, systems model)."""
    for cue in (NAMED_METHOD, METHODOLOGY_WORD):
        for match in cue.finditer(text):
            sentence = _sentence_around(text, match.start())
            if len(sentence.split()) >= 8:
                return sentence
    return None


def _sentence_around(text, offset):
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    end_dot, end_line = text.find(". ", offset), text.find("\n", offset)
    ends = [e for e in (end_dot + 1 if end_dot >= 0 else -1, end_line) if e >= 0]
    return " ".join(text[start : min(ends) if ends else len(text)].split())

"""Lists written inside a paragraph rather than set out line by line.

Summaries of reviews (repository listings, monthly updates, news items, minutes) pack a review's learning
and recommendations into sentences: "Learning includes: a; b; and c." — "Key issues: include: …" —
"Recommendations to the partnership include: …" — "The review highlighted a; b; and c". A slide or web
page flattened to text does the same with bullets: "Key Issues Identified • a • b". Each part is one
item, its connector ("and …") and final stop kept, as a reader would quote it.

The lead-in is recognised by the domain's vocabulary (items.classify_cue), never by one document's
wording; a lead-in with nothing after it gives nothing."""

import bisect
import re
from dataclasses import dataclass

from .blocks import HEADING

LEARNING, RECOMMENDATIONS = "learning_points", "recommendations"  # as items.py (which imports this module)
from .markers import INLINE_BULLET, normalise_space
from .runon import is_run_on, run_on_clauses

# A label before a colon: short, and no sentence ends inside it.
MAX_LABEL_WORDS = 14
MAX_LABEL_CHARACTERS = 160
# Every lead-in has one of these in it (the cue words of items.classify_cue, and "includes:" on its own):
# a quick test before the cue patterns, which a page of 200,000 colons would otherwise run 200,000 times.
CUE_STEMS = (
    "learn",
    "lesson",
    "finding",
    "issue",
    "theme",
    "message",
    "recommend",
    "call",
    "find",
    "review",
    "request",
    "asked",
    "invited",
    "includ",
    "good practice",
    "what",
)
# A label may follow the full stop with no space where a web page's parts were glued together ("…taken into
# care.Learning: five findings …").
LABEL_START = re.compile(
    r"(?:^|(?<=[.!?])\s+|\n(?=[A-Z])|(?<![a-z,])\n|(?<=[.!?][\"'’”)])\s+|(?<=[a-z][.!?])(?=[A-Z][a-z]))(?=[A-Za-z])"
)
# "Key issues: include: a; b" — a second, empty label after the first.
SECOND_LABEL = re.compile(
    r"\s*(?:include[sd]?|including|are|is)\s*:\s*"
    # "Learning: five priority findings emerged including: a; b" — a lead-in of a few words after the label
    r"|\s*[^:;.]{0,80}?\b(?:include[sd]?|including|are|were|as follows|the following)\s*:\s*",
    re.I,
)
# A lead-in followed at once by the next section's heading: its list was lost when the page was copied.
SECTION_AFTER_LEAD_IN = re.compile(
    r"\s*(?:references|further (?:reading|information)|related (?:resources|content|links)|downloads?|see also"
    r"|contents|useful links)\b",
    re.I,
)
# "Recommendations: There are no recommendations but …": the label with nothing to list.
NONE_LISTED = re.compile(r"\s*(?:there (?:are|were) no|no) (?:recommendations|learning points|findings)\b", re.I)
# Where an inline list stops: a new labelled part of the entry ("Recommendations:", "Keywords:"), or the
# end of the sentence the list is in.
NEXT_LABEL = re.compile(
    r"(?<=[.!?])\s+(?=(?:[A-Z][\w’'-]*(?: [\w’'()-]+){0,6}?)\s*:\s)"
    r"|(?<=[a-z][.!?])(?=[A-Z][a-z]+(?: [\w’'()-]+){0,3}?:\s)"
)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(\"“‘]|\s*$)")
# "The review considers a; b; and c" — a statement of what the review found, with no colon.
REVIEW_VERB = re.compile(
    r"\b(?:the|this|these|both)\s+(?:(?:serious\s+case|practice|thematic|learning|local|national|rapid)\s+)*"
    r"(?:review|reviews|report|SCR|CSPR)s?\s+(?:also\s+)?"
    r"(?:considers|considered|identifie[sd]|highlight(?:s|ed)|f(?:ou|i)nds?|found|conclude[sd]|calls?\s+for"
    r"|draws?\s+out|sets?\s+out)\s+(?:that\s+)?",
    re.I,
)
CALLS_FOR = re.compile(r"\bcalls?\s+for\b", re.I)
# "Recommendations include a; b; and c.", "The learning from this review includes a; b", "Recommendations were
# made for a; for b": a list noun and its verb with no colon, the list ending with the sentence (as above).
LIST_NOUN_VERB = re.compile(
    r"\b(?:(?:the|its|their|our)\s+)?(?:(?:key|main|other)\s+)?(?:learning(?:\s+points)?|lessons(?:\s+learn[te]d)?"
    r"|findings|key\s+issues|recommendations|(?:key|main|common)\s+themes|key\s+messages)"
    r"(?:\s+(?:from|of|for|in)\s+(?:the|this|these|both|each)\s+(?:[\w-]+\s+){0,2}?(?:reviews?|reports?|SCRs?|CSPRs?|cases?))?"
    r"\s+(?:include[sd]?|included|(?:were|are|have\s+been)\s+made(?=\s+(?:for|around|about|on|in\s+relation\s+to)\b))\s+",
    re.I,
)
# "includes: a; b" opening a paragraph: the lead-in lost its first word ("Learning includes:") when the page
# was copied; in a review's entry what it introduces is the review's learning.
SUBJECT_LOST = re.compile(r"^(?:include[sd]?|including)$", re.I)
NOT_A_LIST_LABEL = re.compile(
    r"^(?:background|model|method(?:ology)?|keywords?|title|date|author|source|summary|posted|event|outcome"
    r"|consequence|age|gender|note|notes|contact|email|tel|telephone|web|address|meeting|item|read|see|download|click"
    r"|view|visit|watch|listen|find out|go to)\b",
    re.I,
)


# A sentence about a board's or meeting's own business, whatever list its last clause introduces.
NOT_A_LEAD_IN_SENTENCE = re.compile(
    r"\b(?:priorit(?:y|ies)|criteria|terms of reference|scope|statutory|agenda|resolved|will (?:consider|look at))\b",
    re.I,
)


# "Firstly, …", "Secondly …", "Finally, …" opening a sentence.
ORDINAL = re.compile(
    r"(?:^|(?<=[.!?;:])\s+)(First(?:ly)?|Second(?:ly)?|Third(?:ly)?|Fourth(?:ly)?|Fifth(?:ly)?|Sixth(?:ly)?|Finally"
    r"|Lastly)\b,?\s*"
)


@dataclass
class InlineItem:
    kind: str
    start: int
    end: int
    lead_in_end: int


def inline_items(blocks, source, classify, theme_in_context=None):
    """[InlineItem…] in document order, and the ids of blocks whose whole text they stand for.
    `theme_in_context(label, offset)` reads a label of themes by the text before it."""
    found, covered = [], set()
    for block in blocks:
        text = source[block.body_start : block.end]
        if INLINE_BULLET.search(text):
            found.extend(_bulleted_line(block, source, classify))
            covered.add(id(block))  # a list of its own, whatever it is: never one item of another list
            continue
        if block.kind == HEADING:
            continue
        items = (
            _packed_sentences(block, source, classify, theme_in_context)
            or _ordinal_items(block, source, classify, blocks)
            or _made_recommendations(block, source)
        )
        if items:
            found.extend(items)
            covered.add(id(block))
    return found, covered


def _bulleted_line(block, source, classify):
    """'Key Issues Identified • a • b' on one line: the words before the first bullet say what they are."""
    text = source[block.body_start : block.end]
    bullets = list(INLINE_BULLET.finditer(text))
    if not bullets:
        return []
    label = _heading_before_bullets(normalise_space(text[: bullets[0].start()]))
    kind = classify(label) if label and len(label.split()) <= MAX_LABEL_WORDS and not _cut_title(label) else None
    if kind is None:
        return []
    items = []
    edges = [m.end() for m in bullets]
    ends = [m.start() for m in bullets[1:]] + [len(text)]
    for start, end in zip(edges, ends, strict=True):
        if kind is None:
            break
        glued = GLUED_HEADING.search(text, start, end)
        next_kind = kind
        if glued and (SECTION_END_LABEL.match(glued.group(1)) or classify(glued.group(1))):
            next_kind = classify(glued.group(1)) if not SECTION_END_LABEL.match(glued.group(1)) else None
            end = glued.start(1)
        start, end = _trimmed(text, start, end)
        if end > start:
            items.append(InlineItem(kind, block.body_start + start, block.body_start + end, block.body_start))
        kind = next_kind
    return items


# The next section's heading glued to the end of the bullet before it when a page lost its line breaks
# ("• The school's concerns were not shared Recommendations • The partnership should …", "… missed Contact
# us"): a few capitalised words after a word in lower case, at the end of the bullet.
GLUED_HEADING = re.compile(
    r"(?<=[a-z,.;)’'])\s+((?:Key|Main|Learning|Lessons|Findings|Recommendations|Themes|Messages|Issues|Areas|Good"
    r"|Practice|What|Contact|Next|Further|Related|Downloads?|Share|Useful|References|Find)\b(?:\s+[A-Za-z][\w’'-]*){0,3})"
    r"\s*$"
)
SECTION_END_LABEL = re.compile(
    r"^(?:contact(?: us)?|next steps|further (?:information|reading)|related\b|downloads?|share\b|useful links"
    r"|references|find out more)",
    re.I,
)


# The capitalised words just before a colon: a heading run into the text before it when a page lost its line
# breaks ("… with child fatality’ KEY PRACTITIONER MESSAGES: • a • b").
HEADING_BEFORE_COLON = re.compile(r"(?:^|\s)((?:[A-Z][\w’'-]*\s+){0,5}[A-Z][\w’'-]*\s*:)$")


def _cut_title(label):
    """'A study of recommendations arising from serious case ... ·': a search result's title cut short (an
    ellipsis in it), over a snippet of the text; not a lead-in."""
    return "..." in label or "…" in label


def _heading_before_bullets(label):
    """The words before a line's first bullet that say what the bullets are: all of them when short, else
    the heading that ends them (a run-on page's abstract, then its heading and bullets)."""
    if len(label.split()) <= MAX_LABEL_WORDS:
        return label
    heading = HEADING_BEFORE_COLON.search(label)
    return heading.group(1) if heading else ""


def _two_joined_phrases(text, parts):
    """With no colon, two parts the second of which opens with "and" / "or" are one sentence's two phrases
    ("The review highlighted learning around a; and the need for b."), not a list; "a; b; and c" is one."""
    return len(parts) == 2 and text[parts[1][0] : parts[1][1]].lower().startswith(("and ", "or "))


def _packed_sentences(block, source, classify, theme_in_context=None):
    text = source[block.body_start : block.end]
    if ":" not in text and ";" not in text:
        return []
    verbs = []
    if ";" in text:
        found = classify("the review found")
        # what a review calls for is what it recommends; what it considers, found or highlighted is its learning
        verbs = [
            (m.start(), m.end(), RECOMMENDATIONS if CALLS_FOR.search(m.group()) else found)
            for m in REVIEW_VERB.finditer(text)
        ]
        verbs += [(m.start(), m.end(), classify(m.group())) for m in LIST_NOUN_VERB.finditer(text)]
        verbs = sorted(verb for verb in verbs if verb[2])
    items, position, labels = [], 0, None
    while position < len(text):
        lead_in = _next_lead_in(text, position, classify, verbs, theme_in_context, block.body_start)
        if lead_in is None:
            break
        kind, body_start, stop_at_sentence = lead_in
        if labels is None:  # found once: searching the rest of a long line at every lead-in was quadratic
            labels = [m.start() for m in NEXT_LABEL.finditer(text)]
        body_end = _list_end(text, body_start, labels)
        if SECTION_AFTER_LEAD_IN.match(text, body_start):
            position = max(body_end, body_start + 1)  # "… including: References …": the list was lost
            continue
        parts = split_parts(text, body_start, body_end)
        if len(parts) == 1 and not stop_at_sentence and is_run_on(text[body_start:body_end]):
            parts = [(body_start + a, body_start + b) for a, b in run_on_clauses(text[body_start:body_end])] or parts
        if stop_at_sentence and (len(parts) < 3 or _two_joined_phrases(text, parts)):
            # "The review highlighted …" with no ';', or "… learning around a; and b.": a sentence
            position = max(body_end, body_start + 1)
            continue
        items.extend(
            InlineItem(kind, block.body_start + start, block.body_start + end, block.body_start + body_start)
            for start, end in parts
        )
        position = max(body_end, body_start + 1)
    return items


# A repository entry's sentence on what a review recommended, its subject left out or the review's own: "Makes
# recommendations that photographs are taken …", "The review makes recommendations for guidance …". The
# recommendation is what follows "recommendations", one sentence (or its ';'-separated parts).
MADE_RECOMMENDATIONS = re.compile(
    r"(?:^|(?<=[.!?])\s+|\n)(?:(?:It|The (?:review|report|SCR|CSPR)) )?[Mm]akes? "
    r"(?:(?:a|two|three|four|five|six|several|a number of|\d+) )?recommendations? "
    r"(?=(?:that|for|to|on|about|around|regarding|relating)\b)"
)


def _made_recommendations(block, source):
    text = source[block.body_start : block.end]
    if "ecommendation" not in text:
        return []
    items = []
    for match in MADE_RECOMMENDATIONS.finditer(text):
        stop = SENTENCE_END.search(text, match.end())
        end = stop.end() if stop else len(text)
        if text[match.end() : end].rstrip().endswith(":"):
            continue  # "The review makes recommendations to government:" leads in to the list below
        for start, part_end in split_parts(text, match.end(), end) or [(match.end(), end)]:
            start, part_end = _trimmed(text, start, part_end)
            if part_end > start:
                items.append(
                    InlineItem(RECOMMENDATIONS, block.body_start + start, block.body_start + part_end, block.body_start)
                )
    return items


def _ordinal_items(block, source, classify, blocks):
    """'The review identified three lessons. Firstly, … Secondly, … Finally, …': from each ordinal word to
    the next is one item, when what comes before the first (or the lead-in above) is a cue."""
    text = source[block.body_start : block.end]
    ordinals = list(ORDINAL.finditer(text))
    if len(ordinals) < 2 or not ordinals[0].group(1).lower().startswith("first"):
        return []
    before = text[: ordinals[0].start()]
    kind = classify(before) if before.strip() else None
    if kind is None:
        n = next((i for i, b in enumerate(blocks) if b is block), 0)
        previous = blocks[n - 1] if n else None
        kind = classify(previous.text(source)) if previous is not None and previous.ends_with_colon(source) else None
    if kind is None:
        return []
    items = []
    ends = [m.start() for m in ordinals[1:]] + [len(text)]
    for match, end in zip(ordinals, ends, strict=True):
        start, end = _trimmed(text, match.end(), end)
        if end > start:
            items.append(InlineItem(kind, block.body_start + start, block.body_start + end, block.body_start))
    return items


# A lead-in that ends its line with at least this many lines after it in the same paragraph introduces those
# lines (items.py reads them), not the words after the colon.
LINES_AFTER_LEAD_IN = 2


def lines_follow(text, colon):
    if text[colon + 1 : colon + 2] != "\n":
        return False
    position = colon + 1  # the first newline; look for the others without counting to the end of the text
    for _ in range(LINES_AFTER_LEAD_IN - 1):
        position = text.find("\n", position + 1)
        if position == -1:
            return False
    return True


def _next_lead_in(text, position, classify, verbs, theme_in_context=None, offset=0):
    """(kind, where the list starts, whether the list ends with its sentence) for the next lead-in; `offset`
    is where text starts in the source."""
    candidates = []
    colon = text.find(":", position)
    while colon != -1:
        window = max(position, colon - MAX_LABEL_CHARACTERS)
        if not any(word in text[window:colon].lower() for word in CUE_STEMS):
            colon = text.find(":", colon + 1)
            continue
        label_start = _label_start(text, window, colon)
        label = _lead_in_clause(normalise_space(text[label_start:colon]))
        if (
            label
            and any(word in label.lower() for word in CUE_STEMS)
            and len(label.split()) <= MAX_LABEL_WORDS
            and not NOT_A_LIST_LABEL.match(label)
            and not text[colon + 1 : colon + 2].isdigit()  # a time or a ratio, "10:30"
            and not lines_follow(text, colon)  # "Key findings:" ending a line: the lines below are the list
        ):
            kind = (
                classify(label)
                or (LEARNING if SUBJECT_LOST.match(label) and _starts_line(text, label_start) else None)
                or (theme_in_context(label, offset + label_start) if theme_in_context else None)
            )
            if kind and NONE_LISTED.match(text, colon + 1):
                kind = None
            if kind:
                body = colon + 1
                second = SECOND_LABEL.match(text, body)
                if second:
                    body = second.end()
                candidates.append((colon, kind, body, False))
                break
        colon = text.find(":", colon + 1)
    next_verb = bisect.bisect_left(verbs, (position,))  # the verbs are in order: no rescan from the start
    verb = verbs[next_verb] if next_verb < len(verbs) else None
    if verb:
        candidates.append((verb[0], verb[2], verb[1], True))
    if not candidates:
        return None
    _, kind, body, sentence = min(candidates)
    return kind, body, sentence


# Where a lead-in introduced mid-sentence starts: after the last clause break before the colon ("The report
# found that …, highlighting common practice issues including: a; b").
CLAUSE_BREAK = re.compile(r".*(?:[,;(—–]|\s-\s)\s*", re.S)
MID_SENTENCE_LEAD_IN_WORDS = 8


def _lead_in_clause(label):
    """A long label's last clause, when that clause is short: the words that introduce the list."""
    if len(label.split()) <= MAX_LABEL_WORDS:
        return label
    if NOT_A_LEAD_IN_SENTENCE.search(label):
        return ""
    tail = label[m.end() :] if (m := CLAUSE_BREAK.match(label)) else ""
    return tail if 0 < len(tail.split()) <= MID_SENTENCE_LEAD_IN_WORDS else ""


def _starts_line(text, offset):
    """At the start of the text, of a line, or of a sentence."""
    before = text[max(0, offset - 20) : offset].rstrip(" \t") if offset > 20 else text[:offset].rstrip(" \t")
    return not before.strip() or before.endswith(("\n", ".", "!", "?"))


def _label_start(text, position, colon):
    start = position
    for match in LABEL_START.finditer(text, position, colon):
        start = match.end()
    return max(start, text.rfind(";", start, colon) + 1)


def _list_end(text, start, labels):
    """Where the list from start ends; labels are the starts of NEXT_LABEL's matches in text, in order."""
    following = bisect.bisect_left(labels, start)
    end = labels[following] if following < len(labels) else len(text)
    sentence = SENTENCE_END.search(text, start, end)
    return sentence.end() if sentence else end


# What is left of a lead-in with nothing after it ("Key issues: include"): no item.
EMPTY_PART = re.compile(r"^(?:include[sd]?|including|are|is|were|was|the following)\W*$", re.I)


def split_parts(text, start, end):
    """(start, end) of each ';'-separated part of text[start:end] that has a letter in it and is more than
    the rest of its lead-in."""
    parts, cursor = [], start
    for match in re.finditer(r";", text[start:end]):
        parts.append(_trimmed(text, cursor, start + match.start()))
        cursor = start + match.end()
    parts.append(_trimmed(text, cursor, end))
    return [(a, b) for a, b in parts if b > a and re.search(r"[^\W\d_]", text[a:b]) and not EMPTY_PART.match(text[a:b])]


def _trimmed(text, start, end):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end

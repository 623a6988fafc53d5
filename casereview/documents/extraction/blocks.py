"""Split text into blocks — list items, prose paragraphs and headings — each with its span.

An item runs on over wrapped lines, over a blank line or page break when the next paragraph plainly
carries on its sentence (starts in lower case, or the item stopped on "the", "of", a comma…), and over a
dash wrapped to the start of a line."""

import re
from dataclasses import dataclass, field

from .markers import (
    TERMINAL_PUNCTUATION,
    Marker,
    is_all_caps,
    is_heading_text,
    is_numbered_section_title,
    is_question_heading,
    match_marker,
    normalise_space,
    strip_markup,
)

ITEM, PROSE, HEADING = "item", "prose", "heading"
CONNECTIVES = frozenset(
    "the a an of to and or in for with by on at from as that which who whose is are was were be been "
    "their its this these those not than our his her into about between within".split()
)


@dataclass
class Block:
    kind: str
    start: int  # first character of the block (its marker, for an item)
    end: int
    body_start: int  # first character after the marker
    marker: Marker | None = None
    line_count: int = 1
    children: list = field(default_factory=list)  # runs nested under this item (see lists.py)

    def text(self, source):
        return normalise_space(source[self.body_start : self.end])

    def ends_with_colon(self, source):
        return self.text(source).endswith(":")


@dataclass
class _Line:
    start: int
    end: int
    text: str


def split_blocks(source):
    blocks, blank_before = [], True
    lines = list(_lines(source))
    for n, line in enumerate(lines):
        if not line.text.strip():
            blank_before = True
            continue
        following = lines[n + 1].text if n + 1 < len(lines) else ""
        _add_line(blocks, line, blank_before, source, following)
        blank_before = False
    blocks = [_settle_kind(block, source) for block in blocks]
    _stray_bullets_on_headings(blocks, source)
    return blocks


def _stray_bullets_on_headings(blocks, source):
    """A bullet whose text is a heading ("- Learning from our reviews"), after bullets that each end a sentence
    and before a paragraph: the next section's heading, its bullet a stray of the page's layout."""
    for n in range(1, len(blocks) - 1):
        block, before, after = blocks[n], blocks[n - 1], blocks[n + 1]
        if block.kind != ITEM or not block.marker.is_bullet or before.kind != ITEM or after.kind != PROSE:
            continue
        if not before.marker or before.marker.styles != block.marker.styles:
            continue
        body = normalise_space(source[block.body_start : block.end])
        if not is_heading_text(body) or not _ends_sentence_text(source[before.body_start : before.end]):
            continue
        if not _ends_sentence_text(source[after.start : after.end]):
            continue
        blocks[n] = Block(HEADING, block.body_start, block.end, block.body_start, line_count=block.line_count)


def _ends_sentence_text(text):
    return strip_markup(text).rstrip()[-1:] in TERMINAL_PUNCTUATION


def _lines(source):
    for match in re.finditer(r"[^\n]*", source):
        text = match.group()
        stripped = text.strip()
        if not stripped and match.start() == match.end() and match.start() > 0 and source[match.start() - 1] != "\n":
            continue  # finditer's empty match right after a line
        lead = len(text) - len(text.lstrip())
        yield _Line(match.start() + lead, match.start() + lead + len(stripped), stripped)


def _add_line(blocks, line, blank_before, source, following=""):
    current = blocks[-1] if blocks else None
    marker = match_marker(line.text)
    if (
        marker
        and current
        and not blank_before
        and _is_dash_inside_sentence(marker, current, source)
        and not _opens_dash_list(marker, following)
    ):
        marker = None
    if marker:
        if current and not blank_before and marker.is_bullet:
            _split_off_heading_line(blocks, source)
        blocks.append(Block(ITEM, line.start, line.end, line.start + marker.body_offset, marker))
    elif current and not blank_before and _ends_item_without_blank_line(current, line.text, source):
        blocks.append(Block(PROSE, line.start, line.end, line.start))
    elif current and not blank_before and _opens_numbered_section(current, line, source):
        current.kind = HEADING  # "1. Background" over its text: a section, not an item
        blocks.append(Block(PROSE, line.start, line.end, line.start))
    elif current and (not blank_before or _carries_on(current, line.text, source)):
        current.end = line.end
        current.line_count += 1
    else:
        blocks.append(Block(PROSE, line.start, line.end, line.start))


def _opens_numbered_section(current, line, source):
    return (
        current.kind == ITEM
        and current.line_count == 1
        and is_numbered_section_title(source[current.start : current.end], current.marker, line.text)
    )


def _is_dash_inside_sentence(marker, current, source):
    in_bullet_list = current.marker is not None and current.marker.is_bullet
    last = strip_markup(source[current.body_start : current.end]).rstrip()
    return marker.is_dash and not in_bullet_list and bool(last) and last[-1] not in TERMINAL_PUNCTUATION + ":;"


MIN_HEADING_LETTERS = 3  # a stray glyph on a line ("Â", a lost no-break space) is not a heading


def _opens_dash_list(marker, following):
    """'- a' with '- b' on the next line: a list of dashes, not a dash wrapped from a sentence above."""
    following_marker = match_marker(following)
    return marker.is_dash and following_marker is not None and following_marker.styles[0][0] == marker.styles[0][0]


def _ends_item_without_blank_line(current, text, source):
    """In text with no blank lines (a web page copied as lines), a line after an item that does not stop on a
    comma or a word such as "and", "of" is the next section when it is a heading ('Introduction', 'Good
    practice found'), not the item's wrap. (A lead-in glued to an item, '…professionals. / Reasons include:',
    stays with the list above.)"""
    if current.kind != ITEM or not current.marker.is_bullet or match_marker(text):
        return False  # ("A. Trainer BA (Hons)" over a title page's lines is an initial, not a list)
    body = strip_markup(source[current.body_start : current.end]).rstrip()
    if not body or body[-1] in ",;–—-(" or body.split()[-1].lower() in CONNECTIVES:
        return False  # the item's sentence runs on to this line
    text = normalise_space(text)
    if is_heading_text(text) and sum(ch.isalpha() for ch in text) >= MIN_HEADING_LETTERS:
        return True
    # a bullet with no full stop, then a capitalised sentence leading in to something else ("In her foreword,
    # the chair said:"): the next paragraph, not the bullet's wrap
    return body[-1] not in TERMINAL_PUNCTUATION and _is_lead_in_line(text)


MIN_LEAD_IN_LINE_WORDS = 4


def _is_lead_in_line(text):
    return text[:1].isupper() and text.endswith(":") and len(text.split()) >= MIN_LEAD_IN_LINE_WORDS


def _split_off_heading_line(blocks, source):
    """A paragraph whose last line is a heading ('Key messages') with a list straight under it, no blank line
    between: the heading is a block of its own, so the list is read under it."""
    current = blocks[-1]
    if current.kind != PROSE or current.line_count < 2:
        return
    last_break = source.rfind("\n", current.start, current.end)
    raw = source[last_break + 1 : current.end]
    last_line = raw.strip()
    before = strip_markup(source[current.start : last_break]).rstrip()
    if not last_line or not is_heading_text(last_line) or not before:
        return
    if before[-1] in ",;–—-(" or before.split()[-1].lower() in CONNECTIVES:
        return  # the line finishes a sentence wrapped from the line above
    start = last_break + 1 + len(raw) - len(raw.lstrip())
    current.end = current.start + len(source[current.start : last_break].rstrip())
    current.line_count -= 1
    blocks.append(Block(PROSE, start, start + len(last_line), start))


def _carries_on(current, text, source):
    """After a blank line or page break: is this paragraph the rest of the current item's sentence?"""
    if current.kind != ITEM:
        return False
    first = strip_markup(text).lstrip()[:1]
    if first.islower():
        return True
    body = strip_markup(source[current.body_start : current.end]).rstrip()
    if not body or is_heading_text(text):
        return False
    last_word = body.split()[-1].lower()
    return body[-1] in ",;–—-(" or last_word in CONNECTIVES


# "Practice issues from reviews: communication and decision-making": a title and its subtitle on one line.
TITLED_LINE = re.compile(r"^[A-Z][^:;.!?]{2,80}:\s+[^:;]{3,100}$")
MAX_TITLED_LINE_WORDS = 16


def _settle_kind(block, source):
    text = source[block.start : block.end]
    if (
        block.kind == PROSE
        and block.line_count == 1
        and (is_heading_text(text) or _is_titled_line(text) or is_question_heading(text))
    ):
        block.kind = HEADING
    elif block.kind == ITEM and not block.marker.is_bullet and is_all_caps(source[block.body_start : block.end]):
        block.kind = HEADING  # "2. RECOMMENDATIONS", "3. BACKGROUND"
    return block


def _is_titled_line(text):
    """A line too long for a heading but built like one: a title, a colon, a subtitle, no sentence end."""
    text = normalise_space(text)
    return (
        len(text.split()) <= MAX_TITLED_LINE_WORDS
        and text[-1:] not in TERMINAL_PUNCTUATION + ",;:"
        and bool(TITLED_LINE.match(text))
    )

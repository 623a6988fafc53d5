"""List markers ("1.", "1)", "(a)", "ii.", "2.1", "•", "Learning point 3:", "Recommendation 2") and headings.

A marker yields every numbering style it could belong to ("i)" is the ninth letter or the first roman
numeral); the list parser keeps the one that continues a list."""

import re
from dataclasses import dataclass

BULLETS = "-–—•●▪■◦○·*➢►✓❖➤→✔"
# Word's Symbol and Wingdings bullets reach text as private-use characters (U+F0B7, U+F0A7, U+F076 …), and
# other symbol fonts' glyphs anywhere in the private-use area (U+E000-U+F8FF): no letter of any language.
PRIVATE_USE_BULLETS = "\ue000-\uf8ff"
PRIVATE_USE = re.compile(f"[{PRIVATE_USE_BULLETS}]")
_BULLET = f"[{re.escape(BULLETS)}{PRIVATE_USE_BULLETS}]"
# A bullet inside a line ("Key issues • a • b"): a dot-like glyph between spaces (a dash is punctuation).
INLINE_BULLET = re.compile(f"(?<=\\s)[•●▪■◦○➢►✓❖➤✔{PRIVATE_USE_BULLETS}](?=\\s)")
_KEYWORD = r"(?i:(?:key\s+)?(?:learning\s+point|learning|lesson|finding|recommendation|study|theme|message))"
# Labels that number the parts of a text without saying what they are ("Study 2:", "Theme 3:"): the text
# before them decides (items.py). Not "Issue 5", a newsletter's number.
UNNAMED_KEYWORDS = ("study", "theme", "message")
MARKER = re.compile(
    rf"""
    ^[ \t]*
    (?:
        (?:\d{{1,3}}(?:\.\d{{1,3}})+[ \t]+)?  # a report's paragraph number before the label: "5.12 Finding 3:"
        (?P<kw>{_KEYWORD})\s+(?P<kwnum>\d{{1,3}}|[A-Za-z])(?:\s*[:.)–—-])?
      | (?:{_BULLET}[ \t]+)?
        (?:
            (?P<dotted>\d{{1,3}}(?:\.\d{{1,3}})+)\.?
          | \((?P<pnum>\d{{1,3}})\)
          | (?P<num>\d{{1,3}})(?P<numclose>[.)])
          | \((?P<palpha>[a-zA-Z]|[ivxIVX]{{1,4}})\)
          | (?P<alpha>[a-zA-Z]|[ivxIVX]{{1,4}})(?P<alphaclose>[.)])
        )
      | (?P<bullet>--|{_BULLET})
    )
    (?:[ \t]+|$)
    """,
    re.VERBOSE,
)
ROMAN = {
    "i": 1,
    "ii": 2,
    "iii": 3,
    "iv": 4,
    "v": 5,
    "vi": 6,
    "vii": 7,
    "viii": 8,
    "ix": 9,
    "x": 10,
    "xi": 11,
    "xii": 12,
    "xiii": 13,
    "xiv": 14,
    "xv": 15,
}
TERMINAL_PUNCTUATION = ".!?"
DASHES = "-–—"
# "-- item": plain text's doubled hyphen, a bullet or (wrapped from the line above) an em dash, as a dash is
DASH_STYLES = frozenset(f"bullet:{dash}" for dash in (*DASHES, "--"))
# Markdown emphasis (**bold**, *italic*, __bold__) and HTML tags; a lone "*" after a word is a footnote mark
# the text keeps ("young carers*").
MARKUP = re.compile(r"\*\*|__|<\/?[a-z]+>")
ITALIC = re.compile(r"(?<![\w*])\*(\w[^*\n]*?)\*(?![\w*])")


@dataclass(frozen=True)
class Marker:
    styles: tuple  # ((style, value), ...); value None for bullets, which always continue
    body_offset: int  # where the item's own text starts, relative to the line

    @property
    def is_bullet(self):
        return self.styles[0][0].startswith("bullet")

    @property
    def is_dash(self):
        """A dash at a line start may be punctuation wrapped from the line above; a dot bullet never is."""
        return self.styles[0][0] in DASH_STYLES

    def is_first(self):
        return any(value in (None, 1) for _, value in self.styles)


def match_marker(line):
    match = MARKER.match(line)
    if not match:
        return None
    styles = _styles(match)
    return Marker(styles, match.end()) if styles else None


def _styles(m):
    if m["kw"]:
        keyword = re.sub(r"\s+", " ", m["kw"].lower())
        return ((f"kw:{keyword}", _number_or_letter(m["kwnum"])),)
    if m["dotted"]:
        *parent, last = m["dotted"].split(".")
        return ((f"dotted:{'.'.join(parent)}", int(last)),)
    if m["pnum"]:
        return (("(decimal)", int(m["pnum"])),)
    if m["num"]:
        return ((f"decimal{m['numclose']}", int(m["num"])),)
    letters, wrap = (m["palpha"], "()") if m["palpha"] else (m["alpha"], m["alphaclose"])
    if letters:
        return _letter_styles(letters, wrap)
    return ((f"bullet:{m['bullet']}", None),)


def _letter_styles(letters, wrap):
    case = "upper" if letters.isupper() else "lower"
    styles = []
    if len(letters) == 1:
        styles.append((f"alpha-{case}{wrap}", ord(letters.lower()) - 96))
    if letters.lower() in ROMAN:
        styles.append((f"roman-{case}{wrap}", ROMAN[letters.lower()]))
    return tuple(styles)


def _number_or_letter(token):
    return int(token) if token.isdigit() else ord(token.lower()) - 96


def strip_markup(text):
    if "*" not in text and "_" not in text and "<" not in text:
        return text  # the common case, and this runs for every line
    return ITALIC.sub(r"\1", MARKUP.sub("", text))


def normalise_space(text):
    return " ".join(strip_markup(text).split())


def item_text(text):
    """An item's text as a reader sees it: a symbol font's glyph left inside it (a sub-bullet it absorbed,
    "Supervision was rare. \uf0a7 Managers were absent.") is no part of its words."""
    if PRIVATE_USE.search(text):
        text = PRIVATE_USE.sub(" ", text)
    return normalise_space(text)


def is_heading_text(text):
    """A short line without sentence punctuation: 'RECOMMENDATIONS', 'Key learning', 'Review 2- ongoing'."""
    text = normalise_space(text).strip("#").strip()
    if not text or len(text) > 90 or len(text.split()) > 12:
        return False
    if text[-1] in TERMINAL_PUNCTUATION + ",;:":
        return False
    return text[0].isupper() or text[0].isdigit()


# A short question on a line of its own heads the section that answers it: "What did the reviews tell us?",
# "Why does this matter?", "How can I find out more?".
QUESTION_HEADING = re.compile(
    r"^(?:(?:so|and|but),? )?(?:what|how|why|who|when|where|which|is|are|do|does|did|can|could|should|was|were|will)\b"
    r"[^.!?:;]{2,90}\?$"
)


def is_question_heading(text):
    text = normalise_space(text).strip("#").strip()
    return len(text.split()) <= 12 and bool(QUESTION_HEADING.match(text[:1].lower() + text[1:])) and text[0].isupper()


# "1. Background", "6. Recommendations": a numbered section of a briefing, its text on the lines below.
MAX_SECTION_TITLE_WORDS = 5


def is_numbered_section_title(line, marker, next_line):
    """A numbered line of a few heading words, followed by a line that starts a sentence of its own."""
    if marker is None or not marker.styles[0][0].startswith(("decimal", "(decimal)", "dotted")):
        return False
    title = line[marker.body_offset :].strip()
    following = strip_markup(next_line).lstrip()
    return (
        bool(title)
        and len(title.split()) <= MAX_SECTION_TITLE_WORDS
        and is_heading_text(title)
        and following[:1].isupper()
        and match_marker(next_line) is None
    )


def is_all_caps(text):
    text = strip_markup(text)
    return text.isupper() and sum(ch.isalpha() for ch in text[:20]) >= 3


def ends_sentence(text):
    text = normalise_space(text).rstrip("\"'’”)")
    return bool(text) and text[-1] in TERMINAL_PUNCTUATION


# A web page copied as text can put each bullet's glyph on a line of its own, the item's text on the next
# ("-" / "Information sharing: delays …" / "-" / …). The glyph's line end becomes a space (the text keeps its
# length, so every offset still points at the same character) when the glyph stands alone, the line after it
# has text, and that text is followed by another lone glyph or ends a sentence; a page needs two such bullets.
# (Within a paragraph the glyph line would otherwise join the text above it, and a heading above the list
# with it.)
LONE_BULLET = re.compile(rf"^([ \t]*{_BULLET})[ \t]*\n(?=[ \t]*([^\s{re.escape(BULLETS)}][^\n]*)(\n|$))", re.M)
LONE_BULLET_LINE = re.compile(rf"[ \t]*{_BULLET}[ \t]*$")


def join_lone_bullets(text):
    """The text with each lone bullet glyph joined to the line of text after it (same length)."""
    if "\n" not in text:
        return text
    joins = []
    for match in LONE_BULLET.finditer(text):
        following_line_end = match.end() + len(match.group(2))
        next_line = text[following_line_end + 1 : text.find("\n", following_line_end + 1) % (len(text) + 1)]
        if LONE_BULLET_LINE.match(next_line) or match.group(2).rstrip().endswith((".", "!", "?", ";")):
            joins.append(match.end() - 1)  # the line end after the glyph (and its spaces)
    if len(joins) < 2:
        return text
    characters = list(text)
    for position in joins:
        characters[position] = " "
    # on such a page a lone glyph over a heading or nothing is an empty bullet: the glyph is dropped
    joined = set(joins)
    for match in LONE_BULLET.finditer(text):
        if match.end() - 1 not in joined:
            glyph = match.start() + len(match.group(1)) - 1
            characters[glyph] = " "
    return "".join(characters)

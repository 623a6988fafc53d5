"""Leaflet and web-page text that is not learning: how to contact a helpline, what a case review is, a
page's own furniture. A learning brief carries it on every copy, so the library's extract of a search
result showed "please contact the NSPCC Helpline on 0808…" or "What prompts a review?" as learning.

The rule is by the kind of sentence, not a list of sentences: one that gives a way to get in touch (a
phone number, an e-mail or web address, a helpline), one that explains what a review is or why reviews
are held in general, or a web page's navigation and dates. Plain Python, tested on its own."""

import re

# A sentence (or a line: leaflets put one point on a line) ends at . ! ? or a line break.
# A full stop inside an address ("gov.uk", "www.example.org") does not end one.
_PIECES = re.compile(r"[^\n]*?(?:[.!?]+[\"'”’)]*(?=\s|$)\s*|\n|$)")

_PHONE = re.compile(r"(?<!\d)(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\d)")
_ADDRESS = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b|\bhttps?://|\bwww\.", re.I)
_GET_IN_TOUCH = re.compile(
    r"\b(helpline|call us|contact us|get in touch|e-?mail us|if you (have|are) (any )?(concerns?|worried)|"
    r"need (help|support|advice)|please contact|for (more|further) information)\b",
    re.I,
)
_REVIEW_KINDS = (
    r"(serious case review|child safeguarding practice review|local child safeguarding practice review|"
    r"rapid review|case review|practice review|learning review|review|scr|cspr|lcspr)s?"
)
# "What is a serious case review?", "What prompts a review?", "Why do we hold reviews?"
_ABOUT_REVIEWS_QUESTION = re.compile(rf"^\W*(\d+[.)]\s*)?(what|why|when|how)\b[^?]*\b{_REVIEW_KINDS}\b[^?]*\?", re.I)
# "A serious case review (SCR) is required to…", "A SCR takes place after…", "Reviews are held when…"
_ABOUT_REVIEWS_DEFINITION = re.compile(
    rf"^\W*(\d+[.)]\s*)?(an?|the purpose of an?|all)?\s*{_REVIEW_KINDS}\s*(\([a-z]+\))?\s+"
    r"(is|are|takes? place|must be|aims?|seeks?|looks?|happens?|will be)\b",
    re.I,
)
_PAGE_FURNITURE = re.compile(
    r"^\W*(skip to (main )?content|last (updated|reviewed)\b|back to top|cookies?\b|share this page|print this page)",
    re.I,
)


_NUMBERING = re.compile(r"^\s*\(?\d{1,3}[.)]\s*$")


def is_boilerplate(sentence):
    text = " ".join(sentence.split())
    if not text:
        return False
    return bool(
        _PHONE.search(text)
        or _ADDRESS.search(text)
        or _GET_IN_TOUCH.search(text)
        or _ABOUT_REVIEWS_QUESTION.search(text)
        or _ABOUT_REVIEWS_DEFINITION.search(text)
        or _PAGE_FURNITURE.search(text)
    )


def without_boilerplate(text):
    """The text with its boilerplate sentences taken out ("" when nothing else is left)."""
    kept, number = [], ""
    for piece in _PIECES.findall(text or ""):
        if _NUMBERING.match(piece):
            number += piece  # "1." is split off by its full stop: it goes with the sentence it numbers
            continue
        if piece.strip() and not is_boilerplate(piece):
            kept.append(number + piece)
        number = ""
    return re.sub(r"[ \t]+", " ", re.sub(r"\n{3,}", "\n\n", "".join(kept))).strip()

"""Plain text: UTF-8 if it decodes, else Windows-1252 (what Word's "Save as text" writes in England)."""

import os

from .errors import ExtractionError
from .limits import DEFAULT_LIMITS
from .source_text import SourceText, clean_characters


def read_txt(path, limits=DEFAULT_LIMITS):
    """A text file under the same bound on text as a PDF's or a Word file's (limits.max_text_characters);
    one that must be over it (four bytes make at least one character) is refused before it is read."""
    if os.path.getsize(path) > 4 * limits.max_text_characters:
        raise too_much_text(limits)
    text = decode_text(path)
    check_text_length(text, limits)
    pages = clean_characters(text).split("\f")
    return SourceText.from_pages(pages)


def decode_text(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def too_much_text(limits):
    return ExtractionError(
        f"The document has more than {limits.max_text_characters:,} characters of text, far more than any "
        "review report.",
        "Check it is the report itself; split a collection of documents into separate files.",
    )


def check_text_length(text, limits):
    if len(text) > limits.max_text_characters:
        raise too_much_text(limits)

"""Plain text: UTF-8 if it decodes, else Windows-1252 (what Word's "Save as text" writes in England)."""

from .source_text import SourceText, clean_characters


def read_txt(path):
    with open(path, "rb") as handle:
        raw = handle.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    pages = clean_characters(text).split("\f")
    return SourceText.from_pages(pages)

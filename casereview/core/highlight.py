"""Cutting a text into plain and highlighted pieces for the pages that show spans in their source."""


def highlighted_pieces(text, spans):
    """`spans` are (start, end, extra) with extra a dict merged into the highlighted piece. Overlapping
    spans after the first are skipped; every character of `text` appears exactly once."""
    pieces, cursor = [], 0
    for start, end, extra in sorted(spans, key=lambda span: span[0]):
        if start < cursor:
            continue
        pieces.append({"text": text[cursor:start]})
        pieces.append({"text": text[start:end], **extra})
        cursor = end
    pieces.append({"text": text[cursor:]})
    return pieces


# One page of a long text: about this many characters (a report of 300 pages has about 900,000, so a
# typical report reads in a few dozen parts and no page grows with the file).
PART_CHARACTERS = 20_000


def text_parts(text, size=PART_CHARACTERS):
    """(start, end) of consecutive parts of `text`, each about `size` characters, cut after a paragraph
    break when there is one in the part's last quarter, else after a line break or a space, so a word is
    never split. Together they cover every character once."""
    parts, start = [], 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            floor = start + size * 3 // 4
            for mark in ("\n\n", "\n", " "):
                cut = text.rfind(mark, floor, end)
                if cut >= 0:
                    end = cut + len(mark)
                    break
        parts.append((start, end))
        start = end
    return parts or [(0, 0)]


def highlighted_window(text, spans, start, end):
    """`highlighted_pieces` for text[start:end], with spans given in the whole text's offsets (clipped)."""
    return highlighted_pieces(
        text[start:end],
        [(max(s, start) - start, min(e, end) - start, extra) for s, e, extra in spans if s < end and e > start],
    )

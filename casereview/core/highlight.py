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

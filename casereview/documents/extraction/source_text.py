"""The text every span points into, with the page each character is on."""

import bisect
from dataclasses import dataclass

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
PAGE_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class SourceText:
    text: str
    page_starts: tuple[int, ...] = (0,)

    @classmethod
    def from_pages(cls, pages):
        starts, offset = [], 0
        for page in pages:
            starts.append(offset)
            offset += len(page) + len(PAGE_SEPARATOR)
        return cls(PAGE_SEPARATOR.join(pages), tuple(starts) or (0,))

    @property
    def page_count(self):
        return len(self.page_starts)

    def page_of(self, offset):
        return bisect.bisect_right(self.page_starts, offset)


def clean_characters(text):
    """Ligatures, Windows line ends, non-breaking spaces: what breaks matching but no reader notices."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    for ligature, letters in LIGATURES.items():  # str.replace is far quicker than str.translate here
        if ligature in text:
            text = text.replace(ligature, letters)
    return text

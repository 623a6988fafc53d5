"""A page's own title: its first paragraph that is not the site's furniture, under a PDF's running header."""

import re

TITLE_START = 300  # characters: a page's own title, before its navigation and body
# A page's furniture before its title: "Skip to main content", "Menu", "Members login".
PAGE_CHROME = re.compile(
    r"^(?:skip\b.*|menu|home|search|members? log ?in|sign in|top of page|back to top|.*\s[»›]\s.*)$", re.I
)


def title_paragraph(text):
    """The page's first paragraph that is not its furniture."""
    for paragraph in text[:TITLE_START].split("\n\n"):
        lines = [line for line in paragraph.strip().splitlines() if not PAGE_CHROME.match(line.strip())]
        if lines:
            return "\n".join(lines)
    return ""


LABEL_WORDS = 3  # a paragraph this short over the title is a label: a site's or paper's name, "Agenda item"


def heading(text):
    """The page's title under a PDF's running header; with the paragraph after it when the first is only a
    label over it ("Belfast Telegraph", "Agenda item")."""
    paragraphs = []
    for paragraph in without_running_header(text)[:TITLE_START].split("\n\n"):
        lines = [line for line in paragraph.strip().splitlines() if not PAGE_CHROME.match(line.strip())]
        if lines:
            paragraphs.append("\n".join(lines))
            if len(paragraphs) == 2 or len(paragraphs[0].split()) > LABEL_WORDS:
                break
    return "\n".join(paragraphs)


def without_running_header(text):
    """The text after a PDF's running header, when its first line is the title cut short ("An Ofsted probe
    after … services..." over the title in full)."""
    first, _, rest = text.lstrip().partition("\n")
    stem = first.strip().rstrip(".…").strip()
    if len(stem) >= 20 and rest.lstrip().startswith(stem):
        return rest.lstrip()
    return text

"""Pages that list many reviews: repository listings, monthly updates, news pages, rows of a dataset.

Each review's entry opens with a line giving its year, its area and the child's pseudonym, in the national
repository's form ("December 2013 - Derbyshire - BDS12", "2017 – Anonymous - Child AB"); its summary,
"Learning: …", "Recommendations: …" and "Keywords: …" follow until the next entry. Each entry becomes a
ReviewEntry, so that it can become its own record in the library; the flat lists stay as they are."""

import re
from dataclasses import asdict, dataclass, field

MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DASH = r"\s*[-–—]\s*"
ENTRY_HEADER = re.compile(
    rf"^[ \t]*(?:{MONTH}\s+)?(?P<year>(?:19|20)\d\d)(?:{DASH}|(?=[A-Z]))(?P<area>[^\n–—]{{2,80}}?){DASH}"
    rf"(?P<pseudonym>[^\n]{{1,80}}?)[ \t]*$",
    re.M,
)
# Who wrote or published the entry rather than where the review was: no area.
NO_AREA = re.compile(r"^(?:anonymous|unknown|not known|nspcc\b.*|.*\bunnamed\b.*)$", re.I)
KEYWORDS = re.compile(r"^[ \t]*Keywords?\s*:\s*(?P<words>[^\n]+)", re.I | re.M)
SENTENCE = re.compile(r".+?[.!?](?=\s|$)|.+$", re.S)
# A pseudonym as a listing writes it: "Child AB", "Baby A", "BDS12", "Katie", "Charlie and Sam".
NAME = re.compile(r"^(?:(?:Child|Baby|Infant|Young Person|Sibling)\s+[A-Z0-9]{1,3}\b|[A-Z][a-z]+|[A-Z]{1,4}\d{0,3})$")


KIND_OF_REVIEW_CODE = re.compile(r"^(?:DHRs?|SARs?|SCRs?|L?CSPRs?|LSCBs?|LSCPs?)$")


@dataclass
class ReviewEntry:
    pseudonym: str
    area: str | None
    year: str
    summary: str
    learning_points: list[str] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    summary_paragraph: str = ""

    def as_dict(self):
        record = asdict(self)
        del record["start"], record["end"], record["summary_paragraph"]
        return record


def find_review_entries(text, learning_points, recommendations):
    """[ReviewEntry…] in page order; empty for a document about one review that lists no entries."""
    headers = [m for m in ENTRY_HEADER.finditer(text) if _is_entry_header(m)]
    entries = []
    for n, match in enumerate(headers):
        end = headers[n + 1].start() if n + 1 < len(headers) else len(text)
        area = " ".join(match["area"].split())
        entry = ReviewEntry(
            pseudonym=" ".join(match["pseudonym"].split()),
            area=None if NO_AREA.match(area) else area,
            year=match["year"],
            summary=_summary(text, match.end(), end),
            learning_points=[i.text for i in learning_points if match.start() <= i.start < end],
            recommendations=[i.text for i in recommendations if match.start() <= i.start < end],
            keywords=_keywords(text, match.end(), end),
            start=match.start(),
            end=end,
            summary_paragraph=_first_paragraph(text, match.end(), end),
        )
        entries.append(entry)
    return entries


def _is_entry_header(match):
    """A short line of its own with at most a few words either side of the dashes, not a sentence."""
    area, pseudonym = match["area"].strip(), match["pseudonym"].strip()
    if pseudonym.endswith((".", ",", ";", ":")) or len(pseudonym.split()) > 6 or len(area.split()) > 8:
        return False
    return area[:1].isupper() and (pseudonym[:1].isupper() or pseudonym[:1].isdigit())


def _summary(text, start, end):
    """The first sentence of the entry's first paragraph (what happened to the child)."""
    body = text[start:end].strip()
    if not body:
        return ""
    match = SENTENCE.match(body)
    return " ".join(match.group().split()) if match else ""


def _first_paragraph(text, start, end):
    """What happened: the entry's text before its first labelled part ("Background:", "Learning:")."""
    body = text[start:end].strip()
    paragraph = re.split(r"\n\s*\n|\n(?=[A-Z][\w ]{2,30}:)|(?<=[.!?])\s+(?=[A-Z][\w ]{2,30}:)", body, maxsplit=1)[0]
    return " ".join(paragraph.split())


def _keywords(text, start, end):
    match = KEYWORDS.search(text, start, end)
    if not match:
        return []
    return [word.strip(" .") for word in match["words"].split(",") if word.strip(" .")]


def entry_pseudonyms(entries):
    """The children the entries name, as written: 'Child F and Family' gives Child F, 'Charlie and Sam' two."""
    names = []
    for entry in entries:
        for part in re.split(r"\s+and\s+|\s*,\s*|\s*&\s*", entry.pseudonym):
            part = part.strip()
            if NAME.match(part) and part.lower() not in ("anonymous", "family") and part not in names:
                if KIND_OF_REVIEW_CODE.match(part):
                    continue  # "DHR" where a listing puts the pseudonym: the kind of review, no child
                names.append(part)
    return names

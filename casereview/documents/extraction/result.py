"""The typed result of extracting one document: what the CLI prints and what the review screens will show.

The JSON shape is that of the gold files in shared/corpus, so an extraction can be scored against them and
checked by a person item by item (each item says where in `SourceText.text` it came from)."""

from dataclasses import asdict, dataclass, field

DATE_KEYS = ("incident", "review_start", "review_end", "published")


@dataclass(frozen=True)
class Item:
    """One learning point or recommendation: its complete text and where it was found."""

    text: str
    page: int  # 1-based page of `start`
    start: int  # character offsets into the exposed text
    end: int
    confidence: float


@dataclass
class Extraction:
    source: str
    doc_type: str = "other"
    review_type: str = "unknown"
    child_pseudonyms: list[str] = field(default_factory=list)
    partnership: str | None = None
    dates: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(DATE_KEYS))
    agencies_involved: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    methodology: str | None = None
    learning_points: list[Item] = field(default_factory=list)
    recommendations: list[Item] = field(default_factory=list)
    # A page that lists many reviews: one entry per review (reviews.ReviewEntry), else empty.
    reviews: list = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    pages: int = 1

    def counts(self):
        return {"learning_points": len(self.learning_points), "recommendations": len(self.recommendations)}

    def as_gold_dict(self):
        """The gold files' keys, in their order, and `reviews` (the entries of a page that lists many
        reviews, [] otherwise); `methodology` and `pages` stay on the object."""
        return {
            "source": self.source,
            "doc_type": self.doc_type,
            "review_type": self.review_type,
            "child_pseudonyms": list(self.child_pseudonyms),
            "partnership": self.partnership,
            "dates": dict(self.dates),
            "agencies_involved": list(self.agencies_involved),
            "learning_points": [asdict(item) for item in self.learning_points],
            "recommendations": [asdict(item) for item in self.recommendations],
            "themes": list(self.themes),
            "counts": self.counts(),
            "reviews": [entry.as_dict() for entry in self.reviews],
            "notes": list(self.notes),
        }

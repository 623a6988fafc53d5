"""The learning library: one entry per learning point, recommendation or review summary, the partnership's
own (kept in step with its reviews) or the national collection's (brought in by a system administrator and
shared read-only with every partnership), and the seven-minute briefings written from them."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models

from casereview.core.models import BaseModel
from casereview.core.scoping import ScopedQuerySet


class Kind(models.TextChoices):
    LEARNING_POINT = "learning_point", "Learning point"
    RECOMMENDATION = "recommendation", "Recommendation"
    SUMMARY = "summary", "Review summary"


class Source(models.TextChoices):
    OURS = "ours", "Our reviews"
    OTHER_PARTNERSHIP = "other_partnership", "Another partnership"
    NATIONAL = "national", "National"


class AgeGroup(models.TextChoices):
    UNDER_ONE = "under_1", "Under one"
    ONE_TO_FOUR = "1_4", "1 to 4 years"
    FIVE_TO_ELEVEN = "5_11", "5 to 11 years"
    TWELVE_TO_SEVENTEEN = "12_17", "12 to 17 years"
    YOUNG_ADULT = "18_plus", "18 or over"


class Sector(models.TextChoices):
    SOCIAL_CARE = "social_care", "Children's social care"
    HEALTH = "health", "Health"
    POLICE = "police", "Police"
    EDUCATION = "education", "Education"
    PROBATION = "probation", "Probation"
    OTHER = "other", "Other agencies"


BRIEF_WORDS = 2


class Entry(models.Model):
    """A whole-number key, so the SQLite full-text table can use it as its rowid."""

    partnership = models.ForeignKey(
        "accounts.Partnership", null=True, blank=True, on_delete=models.CASCADE, related_name="library_entries"
    )
    review = models.ForeignKey(
        "reviews.Review", null=True, blank=True, on_delete=models.CASCADE, related_name="library_entries"
    )
    finding_id = models.UUIDField(null=True, blank=True, unique=True, help_text="The learning point or recommendation")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    number = models.PositiveSmallIntegerField(default=0)
    # How the published report numbers it ("3.1"), copied from the finding or the import; blank if it does not.
    report_number = models.CharField(max_length=20, blank=True, default="")
    text = models.TextField()
    review_title = models.CharField(max_length=200)
    # Groups one review's entries: "review:<uuid>" for ours, "<document>#<pseudonym>" for imported ones.
    review_key = models.CharField(max_length=300, db_index=True)
    source = models.CharField(max_length=20, choices=Source.choices)
    source_document = models.CharField(max_length=300, blank=True, help_text="The file it was imported from")
    source_title = models.CharField(max_length=300, blank=True, help_text="That document's own title")
    source_name = models.CharField(max_length=300, blank=True, help_text="The partnership or body it came from")
    source_page = models.PositiveIntegerField(null=True, blank=True)
    source_start = models.PositiveIntegerField(null=True, blank=True)
    source_end = models.PositiveIntegerField(null=True, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True, db_index=True)
    review_type = models.CharField(max_length=40, blank=True)
    age_group = models.CharField(max_length=10, choices=AgeGroup.choices, blank=True)
    is_published = models.BooleanField(default=False)
    is_confidential = models.BooleanField(default=False)
    themes = models.ManyToManyField("core.Theme", blank=True, related_name="library_entries")
    themes_confirmed = models.BooleanField(default=False, help_text="A person confirmed or changed the suggestions")
    search_vector = SearchVectorField(null=True, editable=False)
    # The filters' values packed into two integers (search.refresh_facets: the themes by their place in the
    # taxonomy; source, kind, age group, year and sectors), so one pass over a search's matches counts every
    # filter without a join. Kept in step by search.index_entries, which every writer calls, and the themes'
    # m2m signal.
    theme_bits = models.BigIntegerField(default=0, editable=False)
    facet_code = models.BigIntegerField(default=0, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-year", "review_title", "kind", "number"]
        verbose_name_plural = "entries"
        indexes = [
            models.Index(fields=["partnership", "source"]),
            # What a search reads of each full-text match (visibility, the filters' values), narrow enough
            # for SQLite to check its matches in this index instead of the entries' rows (search.py).
            models.Index(
                fields=[
                    "id",
                    "partnership",
                    "is_published",
                    "is_confidential",
                    "review",
                    "theme_bits",
                    "facet_code",
                    "review_type",
                ],
                name="library_entry_search_cover",
            ),
        ]
        constraints = [
            # the national collection never holds a partnership's own review
            models.CheckConstraint(
                condition=models.Q(partnership__isnull=False) | models.Q(review__isnull=True),
                name="national_entries_have_no_review",
            )
        ]

    def __str__(self):
        return f"{self.review_title}: {self.text[:80]}"

    @property
    def label(self):
        """The number a reader is shown: the report's ("3.1") if known, else ours; "" if neither."""
        return self.report_number or (str(self.number) if self.number else "")

    @property
    def is_national(self):
        return self.partnership_id is None

    @property
    def document_title(self):
        """What the document it came from is called, for a reader: its own title, or for an entry imported
        before titles were kept, its file name without the numbering and the underscores."""
        if self.source_title:
            return self.source_title
        import re

        words = re.sub(r"^\d+[_ -]+", "", self.source_document).replace("_", " ").strip()
        return words[:1].upper() + words[1:]

    @property
    def is_brief(self):
        """A suggestion of the national collection's extraction that is a word or two ("Neglect"): a
        heading read as learning. It teaches nothing, so a search does not match it by its words."""
        return self.partnership_id is None and len(self.text.split()) <= BRIEF_WORDS


class EntrySector(models.Model):
    """The kinds of agency an entry concerns, for the agency-sector filter."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="sectors")
    sector = models.CharField(max_length=20, choices=Sector.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "sector"], name="one_sector_per_entry")]
        indexes = [models.Index(fields=["sector", "entry"])]

    def __str__(self):
        return f"{self.get_sector_display()}: {self.entry}"


class Briefing(BaseModel):
    """A seven-minute briefing: one page a team reads together."""

    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.CASCADE, related_name="briefings")
    review_key = models.CharField(max_length=300, blank=True)
    title = models.CharField(max_length=200)
    what_happened = models.TextField("What happened")
    key_learning = models.TextField("Key learning")
    for_practice = models.TextField("What it means for practice")
    questions = models.TextField("Questions to reflect on")
    published_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-published_on", "-created"]

    def __str__(self):
        return f"Seven-minute briefing: {self.title}"

    @property
    def is_published(self):
        return self.published_on is not None

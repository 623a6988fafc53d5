"""Documents people bring in (published reviews, committee papers) and what the extractor found in them,
waiting for a person to accept, edit or reject each item before anything counts."""

from django.conf import settings
from django.db import models

from casereview.core.models import BaseModel, Withdrawable, WithdrawableQuerySet
from casereview.core.scoping import ScopedQuerySet


class ImportBatch(BaseModel):
    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.PROTECT, related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    @property
    def is_finished(self):
        return self.processed >= self.total

    def __str__(self):
        return f"Library import of {self.total} document{'s' if self.total != 1 else ''}"


class DocumentStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to be read"
    READY = "ready", "Ready to check"
    FAILED = "failed", "Could not be read"
    APPLIED = "applied", "Added to a review"


class Document(Withdrawable, BaseModel):
    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.PROTECT, related_name="documents")
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents")
    review = models.ForeignKey(
        "reviews.Review", null=True, blank=True, on_delete=models.SET_NULL, related_name="documents"
    )
    file_name = models.CharField(max_length=255)
    stored_as = models.CharField(max_length=255, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.QUEUED)
    problem = models.TextField(blank=True)
    text = models.TextField(blank=True)
    pages = models.PositiveIntegerField(default=0)
    page_starts = models.JSONField(default=list, blank=True)
    doc_type = models.CharField(max_length=30, blank=True)
    review_type = models.CharField(max_length=30, blank=True)
    child_pseudonyms = models.CharField(max_length=300, blank=True)
    partnership_named = models.CharField(max_length=300, blank=True)
    # What the document says of its review, kept for the review made from it: theme and sector tags, and its
    # dates as written ({"incident": "March 2014", "published": "August 2015", …}).
    themes_found = models.JSONField(default=list, blank=True)
    agencies_found = models.JSONField(default=list, blank=True)
    dates_found = models.JSONField(default=dict, blank=True)
    notes = models.JSONField(default=list, blank=True)

    objects = WithdrawableQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.file_name


class ItemKind(models.TextChoices):
    LEARNING_POINT = "learning_point", "Learning point"
    RECOMMENDATION = "recommendation", "Recommendation"


class ItemDecision(models.TextChoices):
    PENDING = "pending", "Not checked yet"
    ACCEPTED = "accepted", "Accepted"
    REJECTED = "rejected", "Rejected"


class ExtractedItem(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20, choices=ItemKind.choices)
    position = models.PositiveSmallIntegerField()
    text = models.TextField(help_text="As extracted")
    final_text = models.TextField(blank=True, help_text="As accepted, after any edit")
    page = models.PositiveIntegerField(default=1)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    confidence = models.FloatField()
    decision = models.CharField(max_length=20, choices=ItemDecision.choices, default=ItemDecision.PENDING)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "document__partnership"

    class Meta:
        ordering = ["kind", "position"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.position} found in {self.document}"

"""Documents people bring in (published reviews, committee papers) and what the extractor found in them,
waiting for a person to accept, edit or reject each item before anything counts."""

from django.conf import settings
from django.db import models

from casereview.accounts.models import ScopedQuerySet
from casereview.core.models import BaseModel


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


class DocumentStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to be read"
    READY = "ready", "Ready to check"
    FAILED = "failed", "Could not be read"
    APPLIED = "applied", "Added to a review"


class Document(BaseModel):
    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.PROTECT, related_name="documents")
    batch = models.ForeignKey(ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="documents")
    review = models.ForeignKey("reviews.Review", null=True, blank=True, on_delete=models.SET_NULL, related_name="documents")
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
    notes = models.JSONField(default=list, blank=True)

    objects = ScopedQuerySet.as_manager()
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


class ReportStatus(models.TextChoices):
    QUEUED = "queued", "Being checked for identifying details"
    READY = "ready", "Ready to anonymise"
    FAILED = "failed", "Could not be read"


class Report(BaseModel):
    """The review's final report, as written, waiting to be anonymised and published."""

    review = models.OneToOneField("reviews.Review", on_delete=models.CASCADE, related_name="report")
    file_name = models.CharField(max_length=255)
    text = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=ReportStatus.choices, default=ReportStatus.QUEUED)
    problem = models.TextField(blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    sent_to_panel_on = models.DateField(
        "Sent to the national panel and the Secretary of State on", null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"


class ReportDetection(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="detections")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    type = models.CharField(max_length=20)
    text = models.CharField(max_length=500)

    class Meta:
        ordering = ["start"]


class TermStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Replaced"
    ALLOWED = "allowed", "Allowed (not identifying)"


class ReplacementTerm(BaseModel):
    """One row of the review's replacement table, shared by all its documents."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="replacement_terms")
    original = models.CharField(max_length=500)
    replacement = models.CharField(max_length=500, blank=True)
    type = models.CharField(max_length=20)
    status = models.CharField(max_length=20, choices=TermStatus.choices, default=TermStatus.PROPOSED)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    added_by_reviewer = models.BooleanField(default=False)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        ordering = ["status", "type", "original"]
        constraints = [models.UniqueConstraint(fields=["review", "original"], name="one_row_per_term_per_review")]


class SignOffKind(models.TextChoices):
    PANEL = "panel", "Review panel"
    POLICE = "police", "Police (criminal proceedings)"
    LEGAL = "legal", "Legal"


class SignOff(BaseModel):
    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="sign_offs")
    kind = models.CharField(max_length=20, choices=SignOffKind.choices)
    signed_on = models.DateField()
    signed_by = models.CharField(max_length=200, help_text="Name and role of the person who signed off")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "kind"], name="one_sign_off_of_a_kind")]


class PublicationHold(BaseModel):
    """A reason not to publish yet, e.g. criminal proceedings (seeds/003)."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="holds")
    reason = models.TextField()
    placed_on = models.DateField()
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    lifted_on = models.DateField(null=True, blank=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        ordering = ["-placed_on"]


class Publication(BaseModel):
    review = models.OneToOneField("reviews.Review", on_delete=models.PROTECT, related_name="publication")
    published_on = models.DateField()
    public_url = models.URLField(blank=True)
    remove_after = models.DateField(help_text="Kept online at least until")
    anonymised_text = models.TextField()
    docx_file = models.CharField(max_length=255)
    pdf_file = models.CharField(max_length=255)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

"""A review's final report on its way to publication: what the detector found in it, the review's replacement
table, the sign-offs and holds the gate checks, and the publication itself.

The tables were created by the documents app and keep their names (``db_table``)."""

from django.conf import settings
from django.db import models

from casereview.core.models import BaseModel
from casereview.core.scoping import ScopedQuerySet


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
        "Sent to the national panel and the Secretary of State on", null=True, blank=True
    )
    # The publication gate's check of the anonymised text, kept with a digest of everything it was made from
    # (the text, the table, the known details, the age setting and the engine's own code): the gate reuses
    # it while the digest matches, and a long report is checked again in the background when it does not.
    checked_digest = models.CharField(max_length=64, blank=True)
    checked_output = models.TextField(blank=True)
    checked_found = models.JSONField(default=list, blank=True)
    checked_found_total = models.PositiveIntegerField(default=0)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"
    # The text is the report before anonymisation: the trail says it changed, never what it says.
    audit_restricted_fields = ("text", "checked_output")

    class Meta:
        db_table = "documents_report"

    def __str__(self):
        return f"The final report of {self.review.title}"


class ReportDetection(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="detections")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    type = models.CharField(max_length=20)
    text = models.CharField(max_length=500)

    class Meta:
        db_table = "documents_reportdetection"
        ordering = ["start"]

    def __str__(self):
        # the detected text is an identifying detail of the child or family: never in a description
        return f"A {self.type.lower()} found in the final report of {self.report.review.title}"


class TermStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Replaced"
    ALLOWED = "allowed", "Allowed (not identifying)"


TYPE_LABELS = {
    "PERSON": "person",
    "ADDRESS": "address",
    "POSTCODE": "postcode",
    "PLACE": "place",
    "SCHOOL": "school",
    "HEALTH_SETTING": "health setting",
    "PHONE": "phone number",
    "EMAIL": "e-mail address",
    "NHS_NUMBER": "NHS number",
    "NI_NUMBER": "National Insurance number",
    "DATE": "date",
    "DATE_OF_BIRTH": "date of birth",
    "AGE": "age",
    "ETHNICITY": "ethnicity",
    "RELIGION": "faith",
    "OTHER": "other identifying detail",
}


class ReplacementTerm(BaseModel):
    """One row of the review's replacement table, shared by all its documents."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="replacement_terms")
    original = models.CharField(max_length=500)
    replacement = models.CharField(max_length=500, blank=True)
    type = models.CharField(max_length=20)
    status = models.CharField(max_length=20, choices=TermStatus.choices, default=TermStatus.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    added_by_reviewer = models.BooleanField(default=False)
    # shaped like an identifier whose check digit or prefix is not valid: redacted, but the reviewer is asked
    doubtful = models.BooleanField(default=False)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    @property
    def type_label(self):
        return TYPE_LABELS.get(self.type, self.type.lower())

    @property
    def kept_as_written(self):
        """Replaced by itself: published as written (an age, a month and year) unless the reviewer edits it."""
        return self.status == TermStatus.ACCEPTED and self.replacement == self.original

    class Meta:
        db_table = "documents_replacementterm"
        ordering = ["status", "type", "original"]
        constraints = [models.UniqueConstraint(fields=["review", "original"], name="one_row_per_term_per_review")]

    def __str__(self):
        # `original` is the identifying detail itself, and the audit trail and home page are read more widely
        # than the table: the description names the table, never the row (walkthrough 10, finding 2)
        return f"A replacement in {self.review.title}'s replacement table"


class ReportSignOffKind(models.TextChoices):
    PANEL = "panel", "Review panel"
    POLICE = "police", "Police (criminal proceedings)"
    LEGAL = "legal", "Legal adviser"


class ReportSignOff(BaseModel):
    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="sign_offs")
    kind = models.CharField(max_length=20, choices=ReportSignOffKind.choices)
    signed_on = models.DateField()
    signed_by = models.CharField(max_length=200, help_text="Name and role of the person who signed off")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # A sign-off is of the anonymised text: the SHA-256 of the text it was given for. When the table (or the
    # report) changes the text afterwards, the sign-off is for an earlier text and must be given again.
    # Blank for a sign-off recorded before casereview kept it: it too must be given again.
    text_digest = models.CharField(max_length=64, blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        db_table = "documents_signoff"
        constraints = [models.UniqueConstraint(fields=["review", "kind"], name="one_sign_off_of_a_kind")]

    def __str__(self):
        return f"{self.get_kind_display()} sign-off of the report of {self.review.title}"


class PublicationHold(BaseModel):
    """A reason not to publish yet, e.g. criminal proceedings (the Southwark response to Child R, docs/domain.md)."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="holds")
    reason = models.TextField()
    placed_on = models.DateField()
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    lifted_on = models.DateField(null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_reason = models.TextField("Why the hold was lifted", blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        db_table = "documents_publicationhold"
        ordering = ["-placed_on"]

    def __str__(self):
        return f"Hold on publishing the report of {self.review.title}"


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

    class Meta:
        db_table = "documents_publication"

    def __str__(self):
        return f"The published report of {self.review.title}"

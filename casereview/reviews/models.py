import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from casereview.core import report_numbers
from casereview.core.models import BaseModel, Withdrawable, WithdrawableQuerySet
from casereview.core.scoping import ScopedQuerySet
from casereview.core.working_days import working_days_between


class ReviewType(models.TextChoices):
    SERIOUS_CASE_REVIEW = "scr", "Serious case review"
    LOCAL_CSPR = "local_cspr", "Local child safeguarding practice review"
    NATIONAL = "national", "National review"
    LEARNING_REVIEW = "learning_review", "Multi-agency learning review"
    THEMATIC = "thematic", "Thematic review"
    EXTENDED_LEARNING = "extended_learning", "Extended learning review"


class Stage(models.TextChoices):
    SCOPING = "scoping", "Scoping"
    TERMS_AGREED = "terms_agreed", "Terms of reference agreed"
    AGENCY_INFORMATION = "agency_information", "Agency information"
    LEARNING_EVENT = "learning_event", "Learning event"
    DRAFTING = "drafting", "Drafting"
    PANEL_SIGN_OFF = "panel_sign_off", "Panel sign-off"
    PARTNERSHIP_SIGN_OFF = "partnership_sign_off", "Partnership sign-off"
    SENT_TO_PANEL = "sent_to_panel", "Sent to the national panel and Secretary of State"
    PUBLISHED = "published", "Published"
    NOT_PUBLISHED = "not_published", "Decided not to publish the report"
    ACTION_PLAN = "action_plan", "Action plan monitoring"
    CLOSED = "closed", "Closed"


STAGE_ORDER = list(Stage.values)


class Review(BaseModel):
    """A case review, from the decision to review to its closure."""

    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.PROTECT, related_name="reviews")
    incident = models.OneToOneField(
        "incidents.Incident", null=True, blank=True, on_delete=models.PROTECT, related_name="review"
    )
    title = models.CharField(max_length=200, help_text="Usually the child's pseudonym, e.g. Child R")
    subjects = models.CharField(
        max_length=300, blank=True, help_text="Pseudonyms of the children the review concerns, if more than one"
    )
    review_type = models.CharField(max_length=30, choices=ReviewType.choices)
    stage = models.CharField(max_length=30, choices=Stage.choices, default=Stage.SCOPING)
    decided_on = models.DateField("Decision to review made on")
    target_completion = models.DateField()
    published_on = models.DateField(null=True, blank=True)
    not_published_reason = models.TextField(blank=True)
    is_confidential = models.BooleanField(
        default=False, help_text="Visible only to the business manager, the chair and the review's panel and reviewer"
    )
    themes = models.ManyToManyField("core.Theme", blank=True, related_name="reviews")
    # The agencies that worked with the child and family, whose practice the review looks at (not the panel).
    agencies = models.ManyToManyField("accounts.Agency", blank=True, related_name="reviews_involved")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-decided_on"]

    def __str__(self):
        return f"{self.get_review_type_display()}: {self.title}"

    @property
    def days_to_target(self):
        """Working days to the completion target (negative once past it), as every other deadline counts."""
        return working_days_between(timezone.localdate(), self.target_completion)

    @property
    def is_finished(self):
        return self.stage in (Stage.PUBLISHED, Stage.NOT_PUBLISHED, Stage.ACTION_PLAN, Stage.CLOSED)


class StageChange(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="stage_changes")
    stage = models.CharField(max_length=30, choices=Stage.choices)
    changed_on = models.DateField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_on", "recorded_at"]

    def __str__(self):
        return f"{self.review.title}: {self.get_stage_display()} on {self.changed_on.day} {self.changed_on:%B %Y}"


class Methodology(models.TextChoices):
    SCIE = "scie", "SCIE Learning Together"
    WELSH = "welsh", "Welsh child practice review"
    SYSTEMS = "systems", "Systems approach"
    SILP = "silp", "Significant Incident Learning Process (SILP)"
    OTHER = "other", "Other"


class TermsOfReference(BaseModel):
    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="terms")
    scope_start = models.DateField("Scope from")
    scope_end = models.DateField("Scope to")
    lines_of_enquiry = models.TextField("Key lines of enquiry")
    methodology = models.CharField(max_length=20, choices=Methodology.choices)
    methodology_other = models.CharField(max_length=200, blank=True)
    agreed_on = models.DateField(null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    def clean(self):
        if self.scope_start and self.scope_end and self.scope_end < self.scope_start:
            raise ValidationError({"scope_end": "The end of the scope period must be after its start"})
        if self.methodology == Methodology.OTHER and not self.methodology_other.strip():
            raise ValidationError({"methodology_other": "Name the methodology"})

    def __str__(self):
        return f"Terms of reference for {self.review.title}"


class PanelMember(BaseModel):
    """A senior manager on the review panel, by agency (the Tower Hamlets SCR paper §3.4, docs/domain.md)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="panel")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="panel_seats"
    )
    name = models.CharField(max_length=200)
    job_title = models.CharField(max_length=200, blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        ordering = ["agency__name", "name"]

    def __str__(self):
        return f"{self.name}, on the review panel for {self.review.title}"


class ReviewerAppointment(BaseModel):
    """An independent reviewer, with their declaration that they are independent of the case and the
    agencies involved."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reviewer_appointments")
    appointed_on = models.DateField()
    is_lead = models.BooleanField(default=True)
    independence_declaration = models.TextField()
    declared_on = models.DateField()

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["review", "user"], name="one_appointment_per_reviewer")]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.username}, independent reviewer for {self.review.title}"


class ContributionKind(models.TextChoices):
    CHRONOLOGY = "chronology", "Chronology"
    AGENCY_REPORT = "agency_report", "Agency report (management review or summary)"


class ContributionStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    RECEIVED = "received", "Received"
    QUALITY_ASSURED = "quality_assured", "Quality-assured"


def agency_report_path(instance, filename):
    # the agency's file name is kept in `report_file_name`; storage uses the record's key and a fresh one per
    # file, so a corrected copy never overwrites the one the reviewer may already have read
    return f"agency-reports/{instance.pk}/{uuid.uuid4().hex}"


class AgencyContribution(BaseModel):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="contributions")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="contributions")
    kind = models.CharField(max_length=20, choices=ContributionKind.choices)
    requested_on = models.DateField()
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=ContributionStatus.choices, default=ContributionStatus.REQUESTED)
    received_on = models.DateField(null=True, blank=True)
    quality_assured_on = models.DateField(null=True, blank=True)
    report_text = models.TextField(blank=True)
    # an agency's report as its own Word or PDF file: a management review runs to tens of pages (walkthrough
    # 11, finding 1), and its headings and tables are lost when pasted into a box
    report_file = models.FileField(upload_to=agency_report_path, blank=True)
    report_file_name = models.CharField(max_length=255, blank=True)
    report_content_type = models.CharField(max_length=100, blank=True)  # judged from the bytes
    report_size = models.PositiveIntegerField(null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        ordering = ["agency__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["review", "agency", "kind"], name="one_contribution_of_a_kind_per_agency")
        ]

    def __str__(self):
        return f"{self.agency}: {self.get_kind_display().lower()}"

    @property
    def is_overdue(self):
        return self.status == ContributionStatus.REQUESTED and self.due_date < timezone.localdate()

    @property
    def report_kind_name(self):
        """What the attached report is, as a person says it ("PDF"), from the type its bytes were judged."""
        return {
            "application/pdf": "PDF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
            "text/plain": "Text",
        }.get(self.report_content_type, "Document")


class DatePrecision(models.TextChoices):
    EXACT = "exact", "Exact"
    MONTH = "month", "Month"
    APPROXIMATE = "approximate", "Approximate"


class ChronologyEntry(models.Model):
    """One event in one agency's chronology. `sort_date` places month-only and approximate dates
    sensibly in the merged chronology (the middle of the month) while `event_date` keeps what was given."""

    contribution = models.ForeignKey(AgencyContribution, on_delete=models.CASCADE, related_name="entries")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="chronology")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="+")
    event_date = models.DateField()
    event_time = models.TimeField(null=True, blank=True)
    date_precision = models.CharField(max_length=20, choices=DatePrecision.choices, default=DatePrecision.EXACT)
    sort_date = models.DateField(db_index=True)
    event_type = models.CharField(max_length=100)
    # The type in the agency's own words when the import filed it under another of the chronology's types
    # ("A&E attendance" as "Hospital attendance"); NULL when the type is the agency's own (or differs only in
    # its capitals), and for events imported before it was kept. Nullable, not blank with a default: on
    # SQLite a NOT NULL or defaulted column remakes the table, which drops the tally triggers (0008).
    event_type_as_sent = models.CharField(max_length=100, null=True, blank=True)
    description = models.TextField()
    practitioner_role = models.CharField(max_length=200, blank=True)
    source_reference = models.CharField(max_length=200, blank=True)
    row_number = models.PositiveIntegerField(default=0)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        ordering = ["sort_date", "event_time", "agency__name", "row_number"]
        indexes = [models.Index(fields=["review", "sort_date"])]

    def __str__(self):
        # the description is the agency's own words about the family: the trail names the event by its date
        return (
            f"{self.agency}'s chronology event of {self.event_date.day} {self.event_date:%B %Y} ({self.review.title})"
        )


class ChronologyTally(models.Model):
    """How many of a review's chronology entries there are of each event type, agency and year, kept up to
    date by the database itself (triggers on the entries, migration reviews 0008), so the merged
    chronology's filter, derived facts, timeline and page count read a hundred rows, not a review's 16,000
    entries, whichever way the entries are written (an import, a row typed on the page, the seeders)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE, related_name="+")
    event_type = models.CharField(max_length=100)
    year = models.IntegerField()
    n = models.IntegerField()

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "agency", "event_type", "year"], name="one_tally_per_cell")
        ]

    def __str__(self):
        return f"{self.agency}'s count of {self.event_type} events ({self.review.title})"


class DuplicateStatus(models.TextChoices):
    SUGGESTED = "suggested", "Possible duplicate"
    LINKED = "linked", "Same event"
    DISMISSED = "dismissed", "Different events"


class DuplicatePair(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="duplicate_pairs")
    first = models.ForeignKey(ChronologyEntry, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(ChronologyEntry, on_delete=models.CASCADE, related_name="+")
    similarity = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=20, choices=DuplicateStatus.choices, default=DuplicateStatus.SUGGESTED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["first", "second"], name="one_pair_per_two_entries")]

    def __str__(self):
        return f"Two chronology events that may be the same ({self.review.title})"


class LearningEvent(Withdrawable, BaseModel):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="learning_events")
    held_on = models.DateField()
    agencies = models.ManyToManyField("accounts.Agency", blank=True, related_name="+")
    attendees = models.PositiveSmallIntegerField(default=0)
    themes_discussed = models.TextField(blank=True)

    objects = WithdrawableQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        ordering = ["held_on"]

    def __str__(self):
        return f"Learning event on {self.held_on:%-d %B %Y}"


class Participation(models.TextChoices):
    NOT_INVITED = "not_invited", "Not invited"
    DECLINED = "declined", "Invited, declined"
    LIMITED = "limited", "Took part in a limited way"
    FULL = "full", "Took part fully"


class FamilyInvolvement(BaseModel):
    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="family")
    invited_on = models.DateField(null=True, blank=True)
    participation = models.CharField(max_length=20, choices=Participation.choices, default=Participation.NOT_INVITED)
    notes = models.TextField(blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    def __str__(self):
        return f"The family's involvement in the review of {self.review.title}"


class Finding(Withdrawable, BaseModel):
    """What learning points and recommendations share: a number, the text, themes, and a version that
    two people editing at once cannot both overwrite (optimistic locking). One entered twice is withdrawn,
    never deleted: its number goes to the next one and it stays in its history.

    `number` is the review's own order (1..n, moved and renumbered); `report_number` is how the published
    report numbers it ("3.1"), if it does, and is what a reader is shown (`label`)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveSmallIntegerField()
    report_number = models.CharField(
        "Number in the report", max_length=20, blank=True, default="", validators=[report_numbers.validator]
    )
    text = models.TextField()
    version = models.PositiveIntegerField(default=1)

    objects = WithdrawableQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        abstract = True
        ordering = ["number"]

    def __str__(self):
        # "3. Missed …" but "3.1 Missed …": a full stop after "3.1" read as a stray one (walkthrough 11, 6)
        return f"{self.label}{'' if '.' in self.label else '.'} {self.text[:80]}"

    @property
    def label(self):
        """The number a reader knows it by: the report's ("3.1") if it has one, else the review's own."""
        return self.report_number or str(self.number)


class LearningPoint(Finding):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="learning_points")
    themes = models.ManyToManyField("core.Theme", blank=True, related_name="learning_points")

    class Meta(Finding.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="learning_point_number_unique",
            )
        ]


class Addressee(models.TextChoices):
    PARTNERSHIP = "partnership", "The partnership"
    AGENCY = "agency", "A named agency"
    NATIONAL = "national", "A national body"


class Recommendation(Finding):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="recommendations")
    addressee = models.CharField(max_length=20, choices=Addressee.choices, default=Addressee.PARTNERSHIP)
    agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="recommendations"
    )
    national_body = models.CharField(max_length=200, blank=True)
    learning_points = models.ManyToManyField(LearningPoint, blank=True, related_name="recommendations")
    themes = models.ManyToManyField("core.Theme", blank=True, related_name="recommendations")

    class Meta(Finding.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["review", "number"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="recommendation_number_unique",
            )
        ]

    def clean(self):
        if self.addressee == Addressee.AGENCY and not self.agency_id:
            raise ValidationError({"agency": "Choose the agency the recommendation is addressed to"})
        if self.agency_id and self.review_id and self.agency.partnership_id != self.review.partnership_id:
            raise ValidationError({"agency": "Choose an agency of this partnership"})
        if self.addressee == Addressee.NATIONAL and not self.national_body.strip():
            raise ValidationError({"national_body": "Name the national body"})

    @property
    def addressed_to(self):
        if self.addressee == Addressee.AGENCY and self.agency_id:
            return str(self.agency)
        if self.addressee == Addressee.NATIONAL:
            return self.national_body
        return "The partnership"


class FindingRevision(models.Model):
    """Every saved text of a learning point or recommendation: the history users can read."""

    kind = models.CharField(
        max_length=20, choices=[("learning_point", "Learning point"), ("recommendation", "Recommendation")]
    )
    finding_id = models.UUIDField(db_index=True)
    version = models.PositiveIntegerField()
    number = models.PositiveSmallIntegerField()
    report_number = models.CharField(max_length=20, blank=True, default="")
    text = models.TextField()
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    edited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}, version {self.version}"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    CHECKING = "checking", "Checking rows"
    IMPORTING = "importing", "Importing"
    FAILED = "failed", "Not imported"
    DONE = "done", "Imported"


class ChronologyImport(BaseModel):
    """One uploaded chronology file and its background import, for the progress page."""

    contribution = models.ForeignKey(AgencyContribution, on_delete=models.CASCADE, related_name="imports")
    file_name = models.CharField(max_length=255)
    stored_as = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.QUEUED)
    rows_total = models.PositiveIntegerField(default=0)
    rows_imported = models.PositiveIntegerField(default=0)
    problems = models.JSONField(default=list, blank=True, help_text="Messages for the person who uploaded the file")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "contribution__review__partnership"

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        # what the audit trail shows for an import: the file, not the record's key
        return f"Chronology file {self.file_name}"

    @property
    def is_finished(self):
        return self.status in (ImportStatus.FAILED, ImportStatus.DONE)

    @property
    def warnings(self):
        """The problems' sentences (an import done: its warnings; failed: why)."""
        return [line for line in self.problems if isinstance(line, str)]

    @property
    def mapped_types(self):
        """[(type as the agency wrote it, the type it is filed under, rows)] (services._chronology_import)."""
        return next((item["mapped"] for item in self.problems if isinstance(item, dict) and "mapped" in item), [])


class MonitoringCheck(BaseModel):
    """The safeguarding partners' regular look at a running review's time and quality (SI 2018/789
    regulation 14): when it happened and what they concluded. The next one falls due from the last."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="monitoring_checks")
    checked_on = models.DateField("Date of the check")
    note = models.TextField("What the partners concluded about the time taken and the quality")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "review__partnership"

    class Meta:
        ordering = ["-checked_on", "-created"]

    def __str__(self):
        return f"Check of {self.review.title} on {self.checked_on:%-d %B %Y}"

"""Actions, progress, evidence, escalation, dissemination and the risk register .

An action's "overdue" is never stored: it is worked out from its due date and today (`Action.is_overdue`,
`selectors.with_state`), so a list, a page, an export and the escalation command cannot disagree."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from casereview.core.models import BaseModel, Withdrawable, WithdrawableQuerySet
from casereview.core.scoping import ScopedQuerySet


class ActionPlanSettings(BaseModel):
    """A partnership's escalation rule. Kept here rather than on Partnership so the action plans
    capability owns its own configuration; a partnership without a row uses the defaults."""

    partnership = models.OneToOneField(
        "accounts.Partnership", on_delete=models.CASCADE, related_name="action_plan_settings"
    )
    escalate_after_working_days = models.PositiveSmallIntegerField(
        default=10,
        validators=[MinValueValidator(1)],
        help_text="An open action overdue by more than this many working days is escalated",
    )
    escalate_after_at_risk_updates = models.PositiveSmallIntegerField(
        default=2,
        validators=[MinValueValidator(1)],
        help_text="An action reported 'at risk' in this many consecutive updates is escalated",
    )

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        verbose_name = "action plan settings"
        verbose_name_plural = "action plan settings"

    def __str__(self):
        return f"Action plan settings — {self.partnership}"

    @classmethod
    def for_partnership(cls, partnership):
        """The partnership's settings, or the defaults (unsaved) when it has none."""
        return cls.objects.unscoped().filter(partnership=partnership).first() or cls(partnership=partnership)


class ActionStatus(models.TextChoices):
    """What the owner reports. "Overdue" is not among them: it is computed from the due date."""

    NOT_STARTED = "not_started", "Not started"
    ON_TRACK = "on_track", "On track"
    AT_RISK = "at_risk", "At risk"
    COMPLETED = "completed", "Completed — evidence awaited"
    CLOSED = "closed", "Closed"


# Statuses in which the work is still to be done, and so can fall overdue.
OPEN_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.ON_TRACK, ActionStatus.AT_RISK)
# What an owner may report in an update; closing is the monitoring subgroup's sign-off.
REPORTABLE_STATUSES = [(s.value, s.label) for s in ActionStatus if s != ActionStatus.CLOSED]
OVERDUE = "overdue"
DISPLAY_STATUSES = [
    (ActionStatus.NOT_STARTED.value, ActionStatus.NOT_STARTED.label),
    (ActionStatus.ON_TRACK.value, ActionStatus.ON_TRACK.label),
    (ActionStatus.AT_RISK.value, ActionStatus.AT_RISK.label),
    (OVERDUE, "Overdue"),
    (ActionStatus.COMPLETED.value, ActionStatus.COMPLETED.label),
    (ActionStatus.CLOSED.value, ActionStatus.CLOSED.label),
]


class Action(BaseModel):
    """One thing an agency will do in answer to a review's recommendation (or, where a review made no
    formal recommendations, its learning point)."""

    review = models.ForeignKey("reviews.Review", on_delete=models.PROTECT, related_name="actions")
    # The review's partnership, copied onto the action (save() keeps it) so that a partnership's actions are
    # found by an indexed column of their own: through the review, PostgreSQL read all the country's
    # actions to find the largest partnership's (decisions.md, "National scale, sixth pass").
    partnership = models.ForeignKey(
        "accounts.Partnership", on_delete=models.PROTECT, related_name="actions", editable=False, db_index=False
    )  # indexed first in the monitoring index below
    recommendation = models.ForeignKey(
        "reviews.Recommendation", null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    learning_point = models.ForeignKey(
        "reviews.LearningPoint", null=True, blank=True, on_delete=models.PROTECT, related_name="actions"
    )
    number = models.PositiveSmallIntegerField(help_text="Numbered within the review's action plan")
    description = models.TextField("What will be done")
    owner_agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="actions")
    lead_role = models.CharField(
        "Lead (role)", max_length=200, help_text="The role that leads, e.g. Head of Looked After Children's Services"
    )
    lead_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="led_actions"
    )
    start_date = models.DateField()
    due_date = models.DateField(db_index=True)
    success_measure = models.TextField("Measure of success")
    status = models.CharField(max_length=20, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED)
    # Consecutive updates reporting "at risk", and when that run began: the escalation rule reads them.
    at_risk_streak = models.PositiveSmallIntegerField(default=0, editable=False)
    at_risk_since = models.DateTimeField(null=True, blank=True, editable=False)
    closed_on = models.DateField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closure_note = models.TextField("Sign-off", blank=True)
    # Raised by each change of the action's details: an edit form that started from an older version is
    # refused rather than overwriting someone else's change (core.concurrency).
    version = models.PositiveIntegerField(default=1, editable=False)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"
    # An action is as confidential as its review (accounts.permissions.is_confidential follows this path).
    confidentiality_path = "review"

    class Meta:
        ordering = ["review", "number"]
        constraints = [models.UniqueConstraint(fields=["review", "number"], name="action_number_unique_in_review")]
        indexes = [
            models.Index(fields=["owner_agency", "status", "due_date"]),
            models.Index(fields=["status", "due_date"]),
            # the monitoring page's counts of a partnership's actions by review, agency and colour, read
            # from the index alone (an index-only scan, as the counts name no other column)
            models.Index(fields=["partnership", "review", "owner_agency", "status", "due_date"]),
        ]

    def __str__(self):
        return f"{self.review.title} action {self.number}"

    @classmethod
    def from_db(cls, db, field_names, values):
        action = super().from_db(db, field_names, values)
        action._review_id_as_loaded = action.__dict__.get("review_id")
        return action

    def save(self, *args, **kwargs):
        """The partnership is always the review's: taken from it when the action is made or given another
        review (the review itself, or only its key, as the admin's raw-id field does), so no caller sets it.
        `update()` and `bulk_update()` pass by here: nothing in casereview moves an action with them."""
        review_given = type(self).review.field.is_cached(self)
        moved = self.review_id != getattr(self, "_review_id_as_loaded", self.review_id)
        if self.review_id and (self.partnership_id is None or review_given or moved):
            self.partnership_id = self.review.partnership_id
        super().save(*args, **kwargs)
        self._review_id_as_loaded = self.review_id

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self):
        return self.is_open and self.due_date < timezone.localdate()

    @property
    def display_status(self):
        return OVERDUE if self.is_overdue else self.status

    @property
    def display_status_label(self):
        return dict(DISPLAY_STATUSES)[self.display_status]

    @property
    def answers(self):
        """What the action answers, as the action plan table names it."""
        if self.recommendation_id:
            return f"Recommendation {self.recommendation.label}"
        if self.learning_point_id:
            return f"Learning point {self.learning_point.label}"
        return "The review"

    def clean(self):
        errors = {}
        if self.start_date and self.due_date and self.due_date < self.start_date:
            errors["due_date"] = "The due date must be the same as or after the start date"
        review = self.review if self.review_id else None
        if review is not None:
            if self.owner_agency_id and self.owner_agency.partnership_id != review.partnership_id:
                errors["owner_agency"] = "Choose an agency of this partnership"
            if self.recommendation_id and self.recommendation.review_id != review.pk:
                errors["recommendation"] = "Choose a recommendation of this review"
            if self.learning_point_id and self.learning_point.review_id != review.pk:
                errors["learning_point"] = "Choose a learning point of this review"
        if errors:
            raise ValidationError(errors)


class ProgressUpdate(BaseModel):
    """A dated report from the owner agency: what has happened and where the action stands."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    posted_on = models.DateField("Date of the update")
    text = models.TextField("Progress")
    status = models.CharField("Status reported", max_length=20, choices=REPORTABLE_STATUSES)
    posted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "action__review__partnership"

    class Meta:
        ordering = ["-posted_on", "-created"]
        indexes = [models.Index(fields=["action", "-posted_on", "-created"])]

    def __str__(self):
        # the news itself ("at risk") and the date as every page writes it (walkthrough 11, finding 19)
        on = self.posted_on
        return f"Update on {self.action} ({on.day} {on:%B %Y}): {self.get_status_display().lower()}"


class EvidenceKind(models.TextChoices):
    FILE = "file", "Document"
    LINK = "link", "Link"


def evidence_path(instance, filename):
    # The uploader's file name is kept in `file_name`; storage uses the record's key so names never clash
    # and nothing about the case appears in the storage path.
    return f"evidence/{instance.action_id}/{instance.pk}"


class Evidence(BaseModel):
    """What shows an action was done: an uploaded document or a link (to an intranet page, a policy)."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="evidence")
    update = models.ForeignKey(
        ProgressUpdate, null=True, blank=True, on_delete=models.SET_NULL, related_name="evidence"
    )
    kind = models.CharField(max_length=10, choices=EvidenceKind.choices)
    description = models.CharField(max_length=300)
    file = models.FileField(upload_to=evidence_path, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    url = models.URLField(max_length=500, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "action__review__partnership"

    class Meta:
        ordering = ["created"]
        verbose_name_plural = "evidence"

    def __str__(self):
        return self.description


class SignOffKind(models.TextChoices):
    CLOSED = "closed", "Closed"
    REOPENED = "reopened", "Reopened"


class SignOff(BaseModel):
    """The monitoring subgroup closing an action on its evidence, or reopening it: the history users read."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="sign_offs")
    kind = models.CharField(max_length=10, choices=SignOffKind.choices)
    on = models.DateField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField()

    objects = ScopedQuerySet.as_manager()
    partnership_field = "action__review__partnership"

    class Meta:
        ordering = ["-on", "-created"]

    def __str__(self):
        return f"{self.get_kind_display()} of action “{self.action}” on {self.on.day} {self.on:%B %Y}"


class EscalationReason(models.TextChoices):
    OVERDUE = "overdue", "Overdue"
    AT_RISK = "at_risk", "At risk in consecutive updates"


class Escalation(BaseModel):
    """An escalation sent to the agency's executive member. Recorded before its e-mail is queued, under a
    unique key (one per due date overdue, one per run of 'at risk' updates), so the cron command is safe
    to run twice or concurrently."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="escalations")
    reason = models.CharField(max_length=20, choices=EscalationReason.choices)
    trigger = models.CharField(max_length=80)
    escalated_on = models.DateField()
    recipients = models.TextField(blank=True, help_text="Who was e-mailed, one address a line")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "action__review__partnership"

    class Meta:
        ordering = ["-escalated_on"]
        constraints = [models.UniqueConstraint(fields=["action", "trigger"], name="one_escalation_per_trigger")]

    def __str__(self):
        return f"Escalation of action “{self.action}”: {self.get_reason_display().lower()}"


class DisseminationKind(models.TextChoices):
    CASCADE = "cascade", "Cascade event"
    BRIEFING = "briefing", "Seven-minute briefing"
    TRAINING = "training", "Training session"
    CONFERENCE = "conference", "Conference"
    NEWSLETTER = "newsletter", "Newsletter"


class DisseminationEvent(Withdrawable, BaseModel):
    """How a review's learning was spread (cascade events, as in the
    Southwark response to Child R; training, as in the Southwark annual report 2018-19)."""

    partnership = models.ForeignKey(
        "accounts.Partnership", on_delete=models.PROTECT, related_name="dissemination_events"
    )
    kind = models.CharField(max_length=20, choices=DisseminationKind.choices)
    title = models.CharField(max_length=200)
    held_on = models.DateField("Date")
    audience = models.CharField(
        max_length=300, blank=True, help_text="Who it was for, e.g. designated safeguarding leads in schools"
    )
    attendees = models.PositiveIntegerField("Number of attendees", null=True, blank=True)
    organisations = models.PositiveIntegerField("Organisations represented", null=True, blank=True)
    reviews = models.ManyToManyField("reviews.Review", related_name="dissemination_events")
    notes = models.TextField(blank=True)

    objects = WithdrawableQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-held_on", "title"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def clean(self):
        if self.attendees is not None and self.organisations is not None and self.organisations > self.attendees:
            raise ValidationError({"organisations": "There cannot be more organisations represented than attendees"})


class TrainingYear(Withdrawable, BaseModel):
    """A year's training statistics as the training team counts them (the Southwark annual
    report 2018-19 §2.2: sessions,
    individuals, organisations, e-learning modules), for the annual report. Years run April to March."""

    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.PROTECT, related_name="training_years")
    year_starting = models.PositiveSmallIntegerField(
        "Year starting April",
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text="2018 for 2018-19",
    )
    sessions = models.PositiveIntegerField("Face-to-face sessions")
    individuals = models.PositiveIntegerField("Individuals trained")
    organisations = models.PositiveIntegerField("Organisations")
    elearning_modules = models.PositiveIntegerField("E-learning modules completed")

    objects = WithdrawableQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-year_starting"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year_starting"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="one_training_record_per_year",
            )
        ]

    def __str__(self):
        return f"Training {self.label}"

    @property
    def label(self):
        return f"{self.year_starting}-{(self.year_starting + 1) % 100:02d}"


SCORE = [MinValueValidator(1), MaxValueValidator(5)]


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Risk(BaseModel):
    """One entry in the Quality and Effectiveness subgroup's risk register (the Southwark
    annual report 2018-19 §2.2): a 5×5 score
    before and after mitigation."""

    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.PROTECT, related_name="risks")
    title = models.CharField(max_length=200)
    description = models.TextField()
    owner = models.CharField(max_length=200, help_text="The role that owns the risk")
    owner_agency = models.ForeignKey(
        "accounts.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="risks"
    )
    likelihood = models.PositiveSmallIntegerField("Likelihood before mitigation", validators=SCORE)
    impact = models.PositiveSmallIntegerField("Impact before mitigation", validators=SCORE)
    mitigation = models.TextField("Mitigating actions")
    residual_likelihood = models.PositiveSmallIntegerField("Likelihood after mitigation", validators=SCORE)
    residual_impact = models.PositiveSmallIntegerField("Impact after mitigation", validators=SCORE)
    review_date = models.DateField()
    escalated = models.BooleanField("Escalated to the executive group", default=False)
    status = models.CharField(max_length=10, choices=RiskStatus.choices, default=RiskStatus.OPEN)
    reviews = models.ManyToManyField("reviews.Review", blank=True, related_name="risks")
    themes = models.ManyToManyField("core.Theme", blank=True, related_name="risks")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["status", "-escalated", "review_date"]

    def __str__(self):
        return self.title

    @property
    def score(self):
        return self.likelihood * self.impact

    @property
    def residual_score(self):
        return self.residual_likelihood * self.residual_impact

    @property
    def rating(self):
        return rating(self.score)

    @property
    def residual_rating(self):
        return rating(self.residual_score)

    @property
    def review_is_overdue(self):
        return self.status == RiskStatus.OPEN and self.review_date < timezone.localdate()

    def clean(self):
        errors = {}
        if self.owner_agency_id and self.partnership_id and self.owner_agency.partnership_id != self.partnership_id:
            errors["owner_agency"] = "Choose an agency of this partnership"
        scores = [self.likelihood, self.impact, self.residual_likelihood, self.residual_impact]
        if all(isinstance(s, int) for s in scores) and self.residual_score > self.score:
            errors["residual_impact"] = "The score after mitigation cannot be higher than before it"
        if errors:
            raise ValidationError(errors)


def rating(score):
    """The usual 5×5 bands: 1-6 low, 8-12 medium, 15-25 high."""
    if score >= 15:
        return "High"
    if score >= 8:
        return "Medium"
    return "Low"

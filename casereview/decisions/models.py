from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from casereview.core.models import BaseModel, Withdrawable, WithdrawableQuerySet
from casereview.core.scoping import ScopedQuerySet
from casereview.core.validation import require_not_future
from casereview.core.working_days import working_days_between


class RapidReview(BaseModel):
    """The safeguarding partners' rapid review of an incident (domain.md "Rapid review")."""

    incident = models.OneToOneField("incidents.Incident", on_delete=models.CASCADE, related_name="rapid_review")
    opened_on = models.DateField(default=timezone.localdate)
    due_date = models.DateField()
    facts_gathered = models.TextField(blank=True)
    immediate_actions = models.TextField("Immediate safeguarding actions taken", blank=True)
    sent_to_panel_on = models.DateField("Sent to the national panel on", null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "incident__partnership"

    def __str__(self):
        return f"Rapid review — {self.incident.child_pseudonym}"

    @property
    def is_open(self):
        return self.completed_on is None

    @property
    def working_days_left(self):
        return working_days_between(timezone.localdate(), self.due_date)

    def clean(self):
        errors = {}
        for field, label in [
            ("sent_to_panel_on", "The date sent to the national panel"),
            ("completed_on", "The completion date"),
        ]:
            try:
                require_not_future(getattr(self, field), field, label)
            except ValidationError as exc:
                errors.update(exc.message_dict)
        if self.sent_to_panel_on and self.opened_on and self.sent_to_panel_on < self.opened_on:
            errors["sent_to_panel_on"] = "The rapid review cannot be sent before it was opened"
        if errors:
            raise ValidationError(errors)


class InformationRequest(BaseModel):
    """What the rapid review asks one agency for. Only that agency's lead (and the business manager and
    chair) sees it; leads never see another agency's answer."""

    rapid_review = models.ForeignKey(RapidReview, on_delete=models.CASCADE, related_name="requests")
    agency = models.ForeignKey("accounts.Agency", on_delete=models.PROTECT, related_name="information_requests")
    requested_on = models.DateField(default=timezone.localdate)
    due_date = models.DateField()
    question = models.TextField(
        blank=True,
        default=(
            "A summary of your agency's involvement with the child and family, and any immediate safeguarding concerns."
        ),
    )
    response = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()
    partnership_field = "rapid_review__incident__partnership"

    class Meta:
        ordering = ["agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["rapid_review", "agency"], name="one_request_per_agency_per_rapid_review")
        ]

    def __str__(self):
        return f"{self.agency} — {self.rapid_review.incident.child_pseudonym}"

    @property
    def is_answered(self):
        return self.responded_on is not None

    @property
    def working_days_left(self):
        return working_days_between(timezone.localdate(), self.due_date)


def attachment_path(instance, filename):
    # The sender's file name is kept in `file_name`; storage uses the record's key, so names never clash and
    # nothing about the case appears in the storage path.
    return f"information/{instance.info_request_id}/{instance.pk}"


class InformationAttachment(Withdrawable, BaseModel):
    """A document an agency sends with its information for a rapid review (a chronology extract, a referral,
    a report). Read by whoever reads the request; never deleted: one sent in error is withdrawn, with a
    reason, and is then no longer offered for download."""

    info_request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    file_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)  # judged from the bytes (core.file_checks), not the name
    size = models.PositiveIntegerField()
    # the same document sent twice (a double click, sent again) is kept once
    sha256 = models.CharField(max_length=64)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = WithdrawableQuerySet.as_manager()
    partnership_field = "info_request__rapid_review__incident__partnership"

    class Meta:
        ordering = ["created"]
        indexes = [models.Index(fields=["info_request", "sha256"])]

    def __str__(self):
        return self.file_name

    @property
    def kind_name(self):
        """What the file is, as a person says it ("PDF"), from the type its bytes were judged to be."""
        return _KIND_NAMES.get(self.content_type, "Document")


_KIND_NAMES = {
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word document",
    "text/plain": "Text",
}


class Criterion(models.TextChoices):
    IMPROVEMENTS = (
        "improvements",
        "Highlights or may highlight improvements needed to safeguard and promote the welfare of children",
    )
    RECURRENT_THEMES = "recurrent_themes", "Highlights or may highlight recurrent themes"
    AGENCIES_WORKING_TOGETHER = (
        "agencies_working_together",
        "Highlights or may highlight concerns about two or more agencies working together effectively",
    )
    PANEL_SUGGESTED_LOCAL = (
        "panel_suggested_local",
        "The national panel has considered it and concluded a local review may be more appropriate",
    )


class CriterionMet(models.TextChoices):
    YES = "yes", "Yes"
    MAY = "may", "It may"
    NO = "no", "No"


class CriterionAssessment(BaseModel):
    """The rapid review's view on one local-review criterion (SI 2018/789 reg 11;
    docs/domain.md)."""

    rapid_review = models.ForeignKey(RapidReview, on_delete=models.CASCADE, related_name="assessments")
    criterion = models.CharField(max_length=40, choices=Criterion.choices)
    met = models.CharField(max_length=10, choices=CriterionMet.choices)
    evidence = models.TextField()

    objects = ScopedQuerySet.as_manager()
    partnership_field = "rapid_review__incident__partnership"

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rapid_review", "criterion"], name="one_assessment_per_criterion")
        ]

    def __str__(self):
        return f"{self.get_criterion_display()}: {self.get_met_display()}"


class Outcome(models.TextChoices):
    LOCAL_REVIEW = "local_review", "Local child safeguarding practice review (serious case review before 2019)"
    LEARNING_REVIEW = "learning_review", "Multi-agency learning review (below the criteria)"
    NO_REVIEW = "no_review", "No review"


def outcome_label(value, incident):
    """An outcome in the words of the rules that judge the case: a 2026 case's local review is a "Local
    child safeguarding practice review", a 2007 case's a "Serious case review", with no bracket naming the
    other regime's review."""
    label = Outcome(value).label if value in Outcome.values else value
    if value != Outcome.LOCAL_REVIEW or incident is None:
        return label
    from casereview.incidents.rules import review_name_for

    name = review_name_for(incident.incident_date)
    return f"Local {name}" if name.startswith("child") else name[0].upper() + name[1:]


class ReviewRecommendation(BaseModel):
    """The review subgroup or board's recommendation to the independent chair (docs/domain.md,
    Decision on a local CSPR)."""

    incident = models.OneToOneField("incidents.Incident", on_delete=models.CASCADE, related_name="recommendation")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    rationale = models.TextField()
    made_on = models.DateField(default=timezone.localdate)
    subgroup = models.ForeignKey("accounts.Subgroup", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "incident__partnership"
    # The history says what the record's page says (audit.selectors.record_history), not the field names.
    history_labels = {"outcome": "Recommendation", "made_on": "Date of the recommendation", "subgroup": "Made by"}

    def get_outcome_display(self):  # on the class itself: Django adds its own unless the class has one
        return outcome_label(self.outcome, self.incident)

    def __str__(self):
        return f"Recommendation for {self.incident.child_pseudonym}: {self.get_outcome_display()}"


class ChairDecision(BaseModel):
    """The independent chair's final decision, with the rationale communicated to the family."""

    incident = models.OneToOneField("incidents.Incident", on_delete=models.CASCADE, related_name="decision")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    rationale = models.TextField()
    decided_on = models.DateField(default=timezone.localdate)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "incident__partnership"
    history_labels = {"outcome": "Decision", "decided_on": "Date of the decision"}

    def get_outcome_display(self):  # on the class itself: Django adds its own unless the class has one
        return outcome_label(self.outcome, self.incident)

    def __str__(self):
        return f"Decision for {self.incident.child_pseudonym}: {self.get_outcome_display()}"


class PanelResponseKind(models.TextChoices):
    AGREES = "agrees", "Agrees with the local decision"
    NATIONAL_REVIEW = "national_review", "Will carry out a national review"
    DISAGREES = "disagrees", "Disagrees with the local decision"


class PanelResponse(BaseModel):
    incident = models.OneToOneField("incidents.Incident", on_delete=models.CASCADE, related_name="panel_response")
    response = models.CharField(max_length=20, choices=PanelResponseKind.choices)
    received_on = models.DateField()
    notes = models.TextField(blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "incident__partnership"

    def __str__(self):
        return f"National panel: {self.get_response_display()}"


class FamilyContactMethod(models.TextChoices):
    MEETING = "meeting", "In person"
    LETTER = "letter", "Letter"
    PHONE = "phone", "Telephone"
    EMAIL = "email", "Email"
    OTHER = "other", "Other"


class FamilyCommunication(BaseModel):
    """How and when the family was told of the decision (the Worcestershire CSPR paper §23, docs/domain.md)."""

    incident = models.ForeignKey("incidents.Incident", on_delete=models.CASCADE, related_name="family_communications")
    communicated_on = models.DateField()
    method = models.CharField(max_length=20, choices=FamilyContactMethod.choices)
    communicated_by = models.CharField(max_length=200, help_text="Name and role of the person who told the family")
    notes = models.TextField(blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "incident__partnership"

    class Meta:
        ordering = ["communicated_on"]

    def __str__(self):
        return f"Family told {self.communicated_on:%d %B %Y} by {self.communicated_by}"

from django.db import models
from django.utils import timezone

from casereview.accounts.models import ScopedQuerySet
from casereview.core.models import BaseModel


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
    NOT_PUBLISHED = "not_published", "Not published"
    ACTION_PLAN = "action_plan", "Action plan monitoring"
    CLOSED = "closed", "Closed"


class Review(BaseModel):
    """A case review. Created by a decision to review; the reviews capability gives it its full life
    (terms of reference, panel, contributions, chronology, findings)."""

    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.PROTECT, related_name="reviews")
    incident = models.OneToOneField("incidents.Incident", null=True, blank=True, on_delete=models.PROTECT, related_name="review")
    title = models.CharField(max_length=200, help_text="Usually the child's pseudonym, e.g. Child R")
    review_type = models.CharField(max_length=30, choices=ReviewType.choices)
    stage = models.CharField(max_length=30, choices=Stage.choices, default=Stage.SCOPING)
    decided_on = models.DateField("Decision to review made on")
    target_completion = models.DateField()
    is_confidential = models.BooleanField(
        default=False, help_text="Visible only to the business manager, the chair and the review's panel and reviewer"
    )

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-decided_on"]

    def __str__(self):
        return f"{self.get_review_type_display()}: {self.title}"

    @property
    def days_to_target(self):
        return (self.target_completion - timezone.localdate()).days

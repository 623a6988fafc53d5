from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from casereview.core.models import BaseModel
from casereview.core.scoping import ScopedQuerySet
from casereview.core.working_days import working_days_between

from . import rules
from .validators import validate_nhs_number, validate_postcode


class Harm(models.TextChoices):
    DEATH = rules.Harm.DEATH, "The child died"
    SERIOUS_HARM = rules.Harm.SERIOUS_HARM, "The child was seriously harmed"


class AbuseOrNeglect(models.TextChoices):
    KNOWN = rules.AbuseOrNeglect.KNOWN, "Known"
    SUSPECTED = rules.AbuseOrNeglect.SUSPECTED, "Suspected"
    NOT_SUSPECTED = rules.AbuseOrNeglect.NOT_SUSPECTED, "Neither known nor suspected"


class Location(models.TextChoices):
    IN_AREA = rules.Location.IN_AREA, "In the partnership's area"
    OUTSIDE_ENGLAND = rules.Location.OUTSIDE_ENGLAND, "Outside England, while normally resident in the area"
    ELSEWHERE_IN_ENGLAND = rules.Location.ELSEWHERE_IN_ENGLAND, "Elsewhere in England"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    NOT_RECORDED = "not_recorded", "Not recorded"


# What the national panel and the DfE count about each incident (all optional, "not known" by default).
class HarmType(models.TextChoices):
    NOT_KNOWN = "not_known", "Not known"
    PHYSICAL = "physical", "Physical abuse"
    NEGLECT = "neglect", "Neglect"
    SEXUAL = "sexual", "Sexual abuse"
    EMOTIONAL = "emotional", "Emotional abuse"
    EXPLOITATION = "exploitation", "Criminal or sexual exploitation"
    SUDDEN_INFANT_DEATH = "sudden_infant_death", "Sudden unexpected infant death"
    SUICIDE = "suicide", "Suicide or self-harm"
    EXTRA_FAMILIAL = "extra_familial", "Extra-familial harm (for example, serious youth violence)"
    OTHER = "other", "Other"


class Ethnicity(models.TextChoices):
    NOT_KNOWN = "not_known", "Not known"
    WHITE = "white", "White"
    MIXED = "mixed", "Mixed or multiple ethnic groups"
    ASIAN = "asian", "Asian or Asian British"
    BLACK = "black", "Black, Black British, Caribbean or African"
    OTHER = "other", "Other ethnic group"


class KnownAnswer(models.TextChoices):
    NOT_KNOWN = "not_known", "Not known"
    YES = "yes", "Yes"
    NO = "no", "No"


class ChildProtectionPlan(models.TextChoices):
    NOT_KNOWN = "not_known", "Not known"
    CURRENT = "current", "On a child protection plan at the time"
    PREVIOUS = "previous", "Previously on a child protection plan"
    NEVER = "never", "Never on a child protection plan"


class Incident(BaseModel):
    """A serious incident: the case the rest of the workflow hangs off. The child appears only by
    pseudonym here; who they are is in the restricted ChildIdentity."""

    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.PROTECT, related_name="incidents")
    reference = models.CharField(max_length=30, editable=False)
    child_pseudonym = models.CharField(max_length=60, help_text="How the child is referred to everywhere, e.g. Child R")
    harm = models.CharField("What happened", max_length=20, choices=Harm.choices)
    summary = models.TextField("What happened, briefly", blank=True)
    incident_date = models.DateField("Date of the incident")
    aware_date = models.DateField("Date the local authority became aware")
    # A child seriously harmed who later dies: the duties the death brings are due from when it became known,
    # not from the first awareness of the harm (walkthrough 11, finding 10)
    death_aware_date = models.DateField("Date the local authority learned of the death", null=True, blank=True)
    abuse_or_neglect = models.CharField("Abuse or neglect", max_length=20, choices=AbuseOrNeglect.choices)
    looked_after = models.BooleanField("The child was looked after", default=False)
    looked_after_by = models.CharField("Looked after by", max_length=200, blank=True)
    care_leaver = models.BooleanField("The young person was a care leaver", default=False)
    location = models.CharField("Where it happened", max_length=30, choices=Location.choices)
    age_years = models.PositiveSmallIntegerField("Age (years)", null=True, blank=True)
    age_months = models.PositiveSmallIntegerField("and months", null=True, blank=True)
    sex = models.CharField(max_length=20, choices=Sex.choices, default=Sex.NOT_RECORDED)
    harm_type = models.CharField(
        "Main type of harm", max_length=30, choices=HarmType.choices, default=HarmType.NOT_KNOWN
    )
    ethnicity = models.CharField(max_length=20, choices=Ethnicity.choices, default=Ethnicity.NOT_KNOWN)
    disability = models.CharField(
        "The child had a disability", max_length=10, choices=KnownAnswer.choices, default=KnownAnswer.NOT_KNOWN
    )
    child_protection_plan = models.CharField(
        "Child protection plan",
        max_length=10,
        choices=ChildProtectionPlan.choices,
        default=ChildProtectionPlan.NOT_KNOWN,
    )
    agencies_involved = models.ManyToManyField("accounts.Agency", blank=True, related_name="incidents")
    referred_locally_on = models.DateField("Referred for local consideration on", null=True, blank=True)
    local_referral_reason = models.TextField("Why it was referred for local consideration", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-aware_date", "-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "reference"], name="incident_reference_unique_in_partnership"
            )
        ]

    def __str__(self):
        return f"{self.child_pseudonym} ({self.reference})"

    def clean(self):
        errors = {}
        today = timezone.localdate()
        if self.incident_date and self.incident_date > today:
            errors["incident_date"] = "The date of the incident must be today or in the past"
        if self.aware_date and self.aware_date > today:
            errors["aware_date"] = "The date the local authority became aware must be today or in the past"
        if self.incident_date and self.aware_date and self.aware_date < self.incident_date:
            errors["aware_date"] = "The local authority cannot have become aware before the incident happened"
        if self.death_aware_date and self.death_aware_date > today:
            errors["death_aware_date"] = (
                "The date the local authority learned of the death must be today or in the past"
            )
        elif self.death_aware_date and self.aware_date and self.death_aware_date < self.aware_date:
            errors["death_aware_date"] = (
                "The date the local authority learned of the death cannot be before it became aware of the incident"
            )
        if self.looked_after and self.care_leaver:
            errors["care_leaver"] = "A child who is looked after is not yet a care leaver: choose one"
        if self.age_months is not None and self.age_months > 11:
            errors["age_months"] = "Months must be between 0 and 11"
        if self.age_years is not None and self.age_years > 24:
            errors["age_years"] = "Case reviews concern children and care leavers up to 24"
        if self.referred_locally_on and not self.local_referral_reason.strip():
            errors["local_referral_reason"] = "Say why the case is referred for local consideration"
        if errors:
            raise ValidationError(errors)

    @property
    def regime(self):
        return rules.regime_on(self.incident_date)

    def facts(self):
        return rules.IncidentFacts(
            harm=rules.Harm(self.harm),
            incident_date=self.incident_date,
            aware_date=self.aware_date,
            abuse_or_neglect=rules.AbuseOrNeglect(self.abuse_or_neglect),
            looked_after=self.looked_after,
            location=rules.Location(self.location),
            care_leaver=self.care_leaver,
            age_years=self.age_years,
            death_aware_date=self.death_aware_date if self.harm == "death" else None,
        )

    @property
    def age_display(self):
        if self.age_years is None and self.age_months is None:
            return "Not recorded"
        parts = []
        if self.age_years:
            parts.append(f"{self.age_years} year{'s' if self.age_years != 1 else ''}")
        if self.age_months:
            parts.append(f"{self.age_months} month{'s' if self.age_months != 1 else ''}")
        return " ".join(parts) or "Under 1 month"


class ChildIdentity(BaseModel):
    """Who the child is. Only the business manager and the independent chair may open it, and every
    opening is audited (is_confidential)."""

    incident = models.OneToOneField(Incident, on_delete=models.CASCADE, related_name="identity")
    full_name = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    address = models.TextField(blank=True)
    postcode = models.CharField(max_length=10, blank=True, validators=[validate_postcode])
    nhs_number = models.CharField("NHS number", max_length=12, blank=True, validators=[validate_nhs_number])

    objects = ScopedQuerySet.as_manager()
    partnership_field = "incident__partnership"
    # The audit trail says which of these changed, never their values (audit.services._recorded).
    audit_restricted_fields = ("full_name", "date_of_birth", "address", "postcode", "nhs_number")
    is_confidential = True

    class Meta:
        verbose_name_plural = "child identities"

    def __str__(self):
        return f"Identity of {self.incident.child_pseudonym}"

    def clean(self):
        if self.date_of_birth and self.date_of_birth > timezone.localdate():
            raise ValidationError({"date_of_birth": "The date of birth must be in the past"})


class DutyStatus(models.TextChoices):
    DUE = "due", "Due"
    SENT = "sent", "Sent"
    OVERDUE = "overdue", "Overdue"
    WITHDRAWN = "withdrawn", "No longer owed"


class NotificationDuty(BaseModel):
    """A notification the local authority owes, worked out from the incident's facts by rules.py."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="duties")
    kind = models.CharField(max_length=30, choices=[(k.value, rules.DUTY_LABELS[k]) for k in rules.DutyKind])
    reason = models.TextField()
    due_date = models.DateField()
    sent_on = models.DateField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sent_reference = models.CharField("Reference given by the notification service", max_length=100, blank=True)
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "incident__partnership"

    class Meta:
        ordering = ["due_date", "kind"]
        constraints = [models.UniqueConstraint(fields=["incident", "kind"], name="one_duty_of_a_kind_per_incident")]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.incident}"

    @property
    def status(self):
        if self.withdrawn_on:
            return DutyStatus.WITHDRAWN
        if self.sent_on:
            return DutyStatus.SENT
        return DutyStatus.OVERDUE if self.due_date < timezone.localdate() else DutyStatus.DUE

    @property
    def working_days_left(self):
        return working_days_between(timezone.localdate(), self.due_date)

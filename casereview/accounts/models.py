from django.contrib.auth.models import AbstractUser
from django.db import models

from casereview.core.models import BaseModel
from casereview.core.scoping import ScopedQuerySet

from .roles import Role


class User(AbstractUser):
    """A person who signs in. What they may see comes from their memberships, never from the user row
    itself (is_staff only opens the Django admin for system administrators)."""

    email = models.EmailField("email address", unique=True)
    # When the person last saw their home page: "what changed since you last signed in" starts there, so a
    # sign-in through an e-mail link that never opens the home page loses none of the changes.
    home_seen_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["last_name", "first_name", "username"]

    def __str__(self):
        return self.get_full_name() or self.username


class Sector(models.TextChoices):
    CHILDRENS_SOCIAL_CARE = "childrens_social_care", "Children's social care"
    POLICE = "police", "Police"
    HEALTH = "health", "Health"
    EDUCATION = "education", "Education"
    PROBATION = "probation", "Probation"
    FIRE = "fire", "Fire and rescue"
    CAFCASS = "cafcass", "CAFCASS"
    VOLUNTARY = "voluntary", "Voluntary and community"
    LOCAL_AUTHORITY = "local_authority", "Local authority (other services)"
    OTHER = "other", "Other"


class RapidReviewStart(models.TextChoices):
    AWARENESS = "awareness", "The date the local authority became aware"
    NOTIFICATION = "notification", "The date the national panel was notified"


class Partnership(BaseModel):
    """A local safeguarding children partnership (before 2019: a Local Safeguarding Children Board).

    The timescales below are the national defaults (../shared/domain.md); a partnership whose local
    procedures differ changes them here rather than in code."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True, help_text="Short name used in web addresses")
    local_authority = models.CharField(max_length=200, blank=True)
    rapid_review_working_days = models.PositiveSmallIntegerField(
        default=15, help_text="Working days allowed for a rapid review"
    )
    rapid_review_starts = models.CharField(
        max_length=20,
        choices=RapidReviewStart.choices,
        default=RapidReviewStart.AWARENESS,
        help_text="What the rapid review's working days are counted from",
    )
    agency_information_working_days = models.PositiveSmallIntegerField(
        default=10, help_text="Working days an agency has to answer a rapid review's request for information"
    )
    sos_ofsted_working_days = models.PositiveSmallIntegerField(
        default=5, help_text="Working days to notify the Secretary of State and Ofsted of a looked-after child's death"
    )
    panel_response_working_days = models.PositiveSmallIntegerField(
        default=15, help_text="Working days the national panel usually takes to respond to a rapid review"
    )
    review_completion_months = models.PositiveSmallIntegerField(
        default=6, help_text="Months from the decision to review to its completion"
    )
    reminder_working_days = models.PositiveSmallIntegerField(
        default=2, help_text="Working days before a deadline that reminders are e-mailed"
    )
    publication_notice_working_days = models.PositiveSmallIntegerField(
        default=7,
        help_text=(
            "Working days before publication that the report must reach the national panel and Secretary of State"
        ),
    )
    publication_months = models.PositiveSmallIntegerField(
        default=12, help_text="Months a published report stays online at least"
    )
    published_ages = models.CharField(
        max_length=10,
        choices=[("exact", "As written (aged 15)"), ("band", "As a band (aged 12 to 15)")],
        default="exact",
        help_text="How a child's or adult's exact age is written in a published report",
    )

    objects = ScopedQuerySet.as_manager()
    partnership_field = "pk"

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Agency(BaseModel):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="agencies")
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=40, choices=Sector.choices)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="agency_name_unique_in_partnership")
        ]

    def __str__(self):
        return self.name


class Subgroup(BaseModel):
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="subgroups")
    name = models.CharField(max_length=200)
    purpose = models.TextField(blank=True)
    chair = models.CharField(max_length=200, blank=True, help_text="The chair's role, e.g. 'Director of Education'")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="subgroup_name_unique_in_partnership")
        ]

    def __str__(self):
        return self.name


class Membership(BaseModel):
    """A person's role in one partnership, optionally on behalf of one agency. A person may hold several
    (an independent reviewer may work for two partnerships)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    partnership = models.ForeignKey(Partnership, on_delete=models.PROTECT, related_name="memberships")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="memberships")
    role = models.CharField(max_length=30, choices=Role.choices)
    job_title = models.CharField(max_length=200, blank=True)
    is_active = models.BooleanField(default=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["partnership__name", "role", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partnership", "role"], name="one_membership_per_role_per_partnership"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()}, {self.partnership}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.agency_id and self.partnership_id and self.agency.partnership_id != self.partnership_id:
            raise ValidationError({"agency": "The agency must belong to the same partnership."})
        if self.role == Role.AGENCY_LEAD and not self.agency_id:
            raise ValidationError({"agency": "An agency safeguarding lead must be linked to their agency."})


class PasswordResetRequest(models.Model):
    """One use of the "reset your password" page, kept for an hour or so to limit how often an address is
    sent a link and how often one client may ask. The address is kept only as a digest: the table must not
    become a list of the addresses people typed."""

    address_digest = models.CharField(max_length=64)
    client = models.CharField(max_length=45, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["address_digest", "requested_at"], name="reset_address_time"),
            models.Index(fields=["client", "requested_at"], name="reset_client_time"),
        ]

    def __str__(self):
        return f"Password reset asked for at {self.requested_at:%d %B %Y %H:%M}"

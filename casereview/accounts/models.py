from django.contrib.auth.models import AbstractUser
from django.db import models

from casereview.core.models import BaseModel


class User(AbstractUser):
    """A person who signs in. What they may see comes from their memberships, never from the user row
    itself (is_staff only opens the Django admin for system administrators)."""

    email = models.EmailField("email address", unique=True)

    class Meta:
        ordering = ["last_name", "first_name", "username"]

    def __str__(self):
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    BUSINESS_MANAGER = "business_manager", "Business manager"
    CHAIR = "chair", "Independent chair"
    EXECUTIVE = "executive", "Executive member"
    PANEL_MEMBER = "panel_member", "Panel member"
    AGENCY_LEAD = "agency_lead", "Agency safeguarding lead"
    REVIEWER = "reviewer", "Independent reviewer"
    VIEWER = "viewer", "Viewer"


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


class ScopedQuerySet(models.QuerySet):
    """Every list of partnership records starts here: `Model.objects.visible_to(user)`.

    The rule itself lives in accounts.permissions; this is only the door to it, so no selector can
    forget to scope.
    """

    def visible_to(self, user, action="view"):
        from . import permissions

        return permissions.scope(self, user, action)


class Partnership(BaseModel):
    """A local safeguarding children partnership (before 2019: a Local Safeguarding Children Board)."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=60, unique=True, help_text="Short name used in web addresses")
    local_authority = models.CharField(max_length=200, blank=True)

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

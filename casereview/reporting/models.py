import secrets
from datetime import date

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from casereview.core.models import BaseModel
from casereview.core.scoping import ScopedQuerySet


def new_token():
    return secrets.token_urlsafe(32)


class CalendarFeed(BaseModel):
    """A secret address for one person's deadlines in their calendar program. Whoever has the address can
    read the feed, so it can be revoked (and a new one made) at any time."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feeds")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    revoked_on = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"Calendar feed of {self.user}"


class ReminderSent(models.Model):
    """One reminder e-mail, so running the reminder command twice sends nothing twice."""

    deadline_key = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=[("before", "Before it is due"), ("overdue", "Overdue")])
    due_date = models.DateField()
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    # The run (one batch of the command) that recorded it: a bulk insert that skips what another copy of the
    # command recorded first finds its own rows by this, and e-mails only those.
    run = models.UUIDField(null=True, blank=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["deadline_key", "kind", "due_date", "recipient"],
                name="one_reminder_per_deadline_kind_and_person",
            )
        ]

    def __str__(self):
        return f"Reminder ({self.get_kind_display().lower()}) of {self.due_date.day} {self.due_date:%B %Y}"


# --- the partnership's yearly report ------------------------------------------------------------------


class AnnualReport(BaseModel):
    """The yearly report of one partnership for one year, April to March. The live figures are read when
    it is built; what lives here is what no other record holds: figures kept in other systems, the
    partners' contributions and the narrative."""

    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.PROTECT, related_name="annual_reports")
    year_starting = models.PositiveSmallIntegerField(help_text="The year the report's April falls in")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-year_starting"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year_starting"], name="one_annual_report_per_year")
        ]

    def __str__(self):
        return f"{self.partnership.name}: yearly report {self.label}"

    @property
    def label(self):
        return year_label(self.year_starting)

    @property
    def start(self):
        return date(self.year_starting, 4, 1)

    @property
    def end(self):
        return date(self.year_starting + 1, 3, 31)


def year_label(year_starting):
    return f"{year_starting}-{(year_starting + 1) % 100:02d}"


class FigureKind(models.TextChoices):
    CHILD_POPULATION = "child_population", "Children and young people living in the area"
    CP_PLANS = "cp_plans", "Children on a child protection plan at the end of March"
    LOOKED_AFTER = "looked_after", "Children looked after by the local authority at the end of March"
    LADO_REFERRALS = "lado_referrals", "Referrals to the Local Authority Designated Officer (LADO)"
    PRIVATE_FOSTERING = "private_fostering", "Private fostering arrangements"


class AnnualFigure(BaseModel):
    """A figure kept in another system (the council's case records, the LADO's log), entered once a year
    with where it came from."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="figures")
    kind = models.CharField(max_length=30, choices=FigureKind.choices)
    value = models.PositiveIntegerField()
    source = models.CharField(
        max_length=300, help_text="Where the figure comes from, e.g. 'Children's services case records, 31 March 2019'"
    )

    objects = ScopedQuerySet.as_manager()
    partnership_field = "report__partnership"

    class Meta:
        ordering = ["kind"]
        constraints = [models.UniqueConstraint(fields=["report", "kind"], name="one_figure_of_a_kind_per_report")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"


class Contribution(BaseModel):
    """Money one partner paid into the partnership's budget in the year."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="contributions")
    contributor = models.CharField("Partner", max_length=200)
    amount = models.DecimalField("Amount (£)", max_digits=12, decimal_places=2, validators=[MinValueValidator(0)])
    source = models.CharField(max_length=300, blank=True, help_text="e.g. 'Council finance ledger 2018-19'")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "report__partnership"

    class Meta:
        ordering = ["contributor"]
        constraints = [
            models.UniqueConstraint(fields=["report", "contributor"], name="one_contribution_per_partner_per_report")
        ]

    def __str__(self):
        return f"{self.contributor}: £{self.amount:,.2f}"


class Section(models.TextChoices):
    FOREWORD = "foreword", "Foreword"
    INTRODUCTION = "introduction", "Introduction"
    PRIORITIES = "priorities", "What the partnership did: priorities and progress"
    TRAINING = "training", "Training and dissemination"
    QUALITY = "quality", "Quality assurance"
    LOOKING_AHEAD = "looking_ahead", "Looking ahead"


class SectionVersion(BaseModel):
    """One saved text of a narrative section. Saving makes a new version (the earlier ones stay); a
    section is signed off when its latest version is, so any later edit needs signing off again."""

    report = models.ForeignKey(AnnualReport, on_delete=models.CASCADE, related_name="section_versions")
    section = models.CharField(max_length=20, choices=Section.choices)
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "report__partnership"

    class Meta:
        ordering = ["section", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "section", "number"], name="one_section_version_number")
        ]

    def __str__(self):
        return f"{self.get_section_display()}, version {self.number}"


# --- committee papers ---------------------------------------------------------------------------------


class CommitteePaper(BaseModel):
    """A paper to a council board or committee about one or more case reviews (seeds/000, 002), filled in
    from the reviews and edited before it is downloaded."""

    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.PROTECT, related_name="committee_papers")
    reviews = models.ManyToManyField("reviews.Review", related_name="+")
    item_number = models.CharField("Item number", max_length=20, blank=True)
    classification = models.CharField(max_length=40, default="Open")
    meeting = models.CharField("Meeting", max_length=200)
    meeting_date = models.DateField("Date of the meeting")
    title = models.CharField("Report title", max_length=300)
    wards = models.CharField("Wards or groups affected", max_length=200, default="All")
    from_whom = models.CharField("From", max_length=300)
    recommendations = models.TextField("Recommendations")
    background = models.TextField("Background information")
    key_issues = models.TextField("Key issues for consideration")
    policy_implications = models.TextField("Policy implications", blank=True)
    community_implications = models.TextField("Community impact statement", blank=True)
    legal_implications = models.TextField("Legal implications", blank=True)
    financial_implications = models.TextField("Financial implications", blank=True)
    appendices = models.TextField("Appendices", blank=True, help_text="One a line")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-meeting_date", "-created"]

    def __str__(self):
        return self.title

    @property
    def status_choices(self):
        return WorkItemStatus.choices


# --- subgroups' work (seeds/004 §2.2) -------------------------------------------------------------------


class SubgroupMember(BaseModel):
    """Who sits on a subgroup, by name and role (not every member uses casereview)."""

    subgroup = models.ForeignKey("accounts.Subgroup", on_delete=models.CASCADE, related_name="members")
    name = models.CharField(max_length=200)
    role = models.CharField("Job title and organisation", max_length=300)
    is_chair = models.BooleanField("Chairs the subgroup", default=False)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "subgroup__partnership"

    class Meta:
        ordering = ["-is_chair", "name"]

    def __str__(self):
        return f"{self.name}, {self.role}"


class SubgroupMeeting(BaseModel):
    subgroup = models.ForeignKey("accounts.Subgroup", on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField("Date of the meeting")
    minutes = models.TextField("Minutes", help_text="Decisions and actions agreed, in plain text")

    objects = ScopedQuerySet.as_manager()
    partnership_field = "subgroup__partnership"

    class Meta:
        ordering = ["-held_on"]

    def __str__(self):
        return f"{self.subgroup} meeting, {self.held_on:%-d %B %Y}"


class WorkItemStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DONE = "done", "Done"


class WorkProgrammeItem(BaseModel):
    subgroup = models.ForeignKey("accounts.Subgroup", on_delete=models.CASCADE, related_name="work_items")
    title = models.CharField("What will be done", max_length=300)
    owner = models.CharField("Owner", max_length=200, help_text="The person or role responsible")
    due_on = models.DateField("Due by", null=True, blank=True)
    status = models.CharField(max_length=20, choices=WorkItemStatus.choices, default=WorkItemStatus.PLANNED)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "subgroup__partnership"

    class Meta:
        ordering = ["status", "due_on", "title"]

    def __str__(self):
        return self.title

    @property
    def status_choices(self):
        return WorkItemStatus.choices

import uuid

from django.conf import settings
from django.db import models

from .scoping import ScopedQuerySet


class BaseModel(models.Model):
    """Every domain record: a UUID key (no guessable, countable ids in URLs) and when it was made and
    last changed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Theme(models.Model):
    """One tag of the national themes taxonomy (core/themes.py), shared by every app that tags learning."""

    category = models.CharField(max_length=20)
    name = models.CharField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]

    def __str__(self):
        return self.name


class WithdrawableQuerySet(ScopedQuerySet):
    def current(self):
        """What normal lists show: the records nobody has withdrawn."""
        return self.filter(withdrawn_at__isnull=True)

    def withdrawn(self):
        return self.filter(withdrawn_at__isnull=False)


class Withdrawable(models.Model):
    """A record a person entered and may later withdraw (entered twice, entered by mistake) with a reason.
    Nothing is erased: the record drops out of normal lists and stays readable, with its audit trail, on
    its history page."""

    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawal_reason = models.TextField(blank=True)

    objects = WithdrawableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_withdrawn(self):
        return self.withdrawn_at is not None


class ExportStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to start"
    RUNNING = "running", "Being prepared"
    DONE = "done", "Ready to download"
    FAILED = "failed", "Could not be prepared"


class ExportJob(BaseModel):
    """One long export (a chronology as Word, the audit trail as CSV, the action plans) prepared in the
    background for the person who asked. Only they may download it, and only while they may still take
    the page's action on the record it came from; the file is removed after a day (core/exports.py)."""

    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=50)
    title = models.CharField(max_length=300)
    # the record the export came from and the action its page needs, checked again at download
    target_model = models.CharField(max_length=100)
    target_id = models.CharField(max_length=100)
    target_action = models.CharField(max_length=50)
    params = models.JSONField(default=dict, blank=True)
    # the page the export was asked from, with its filters: where the progress page leads back to
    back_url = models.CharField(max_length=2000, blank=True)
    status = models.CharField(max_length=20, choices=ExportStatus.choices, default=ExportStatus.QUEUED)
    rows_done = models.PositiveIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0)
    stored_as = models.CharField(max_length=255, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=150, blank=True)
    problem = models.TextField(blank=True)
    expires_at = models.DateTimeField(db_index=True)

    objects = ScopedQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.title

    @property
    def is_finished(self):
        return self.status in (ExportStatus.DONE, ExportStatus.FAILED)

    @property
    def download_name(self):
        """The name the file downloads under, by the rules of every other download (core/file_checks.py)."""
        from .file_checks import download_name

        return download_name(self.file_name, self.content_type)

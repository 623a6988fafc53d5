from django.conf import settings
from django.db import models

from casereview.core.models import BaseModel


class Delivery(models.TextChoices):
    NOW = "now", "E-mail me each one as it happens"
    DIGEST = "digest", "One e-mail a day listing what is new"


class NotificationSettings(BaseModel):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.NOW)

    def __str__(self):
        return f"How {self.user} is told: {self.get_delivery_display().lower()}"


class Notification(BaseModel):
    """Something asked of one person. `key` names what was asked in the same words as the due list
    ("request:<id>"), so nothing is announced twice and the daily reminders know it was already sent.
    Only a link and the pseudonym (or the review's title) are kept: the details stay behind sign-in."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    partnership = models.ForeignKey("accounts.Partnership", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=120)
    what = models.CharField(max_length=300)
    about = models.CharField(max_length=200, blank=True)
    path = models.CharField(max_length=300)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="one_notification_per_person_and_request")
        ]

    def __str__(self):
        return f"{self.what} — {self.about}" if self.about else self.what

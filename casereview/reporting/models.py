import secrets

from django.conf import settings
from django.db import models

from casereview.core.models import BaseModel


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

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["deadline_key", "kind", "due_date", "recipient"],
                name="one_reminder_per_deadline_kind_and_person",
            )
        ]

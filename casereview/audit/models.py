from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models

from casereview.core.scoping import ScopedQuerySet


class AuditAction(models.TextChoices):
    VIEW = "view", "Viewed"
    CREATE = "create", "Created"
    UPDATE = "update", "Updated"
    DELETE = "delete", "Deleted"
    CORRECT = "correct", "Corrected"
    WITHDRAW = "withdraw", "Withdrawn"
    EXPORT = "export", "Exported"
    LOGIN = "login", "Signed in"
    LOGOUT = "logout", "Signed out"
    FAILED_LOGIN = "failed_login", "Failed sign-in"


class AuditEventQuerySet(ScopedQuerySet):
    def update(self, **kwargs):
        raise PermissionDenied("Audit events are append-only")

    def delete(self):
        raise PermissionDenied("Audit events are append-only")


class AuditEvent(models.Model):
    """One thing that happened. Append-only: written in the same transaction as the change it records;
    the model, its queryset, the admin and (on PostgreSQL) a database trigger all refuse edits and
    deletes. The actor's name is copied so the entry still reads true if the account is renamed."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_name = models.CharField(max_length=300, blank=True)
    action = models.CharField(max_length=20, choices=AuditAction.choices, db_index=True)
    partnership = models.ForeignKey(
        "accounts.Partnership", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    object_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(max_length=300, blank=True)
    changes = models.JSONField(default=dict, blank=True, help_text="field -> [before, after]")
    reason = models.TextField(blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["partnership", "-at"])]

    def __str__(self):
        return (
            f"{self.at:%Y-%m-%d %H:%M} {self.actor_name or 'anonymous'} {self.get_action_display()} {self.object_repr}"
        )

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("Audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Audit events are append-only")

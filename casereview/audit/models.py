import hashlib
import json
from datetime import timezone as dt_timezone

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import connection, models, transaction
from django.utils import timezone

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


# The chain of events that belong to no partnership (sign-ins, an administrator's system changes).
SYSTEM_CHAIN = "system"
GENESIS = "0" * 64


def chain_of(partnership_id):
    return str(partnership_id) if partnership_id else SYSTEM_CHAIN


class AuditChain(models.Model):
    """The head of one partnership's chain of events: how many it holds and the hash of the last. Each
    event carries the hash of the one before it in its chain, so a deleted event leaves a gap in the
    numbering and an edited one no longer matches its hash (`manage.py verify_audit`)."""

    key = models.CharField(max_length=64, unique=True)
    length = models.PositiveBigIntegerField(default=0)
    head = models.CharField(max_length=64, default=GENESIS)

    def __str__(self):
        return f"{self.key}: {self.length} events"


class AuditEvent(models.Model):
    """One thing that happened. Append-only: written in the same transaction as the change it records;
    the model, its queryset, the admin and (on PostgreSQL) a database trigger all refuse edits and
    deletes. The actor's name is copied so the entry still reads true if the account is renamed.

    Events are chained per partnership (AuditChain): writing one locks its chain's head, numbers the
    event and hashes it with the previous event's hash."""

    at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
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
    chain = models.CharField(max_length=64, blank=True, editable=False)
    sequence = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    previous_hash = models.CharField(max_length=64, blank=True, editable=False)
    hash = models.CharField(max_length=64, blank=True, editable=False)

    objects = AuditEventQuerySet.as_manager()
    partnership_field = "partnership"

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["partnership", "-at"])]
        constraints = [models.UniqueConstraint(fields=["chain", "sequence"], name="audit_event_once_in_its_chain")]

    def __str__(self):
        return (
            f"{self.at:%Y-%m-%d %H:%M} {self.actor_name or 'anonymous'} {self.get_action_display()} {self.object_repr}"
        )

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionDenied("Audit events are append-only")
        with transaction.atomic():
            self.chain = chain_of(self.partnership_id)
            _hold_partnership(self)
            head = _locked_head(self.chain)
            self.at = timezone.now()
            self.sequence = head.length + 1
            self.previous_hash = head.head
            self.hash = event_digest(self)
            super().save(*args, **kwargs)
            AuditChain.objects.filter(pk=head.pk).update(length=self.sequence, head=self.hash)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("Audit events are append-only")


def _hold_partnership(event):
    """Take the partnership's key-share lock (the one the event's foreign key takes on insert) before the
    chain's head, so every transaction meets the partnership first and the chain second: a write that holds
    the partnership row (numbering, once-only steps) and an audited read can then only wait for each other,
    never deadlock (probe 15). SQLite has no row locks."""
    if event.partnership_id is None or connection.vendor != "postgresql":
        return
    meta = AuditEvent._meta.get_field("partnership").related_model._meta
    table, key = connection.ops.quote_name(meta.db_table), connection.ops.quote_name(meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {table} WHERE {key} = %s FOR KEY SHARE", [event.partnership_id])


def _locked_head(key):
    """The chain's head, locked until the transaction ends, so events of one partnership are numbered one
    at a time (PostgreSQL row lock; SQLite writes one transaction at a time anyway).

    A chain with events but no head row had its head deleted outside casereview (the application's role
    may not delete it). Starting again at 1 would break every later write on the chain's unique numbering,
    so the head is rebuilt from the chain's newest event and the rebuild is itself an event of the chain,
    which verify_audit reports as tampering."""
    head = AuditChain.objects.select_for_update().filter(key=key).first()
    if head is not None:
        return head
    newest = AuditEvent.objects.unscoped().filter(chain=key).order_by("-sequence").first()
    defaults = {"length": newest.sequence, "head": newest.hash} if newest is not None else {}
    _, created = AuditChain.objects.get_or_create(key=key, defaults=defaults)
    head = AuditChain.objects.select_for_update().get(key=key)
    if created and newest is not None:
        AuditEvent(
            action=AuditAction.UPDATE,
            partnership_id=None if key == SYSTEM_CHAIN else newest.partnership_id,
            object_type=ContentType.objects.get_for_model(AuditChain),
            object_id=str(head.pk),
            object_repr="Audit trail",
            reason=HEAD_REBUILT.format(sequence=newest.sequence),
        ).save()
        head = AuditChain.objects.select_for_update().get(key=key)
    return head


HEAD_REBUILT = (
    "The record of where this audit trail ends was missing, removed outside casereview, and was rebuilt "
    "from event {sequence}"
)
HEAD_REPAIRED = (
    "The record of where this audit trail ends had been set back outside casereview, to event {recorded}, and "
    "was moved forward to event {sequence} by manage.py repair_audit_head"
)


def event_digest(event):
    """The hash of everything an event says, and of the event before it in its chain."""
    ip = AuditEvent._meta.get_field("ip_address").get_prep_value(event.ip_address)
    at = event.at.astimezone(dt_timezone.utc)
    payload = [
        event.chain,
        event.sequence,
        event.previous_hash,
        at.isoformat(),
        event.actor_id,
        event.actor_name,
        event.action,
        str(event.partnership_id or ""),
        event.object_type_id,
        event.object_id,
        event.object_repr,
        event.changes,
        event.reason,
        ip,
    ]
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()

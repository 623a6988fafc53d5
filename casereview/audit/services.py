"""Writing audit events. Services call these inside their own transaction, so a change and its record commit
or roll back together. The client's address comes from the context the request set (audit/context.py)."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from .context import client_address
from .models import AuditAction, AuditEvent


def _partnership_of(obj):
    if obj is None:
        return None
    field = getattr(type(obj), "partnership_field", None)
    if field == "pk":
        return obj
    if field:
        target = obj
        for part in field.split("__"):
            target = getattr(target, part, None)
        return target
    return None


def _plain(value):
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


# Bookkeeping fields that change on every save and mean nothing to a reader of the trail.
_UNAUDITED = {"id", "created", "updated", "password", "last_login"}


def snapshot(obj):
    """The record's field values as a person would read them (the related record's name, the choice's
    label), for comparing before and after a change."""
    values = {}
    for field in obj._meta.concrete_fields:
        if field.name in _UNAUDITED:
            continue
        if field.is_relation:
            related_id = getattr(obj, field.attname)
            values[field.name] = str(getattr(obj, field.name)) if related_id is not None else None
        elif field.choices:
            values[field.name] = getattr(obj, f"get_{field.name}_display")()
        else:
            values[field.name] = _plain(getattr(obj, field.attname))
    return values


def changed_fields(before, after):
    return {field: [before.get(field), value] for field, value in after.items() if before.get(field) != value}


def _restricted(value):
    return "(restricted)" if value not in (None, "") else value


def _recorded(obj, changes):
    """A model's `audit_restricted_fields` (a child's identifying details, a report's unanonymised text) are
    recorded as changed, never with their values: the trail is read and exported more widely than they are."""
    hidden = getattr(type(obj), "audit_restricted_fields", ())
    return {
        field: [_restricted(old), _restricted(new)] if field in hidden else [old, new]
        for field, (old, new) in changes.items()
    }


def record_event(*, actor, action, obj=None, partnership=None, changes=None, reason="", object_repr=""):
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        actor_name=(user.get_full_name() or user.username) if user else "",
        action=action,
        partnership=partnership if partnership is not None else _partnership_of(obj),
        object_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
        object_id=str(obj.pk) if obj is not None else "",
        object_repr=(object_repr or (str(obj) if obj is not None else ""))[:300],
        changes=changes or {},
        reason=reason,
        ip_address=client_address.get(),
    )


def audit_create(*, actor, obj, reason=""):
    return record_event(
        actor=actor,
        action=AuditAction.CREATE,
        obj=obj,
        changes=_recorded(obj, changed_fields({}, snapshot(obj))),
        reason=reason,
    )


def audit_update(*, actor, obj, before, reason=""):
    """Record an update given the snapshot taken before it; nothing is written when nothing changed."""
    changes = changed_fields(before, snapshot(obj))
    if not changes:
        return None
    return record_event(actor=actor, action=AuditAction.UPDATE, obj=obj, changes=_recorded(obj, changes), reason=reason)


def audit_read(*, actor, obj):
    return record_event(actor=actor, action=AuditAction.VIEW, obj=obj)


def _comparable(field, value):
    # A relation is compared by its key, so finding that nothing changed fetches no related row.
    return value.pk if field.is_relation and isinstance(value, Model) else value


@transaction.atomic
def model_update(*, actor, instance, data, reason=""):
    """The one way to change a saved record: set the fields named in `data`, validate the whole record, save
    only the fields whose value changed and record one audit event with their before and after (the same
    shape as audit_update). Returns (instance, changed); nothing is saved or recorded when no value changed.
    A refused change (ValidationError) saves nothing and leaves the instance as it was. Many-to-many fields
    are the caller's to set, after this."""
    before = snapshot(instance)
    previous = {}
    for name, value in data.items():
        field = instance._meta.get_field(name)
        if field.many_to_many or not field.concrete:
            raise ValueError(f"model_update sets concrete fields only, not {name}")
        if getattr(instance, field.attname) != _comparable(field, value):
            previous[field] = getattr(instance, field.attname)
            setattr(instance, name, value)
    if not previous:
        return instance, False
    try:
        instance.full_clean()
    except ValidationError:
        for field, value in previous.items():
            setattr(instance, field.attname, value)
        raise
    auto_now = [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]
    instance.save(update_fields=[field.name for field in previous] + auto_now)
    audit_update(actor=actor, obj=instance, before=before, reason=reason)
    return instance, True


# --- corrections and withdrawals (issue 11) -------------------------------------------------------

REASON_REQUIRED = "Say why, so that whoever reads the record's history later understands"


def require_reason(reason, field="reason"):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({field: REASON_REQUIRED})
    return reason


def audit_correction(*, actor, obj, before, reason):
    """A correction of something entered wrongly: an update that must say why, recorded as a correction."""
    changes = changed_fields(before, snapshot(obj))
    if not changes:
        return None
    return record_event(actor=actor, action=AuditAction.CORRECT, obj=obj, changes=changes, reason=reason)


def model_withdraw(*, actor, instance, reason):
    """Withdraw a record (core.models.Withdrawable): never erased, only marked, with who, when and why.
    The caller (the owning app's service) runs this inside its transaction and checks what the withdrawal
    would leave behind."""
    reason = require_reason(reason)
    if instance.withdrawn_at is not None:
        raise ValidationError("This record was already withdrawn")
    before = snapshot(instance)
    instance.withdrawn_at = timezone.now()
    instance.withdrawn_by = actor
    instance.withdrawal_reason = reason
    instance.save(update_fields=["withdrawn_at", "withdrawn_by", "withdrawal_reason", "updated"])
    return record_event(
        actor=actor,
        action=AuditAction.WITHDRAW,
        obj=instance,
        changes=changed_fields(before, snapshot(instance)),
        reason=reason,
    )


def audited_download(request, record, *, what, file=None, file_name=None, content_type=None):
    """A stored file (`record.file`, `.file_name`, `.content_type`, or those given) sent as an attachment,
    its reading written to the audit log as "<what> downloaded: <file name>". For records served only
    through a permission-checked view; core.middleware keeps the response out of every cache."""
    from django.http import FileResponse

    from casereview.core.file_checks import download_name

    file = record.file if file is None else file
    file_name = record.file_name if file_name is None else file_name
    content_type = record.content_type if content_type is None else content_type
    record_event(actor=request.user, action=AuditAction.VIEW, obj=record, object_repr=f"{what} downloaded: {file_name}")
    return FileResponse(
        file.open("rb"),
        as_attachment=True,
        filename=download_name(file_name, content_type),
        content_type=content_type or "application/octet-stream",
    )

"""Sign-in, sign-out and failed sign-ins are audited whichever page or client caused them, and so is every
opening of a confidential record (core.access sends the signal as it hands the record to the page)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from casereview.core.access import confidential_record_read

from .models import AuditAction
from .services import audit_read, record_event


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs):
    record_event(actor=user, action=AuditAction.LOGIN, object_repr=user.username)


@receiver(user_logged_out)
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        record_event(actor=user, action=AuditAction.LOGOUT, object_repr=user.username)


@receiver(user_login_failed)
def audit_failed_login(sender, credentials, **kwargs):
    # Only the username tried is kept: never the password.
    record_event(
        actor=None,
        action=AuditAction.FAILED_LOGIN,
        object_repr=str(credentials.get("username", ""))[:150],
    )


@receiver(confidential_record_read)
def audit_confidential_read(sender, user, obj, **kwargs):
    audit_read(actor=user, obj=obj)

"""Writes. Each service validates, saves and writes its audit event in one transaction."""

import enum
import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from casereview.audit.models import AuditAction
from casereview.audit.services import audit_create, model_update, record_event
from casereview.core.concurrency import lock
from casereview.core.tasks import send_email

from .models import Agency, Membership, Partnership, PasswordResetRequest, Role, User
from .tokens import invitation_token

# How soon after the first a second identical submission is taken as the same one sent twice.
DOUBLE_SUBMISSION = timedelta(minutes=5)


@transaction.atomic
def agency_create(*, actor, partnership, name, sector):
    """Add an agency. The same form sent twice is answered with the agency the first one made."""
    lock(partnership)
    same = Agency.objects.unscoped().filter(partnership=partnership, name=name.strip(), sector=sector).first()
    if same is not None and same.created >= timezone.now() - DOUBLE_SUBMISSION:
        return same
    if Agency.objects.unscoped().filter(partnership=partnership, name__iexact=name.strip()).exists():
        raise ValidationError({"name": f"{partnership} already has an agency called {name.strip()}"})
    agency = Agency(partnership=partnership, name=name.strip(), sector=sector)
    agency.full_clean()
    agency.save()
    audit_create(actor=actor, obj=agency)
    return agency


# --- people ---------------------------------------------------------------------------------------


def _site(site_url):
    return (site_url or getattr(settings, "CASEREVIEW_SITE_URL", "http://127.0.0.1:8000")).rstrip("/")


def invitation_link(user, site_url=None):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("accounts:invitation_accept", kwargs={"uidb64": uid, "token": invitation_token.make_token(user)})
    return _site(site_url) + path


def _send_invitation(*, user, membership, actor, site_url):
    """The e-mail leaves through the task queue once the invitation is saved, so a slow mail server never
    holds the page and a refused invitation sends nothing."""
    context = {
        "user": user,
        "membership": membership,
        "inviter": actor,
        "link": invitation_link(user, site_url) if not user.has_usable_password() else None,
        "sign_in": _site(site_url) + reverse("accounts:login"),
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
    }
    body = loader.render_to_string("accounts/email/invitation.txt", context)
    subject = f"You have been given access to casereview for {membership.partnership}"
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[user.email]))


def _check_grant(*, partnership, role, agency):
    if role not in Role.values:
        raise ValidationError({"role": "Choose a role from the list"})
    if agency is not None and agency.partnership_id != partnership.pk:
        raise ValidationError({"agency": f"Choose one of {partnership}'s agencies"})
    if role == Role.AGENCY_LEAD and agency is None:
        raise ValidationError({"agency": "Choose the agency this safeguarding lead works for"})


@transaction.atomic
def person_invite(*, actor, partnership, email, first_name, last_name, role, agency=None, job_title="", site_url=None):
    """Give a person a role in the partnership and e-mail them a one-time link to choose a password. A
    person who already has an account (a reviewer working for two partnerships) is told they have been
    added and signs in as before."""
    email = User.objects.normalize_email(email.strip()).lower()
    if not email:
        raise ValidationError({"email": "Enter the person's e-mail address"})
    _check_grant(partnership=partnership, role=role, agency=agency)
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        # unscoped (here and below): services acting on a partnership or membership the view has authorised.
        existing = Membership.objects.unscoped().filter(user=user, partnership=partnership, is_active=True).first()
        if existing is not None:
            raise ValidationError(
                {"email": f"{email} is already a member of {partnership} ({existing.get_role_display().lower()})"}
            )
    else:
        if not first_name.strip() or not last_name.strip():
            raise ValidationError("Enter the person's first and last names")
        user = User(username=email[:150], email=email, first_name=first_name.strip(), last_name=last_name.strip())
        user.set_unusable_password()
        user.full_clean()
        user.save()
        record_event(
            actor=actor, action=AuditAction.CREATE, obj=user, partnership=partnership, object_repr=f"Account for {user}"
        )
    membership = Membership.objects.unscoped().filter(user=user, partnership=partnership, role=role).first()
    if membership is not None:  # an ended membership, given back
        model_update(
            actor=actor,
            instance=membership,
            data={"is_active": True, "agency": agency, "job_title": job_title.strip()},
            reason="Invited again",
        )
    else:
        membership = Membership(
            user=user, partnership=partnership, role=role, agency=agency, job_title=job_title.strip()
        )
        membership.full_clean()
        membership.save()
        audit_create(actor=actor, obj=membership)
    _send_invitation(user=user, membership=membership, actor=actor, site_url=site_url)
    return membership


@transaction.atomic
def invitation_resend(*, actor, membership, site_url=None):
    user = membership.user
    if user.has_usable_password():
        raise ValidationError(f"{user} has already set a password; they can reset it from the sign-in page")
    if not user.email:
        raise ValidationError(f"{user} has no e-mail address, so no invitation can be sent")
    record_event(actor=actor, action=AuditAction.UPDATE, obj=membership, object_repr=f"Invitation sent again to {user}")
    _send_invitation(user=user, membership=membership, actor=actor, site_url=site_url)


@transaction.atomic
def invitation_accept(*, user, password):
    """The invited person chooses their password; the link stops working as the password is set."""
    user.set_password(password)
    user.save(update_fields=["password"])
    record_event(actor=user, action=AuditAction.UPDATE, obj=user, object_repr=f"{user} accepted their invitation")
    return user


def _business_managers_left(membership):
    return (
        Membership.objects.unscoped()
        .filter(partnership=membership.partnership, role=Role.BUSINESS_MANAGER, is_active=True, user__is_active=True)
        .exclude(pk=membership.pk)
        .exists()
    )


def _keep_a_business_manager(membership, *, doing):
    if membership.role == Role.BUSINESS_MANAGER and membership.is_active and not _business_managers_left(membership):
        raise ValidationError(
            f"{membership.user} is {membership.partnership}'s only business manager, so you cannot {doing}. "
            "Give someone else the business manager role first."
        )


@transaction.atomic
def membership_change(*, actor, membership, role, agency=None, job_title=""):
    membership = Membership.objects.unscoped().select_for_update().get(pk=membership.pk)
    partnership = membership.partnership
    _check_grant(partnership=partnership, role=role, agency=agency)
    if role != membership.role:
        _keep_a_business_manager(membership, doing="change their role")
        if Membership.objects.unscoped().filter(user=membership.user, partnership=partnership, role=role).exists():
            raise ValidationError({"role": f"{membership.user} already has the {Role(role).label.lower()} role"})
    model_update(
        actor=actor, instance=membership, data={"role": role, "agency": agency, "job_title": job_title.strip()}
    )
    return membership


@transaction.atomic
def membership_end(*, actor, membership, reason=""):
    """The person keeps their account (and their history) but loses this role; ended, never deleted."""
    # Locks the partnership's business managers, so two managers ending each other at once cannot both win.
    list(
        Membership.objects.unscoped()
        .select_for_update()
        .filter(partnership=membership.partnership, role=Role.BUSINESS_MANAGER, is_active=True)
    )
    membership = Membership.objects.unscoped().get(pk=membership.pk)
    if not membership.is_active:
        raise ValidationError("This role has already been ended")
    _keep_a_business_manager(membership, doing="end their role")
    model_update(actor=actor, instance=membership, data={"is_active": False}, reason=reason.strip())
    return membership


def is_locked_out(user):
    from axes.models import AccessAttempt

    limit = getattr(settings, "AXES_FAILURE_LIMIT", 5)
    return AccessAttempt.objects.filter(username=user.username, failures_since_start__gte=limit).exists()


@transaction.atomic
def account_unlock(*, actor, membership):
    from axes.utils import reset

    user = membership.user
    if not is_locked_out(user):
        raise ValidationError(f"{user}'s sign-in is not locked")
    reset(username=user.username)
    record_event(actor=actor, action=AuditAction.UPDATE, obj=membership, object_repr=f"Sign-in unlocked for {user}")


@transaction.atomic
def partnership_create(
    *, actor, name, slug, local_authority="", manager_email, manager_first_name, manager_last_name, site_url=None
):
    """A system administrator sets up a partnership and invites its first business manager, who does the rest."""
    if not getattr(actor, "is_superuser", False):
        raise ValidationError("Only a system administrator can set up a partnership")
    partnership = Partnership(name=name.strip(), slug=slug.strip(), local_authority=local_authority.strip())
    partnership.full_clean()
    partnership.save()
    audit_create(actor=actor, obj=partnership)
    person_invite(
        actor=actor,
        partnership=partnership,
        email=manager_email,
        first_name=manager_first_name,
        last_name=manager_last_name,
        role=Role.BUSINESS_MANAGER,
        site_url=site_url,
    )
    return partnership


# --- two-factor sign-in ----------------------------------------------------------------------------


def _code(code):
    return "".join(str(code).split())


def _throttled(device):
    """After a wrong code the next try must wait 1, 2, 4 … seconds (django-otp's throttling)."""
    import math

    allowed, why = device.verify_is_allowed()
    if allowed or not (why and why.get("locked_until")):
        return None
    seconds = max(1, math.ceil((why["locked_until"] - timezone.now()).total_seconds()))
    if seconds < 120:
        wait = "1 second" if seconds == 1 else f"{seconds} seconds"
    else:
        wait = f"{math.ceil(seconds / 60)} minutes"
    return ValidationError({"code": f"Too many wrong codes. Try again in {wait}, with the code your app shows then."})


WRONG_CODE = "That code is not right. Enter the 6-digit code your app shows now."
USED_CODE = (
    "That code has just been used to sign in. Wait for your app to show a new code (it changes every 30 seconds), "
    "then enter the new one."
)


def _just_used(device, code):
    """Whether `code` is right for a time step this device has already used: a code typed again after signing
    out and in within its 30 seconds. It is refused all the same (a code works once), but said so, not
    called wrong."""
    from django_otp.oath import TOTP

    TOTPDevice = type(device)
    device = TOTPDevice.objects.filter(pk=device.pk).first()
    try:
        token = int(_code(code))
    except (TypeError, ValueError):
        return False
    if device is None or device.last_t is None or device.last_t < 0:
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    for offset in range(-device.tolerance, device.tolerance + 1):
        totp.drift = device.drift + offset
        if totp.t() <= device.last_t and totp.token() == token:
            return True
    return False


def two_factor_confirm(*, user, device, code):
    """The person proves they added the secret to their app: the device is theirs from now on."""
    from django_otp import verify_token

    if device.user_id != user.pk or device.confirmed:
        raise ValidationError("Start setting up two-factor sign-in again.")
    if refusal := _throttled(device):
        raise refusal
    with transaction.atomic():
        accepted = verify_token(user, device.persistent_id, _code(code))
        if accepted is not None:
            TOTPDevice = type(device)
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
            accepted.confirmed = True
            record_event(
                actor=user,
                action=AuditAction.CREATE,
                obj=accepted,
                object_repr=f"Two-factor sign-in for {user.username}",
                reason="Set up with an authenticator app",
            )
            return accepted
    raise ValidationError({"code": WRONG_CODE})


def two_factor_check(*, user, device, code):
    """The code typed after the password. A wrong one is audited as a failed sign-in and makes the next
    try wait longer (django-otp's throttling); a code already used is refused (TOTP counts forward)."""
    from django_otp import verify_token

    refusal = _throttled(device)
    accepted = None if refusal else verify_token(user, device.persistent_id, _code(code))
    if accepted is not None:
        record_event(actor=user, action=AuditAction.LOGIN, object_repr=user.username, reason="Two-factor code accepted")
        return accepted
    used = not refusal and _just_used(device, code)
    record_event(
        actor=user,
        action=AuditAction.FAILED_LOGIN,
        object_repr=user.username,
        reason="Two-factor code tried too soon after a wrong one"
        if refusal
        else "Two-factor code already used"
        if used
        else "Wrong two-factor code",
    )
    raise refusal or ValidationError({"code": USED_CODE if used else WRONG_CODE})


@transaction.atomic
def two_factor_reset(*, actor, user, reason):
    """A system administrator's recovery for a lost or replaced phone: the person's devices are removed, so
    at their next sign-in (with their password) they set up a new one. Said why, and audited."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not getattr(actor, "is_superuser", False):
        raise ValidationError("Only a system administrator can reset two-factor sign-in.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why two-factor sign-in is being reset"})
    devices = list(TOTPDevice.objects.filter(user=user))
    if not devices:
        raise ValidationError(f"{user} has not set up two-factor sign-in.")
    for device in devices:
        record_event(
            actor=actor,
            action=AuditAction.DELETE,
            obj=device,
            object_repr=f"Two-factor sign-in for {user.username}",
            reason=reason,
        )
    TOTPDevice.objects.filter(pk__in=[d.pk for d in devices]).delete()
    return len(devices)


class ResetAnswer(enum.Enum):
    SEND = "send"  # queue the e-mail (the task sends it only if the address is an account's)
    QUIET = "quiet"  # the address was sent enough links this hour: the page looks the same, nothing is sent
    TOO_MANY = "too many"  # this client asked too often: the page says so, whatever the address


RESET_WINDOW = timedelta(hours=1)


def note_password_reset(*, email, client):
    """Count a use of the reset page and say what to do with it. Both limits are read from the requests of
    the last hour, never from the accounts, so the answer (and the page's work) is the same whether or not
    the address has an account."""
    now = timezone.now()
    since = now - RESET_WINDOW
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    asked = PasswordResetRequest.objects.filter(requested_at__gte=since)
    if client and asked.filter(client=client).count() >= settings.PASSWORD_RESET_LIMIT_PER_CLIENT:
        return ResetAnswer.TOO_MANY
    sent_lately = asked.filter(address_digest=digest).count()
    PasswordResetRequest.objects.create(address_digest=digest, client=client or "")
    PasswordResetRequest.objects.filter(requested_at__lt=now - timedelta(days=1)).delete()
    if sent_lately >= settings.PASSWORD_RESET_LIMIT_PER_ADDRESS:
        return ResetAnswer.QUIET
    return ResetAnswer.SEND


def user_mark_home_seen(*, user, at=None):
    """The person saw their home page (and its list of changes) now. A plain update, like Django's
    last_login: it is when a page was read, not a change anyone made to a record, so it is not audited."""
    at = at or timezone.now()
    User.objects.filter(pk=user.pk).update(home_seen_at=at)
    user.home_seen_at = at
    return at

"""Asks for the second factor. Place after django-otp's OTPMiddleware (which says whether this session's
sign-in was proved by a device) and after LoginRequiredMiddleware."""

from urllib.parse import urlencode

from django.db import router
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import middleware as otp_middleware
from django_otp.plugins.otp_totp.models import TOTPDevice

from casereview.core.access import Public, access_rule_of
from casereview.core.compiled import CompiledQuery

from . import permissions, two_factor


def before_two_factor(view):
    """A page a person signed in with their password alone may open: setting up or entering the code, and
    signing out."""
    view.before_two_factor = True
    return view


_TOTP_DEVICE = CompiledQuery(lambda pk: TOTPDevice.objects.filter(pk=pk).order_by(), TOTPDevice._meta.pk)


class OTPMiddleware(otp_middleware.OTPMiddleware):
    """django-otp's middleware (which device proved this session's second factor), reading an authenticator
    app's device — on every request of a business manager or chair — with a query compiled once
    (core.compiled). Which device counts, and when, is django-otp's."""

    def _device_from_persistent_id(self, persistent_id):
        persistent_id = self._normalize_persistent_id(persistent_id)
        label, _, key = persistent_id.rpartition("/")
        if label != TOTPDevice.model_label():
            return super()._device_from_persistent_id(persistent_id)
        try:
            pk = int(key)
        except ValueError:  # as Device.from_persistent_id: no device
            return None
        found = _TOTP_DEVICE.fetch(pk, using=router.db_for_read(TOTPDevice))
        return found[0] if found else None


class TwoFactorMiddleware:
    """Someone who must use two-factor sign-in (permissions.must_use_two_factor) and has only given their
    password is sent to enter their code, or to set up an app if they have none, before any other page —
    the admin's included. Public pages (the password reset) stay open."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if getattr(view_func, "before_two_factor", False) or isinstance(access_rule_of(view_func), Public):
            return None
        if not permissions.must_use_two_factor(user):
            return None
        step = "accounts:two_factor_verify" if two_factor.confirmed_device(user) else "accounts:two_factor_setup"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")

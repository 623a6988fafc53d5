"""Two-factor sign-in: a time-based code from an authenticator app (TOTP, RFC 6238, through django-otp)
after the password. Who must use it is decided in permissions.must_use_two_factor; the writes (setting a
device up, checking a code, a system administrator's reset) are services, audited."""

import base64
from base64 import b32encode

import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "Authenticator app"


def confirmed_device(user):
    """The device the person proved they hold, or None if they have not set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-id").first()


def device_being_set_up(user):
    """The unconfirmed device the setup page shows, made once so reloading the page keeps the secret the
    person may already have added to their app."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_text(device):
    """The secret as an app asks for it when typed in: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_data_uri(device):
    """The device's otpauth:// address as a QR code (SVG, white behind it), ready for an <img> tag:
    the page needs no script and the content security policy already allows data: images."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage, border=2)
    svg = image.to_string()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode()

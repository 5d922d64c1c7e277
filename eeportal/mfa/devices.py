"""The user's second factors: one authenticator app (a confirmed TOTP device) and a set of
one-time recovery codes (a static device). Replacing either replaces the old one whole."""

from __future__ import annotations

import math
from base64 import b32encode

import segno
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_NAME, CODES_NAME = "Authenticator app", "Recovery codes"
RECOVERY_CODES = 10


def has_app(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_app(user: User) -> TOTPDevice:
    """The app being set up: kept across page loads so the QR code does not change under the
    user while they scan it; a new one once the app is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def secret_of(device: TOTPDevice) -> str:
    """The key as the apps take it typed in: base32, in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    """The otpauth:// address as a QR code, an SVG data URI (an <img>, no inline markup)."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def wait_seconds(device) -> int:
    allowed, info = device.verify_is_allowed()
    if allowed or not info or "locked_until" not in info:
        return 0
    return max(1, math.ceil((info["locked_until"] - timezone.now()).total_seconds()))


def check(user: User, code: str, *, recovery: bool = True):
    """(the device that accepts ``code``, 0) or (None, seconds to wait when throttled).

    Digits go to the app, anything else to the recovery codes, so a wrong app code does not
    count against the recovery codes' throttle (and the other way round)."""
    with transaction.atomic():
        if code.isdigit():
            candidates = TOTPDevice.objects.filter(user=user, confirmed=True)
        elif recovery:
            candidates = StaticDevice.objects.filter(user=user, confirmed=True)
        else:
            return None, 0
        for device in candidates.select_for_update():
            wait = wait_seconds(device)
            if wait:
                return None, wait
            if device.verify_token(code):
                return device, 0
    return None, 0


@transaction.atomic
def confirm_app(device: TOTPDevice) -> list[str]:
    """Make ``device`` the user's app (replacing any other) and give fresh recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    holder = StaticDevice.objects.create(user=user, name=CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=holder, token=c) for c in codes)
    return codes


def codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def turn_off(user: User) -> None:
    for device in devices_for_user(user, confirmed=None):
        device.delete()

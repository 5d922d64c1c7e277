"""Helpers for tests of two-factor sign-in: enrol a user, and the code their app shows."""

from __future__ import annotations

from django.contrib.auth.models import User
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from eeportal.mfa import devices


def enrol(user: User) -> list[str]:
    """Give ``user`` a confirmed authenticator app; returns their recovery codes."""
    return devices.confirm_app(devices.pending_app(user))


def app_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """What the app shows now (or ``steps_ahead`` periods later: a code is accepted once, and
    the device tolerates one period of drift)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.drift += steps_ahead
    return f"{totp.token():0{device.digits}d}"


def app_of(user: User) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=True)

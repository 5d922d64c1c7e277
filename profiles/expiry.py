"""Expired, expiring or valid: one meaning for the badges, the list filters and the dashboard.

A profile expires 12 months after submission (§9), language results after 2 years and ECAs
after 5; each is expired from its expiry date on, counted in Ottawa's time zone, as the
re-evaluation counts it. "Expiring" is within ``EXPIRING_WITHIN_DAYS``. Language results and
ECAs read the file's ``language_expires_on`` / ``eca_expires_on`` (the earliest of its key
dates, so only what costs points); profiles read the submission time itself.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from profiles.models.clients import PROFILE_VALIDITY_MONTHS, add_months, local_date

EXPIRING_WITHIN_DAYS = 90


class Status(models.TextChoices):
    EXPIRED = "expired", _("Expired")
    EXPIRING = "expiring", _("Expiring within 90 days")  # EXPIRING_WITHIN_DAYS
    VALID = "valid", _("Valid")


def status_on(expires: date | None, today: date) -> Status | None:
    """The status of something that expires on ``expires`` (None: nothing to expire)."""
    if expires is None:
        return None
    if expires <= today:
        return Status.EXPIRED
    if expires <= today + timedelta(days=EXPIRING_WITHIN_DAYS):
        return Status.EXPIRING
    return Status.VALID


def profile_expires_on(submitted_at: datetime | None) -> date | None:
    if submitted_at is None:
        return None
    return local_date(add_months(submitted_at, PROFILE_VALIDITY_MONTHS))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=timezone.get_default_timezone())


def profile_expiring(first: date | None, last: date | None) -> Q:
    """Profiles whose expiry date falls in [``first``, ``last``] (either end open if None),
    as conditions on the submission time, so the index on it answers."""
    months = -PROFILE_VALIDITY_MONTHS
    q = Q(profile_submitted_at__isnull=False)
    if first is not None:
        q &= Q(profile_submitted_at__gte=add_months(_midnight(first), months))
    if last is not None:
        q &= Q(profile_submitted_at__lt=add_months(_midnight(last + timedelta(days=1)), months))
    return q


def _between(column: str, first: date | None, last: date | None) -> Q:
    q = Q(**{f"{column}__isnull": False})
    if first is not None:
        q &= Q(**{f"{column}__gte": first})
    if last is not None:
        q &= Q(**{f"{column}__lte": last})
    return q


def with_status(what: str, status: str, today: date) -> Q:
    """Files whose ``what`` ("profile", "language" or "eca") has ``status`` on ``today``."""
    soon = today + timedelta(days=EXPIRING_WITHIN_DAYS)
    first, last = {
        Status.EXPIRED: (None, today),
        Status.EXPIRING: (today + timedelta(days=1), soon),
        Status.VALID: (soon + timedelta(days=1), None),
    }[Status(status)]
    if what == "profile":
        return profile_expiring(first, last)
    return _between(f"{what}_expires_on", first, last)

"""Absolute links for e-mails sent by tasks, which have no request to build them from."""

from django.conf import settings
from django.urls import reverse


def site_link(name: str, *args: object) -> str:
    """``SITE_URL`` followed by the path of URL ``name``: ``https://portal.example.com/dashboard/``."""
    return settings.SITE_URL.rstrip("/") + reverse(name, args=args)

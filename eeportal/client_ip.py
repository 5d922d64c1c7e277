"""The address of the person asking, the same for the sign-in lockout, the page rate limits and
the API throttles: behind ``NUM_PROXIES`` proxies it is the address the nearest proxy saw (the
n-th entry from the right of X-Forwarded-For), so nobody can lock a user out for everyone by
failing from the load balancer's address, nor dodge a limit by forging the left of the header."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 (a key, not a bind)
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if not proxies or not forwarded:
        return remote
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    if not hops:
        return remote
    candidate = hops[-min(proxies, len(hops))]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:  # a forged or garbled header: the connection's own address
        return remote


def axes_client_ip(request: HttpRequest) -> str:
    """django-axes' ``AXES_CLIENT_IP_CALLABLE``."""
    return client_ip(request)

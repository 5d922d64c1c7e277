"""Probes for /healthz and the start-up checks."""

from urllib.parse import urlsplit

import redis
from django.conf import settings
from django.db import connection


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:  # any driver error means "down" to a load balancer
        return f"error: {type(exc).__name__}"
    return "ok"


def broker_status() -> str:
    """'eager' when no Redis is configured (tasks run in-process), else 'ok' or the error."""
    if not settings.REDIS_URL:
        return "eager"
    try:
        client = redis.Redis.from_url(
            settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1
        )
        client.ping()
    except redis.RedisError as exc:
        return f"error: {type(exc).__name__}"
    return "ok"


def redacted(url: str) -> str:
    """The URL without its credentials, safe to print in logs."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"

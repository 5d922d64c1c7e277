"""Start-up checks that turn a misconfigured service into one readable line."""

from django.conf import settings
from django.core.checks import Warning, register


@register()
def redis_answers(app_configs, **kwargs) -> list:
    if not settings.REDIS_URL:
        return []
    from .health import broker_status, redacted

    status = broker_status()
    if status == "ok":
        return []
    return [
        Warning(
            f"Redis at {redacted(settings.REDIS_URL)} is not answering ({status}).",
            hint="Draws are still saved; re-evaluation runs wait in 'pending' until Redis is back.",
            id="eeportal.W001",
        )
    ]

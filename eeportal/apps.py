from django.apps import AppConfig


class EEPortalConfig(AppConfig):
    name = "eeportal"
    verbose_name = "EE Portal"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the system checks)

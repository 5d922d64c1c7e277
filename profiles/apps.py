from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "profiles"
    verbose_name = "Firms and clients"

    def ready(self) -> None:
        # Registers the tasks in every process: a message's e-mail is sent by task name
        # (``documents.sending``), which the web process must know before any worker runs.
        import profiles.tasks  # noqa: F401

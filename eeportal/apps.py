from django.apps import AppConfig


class EEPortalConfig(AppConfig):
    name = "eeportal"
    verbose_name = "EE Portal"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401  (registers the system checks)
        from .language_choice import on_sign_in
        from .mfa import reauth, state
        from .middleware import mark_idle_rule

        user_logged_in.connect(mark_idle_rule, dispatch_uid="eeportal.idle_rule")
        user_logged_in.connect(state.on_sign_in, dispatch_uid="eeportal.mfa_state")
        user_logged_in.connect(reauth.on_sign_in, dispatch_uid="eeportal.reauth")
        user_logged_in.connect(on_sign_in, dispatch_uid="eeportal.language")

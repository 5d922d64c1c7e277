from django.apps import AppConfig


class DrawsConfig(AppConfig):
    name = "draws"
    verbose_name = "Express Entry draws"

    def ready(self) -> None:
        # Registers the tasks in every process (web, worker, shell): the pipeline sends them by
        # name (draws.reevaluation.sending), so nothing else would import the module.
        from django.db.models.signals import post_delete, post_save

        import draws.tasks  # noqa: F401
        from draws.dashboard import draw_sections
        from draws.models import Draw, DrawCategory
        from draws.panels import answer_panel, calculator_outlook, standings_panel
        from draws.reevaluation.rescoring import queue_rescore
        from eeportal.public_cache import on_data_change
        from profiles import dashboard, panels
        from profiles.signals import facts_changed
        from scoring.web import extras as calculator_extras

        # Connected here, not in profiles: the dependency points from draws to profiles only.
        facts_changed.connect(queue_rescore, dispatch_uid="draws.rescore_on_facts_changed")
        panels.register(answer_panel, slot="answer")
        panels.register(standings_panel)
        calculator_extras.register(calculator_outlook)
        dashboard.register(draw_sections)
        # The cached public pages show draws and categories: any write makes them render again.
        for model in (Draw, DrawCategory):
            for signal in (post_save, post_delete):
                signal.connect(
                    on_data_change, sender=model, dispatch_uid=f"public-{model.__name__}"
                )

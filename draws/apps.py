from django.apps import AppConfig


class DrawsConfig(AppConfig):
    name = "draws"
    verbose_name = "Express Entry draws"

    def ready(self) -> None:
        # Registers the tasks in every process (web, worker, shell): the pipeline sends them by
        # name (draws.reevaluation.sending), so nothing else would import the module.
        import draws.tasks  # noqa: F401
        from draws.dashboard import draw_sections
        from draws.panels import answer_panel, calculator_outlook, standings_panel
        from draws.reevaluation.rescoring import queue_rescore
        from profiles import dashboard, panels
        from profiles.signals import facts_changed
        from scoring.web import extras as calculator_extras

        # Connected here, not in profiles: the dependency points from draws to profiles only.
        facts_changed.connect(queue_rescore, dispatch_uid="draws.rescore_on_facts_changed")
        panels.register(answer_panel, slot="answer")
        panels.register(standings_panel)
        calculator_extras.register(calculator_outlook)
        dashboard.register(draw_sections)

"""`makemessages` as this project runs it (`make messages`).

Two additions to Django's own: the scoring engine marks its labels with ``N_`` and ``T_``
(scoring/text.py: the engine imports no Django), so xgettext looks for those too; and the folders
that hold no interface text (the virtualenv, tests, benchmarks, vendored files) are skipped.
"""

from django.core.management.commands import makemessages

SKIPPED = [".venv", "tests", "bench", "staticfiles", "static/vendor", "node_modules", "media"]


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_", "--keyword=T_"]

    def handle(self, *args, **options):
        options["ignore_patterns"] = [*options.get("ignore_patterns", []), *SKIPPED]
        options.setdefault("no_obsolete", True)
        return super().handle(*args, **options)

#!/usr/bin/env python
"""Django's command-line utility, with one clear line instead of a traceback when the database
or the settings are wrong (a newcomer's first `make run` should say what to fix)."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "eeportal.settings")
    from django.core.exceptions import ImproperlyConfigured

    try:
        from django.core.management import execute_from_command_line
        from django.db.utils import OperationalError

        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        sys.exit(f"Configuration error: {exc}")
    except OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        sys.exit(f"Database unreachable (check DATABASE_URL): {first_line}")


if __name__ == "__main__":
    main()

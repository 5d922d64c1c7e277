"""``manage.py crs FILE|-``: score DESIGN.md §3 records from a file or standard input.

Reads one object or a JSON array of them and prints a JSON array of results in the same order
(the API's output: as-of date, breakdown, approximate eligibility). Any bad record stops the
whole batch: every problem is listed on stderr as ``record <index>: <field>: <message>``
(indexes from 0, as in the array), nothing is printed on stdout, and the exit status is 2.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from scoring.errors import InvalidInput
from scoring.json_input import Decoder, NestedTooDeep
from scoring.output import result_to_json
from scoring.parsing import parse_request

BAD_INPUT = 2


def _refuse_constant(name: str) -> None:
    # Python's json accepts NaN and Infinity, which are not JSON; the API's parser refuses them.
    raise ValueError(f"{name} is not valid JSON")


class Command(BaseCommand):
    help = (
        "Score candidates given in the public JSON format (one object or an array) from FILE, "
        "or from standard input with '-'. Prints a JSON array of results in the same order; "
        "bad records are reported on stderr by index (from 0) and field, with exit status 2."
    )
    # Pure computation: no database, so no system or migration checks to wait for.
    requires_system_checks: list = []
    requires_migrations_checks = False
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", metavar="FILE", help="JSON file to read, or - for stdin")

    def handle(self, *args: Any, **options: Any) -> None:
        records = self._records(options["file"], options.get("stdin") or sys.stdin)
        today = timezone.localdate()
        results, problems = [], []
        for index, record in enumerate(records):
            try:
                results.append(result_to_json(parse_request(record, today=today)))
            except InvalidInput as error:
                problems += [
                    f"record {index}: {message}"
                    if field == "__all__"
                    else f"record {index}: {field}: {message}"
                    for field, messages in error.errors.items()
                    for message in messages
                ]
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            bad = len({problem.split(":", 1)[0] for problem in problems})
            raise CommandError(
                f"{bad} of {len(records)} records are invalid; nothing was scored.",
                returncode=BAD_INPUT,
            )
        self.stdout.write(json.dumps(results, indent=2, ensure_ascii=False))

    def _records(self, path: str, stdin: TextIO) -> list:
        name = "standard input" if path == "-" else path
        try:
            if path == "-":
                text = stdin.read()
            else:
                with open(path, encoding="utf-8") as file:
                    text = file.read()
        except OSError as error:
            raise CommandError(
                f"Cannot read {name}: {error.strerror or error}", returncode=BAD_INPUT
            ) from None
        except UnicodeDecodeError:
            raise CommandError(f"{name} is not UTF-8 text.", returncode=BAD_INPUT) from None
        try:
            data = json.loads(text, cls=Decoder, parse_constant=_refuse_constant)
        except NestedTooDeep as error:
            message = f"{name} is not valid JSON: {error}."
            raise CommandError(message, returncode=BAD_INPUT) from None
        except json.JSONDecodeError as error:
            raise CommandError(
                f"{name} is not valid JSON: {error.msg} (line {error.lineno}, "
                f"column {error.colno}).",
                returncode=BAD_INPUT,
            ) from None
        except ValueError as error:
            raise CommandError(f"{name}: {error}.", returncode=BAD_INPUT) from None
        return data if isinstance(data, list) else [data]

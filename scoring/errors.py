"""The one exception the scoring modules raise for bad input.

It carries every problem found, keyed by a field path (``"first_language.listening"``,
``"spouse.education"``), so the API, the ``crs`` command and the calculator form can all show
field errors instead of a traceback.
"""

from __future__ import annotations

from collections.abc import Mapping


class InvalidInput(ValueError):
    """Input the engine cannot score, with the messages for each field path.

    ``InvalidInput("spouse.education", "Unknown value 'phd'.")`` names one field;
    ``InvalidInput({"age": [...], "education": [...]})`` carries several.
    """

    def __init__(self, field: str | Mapping[str, list[str]], message: str = "") -> None:
        if isinstance(field, str):
            errors = {field: [message]}
        else:
            errors = {name: list(messages) for name, messages in field.items()}
        self.errors: dict[str, list[str]] = errors
        super().__init__(str(self))

    @property
    def field(self) -> str:
        """The first field path with a problem."""
        return next(iter(self.errors))

    @property
    def message(self) -> str:
        """The first message for the first field."""
        return self.errors[self.field][0]

    def __str__(self) -> str:
        return "; ".join(
            f"{name}: {message}" for name, messages in self.errors.items() for message in messages
        )


# How much of a user's input a message may quote. Quoted in full, a 100,000-character education
# came back in a 200 KB answer (twice on the calculator page).
QUOTE_LIMIT = 40


def clip(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, the last one an ellipsis when anything was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"


def quote(value: object) -> str:
    """``value`` as a message quotes it (``'phd'``), clipped to ``QUOTE_LIMIT`` characters."""
    return clip(repr(value))


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if name else prefix


class ErrorCollector:
    """Gathers field errors so a parser can report all of them at once."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    @property
    def count(self) -> int:
        """How many messages so far (to tell whether a step added any)."""
        return sum(map(len, self.errors.values()))

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, []).append(message)

    def merge(self, error: InvalidInput, prefix: str = "") -> None:
        for name, messages in error.errors.items():
            for message in messages:
                self.add(_join(prefix, name) if prefix else name, message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise InvalidInput(self.errors)

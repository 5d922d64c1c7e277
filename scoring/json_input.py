"""Reading JSON sent from outside, nested at most ``MAX_DEPTH`` levels.

Python's json module recurses once per level, so a few kilobytes of ``[[[[…`` raised
RecursionError: a 500 from the public CRS API, the draws API and the draw admin's pool field,
and a traceback from ``manage.py crs``. Nothing we accept nests deeper than 3 levels (a spouse's
language result); 32 leaves room and refuses the rest as bad JSON.

``json.loads(text, cls=Decoder)`` wherever outside JSON is read. Pure Python, like the engine,
so every app may use it.
"""

from __future__ import annotations

import json

MAX_DEPTH = 32


class NestedTooDeep(json.JSONDecodeError):
    """A JSONDecodeError, so every caller that already refuses bad JSON refuses this too."""

    def __init__(self, document: str, limit: int) -> None:
        super().__init__(f"nested more than {limit} levels deep", document, 0)
        self.args = (self.msg,)  # no "line 1 column 1": the fault is no single place


class Decoder(json.JSONDecoder):
    """Python's decoder, refusing JSON nested deeper than ``max_depth`` levels."""

    max_depth = MAX_DEPTH

    def decode(self, s: str, *args, **kwargs) -> object:
        try:
            value = super().decode(s, *args, **kwargs)
        except RecursionError:
            raise NestedTooDeep(s, self.max_depth) from None
        if _deeper_than(value, self.max_depth):
            raise NestedTooDeep(s, self.max_depth)
        return value


def _deeper_than(value: object, limit: int) -> bool:
    # A loop with its own stack, not recursion: recursing is what failed.
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False

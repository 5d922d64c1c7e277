"""The bundled IRCC feed for tests, whole or as the few rounds that carry its quirks."""

import copy
import functools
import json

from draws.importer import BUNDLED_FEED

# Rounds that cover the feed's quirks (rounds-data.md §8): newest and a category round (434),
# "3rd" (432), a run-date typo (357), "AM" on a 24-hour time (270), a trailing space (262), a bad
# subtotal (247), zero distributions (227, 226), no year in the tie-break (208), CRS 75 (176),
# 91a/91b, a wrong href (65), a leading space (38), no "UTC" and no tie-break (6), and round 1.
ODD_ROUNDS = ("434", "432", "357", "270", "262", "247", "227", "226", "208", "176", "91b", "91a",
              "65", "38", "6", "1")  # fmt: skip


@functools.cache
def _feed() -> tuple[dict, ...]:
    return tuple(json.loads(BUNDLED_FEED.read_bytes())["rounds"])


def all_rounds() -> list[dict]:
    """All 435 raw rounds, newest first, as a copy a test may change."""
    return copy.deepcopy(list(_feed()))


def odd_rounds() -> list[dict]:
    return [r for r in all_rounds() if r["drawNumber"] in ODD_ROUNDS]


def raw_round(number: str) -> dict:
    return copy.deepcopy(next(r for r in _feed() if r["drawNumber"] == number))

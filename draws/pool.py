"""The pool distribution IRCC publishes with each round: candidates per CRS band.

Stored as a JSON object keyed by band ("601-1200", …, "total"). PostgreSQL's jsonb does not keep
key order, so the order always comes from ``BANDS`` (rounds-data.md §5: the feed's dd1 to dd18).
"""

import math
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Band:
    key: str
    feed_field: str
    parts: tuple[str, ...] = ()  # the bands a subtotal or the total adds up

    @property
    def label(self) -> str:
        return _("Total") if self.key == "total" else self.key.replace("-", "\N{EN DASH}")

    @property
    def is_sum(self) -> bool:
        return bool(self.parts)


BANDS: tuple[Band, ...] = (
    Band("601-1200", "dd1"),
    Band("501-600", "dd2"),
    Band("451-500", "dd3", ("491-500", "481-490", "471-480", "461-470", "451-460")),
    Band("491-500", "dd4"),
    Band("481-490", "dd5"),
    Band("471-480", "dd6"),
    Band("461-470", "dd7"),
    Band("451-460", "dd8"),
    Band("401-450", "dd9", ("441-450", "431-440", "421-430", "411-420", "401-410")),
    Band("441-450", "dd10"),
    Band("431-440", "dd11"),
    Band("421-430", "dd12"),
    Band("411-420", "dd13"),
    Band("401-410", "dd14"),
    Band("351-400", "dd15"),
    Band("301-350", "dd16"),
    Band("0-300", "dd17"),
    Band(
        "total",
        "dd18",
        ("601-1200", "501-600", "451-500", "401-450", "351-400", "301-350", "0-300"),
    ),
)
KEYS_IN_ORDER = tuple(band.key for band in BANDS)
KEYS = frozenset(KEYS_IN_ORDER)


def problems(pool: object, as_of: date | None) -> dict[str, str]:
    """Field errors for a pool that cannot be stored (wrong shape), keyed by model field."""
    if pool is None:
        if as_of is None:
            return {}
        return {"pool_as_of": _("Give the pool distribution too, or leave this empty.")}
    if not isinstance(pool, dict) or set(pool) != KEYS:
        return {
            "pool": _("Give a count for every band: %(bands)s.")
            % {"bands": ", ".join(b.key for b in BANDS)}
        }
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in pool.values()):
        return {"pool": _("Every band count is a whole number, 0 or more.")}
    if as_of is None:
        return {"pool_as_of": _("Give the date of the pool snapshot.")}
    return {}


def warnings(pool: dict | None, as_of: date | None, held_on: date) -> str:
    """What is odd in IRCC's published figures: stored and shown, never refused.

    Round 247's 451-500 subtotal disagrees with its bands (a digit transposition), and round
    226's snapshot is dated after the round (rounds-data.md §5, §6).
    """
    if pool is None:
        return ""
    found = [
        f"the {band.label} figure ({pool[band.key]:,}) is not the sum of its bands "
        f"({sum(pool[p] for p in band.parts):,})"
        for band in BANDS
        if band.is_sum and pool[band.key] != sum(pool[p] for p in band.parts)
    ]
    if as_of and as_of > held_on:
        found.append(f"the snapshot ({as_of:%Y-%m-%d}) is dated after the round")
    return ("IRCC's data: " + "; ".join(found) + ".") if found else ""


def rows(pool: dict) -> list[tuple[Band, int]]:
    """Every band with its count, in IRCC's table order, subtotals included."""
    return [(band, pool[band.key]) for band in BANDS]


def chart_bands(pool: dict) -> list[tuple[str, int]]:
    """The non-overlapping bands, lowest first, for a bar chart."""
    return [(band.label, pool[band.key]) for band in reversed(BANDS) if not band.is_sum]


# --- Ranks: stored on ``Draw.pool_ranks`` when a draw is saved (the place-in-pool estimate) --
# The estimate itself is ``draws.estimates.place``; the methods page explains both.

# Candidates with a provincial nomination have 600 points plus their own score, so this band
# mixes a few people just above 600 with nominees at 900 and more: its counts say nothing about
# where inside it they are.
SPREAD_UNKNOWN = frozenset({"601-1200"})
# An empty band is taken as half a candidate (the usual continuity correction), so the trend
# towards it stays a number instead of an infinite slope.
EMPTY_BAND = 0.5


def _limits(key: str) -> tuple[int, int]:
    low, high = key.split("-")
    return int(low), int(high)


def _trend(below: dict | None, band: dict, above: dict | None) -> list[float] | None:
    """The least and greatest change of log density from the band's bottom to its top.

    The density is assumed to change at a steady rate inside the band (log-linear, as grouped
    income data are usually interpolated), somewhere between no change at all and the rate
    seen from the band's centre to each neighbour's centre.
    """
    if band["key"] in SPREAD_UNKNOWN:
        return None
    width = band["high"] - band["low"] + 1
    rates = [0.0]
    for neighbour in (below, above):
        if neighbour is not None:
            step = _centre(band) - _centre(neighbour)
            rates.append((math.log(_density(band)) - math.log(_density(neighbour))) / step)
    return [round(min(rates) * width, 6), round(max(rates) * width, 6)]


def _centre(band: dict) -> float:
    return (band["low"] + band["high"]) / 2


def _density(band: dict) -> float:
    return max(band["count"], EMPTY_BAND) / (band["high"] - band["low"] + 1)


def ranks(pool: dict) -> dict:
    """What the place-in-pool estimate needs from a distribution, highest band first.

    ``{"total": n, "bands": [{"key", "low", "high", "count", "above", "trend"}, …]}``: ``above``
    counts the candidates in the bands wholly above the band, and ``trend`` is ``[least,
    greatest]`` change of log density across it (None: the spread is unknown). The total is
    the sum of the bands, not IRCC's total, so that it agrees with them (round 247's does not).
    """
    bands, above = [], 0
    for band in BANDS:
        if band.is_sum:
            continue
        low, high = _limits(band.key)
        count = pool[band.key]
        bands.append({"key": band.key, "low": low, "high": high, "count": count, "above": above})
        above += count
    for i, band in enumerate(bands):
        higher = bands[i - 1] if i > 0 else None
        lower = bands[i + 1] if i + 1 < len(bands) else None
        band["trend"] = _trend(lower, band, higher)
    return {"total": above, "bands": bands}

"""Place in the pool: how many candidates had a higher score, from IRCC's published bands.

Pure arithmetic over a draw's stored ``pool_ranks`` (``draws.pool.ranks``), O(bands): no
queries, no Django. The method, in words for clients, is on the methods page (``/methods/``):

- Candidates in the bands wholly above the score are counted exactly.
- Inside the score's own band the spread is unknown. The density is taken to change at a steady
  rate (log-linear) somewhere between no change and the rate seen towards each neighbouring
  band (``trend``); the range is the least and the greatest count above the score over those
  spreads, and ``even`` is the count if the band were spread evenly.
- The 601-1200 band mixes nominees (600 points plus their own score) with a few others: its
  spread is unknown, so the range is 0 to the whole band.
- Ties: a candidate with exactly the score is not "higher". Score S occupies [S - ½, S + ½] of
  its band, so the part above it starts at S + ½.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from scoring.text import T_, Text

CRS_MAX = 1200


@dataclass(frozen=True)
class Place:
    score: int
    low: int  # candidates with a higher score: at least
    high: int  # and at most
    even: int  # if the score's band were spread evenly (a point inside the range)
    total: int  # candidates in the pool
    band: str  # the score's band, e.g. "481-490"
    band_count: int
    band_width: int
    spread_unknown: bool  # the 601-1200 band: the range is 0 to the whole band
    as_of: date | None  # the distribution's own date (IRCC's "as of")
    round_number: str  # the round it was published with

    @property
    def top_low(self) -> float:
        """The share of the pool with a higher score, in percent: at least."""
        return 100 * self.low / self.total if self.total else 0.0

    @property
    def top_high(self) -> float:
        return 100 * self.high / self.total if self.total else 0.0

    @property
    def shown_low(self) -> int:
        """``low`` rounded down, and ``shown_high`` ``high`` rounded up, to a precision the
        data have: hundreds from 10,000 (a weekly snapshot moves by thousands), tens from 1,000."""
        return self.low // self._step * self._step

    @property
    def shown_high(self) -> int:
        return -(-self.high // self._step) * self._step

    @property
    def _step(self) -> int:
        return 100 if self.high >= 10_000 else 10 if self.high >= 1_000 else 1

    @property
    def top_text(self) -> Text:
        """The share of the pool with a higher score: "17.1% to 17.3%", "up to 0.3%"."""
        low_share, high_share = round(self.top_low, 1), math.ceil(self.top_high * 10) / 10
        # Texts (scoring.text): English as before, said in the reader's language by ``tr``.
        low = T_("%(percent)s%%", percent=low_share)
        high = T_("%(percent)s%%", percent=high_share)
        if f"{low_share:.1f}" == f"{high_share:.1f}":
            return low
        return (
            T_("up to %(high)s", high=high)
            if self.top_low < 0.05
            else T_("%(low)s to %(high)s", low=low, high=high)
        )

    @property
    def exact(self) -> bool:
        """True at the top of a band: every higher candidate is in a band wholly above."""
        return self.low == self.high


def share_above(cut: float, trend: float) -> float:
    """The share of a band above ``cut`` (0..1 across the band) when its density changes by a
    factor of e**trend from bottom to top.

    The density is proportional to e**(trend·x) on [0, 1], so the share above ``cut`` is
    (e**trend - e**(trend·cut)) / (e**trend - 1); written with expm1 so that neither a flat
    band (trend 0, share 1 - cut) nor a steep one overflows or loses its digits.
    """
    if abs(trend) < 1e-12:
        return 1 - cut
    if trend > 0:
        return math.expm1(-trend * (1 - cut)) / math.expm1(-trend)
    return math.exp(trend * cut) * math.expm1(trend * (1 - cut)) / math.expm1(trend)


def place(ranks: dict, score: int, *, as_of: date | None = None, round_number: str = "") -> Place:
    """Where ``score`` stands in the distribution ``ranks`` (a ``Draw.pool_ranks``)."""
    if not 0 <= score <= CRS_MAX:
        raise ValueError(f"A CRS score is between 0 and {CRS_MAX}, not {score}.")
    band = next(b for b in ranks["bands"] if b["low"] <= score <= b["high"])
    width = band["high"] - band["low"] + 1
    cut = (score - band["low"] + 1) / width  # the band's share at or below the score
    count, trend = band["count"], band["trend"]
    if trend is None:
        least, most = 0.0, float(count if score < band["high"] else 0)
    else:
        least, most = (count * share_above(cut, t) for t in trend)
    return Place(
        score=score,
        low=band["above"] + math.floor(least + 1e-9),
        high=band["above"] + math.ceil(most - 1e-9),
        even=band["above"] + round(count * (1 - cut)),
        total=ranks["total"],
        band=band["key"].replace("-", "\N{EN DASH}"),
        band_count=count,
        band_width=width,
        spread_unknown=trend is None,
        as_of=as_of,
        round_number=round_number,
    )

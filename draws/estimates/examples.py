"""The methods page's worked examples, computed by the estimates' own code from IRCC's rounds
file bundled with the code (round 434 of 2026-08-07 and the 12 months before it), so that the
page never shows a figure the code would not give.

Read once per process: the bundled file changes only with a new release.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from functools import cache

from draws import pool as pool_bands
from draws.categories import PROGRAMS, normalise_label
from draws.estimates.backtest import (
    BELOW_CUTOFF,
    INVITED,
    NOT_ELIGIBLE,
    NOT_IN_POOL,
    TIE_LOST,
    RoundStanding,
    backtest,
)
from draws.estimates.outlook import CONFIDENCE, Outlook, RoundFact, kinds_open, outlook
from draws.estimates.periods import YEAR_MONTHS
from draws.estimates.place import place
from draws.feed import FeedRound, parse_round, read_feed
from draws.importer import BUNDLED_FEED
from draws.models import Family
from scoring.categories import CATEGORIES

ROUND = "434"
PLACE_SCORES = (485, 544, 650)  # a 10-point band, the 100-point band, and above 600
# The example client of the backtest and the outlook: eligible for CEC only, a steady score,
# and a profile submitted on 1 October 2025 at noon UTC.
CLIENT_SCORE = 520
CLIENT_ELIGIBLE_FOR = " cec "
CLIENT_SUBMITTED_AT = datetime(2025, 10, 1, 12, tzinfo=UTC)
OUTLOOK_SCORES = (505, 515, 525)


def _kinds_by_label() -> dict[str, str]:
    kinds = {normalise_label(label): p.key for p in PROGRAMS for label in p.labels}
    kinds.update({normalise_label(lb): c.family.value for c in CATEGORIES for lb in c.labels})
    return kinds


@cache
def _rounds() -> tuple[dict[str, FeedRound], dict[str, str]]:
    rounds = {r.number: r for r in map(parse_round, read_feed(BUNDLED_FEED.read_bytes()))}
    kinds = _kinds_by_label()
    return rounds, {n: kinds[normalise_label(r.ircc_name)] for n, r in rounds.items()}


def _place_example(ranks: dict, score: int, as_of: date | None) -> dict:
    found = place(ranks, score, as_of=as_of, round_number=ROUND)
    index, band = next((i, b) for i, b in enumerate(ranks["bands"]) if b["low"] <= score)
    width = band["high"] - band["low"] + 1
    return {
        "place": found,
        "above": [
            (b["key"].replace("-", "\N{EN DASH}"), b["count"]) for b in ranks["bands"][:index]
        ],
        "band_above": band["above"],
        "points_above": band["high"] - score,
        "width": width,
        "even_in_band": f"{band['count'] * (band['high'] - score) / width:,.1f}",
        "low_in_band": found.low - band["above"],
        "high_in_band": found.high - band["above"],
        "factors": None if band["trend"] is None else [math.exp(t) for t in band["trend"]],
    }


def _verdict(feed_round: FeedRound, kind: str, open_kinds: frozenset[str]) -> str:
    """What ``draws.reevaluation.verdicts.judge`` would say for the example client."""
    if feed_round.held_on < CLIENT_SUBMITTED_AT.date():
        return NOT_IN_POOL
    if kind not in open_kinds:
        return NOT_ELIGIBLE
    if feed_round.cutoff != CLIENT_SCORE:
        return INVITED if feed_round.cutoff < CLIENT_SCORE else BELOW_CUTOFF
    tie_break = feed_round.tie_break_at
    return INVITED if tie_break is None or tie_break >= CLIENT_SUBMITTED_AT else TIE_LOST


def _per_year(found: Outlook) -> dict:
    return {
        "outlook": found,
        "rate_low": found.rate_low * YEAR_MONTHS,
        "rate_high": found.rate_high * YEAR_MONTHS,
    }


@cache
def examples() -> dict:
    """The figures the methods page shows, by estimate."""
    rounds, kinds = _rounds()
    published = rounds[ROUND]
    on = published.held_on
    ranks = pool_bands.ranks(published.pool)
    open_kinds, _ = kinds_open(eligible_for=CLIENT_ELIGIBLE_FOR)
    labels = dict(Family.choices)
    standings = [
        RoundStanding(
            n,
            r.held_on,
            kinds[n],
            labels[kinds[n]],
            r.cutoff,
            CLIENT_SCORE,
            _verdict(r, kinds[n], open_kinds),
        )
        for n, r in rounds.items()
    ]
    facts = [RoundFact(n, r.held_on, kinds[n], r.cutoff) for n, r in rounds.items()]
    return {
        "round": published,
        "total": ranks["total"],
        "bands": [
            {
                **band,
                "label": band["key"].replace("-", "\N{EN DASH}"),
                "factors": None if band["trend"] is None else [math.exp(t) for t in band["trend"]],
            }
            for band in ranks["bands"]
        ],
        "places": [_place_example(ranks, s, published.pool_as_of) for s in PLACE_SCORES],
        "client": {
            "score": CLIENT_SCORE,
            "submitted_on": CLIENT_SUBMITTED_AT.date(),
            "kinds": sorted(labels[k] for k in open_kinds),
        },
        "backtest": backtest(standings=standings, on=on, submitted_on=CLIENT_SUBMITTED_AT.date()),
        "outlooks": [
            _per_year(outlook(score=s, rounds=facts, on=on, open_kinds=open_kinds))
            for s in OUTLOOK_SCORES
        ],
        "confidence": round(CONFIDENCE * 100),
        "tail": round((1 - CONFIDENCE) * 50),
    }

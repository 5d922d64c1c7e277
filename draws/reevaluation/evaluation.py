"""Judging many clients in one draw and writing their standings (DESIGN.md §4, §5).

Used by a run's chunks (``runs.evaluate_chunk``, which closes its chunk in the same
transaction as the write) and by the per-client re-scoring (``rescoring``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from django.db import transaction

from draws.models import Draw
from draws.reevaluation.standings import Row, write_standings
from draws.reevaluation.verdicts import DrawContext, judge
from profiles.candidates.facts import ClientFacts
from profiles.candidates.loader import facts_for

log = logging.getLogger(__name__)

Clients = range | Iterable[int] | Mapping[int, ClientFacts]


class Judged(NamedTuple):
    rows: list[Row]
    failed: int  # files the engine refused


def judge_clients(*, draw: Draw, clients: Clients) -> Judged:
    """Every client's standing in ``draw``, computed in memory. ``clients`` is what
    ``facts_for`` takes, or facts already loaded (a client re-scored against several draws is
    read once)."""
    ctx = DrawContext.of(draw)
    loaded = clients if isinstance(clients, Mapping) else facts_for(clients)
    rows, failed = [], 0
    for client_id, facts in loaded.items():
        try:
            rows.append((client_id, *judge(facts, ctx)))
        except (ValueError, TypeError) as exc:  # a file the engine refuses: counted, not fatal
            failed += 1
            log.warning("Client %s not evaluated in round %s: %s", client_id, draw.number, exc)
    return Judged(rows, failed)


def write_judged(*, draw: Draw, revision: int, judged: Judged) -> None:
    """Upsert the judged rows at ``revision``.

    ``savepoint=False``: inside a chunk's transaction (which closes the chunk with the same
    commit) it adds no SAVEPOINT round trip per chunk; called alone it is a transaction of
    its own, which ``write_standings`` needs (its temporary table empties at commit).
    """
    with transaction.atomic(savepoint=False):
        write_standings(draw_id=draw.pk, revision=revision, rows=judged.rows)


def evaluate_clients(*, draw: Draw, revision: int, clients: Clients) -> Judged:
    """Judge ``clients`` in ``draw`` and upsert their standings at ``revision``."""
    judged = judge_clients(draw=draw, clients=clients)
    write_judged(draw=draw, revision=revision, judged=judged)
    return judged

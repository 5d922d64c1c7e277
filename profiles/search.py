"""The client search's plan on PostgreSQL (issue 16).

Each word of the search must be in the first name, the last name or the e-mail
(``ClientFilter.search``: ``icontains``). On PostgreSQL a trigram index (``client_search_trgm``,
migration 0015) finds the files containing a word of three letters or more; a shorter word
has no trigram to look up, and SQLite (``make run``) has no such index: there the search reads
the table, as before.
"""

from __future__ import annotations

from django.db import connections
from django.db.models import QuerySet

TRIGRAM = 3
# Up to this many matches, sorting them is cheaper than walking a sort index for a page.
FEW = 5_000


def few_matches(matching: QuerySet, words: list[str]) -> bool:
    """Whether the search ``matching`` (the firm's files with every word) finds at most
    ``FEW`` files through the trigram index: one capped count, a few milliseconds.

    When it does, the list sorts the matches (``list_order.off_the_indexes``) rather than let
    PostgreSQL walk the name index in the hope of meeting them early: it cannot know that all
    the Tanakas sit near the end of the alphabet.
    """
    if connections[matching.db].vendor != "postgresql":
        return False
    if not words or min(len(word) for word in words) < TRIGRAM:
        return False
    return matching.order_by()[: FEW + 1].count() <= FEW

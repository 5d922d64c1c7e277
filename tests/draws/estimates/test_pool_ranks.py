"""The ranks are derived from the pool whenever a draw is saved: recorded, corrected or
imported; and the latest draw that has them is one query away."""

import importlib
from datetime import date

import pytest
from django.apps import apps

from draws import pool as pool_bands
from draws.estimates import latest_pool_draw, pool_place
from draws.models import Draw
from draws.services import record_draw
from tests import factories
from tests.draws.estimates.round_434 import AS_OF, HELD_ON, POOL


def record(number: str = "434", **changes):
    values = {
        "number": number,
        "held_on": HELD_ON,
        "category": factories.DrawCategoryFactory(),
        "invitations": 300,
        "cutoff": 470,
        "by": None,
        "source": Draw.Source.ADMIN,
        "pool": POOL,
        "pool_as_of": AS_OF,
        **changes,
    }
    return record_draw(**values).draw


@pytest.fixture(autouse=True)
def _broker(broker):
    """Recording a draw queues its re-evaluation: kept by the stand-in broker."""


def test_recording_a_draw_stores_the_ranks_of_its_pool(db):
    draw = record()
    draw.refresh_from_db()
    assert draw.pool_ranks == pool_bands.ranks(POOL)
    assert draw.pool_ranks["bands"][3]["above"] == 33_144


def test_correcting_the_pool_replaces_the_ranks(db):
    record()
    corrected = {**POOL, "601-1200": 600, "total": POOL["total"] + 100}
    draw = record(pool=corrected)
    draw.refresh_from_db()
    assert draw.pool_ranks["total"] == 229_200
    assert draw.pool_ranks["bands"][1]["above"] == 600


def test_removing_the_pool_removes_the_ranks(db):
    record()
    draw = record(pool=None, pool_as_of=None)
    draw.refresh_from_db()
    assert draw.pool_ranks is None


def test_a_save_of_the_pool_alone_updates_the_ranks_too(db):
    draw = factories.DrawFactory(pool=POOL, pool_as_of=AS_OF)
    draw.pool = {**POOL, "0-300": 7_783, "total": 229_200}
    draw.save(update_fields=["pool"])
    draw.refresh_from_db()
    assert draw.pool_ranks["total"] == 229_200


def test_a_pool_without_its_date_gets_no_ranks(db):
    draw = factories.DrawFactory(pool=POOL, pool_as_of=None)
    assert draw.pool_ranks is None


def test_the_import_stores_the_ranks_of_round_434(categories, feed_rounds, broker):
    from draws.importer import import_rounds

    import_rounds([r for r in feed_rounds if r["drawNumber"] in ("433", "434")])
    draw = Draw.objects.get(number="434")
    assert draw.pool_ranks == pool_bands.ranks(POOL)


def test_the_migration_fills_the_ranks_of_draws_saved_before_it(db):
    draw = factories.DrawFactory(pool=POOL, pool_as_of=AS_OF)
    Draw.objects.filter(pk=draw.pk).update(pool_ranks=None)
    migration = importlib.import_module("draws.migrations.0006_pool_ranks")
    migration.fill_ranks(apps, None)
    draw.refresh_from_db()
    assert draw.pool_ranks == pool_bands.ranks(POOL)


def test_the_latest_draw_with_a_distribution_is_found_in_one_query(db, django_assert_num_queries):
    factories.DrawFactory(held_on=date(2026, 7, 1), pool=POOL, pool_as_of=date(2026, 6, 29))
    newest_with_pool = factories.DrawFactory(held_on=date(2026, 8, 7), pool=POOL, pool_as_of=AS_OF)
    factories.DrawFactory(held_on=date(2026, 8, 9))  # IRCC published none with this one
    with django_assert_num_queries(1):
        found = latest_pool_draw()
    assert found == newest_with_pool


def test_the_place_comes_from_the_latest_distribution_with_its_date(db, django_assert_num_queries):
    factories.DrawFactory(number="434", held_on=HELD_ON, pool=POOL, pool_as_of=AS_OF)
    with django_assert_num_queries(1):
        found = pool_place(485)
    assert (found.low, found.high, found.as_of, found.round_number) == (
        39_204,
        39_596,
        AS_OF,
        "434",
    )


def test_without_any_distribution_there_is_no_place(db):
    factories.DrawFactory()
    assert pool_place(485) is None

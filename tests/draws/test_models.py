"""What the database itself refuses, ordering, and the category table's copy of the engine."""

from datetime import date

import pytest
from django.db import IntegrityError

from draws.categories import PROGRAMS, sync_categories, wanted_rows
from draws.models import Draw, DrawCategory
from scoring.categories import CATEGORIES
from tests.factories import DrawFactory


def test_the_database_refuses_a_crs_above_1200(db):
    draw = DrawFactory()
    with pytest.raises(IntegrityError):
        Draw.objects.filter(pk=draw.pk).update(cutoff=1201)


def test_the_database_refuses_a_round_without_invitations(db):
    draw = DrawFactory()
    with pytest.raises(IntegrityError):
        Draw.objects.filter(pk=draw.pk).update(invitations=0)


def test_the_database_refuses_a_second_round_with_the_same_number(db):
    DrawFactory(number="300")
    with pytest.raises(IntegrityError):
        DrawFactory(number="300")


def test_rounds_are_listed_newest_first_with_91b_before_91a(db):
    DrawFactory(number="91a", held_on=date(2018, 5, 30))
    DrawFactory(number="91b", held_on=date(2018, 5, 30))
    DrawFactory(number="92", held_on=date(2018, 6, 13))
    DrawFactory(number="90", held_on=date(2018, 5, 23))
    assert list(Draw.objects.values_list("number", flat=True)) == ["92", "91b", "91a", "90"]


def test_the_sequence_is_always_the_numeric_part_of_the_number(db):
    draw = DrawFactory(number="91b")
    assert draw.sequence == 91


def test_every_engine_category_and_program_has_a_row_after_a_sync(db):
    sync_categories(DrawCategory)
    keys = set(DrawCategory.objects.values_list("key", flat=True))
    assert keys >= {c.key for c in CATEGORIES} | {p.key for p in PROGRAMS}


def test_a_synced_row_carries_the_engines_occupations_dates_and_labels(db):
    sync_categories(DrawCategory)
    row = DrawCategory.objects.get(key="healthcare-2023-v1")
    assert (row.family, row.version, len(row.noc_codes)) == ("healthcare", "2023-Version 1", 35)
    assert (row.in_force_from, row.in_force_to) == (date(2023, 5, 31), date(2025, 2, 26))
    assert row.feed_labels == ["Healthcare occupations (Version 1)"]


def test_a_second_sync_changes_nothing(db):
    sync_categories(DrawCategory)
    assert sync_categories(DrawCategory) == 0


def test_a_sync_repairs_a_row_that_drifted_from_the_engine(db):
    sync_categories(DrawCategory)
    DrawCategory.objects.filter(key="stem-2023-v1").update(noc_codes=[], in_force_to=None)
    assert sync_categories(DrawCategory) == 1
    row = DrawCategory.objects.get(key="stem-2023-v1")
    assert row.noc_codes == wanted_rows()["stem-2023-v1"]["noc_codes"]


def test_a_category_is_in_force_only_between_its_dates(db):
    sync_categories(DrawCategory)
    french_v1 = DrawCategory.objects.get(key="french-2023-v1")
    assert [french_v1.in_force(date(2023, 5, 30)), french_v1.in_force(date(2026, 2, 5))] == [
        False,
        True,
    ]


def test_the_database_refuses_a_round_of_more_than_100000_invitations(db):
    draw = DrawFactory()
    with pytest.raises(IntegrityError):
        Draw.objects.filter(pk=draw.pk).update(invitations=100_001)


def test_the_database_refuses_a_draw_date_before_express_entry_began(db):
    draw = DrawFactory()
    with pytest.raises(IntegrityError):
        Draw.objects.filter(pk=draw.pk).update(held_on=date(2014, 12, 31))

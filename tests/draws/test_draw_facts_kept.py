"""The draw facts every portal reads are kept per process until a draw write commits (issue 16:
draw day), and are never stale after one."""

from datetime import date

import pytest

from draws.answer import latest_by_kind
from draws.estimates import latest_pool_draw, recent_rounds
from tests.draws.estimates.round_434 import AS_OF, HELD_ON, POOL
from tests.factories import DrawCategoryFactory, DrawFactory

pytestmark = pytest.mark.django_db
ON = date(2026, 8, 20)


@pytest.fixture
def cec():
    return DrawCategoryFactory(key="cec", name="Canadian Experience Class", family="cec")


def test_the_latest_round_of_a_kind_is_read_once(cec, django_assert_num_queries):
    DrawFactory(category=cec, held_on=date(2026, 8, 5))
    latest_by_kind(["cec"])
    with django_assert_num_queries(0):
        assert latest_by_kind(["cec"])["cec"].held_on == date(2026, 8, 5)


def test_a_recorded_round_is_the_latest_as_soon_as_it_commits(
    cec, django_capture_on_commit_callbacks
):
    DrawFactory(category=cec, held_on=date(2026, 8, 5))
    assert latest_by_kind(["cec"])["cec"].held_on == date(2026, 8, 5)
    with django_capture_on_commit_callbacks(execute=True):
        DrawFactory(category=cec, held_on=date(2026, 8, 19))
    assert latest_by_kind(["cec"])["cec"].held_on == date(2026, 8, 19)


def test_a_deleted_round_is_no_longer_the_latest(cec, django_capture_on_commit_callbacks):
    DrawFactory(category=cec, held_on=date(2026, 8, 5))
    newer = DrawFactory(category=cec, held_on=date(2026, 8, 19))
    assert latest_by_kind(["cec"])["cec"] == newer
    with django_capture_on_commit_callbacks(execute=True):
        newer.delete()
    assert latest_by_kind(["cec"])["cec"].held_on == date(2026, 8, 5)


def test_a_corrected_cutoff_is_read_again(cec, django_capture_on_commit_callbacks):
    draw = DrawFactory(category=cec, held_on=date(2026, 8, 5), cutoff=520)
    assert [r.cutoff for r in recent_rounds(on=ON)] == [520]
    draw.cutoff = 515
    with django_capture_on_commit_callbacks(execute=True):
        draw.save()
    assert [r.cutoff for r in recent_rounds(on=ON)] == [515]


def test_each_day_has_its_own_rounds_of_the_last_year(cec):
    DrawFactory(category=cec, held_on=date(2026, 8, 5))
    assert len(recent_rounds(on=ON)) == 1
    assert recent_rounds(on=date(2026, 8, 1)) == ()


def test_no_stored_distribution_is_kept_as_none_until_a_round_brings_one(
    cec, django_capture_on_commit_callbacks
):
    assert latest_pool_draw() is None
    with django_capture_on_commit_callbacks(execute=True):
        DrawFactory(category=cec, held_on=HELD_ON, pool=POOL, pool_as_of=AS_OF)
    assert latest_pool_draw() is not None

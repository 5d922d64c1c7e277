import pytest

from draws.categories import sync_categories
from draws.models import DrawCategory
from tests.draws import feed_data


@pytest.fixture
def categories(db) -> None:
    """Every program and category version, as the migration seeds them. Tests that need them
    say so: a transactional test elsewhere may have flushed the seeded rows."""
    sync_categories(DrawCategory)


@pytest.fixture
def feed_rounds() -> list[dict]:
    """All 435 raw rounds of the bundled feed (a fresh copy each test may change)."""
    return feed_data.all_rounds()


@pytest.fixture
def odd_rounds() -> list[dict]:
    """Only the rounds with a quirk: a fast import that still meets every one."""
    return feed_data.odd_rounds()

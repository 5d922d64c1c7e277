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


class _Broker:
    """Stands in for Redis in the tests of what is queued: records each task sent, or refuses
    as an unreachable broker does (kombu raises OperationalError, redis-py ConnectionError)."""

    def __init__(self, monkeypatch, *, down: bool) -> None:
        from draws import tasks

        self.sent: list[tuple[str, tuple]] = []
        for task in (
            tasks.dispatch_runs,
            tasks.evaluate_chunk,
            tasks.rescore_clients,
            tasks.send_draw_digests,
        ):
            monkeypatch.setattr(task, "apply_async", self._sender(task.name, down))

    def _sender(self, name: str, down: bool):
        def apply_async(args=(), **options):
            if down:
                raise ConnectionRefusedError("Error 111 connecting to 127.0.0.1:6379")
            self.sent.append((name, tuple(args)))

        return apply_async

    def names(self) -> list[str]:
        return [name for name, _ in self.sent]


@pytest.fixture
def broker(monkeypatch) -> _Broker:
    """A broker that takes every task (and keeps it: no worker runs here)."""
    return _Broker(monkeypatch, down=False)


@pytest.fixture
def dead_broker(monkeypatch) -> _Broker:
    return _Broker(monkeypatch, down=True)

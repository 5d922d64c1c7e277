"""Suite-wide setup: the real services must answer (DESIGN.md §8), and the three-actor fixtures."""

import os

import psycopg
import pytest
import redis
from django.conf import settings

from tests import factories

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _postgres_problem() -> str | None:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return f"DATABASE_URL is not PostgreSQL ({db['ENGINE']})"
    try:
        psycopg.connect(
            host=db["HOST"] or "127.0.0.1",
            port=db["PORT"] or 5432,
            user=db["USER"] or None,
            password=db["PASSWORD"] or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error as exc:
        return f"PostgreSQL at {db['HOST']}:{db['PORT']} is not answering: {exc}".strip()
    return None


def _redis_problem() -> str | None:
    if not settings.REDIS_URL:
        return "REDIS_URL is not set"
    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=3).ping()
    except redis.RedisError as exc:
        return f"Redis at {settings.REDIS_URL} is not answering: {exc}"
    return None


def pytest_configure(config: pytest.Config) -> None:
    config._ee_problems = [p for p in (_postgres_problem(), _redis_problem()) if p]
    if config._ee_problems and IN_CI:
        pytest.exit(
            "Required services are missing under CI=true:\n  " + "\n  ".join(config._ee_problems), 3
        )
    if not config._ee_problems:
        # Messages left by an earlier, interrupted run would otherwise reach this run's workers.
        redis.Redis.from_url(settings.REDIS_URL).flushdb()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config._ee_problems:
        return
    skip = pytest.mark.skip(reason="; ".join(config._ee_problems))
    for item in items:
        needs_service = item.get_closest_marker("django_db") or {
            "db",
            "transactional_db",
            "live_server",
            "client",
            "admin_client",
        } & set(getattr(item, "fixturenames", ()))
        if needs_service or item.get_closest_marker("worker"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _english_first():
    """Each test starts in English: a request to a /fr/ page leaves French active in the thread,
    which would turn a later reverse() in the same test into a /fr/ URL."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with no cached pages and no rate-limit counts (local memory here)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def firm_a(db):
    return factories.FirmFactory(name="Firm A Immigration")


@pytest.fixture
def firm_b(db):
    return factories.FirmFactory(name="Firm B Consulting")


@pytest.fixture
def firm_a_consultant(firm_a):
    return factories.ConsultantFactory(membership__firm=firm_a)


@pytest.fixture
def firm_b_consultant(firm_b):
    return factories.ConsultantFactory(membership__firm=firm_b)


@pytest.fixture
def firm_a_client(firm_a):
    """A client's portal login, linked to a client file of firm A."""
    return factories.ClientFactory(firm=firm_a, with_login=True).user


@pytest.fixture
def staff_user(db):
    return factories.UserFactory(username="staffer", is_staff=True, is_superuser=True)


@pytest.fixture
def firm_a_admin(firm_a):
    """Firm A's administrator: sees the whole firm's dashboard and reassigns files."""
    return factories.ConsultantFactory(
        membership__firm=firm_a, membership__is_firm_admin=True, first_name="Ada", last_name="Admin"
    )

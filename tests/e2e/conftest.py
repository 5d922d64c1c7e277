"""Browser tests: Playwright drives Debian's chromium (never a downloaded browser)."""

import os
import shutil
from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.factories import (
    ClientFactory,
    CredentialFactory,
    DrawCategoryFactory,
    DrawFactory,
    FirmFactory,
    LanguageResultFactory,
    WorkPeriodFactory,
)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without the background-networking flags chromium keeps dialling Google's hosts, which this
# closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.path):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(
                f"chromium not found at {CHROMIUM}; `make test` installs it when run as root, "
                "or run: sudo apt-get install chromium chromium-driver"
            )
        pytest.skip(f"chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    # While the browser lives, Playwright's sync API keeps an event loop running in this thread,
    # which makes Django refuse the ORM calls of the tests (factories, database flushes); they are
    # still synchronous and safe here.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, live_server, username: str, password: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture
def cec_client_login():
    """A client login whose CEC file would have been invited in two recent rounds."""
    file = ClientFactory(
        firm=FirmFactory(name="Maple Route Immigration"),
        with_login=True,
        profile_submitted_at=timezone.now() - timedelta(days=30),
    )
    CredentialFactory(client=file)
    LanguageResultFactory(client=file)
    WorkPeriodFactory(client=file, start=date(2022, 1, 3))
    general = DrawCategoryFactory(key="general", name="General", family="general")
    DrawFactory(category=general, held_on=date(2026, 6, 1), cutoff=300)
    DrawFactory(held_on=date(2026, 8, 5), cutoff=300)
    return file.user

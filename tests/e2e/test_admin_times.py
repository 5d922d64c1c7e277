"""In a real browser set to Toronto time: the draw admin's "Now" and "Today" fill UTC into the
fields labelled UTC (Django's own shortcuts filled the server's Toronto time)."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD


@pytest.fixture
def toronto_page(browser):
    context = browser.new_context(timezone_id="America/Toronto")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_now_and_today_fill_utc_into_the_tie_break_of_a_browser_in_toronto(
    live_server, toronto_page, staff_user
):
    page = toronto_page
    sign_in(page, live_server, staff_user.username, PASSWORD)
    page.goto(f"{live_server.url}/admin/draws/draw/add/")

    field = page.locator(".field-tie_break_at")
    field.get_by_role("link", name="Today").click()
    field.get_by_role("link", name="Now").click()
    typed = datetime.fromisoformat(
        f"{page.input_value('#id_tie_break_at_0')}T{page.input_value('#id_tie_break_at_1')}"
    ).replace(tzinfo=UTC)

    # Toronto is 4 or 5 hours from UTC: a Toronto time would miss by hours, not seconds.
    assert abs(typed - datetime.now(UTC)) < timedelta(minutes=2)
    assert "In UTC, as IRCC publishes it" in field.inner_text()

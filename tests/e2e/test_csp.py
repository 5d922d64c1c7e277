"""In a real browser (issue 14, controls): the pages work under the Content-Security-Policy and
Chromium reports no violation of it in the console."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.e2e.test_calculator import fill_e2
from tests.factories import PASSWORD, ConsultantFactory, DrawFactory, FirmFactory, UserFactory
from tests.profiles.dashboard_files import expired_profile

MARKERS = ("content security policy", "content-security-policy")


@pytest.fixture(autouse=True)
def fresh_throttle():
    # The live server shares the cache (and its rate-limit counts) with the test run.
    cache.clear()


@pytest.fixture
def console(page):
    """Every console message and violation event of the page, as text."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    page.on("pageerror", lambda error: messages.append(str(error)))
    return messages


def csp_complaints(page, console: list[str]) -> list[str]:
    # Violations that reach the console only through the event, in case a build stays quiet.
    violations = page.evaluate("window.cspViolations || []")
    return violations + [text for text in console if any(m in text.lower() for m in MARKERS)]


def watch_violations(page) -> None:
    page.add_init_script(
        "window.cspViolations = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.cspViolations.push('Content-Security-Policy: ' + e.violatedDirective"
        " + ' ' + e.blockedURI));"
    )


def test_the_calculator_recalculates_with_no_policy_violation(live_server, page, console):
    watch_violations(page)
    page.goto(f"{live_server.url}/calculator/")
    fill_e2(page)
    expect(page.locator("#crs-total")).to_have_text("374")
    assert csp_complaints(page, console) == []


def test_the_consultant_dashboard_works_with_no_policy_violation(live_server, page, console):
    firm = FirmFactory(name="Maple Route Immigration")
    chloe = ConsultantFactory(username="chloe", membership__firm=firm)
    expired_profile(firm, chloe, first_name="Omar", last_name="Haddad")
    watch_violations(page)

    sign_in(page, live_server, "chloe", PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("link", name="Haddad, Omar")).to_be_visible()
    assert csp_complaints(page, console) == []


def test_the_api_docs_render_with_no_policy_violation(live_server, page, console):
    watch_violations(page)
    page.goto(f"{live_server.url}/api/docs/")
    expect(page.get_by_text("/api/v1/crs/").first).to_be_visible()
    assert csp_complaints(page, console) == []


def test_the_draw_charts_draw_with_no_policy_violation(live_server, page, console):
    for number in ("430", "431", "432"):
        DrawFactory(number=number)
    watch_violations(page)
    page.goto(f"{live_server.url}/draws/")
    expect(page.locator("canvas").first).to_be_visible()
    page.goto(f"{live_server.url}/draws/432/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert csp_complaints(page, console) == []


def test_the_admins_draw_page_works_with_no_policy_violation(live_server, page, console):
    UserFactory(username="staffer", is_staff=True, is_superuser=True)
    draw = DrawFactory(number="433")
    watch_violations(page)

    sign_in(page, live_server, "staffer", PASSWORD)
    page.goto(f"{live_server.url}/admin/draws/draw/{draw.pk}/change/")
    expect(page.get_by_role("button", name="Save", exact=True)).to_be_visible()
    page.goto(f"{live_server.url}/admin/draws/draw/add/")
    expect(page.get_by_role("button", name="Save", exact=True)).to_be_visible()
    assert csp_complaints(page, console) == []

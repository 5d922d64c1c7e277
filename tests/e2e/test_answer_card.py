"""On a 375 px phone the client's answer comes first: the verdict is on the first screen, and a
tap on a term opens its plain-words explanation in place (issue 12)."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import (
    PASSWORD,
)

PHONE = {"width": 375, "height": 667}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_the_verdict_is_on_the_first_phone_screen(live_server, phone, cec_client_login):
    sign_in(phone, live_server, cec_client_login.username, PASSWORD)
    phone.goto(f"{live_server.url}/portal/")
    sentence = phone.get_by_test_id("answer-sentence").first
    expect(sentence).to_contain_text("you would have been invited")
    box = sentence.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], box
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a {PHONE['width']} px phone"


def test_a_tap_on_a_term_opens_its_explanation(live_server, phone, cec_client_login):
    sign_in(phone, live_server, cec_client_login.username, PASSWORD)
    phone.goto(f"{live_server.url}/portal/")
    phone.get_by_test_id("answer-card").get_by_role("button", name="cut-off").first.tap()
    explanation = phone.locator(".popover")
    expect(explanation).to_be_visible()
    expect(explanation).to_contain_text("The lowest CRS score that was invited in a round")
    assert phone.url.endswith("/portal/")

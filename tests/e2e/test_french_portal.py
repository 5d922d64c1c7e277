"""A French-speaking client on a 375 px phone (issue 15): the browser asks for French, the site
answers in French from the sign-in page on, the switcher goes back to English on the same page,
and nothing in the French portal is wider than the screen (French runs about 20 % longer)."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD

PHONE = {"width": 375, "height": 667}
# Elements wider than the screen, leaving out what sits in a box that scrolls sideways on purpose
# (wide tables are in .table-responsive).
TOO_WIDE = """() => [...document.querySelectorAll('body *')].filter(e => {
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.right <= window.innerWidth + 1) return false;
  for (let p = e.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden') return false;
  }
  return true;
}).map(e => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 40)}"`)"""


@pytest.fixture
def french_phone(browser):
    context = browser.new_context(
        viewport=PHONE, has_touch=True, is_mobile=True, locale="fr-CA",
        extra_http_headers={"Accept-Language": "fr-CA,fr;q=0.9"},
    )  # fmt: skip
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def _sign_in_in_french(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page).to_have_url(f"{live_server.url}/fr/accounts/login/")
    page.get_by_label("Nom d\u2019utilisateur").fill(user.username)  # Django's own French
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()


def test_a_french_browser_gets_the_portal_in_french(live_server, french_phone, cec_client_login):
    _sign_in_in_french(french_phone, live_server, cec_client_login)
    expect(french_phone).to_have_url(f"{live_server.url}/fr/portal/")
    expect(french_phone.locator("html")).to_have_attribute("lang", "fr-CA")
    expect(
        french_phone.get_by_role("link", name="Ma situation", include_hidden=True)
    ).to_be_attached()


def test_nothing_in_the_french_portal_is_wider_than_the_phone(
    live_server, french_phone, cec_client_login
):
    _sign_in_in_french(french_phone, live_server, cec_client_login)
    expect(french_phone).to_have_url(f"{live_server.url}/fr/portal/")
    width = french_phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the French portal is {width} px wide"
    assert french_phone.evaluate(TOO_WIDE) == []


def test_the_switcher_goes_back_to_english_on_the_same_page(
    live_server, french_phone, cec_client_login
):
    _sign_in_in_french(french_phone, live_server, cec_client_login)
    expect(french_phone).to_have_url(f"{live_server.url}/fr/portal/")
    french_phone.get_by_role("button", name="Afficher ou masquer la navigation").click()
    french_phone.get_by_role("link", name="English").click()
    expect(french_phone).to_have_url(f"{live_server.url}/portal/")
    expect(french_phone.locator("html")).to_have_attribute("lang", "en-CA")

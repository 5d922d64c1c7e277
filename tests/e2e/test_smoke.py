from io import StringIO

from django.core.management import call_command
from playwright.sync_api import expect

from eeportal.demo import DEMO_PASSWORD
from tests.e2e.conftest import sign_in


def test_demo_consultant_signs_in_and_out_in_a_real_browser(live_server, page):
    call_command("load_demo", stdout=StringIO())

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Express Entry")

    sign_in(page, live_server, "consultant", DEMO_PASSWORD)
    page.wait_for_load_state("load")  # the menu opens once Bootstrap's script has run
    nav = page.get_by_role("navigation", name="Main navigation")
    account_menu = nav.get_by_role("button", name="consultant")
    expect(account_menu).to_be_visible()

    account_menu.click()
    nav.get_by_role("button", name="Sign out").click()
    expect(nav.get_by_role("link", name="Sign in")).to_be_visible()

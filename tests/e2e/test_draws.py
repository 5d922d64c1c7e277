from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, DrawCategoryFactory


def test_staff_logs_a_draw_in_the_admin_and_sees_it_on_the_public_list(
    live_server, page, staff_user
):
    DrawCategoryFactory(key="pnp", name="Provincial Nominee Program", family="pnp")
    sign_in(page, live_server, staff_user.username, PASSWORD)

    page.goto(f"{live_server.url}/admin/draws/draw/add/")
    page.locator("#id_number").fill("435")
    page.locator("#id_held_on").fill("2026-08-17")
    page.locator("#id_category").select_option(label="Provincial Nominee Program")
    page.locator("#id_invitations").fill("442")
    page.locator("#id_cutoff").fill("760")
    page.locator("#id_tie_break_at_0").fill("2026-08-07")
    page.locator("#id_tie_break_at_1").fill("18:01:56")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Draw saved. Re-evaluation of 0 clients")

    page.goto(f"{live_server.url}/draws/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name="435", exact=True))
    expect(row).to_contain_text("2026-08-17")
    expect(row).to_contain_text("760")
    expect(row).to_contain_text("2026-08-07 18:01:56")
    expect(page.locator("#cutoff-chart")).to_be_visible()

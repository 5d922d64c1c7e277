"""In a real browser (issue 11, "Must hold"): a consultant signs in and lands on the dashboard,
sees an expired profile and an ITA deadline, opens the client and records "application
submitted"; the file leaves the deadline list."""

from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, ConsultantFactory, FirmFactory
from tests.profiles.dashboard_files import expired_profile, invited


def test_a_consultant_works_through_the_dashboard(live_server, page):
    firm = FirmFactory(name="Maple Route Immigration")
    chloe = ConsultantFactory(username="chloe", membership__firm=firm)
    expired_profile(firm, chloe, first_name="Omar", last_name="Haddad")
    invited(firm, chloe, days_ago=45, first_name="Sofia", last_name="Rossi")

    sign_in(page, live_server, "chloe", PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Dashboard")
    expired = page.get_by_test_id("section-expired-profiles")
    expect(expired.get_by_role("link", name="Haddad, Omar")).to_be_visible()
    expect(expired).to_contain_text("Out of the pool: CRS 556, eligible for CEC")
    deadlines = page.get_by_test_id("section-ita-deadlines")
    expect(deadlines).to_contain_text("15 days left")

    deadlines.get_by_role("link", name="Rossi, Sofia").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sofia Rossi")
    stage_form = page.get_by_role("form", name="Record the next stage")
    stage_form.get_by_label("Stage").select_option(label="Application submitted")
    stage_form.get_by_role("button", name="Record stage").click()
    expect(page.get_by_role("alert")).to_contain_text("Stage recorded: Application submitted.")
    expect(page.get_by_test_id("file-stage")).to_contain_text("Application submitted")

    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Dashboard"
    ).click()
    deadlines = page.get_by_test_id("section-ita-deadlines")
    expect(deadlines).to_contain_text("No ITA is waiting for an application.")
    expect(deadlines.get_by_role("link", name="Rossi, Sofia")).to_have_count(0)

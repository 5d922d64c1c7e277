"""In a real browser: a consultant adds a client and sees the CRS; the client, invited by
e-mail, sets a password, signs in and sees the same score.
"""

import re

from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, ClientFactory, ConsultantFactory, FirmFactory


def test_consultant_adds_a_client_and_the_client_sees_the_same_score(live_server, page):
    firm = FirmFactory(name="Maple Route Immigration")
    ConsultantFactory(username="chloe", membership__firm=firm)

    sign_in(page, live_server, "chloe", PASSWORD)
    page.get_by_role("navigation", name="Main navigation").get_by_role(
        "link", name="Clients"
    ).click()
    page.get_by_role("link", name="New client").click()
    page.get_by_label("First name").fill("Mateo")
    page.get_by_label("Last name").fill("Silva")
    page.get_by_label("Email").fill("mateo@example.com")
    page.get_by_label("Birth date").fill("1996-07-14")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mateo Silva")

    page.get_by_role("link", name="Add a language result").click()
    page.get_by_label("Test", exact=True).select_option("celpip")
    for ability in ("Listening", "Reading", "Writing", "Speaking"):
        page.get_by_label(ability).fill("9")
    page.get_by_label("Test date").fill("2026-09-01")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Add a credential").click()
    page.get_by_label("Level").select_option("bachelors")
    page.get_by_label("Canadian credential").check()
    page.get_by_label("Program length (years)").fill("4")
    page.get_by_role("button", name="Save").click()

    score = page.get_by_test_id("crs-total")
    expect(score).to_have_text(re.compile(r"^\d{3}$"))
    consultant_sees = score.inner_text()

    page.get_by_role("button", name="Invite to the portal").click()
    expect(page.get_by_role("alert")).to_contain_text("Invitation e-mailed to mateo@example.com")
    link = re.search(r"https?://\S+/welcome/\S+", mail.outbox[-1].body).group(0)

    page.context.clear_cookies()
    page.goto(link)
    page.get_by_label("New password", exact=True).fill(PASSWORD)
    page.get_by_label("New password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Set my password").click()
    sign_in(page, live_server, "mateo@example.com", PASSWORD)
    page.get_by_role("link", name="My standing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your Express Entry file")
    expect(page.get_by_test_id("crs-total")).to_have_text(consultant_sees)


def test_client_pages_fit_a_phone_screen_with_a_long_unbroken_name(live_server, browser):
    firm = FirmFactory(name="Maple Route Immigration")
    ConsultantFactory(username="chloe", membership__firm=firm)
    file = ClientFactory(
        firm=firm, first_name="A" * 100, last_name="B" * 100, spouse_name="C" * 200,
        marital_status="married", email=f"{'d' * 60}@example.com",
    )  # fmt: skip
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    sign_in(page, live_server, "chloe", PASSWORD)
    for path in (file.get_absolute_url(), reverse("profiles:client_edit", args=[file.public_id])):
        page.goto(f"{live_server.url}{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (path, width)
    context.close()

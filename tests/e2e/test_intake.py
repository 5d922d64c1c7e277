"""In a real browser: a consultant enters a new client with seven facts, the client's and the
spouse's, on one page, in two page loads (the intake and the saved file)."""

import re

from playwright.sync_api import expect

from profiles.models import Client
from tests.e2e.conftest import sign_in
from tests.factories import PASSWORD, ConsultantFactory, FirmFactory


def rows(page, section: str):
    return page.locator(f'[data-formset="{section}"] [data-row]')


def add_row(page, section: str):
    page.locator(f'[data-formset="{section}"] [data-add-row]').click()
    return rows(page, section).last


def fill_language(row, test: str, scores: tuple, test_date: str) -> None:
    row.get_by_label("Test", exact=True).select_option(test)
    for ability, score in zip(("Listening", "Reading", "Writing", "Speaking"), scores, strict=True):
        row.get_by_label(ability).fill(str(score))
    row.get_by_label("Test date").fill(test_date)


def fill_credential(row, level: str, *, canadian: bool, years: int, completed: str) -> None:
    row.get_by_label("Level").select_option(level)
    if canadian:
        row.get_by_label("Canadian credential").check()
    row.get_by_label("Program length (years)").fill(str(years))
    row.get_by_label("Completed on").fill(completed)


def fill_work(row, noc: str, start: str, end: str = "", *, in_canada: bool) -> None:
    row.get_by_label("NOC 2021 code").fill(noc)
    row.get_by_label("Start").fill(start)
    if end:
        row.get_by_label("End").fill(end)
    if in_canada:
        row.get_by_label("In Canada").check()


def test_a_client_with_seven_facts_takes_two_page_loads(live_server, page):
    firm = FirmFactory(name="Maple Route Immigration")
    ConsultantFactory(username="chloe", membership__firm=firm)
    sign_in(page, live_server, "chloe", PASSWORD)
    # Counting starts at the intake: the sign-in's own landing page must have loaded first.
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.wait_for_load_state("load")
    loads = []
    page.on("load", lambda loaded: loads.append(loaded.url))

    page.goto(f"{live_server.url}/clients/new/")
    page.get_by_label("First name").fill("Mateo")
    page.get_by_label("Last name").fill("Silva")
    page.get_by_label("Email").fill("mateo@example.com")
    page.get_by_label("Birth date").fill("1996-07-14")
    page.get_by_label("Marital status").select_option("married")

    fill_credential(rows(page, "credentials").first, "bachelors", canadian=True, years=4,
                    completed="2019-05-31")  # fmt: skip
    fill_credential(add_row(page, "credentials"), "masters", canadian=True, years=2,
                    completed="2021-05-31")  # fmt: skip
    fill_language(rows(page, "languages").first, "celpip", (9, 9, 9, 9), "2026-09-01")
    fill_language(add_row(page, "languages"), "tef", (300, 250, 350, 350), "2026-06-01")
    fill_work(rows(page, "work").first, "21232", "2022-01-03", in_canada=True)
    fill_work(add_row(page, "work"), "21231", "2018-01-08", "2021-12-17", in_canada=False)
    page.get_by_label("Spouse name").fill("Ana Silva")
    fill_language(add_row(page, "spouse_languages"), "ielts", (7, 7, 7, 7), "2026-03-01")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Mateo Silva")
    expect(page.get_by_test_id("crs-total")).to_have_text(re.compile(r"^\d{3}$"))
    saved = Client.objects.get(last_name="Silva")
    counts = (saved.credentials.count(), saved.language_results.count(),
              saved.work_periods.count())  # fmt: skip
    assert counts == (2, 3, 2)
    assert saved.language_results.filter(person="spouse").count() == 1
    # The heading can show before the page's load event; count once it has fired.
    page.wait_for_load_state("load")
    assert len(loads) == 2 and loads[0].endswith("/clients/new/"), loads


def test_a_mistake_in_one_row_keeps_every_row_typed(live_server, page):
    firm = FirmFactory(name="Maple Route Immigration")
    ConsultantFactory(username="chloe", membership__firm=firm)
    sign_in(page, live_server, "chloe", PASSWORD)
    page.goto(f"{live_server.url}/clients/new/")
    page.get_by_label("First name").fill("Mateo")
    page.get_by_label("Last name").fill("Silva")
    page.get_by_label("Birth date").fill("1996-07-14")
    fill_language(rows(page, "languages").first, "celpip", (9, 9, 9, 9), "2026-09-01")
    fill_work(add_row(page, "work"), "99999", "2022-01-03", in_canada=True)
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("99999 is not a NOC 2021 unit group")).to_be_visible()
    expect(rows(page, "work")).to_have_count(2)
    expect(rows(page, "languages").first.get_by_label("Listening")).to_have_value("9")
    expect(page.get_by_label("Last name")).to_have_value("Silva")
    assert not Client.objects.exists()

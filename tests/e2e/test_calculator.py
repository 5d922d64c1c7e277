"""The calculator in a real browser: htmx recalculates in place, and agrees with the API."""

import pytest
from django.core.cache import cache
from playwright.sync_api import expect


@pytest.fixture(autouse=True)
def fresh_throttle():
    # The API throttle counts in the cache, which the live server shares with the test run.
    cache.clear()


def open_calculator(page, live_server):
    page.goto(f"{live_server.url}/calculator/")
    # A marker that survives only as long as the page is not reloaded.
    page.evaluate("window.notReloaded = true")


def label(page, text: str):
    return page.get_by_label(text, exact=True)


def fill_e2(page) -> None:
    """crs-rules.md §11 E2: single, 30, bachelor's, CELPIP 9 all, no work (374)."""
    label(page, "Score as of").fill("2026-11-25")
    label(page, "Age").fill("30")
    label(page, "Highest level of education").select_option("bachelors")
    label(page, "First language Test").select_option("celpip")
    for ability in ("Listening", "Reading", "Writing", "Speaking"):
        label(page, f"First language {ability}").fill("9")


def test_the_total_updates_as_you_type_without_a_page_reload(live_server, page):
    open_calculator(page, live_server)
    fill_e2(page)
    expect(page.locator("#crs-total")).to_have_text("374")
    label(page, "Years of skilled work in Canada").fill("1")
    expect(page.locator("#crs-total")).to_have_text("427")
    assert page.evaluate("window.notReloaded") is True


def test_a_field_error_appears_next_to_its_input_without_a_page_reload(live_server, page):
    open_calculator(page, live_server)
    fill_e2(page)
    label(page, "First language Listening").fill("13")
    listening = label(page, "First language Listening")
    expect(listening).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_first_language_listening_error")).to_have_text(
        "CELPIP listening must be between 0 and 12."
    )
    expect(page.locator("#crs-errors")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True


def test_partner_fields_appear_only_for_an_accompanying_partner(live_server, page):
    open_calculator(page, live_server)
    partner_education = label(page, "Partner's highest level of education")
    expect(partner_education).to_be_hidden()
    label(page, "Marital status").select_option("accompanying")
    expect(partner_education).to_be_visible()


def test_the_total_matches_the_api_for_the_same_input(live_server, page):
    open_calculator(page, live_server)
    fill_e2(page)
    label(page, "First language Test date").fill("2026-01-10")
    label(page, "Years of skilled work outside Canada").fill("2")
    label(page, "Marital status").select_option("accompanying")
    label(page, "Partner's highest level of education").select_option("masters")
    label(page, "Partner's Test").select_option("ielts")
    for ability, score in (("Listening", "7"), ("Reading", "6.5"), ("Writing", "6"),
                           ("Speaking", "6.5")):  # fmt: skip
        label(page, f"Partner's {ability}").fill(score)
    label(page, "Partner's Test date").fill("2026-02-01")
    label(page, "Brother or sister in Canada").check()
    expect(page.locator("#crs-spouse")).not_to_have_text("0")

    response = page.request.post(
        f"{live_server.url}/api/v1/crs/",
        data={
            "as_of": "2026-11-25",
            "age": 30,
            "education": "bachelors",
            "first_language": {"test": "celpip", "listening": 9, "reading": 9, "writing": 9,
                               "speaking": 9, "test_date": "2026-01-10"},
            "foreign_experience_years": 2,
            "sibling_in_canada": True,
            "spouse": {
                "education": "masters",
                "language": {"test": "ielts", "listening": 7, "reading": 6.5, "writing": 6,
                             "speaking": 6.5, "test_date": "2026-02-01"},
            },
        },
    )  # fmt: skip
    assert response.ok
    expect(page.locator("#crs-total")).to_have_text(str(response.json()["total"]))


def test_the_page_fits_a_360_pixel_screen(live_server, page):
    page.set_viewport_size({"width": 360, "height": 740})
    open_calculator(page, live_server)
    fill_e2(page)
    expect(page.locator("#crs-total")).to_have_text("374")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_without_javascript_a_plain_submit_shows_the_score(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/calculator/")
        fill_e2(page)
        # Without the script nothing is hidden: the partner's fields stay usable.
        expect(label(page, "Partner's highest level of education")).to_be_visible()
        page.get_by_role("button", name="Calculate").click()
        expect(page.locator("#crs-total")).to_have_text("374")
    finally:
        context.close()


def test_choosing_a_partner_coming_keeps_the_score_and_marks_what_is_missing(live_server, page):
    """Issue 12: the score stayed hidden behind "This field is required" until the partner's
    education was chosen."""
    open_calculator(page, live_server)
    fill_e2(page)
    expect(page.locator("#crs-total")).to_have_text("374")
    label(page, "Marital status").select_option("accompanying")
    expect(page.locator("#crs-not-given")).to_be_visible()
    expect(page.locator("#crs-total")).to_be_visible()
    expect(page.locator("#crs-errors")).to_have_count(0)
    expect(page.locator("#id_spouse_education_not_given")).to_have_text(
        "Not given yet: counted as no education (0 points)."
    )
    label(page, "Partner's highest level of education").select_option("masters")
    expect(page.locator("#id_spouse_education_not_given")).to_have_count(0)
    expect(page.locator("#id_spouse_language_test_not_given")).to_be_visible()
    expect(label(page, "Partner's Listening")).to_have_attribute(
        "placeholder", "Partner's Listening"
    )

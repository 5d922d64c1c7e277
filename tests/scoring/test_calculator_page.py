"""The public calculator page /calculator/: form in, engine results out, with or without htmx."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

# The result shows the outlook, read from the stored draws.
pytestmark = pytest.mark.django_db

URL = reverse("scoring:calculator")
HTMX = {"HX-Request": "true"}


def e2(**changes) -> dict:
    """crs-rules.md §11 E2: single, 30, bachelor's, CELPIP 9 all, no work (374)."""
    data = {
        "as_of": "2026-11-25",
        "age": "30",
        "education": "bachelors",
        "canadian_education": "none",
        "first_language_test": "celpip",
        "first_language_listening": "9",
        "first_language_reading": "9",
        "first_language_writing": "9",
        "first_language_speaking": "9",
        "canadian_experience_years": "0",
        "foreign_experience_years": "0",
        "job_offer": "none",
        "marital_status": "single",
    }
    data.update(changes)
    return data


def total(response) -> int:
    match = re.search(r'id="crs-total">(\d+)<', response.content.decode())
    assert match, "no total on the page"
    return int(match.group(1))


class Controls(HTMLParser):
    """Collects form controls, label targets, fieldsets and legends of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict] = []
        self.label_for: set[str] = set()
        self.fieldsets = self.legends = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            self.controls.append(attrs)
        elif tag == "label" and "for" in attrs:
            self.label_for.add(attrs["for"])
        elif tag == "fieldset":
            self.fieldsets += 1
        elif tag == "legend":
            self.legends += 1


def controls_of(response) -> Controls:
    parser = Controls()
    parser.feed(response.content.decode())
    return parser


def test_the_calculator_is_public(client):
    assert client.get(URL).status_code == 200


def test_the_navigation_links_to_the_calculator(client):
    assert f'href="{URL}"'.encode() in client.get("/").content


def test_the_empty_form_shows_no_score(client):
    response = client.get(URL)
    assert b'name="first_language_listening"' in response.content
    assert b'id="crs-total"' not in response.content


def test_the_as_of_date_defaults_to_today(client):
    today = timezone.localdate().isoformat()
    assert f'value="{today}"'.encode() in client.get(URL).content


def test_every_input_has_a_label(client):
    page = controls_of(client.get(URL))
    unlabelled = [c["name"] for c in page.controls if c.get("id") not in page.label_for]
    assert page.controls
    assert unlabelled == []


def test_every_fieldset_has_a_legend(client):
    page = controls_of(client.get(URL))
    assert page.fieldsets >= 7
    assert page.legends == page.fieldsets


def test_the_results_region_is_announced_to_screen_readers(client):
    assert re.search(rb'<section id="results"[^>]*aria-live="polite"', client.get(URL).content)


def test_the_page_says_the_score_is_an_estimate_not_legal_advice(client):
    assert b"An estimate, not legal advice." in client.get(URL).content


def test_the_job_offer_help_says_it_scores_only_before_2025_03_25(client):
    assert b"Scores only before 2025-03-25" in client.get(URL).content


def test_the_e2_worked_example_scores_374_through_the_form(client):
    """crs-rules.md §11 E2 (lylaminju "single applicant baseline"): 349 / 0 / 25 / 0 = 374."""
    response = client.post(URL, e2())
    assert total(response) == 374
    assert b'id="crs-core">349<' in response.content
    assert b'id="crs-transferability">25<' in response.content


def test_a_valid_post_names_the_rule_version_and_its_effective_date(client):
    content = client.post(URL, e2()).content.decode()
    assert re.search(
        r"Rules: <strong>R2025</strong>, in force from\s+<time datetime=\"2025-03-25\"", content
    )


def test_the_breakdown_shows_each_line_with_the_input_that_earned_it(client):
    content = client.post(URL, e2()).content.decode()
    assert "Core / human capital" in content
    assert "CELPIP L9 R9 W9 S9 = CLB 9/9/9/9" in content


def test_a_plain_post_renders_the_whole_page_so_it_works_without_javascript(client):
    response = client.post(URL, e2())
    assert response.templates[0].name == "scoring/calculator.html"
    assert b"<html" in response.content


def test_an_htmx_post_returns_only_the_results_partial(client):
    response = client.post(URL, e2(), headers=HTMX)
    names = [t.name for t in response.templates]
    assert names[0] == "scoring/_results.html" and "scoring/calculator.html" not in names
    assert b"<html" not in response.content
    assert total(response) == 374


def test_the_response_varies_on_the_htmx_header(client):
    assert "HX-Request" in client.post(URL, e2())["Vary"]


def test_the_results_partial_carries_the_disclaimer(client):
    assert b"Estimate only, not legal advice." in client.post(URL, e2(), headers=HTMX).content


def test_an_out_of_range_score_shows_an_inline_error_next_to_its_input(client):
    response = client.post(URL, e2(first_language_listening="13"))
    assert response.status_code == 200
    assert re.search(
        r'<div id="id_first_language_listening_error"[^>]*>\s*'
        r'<div class="invalid-feedback d-block">CELPIP listening must be between 0 and 12.',
        response.content.decode(),
    )


def test_an_input_with_an_error_is_described_by_it(client):
    page = controls_of(client.post(URL, e2(first_language_listening="13")))
    listening = next(c for c in page.controls if c["name"] == "first_language_listening")
    assert listening["aria-invalid"] == "true"
    assert listening["aria-describedby"] == "id_first_language_listening_error"


def test_an_unknown_education_is_an_error_on_the_education_field(client):
    response = client.post(URL, e2(education="phd"))
    assert response.context["form"].errors["education"][0].startswith("Unknown value 'phd'")


def test_scores_without_a_test_ask_for_the_test(client):
    form = client.post(URL, e2(first_language_test="")).context["form"]
    assert form.errors["first_language_test"] == ["This field is required."]


def test_birth_date_and_age_together_is_an_error_on_the_age(client):
    form = client.post(URL, e2(birth_date="1996-01-01")).context["form"]
    assert form.errors["age"] == ["Give the birth date or the age, not both."]


def test_a_future_test_date_is_an_error_on_the_test_date(client):
    form = client.post(URL, e2(first_language_test_date="2027-01-01")).context["form"]
    assert "first_language_test_date" in form.errors


def test_a_partner_language_error_lands_on_the_partner_field(client):
    data = e2(
        marital_status="accompanying",
        spouse_education="bachelors",
        spouse_language_test="ielts",
        spouse_language_listening="9.5",
        spouse_language_reading="6",
        spouse_language_writing="6",
        spouse_language_speaking="6",
    )
    assert "spouse_language_listening" in client.post(URL, data).context["form"].errors


@pytest.mark.parametrize("garbage", ["x", "-1", "1e400", "nan", "9" * 400, "2026-02-30", " "])
def test_garbage_in_every_field_gives_field_errors_never_a_500(client, garbage):
    names = [c["name"] for c in controls_of(client.get(URL)).controls]
    response = client.post(URL, dict.fromkeys(names, garbage))
    assert response.status_code == 200
    assert response.context["form"].errors


def test_an_htmx_post_with_errors_lists_them_with_links_to_the_inputs(client):
    content = client.post(URL, e2(age="x"), headers=HTMX).content.decode()
    assert '<a class="alert-link" href="#id_age">Age</a>' in content


def test_an_htmx_post_with_errors_sends_them_for_the_inline_script(client):
    content = client.post(URL, e2(age="x"), headers=HTMX).content.decode()
    script = re.search(r'<script id="calculator-errors" type="application/json">(.*?)</script>',
                       content, re.S)  # fmt: skip
    assert json.loads(script.group(1)) == {
        "id_age": ["Enter a whole number of years from 0 to 130."]
    }


def test_partner_fields_are_ignored_unless_the_partner_is_accompanying(client):
    data = e2(marital_status="not_accompanying", spouse_education="not-a-level")
    assert total(client.post(URL, data)) == 374


def test_the_e3_accompanying_spouse_example_scores_373_through_the_form(client):
    """crs-rules.md §11 E3 (lylaminju "accompanying-spouse path"): 323 / 25 / 25 / 0 = 373."""
    data = e2(
        first_language_test="clb",
        marital_status="accompanying",
        spouse_education="bachelors",
        spouse_canadian_experience_years="1",
        spouse_language_test="clb",
        spouse_language_listening="7",
        spouse_language_reading="7",
        spouse_language_writing="7",
        spouse_language_speaking="7",
    )
    response = client.post(URL, data)
    assert total(response) == 373
    assert b'id="crs-spouse">25<' in response.content


def test_a_job_offer_scores_the_day_before_2025_03_25(client):
    """crs-rules.md §10: job-offer points (NOC 00: 200) exist before 2025-03-25."""
    response = client.post(URL, e2(as_of="2025-03-24", job_offer="noc_00"))
    assert b'id="crs-additional">200<' in response.content


def test_a_result_two_years_old_is_flagged_as_expired(client):
    content = client.post(URL, e2(first_language_test_date="2024-11-25")).content.decode()
    assert 'id="crs-expired"' in content
    assert "the first official language\n  test result is 2 or more years old" in content


def test_eligibility_is_presented_as_approximate(client):
    content = client.post(URL, e2()).content.decode()
    assert "Program eligibility (approximate)" in content
    assert "Federal Skilled Worker</strong>: No skilled work experience (approximate" in content


def test_advice_lists_the_gains_as_plus_points(client):
    content = client.post(URL, e2()).content.decode()
    assert re.search(
        r'<ol class="small" id="crs-advice">\s*<li>[^<]+: <strong>\+\d+</strong>', content
    )


def test_upcoming_birthdays_that_cost_points_are_listed_with_dates(client):
    content = client.post(URL, e2(age="", birth_date="1996-01-15")).content.decode()
    event = r'<time datetime="2027-01-15">2027-01-15</time>: Turns 31:\s+total \d+ \(-\d+\)'
    assert re.search(event, content)


def test_a_100000_character_education_does_not_come_back_in_the_page(client):
    response = client.post(URL, e2(education="x" * 100_000))
    assert response.status_code == 200
    assert len(response.content) < 50_000


def test_choosing_a_partner_coming_keeps_the_score_with_no_field_error(client):
    """Issue 12: the moment "partner coming" was chosen, "This field is required" hid it."""
    response = client.post(URL, e2(marital_status="accompanying"), headers=HTMX)
    assert response.context["form"].errors == {}
    # Scored in the with-spouse columns; the partner earns nothing yet (crs-rules.md §3).
    assert b'id="crs-spouse">0<' in response.content
    assert b'id="crs-errors"' not in response.content


def test_a_partner_coming_is_scored_in_the_with_spouse_columns_while_details_are_missing(client):
    """crs-rules.md §1: an accompanying spouse moves the core to its with-spouse columns, so the
    score differs from a single applicant's even with nothing entered for the partner."""
    single = total(client.post(URL, e2()))
    assert total(client.post(URL, e2(marital_status="accompanying"))) < single


def test_the_partner_fields_not_given_are_named_with_how_they_were_scored(client):
    content = client.post(URL, e2(marital_status="accompanying"), headers=HTMX).content.decode()
    note = re.search(r'<div class="alert alert-warning small" id="crs-not-given".*?</div>',
                     content, re.S).group(0)  # fmt: skip
    assert "the score will change when you add the rest" in note
    assert (
        '<a class="alert-link" href="#id_spouse_education">Partner&#x27;s highest level of '
        "education</a>: not given yet, counted as no education (0 points)"
    ) in note
    assert 'href="#id_spouse_language_test"' in note


def test_the_partner_fields_not_given_are_sent_for_the_inline_script(client):
    content = client.post(URL, e2(marital_status="accompanying"), headers=HTMX).content.decode()
    script = re.search(r'<script id="calculator-not-given" type="application/json">(.*?)</script>',
                       content, re.S)  # fmt: skip
    assert [entry[0] for entry in json.loads(script.group(1))] == [
        "id_spouse_education",
        "id_spouse_language_test",
    ]


def test_a_partner_with_every_detail_given_has_no_missing_note(client):
    data = e2(
        marital_status="accompanying",
        spouse_education="bachelors",
        spouse_language_test="clb",
        spouse_language_listening="7",
        spouse_language_reading="7",
        spouse_language_writing="7",
        spouse_language_speaking="7",
    )
    assert b'id="crs-not-given"' not in client.post(URL, data).content


def test_a_partner_left_without_education_scores_as_one_with_no_education(client):
    """crs-rules.md §3: spouse education "none" earns 0, so a blank scores exactly that."""
    blank = total(client.post(URL, e2(marital_status="accompanying")))
    none = total(client.post(URL, e2(marital_status="accompanying", spouse_education="none")))
    assert blank == none


def test_a_single_applicant_has_no_partner_note(client):
    assert b'id="crs-not-given"' not in client.post(URL, e2()).content


class Partner(HTMLParser):
    """The partner's test boxes: their placeholders and their labels' text, as a browser shows."""

    def __init__(self) -> None:
        super().__init__()
        self.placeholders: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self._label: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id", "").startswith("id_spouse_language_") and "placeholder" in attrs:
            self.placeholders[attrs["id"]] = attrs["placeholder"]
        if tag == "label" and attrs.get("for", "").startswith("id_spouse_language_"):
            self._label = attrs["for"]
            self.labels[self._label] = ""

    def handle_data(self, data):
        if self._label:
            self.labels[self._label] += data

    def handle_endtag(self, tag):
        if tag == "label":
            self._label = None


def test_the_partners_test_boxes_read_partners_listening_escaped_once(client):
    content = client.get(URL).content.decode()
    assert "&amp;#x27;" not in content
    partner = Partner()
    partner.feed(content)  # the parser unescapes once, as a browser does
    assert partner.placeholders["id_spouse_language_listening"] == "Partner's Listening"
    assert partner.placeholders["id_spouse_language_test_date"] == "Partner's Test date"
    assert "&#x27;" not in "".join(partner.placeholders.values())


def test_the_partners_labels_keep_their_screen_reader_text(client):
    partner = Partner()
    partner.feed(client.get(URL).content.decode())
    assert partner.labels["id_spouse_language_listening"] == "Partner's Listening"
    assert partner.labels["id_spouse_language_test"] == "Partner's Test"


def test_an_age_of_29_says_the_next_birthday_costs_points_without_a_date(client):
    """crs-rules.md §2.1: single, 110 points at 29, 105 at 30, 99 at 31."""
    content = client.post(URL, e2(age="29")).content.decode()
    assert "No dated change in the next two years" not in content
    assert "At your next birthday (age 30) your score drops by 5 points, to 374" in content
    assert "At the birthday after (age 31) your score drops by 6 points, to 368" in content
    assert "give your date of birth for the exact date" in content


def test_an_age_of_45_promises_no_birthday_change(client):
    """crs-rules.md §2.1: no age points from 45 on, so a birthday moves nothing."""
    content = client.post(URL, e2(age="45")).content.decode()
    assert 'id="crs-age-changes"' not in content
    assert "No dated change in the next two years" in content


def test_a_birth_date_gives_dated_birthdays_and_no_undated_ones(client):
    content = client.post(URL, e2(age="", birth_date="1997-01-15")).content.decode()
    assert 'id="crs-age-changes"' not in content
    assert '<time datetime="2027-01-15">2027-01-15</time>: Turns 30' in content


def test_the_calculator_does_not_suggest_leaving_the_partner_behind(client):
    data = e2(marital_status="accompanying", spouse_education="secondary")
    content = client.post(URL, data).content.decode()
    assert "does not come to Canada" not in content
    assert 'id="crs-advice"' in content

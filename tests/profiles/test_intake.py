"""The one-page intake (/clients/new/): the client and the facts of both people in one post,
saved together through ``services.create_client``; every error inline, nothing typed lost."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from profiles.intake import MAX_ROWS, Intake
from profiles.models import Client, EducationCredential, LanguageTestResult, WorkPeriod

pytestmark = pytest.mark.django_db
NEW = reverse("profiles:client_create")
CLIENT = {"first_name": "Ines", "last_name": "Costa", "birth_date": "1995-02-03",
          "marital_status": "married", "first_official_language": "best", "job_offer": "none",
          "spouse_accompanying": "on"}  # fmt: skip
LANGUAGE = {"test": "celpip", "listening": "9", "reading": "9", "writing": "9", "speaking": "9",
            "test_date": "2026-01-10"}  # fmt: skip
WORK = {"noc": "21232", "start": "2022-01-03", "hours_per_week": "40", "in_canada": "on",
        "authorised": "on"}  # fmt: skip
CREDENTIAL = {"level": "bachelors", "in_canada": "on", "length_years": "4",
              "completed_on": "2019-05-31"}  # fmt: skip
SECTIONS = ("credentials", "languages", "work",
            "spouse_credentials", "spouse_languages", "spouse_work")  # fmt: skip


def post_data(**rows: list[dict]) -> dict:
    """The client's fields and, per section, its rows as a browser posts them."""
    data = dict(CLIENT)
    for prefix in SECTIONS:
        given = rows.get(prefix, [])
        data |= {f"{prefix}-TOTAL_FORMS": str(len(given)), f"{prefix}-INITIAL_FORMS": "0"}
        for index, row in enumerate(given):
            data |= {f"{prefix}-{index}-{name}": value for name, value in row.items()}
    return data


def post(client, consultant, data):
    client.force_login(consultant)
    return client.post(NEW, data)


def test_the_page_has_a_row_for_each_of_the_clients_facts_and_buttons_to_add_more(
    client, firm_a_consultant
):
    client.force_login(firm_a_consultant)
    page = client.get(NEW).content.decode()
    for prefix in ("credentials", "languages", "work"):
        assert f'name="{prefix}-0-' in page, prefix
    for prefix in SECTIONS:
        assert f'data-formset="{prefix}"' in page and f'name="{prefix}-__prefix__-' in page
    assert "js/formset_rows.js" in page


def test_the_client_and_the_facts_of_both_people_are_saved_from_one_post(client, firm_a_consultant):
    data = post_data(
        credentials=[CREDENTIAL], languages=[LANGUAGE, {**LANGUAGE, "test_date": "2025-06-01"}],
        work=[WORK], spouse_languages=[LANGUAGE],
    )  # fmt: skip
    response = post(client, firm_a_consultant, data)
    created = Client.objects.get()
    assert response.url == created.get_absolute_url()
    assert created.language_results.filter(person="principal").count() == 2
    assert created.language_results.filter(person="spouse").count() == 1
    assert (created.credentials.count(), created.work_periods.count()) == (1, 1)


def test_the_saved_file_is_scored_with_its_facts(client, firm_a_consultant):
    post(client, firm_a_consultant, post_data(languages=[LANGUAGE], work=[WORK]))
    bare = Client.objects.get()
    post(client, firm_a_consultant, {**CLIENT, "first_name": "Other", "birth_date": "1995-02-04"})
    assert bare.current_crs > Client.objects.get(first_name="Other").current_crs


def test_rows_left_empty_are_not_saved(client, firm_a_consultant):
    empty = {"hours_per_week": "40", "authorised": "on"}  # the row's initial values, untouched
    post(client, firm_a_consultant, post_data(work=[empty], languages=[{}]))
    assert Client.objects.exists()
    assert not WorkPeriod.objects.exists() and not LanguageTestResult.objects.exists()


def test_a_row_marked_to_leave_out_is_not_saved_even_with_errors(client, firm_a_consultant):
    data = post_data(work=[{**WORK, "noc": "99999", "DELETE": "on"}])
    assert post(client, firm_a_consultant, data).status_code == 302
    assert not WorkPeriod.objects.exists()


def test_a_bad_row_shows_its_error_on_that_row_and_saves_nothing(client, firm_a_consultant):
    data = post_data(languages=[LANGUAGE, {**LANGUAGE, "listening": "13"}], work=[WORK])
    response = post(client, firm_a_consultant, data)
    assert response.status_code == 200
    assert not Client.objects.exists()
    formsets = {s.prefix: f for s, f in response.context["sections"]}
    assert formsets["languages"].forms[0].errors == {}
    assert "listening" in formsets["languages"].forms[1].errors


def test_a_bad_row_keeps_everything_typed(client, firm_a_consultant):
    data = post_data(languages=[{**LANGUAGE, "listening": "13"}], work=[WORK])
    page = post(client, firm_a_consultant, data).content.decode()
    assert 'name="work-0-noc" value="21232"' in page
    assert 'name="languages-0-listening" value="13"' in page
    assert 'name="last_name" value="Costa"' in page


def test_errors_on_the_client_and_on_rows_show_together(client, firm_a_consultant):
    data = post_data(work=[{**WORK, "hours_per_week": "100"}])
    response = post(client, firm_a_consultant, {**data, "birth_date": "2999-01-01"})
    formsets = {s.prefix: f for s, f in response.context["sections"]}
    assert "birth_date" in response.context["form"].errors
    assert "hours_per_week" in formsets["work"].forms[0].errors


def test_spouse_rows_of_a_single_client_are_refused_on_each_row(client, firm_a_consultant):
    data = post_data(spouse_languages=[LANGUAGE, LANGUAGE])
    response = post(client, firm_a_consultant, {**data, "marital_status": "never_married"})
    spouse = {s.prefix: f for s, f in response.context["spouse_sections"]}
    for form in spouse["spouse_languages"].forms:
        assert "married or common-law" in form.non_field_errors()[0]
    assert not Client.objects.exists()


def test_more_rows_than_the_limit_are_refused_not_truncated(client, firm_a_consultant):
    response = post(client, firm_a_consultant, post_data(languages=[LANGUAGE] * (MAX_ROWS + 1)))
    formsets = {s.prefix: f for s, f in response.context["sections"]}
    assert formsets["languages"].non_form_errors()
    assert not Client.objects.exists()


def test_a_post_without_fact_sections_creates_the_client_alone(client, firm_a_consultant):
    assert post(client, firm_a_consultant, CLIENT).status_code == 302
    assert not EducationCredential.objects.exists()


def test_a_service_error_naming_a_row_lands_on_that_row():
    intake = Intake(post_data(languages=[LANGUAGE, LANGUAGE]))
    assert intake.is_valid()
    intake.add_service_errors(ValidationError({"language_results.1.listening": ["Too high."]}))
    forms = intake.of("principal")[1][1].forms
    assert forms[1].errors == {"listening": ["Too high."]} and forms[0].errors == {}


def test_a_service_error_of_the_client_lands_on_the_client_form():
    intake = Intake(post_data())
    assert intake.is_valid()
    intake.add_service_errors(ValidationError({"birth_date": ["Too old."]}))
    assert intake.form.errors == {"birth_date": ["Too old."]}


def test_another_firms_consultant_cannot_see_the_new_file(
    client, firm_a_consultant, firm_b_consultant
):
    post(client, firm_a_consultant, post_data(languages=[LANGUAGE]))
    client.force_login(firm_b_consultant)
    assert client.get(Client.objects.get().get_absolute_url()).status_code == 404


@pytest.mark.parametrize(("actor", "status"), [("firm_a_client", 404), (None, 302)])
def test_only_consultants_reach_the_intake(client, request, actor, status):
    if actor:
        client.force_login(request.getfixturevalue(actor))
    response = client.post(NEW, post_data(languages=[LANGUAGE]))
    assert response.status_code == status  # a client: nothing here; anonymous: sign in first
    assert not Client.objects.filter(last_name="Costa").exists()

"""Staff record and correct draws in the admin; everyone else is kept out."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from draws.models import Draw, DrawCategory
from tests.factories import DrawCategoryFactory, DrawFactory

ADD_URL = reverse("admin:draws_draw_add")
LIST_URL = reverse("admin:draws_draw_changelist")


def form_data(**changes) -> dict:
    data = {
        "number": "435",
        "held_on": "2026-08-17",
        "category": DrawCategoryFactory(key="pnp").pk,
        "invitations": "442",
        "cutoff": "760",
        "tie_break_at_0": "2026-08-07",
        "tie_break_at_1": "18:01:56",
        "ran_at_0": "",
        "ran_at_1": "",
        "ircc_name": "Provincial Nominee Program",
        "programs": "",
        "ircc_url": "",
        "pool_as_of": "",
        "pool": "",
    }
    return data | changes


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


def errors_for(staff_client, field: str, **changes) -> list[str]:
    response = staff_client.post(ADD_URL, form_data(**changes))
    assert response.status_code == 200, "the form should be shown again with its errors"
    return response.context["adminform"].form.errors[field]


def test_staff_records_a_draw_in_the_admin(staff_client, staff_user):
    response = staff_client.post(ADD_URL, form_data())
    assert response.status_code == 302
    draw = Draw.objects.get(number="435")
    assert (draw.cutoff, draw.source, draw.category.key) == (760, "admin", "pnp")
    assert draw.history.get().history_user == staff_user


def test_a_tie_break_typed_in_the_admin_is_utc(staff_client):
    staff_client.post(ADD_URL, form_data())
    assert Draw.objects.get().tie_break_at == datetime(2026, 8, 7, 18, 1, 56, tzinfo=UTC)


def test_a_staff_correction_keeps_the_old_figure_in_the_history(staff_client, staff_user):
    draw = DrawFactory(number="434", cutoff=470, held_on=date(2026, 8, 7))
    data = form_data(cutoff="471", held_on="2026-08-07", category=draw.category.pk)
    del data["number"]  # read-only on a change
    staff_client.post(reverse("admin:draws_draw_change", args=[draw.pk]), data)
    draw.refresh_from_db()
    assert draw.cutoff == 471
    assert [h.cutoff for h in draw.history.all()] == [471, 470]
    assert draw.history.first().history_user == staff_user


def test_the_history_page_shows_who_corrected_the_draw(staff_client, staff_user):
    draw = DrawFactory(number="434", held_on=date(2026, 8, 7))
    data = form_data(cutoff="471", held_on="2026-08-07", category=draw.category.pk)
    staff_client.post(reverse("admin:draws_draw_change", args=[draw.pk]), data)
    response = staff_client.get(reverse("admin:draws_draw_history", args=[draw.pk]))
    assert b"Admin: updated" in response.content
    assert staff_user.username.encode() in response.content


def test_a_future_draw_date_is_refused_with_a_clear_message(staff_client):
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert errors_for(staff_client, "held_on", held_on=f"{tomorrow:%Y-%m-%d}") == [
        f"The draw date {tomorrow:%Y-%m-%d} is in the future; record a round only once IRCC "
        "has held it."
    ]


def test_a_tie_break_after_the_draw_date_is_refused_with_a_clear_message(staff_client):
    assert errors_for(staff_client, "tie_break_at", tie_break_at_0="2026-08-18") == [
        "The tie-breaking time (2026-08-18 18:01 UTC) is after the draw date (2026-08-17); "
        "it is always before the round."
    ]


def test_a_category_version_not_in_force_is_refused_with_a_clear_message(staff_client, categories):
    transport_2023 = DrawCategory.objects.get(key="transport-2023-v1")
    assert errors_for(staff_client, "category", category=transport_2023.pk) == [
        "Transport occupations (2023-Version 1) was not in force on 2026-08-17 (in force from "
        "2023-05-31 to 2025-02-26); choose the version in force that day."
    ]


def test_a_crs_above_1200_is_refused_with_a_clear_message(staff_client):
    assert errors_for(staff_client, "cutoff", cutoff="1201") == [
        "A CRS score is between 0 and 1200."
    ]


def test_a_round_without_invitations_is_refused_with_a_clear_message(staff_client):
    assert errors_for(staff_client, "invitations", invitations="0") == [
        "A round issues at least one invitation."
    ]


def test_a_refused_form_saves_nothing(staff_client):
    staff_client.post(ADD_URL, form_data(cutoff="1201"))
    assert not Draw.objects.exists()


def test_the_admin_list_shows_the_newest_round_first(staff_client):
    DrawFactory(number="433", held_on=date(2026, 8, 6))
    DrawFactory(number="434", held_on=date(2026, 8, 7))
    response = staff_client.get(LIST_URL)
    assert [d.number for d in response.context["cl"].result_list] == ["434", "433"]


def test_the_admin_list_filters_by_year(staff_client):
    DrawFactory(number="1", held_on=date(2015, 1, 31))
    DrawFactory(number="434", held_on=date(2026, 8, 7))
    response = staff_client.get(LIST_URL, {"year": "2015"})
    assert [d.number for d in response.context["cl"].result_list] == ["1"]


def test_the_admin_list_filters_by_category(staff_client):
    DrawFactory(number="432", category=DrawCategoryFactory(key="cec"))
    pnp = DrawFactory(number="431", category=DrawCategoryFactory(key="pnp"))
    response = staff_client.get(LIST_URL, {"category__id__exact": pnp.category.pk})
    assert [d.number for d in response.context["cl"].result_list] == ["431"]


def test_the_admin_list_finds_a_round_by_number(staff_client):
    DrawFactory(number="91a")
    DrawFactory(number="91b")
    response = staff_client.get(LIST_URL, {"q": "91a"})
    assert [d.number for d in response.context["cl"].result_list] == ["91a"]


def test_a_consultant_cannot_reach_the_draws_admin(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    response = client.get(ADD_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_a_consultant_cannot_record_a_draw_through_the_admin(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    client.post(ADD_URL, form_data())
    assert not Draw.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_admin_sign_in(client, db):
    response = client.get(LIST_URL)
    assert (response.status_code, response.url.startswith(reverse("admin:login"))) == (302, True)


@pytest.mark.parametrize("field", ["tie_break_at", "ran_at"])
def test_a_date_without_its_time_is_refused_not_dropped(staff_client, field):
    changes = {f"{field}_0": "2026-08-07", f"{field}_1": ""}
    assert errors_for(staff_client, field, **changes) == ["Enter the time too (UTC, HH:MM:SS)."]


@pytest.mark.parametrize("field", ["tie_break_at", "ran_at"])
def test_a_time_without_its_date_is_refused_not_dropped(staff_client, field):
    changes = {f"{field}_0": "", f"{field}_1": "18:01:56"}
    assert errors_for(staff_client, field, **changes) == ["Enter the date too (YYYY-MM-DD)."]


def test_a_draw_date_in_year_one_is_refused_with_a_clear_message(staff_client):
    assert errors_for(staff_client, "held_on", held_on="0001-01-01", tie_break_at_0="") == [
        "The draw date 0001-01-01 is before Express Entry began on 2015-01-01 "
        "(round 1 was held on 2015-01-31)."
    ]


def test_a_tie_break_in_year_one_is_a_field_error_not_a_crash(staff_client):
    assert errors_for(staff_client, "tie_break_at", tie_break_at_0="0001-01-01") == [
        "The tie-breaking time (0001-01-01 18:01 UTC) is before Express Entry opened on "
        "2015-01-01; no profile was submitted earlier."
    ]


def test_a_round_run_in_year_one_is_a_field_error_not_a_crash(staff_client):
    changes = {"ran_at_0": "0001-01-01", "ran_at_1": "00:00:00"}
    assert errors_for(staff_client, "ran_at", **changes) == [
        "The round was run at 0001-01-01 00:00 UTC, not on the draw date (2026-08-17) "
        "or the day after; every IRCC round ran on one of the two."
    ]


def test_a_pool_nested_a_thousand_levels_deep_is_a_field_error_not_a_crash(staff_client):
    changes = {"pool": "[" * 1000 + "]" * 1000, "pool_as_of": "2026-08-16"}
    assert errors_for(staff_client, "pool", **changes) == [
        "Enter valid JSON, nested at most 32 levels deep."
    ]


def test_more_invitations_than_any_round_could_issue_are_refused_readably(staff_client):
    assert errors_for(staff_client, "invitations", invitations="100001") == [
        "A round issues at most 100,000 invitations; IRCC's largest issued 27,332 "
        "(round 176, 2021-02-13)."
    ]


@pytest.mark.parametrize("year", ["abc", "0", "99999"])
def test_a_year_filter_that_is_not_a_year_is_ignored(staff_client, year):
    DrawFactory(number="434", held_on=date(2026, 8, 7))
    response = staff_client.get(LIST_URL, {"year": year})
    assert [d.number for d in response.context["cl"].result_list] == ["434"]


def test_the_draw_time_inputs_are_marked_utc_for_the_admin_shortcuts(staff_client):
    page = staff_client.get(ADD_URL).content.decode()
    for name in ("tie_break_at_0", "tie_break_at_1", "ran_at_0", "ran_at_1"):
        assert f'data-time-zone="UTC" id="id_{name}"' in page, name


def test_the_utc_shortcuts_script_comes_after_the_admins_own(staff_client):
    page = staff_client.get(ADD_URL).content.decode()
    assert page.index("admin/js/admin/DateTimeShortcuts.js") < page.index("js/admin_utc.js")


def test_the_draw_date_keeps_the_admins_own_shortcuts(staff_client):
    # The draw date is Ottawa's day, not UTC's: its "Today" must stay the site's.
    page = staff_client.get(ADD_URL).content.decode()
    assert 'data-time-zone="UTC" id="id_held_on"' not in page

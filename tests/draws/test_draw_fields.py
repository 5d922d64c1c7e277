"""One list of a draw's facts for every way in, and one validation per save (the service's)."""

import inspect
from dataclasses import fields
from datetime import date

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from draws.admin import DrawAdminForm
from draws.feed import FeedRound
from draws.importer import FEED_FIELD
from draws.models import DRAW_FIELDS, Draw
from draws.serializers import DrawSerializer
from draws.services import record_draw
from tests.factories import DrawCategoryFactory, DrawFactory

ADMIN_ADD = reverse("admin:draws_draw_add")


def test_record_draw_takes_the_draw_fields_and_who_recorded_them():
    assert list(inspect.signature(record_draw).parameters) == [
        *DRAW_FIELDS[:5],
        "by",
        "source",
        *DRAW_FIELDS[5:],
    ]


def test_a_feed_round_holds_the_draw_fields_but_the_category_it_is_matched_to():
    assert {f.name for f in fields(FeedRound)} | {"category"} == set(DRAW_FIELDS)


def test_the_import_names_a_feed_field_for_every_draw_field():
    assert set(FEED_FIELD) == set(DRAW_FIELDS)


def test_the_admin_form_shows_the_draw_fields_in_their_order():
    assert list(DrawAdminForm.base_fields) == list(DRAW_FIELDS)


def test_the_api_writes_exactly_the_draw_fields():
    writable = [name for name, field in DrawSerializer().fields.items() if not field.read_only]
    assert writable == list(DRAW_FIELDS)


@pytest.fixture
def full_cleans(monkeypatch) -> list[Draw]:
    calls = []
    original = Draw.full_clean

    def counted(self, *args, **kwargs):
        calls.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Draw, "full_clean", counted)
    return calls


def admin_form(**changes) -> dict:
    data = {
        "number": "435", "held_on": "2026-08-17", "category": DrawCategoryFactory(key="pnp").pk,
        "invitations": "442", "cutoff": "760", "tie_break_at_0": "2026-08-07",
        "tie_break_at_1": "18:01:56", "ran_at_0": "", "ran_at_1": "", "ircc_name": "",
        "programs": "", "ircc_url": "", "pool_as_of": "", "pool": "",
    }  # fmt: skip
    return data | changes


def test_an_admin_save_validates_the_draw_once(client, staff_user, full_cleans):
    client.force_login(staff_user)
    assert client.post(ADMIN_ADD, admin_form()).status_code == 302
    assert len(full_cleans) == 1


def test_an_admin_correction_validates_the_draw_once(client, staff_user, full_cleans):
    client.force_login(staff_user)
    draw = DrawFactory(number="434", held_on=date(2026, 8, 7))
    data = admin_form(held_on="2026-08-07", category=draw.category.pk, cutoff="471")
    response = client.post(reverse("admin:draws_draw_change", args=[draw.pk]), data)
    assert response.status_code == 302
    assert (len(full_cleans), Draw.objects.get().cutoff) == (1, 471)


def test_the_services_errors_show_next_to_the_admin_fields(client, staff_user):
    client.force_login(staff_user)
    response = client.post(ADMIN_ADD, admin_form(number="R12", cutoff="1201"))
    errors = response.context["adminform"].form.errors
    assert errors["cutoff"] == ["A CRS score is between 0 and 1200."]
    assert errors["number"] == [
        "A round number is IRCC's number, digits with an optional letter (e.g. 91a)."
    ]
    assert not Draw.objects.exists()


def test_an_existing_round_number_is_refused_in_the_admin_not_corrected(client, staff_user):
    client.force_login(staff_user)
    DrawFactory(number="435", cutoff=500)
    response = client.post(ADMIN_ADD, admin_form(cutoff="760"))
    assert list(response.context["adminform"].form.errors) == ["number"]
    assert Draw.objects.get().cutoff == 500


def test_an_api_save_validates_the_draw_once(staff_user, full_cleans):
    DrawCategoryFactory(key="pnp")
    api = APIClient()
    api.force_authenticate(staff_user)
    body = {"number": "435", "held_on": "2026-08-17", "category": "pnp", "invitations": 442,
            "cutoff": 760}  # fmt: skip
    assert api.post(reverse("api-draw-list"), body, format="json").status_code == 201
    assert len(full_cleans) == 1


def test_a_form_refused_for_its_input_still_shows_the_rules_errors_once(
    client, staff_user, full_cleans
):
    # The pool does not parse, so nothing is saved; the rules still judge the cut-off.
    client.force_login(staff_user)
    response = client.post(ADMIN_ADD, admin_form(pool="{", cutoff="1201"))
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"pool", "cutoff"}
    assert (len(full_cleans), Draw.objects.exists()) == (1, False)

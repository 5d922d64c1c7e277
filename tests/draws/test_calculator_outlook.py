"""The public calculator's result shows the same estimates as a client's (issue 12, item 6),
from the entered score and the kinds of round its answers are open to."""

from datetime import date

import pytest
from django.urls import reverse

from tests.draws.test_answer_api import POOL
from tests.factories import DrawCategoryFactory, DrawFactory
from tests.scoring.test_calculator_page import HTMX, e2

pytestmark = pytest.mark.django_db
URL = reverse("scoring:calculator")


def _outlook(response) -> str:
    page = response.content.decode()
    start = page.index('id="crs-outlook"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def general_rounds():
    general = DrawCategoryFactory(key="general", name="General", family="general")
    for month in range(1, 11):
        DrawFactory(category=general, held_on=date(2026, month, 5), cutoff=360)
    DrawFactory(category=general, held_on=date(2026, 11, 5), cutoff=360, pool=POOL,
                pool_as_of=date(2026, 8, 3))  # fmt: skip


def test_a_cec_eligible_result_shows_its_place_in_the_pool_and_outlook(client, general_rounds):
    # E2 with a year of Canadian work: CEC-eligible, above every 360 cut-off.
    section = _outlook(client.post(URL, e2(canadian_experience_years="1"), headers=HTMX))
    assert "pool distribution of 2026-08-03" in section
    assert "/methods/#place" in section and "/methods/#outlook" in section
    assert "12 months" in section


def test_a_result_meeting_no_program_has_no_outlook_to_estimate(client, general_rounds):
    section = _outlook(client.post(URL, e2(), headers=HTMX))  # no work experience: no program
    assert "meet no Express Entry program" in section
    assert "/methods/#place" not in section

"""The calculator's optional settlement funds and family size, and FSW's yes / no / can't tell."""

import re

import pytest
from django.urls import reverse

from tests.scoring.test_calculator_page import e2

pytestmark = pytest.mark.django_db

URL = reverse("scoring:calculator")


def fsw_line(response) -> str:
    page = response.content.decode()
    found = re.search(
        r'<li class="mb-2">(.*?)<strong>Federal Skilled Worker</strong>:(.*?)</li>', page, re.S
    )
    assert found, "no FSW line"
    return re.sub(r"<[^>]+>", "", found.group(1) + found.group(2)).strip()


ABROAD = {"foreign_experience_years": "3"}


def test_without_funds_fsw_is_cant_tell_and_names_the_amount(client):
    line = fsw_line(client.post(URL, e2(**ABROAD)))
    assert line.startswith("Can't tell")
    assert "No family size recorded" in line


def test_funds_written_with_a_dollar_sign_and_commas_are_read(client):
    line = fsw_line(client.post(URL, e2(**ABROAD, settlement_funds="$20,000", family_size="1")))
    assert line.startswith("Likely eligible")
    assert "cover the $15,263 needed" in line


def test_funds_below_the_table_make_fsw_a_no_with_the_amount(client):
    line = fsw_line(client.post(URL, e2(**ABROAD, settlement_funds="9000", family_size="3")))
    assert line.startswith("Not eligible")
    assert "$23,360 needed for a family of 3" in line


def test_funds_that_are_not_a_number_get_a_field_error_and_keep_the_score(client):
    response = client.post(URL, e2(**ABROAD, settlement_funds="lots", family_size="1"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter whole dollars" in page

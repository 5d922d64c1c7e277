"""Spreadsheet formulas in CSV cells (OWASP "CSV Injection"): neutralised on export, kept on a
round trip."""

import csv
import io

import pytest

from profiles.csv_export import export_csv
from profiles.models import Client
from profiles.services import import_clients_csv
from tests.factories import ClientFactory
from tests.profiles.test_csv import GOOD, _csv

pytestmark = pytest.mark.django_db


def _exported_address(client) -> str:
    text = "".join(export_csv(Client.objects.filter(pk=client.pk))).lstrip("\ufeff")
    header, row = csv.reader(io.StringIO(text))
    return dict(zip(header, row, strict=True))["address"]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_export_writes_a_text_cell_starting_a_formula_after_an_apostrophe(firm_a, start):
    file = ClientFactory(firm=firm_a, address=f'{start}HYPERLINK("https://evil.example","x")')
    assert _exported_address(file) == f'\'{start}HYPERLINK("https://evil.example","x")'


def test_export_leaves_other_text_cells_as_they_are(firm_a):
    file = ClientFactory(firm=firm_a, address="'t Hoofd 1, Utrecht")
    assert _exported_address(file) == "'t Hoofd 1, Utrecht"


def test_export_then_import_keeps_a_phone_number_starting_with_plus(firm_a, firm_b):
    ClientFactory(firm=firm_a, phone="+1 416 555 0199")
    exported = "".join(export_csv(Client.objects.filter(firm=firm_a)))
    (copy,) = import_clients_csv(firm=firm_b, by=None, file=io.BytesIO(exported.encode())).created
    assert copy.phone == "+1 416 555 0199"


def test_export_then_import_keeps_an_address_starting_with_equals(firm_a, firm_b):
    ClientFactory(firm=firm_a, address="=2+3 Main Street")
    exported = "".join(export_csv(Client.objects.filter(firm=firm_a)))
    (copy,) = import_clients_csv(firm=firm_b, by=None, file=io.BytesIO(exported.encode())).created
    assert copy.address == "=2+3 Main Street"


def test_import_keeps_an_apostrophe_that_does_not_guard_a_formula(firm_a):
    (client,) = import_clients_csv(
        firm=firm_a, by=None, file=_csv({**GOOD, "address": "'t Hoofd 1"})
    ).created
    assert client.address == "'t Hoofd 1"

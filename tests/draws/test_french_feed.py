"""IRCC's French feed (ee_rounds_123_fr.json) fills the rounds' French names, and nothing else."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from draws.feed import FeedError
from draws.importer import import_french_names, import_rounds
from draws.models import Draw
from tests.draws.feed_data import raw_round

FRENCH_NAMES = {
    "434": "Professions dans le domaine des transports, 2026-version 2",
    "357": "Professions dans les domaines de la santé et des services sociaux (version 2)",
}


def french_round(number: str, name: str) -> dict:
    """A round as the French feed writes it: the English fields, French words, spaced numbers."""
    raw = raw_round(number)
    raw["drawName"] = name
    raw["drawSize"] = raw["drawSize"].replace(",", "\N{NO-BREAK SPACE}")
    raw["dd18"] = raw["dd18"].replace(",", " ")
    raw["drawDateFull"] = "7 août 2026"
    raw["drawDateTime"] = "6 août 2026 à 11 h 29 min 10 s UTC"
    return raw


def french_feed(names: dict[str, str] = FRENCH_NAMES) -> list[dict]:
    return [french_round(number, name) for number, name in names.items()]


@pytest.fixture
def imported(categories):
    import_rounds([raw_round("434"), raw_round("357"), raw_round("1")])


def facts() -> list[dict]:
    return list(Draw.objects.order_by("number").values())


def test_the_french_feed_fills_each_rounds_french_name(imported):
    counts = import_french_names(french_feed())
    assert (counts.updated, counts.unchanged) == (2, 0)
    assert Draw.objects.get(number="434").name_fr == FRENCH_NAMES["434"]
    assert Draw.objects.get(number="1").name_fr == ""


def test_the_french_feed_changes_no_other_field(imported):
    before = facts()
    import_french_names(french_feed())
    after = facts()
    for row in (*before, *after):
        row.pop("name_fr")
    assert after == before


def test_importing_the_french_feed_twice_changes_nothing_the_second_time(imported):
    import_french_names(french_feed())
    counts = import_french_names(french_feed())
    assert (counts.updated, counts.unchanged) == (0, 2)


def test_a_french_round_that_is_not_in_the_database_refuses_the_whole_file(imported):
    with pytest.raises(FeedError, match="Round 999: drawNumber is not a round in the database"):
        import_french_names([*french_feed(), {**french_round("434", "X"), "drawNumber": "999"}])
    assert set(Draw.objects.values_list("name_fr", flat=True)) == {""}


def test_a_bad_french_round_names_its_round_and_saves_nothing(imported):
    bad = {**french_round("357", ""), "drawName": " "}
    with pytest.raises(FeedError, match="Round 357: drawName is empty"):
        import_french_names([french_round("434", FRENCH_NAMES["434"]), bad])
    assert Draw.objects.get(number="434").name_fr == ""


def test_the_import_command_takes_the_french_file_by_its_name(imported, tmp_path):
    path = tmp_path / "ee_rounds_123_fr.json"
    path.write_text(json.dumps({"classes": "wb-tables", "rounds": french_feed()}), "utf-8")
    out = StringIO()
    call_command("import_rounds", str(path), stdout=out)
    assert "2 French round names: 2 updated, 0 unchanged." in out.getvalue()
    assert Draw.objects.get(number="357").name_fr == FRENCH_NAMES["357"]


def test_the_import_command_refuses_a_french_file_with_unknown_rounds(imported, tmp_path):
    path = tmp_path / "rounds.json"
    path.write_text(json.dumps({"rounds": [{**french_round("1", "Général"), "drawNumber": "500"}]}))
    with pytest.raises(CommandError, match=r"Round 500: .*Nothing was imported\."):
        call_command("import_rounds", str(path), "--french", stdout=StringIO())


def test_a_french_feed_in_windows_1252_is_read(imported, tmp_path):
    path = tmp_path / "ee_rounds_123_fr.json"
    feed = {"rounds": french_feed({"434": "Professions dans le domaine des transports"})}
    path.write_bytes(json.dumps(feed, ensure_ascii=False).encode("cp1252"))
    call_command("import_rounds", str(path), stdout=StringIO())
    assert Draw.objects.get(number="434").name_fr == "Professions dans le domaine des transports"

"""The IRCC import: all rounds, in place by number, all or nothing."""

import json
from datetime import UTC, date, datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from draws.feed import FeedError
from draws.importer import import_rounds
from draws.models import Draw


def snapshot() -> list[dict]:
    return list(Draw.objects.order_by("number").values())


def test_importing_the_bundled_feed_gives_435_rounds(db, feed_rounds):
    counts = import_rounds(feed_rounds)
    assert (counts.created, Draw.objects.count()) == (435, 435)


def test_round_1_is_the_first_general_round_without_a_tie_break(db, odd_rounds):
    import_rounds(odd_rounds)
    first = Draw.objects.get(number="1")
    assert (first.held_on, first.invitations, first.cutoff) == (date(2015, 1, 31), 779, 886)
    assert (first.category.key, first.tie_break_at) == ("general", None)


def test_a_category_round_points_at_its_category_version(db, odd_rounds):
    import_rounds(odd_rounds)
    draw = Draw.objects.get(number="357")
    assert draw.category.key == "healthcare-social-2025-v2"
    assert draw.ircc_name == "Healthcare and social services occupations (Version 2)"
    assert (draw.invitations, draw.cutoff) == (4000, 475)


def test_a_round_with_an_empty_tie_break_is_stored_without_one(db, odd_rounds):
    import_rounds(odd_rounds)
    assert Draw.objects.get(number="65").tie_break_at is None


def test_rounds_91a_and_91b_are_two_rounds_on_the_same_day(db, odd_rounds):
    import_rounds(odd_rounds)
    rounds = list(Draw.objects.filter(sequence=91).order_by("number"))
    assert [(d.number, d.category.key, d.cutoff) for d in rounds] == [
        ("91a", "fst", 288),
        ("91b", "pnp", 902),
    ]
    assert {d.held_on for d in rounds} == {date(2018, 5, 30)}


def test_round_247s_bad_subtotal_is_stored_and_flagged(db, odd_rounds):
    import_rounds(odd_rounds)
    draw = Draw.objects.get(number="247")
    assert draw.pool["451-500"] == 55867
    assert (
        "451\N{EN DASH}500 figure (55,867) is not the sum of its bands (55,687)"
        in draw.pool_warning
    )


def test_round_226s_zero_distribution_is_stored_as_not_published(db, odd_rounds):
    # Its snapshot date (2022-07-11) is after the round, but there is no snapshot to date.
    import_rounds(odd_rounds)
    draw = Draw.objects.get(number="226")
    assert (draw.pool, draw.pool_as_of, draw.pool_warning) == (None, None, "")


def test_importing_the_same_file_twice_changes_nothing(db, feed_rounds):
    import_rounds(feed_rounds)
    before, history = snapshot(), Draw.history.count()
    counts = import_rounds(feed_rounds)
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 435)
    assert (snapshot(), Draw.history.count()) == (before, history)


def test_a_round_ircc_renamed_or_corrected_is_updated_in_place(db, odd_rounds):
    import_rounds(odd_rounds)
    for raw in odd_rounds:
        if raw["drawNumber"] == "262":
            raw["drawName"] = "FRENCH language  proficiency (Version 1)"
            raw["drawCutOff"] = "August 01, 2023 at 12:59:52 UTC"
    counts = import_rounds(odd_rounds)
    draw = Draw.objects.get(number="262")
    assert (counts.updated, counts.unchanged) == (1, len(odd_rounds) - 1)
    assert draw.ircc_name == "FRENCH language proficiency (Version 1)"
    assert draw.tie_break_at == datetime(2023, 8, 1, 12, 59, 52, tzinfo=UTC)
    assert draw.history.count() == 2


def test_one_corrupted_round_changes_nothing_in_the_database(db, feed_rounds):
    import_rounds(feed_rounds)
    before = snapshot()
    feed_rounds[0]["drawCRS"] = "999"  # a change that would be saved…
    feed_rounds[200]["drawSize"] = "lots"  # …but another round is corrupt
    with pytest.raises(FeedError):
        import_rounds(feed_rounds)
    assert snapshot() == before


def test_a_corrupted_first_import_leaves_the_database_empty(db, odd_rounds):
    odd_rounds[-1]["drawCRS"] = "1300"
    with pytest.raises(FeedError):
        import_rounds(odd_rounds)
    assert not Draw.objects.exists()


def test_a_round_that_breaks_a_rule_is_named_with_its_feed_field(db, odd_rounds):
    next(r for r in odd_rounds if r["drawNumber"] == "176")["drawCRS"] = "1300"
    with pytest.raises(FeedError, match=r"^Round 176: drawCRS A CRS score is between 0 and 1200"):
        import_rounds(odd_rounds)


def test_an_unknown_round_name_is_named_with_its_round(db, odd_rounds):
    odd_rounds[0]["drawName"] = "Astronauts (Version 1)"
    with pytest.raises(FeedError, match=r"^Round 434: drawName 'Astronauts \(Version 1\)'"):
        import_rounds(odd_rounds)


def test_a_round_number_twice_in_the_file_is_refused(db, odd_rounds):
    with pytest.raises(FeedError, match=r"^Round 434: drawNumber appears twice"):
        import_rounds([*odd_rounds, odd_rounds[0]])


def test_a_dry_run_counts_but_saves_nothing(db, odd_rounds):
    counts = import_rounds(odd_rounds, dry_run=True)
    assert (counts.created, Draw.objects.count()) == (len(odd_rounds), 0)


def test_imported_rounds_record_their_source_and_no_user(db, odd_rounds):
    import_rounds(odd_rounds)
    draw = Draw.objects.get(number="434")
    record = draw.history.get()
    assert (draw.source, record.history_user, record.history_change_reason) == (
        "import",
        None,
        "IRCC import: created",
    )


def test_the_command_imports_the_bundled_feed_and_prints_the_counts(db):
    out = StringIO()
    call_command("import_rounds", stdout=out)
    assert out.getvalue() == "435 rounds: 435 created, 0 updated, 0 unchanged.\n"


def test_the_command_reports_a_bad_round_without_a_traceback(db, odd_rounds, tmp_path):
    odd_rounds[0]["drawDate"] = "someday"
    odd_rounds[0]["drawDateFull"] = ""
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps({"rounds": odd_rounds}))
    with pytest.raises(CommandError, match=r"Round 434: drawDate 'someday' is not a date"):
        call_command("import_rounds", str(feed), stdout=StringIO())
    assert not Draw.objects.exists()


def test_the_command_reports_a_missing_file(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_rounds", str(tmp_path / "missing.json"), stdout=StringIO())


def test_the_command_dry_run_says_nothing_was_saved(db):
    out = StringIO()
    call_command("import_rounds", "--dry-run", stdout=out)
    assert "Dry run: nothing was saved." in out.getvalue()
    assert not Draw.objects.exists()

"""record_draw: the one way a draw is written, with its rules and its history."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from draws import pool as pool_bands
from draws.models import Draw, DrawCategory
from draws.services import Outcome, record_draw
from tests.factories import DrawCategoryFactory

HELD_ON = date(2024, 5, 30)


def record(**changes):
    values = {
        "number": "300",
        "held_on": HELD_ON,
        "category": DrawCategoryFactory(key="cec"),
        "invitations": 3000,
        "cutoff": 522,
        "tie_break_at": datetime(2024, 5, 1, 12, 0, tzinfo=UTC),
        "by": None,
        "source": Draw.Source.ADMIN,
    }
    return record_draw(**(values | changes))


def consistent_pool() -> dict[str, int]:
    pool = {band.key: 10 for band in pool_bands.BANDS if not band.is_sum}
    for band in pool_bands.BANDS[:-1]:
        if band.is_sum:
            pool[band.key] = sum(pool[part] for part in band.parts)
    pool["total"] = sum(pool[part] for part in pool_bands.BANDS[-1].parts)
    return pool


def errors_of(**changes) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        record(**changes)
    return caught.value.message_dict


def test_recording_a_new_round_creates_it(db):
    draw, outcome, _run = record()
    assert outcome is Outcome.CREATED
    assert (draw.number, draw.sequence, draw.cutoff) == ("300", 300, 522)


def test_recording_the_same_figures_again_changes_nothing(db):
    record()
    result = record(source=Draw.Source.IMPORT)
    assert (result.outcome, result.changed) == (Outcome.UNCHANGED, False)
    assert (result.draw.source, Draw.history.count()) == ("admin", 1)


def test_a_correction_updates_the_round_in_place(db):
    record()
    assert record(cutoff=525).outcome is Outcome.UPDATED
    assert (Draw.objects.count(), Draw.objects.get().cutoff) == (1, 525)


def test_a_correction_keeps_who_changed_what_and_when(db, staff_user):
    record()
    record(cutoff=525, by=staff_user, source=Draw.Source.API)
    latest, first = Draw.objects.get().history.all()[:2]
    assert (latest.history_user, latest.history_change_reason) == (staff_user, "API: updated")
    assert sorted(c.field for c in latest.diff_against(first).changes) == ["cutoff", "source"]
    assert (first.cutoff, latest.cutoff) == (522, 525)


def test_rounds_91a_and_91b_are_kept_apart(db):
    record(number="91a", category=DrawCategoryFactory(key="fst"), cutoff=288)
    record(number="91b", category=DrawCategoryFactory(key="pnp"), cutoff=902)
    assert list(Draw.objects.values_list("number", "sequence", "cutoff")) == [
        ("91b", 91, 902),
        ("91a", 91, 288),
    ]


def test_a_refused_round_is_not_saved(db):
    errors_of(cutoff=1201)
    assert not Draw.objects.exists()


def test_a_draw_date_in_the_future_is_refused(db):
    tomorrow = timezone.localdate() + timedelta(days=1)
    assert errors_of(held_on=tomorrow, tie_break_at=None)["held_on"] == [
        f"The draw date {tomorrow:%Y-%m-%d} is in the future; record a round only once IRCC "
        "has held it."
    ]


def test_a_tie_break_after_the_draw_date_is_refused(db):
    late = datetime(2024, 5, 31, 12, 0, tzinfo=UTC)
    assert errors_of(tie_break_at=late)["tie_break_at"] == [
        "The tie-breaking time (2024-05-31 12:00 UTC) is after the draw date (2024-05-30); "
        "it is always before the round."
    ]


def test_a_tie_break_late_on_the_draw_day_in_ottawa_is_accepted(db):
    # 01:30 UTC on the 31st is 21:30 on the 30th in Ottawa.
    draw = record(tie_break_at=datetime(2024, 5, 31, 1, 30, tzinfo=UTC)).draw
    assert draw.tie_break_at.day == 31


def test_a_category_version_not_in_force_on_the_draw_date_is_refused(categories):
    healthcare_2026 = DrawCategory.objects.get(key="healthcare-social-2026-v3")
    assert errors_of(category=healthcare_2026)["category"] == [
        "Healthcare and social services occupations (2026-Version 3) was not in force on "
        "2024-05-30 (in force from 2026-02-18 onwards); choose the version in force that day."
    ]


@pytest.mark.parametrize("cutoff", [-1, 1201])
def test_a_crs_outside_0_to_1200_is_refused(db, cutoff):
    assert "A CRS score is between 0 and 1200." in errors_of(cutoff=cutoff)["cutoff"]


def test_a_round_without_invitations_is_refused(db):
    assert errors_of(invitations=0)["invitations"] == ["A round issues at least one invitation."]


def test_a_round_number_that_is_not_irccs_is_refused(db):
    assert "number" in errors_of(number="91-c")


def test_a_pool_missing_bands_is_refused(db):
    errors = errors_of(pool={"total": 10}, pool_as_of=HELD_ON)
    assert errors["pool"][0].startswith("Give a count for every band")


def test_a_pool_without_its_date_is_refused(db):
    pool = dict.fromkeys(pool_bands.KEYS_IN_ORDER, 0)
    assert errors_of(pool=pool)["pool_as_of"] == ["Give the date of the pool snapshot."]


def test_a_pool_whose_subtotals_agree_carries_no_warning(db):
    draw = record(pool=consistent_pool(), pool_as_of=HELD_ON - timedelta(days=2)).draw
    assert draw.pool_warning == ""


def test_a_pool_snapshot_dated_after_the_round_is_stored_and_flagged(db):
    draw = record(pool=consistent_pool(), pool_as_of=HELD_ON + timedelta(days=5)).draw
    assert draw.pool_warning == "IRCC's data: the snapshot (2024-06-04) is dated after the round."


def test_two_people_creating_the_same_round_at_once_get_a_field_error_not_a_crash(db, monkeypatch):
    record()
    # The second creator's lookup ran before the first one's row existed.
    monkeypatch.setattr(Draw.objects, "select_for_update", lambda: Draw.objects.filter(pk__in=[]))
    assert errors_of(number="300", cutoff=530) == {
        "number": ["Round 300 was just recorded by someone else; open it to correct it."]
    }


def test_a_draw_date_before_express_entry_began_is_refused(db):
    assert errors_of(held_on=date(2014, 12, 31), tie_break_at=None)["held_on"] == [
        "The draw date 2014-12-31 is before Express Entry began on 2015-01-01 "
        "(round 1 was held on 2015-01-31)."
    ]


def test_a_tie_break_before_express_entry_opened_is_refused(db):
    early = datetime(2014, 12, 1, 12, 0, tzinfo=UTC)
    assert errors_of(tie_break_at=early)["tie_break_at"] == [
        "The tie-breaking time (2014-12-01 12:00 UTC) is before Express Entry opened on "
        "2015-01-01; no profile was submitted earlier."
    ]


def test_a_tie_break_in_year_one_is_a_field_error_not_a_crash(db):
    assert "tie_break_at" in errors_of(tie_break_at=datetime(1, 1, 1, tzinfo=UTC))


def test_a_pool_snapshot_before_express_entry_began_is_refused(db):
    errors = errors_of(pool=consistent_pool(), pool_as_of=date(1, 1, 1))
    assert errors["pool_as_of"] == [
        "The pool snapshot date 0001-01-01 is before Express Entry began on 2015-01-01."
    ]


def test_a_round_run_on_another_day_than_its_draw_date_is_refused(db):
    assert errors_of(ran_at=datetime(2024, 5, 20, 15, 0, tzinfo=UTC))["ran_at"] == [
        "The round was run at 2024-05-20 15:00 UTC, not on the draw date (2024-05-30) "
        "or the day after; every IRCC round ran on one of the two."
    ]


def test_a_round_run_in_the_evening_in_ottawa_is_accepted_on_the_next_utc_day(db):
    # Round 7 (2015-04-10) was run at 00:00 UTC on the 11th, 20:00 on the 10th in Ottawa.
    draw = record(ran_at=datetime(2024, 5, 31, 0, 5, tzinfo=UTC)).draw
    assert draw.ran_at.day == 31


def test_a_tie_break_after_the_round_was_run_is_refused(db):
    errors = errors_of(
        ran_at=datetime(2024, 5, 30, 14, 0, tzinfo=UTC),
        tie_break_at=datetime(2024, 5, 30, 15, 0, tzinfo=UTC),
    )
    assert errors["tie_break_at"] == [
        "The tie-breaking time (2024-05-30 15:00 UTC) is after the round was run "
        "(2024-05-30 14:00 UTC); it is the submission time of a profile already in the pool."
    ]


def test_a_tie_break_at_the_moment_the_round_was_run_is_accepted(db):
    moment = datetime(2024, 5, 30, 14, 0, tzinfo=UTC)
    assert record(ran_at=moment, tie_break_at=moment).draw.tie_break_at == moment


def test_a_round_of_more_than_100000_invitations_is_refused(db):
    assert errors_of(invitations=100_001)["invitations"] == [
        "A round issues at most 100,000 invitations; IRCC's largest issued 27,332 "
        "(round 176, 2021-02-13)."
    ]


def test_a_round_of_27332_invitations_like_round_176_is_accepted(db):
    assert record(invitations=27_332).draw.invitations == 27_332

"""Parsing IRCC's feed: every quirk of rounds-data.md §6, without a database."""

from datetime import UTC, date, datetime

import pytest

from draws.feed import FeedError, parse_round, read_feed
from tests.draws.feed_data import all_rounds, raw_round


def with_field(number: str, **fields: str) -> dict:
    return {**raw_round(number), **fields}


def test_every_round_of_the_bundled_feed_parses():
    assert len([parse_round(raw) for raw in all_rounds()]) == 435


def test_numbers_with_thousands_separators_are_whole_numbers():
    parsed = parse_round(with_field("176", drawSize="27,332"))
    assert (parsed.invitations, parsed.cutoff) == (27332, 75)


def test_french_feed_spaces_in_numbers_are_separators():
    assert parse_round(with_field("176", drawSize="27 332")).invitations == 27332
    assert parse_round(with_field("176", drawSize="27\u00a0332")).invitations == 27332


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("August 06, 2026 at 11:29:10 UTC", datetime(2026, 8, 6, 11, 29, 10, tzinfo=UTC)),
        ("July 3rd 2026 at 21:35:13 UTC", datetime(2026, 7, 3, 21, 35, 13, tzinfo=UTC)),
        ("March 02. 2024 at 10:15:00 UTC", datetime(2024, 3, 2, 10, 15, tzinfo=UTC)),
        ("June 22, 2021 at 20:19:59 PM UTC", datetime(2021, 6, 22, 20, 19, 59, tzinfo=UTC)),
        ("October 25, 2023 at 15:48:39 AM UTC", datetime(2023, 10, 25, 15, 48, 39, tzinfo=UTC)),
        ("March 05, 2025 at 05:10:48", datetime(2025, 3, 5, 5, 10, 48, tzinfo=UTC)),
        ("April 26,2023 18:10:04 UTC", datetime(2023, 4, 26, 18, 10, 4, tzinfo=UTC)),
        ("February 02 2022 at 14:00:00 UTC", datetime(2022, 2, 2, 14, tzinfo=UTC)),
        ("May 31, 2024 at12:48:30 UTC", datetime(2024, 5, 31, 12, 48, 30, tzinfo=UTC)),
        (
            "January 23, 2025 at 2025-01-23 15:30:04 UTC",
            datetime(2025, 1, 23, 15, 30, 4, tzinfo=UTC),
        ),
        ("June 7, 2017 at  7:18:52 UTC ", datetime(2017, 6, 7, 7, 18, 52, tzinfo=UTC)),
        (" July 04, 2023 at 19:36:18 UTC ", datetime(2023, 7, 4, 19, 36, 18, tzinfo=UTC)),
    ],
)
def test_free_text_tie_breaks_are_read_as_utc(text, expected):
    assert parse_round(with_field("434", drawCutOff=text)).tie_break_at == expected


def test_an_empty_tie_break_means_none_was_published():
    assert parse_round(raw_round("6")).tie_break_at is None


def test_a_tie_break_without_a_year_takes_the_draw_year():
    # Round 208 (2021-10-27): "October 7 at 16:38:21 UTC".
    assert parse_round(raw_round("208")).tie_break_at == datetime(
        2021, 10, 7, 16, 38, 21, tzinfo=UTC
    )


def test_a_tie_break_without_a_year_never_lands_after_the_round():
    parsed = parse_round(with_field("208", drawCutOff="December 30 at 10:00:00 UTC"))
    assert parsed.tie_break_at == datetime(2020, 12, 30, 10, tzinfo=UTC)


def test_an_evening_round_keeps_its_next_day_utc_run_time():
    # Round 7 (2015-04-10) was run at 00:00:01 UTC on the 11th: evening in Ottawa.
    assert parse_round(raw_round("7")).ran_at == datetime(2015, 4, 11, 0, 0, 1, tzinfo=UTC)


def test_a_run_date_far_from_the_draw_date_is_a_typo_and_the_draw_date_wins():
    # Round 357 (2025-07-22) says "July 12, 2025 at 16:27:45 UTC".
    assert parse_round(raw_round("357")).ran_at == datetime(2025, 7, 22, 16, 27, 45, tzinfo=UTC)


def test_an_unreadable_tie_break_names_the_round_and_the_field():
    with pytest.raises(FeedError, match=r"Round 434: drawCutOff 'soon' is not a date and time"):
        parse_round(with_field("434", drawCutOff="soon"))


def test_an_all_zero_distribution_means_not_published():
    parsed = parse_round(raw_round("227"))
    assert (parsed.pool, parsed.pool_as_of) == (None, None)


def test_a_published_distribution_is_read_by_band():
    parsed = parse_round(raw_round("434"))
    assert parsed.pool_as_of == date(2026, 8, 3)
    assert (parsed.pool["601-1200"], parsed.pool["491-500"], parsed.pool["total"]) == (
        500,
        12939,
        229100,
    )


def test_rounds_91a_and_91b_keep_their_letters():
    assert [parse_round(raw_round(n)).number for n in ("91a", "91b")] == ["91a", "91b"]


def test_links_lose_their_html_and_the_cms_prefix():
    assert parse_round(raw_round("434")).ircc_url == (
        "https://www.canada.ca/en/immigration-refugees-citizenship/corporate/mandate/"
        "policies-operational-instructions-agreements/ministerial-instructions/"
        "express-entry-rounds/invitations.html?q=434"
    )


def test_html_in_a_text_field_is_stripped():
    parsed = parse_round(with_field("434", drawText2="<p>Canadian Experience&nbsp;Class</p>"))
    assert parsed.programs == "Canadian Experience Class"


def test_a_draw_date_in_another_format_falls_back_to_the_long_date():
    # A January 2023 mirror had "11-01-2023" for round 237.
    parsed = parse_round(with_field("434", drawDate="07-08-2026"))
    assert parsed.held_on == date(2026, 8, 7)


def test_a_number_that_is_not_a_number_is_refused():
    with pytest.raises(FeedError, match=r"drawSize '3,0x0' is not a whole number"):
        parse_round(with_field("434", drawSize="3,0x0"))


def test_a_file_without_rounds_is_refused():
    with pytest.raises(FeedError, match='has no "rounds" list'):
        read_feed(b'{"classes": "wb-tables"}')


def test_a_file_that_is_not_json_is_refused():
    with pytest.raises(FeedError, match="is not valid JSON"):
        read_feed(b"<html>Service unavailable</html>")


def test_a_windows_1252_file_is_read():
    # The French feed was once served as Windows-1252 (rounds-data.md §6.11).
    data = '{"rounds": [{"drawName": "Génie"}]}'.encode("cp1252")
    assert read_feed(data)[0]["drawName"] == "Génie"

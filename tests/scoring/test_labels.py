"""The engine's keys in words, written once (scoring/labels.py) for every page and the API."""

from scoring.breakdown import Section
from scoring.categories import Family
from scoring.engine import score
from scoring.labels import FACTOR_NAMES, FAMILY_NAMES, sections
from tests.scoring.builders import ON, candidate, clb, spouse


def test_every_category_family_has_a_name():
    assert set(FAMILY_NAMES) == set(Family)


def test_every_factor_the_engine_scores_has_a_name():
    breakdown = score(candidate(first_language=clb(9), spouse=spouse()), ON)
    assert {line.factor for line in breakdown.lines} <= set(FACTOR_NAMES)


def test_sections_group_every_line_under_its_section_in_crs_order():
    breakdown = score(candidate(first_language=clb(9), spouse=spouse()), ON)
    grouped = sections(breakdown)
    assert [s.section for s in grouped] == list(Section)
    assert sum(len(s.lines) for s in grouped) == len(breakdown.lines)
    assert all(sum(line.points for line in s.lines) == s.points for s in grouped)


def test_a_single_applicant_has_no_spouse_section():
    breakdown = score(candidate(first_language=clb(9)), ON)
    assert Section.SPOUSE not in {s.section for s in sections(breakdown)}

"""Every worked example of crs-rules.md §11 (E1-E16), one test each, citing its publisher."""

from dataclasses import replace
from datetime import date

from scoring.engine import score, score_totals
from scoring.types import LanguageResult
from tests.scoring.builders import ON, candidate, clb, nclc, spouse


def sections(breakdown):
    return (
        breakdown.core_human_capital,
        breakdown.spouse_factors,
        breakdown.skill_transferability,
        breakdown.additional,
        breakdown.total,
    )


def e2():
    """E2: single, 30, bachelor's, CELPIP 9 all, no work."""
    return candidate(
        age=30, education="bachelors", first_language=LanguageResult("celpip", 9, 9, 9, 9)
    )


def e6():
    """E6: single, born 1987-08-01, master's, IELTS S7.0 L8.0 R7.5 W6.5, 3 years foreign."""
    ielts = LanguageResult("ielts", 8.0, 7.5, 6.5, 7.0, test_date=date(2019, 6, 1))
    return candidate(
        birth_date=date(1987, 8, 1),
        age=None,
        education="masters",
        first_language=ielts,
        foreign_experience_years=3,
    )


def test_e1_single_23_bachelors_clb_10_one_year_canadian_scores_474():
    """E1, MapleGuard golden.json: "Confirmed 474 on the official IRCC tool 2026-08-21"."""
    c = candidate(
        age=23,
        education="bachelors",
        first_language=clb(11, 11, 12, 12),
        canadian_experience_years=1,
        canadian_education="three_or_more_year",
    )
    assert sections(score(c, date(2026, 8, 21))) == (406, 0, 38, 30, 474)


def test_e2_single_30_bachelors_celpip_9_scores_374():
    """E2, lylaminju tests/scoring.test.js "single applicant baseline"."""
    assert sections(score(e2(), ON)) == (349, 0, 25, 0, 374)


def test_e3_accompanying_spouse_path_scores_373():
    """E3, lylaminju test "accompanying-spouse path"."""
    c = candidate(
        age=30,
        education="bachelors",
        first_language=clb(9),
        spouse=spouse(education="bachelors", language=clb(7), canadian_experience_years=1),
    )
    assert sections(score(c, ON)) == (323, 25, 25, 0, 373)


def test_e4_provincial_nomination_adds_600_to_e2():
    """E4, lylaminju test: E2 + provincial nomination = 974."""
    c = e2()
    nominated = candidate(
        age=30, education="bachelors", first_language=c.first_language, provincial_nomination=True
    )
    assert sections(score(nominated, ON)) == (349, 0, 25, 600, 974)


def test_e5_masters_with_clb_9_and_foreign_work_fills_transferability_scores_469():
    """E5, encubate.ca (Feb 2026 healthcare draw, "Scenario 1"); MapleGuard 444 is bug §12.1."""
    c = candidate(age=29, education="masters", first_language=clb(9), foreign_experience_years=3)
    assert sections(score(c, ON)) == (369, 0, 100, 0, 469)


def test_e6_ielts_mixed_bands_age_32_on_2020_01_10_scores_395():
    """E6, DamianKedzior FullCalculationTests.cs (IELTS gives CLB 9, 9, 9, 8)."""
    breakdown = score(e6(), date(2020, 1, 10))
    assert breakdown.age == 32
    assert sections(breakdown) == (345, 0, 50, 0, 395)


def test_e7_spouse_with_ielts_and_mixed_experience_scores_394():
    """E7, DamianKedzior FullCalculationTests.cs (spouse IELTS reading 5.0 is CLB 6)."""
    c = candidate(
        age=27,
        education="bachelors",
        first_language=LanguageResult("ielts", 8.0, 6.5, 6.0, 6.5, test_date=date(2026, 1, 1)),
        canadian_experience_years=1,
        foreign_experience_years=2,
        spouse=spouse(
            education="secondary",
            language=LanguageResult("ielts", 5.0, 5.0, 5.0, 5.0, test_date=date(2026, 1, 1)),
        ),
    )
    assert sections(score(c, ON)) == (336, 6, 52, 0, 394)


def test_e8_three_years_canadian_and_canadian_degree_scores_498():
    """E8, vitest suite "worked examples"."""
    c = candidate(
        age=26,
        education="bachelors",
        first_language=clb(9),
        canadian_experience_years=3,
        canadian_education="three_or_more_year",
    )
    assert sections(score(c, ON)) == (418, 0, 50, 30, 498)


def test_e9_both_transferability_groups_capped_at_50_scores_537():
    """E9, vitest suite."""
    c = candidate(
        age=26,
        education="bachelors",
        first_language=clb(9),
        canadian_experience_years=2,
        foreign_experience_years=1,
        canadian_education="three_or_more_year",
    )
    assert sections(score(c, ON)) == (407, 0, 100, 30, 537)


def test_e10_education_group_capped_at_50_with_nomination_scores_1083():
    """E10, vitest suite (edu x language 50 + edu x Canadian 50, capped to 50)."""
    c = candidate(
        age=28,
        education="masters",
        first_language=clb(9),
        canadian_experience_years=3,
        provincial_nomination=True,
    )
    assert sections(score(c, ON)) == (433, 0, 50, 600, 1083)


def test_e11_secondary_school_earns_no_transferability_scores_356():
    """E11, MapleGuard test_crs.py."""
    c = candidate(
        age=20, education="secondary", first_language=clb(10), canadian_experience_years=5
    )
    assert sections(score(c, ON)) == (356, 0, 0, 0, 356)


def test_e12_nomination_and_sibling_are_capped_at_600_scores_995():
    """E12: E6 + PNP + sibling. DamianKedzior expects 1,010 because it skips the 600 additional
    cap (MI-2016 s.8(2)); the cap wins (§12.4), so this is a counter-example: 995.
    """
    c = replace(e6(), provincial_nomination=True, sibling_in_canada=True)
    assert sections(score(c, date(2020, 1, 10))) == (345, 0, 50, 600, 995)


def test_e13_single_20_bachelors_clb_9_scores_379():
    """E13, MapleGuard test_crs.py."""
    c = candidate(age=20, education="bachelors", first_language=clb(9))
    assert sections(score(c, ON)) == (354, 0, 25, 0, 379)


def test_e14_every_maximum_reaches_1200():
    """E14, lylaminju test and vitest (maxima): 500 / 100 / 600 = 1,200."""
    c = candidate(
        age=24,
        education="doctoral",
        first_language=clb(10),
        second_language=nclc(10),
        canadian_experience_years=5,
        foreign_experience_years=3,
        certificate_of_qualification=True,
        canadian_education="three_or_more_year",
        sibling_in_canada=True,
        provincial_nomination=True,
    )
    assert sections(score(c, ON)) == (500, 0, 100, 600, 1200)


def test_e14_spouse_version_reaches_460_plus_40():
    """E14, vitest spouse version of the maxima: core 460 + spouse 40."""
    c = candidate(
        age=24,
        education="doctoral",
        first_language=clb(10),
        second_language=nclc(10),
        canadian_experience_years=5,
        spouse=spouse(education="doctoral", language=clb(10), canadian_experience_years=5),
    )
    breakdown = score(c, ON)
    assert (breakdown.core_human_capital, breakdown.spouse_factors) == (460, 40)


def test_e15_french_second_language_core_is_317_and_total_380():
    """E15, vitest suite (core only); transfer 13 and French bonus 50 from the tables."""
    c = candidate(age=30, education="bachelors", first_language=clb(7), second_language=nclc(9))
    assert sections(score(c, ON)) == (317, 0, 13, 50, 380)


def test_e16_one_year_canadian_work_adds_48_with_spouse():
    """E16, lylaminju crs-dashboard.test.js scenario: +1 yr Canadian work = +48 (35 + 13)."""
    c = candidate(age=25, education="bachelors", first_language=clb(7), spouse=spouse())
    gained = score_totals(replace(c, canadian_experience_years=1), ON).total
    assert gained - score_totals(c, ON).total == 48


def test_e16_french_nclc_7_adds_62_with_spouse():
    """E16, lylaminju scenario: + French NCLC 7 = +62 (12 second language + 50 bonus)."""
    c = candidate(age=30, education="bachelors", first_language=clb(7), spouse=spouse())
    gained = score_totals(replace(c, second_language=nclc(7)), ON).total
    assert gained - score_totals(c, ON).total == 62


def test_e16_french_nclc_9_adds_72_with_spouse_second_language_capped_at_22():
    """E16, lylaminju scenario: + French NCLC 9 = +72 (24 capped to 22, + 50)."""
    c = candidate(age=30, education="bachelors", first_language=clb(7), spouse=spouse())
    gained = score_totals(replace(c, second_language=nclc(9)), ON).total
    assert gained - score_totals(c, ON).total == 72

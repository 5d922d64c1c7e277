"""Properties of the engine over generated candidates (hypothesis)."""

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.breakdown import Components
from scoring.engine import components, score, score_totals
from scoring.rules import RULE_VERSIONS, rules_on
from scoring.types import CanadianEducation, Candidate, Education, JobOffer, LanguageResult, Spouse

FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2027, 12, 31)
levels = st.tuples(*[st.integers(0, 12)] * 4)
dates = st.dates(FIRST_DAY, LAST_DAY)
test_dates = st.none() | st.dates(date(2013, 1, 1), LAST_DAY)


def results(test):
    return st.builds(lambda lv, d: LanguageResult(test, *lv, test_date=d), levels, test_dates)


@st.composite
def candidates(draw, first_language=None):
    french_first = draw(st.booleans())
    first = draw(results("nclc" if french_first else "clb"))
    other = "clb" if french_first else "nclc"
    spouses = st.builds(
        Spouse,
        education=st.sampled_from(Education),
        language=st.none() | results("clb"),
        canadian_experience_years=st.integers(0, 7),
    )
    by_age = draw(st.booleans())
    return Candidate(
        birth_date=None if by_age else draw(st.dates(date(1950, 1, 1), date(2010, 1, 1))),
        age=draw(st.integers(0, 70)) if by_age else None,
        education=draw(st.sampled_from(Education)),
        canadian_education=draw(st.sampled_from(CanadianEducation)),
        first_language=first_language or first,
        second_language=draw(st.none() | results(other) | results(first.test)),
        canadian_experience_years=draw(st.integers(0, 7)),
        foreign_experience_years=draw(st.integers(0, 5)),
        certificate_of_qualification=draw(st.booleans()),
        provincial_nomination=draw(st.booleans()),
        job_offer=draw(st.sampled_from(JobOffer)),
        sibling_in_canada=draw(st.booleans()),
        spouse=draw(st.none() | spouses),
    )


@given(candidates(), dates)
def test_total_is_the_sum_of_the_sections(c, on):
    b = score(c, on)
    assert (
        b.total == b.core_human_capital + b.spouse_factors + b.skill_transferability + b.additional
    )


@given(candidates(), dates)
def test_lines_of_each_section_sum_to_its_total(c, on):
    b = score(c, on)
    for section, total in [
        ("core_human_capital", b.core_human_capital),
        ("spouse_factors", b.spouse_factors),
        ("skill_transferability", b.skill_transferability),
        ("additional", b.additional),
    ]:
        assert sum(line.points for line in b.lines if line.section == section) == total


@given(candidates(), dates)
def test_each_sections_components_add_up_to_its_total_read_by_name(c, on):
    p = components(c, on)
    core = p.age_points + p.education + p.first_language + p.second_language
    assert p.core_human_capital == core + p.canadian_experience
    assert p.spouse_factors == p.spouse_education + p.spouse_language + p.spouse_canadian_experience
    assert p.education_group == min(p.education_language + p.education_canadian, 50)
    assert p.foreign_group == min(p.foreign_language + p.foreign_canadian, 50)
    transferability = p.education_group + p.foreign_group + p.certificate
    assert p.skill_transferability == min(transferability, 100)
    additional = p.provincial_nomination + p.job_offer + p.canadian_education + p.french + p.sibling
    assert (p.additional_raw, p.additional) == (additional, min(additional, 600))
    sections = p.core_human_capital + p.spouse_factors + p.skill_transferability + p.additional
    assert p.total == min(sections, 1200)
    assert p.second_language <= p.second_language_raw


@given(candidates(), dates)
def test_components_carry_the_rules_age_and_spouse_column_they_were_scored_with(c, on):
    p = components(c, on)
    assert (p.rules, p.age, p.with_spouse) == (rules_on(on), c.age_on(on), c.spouse is not None)


@given(candidates(), dates)
def test_each_line_shows_the_component_named_by_its_factor(c, on):
    p = components(c, on)
    for line in score(c, on).lines:
        name = "age_points" if line.factor == "age" else line.factor.replace(".", "_")
        if name in Components._fields:
            assert line.points == getattr(p, name), line.factor


@given(candidates(), dates)
def test_fast_totals_equal_the_full_breakdown(c, on):
    assert score_totals(c, on) == score(c, on).totals


@given(candidates(), dates)
def test_section_caps_hold(c, on):
    b = score(c, on)
    assert 0 <= b.skill_transferability <= 100
    assert 0 <= b.additional <= 600
    assert 0 <= b.total <= 1200
    assert 0 <= b.spouse_factors <= 40


@given(candidates(), dates)
def test_single_candidates_stay_within_single_maxima(c, on):
    b = score(replace(c, spouse=None), on)
    assert b.core_human_capital <= 500
    assert b.spouse_factors == 0


@given(candidates(), dates)
def test_spouse_candidates_stay_within_spouse_maxima(c, on):
    b = score(replace(c, spouse=Spouse(education="doctoral")), on)
    assert b.core_human_capital <= 460
    assert b.core_human_capital + b.spouse_factors <= 500


def _up(result: LanguageResult, index: int) -> LanguageResult:
    raised = list(result.levels)
    raised[index] = min(raised[index] + 1, 12)
    return LanguageResult(result.test, *raised, test_date=result.test_date)


def _improvements(c: Candidate, ability: int):
    """One step more of each factor that can only help."""
    educations = list(Education)
    credentials = list(CanadianEducation)
    yield replace(c, education=educations[min(educations.index(c.education) + 1, 7)])
    yield replace(
        c, canadian_education=credentials[min(credentials.index(c.canadian_education) + 1, 2)]
    )
    yield replace(c, first_language=_up(c.first_language, ability))
    if c.second_language is not None:
        yield replace(c, second_language=_up(c.second_language, ability))
    yield replace(c, canadian_experience_years=c.canadian_experience_years + 1)
    yield replace(c, foreign_experience_years=c.foreign_experience_years + 1)
    yield replace(c, certificate_of_qualification=True)
    yield replace(c, provincial_nomination=True)
    yield replace(c, sibling_in_canada=True)
    offers = [JobOffer.NONE, JobOffer.OTHER, JobOffer.NOC_00]
    yield replace(c, job_offer=offers[min(offers.index(c.job_offer) + 1, 2)])
    if c.spouse is not None:
        s = c.spouse
        yield replace(
            c, spouse=replace(s, education=educations[min(educations.index(s.education) + 1, 7)])
        )
        yield replace(
            c, spouse=replace(s, canadian_experience_years=s.canadian_experience_years + 1)
        )
        if s.language is not None:
            yield replace(c, spouse=replace(s, language=_up(s.language, ability)))


@settings(max_examples=200)
@given(candidates(), dates, st.integers(0, 3))
def test_more_of_any_factor_never_lowers_the_score(c, on, ability):
    base = score_totals(c, on).total
    for better in _improvements(c, ability):
        assert score_totals(better, on).total >= base


@given(
    candidates(first_language=LanguageResult("clb", 9, 8, 7, 9)),
    st.sampled_from(range(len(RULE_VERSIONS))),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.dates(date(1950, 1, 1), date(2005, 1, 1)),
)
def test_two_dates_in_one_rule_version_differ_only_in_age_points(c, version, a, b, born):
    start = RULE_VERSIONS[version].effective
    end = RULE_VERSIONS[version + 1].effective if version + 1 < len(RULE_VERSIONS) else LAST_DAY
    span = (end - start).days - 1
    first_day, second_day = (start + timedelta(days=x % span) for x in (a, b))
    timeless = replace(
        c,
        birth_date=born,
        age=None,
        second_language=_timeless(c.second_language),
        spouse=c.spouse and replace(c.spouse, language=_timeless(c.spouse.language)),
    )
    one, two = score(timeless, first_day), score(timeless, second_day)
    assert [line for line in one.lines if line.factor != "age"] == [
        line for line in two.lines if line.factor != "age"
    ]
    age_gap = _age_points(one) - _age_points(two)
    assert one.total - two.total == age_gap


def _timeless(result):
    """The same result with no test date, so it cannot expire between the two dates."""
    if result is None:
        return None
    return LanguageResult(result.test, *result.levels, test_date=None)


def _age_points(breakdown):
    return next(line.points for line in breakdown.lines if line.factor == "age")

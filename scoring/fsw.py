"""The Federal Skilled Worker 67-point selection grid (crs-rules.md §7.1).

Sources: canada.ca "Six selection factors - FSW" (copies at suvsmodfiedrenew.pages.dev,
roundtheglobe.co.in, go4visa.com 2021-06-22), cic.gc.ca factor-language.asp, the operational
manual "FSW selection criteria: Work experience", IRPR s.78; all agree. The grid applies to
applications from 2013-05-04, so to every Express Entry date.
"""

from __future__ import annotations

from datetime import date

from scoring import experience as xp
from scoring.types import CanadianEducation, Candidate, Education

# Language, first official, per ability: CLB 9+ 6, CLB 8 5, CLB 7 4 (below 7: not eligible).
FIRST_LANGUAGE_POINTS = (0, 0, 0, 0, 0, 0, 0, 4, 5, 6, 6, 6, 6)  # index CLB 0..12
SECOND_LANGUAGE_POINTS = 4  # CLB 5+ on all four abilities of the other official language
EDUCATION_POINTS = {
    Education.NONE: 0,
    Education.SECONDARY: 5,
    Education.ONE_YEAR: 15,
    Education.TWO_YEAR: 19,
    Education.BACHELORS: 21,
    Education.TWO_OR_MORE: 22,
    Education.MASTERS: 23,
    Education.DOCTORAL: 25,
}
# Skilled work experience (TEER 0-3, last 10 years), index min(years, 6): 1 yr 9; 2-3 yrs 11;
# 4-5 yrs 13; 6+ yrs 15.
EXPERIENCE_POINTS = (0, 9, 11, 11, 13, 13, 15)
# Age, index min(age, 47): under 18 0; 18-35 12; 36 11 ... 46 1; 47+ 0.
AGE_POINTS = (0,) * 18 + (12,) * 18 + (11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
ARRANGED_EMPLOYMENT_POINTS = 10
ADAPTABILITY_CAP = 10
# Adaptability items (max 10 together).
SPOUSE_LANGUAGE = 5  # spouse CLB 4+ on all four
APPLICANT_STUDY_IN_CANADA = 5  # 2 academic years full-time in a 2+-year program
APPLICANT_WORK_IN_CANADA = 10  # 1 year full-time authorised skilled work
SPOUSE_WORK_IN_CANADA = 5
ADAPTABILITY_ARRANGED_EMPLOYMENT = 5
RELATIVE_IN_CANADA = 5


def _experience_years(c: Candidate, on: date) -> int:
    if not c.work_history:
        # Foreign years on a candidate are capped by the CRS at 3+, so this can undercount.
        return c.canadian_experience_years + c.foreign_experience_years
    skilled = [p for p in c.work_history if xp.is_skilled(p) and (p.authorised or not p.in_canada)]
    return xp.whole_years(xp.hours(skilled, start=xp.years_before(on, 10), end=on))


def fsw_points(c: Candidate, on: date) -> int:
    """The candidate's FSW grid score out of 100 on ``on`` (pass mark 67).

    Inputs the candidate does not carry score 0 (spouse's study in Canada); a Canadian credential
    stands in for "2 years of full-time study in Canada", and ``sibling_in_canada`` for "a
    relative in Canada" (a sibling is one of the listed relatives).
    """
    first, second = c.first_language, c.second_language
    language = 0
    if first is not None and not first.expired(on):
        language = sum(FIRST_LANGUAGE_POINTS[level] for level in first.levels)
        if (
            second is not None
            and second.is_french is not first.is_french
            and not second.expired(on)
            and second.min_level >= 5
        ):
            language += SECOND_LANGUAGE_POINTS
    age = c.age_on(on)
    has_offer = c.has_valid_job_offer or c.job_offer != "none"
    canadian_years = (
        xp.canadian_years(c.work_history, on) if c.work_history else c.canadian_experience_years
    )
    spouse = c.spouse
    adaptability = 0
    if spouse is not None:
        sl = spouse.language
        if sl is not None and not sl.expired(on) and sl.min_level >= 4:
            adaptability += SPOUSE_LANGUAGE
        if spouse.canadian_experience_years >= 1:
            adaptability += SPOUSE_WORK_IN_CANADA
    if c.canadian_education is not CanadianEducation.NONE:
        adaptability += APPLICANT_STUDY_IN_CANADA
    if canadian_years >= 1:
        adaptability += APPLICANT_WORK_IN_CANADA
    if has_offer:
        adaptability += ADAPTABILITY_ARRANGED_EMPLOYMENT
    if c.sibling_in_canada:
        adaptability += RELATIVE_IN_CANADA
    return (
        language
        + EDUCATION_POINTS[c.education]
        + EXPERIENCE_POINTS[min(_experience_years(c, on), 6)]
        + AGE_POINTS[min(max(age, 0), 47)]
        + (ARRANGED_EMPLOYMENT_POINTS if has_offer else 0)
        + min(adaptability, ADAPTABILITY_CAP)
    )

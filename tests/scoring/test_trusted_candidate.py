"""``Candidate.trusted``: the candidate ``Candidate()`` builds from checked values, unchecked."""

from dataclasses import fields
from datetime import UTC, date, datetime

import pytest

from scoring.types import CanadianEducation, Candidate, Education, JobOffer
from tests.scoring.builders import clb, job, nclc, spouse


def _values(**changes):
    values = {
        f.name: getattr(Candidate(education=Education.NONE, first_language=None, age=30), f.name)
        for f in fields(Candidate)
        if f.init
    }
    values.update(changes)
    return values


@pytest.mark.parametrize(
    "changes",
    [
        {"age": 31},
        {"birth_date": date(1996, 2, 29), "age": None},
        {
            "education": Education.MASTERS,
            "first_language": nclc(9),
            "second_language": clb(7),
            "canadian_education": CanadianEducation.THREE_OR_MORE_YEAR,
            "canadian_experience_years": 3,
            "foreign_experience_years": 2,
            "job_offer": JobOffer.NOC_00,
            "spouse": spouse(language=clb(6)),
            "work_history": (job("21231", date(2022, 1, 3), None),),
            "profile_submitted_at": datetime(2026, 1, 15, tzinfo=UTC),
            "settlement_funds": 20_000,
            "family_size": 3,
            "unknown": frozenset({"eca"}),
        },
    ],
)
def test_a_trusted_candidate_is_the_checked_candidate(changes):
    values = _values(**changes)
    trusted, checked = Candidate.trusted(**values), Candidate(**values)
    assert trusted == checked
    assert repr(trusted) == repr(checked)
    assert (trusted.birth_year, trusted.birth_month_day) == (
        checked.birth_year,
        checked.birth_month_day,
    )


def test_a_trusted_candidate_needs_every_field():
    with pytest.raises(TypeError):
        Candidate.trusted(education=Education.NONE)

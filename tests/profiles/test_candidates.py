"""Client files become scoring candidates as of any date (profiles/candidates/).

Rules cited are crs-rules.md sections: §2.1 age, §2.2 education and ECA, §2.5 experience,
§9 validity of language results (2 years), ECAs (5 years) and profiles (12 months).
"""

from datetime import date, datetime

import pytest
from django.utils import timezone

from profiles.candidates.loader import facts_for
from scoring.eligibility import in_pool
from scoring.engine import score
from scoring.types import CanadianEducation, Education
from tests.factories import (
    ClientFactory,
    CredentialFactory,
    LanguageResultFactory,
    WorkPeriodFactory,
)

pytestmark = pytest.mark.django_db


def candidate_for(client, on):
    return facts_for([client.pk])[client.pk].candidate(on)


@pytest.fixture
def client_file(firm_a):
    return ClientFactory(firm=firm_a, birth_date=date(1994, 3, 2))


def test_age_goes_up_on_the_birthday_not_the_day_before(client_file):
    assert score(candidate_for(client_file, date(2026, 3, 1)), date(2026, 3, 1)).age == 31
    assert score(candidate_for(client_file, date(2026, 3, 2)), date(2026, 3, 2)).age == 32


def test_age_stays_at_the_invitation_date_once_invited(client_file):
    client_file.profile_submitted_at = timezone.make_aware(datetime(2025, 1, 10, 9, 0))
    client_file.ita_received_on = date(2026, 2, 1)  # age 31 then
    client_file.save()
    later = date(2026, 8, 1)  # §2.1: the age on the ITA date counts
    assert score(candidate_for(client_file, later), later).age == 31


def test_language_result_counts_until_the_day_before_its_second_anniversary(client_file):
    LanguageResultFactory(client=client_file, test_date=date(2024, 6, 1))
    assert not candidate_for(client_file, date(2026, 5, 31)).first_language.expired(
        date(2026, 5, 31)
    )
    on = date(2026, 6, 1)
    expired = candidate_for(client_file, on)
    assert expired.first_language.expired(on)  # passed on so eligibility can say why
    assert not in_pool(expired, on).eligible
    assert score(expired, on).expired == ("first_language",)


def test_result_taken_after_the_date_does_not_exist_yet(client_file):
    LanguageResultFactory(client=client_file, test_date=date(2026, 1, 10))
    assert candidate_for(client_file, date(2026, 1, 9)).first_language is None
    assert candidate_for(client_file, date(2026, 1, 10)).first_language is not None


def test_the_best_valid_result_counts_and_an_expired_better_one_does_not(client_file):
    LanguageResultFactory(client=client_file, listening=10, reading=10, writing=10, speaking=10,
                          test_date=date(2024, 1, 15))  # fmt: skip
    LanguageResultFactory(client=client_file, listening=7, reading=7, writing=7, speaking=7,
                          test_date=date(2025, 6, 1))  # fmt: skip
    assert candidate_for(client_file, date(2025, 7, 1)).first_language.min_level == 10
    assert candidate_for(client_file, date(2026, 2, 1)).first_language.min_level == 7


def test_french_and_english_fill_first_and_second_language(client_file):
    LanguageResultFactory(client=client_file, test_date=date(2026, 1, 10))
    LanguageResultFactory(client=client_file, test="nclc", test_date=date(2026, 2, 1),
                          listening=7, reading=7, writing=7, speaking=7)  # fmt: skip
    candidate = candidate_for(client_file, date(2026, 3, 1))
    assert not candidate.first_language.is_french  # CLB 9 English scores more as first
    assert candidate.second_language.is_french


def test_declared_first_language_is_respected(client_file):
    client_file.first_official_language = "french"
    client_file.save()
    LanguageResultFactory(client=client_file, test_date=date(2026, 1, 10))
    LanguageResultFactory(client=client_file, test="nclc", test_date=date(2026, 2, 1),
                          listening=7, reading=7, writing=7, speaking=7)  # fmt: skip
    assert candidate_for(client_file, date(2026, 3, 1)).first_language.is_french


@pytest.mark.parametrize(
    ("on", "years"),
    [(date(2022, 12, 1), 0), (date(2023, 2, 1), 1), (date(2025, 2, 1), 3)],
)
def test_canadian_experience_accrues_as_time_passes(client_file, on, years):
    WorkPeriodFactory(client=client_file, start=date(2022, 1, 3), end=None, in_canada=True)
    assert candidate_for(client_file, on).canadian_experience_years == years


def test_half_time_work_takes_twice_as_long_to_make_a_year(client_file):
    WorkPeriodFactory(client=client_file, start=date(2022, 1, 3), hours_per_week=15)
    assert candidate_for(client_file, date(2023, 6, 1)).canadian_experience_years == 0
    assert candidate_for(client_file, date(2024, 1, 10)).canadian_experience_years == 1


def test_unauthorised_canadian_work_and_work_abroad_are_counted_apart(client_file):
    WorkPeriodFactory(client=client_file, start=date(2020, 1, 6), end=date(2022, 1, 31),
                      in_canada=True, authorised=False)  # fmt: skip
    WorkPeriodFactory(client=client_file, start=date(2017, 1, 2), end=date(2019, 12, 31),
                      in_canada=False)  # fmt: skip
    candidate = candidate_for(client_file, date(2026, 1, 1))
    assert (candidate.canadian_experience_years, candidate.foreign_experience_years) == (0, 3)


def test_job_starting_after_the_date_is_not_in_the_work_history(client_file):
    WorkPeriodFactory(client=client_file, start=date(2026, 5, 1))
    assert candidate_for(client_file, date(2026, 4, 30)).work_history == ()


def test_foreign_credential_counts_only_while_its_eca_is_under_five_years_old(client_file):
    CredentialFactory(client=client_file, level="masters", in_canada=False, length_years=2,
                      completed_on=date(2015, 6, 1), eca_date=date(2021, 3, 1))  # fmt: skip
    assert candidate_for(client_file, date(2021, 2, 28)).education is Education.NONE
    assert candidate_for(client_file, date(2026, 2, 28)).education is Education.MASTERS
    lapsed = candidate_for(client_file, date(2026, 3, 1))
    assert lapsed.education is Education.NONE
    assert lapsed.eca_date == date(2021, 3, 1)  # so eligibility reports the expired ECA


def test_two_post_secondary_credentials_one_of_three_years_make_two_or_more(client_file):
    CredentialFactory(client=client_file, level="bachelors", completed_on=date(2016, 5, 1))
    CredentialFactory(client=client_file, level="one_year", length_years=1,
                      completed_on=date(2018, 5, 1))  # fmt: skip
    assert candidate_for(client_file, date(2017, 1, 1)).education is Education.BACHELORS
    assert candidate_for(client_file, date(2019, 1, 1)).education is Education.TWO_OR_MORE


@pytest.mark.parametrize(
    ("level", "length", "expected"),
    [
        ("two_year", 2, CanadianEducation.ONE_OR_TWO_YEAR),
        ("bachelors", 4, CanadianEducation.THREE_OR_MORE_YEAR),
        ("masters", 1, CanadianEducation.THREE_OR_MORE_YEAR),
        ("secondary", None, CanadianEducation.NONE),
    ],
)
def test_canadian_credential_earns_its_additional_points_tier(client_file, level, length, expected):
    CredentialFactory(client=client_file, level=level, length_years=length)
    assert candidate_for(client_file, date(2026, 1, 1)).canadian_education is expected


def test_nomination_and_certificate_count_from_their_dates(client_file):
    client_file.nomination_province, client_file.nominated_on = "ON", date(2026, 4, 1)
    client_file.certificate_province = "BC"
    client_file.certificate_issued_on = date(2025, 1, 1)
    client_file.save()
    before, after = (candidate_for(client_file, d) for d in (date(2026, 3, 31), date(2026, 4, 1)))
    assert (before.provincial_nomination, after.provincial_nomination) == (False, True)
    assert before.certificate_of_qualification


def test_profile_exists_from_its_submission_and_lasts_twelve_months(client_file):
    client_file.profile_submitted_at = timezone.make_aware(datetime(2025, 11, 20, 10, 30))
    client_file.save()
    facts = facts_for([client_file.pk])[client_file.pk]
    assert facts.candidate(date(2025, 11, 19)).profile_submitted_at is None
    assert facts.candidate(date(2025, 11, 20)).profile_submitted_at is not None
    assert facts.profile_valid_on(date(2026, 11, 19))
    assert not facts.profile_valid_on(date(2026, 11, 20))


def _married(client_file, **spouse):
    for name, value in {"marital_status": "married", "spouse_accompanying": True, **spouse}.items():
        setattr(client_file, name, value)
    client_file.save()
    CredentialFactory(client=client_file, person="spouse", level="two_year", length_years=2)
    return client_file


def test_accompanying_spouse_is_scored_with_their_own_facts(client_file):
    _married(client_file)
    LanguageResultFactory(client=client_file, person="spouse", test_date=date(2025, 9, 1))
    WorkPeriodFactory(client=client_file, person="spouse", start=date(2023, 1, 2))
    spouse = candidate_for(client_file, date(2026, 1, 10)).spouse
    assert spouse.education is Education.TWO_YEAR
    assert spouse.language.min_level == 9
    assert spouse.canadian_experience_years == 3


@pytest.mark.parametrize("spouse", [{"spouse_accompanying": False}, {"spouse_citizen_or_pr": True}])
def test_spouse_who_stays_behind_or_is_canadian_leaves_the_client_scored_as_single(
    client_file, spouse
):
    _married(client_file, **spouse)
    assert candidate_for(client_file, date(2026, 1, 10)).spouse is None


def test_divorced_client_is_scored_as_single(client_file):
    client_file.marital_status = "divorced"
    client_file.save()
    assert candidate_for(client_file, date(2026, 1, 10)).spouse is None


def test_spouse_language_result_expires_like_the_clients(client_file):
    _married(client_file)
    LanguageResultFactory(client=client_file, person="spouse", test_date=date(2024, 1, 10))
    on = date(2026, 1, 10)
    assert score(candidate_for(client_file, on), on).expired == ("spouse.language",)


@pytest.mark.parametrize("count", [3, 30])
def test_many_clients_load_in_four_queries(firm_a, django_assert_num_queries, count):
    for _ in range(count):
        client = ClientFactory(firm=firm_a)
        CredentialFactory(client=client)
        LanguageResultFactory(client=client)
        WorkPeriodFactory(client=client)
    # credentials, language results, work periods, clients
    with django_assert_num_queries(4):
        facts = facts_for(firm_a.clients.all())
    assert len({pk: f.candidate(date(2026, 11, 25)) for pk, f in facts.items()}) == count


def test_an_eca_issued_on_29_february_stops_counting_on_28_february_five_years_on(client_file):
    # One convention for "N years after 29 February" (scoring.dates): the engine's own.
    CredentialFactory(client=client_file, level="masters", in_canada=False, length_years=2,
                      completed_on=date(2015, 6, 1), eca_date=date(2024, 2, 29))  # fmt: skip
    assert candidate_for(client_file, date(2029, 2, 27)).education is Education.MASTERS
    lapsed = candidate_for(client_file, date(2029, 2, 28))
    assert lapsed.education is Education.NONE
    assert not in_pool(lapsed, date(2029, 2, 28)).eligible  # eligibility agrees on the day

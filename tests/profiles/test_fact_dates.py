"""Dates outside any possible range are refused with a message, not stored as facts."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError

from profiles import services
from profiles.models import EducationCredential, LanguageTestResult, WorkPeriod
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

TOMORROW = date.today() + timedelta(days=1)
MASTERS = {"level": "masters", "in_canada": False, "length_years": 2}
JOB = {"noc": "21232", "hours_per_week": 40, "in_canada": True}
IELTS = {"test": "ielts", "listening": 8, "reading": 7, "writing": 7, "speaking": 7}
TEF = {"test": "tef", "listening": 560, "reading": 540, "writing": 500, "speaking": 520}


@pytest.fixture
def file_a(firm_a):
    return ClientFactory(firm=firm_a)


@pytest.mark.parametrize(
    ("model", "data", "field"),
    [
        (EducationCredential, {**MASTERS, "completed_on": TOMORROW}, "completed_on"),
        (EducationCredential, {**MASTERS, "completed_on": date(1, 1, 1)}, "completed_on"),
        (EducationCredential, {**MASTERS, "eca_date": date(1949, 12, 31)}, "eca_date"),
        (WorkPeriod, {**JOB, "start": date(1, 1, 1)}, "start"),
        (WorkPeriod, {**JOB, "start": date(2020, 1, 1), "end": date(1, 1, 1)}, "end"),
        (LanguageTestResult, {**TEF, "test_date": date(1990, 5, 1)}, "test_date"),
        (LanguageTestResult, {**TEF, "test_date": date(2014, 12, 31)}, "test_date"),
    ],
)
def test_a_fact_dated_outside_its_possible_range_is_a_field_error(file_a, model, data, field):
    with pytest.raises(ValidationError) as error:
        services.add_fact(client=file_a, model=model, by=None, data=data)
    assert field in error.value.message_dict
    assert not model.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"profile_submitted_at": datetime(2014, 6, 1, 12, tzinfo=UTC)}, "profile_submitted_at"),
        ({"nomination_province": "ON", "nominated_on": date(1, 1, 1)}, "nominated_on"),
        ({"certificate_province": "ON", "certificate_issued_on": date(1, 1, 1)},
         "certificate_issued_on"),
    ],
)  # fmt: skip
def test_a_client_date_outside_its_possible_range_is_a_field_error(file_a, data, field):
    with pytest.raises(ValidationError) as error:
        services.update_client(client=file_a, by=None, data=data)
    assert field in error.value.message_dict


def test_the_earliest_sensible_dates_are_accepted(file_a):
    services.add_fact(client=file_a, model=EducationCredential, by=None,
                      data={**MASTERS, "completed_on": date(1950, 1, 1)})  # fmt: skip
    services.add_fact(client=file_a, model=LanguageTestResult, by=None,
                      data={**IELTS, "test_date": date(2015, 1, 1)})  # fmt: skip
    assert file_a.credentials.exists() and file_a.language_results.exists()


def test_an_ita_the_evening_of_a_toronto_submission_is_accepted_whatever_the_zone(file_a):
    # 2026-03-02 20:15 in Toronto is 2026-03-03 01:15 UTC, as the API and the CSV store it:
    # an invitation that same evening is not "before the profile".
    submitted = datetime(2026, 3, 3, 1, 15, tzinfo=UTC)
    data = {"profile_submitted_at": submitted, "ita_received_on": date(2026, 3, 2)}
    services.update_client(client=file_a, by=None, data=data)
    file_a.refresh_from_db()
    assert file_a.ita_received_on == date(2026, 3, 2)


def test_an_ita_the_day_before_the_local_submission_date_is_refused(file_a):
    submitted = datetime(2026, 3, 3, 1, 15, tzinfo=UTC)  # 2026-03-02 in Toronto
    data = {"profile_submitted_at": submitted, "ita_received_on": date(2026, 3, 1)}
    with pytest.raises(ValidationError) as error:
        services.update_client(client=file_a, by=None, data=data)
    assert "ita_received_on" in error.value.message_dict

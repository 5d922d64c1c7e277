"""File stages (issue 11): each with its date, the ITA date setting the deadline, steps back
with a reason, bad dates as field errors (never a 500), and the changes in the file history."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from profiles import services
from profiles.models import StageChange
from profiles.selectors import client_history
from tests.factories import ClientFactory
from tests.profiles.dashboard_files import submitted

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _new_file(firm, by, **data):
    values = {"first_name": "Lina", "last_name": "Roy", "birth_date": date(1994, 3, 2), **data}
    return services.create_client(firm=firm, by=by, data=values)


def test_a_new_file_starts_as_a_lead_dated_today(firm_a, firm_a_consultant):
    file = _new_file(firm_a, firm_a_consultant)
    assert (file.stage, file.stage_on) == ("lead", TODAY())
    assert file.stage_changes.get().reason == "File opened"


def test_a_new_file_with_a_submitted_profile_starts_in_the_pool(firm_a, firm_a_consultant):
    file = _new_file(firm_a, firm_a_consultant, profile_submitted_at=submitted(40))
    assert (file.stage, file.stage_on) == ("in_pool", TODAY() - timedelta(days=40))


def test_recording_the_ita_sets_the_ita_date_and_the_60_day_deadline(firm_a, firm_a_consultant):
    file = _new_file(firm_a, firm_a_consultant, profile_submitted_at=submitted(90))
    on = TODAY() - timedelta(days=5)
    services.record_stage(client=file, stage="ita_received", on=on, by=firm_a_consultant)
    file.refresh_from_db()
    assert (file.stage, file.ita_received_on) == ("ita_received", on)
    assert file.application_due_on == on + timedelta(days=60)


def test_entering_an_ita_date_on_the_file_moves_it_to_ita_received(firm_a, firm_a_consultant):
    file = _new_file(firm_a, firm_a_consultant, profile_submitted_at=submitted(90))
    on = TODAY() - timedelta(days=3)
    services.update_client(client=file, by=firm_a_consultant, data={"ita_received_on": on})
    file.refresh_from_db()
    assert (file.stage, file.stage_on) == ("ita_received", on)


def test_an_ita_without_a_submitted_profile_is_a_field_error(firm_a, firm_a_consultant):
    file = _new_file(firm_a, firm_a_consultant)
    with pytest.raises(ValidationError) as error:
        services.record_stage(client=file, stage="ita_received", on=TODAY(), by=firm_a_consultant)
    assert "submitted profile" in error.value.message_dict["stage"][0]


def test_going_back_a_stage_needs_a_reason(firm_a, firm_a_consultant):
    file = _new_file(firm_a, firm_a_consultant, profile_submitted_at=submitted(30))
    with pytest.raises(ValidationError) as error:
        services.record_stage(client=file, stage="preparing", on=TODAY(), by=firm_a_consultant)
    assert error.value.message_dict["reason"] == [
        "Going back from “In the pool” to “Preparing the profile” needs a reason."
    ]
    services.record_stage(
        client=file, stage="preparing", on=TODAY(), by=firm_a_consultant, reason="Profile withdrawn"
    )
    assert StageChange.objects.filter(client=file).first().reason == "Profile withdrawn"


def test_changing_one_decision_for_another_needs_a_reason(firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a, stage="refused", stage_on=TODAY())
    with pytest.raises(ValidationError) as error:
        services.record_stage(client=file, stage="approved", on=TODAY(), by=firm_a_consultant)
    assert "reason" in error.value.message_dict


@pytest.mark.parametrize(
    ("on", "message"),
    [
        (date(2014, 12, 31), "Express Entry opened on 2015-01-01: enter a later date."),
        (date(9999, 12, 31), "This date is in the future."),
    ],
)
def test_dates_before_2015_or_in_the_future_are_field_errors(
    firm_a, firm_a_consultant, on, message
):
    file = _new_file(firm_a, firm_a_consultant)
    with pytest.raises(ValidationError) as error:
        services.record_stage(client=file, stage="preparing", on=on, by=firm_a_consultant)
    assert error.value.message_dict["on"] == [message]


def test_a_next_stage_dated_before_the_current_one_is_a_field_error(firm_a, firm_a_consultant):
    file = _new_file(firm_a, firm_a_consultant, profile_submitted_at=submitted(30))
    with pytest.raises(ValidationError) as error:
        services.record_stage(
            client=file, stage="ita_received", on=TODAY() - timedelta(days=40), by=firm_a_consultant
        )
    assert "on" in error.value.message_dict


@pytest.mark.parametrize(
    ("posted", "field", "words"),
    [
        ({"stage": "preparing", "on": "2014-06-01"}, "on", "Express Entry opened"),
        ({"stage": "preparing", "on": "9999-12-31"}, "on", "in the future"),
        ({"stage": "preparing", "on": "31/12/2099"}, "on", "Enter a valid date"),
        ({"stage": "nonsense", "on": "2026-01-01"}, "stage", "Select a valid choice"),
        ({"stage": "lead", "on": "2026-01-01"}, "stage", "already at"),
    ],
)
def test_bad_input_on_the_stage_form_is_shown_on_the_field(
    client, firm_a, firm_a_consultant, posted, field, words
):
    file = ClientFactory(firm=firm_a, stage="lead", stage_on=date(2025, 1, 1))
    client.force_login(firm_a_consultant)
    response = client.post(reverse("profiles:client_stage", args=[file.public_id]), posted)
    assert response.status_code == 200
    assert words in " ".join(response.context["stage_form"].errors[field])


def test_a_step_back_without_a_reason_is_shown_on_the_reason_field(
    client, firm_a, firm_a_consultant
):
    file = ClientFactory(firm=firm_a, stage="in_pool", stage_on=date(2025, 1, 1),
                         profile_submitted_at=submitted(100))  # fmt: skip
    client.force_login(firm_a_consultant)
    url = reverse("profiles:client_stage", args=[file.public_id])
    response = client.post(url, {"stage": "lead", "on": "2026-01-02"})
    assert "needs a reason" in response.context["stage_form"].errors["reason"][0]


def test_the_client_page_records_application_submitted(client, firm_a, firm_a_consultant):
    file = ClientFactory(firm=firm_a, stage="ita_received", stage_on=TODAY() - timedelta(days=9),
                         profile_submitted_at=submitted(100),
                         ita_received_on=TODAY() - timedelta(days=9))  # fmt: skip
    client.force_login(firm_a_consultant)
    url = reverse("profiles:client_stage", args=[file.public_id])
    response = client.post(url, {"stage": "applied", "on": TODAY().isoformat()}, follow=True)
    assert "Stage recorded: Application submitted." in response.content.decode()
    file.refresh_from_db()
    assert (file.stage, file.stage_on) == ("applied", TODAY())


def test_stage_changes_are_in_the_file_history_with_who_and_why(firm_a, firm_a_consultant):
    file = _new_file(firm_a, firm_a_consultant, profile_submitted_at=submitted(30))
    services.record_stage(
        client=file, stage="lead", on=TODAY(), by=firm_a_consultant, reason="Wrong file"
    )
    (latest, *_) = [change for change in client_history(client=file) if change.what == "File stage"]
    assert latest.who == firm_a_consultant.username
    assert latest.changes == [
        ("stage", "In the pool", f"Lead on {TODAY():%Y-%m-%d}"),
        ("reason", "—", "Wrong file"),
    ]


def test_the_list_filters_by_stage(client, firm_a, firm_a_consultant):
    ClientFactory(firm=firm_a, stage="applied", last_name="Applied")
    ClientFactory(firm=firm_a, stage="lead", last_name="Leading")
    client.force_login(firm_a_consultant)
    response = client.get(reverse("api-client-list"), {"stage": "applied"})
    assert [row["last_name"] for row in response.json()["results"]] == ["Applied"]
    page = client.get(reverse("profiles:client_list"), {"stage": "applied"}).content.decode()
    assert "Applied" in page and "Leading" not in page


def test_the_api_records_a_stage_and_answers_field_errors_with_a_400(
    client, firm_a, firm_a_consultant
):
    file = ClientFactory(firm=firm_a, stage="lead", stage_on=date(2025, 1, 1))
    client.force_login(firm_a_consultant)
    url = reverse("api-client-stage", args=[file.public_id])
    bad = client.post(
        url, {"stage": "preparing", "on": "2010-01-01"}, content_type="application/json"
    )
    assert bad.status_code == 400 and "on" in bad.json()
    good = client.post(
        url, {"stage": "preparing", "on": "2025-02-01"}, content_type="application/json"
    )
    assert good.status_code == 200 and good.json()["stage"] == "preparing"


def test_another_firms_consultant_cannot_record_a_stage(client, firm_a, firm_b_consultant):
    file = ClientFactory(firm=firm_a, stage="lead")
    client.force_login(firm_b_consultant)
    posted = {"stage": "preparing", "on": "2025-02-01"}
    assert (
        client.post(reverse("profiles:client_stage", args=[file.public_id]), posted).status_code
        == 404
    )
    api = reverse("api-client-stage", args=[file.public_id])
    assert client.post(api, posted, content_type="application/json").status_code == 404
    file.refresh_from_db()
    assert file.stage == "lead"

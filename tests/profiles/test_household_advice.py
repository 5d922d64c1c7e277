"""Advice split (issue 12): the client sees what they can act on; household choices (the partner
coming or not) are for the consultant's page only, labelled as such."""

import pytest
from django.urls import reverse

from scoring.advice import HOUSEHOLD_SINGLE
from tests.factories import ClientFactory, LanguageResultFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def married_file(firm_a):
    """A married client whose partner comes and earns little: scored as single they would gain."""
    file = ClientFactory(
        firm=firm_a, marital_status="married", spouse_accompanying=True,
        user=UserFactory(username="married-client"),
    )  # fmt: skip
    LanguageResultFactory(client=file)
    return file


def test_the_household_choice_is_found_for_a_married_client(client, married_file):
    client.force_login(married_file.user)
    assessment = client.get(reverse("profiles:portal")).context["assessment"]
    assert [s.description for s in assessment.household_advice] == [HOUSEHOLD_SINGLE]


def test_the_portal_never_shows_the_household_suggestion(client, married_file):
    client.force_login(married_file.user)
    content = client.get(reverse("profiles:portal")).content.decode()
    assert "does not come to Canada" not in content
    assert "Household choice" not in content
    assert "What would raise the score" in content


def test_the_clients_own_api_leaves_the_household_suggestion_out(client, married_file):
    client.force_login(married_file.user)
    advice = client.get("/api/v1/me/").json()["score"]["advice"]
    assert advice and not [text for text in advice if "does not come to Canada" in text]


def test_the_consultants_page_shows_it_labelled_as_a_household_choice(
    client, firm_a_consultant, married_file
):
    client.force_login(firm_a_consultant)
    content = client.get(married_file.get_absolute_url()).content.decode()
    assert "Household choices" in content and "not shown to the client" in content
    assert (
        '<span class="badge text-bg-secondary">Household choice</span> '
        "If the spouse or partner does not come to Canada (scored as single)"
    ) in content


def test_the_household_suggestion_is_not_in_the_clients_list_of_actions(
    client, firm_a_consultant, married_file
):
    client.force_login(firm_a_consultant)
    assessment = client.get(married_file.get_absolute_url()).context["assessment"]
    assert assessment.advice and not [s for s in assessment.advice if s.household]

"""Rate limits on what sends e-mail or computes on demand (issue 14, defect 6), and the client
address they key on behind a proxy."""

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from eeportal.client_ip import client_ip
from tests.factories import ClientFactory, UserFactory
from tests.scoring.test_calculator_page import e2

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS}
    return settings.RATE_LIMITS


def test_password_resets_to_one_address_stop_at_the_limit_and_answer_the_same(client, limits):
    limits["password-reset-address"] = "3/h"
    UserFactory(email="ana@example.com")
    answers = [
        client.post(reverse("password_reset"), {"email": "ANA@example.com"}) for _ in range(5)
    ]
    assert len(mail.outbox) == 3
    assert {a.url for a in answers} == {reverse("password_reset_done")}


def test_password_resets_from_one_address_stop_at_the_limit(client, limits):
    limits["password-reset-ip"] = "2/h"
    for n in range(4):
        UserFactory(email=f"user{n}@example.com")
        client.post(reverse("password_reset"), {"email": f"user{n}@example.com"})
    assert len(mail.outbox) == 2


def test_the_calculator_answers_429_with_words_over_the_limit(client, limits):
    limits["calculator"] = "2/m"
    codes = [client.post(reverse("scoring:calculator"), e2()).status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    page = client.post(reverse("scoring:calculator"), e2()).content.decode()
    assert "Too many calculations" in page and 'value="bachelors"' in page


def test_the_calculator_form_itself_is_never_limited(client, limits):
    limits["calculator"] = "1/m"
    assert [client.get(reverse("scoring:calculator")).status_code for _ in range(3)] == [200] * 3


def test_invitations_to_one_file_stop_at_the_limit(client, firm_a_consultant, limits):
    limits["invitation-file"] = "2/h"
    file = ClientFactory(firm=firm_a_consultant.membership.firm, email="kim@example.com")
    client.force_login(firm_a_consultant)
    url = reverse("profiles:client_invite", args=[file.public_id])
    for _ in range(4):
        response = client.post(url, follow=True)
    assert len(mail.outbox) == 2
    assert "Too many invitations" in response.content.decode()


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", "10.0.0.1"),  # no proxy trusted: the header is ignored
        (1, "198.51.100.7, 203.0.113.9", "203.0.113.9"),  # the left part may be forged
        (2, "198.51.100.7, 203.0.113.9", "198.51.100.7"),
        (1, "not-an-address", "10.0.0.1"),
    ],
)
def test_the_client_address_behind_proxies_is_the_one_the_nearest_trusted_proxy_saw(
    settings, proxies, forwarded, expected
):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": proxies}
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected

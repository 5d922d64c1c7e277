"""Two-factor sign-in (issue 14): required for staff and consultants after a grace period,
optional for clients; TOTP with recovery codes; the lockout still applies."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from eeportal.mfa.reauth import PROVED_KEY
from tests.factories import PASSWORD, ConsultantFactory, UserFactory
from tests.two_factor import app_code, app_of, enrol


@pytest.fixture
def grace_over(settings):
    settings.TWO_FACTOR_ENFORCED_FROM = date(2020, 1, 1)
    settings.TWO_FACTOR_GRACE_DAYS = 14


def _age(user, days=30):
    user.date_joined = timezone.now() - timedelta(days=days)
    user.save(update_fields=["date_joined"])
    return user


def _sign_in(client, user, next_url=""):
    data = {"username": user.username, "password": PASSWORD}
    url = reverse("login") + (f"?next={next_url}" if next_url else "")
    return client.post(url, data | ({"next": next_url} if next_url else {}))


def test_a_consultant_in_the_grace_period_sees_a_banner_and_works_as_usual(
    client, firm_a_consultant
):
    client.force_login(firm_a_consultant)
    response = client.get(reverse("profiles:dashboard"))
    assert response.status_code == 200
    assert b"Set up two-factor sign-in by" in response.content


def test_a_consultant_after_the_grace_period_is_sent_to_set_it_up(
    client, firm_a_consultant, grace_over
):
    client.force_login(_age(firm_a_consultant))
    response = client.get(reverse("profiles:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa:setup"))


def test_staff_after_the_grace_period_cannot_open_the_admin(client, staff_user, grace_over):
    client.force_login(_age(staff_user))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa:setup"))


def test_the_api_answers_403_in_json_until_the_second_factor_is_set_up(
    client, firm_a_consultant, grace_over
):
    client.force_login(_age(firm_a_consultant))
    response = client.get("/api/v1/clients/")
    assert response.status_code == 403
    assert response.json()["detail"] == "Two-factor sign-in is required first."


def test_a_client_is_never_required_to_use_a_second_factor(client, firm_a_client, grace_over):
    client.force_login(_age(firm_a_client))
    response = client.get(reverse("profiles:portal"))
    assert response.status_code == 200
    assert b"Set up two-factor sign-in by" not in response.content


def test_the_set_up_page_shows_a_qr_code_and_the_key_to_type(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    response = client.get(reverse("mfa:setup"))
    assert response.status_code == 200
    assert b'src="data:image/svg+xml' in response.content
    assert b'data-testid="totp-secret"' in response.content


def test_the_first_right_code_turns_it_on_and_shows_ten_recovery_codes_once(
    client, firm_a_consultant
):
    client.force_login(firm_a_consultant)
    client.get(reverse("mfa:setup"))
    device = TOTPDevice.objects.get(user=firm_a_consultant)
    response = client.post(reverse("mfa:setup"), {"code": app_code(device)}, follow=True)
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert response.content.count(b'<li class="col">') == 10
    again = client.get(reverse("mfa:recovery_codes"))
    assert b'<li class="col">' not in again.content


def test_a_wrong_code_at_set_up_leaves_it_off(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    client.get(reverse("mfa:setup"))
    response = client.post(reverse("mfa:setup"), {"code": "000000"})
    assert b"That code is not right" in response.content
    assert not TOTPDevice.objects.filter(user=firm_a_consultant, confirmed=True).exists()


def test_turning_it_on_tells_the_user_by_e_mail(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    client.get(reverse("mfa:setup"))
    device = TOTPDevice.objects.get(user=firm_a_consultant)
    client.post(reverse("mfa:setup"), {"code": app_code(device)})
    assert [m.to for m in mail.outbox] == [[firm_a_consultant.email]]
    assert "two-factor sign-in was set up" in mail.outbox[0].subject


def test_after_the_password_a_user_with_an_app_is_asked_for_the_code(client, firm_a_consultant):
    enrol(firm_a_consultant)
    response = _sign_in(client, firm_a_consultant, next_url="/clients/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa:verify"))
    assert "next=%2Fclients%2F" in response.url


def test_no_page_opens_between_the_password_and_the_code(client, firm_a_consultant):
    enrol(firm_a_consultant)
    _sign_in(client, firm_a_consultant)
    response = client.get(reverse("profiles:client_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa:verify"))


def test_the_right_app_code_opens_the_page_asked_for(client, firm_a_consultant):
    enrol(firm_a_consultant)
    _sign_in(client, firm_a_consultant)
    code = app_code(app_of(firm_a_consultant))
    response = client.post(reverse("mfa:verify"), {"code": code, "next": "/clients/"})
    assert response.status_code == 302
    assert response.url == "/clients/"
    assert client.get(reverse("profiles:client_list")).status_code == 200


def test_the_code_page_never_sends_the_user_to_another_site(client, firm_a_consultant):
    enrol(firm_a_consultant)
    _sign_in(client, firm_a_consultant)
    code = app_code(app_of(firm_a_consultant))
    response = client.post(reverse("mfa:verify"), {"code": code, "next": "https://evil.example/"})
    assert response.url == reverse("profiles:dashboard")


def test_a_recovery_code_signs_in_once(client, firm_a_consultant):
    codes = enrol(firm_a_consultant)
    _sign_in(client, firm_a_consultant)
    assert client.post(reverse("mfa:verify"), {"code": codes[0]}).status_code == 302
    client.post(reverse("logout"))
    _sign_in(client, firm_a_consultant)
    response = client.post(reverse("mfa:verify"), {"code": codes[0]})
    assert response.status_code == 200
    assert b"That code is not right" in response.content


def test_a_wrong_code_then_an_immediate_retry_is_throttled(client, firm_a_consultant):
    enrol(firm_a_consultant)
    _sign_in(client, firm_a_consultant)
    client.post(reverse("mfa:verify"), {"code": "000000"})
    response = client.post(reverse("mfa:verify"), {"code": app_code(app_of(firm_a_consultant))})
    assert b"Too many wrong codes" in response.content
    assert client.get(reverse("profiles:client_list")).status_code == 302


def test_the_password_lockout_still_applies_to_users_with_an_app(client, firm_a_consultant):
    enrol(firm_a_consultant)
    for _ in range(5):
        client.post(reverse("login"), {"username": firm_a_consultant.username, "password": "no"})
    response = _sign_in(client, firm_a_consultant)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_client_may_turn_it_off(client, firm_a_client):
    user = firm_a_client
    enrol(user)
    client.force_login(user)
    client.post(reverse("mfa:verify"), {"code": app_code(app_of(user))})
    response = client.post(reverse("mfa:turn_off"))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_consultant_may_not_turn_it_off(client, firm_a_consultant):
    enrol(firm_a_consultant)
    client.force_login(firm_a_consultant)
    client.post(reverse("mfa:verify"), {"code": app_code(app_of(firm_a_consultant))})
    client.post(reverse("mfa:turn_off"))
    assert TOTPDevice.objects.filter(user=firm_a_consultant, confirmed=True).exists()


def test_changing_it_needs_a_fresh_password(client, firm_a_client):
    client.force_login(firm_a_client)
    session = client.session
    session[PROVED_KEY] = 0
    session.save()
    response = client.get(reverse("mfa:setup"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("reauth"))


def test_new_recovery_codes_replace_the_old_ones(client, firm_a_consultant):
    old = enrol(firm_a_consultant)
    client.force_login(firm_a_consultant)
    client.post(reverse("mfa:verify"), {"code": app_code(app_of(firm_a_consultant))})
    response = client.post(reverse("mfa:new_recovery_codes"), follow=True)
    assert response.content.count(b'<li class="col">') == 10
    assert old[0].encode() not in response.content
    client.post(reverse("logout"))
    _sign_in(client, firm_a_consultant)
    assert client.post(reverse("mfa:verify"), {"code": old[0]}).status_code == 200


def test_the_security_page_needs_a_signed_in_user(client, db):
    response = client.get(reverse("mfa:security"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_users_codes_do_not_open_another_users_account(
    client, firm_a_consultant, firm_b_consultant
):
    enrol(firm_a_consultant)
    other_codes = enrol(firm_b_consultant)
    _sign_in(client, firm_a_consultant)
    response = client.post(reverse("mfa:verify"), {"code": other_codes[0]})
    assert b"That code is not right" in response.content


def test_a_user_without_an_app_is_not_asked_for_a_code(client, db):
    user = UserFactory()
    response = _sign_in(client, user)
    assert not response.url.startswith(reverse("mfa:verify"))


def _reset_url(user):
    return reverse("profiles:consultant_reset_two_factor", args=[user.membership.public_id])


def test_the_firm_page_shows_the_administrator_who_uses_two_factor_sign_in(
    client, firm_a_admin, firm_a_consultant
):
    enrol(firm_a_consultant)
    client.force_login(firm_a_admin)
    response = client.get(reverse("profiles:firm"))
    assert b"Reset 2FA" in response.content
    assert b"Not set up" in response.content


def test_a_firm_administrator_resets_a_colleagues_second_factor(
    client, firm_a_admin, firm_a_consultant
):
    enrol(firm_a_consultant)
    client.force_login(firm_a_admin)
    response = client.post(_reset_url(firm_a_consultant))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=firm_a_consultant).exists()
    assert mail.outbox[-1].to == [firm_a_consultant.email]


def test_a_consultant_who_is_not_administrator_cannot_reset_a_colleague(
    client, firm_a, firm_a_consultant
):
    colleague = ConsultantFactory(membership__firm=firm_a)
    enrol(colleague)
    client.force_login(firm_a_consultant)
    assert client.post(_reset_url(colleague)).status_code == 403
    assert TOTPDevice.objects.filter(user=colleague).exists()


def test_another_firms_administrator_cannot_reset_a_consultant(client, firm_b, firm_a_consultant):
    firm_b_admin = ConsultantFactory(membership__firm=firm_b, membership__is_firm_admin=True)
    enrol(firm_a_consultant)
    client.force_login(firm_b_admin)
    assert client.post(_reset_url(firm_a_consultant)).status_code == 404
    assert TOTPDevice.objects.filter(user=firm_a_consultant).exists()


def test_a_client_cannot_reset_a_consultant(client, firm_a_client, firm_a_consultant):
    enrol(firm_a_consultant)
    client.force_login(firm_a_client)
    assert client.post(_reset_url(firm_a_consultant)).status_code == 404

import re

from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory


def test_login_page_renders_for_anonymous_users(client, db):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert b'name="username"' in response.content


def test_user_signs_in_with_the_right_password(client, db):
    user = UserFactory()
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_shows_an_error_and_does_not_sign_in(client, db):
    user = UserFactory()
    response = client.post(reverse("login"), {"username": user.username, "password": "nope"})
    assert response.status_code == 200
    assert b"Please enter a correct username and password" in response.content
    assert "_auth_user_id" not in client.session


def test_login_is_locked_after_five_failures_even_with_the_right_password(client, db):
    user = UserFactory()
    for _ in range(5):
        client.post(reverse("login"), {"username": user.username, "password": "wrong"})
    response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
    assert response.status_code == 429
    assert b"Too many failed sign-in attempts" in response.content
    assert b"for 30 minutes." in response.content
    assert "_auth_user_id" not in client.session


def test_lockout_of_one_user_does_not_lock_another(client, db):
    victim, other = UserFactory(), UserFactory()
    for _ in range(5):
        client.post(reverse("login"), {"username": victim.username, "password": "wrong"})
    response = client.post(reverse("login"), {"username": other.username, "password": PASSWORD})
    assert response.status_code == 302


def test_sign_out_is_a_post_and_ends_the_session(client, db):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_change_requires_the_old_password(client, db):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "wrong",
            "new_password1": "N3w-pass-phrase!",
            "new_password2": "N3w-pass-phrase!",
        },
    )
    assert response.status_code == 200
    assert b"Your old password was entered incorrectly" in response.content


def test_password_reset_mails_a_link_that_sets_a_new_password(client, db):
    user = UserFactory(email="reset-me@example.com")
    client.post(reverse("password_reset"), {"email": "reset-me@example.com"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link).url  # Django swaps the token for a session key, then redirects
    response = client.post(
        form_url, {"new_password1": "Fresh-pass-2026!", "new_password2": "Fresh-pass-2026!"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Fresh-pass-2026!")


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"}, follow=True)
    assert b"Check your e-mail" in response.content
    assert mail.outbox == []

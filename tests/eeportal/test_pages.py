from django.test import RequestFactory
from django.views.defaults import server_error


def test_home_page_is_public(client, db):
    response = client.get("/")
    assert response.status_code == 200
    assert b"EE Portal" in response.content


def test_navigation_shows_admin_to_staff(client, staff_user):
    client.force_login(staff_user)
    assert b'href="/admin/"' in client.get("/", follow=True).content


def test_navigation_hides_admin_from_consultants(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    assert b'href="/admin/"' not in client.get("/", follow=True).content


def test_navigation_offers_sign_in_to_anonymous_users(client, db):
    assert b"Sign in" in client.get("/").content


def test_missing_page_uses_the_site_404_without_debug_details(client, db, settings):
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"URLconf" not in response.content


def test_server_error_page_renders_in_the_site_style(db):
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"EE Portal" in response.content

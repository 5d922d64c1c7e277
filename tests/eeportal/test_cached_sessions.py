"""Signed-in requests read their session from Redis, written through to the database (issue 16:
one query less on every portal load); ending a session ends it everywhere."""

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_signed_in_page_does_not_read_the_session_table(client, firm_a_client):
    client.force_login(firm_a_client)
    client.get(reverse("profiles:portal"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("profiles:portal"))
    assert not [q for q in queries if "django_session" in q["sql"]]


def test_the_session_outlives_a_lost_cache(client, firm_a_client):
    client.force_login(firm_a_client)
    cache.clear()  # Redis flushed or evicted: the database copy is read
    assert client.get(reverse("profiles:portal")).status_code == 200


def test_a_signed_out_session_cookie_no_longer_signs_in(client, firm_a_client):
    client.force_login(firm_a_client)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=cookie).exists()
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    response = client.get(reverse("profiles:portal"))
    assert response.status_code == 302

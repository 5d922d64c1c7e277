"""Public pages are rendered once per data revision (issue 16): never stale after a draw is
recorded, corrected, deleted or imported; answered 304 to a visitor who has them; never shared
with or from a signed-in person."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from draws.categories import sync_categories
from draws.importer import import_rounds
from draws.models import DrawCategory
from tests.draws.feed_data import raw_round
from tests.draws.reevaluation_helpers import record_cec_draw
from tests.factories import DrawFactory
from tests.scoring.test_calculator_page import e2, total

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs a write's after-commit work, as a real request's commit would."""

    def write(change):
        with django_capture_on_commit_callbacks(execute=True):
            return change()

    return write


def _queries(client, path, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return len(queries), response


def test_a_second_visit_is_served_without_a_query(client):
    DrawFactory(number="434", cutoff=510)
    client.get("/draws/")
    count, response = _queries(client, "/draws/")
    assert response.status_code == 200
    assert count == 0
    assert b"510" in response.content


def test_recording_a_draw_shows_at_once(client, committed):
    client.get("/draws/")
    committed(lambda: record_cec_draw(cutoff=487))
    assert b"487" in client.get("/draws/").content


def test_correcting_a_cutoff_shows_at_once_on_the_draw_page(client, committed):
    committed(lambda: record_cec_draw(cutoff=487))
    assert b"487" in client.get("/draws/500/").content
    committed(lambda: record_cec_draw(cutoff=479))
    page = client.get("/draws/500/").content
    assert b"479" in page and b"487" not in page


def test_a_deleted_draw_leaves_the_api_at_once(client, committed):
    draw = DrawFactory(number="433")
    assert client.get("/api/v1/draws/433/").status_code == 200
    committed(draw.delete)
    assert client.get("/api/v1/draws/433/").status_code == 404


def test_a_visitor_who_has_the_page_gets_304(client):
    DrawFactory()
    etag = client.get("/draws/")["ETag"]
    response = client.get("/draws/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304


def test_the_etag_changes_with_the_data(client, committed):
    etag = client.get("/draws/")["ETag"]
    committed(lambda: record_cec_draw())
    assert client.get("/draws/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_each_language_has_its_own_copy(client):
    DrawFactory()
    english = client.get("/draws/")
    french = client.get("/fr/draws/")
    assert english["ETag"] != french["ETag"]
    assert french["Content-Language"] == "fr"


def test_a_signed_in_consultant_gets_a_page_rendered_for_them(client, firm_a_consultant):
    DrawFactory(number="434")
    client.get("/draws/434/")
    client.force_login(firm_a_consultant)
    response = client.get("/draws/434/")
    assert "ETag" not in response
    assert firm_a_consultant.get_username().encode() in response.content


def test_a_signed_in_page_is_never_served_to_a_visitor(client, firm_a_consultant):
    DrawFactory(number="434")
    client.force_login(firm_a_consultant)
    client.get("/draws/434/")
    client.logout()
    client.cookies.clear()
    response = client.get("/draws/434/")
    assert firm_a_consultant.get_username().encode() not in response.content


def test_an_api_client_with_a_token_is_not_served_from_the_cache(client):
    DrawFactory()
    client.get("/api/v1/draws/")
    response = client.get("/api/v1/draws/", HTTP_AUTHORIZATION="Token nope")
    assert response.status_code == 401


def test_an_import_that_corrects_a_cutoff_shows_at_once(client, committed):
    sync_categories(DrawCategory)
    committed(lambda: import_rounds([raw_round("434")]))
    client.get("/draws/434/")
    corrected = raw_round("434") | {"drawCRS": "399"}
    committed(lambda: import_rounds([corrected]))
    assert b"399" in client.get("/draws/434/").content


def test_the_empty_calculator_is_served_from_the_cache(client):
    client.get("/calculator/")
    count, response = _queries(client, "/calculator/")
    assert response.status_code == 200 and count == 0
    assert b"csrfmiddlewaretoken" not in response.content


def test_the_calculator_answers_a_post_without_a_csrf_token(client):
    csrf_client = client.__class__(enforce_csrf_checks=True)
    assert total(csrf_client.post("/calculator/", e2())) == 374

"""The JavaScript catalogue is fetched once per browser and version, not on every page view."""

import pytest

from eeportal import js_catalogue

pytestmark = pytest.mark.django_db


def _script_url(page) -> str:
    html = page.content.decode()
    start = html.index('<script src="', html.index("</footer>")) + len('<script src="')
    return html[start : html.index('"', start)]


def test_every_page_loads_the_catalogue_at_its_current_version(client):
    assert _script_url(client.get("/glossary/")) == f"/jsi18n/?v={js_catalogue.version()}"


def test_a_french_page_loads_the_french_catalogue(client):
    assert _script_url(client.get("/fr/glossary/")).startswith("/fr/jsi18n/?v=")


def test_the_catalogue_at_its_version_may_be_kept_for_a_year(client):
    response = client.get(f"/jsi18n/?v={js_catalogue.version()}")
    assert response.status_code == 200
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]


def test_the_catalogue_at_another_version_is_not_kept(client):
    response = client.get("/jsi18n/?v=old")
    assert response.status_code == 200
    assert "immutable" not in response.get("Cache-Control", "")


def test_the_kept_french_catalogue_holds_french_words(client):
    client.get(f"/jsi18n/?v={js_catalogue.version()}")  # the English one rendered first
    french = client.get(f"/fr/jsi18n/?v={js_catalogue.version()}").content.decode()
    assert "h en avance sur UTC" in french  # "%(hours)s h ahead of UTC" (static/js/admin_utc.js)


def test_the_version_changes_with_the_compiled_words(settings, tmp_path):
    js_catalogue.version.cache_clear()
    before = js_catalogue.version()
    folder = tmp_path / "xx" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "djangojs.mo").write_bytes(b"other words")
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, tmp_path]
    js_catalogue.version.cache_clear()
    try:
        assert js_catalogue.version() != before
    finally:
        js_catalogue.version.cache_clear()

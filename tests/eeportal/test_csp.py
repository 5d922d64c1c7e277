"""The Content-Security-Policy (issue 14, controls): a strict header on every page, and pages that
live within it (no inline style, handler or script for the browser to block)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import (
    ClientFactory,
    DrawFactory,
    LanguageResultFactory,
    ReevaluationRunFactory,
    StandingFactory,
)

pytestmark = pytest.mark.django_db

# Script types a browser does not execute: data blocks such as Django's json_script.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class _InlineFinder(HTMLParser):
    """Collects what a no-'unsafe-inline' policy blocks: style attributes, on...= handlers,
    <style> elements and <script> elements without src that would run."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        for name in names:
            if name == "style" or name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
        if tag == "style":
            self.found.append("<style>")
        runs = (names.get("type") or "").lower() not in DATA_SCRIPT_TYPES
        if tag == "script" and not names.get("src") and runs:
            self.found.append("<script> without src")

    handle_startendtag = handle_starttag


def inline_code(html: bytes) -> list[str]:
    finder = _InlineFinder()
    finder.feed(html.decode())
    return finder.found


def directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    parts = (part.split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parts}


@pytest.fixture
def draw(db):
    return DrawFactory(number="434", cutoff=520)


@pytest.fixture
def file_a(firm_a, firm_a_consultant, draw):
    client = ClientFactory(firm=firm_a, first_name="Ada", last_name="Target")
    LanguageResultFactory(client=client)
    StandingFactory(client=client, draw=draw)
    ReevaluationRunFactory(draw=draw, state="done", done=4000)
    return client


PUBLIC_PAGES = ["/", "/calculator/", "/draws/", "/draws/434/", "/accounts/login/", "/glossary/"]


def _consultant_pages(file_a) -> list[str]:
    uuid = file_a.public_id
    fact = file_a.language_results.get()
    return [
        reverse("profiles:dashboard"),
        reverse("profiles:client_list"),
        reverse("profiles:client_detail", args=[uuid]),
        reverse("profiles:client_edit", args=[uuid]),
        reverse("profiles:client_delete", args=[uuid]),
        reverse("profiles:fact_create", args=[uuid, "languages"]),
        reverse("profiles:fact_delete", args=[uuid, "languages", fact.public_id]),
        reverse("profiles:client_import"),
        reverse("mfa:setup"),
        reverse("mfa:security"),
    ]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_a_public_page_sends_a_policy_allowing_only_the_sites_own_scripts(client, draw, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]


def test_the_policy_is_the_strict_one_the_issue_asks_for(client, db):
    assert directives(client.get("/")) == {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }


def test_a_signed_in_page_sends_the_same_strict_policy(client, firm_a_consultant, file_a):
    client.force_login(firm_a_consultant)
    response = client.get(reverse("profiles:dashboard"))
    assert response.status_code == 200
    assert directives(response)["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_no_public_page_holds_inline_styles_handlers_or_scripts(client, draw, path):
    assert inline_code(client.get(path).content) == []


def test_no_consultant_page_holds_inline_styles_handlers_or_scripts(
    client, firm_a_consultant, file_a
):
    client.force_login(firm_a_consultant)
    for path in _consultant_pages(file_a):
        response = client.get(path)
        assert response.status_code == 200, path
        assert inline_code(response.content) == [], path


def test_no_portal_page_holds_inline_styles_handlers_or_scripts(client, firm_a_client, draw):
    client.force_login(firm_a_client)
    for name in ("profiles:portal", "profiles:portal_documents", "profiles:portal_messages"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert inline_code(response.content) == [], name


def test_the_calculators_results_fragment_holds_no_inline_code(client, db):
    response = client.post(
        "/calculator/", {"age": "31", "education": "bachelors"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert inline_code(response.content) == []


def test_the_two_factor_qr_code_is_a_data_uri_the_policy_allows(client, firm_a_consultant):
    client.force_login(firm_a_consultant)
    response = client.get(reverse("mfa:setup"))
    assert b'src="data:image/svg+xml' in response.content
    assert "data:" in directives(response)["img-src"]


def test_htmx_is_told_not_to_inject_its_indicator_style(client, db):
    assert b"content='{\"includeIndicatorStyles\":false}'" in client.get("/").content


def test_the_api_docs_page_loads_without_inline_script(client, db):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert inline_code(response.content) == []
    assert directives(response)["script-src"] == ["'self'"]


def test_the_api_docs_start_up_script_is_served_as_javascript(client, db):
    response = client.get("/api/docs/", {"script": ""})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle(" in response.content


def test_admin_pages_hold_no_inline_scripts_or_styles(client, staff_user, draw):
    client.force_login(staff_user)
    paths = [
        reverse("admin:index"),
        reverse("admin:draws_draw_changelist"),
        reverse("admin:draws_draw_add"),
        reverse("admin:draws_draw_change", args=[draw.pk]),
    ]
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
        assert inline_code(response.content) == [], path


def test_an_import_jobs_outcome_page_holds_no_inline_code(client, firm_a_consultant, file_a):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.profiles.imports import import_through_page

    client.force_login(firm_a_consultant)
    rows = b"first_name,last_name,birth_date\nAda,Target,1990-01-01\nAda,Target,1990-01-01\n"
    job, _ = import_through_page(client, SimpleUploadedFile("c.csv", rows))
    assert job.skipped  # the skipped rows' table is on the page
    response = client.get(reverse("profiles:client_import_job", args=[job.pk]))
    assert inline_code(response.content) == []

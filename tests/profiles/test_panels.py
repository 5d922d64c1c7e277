"""Sections other apps add to the client pages through ``profiles.panels``: profiles renders
them without importing their app (DESIGN.md §1: scoring ← profiles ← draws)."""

import re
from pathlib import Path

import pytest
from django.template.backends.django import get_installed_libraries
from django.urls import reverse
from django.utils.html import format_html

from draws.panels import answer_panel, standings_panel
from profiles import panels
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[2] / "profiles" / "templates"


@pytest.fixture
def shoe_size_panel(monkeypatch):
    """A panel of a made-up app, registered in place of the real ones."""
    monkeypatch.setattr(panels, "_PANELS", {slot: [] for slot in panels.SLOTS})
    return panels.register(
        lambda request, client, page: format_html("<p>Shoe size of {}</p>", client.first_name)
    )


def test_the_consultants_client_page_shows_each_registered_panel(
    client, firm_a, firm_a_consultant, shoe_size_panel
):
    file = ClientFactory(firm=firm_a, first_name="Ada")
    client.force_login(firm_a_consultant)
    assert "<p>Shoe size of Ada</p>" in client.get(file.get_absolute_url()).content.decode()


def test_the_portal_shows_each_registered_panel(client, firm_a_client, shoe_size_panel):
    client.force_login(firm_a_client)
    page = client.get(reverse("profiles:portal")).content.decode()
    assert f"<p>Shoe size of {firm_a_client.client_file.first_name}</p>" in page


def test_text_a_panel_returns_unmarked_is_escaped(rf, firm_a, monkeypatch):
    monkeypatch.setattr(panels, "_PANELS", {slot: [] for slot in panels.SLOTS})
    panels.register(lambda request, client, page: "<script>x</script>")
    html = panels.render(rf.get("/"), ClientFactory(firm=firm_a))
    assert html == "&lt;script&gt;x&lt;/script&gt;"


def test_a_panel_registered_twice_renders_once(rf, firm_a, shoe_size_panel):
    panels.register(shoe_size_panel)
    assert panels.render(rf.get("/"), ClientFactory(firm=firm_a)).count("Shoe size") == 1


def test_draws_registers_the_standings_panel():
    assert standings_panel in panels._PANELS["after"]


def test_draws_registers_the_answer_card_first_on_the_page():
    assert answer_panel in panels._PANELS["answer"]


def test_no_profiles_template_loads_a_tag_library_of_draws():
    libraries = get_installed_libraries()
    for template in TEMPLATES.rglob("*.html"):
        for names in re.findall(r"{% load ([^%]+?) %}", template.read_text()):
            for name in names.split():
                assert not libraries.get(name, "").startswith("draws."), (template, name)

"""The glossary (issue 12, item 5): every term a client reads has a plain-words entry, and the
inline explanation of a term links to it."""

import re
from pathlib import Path

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.urls import reverse

from eeportal.glossary import BY_KEY, TERMS

ROOT = Path(__file__).resolve().parents[2]
TERM_TAG = re.compile(r"""{%\s*term\s+["']([^"']+)["']""")

# The issue names these; the site uses more.
REQUIRED = {"crs", "clb", "nclc", "eca", "teer", "tie-break", "category", "round"}


def test_the_glossary_has_an_entry_for_every_term_the_issue_names():
    assert set(BY_KEY) >= REQUIRED


def test_every_term_a_template_explains_has_a_glossary_entry():
    used = {
        key
        for path in ROOT.glob("*/templates/**/*.html")
        if ".venv" not in path.parts
        for key in TERM_TAG.findall(path.read_text())
    }
    assert used, "no template uses {% term %}"
    assert used <= set(BY_KEY), f"unknown terms: {sorted(used - set(BY_KEY))}"


def test_every_entry_is_written_in_full_sentences():
    assert all(term.short.endswith(".") and len(term.short) > 40 for term in TERMS)


@pytest.mark.django_db
def test_the_glossary_page_is_public_and_anchors_each_term(client):
    page = client.get(reverse("glossary")).content.decode()
    for term in TERMS:
        assert f'id="{term.key}"' in page


def test_a_term_renders_as_a_link_to_its_entry_that_opens_in_place():
    html = Template('{% load eeportal_tags %}{% term "tie-break" %}').render(Context())
    assert 'href="/glossary/#tie-break"' in html
    assert 'data-bs-toggle="popover"' in html
    assert "IRCC invites those created first" in html


def test_a_term_can_be_written_with_other_words():
    html = Template('{% load eeportal_tags %}{% term "crs" "CRS points" %}').render(Context())
    assert ">CRS points<" in html


def test_an_unknown_term_fails_loudly():
    with pytest.raises((KeyError, TemplateSyntaxError)):
        Template('{% load eeportal_tags %}{% term "nope" %}').render(Context())

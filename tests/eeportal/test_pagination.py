"""The one pagination block (templates/includes/pagination.html) the lists include."""

from django.core.paginator import Paginator
from django.template.loader import render_to_string


def _render(number: int, **options) -> str:
    page = Paginator(range(25), 10).get_page(number)
    return render_to_string("includes/pagination.html", {"page": page, **options})


def test_links_keep_the_other_parameters_and_use_the_page_parameter_and_anchor():
    html = _render(2, query="q=ada", parameter="standings_page", anchor="standing",
                   previous="Newer draws", next="Older draws")  # fmt: skip
    assert 'href="?q=ada&amp;standings_page=1#standing">Newer draws</a>' in html
    assert 'href="?q=ada&amp;standings_page=3#standing">Older draws</a>' in html


def test_the_page_parameter_is_page_unless_named():
    assert 'href="?page=2">Next</a>' in _render(1, query="", previous="Previous", next="Next")


def test_the_current_page_is_marked_for_screen_readers_with_an_optional_count():
    html = _render(1, label="Pages of draws", noun="draws")
    assert '<nav aria-label="Pages of draws">' in html
    assert 'aria-current="page"><span class="page-link">Page 1 of 3 (25 draws)</span>' in html


def test_a_single_page_has_no_pagination():
    page = Paginator(range(5), 10).get_page(1)
    assert render_to_string("includes/pagination.html", {"page": page}).strip() == ""

"""What readers and link previews get from every page: references that point
at something, the folded filters, and (below) titles, descriptions and the
sitemap."""

import re

import pytest
from django.urls import reverse

from core.views import active_filter_count
from tests.portal.test_views_public import PAGES

pytestmark = pytest.mark.django_db


def _url(name, slug):
    return reverse(name, args=[slug] if slug else [])


@pytest.mark.parametrize(("name", "slug"), PAGES)
def test_every_aria_reference_names_an_element_on_the_page(client, seeded, name, slug):
    html = client.get(_url(name, slug)).content.decode()
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    for attribute in ("aria-describedby", "aria-labelledby", "aria-controls"):
        for value in re.findall(rf'{attribute}="([^"]+)"', html):
            for target in value.split():
                assert target in ids, f"{attribute}={target!r} on {name} points at nothing"


def test_the_filter_panel_opens_and_counts_when_a_list_is_filtered(client, seeded):
    closed = client.get("/agreements/?search=minerals").content.decode()
    assert '<details class="more-filters">' in closed
    opened = client.get("/agreements/?kind=roadmap&status=signed").content.decode()
    assert '<details class="more-filters" open>' in opened
    assert re.search(r"Filter the list\s*\(2\)", opened)


def test_active_filter_count_ignores_empty_values_and_non_filters():
    from django.http import QueryDict

    query = QueryDict("kind=&status=signed&status=&as_of=2024-01-01&page=2&search=x&format=csv")
    assert active_filter_count(query) == 1

"""`as_of` on every page type (docs/STATUS.md, section 4): what the page
shows is what stood on that day, an invalid date is a visible 400, and
"Show today's" keeps the other filters."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from core.views import AsOfMixin
from tests.support.url_walk import routes

pytestmark = pytest.mark.django_db


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def public_page_urls() -> list[str]:
    """Every page that takes as_of, from the URL resolver, each detail page
    with a record of its own kind (the first the public may see)."""
    urls = []
    for route in routes():
        view_class = getattr(route.callback, "view_class", None)
        if not (view_class and issubclass(view_class, AsOfMixin)) or not route.name:
            continue
        if not route.params:
            urls.append(route.url())
            continue
        view = view_class()
        view.request, view.kwargs = RequestFactory().get("/"), {}
        record = view.get_queryset().first()
        assert record is not None, route.name
        urls.append(route.url(**{name: getattr(record, name) for name in route.params}))
    return urls


def test_every_public_page_refuses_an_as_of_that_is_not_a_date(client, seeded):
    urls = public_page_urls()
    assert len(urls) > 15
    for url in urls:
        separator = "&" if "?" in url else "?"
        response = client.get(f"{url}{separator}as_of=2024-02-30")
        assert response.status_code == 400, url
        body = response.content.decode()
        assert "as_of=&#x27;2024-02-30&#x27; is not a real date" in body, url
        assert 'role="alert"' in body


def test_the_agreement_page_as_of_before_its_signing(client, seeded):
    url = reverse("agreements:agreement-detail", args=("spca",))
    page = _page(client, f"{url}?as_of=2024-03-15")
    assert "not yet on that date" in page
    assert "April 2024," not in page and "<dd>April 2024" not in page
    assert "Status on 15 March 2024" in page
    assert "negotiating" in page
    # Its review at the 8th Strategic Dialogue (February 2025) was still to come.
    assert "Discussed at" not in page
    today = _page(client, url)
    assert "<dd>April 2024" in today and "Discussed at" in today


def test_lists_as_of_show_only_what_was_on_record_then(client, seeded):
    agreements = reverse("agreements:agreement-list")
    early = _page(client, f"{agreements}?as_of=2023-06-30")
    assert "Strategic Partnership and Cooperation" in early  # under negotiation
    assert "/agreements/mou-seasonal-workers-2025/" not in early  # signed in 2025
    assert "/agreements/mou-seasonal-workers-2025/" in _page(client, agreements)
    meetings = _page(client, f"{reverse('dialogue:meeting-list')}?as_of=2024-12-31")
    assert "/meetings/strategic-dialogue-8/" not in meetings
    assert "/meetings/strategic-dialogue-8/" in _page(client, reverse("dialogue:meeting-list"))
    figures_now = _page(client, reverse("agreements:figure-list"))
    figures_then = _page(client, f"{reverse('agreements:figure-list')}?as_of=2019-12-31")
    assert figures_then.count("<tr") < figures_now.count("<tr")


def test_the_timeline_as_of_ends_on_that_day(client, seeded):
    timeline = reverse("portal:timeline")
    then = _page(client, f"{timeline}?as_of=2024-12-31")
    assert "11 February 2025" not in then
    assert "11 February 2025" in _page(client, timeline)


def test_show_todays_keeps_the_other_filters(client, seeded):
    url = reverse("agreements:agreement-list")
    page = _page(client, f"{url}?kind=mou&as_of=2025-06-01")
    assert f'href="{url}?kind=mou">' in page


def test_the_api_lists_as_of_exclude_what_was_not_on_record(api_client, seeded):
    early = api_client.get("/api/v1/agreements/?as_of=2023-06-30").json()["results"]
    assert "mou-seasonal-workers-2025" not in [row["slug"] for row in early]
    steps = api_client.get("/api/v1/status-events/?agreement=spca&as_of=2024-12-31").json()
    assert [row["date"] for row in steps["results"]][-1] == "2024-07-01"

"""The public pages: every page type renders from the seed data, answers the
reader's questions, honours filters, search, sorting and `as_of`, and costs a
bounded number of queries whatever the number of rows."""

import csv
import io
import re

import pytest
from django.urls import reverse

from agreements.models import AgreementStatus
from core.dates import DatePrecision
from tests.support import factories
from tests.support.inline import inline_code

pytestmark = pytest.mark.django_db

PAGES = [
    ("portal:dashboard", None),
    ("agreements:agreement-list", None),
    ("agreements:agreement-detail", "spca"),
    ("agreements:commitment-list", None),
    ("agreements:commitment-detail", "cardiff-university-campus-kazakhstan"),
    ("agreements:figure-list", None),
    ("agreements:figure-detail", "british-companies-in-kazakhstan-580"),
    ("portal:timeline", None),
    ("dialogue:meeting-list", None),
    ("dialogue:meeting-detail", "strategic-dialogue-8"),
    ("dialogue:series-detail", "kz-uk-strategic-dialogue"),
    ("people:person-list", None),
    ("people:person-detail", "roman-vassilenko"),
    ("people:organisation-list", None),
    ("people:organisation-detail", "united-kingdom"),
    ("topics:topic-list", None),
    ("topics:topic-detail", "critical-minerals"),
    ("evidence:source-list", None),
    ("evidence:source-detail", "kazinform-2025-02-strategic-dialogue-8"),
    ("portal:search", None),
    ("portal:glossary", None),
]


# 16 to build the page, and 1 to read the content version for the page cache's key.
PAGE_QUERY_BUDGET = 17


def _url(name, slug=None):
    return reverse(name, args=(slug,) if slug else ())


@pytest.mark.parametrize(("name", "slug"), PAGES, ids=[name for name, _ in PAGES])
@pytest.mark.parametrize("as_of", ["", "2023-12-31"])
def test_every_page_renders_with_a_bounded_number_of_queries(
    seeded, client, name, slug, as_of, django_assert_max_num_queries
):
    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        response = client.get(_url(name, slug), {"as_of": as_of} if as_of else {})
    assert response.status_code == 200
    content = response.content.decode()
    assert '<main id="main"' in content
    assert content.count("<h1") == 1
    # No inline script or style of any kind: the policy allows none.
    assert inline_code(content) == []


LIST_PAGES = [
    name
    for name, slug in PAGES
    if slug is None and name not in ("portal:dashboard", "portal:glossary")
]


def _list_query(name: str) -> dict:
    if name == "portal:search":
        return {"q": "Agreement"}  # it lists nothing until asked: ask for what the rows are called
    if name == "portal:timeline":
        return {"year": "2020"}  # one year at a time: the year grow_every_list dates its records in
    return {}


def test_list_queries_do_not_grow_with_rows(seeded, client):
    """10 more rows of every kind, each linked to the others: every list
    shows more, for the same number of queries. One growth for every list
    page (it is the slow part), each page measured before and after."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    # The timeline's year already holding every kind grow_every_list makes,
    # so that only its rows grow.
    factories.grow_every_list(3)

    def shown(name):
        client.get(_url(name), _list_query(name))  # warm the per-process caches (content types)
        cache.clear()  # and not served from the page cache
        with CaptureQueriesContext(connection) as captured:
            response = client.get(_url(name), _list_query(name))
        assert response.status_code == 200, name
        return len(captured), _rows_listed(response)

    before = {name: shown(name) for name in LIST_PAGES}
    factories.grow_every_list(10)
    for name, (queries, rows) in before.items():
        more_queries, more_rows = shown(name)
        assert more_rows > rows, name
        # (Fewer is possible: the timeline's page may then hold fewer kinds of records.)
        assert more_queries <= queries <= PAGE_QUERY_BUDGET, name


def _rows_listed(response) -> int:
    """How many rows the list has in all (every page), or shows on its one page."""
    context = response.context
    paginator = context.get("paginator") or getattr(context.get("page_obj"), "paginator", None)
    if paginator is not None:
        return paginator.count
    return len(re.findall(r"<li|<tr", response.content.decode()))


def test_the_spca_status_since_when_and_says_who_within_two_clicks(seeded, client):
    dashboard = client.get("/").content.decode()
    spca_url = reverse("agreements:agreement-detail", args=("spca",))
    assert f'href="{spca_url}"' in dashboard
    assert "ratification pending" in dashboard

    detail = client.get(spca_url).content.decode()
    # Pending since the UK's review began; the 8th Strategic Dialogue only confirmed it.
    assert "since July 2024" in detail
    assert "last confirmed 11 February 2025" in detail
    assert "which was signed in April 2024" in detail
    assert "Protecting workers, energy, and education" in detail  # the source's title
    assert re.search(r'href="/sources/[a-z0-9-]+/#q-\d+"', detail)


def test_the_timeline_shows_each_step_with_its_precision_party_and_quotes(seeded, client):
    detail = client.get(reverse("agreements:agreement-detail", args=("spca",))).content.decode()
    for shown in (
        "2023 (inferred):",
        "April 2024:",
        "July 2024 (inferred):",
        "11 February 2025 (inferred): confirmed still",
    ):
        assert shown in detail
    assert "United Kingdom" in detail
    # A translated text is not escaped again: the apostrophe is as written.
    assert "<caption>Each party's track</caption>" in detail


@pytest.mark.dates
def test_as_of_shows_the_status_as_it_stood(seeded, client):
    url = reverse("agreements:agreement-detail", args=("spca",))
    then = client.get(url, {"as_of": "2023-12-31"}).content.decode()
    assert "Status on 31 December 2023" in then
    assert 'class="status status-negotiating"' in then.split('id="timeline"')[0]
    assert "After the chosen date." in then
    listing = client.get(reverse("agreements:agreement-list"), {"as_of": "2023-12-31"})
    assert "negotiating" in listing.content.decode()
    signed = client.get(
        reverse("agreements:agreement-list"), {"as_of": "2023-12-31", "status": "signed"}
    )
    assert "Strategic Partnership" not in signed.content.decode()


def test_filters_search_and_sorting_narrow_the_list(seeded, client):
    url = reverse("agreements:agreement-list")
    by_kind = client.get(url, {"kind": "roadmap"}).content.decode()
    assert "Roadmap for cooperation in critical minerals" in by_kind
    assert "Strategic Partnership" not in by_kind
    searched = client.get(url, {"search": "seasonal workers"}).content.decode()
    assert "seasonal workers" in searched
    assert "Roadmap for cooperation" not in searched
    by_topic = client.get(url, {"topic": "labour-rights"}).content.decode()
    assert "seasonal workers" in by_topic
    ordered = client.get(url, {"ordering": "title"}).content.decode()
    titles = re.findall(r'<td><a href="/agreements/[^"]+">([^<]+)</a>', ordered)
    assert titles == sorted(titles)


def test_the_filter_state_is_in_the_url_and_survives_paging(seeded, client):
    response = client.get(reverse("agreements:commitment-list"), {"open": "true"})
    assert response.context["querystring"] == "open=true"
    assert 'name="open"' in response.content.decode()


def test_a_long_relation_is_typed_as_slugs_not_offered_as_every_choice(seeded, client):
    """A national archive has thousands of organisations and meetings: the
    page must not send each of them as an option of a select."""
    for number in range(60):
        factories.organisation(name=f"Many parties {number}")
    page = client.get(_url("agreements:agreement-list"), {"party": "kazakhstan, united-kingdom"})
    content = page.content.decode()
    assert "Many parties" not in content
    assert 'name="party" value="kazakhstan, united-kingdom"' in content
    assert "spca" in content
    # A short vocabulary is still offered as choices.
    assert '<select name="topic"' in content
    # The API takes the same list, and still the repeated parameter.
    api = "/api/v1/agreements/"
    by_commas = client.get(api, {"party": "kazakhstan,united-kingdom"}).json()["results"]
    repeated = client.get(f"{api}?party=kazakhstan&party=united-kingdom").json()["results"]
    assert by_commas == repeated
    assert "spca" in [row["slug"] for row in by_commas]


def test_empty_results_say_so(seeded, client):
    response = client.get(reverse("agreements:agreement-list"), {"search": "zeppelin"})
    assert "No agreements match these filters." in response.content.decode()


def test_an_invalid_filter_is_reported_not_ignored(seeded, client):
    response = client.get(reverse("agreements:agreement-list"), {"signed_after": "soon"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "Some filters are not valid" in content
    assert "No agreements match" in content


def test_meetings_are_grouped_by_series(seeded, client):
    content = client.get(reverse("dialogue:meeting-list")).content.decode()
    assert "Kazakhstan" in content and "Strategic Dialogue" in content
    assert "Other meetings and visits" in content


def test_a_meeting_shows_chairs_topics_and_outcomes(seeded, client):
    content = client.get(
        reverse("dialogue:meeting-detail", args=("strategic-dialogue-8",))
    ).content.decode()
    assert "Roman Vassilenko" in content and "Stephen Doughty" in content
    assert "co-chair" in content
    assert "seasonal workers" in content


def test_disagreeing_figures_are_side_by_side(seeded, client):
    content = client.get(
        reverse("agreements:figure-detail", args=("british-companies-in-kazakhstan-580",))
    ).content.decode()
    assert "What each source says" in content
    assert "580" in content and "550" in content


def test_the_source_page_highlights_every_quote_and_links_it_to_its_fact(seeded, client):
    from evidence.models import Source

    source = Source.objects.get(slug="kazinform-2025-02-strategic-dialogue-8")
    content = client.get(source.get_absolute_url()).content.decode()
    for citation in source.citations.all():
        assert f'id="q-{citation.pk}"' in content
    assert "<mark" in content
    assert 'href="/agreements/spca/#event-' in content
    assert 'href="/meetings/strategic-dialogue-8/#participant-' in content


def test_the_source_text_is_escaped_even_inside_highlights(db, client):
    source = factories.source(text='He said <script>alert("x")</script> &amp; left.')
    factories.citation(factories.agreement(), source, '<script>alert("x")</script>')
    content = client.get(source.get_absolute_url()).content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;" in content


def test_csv_download_honours_filters_and_neutralises_formulas(seeded, client):
    factories.agreement(title='=HYPERLINK("http://evil")', slug="formula")
    response = client.get(reverse("agreements:agreement-list"), {"format": "csv", "kind": "mou"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert {row["kind"] for row in rows} == {"mou"}
    formula = next(row for row in rows if row["slug"] == "formula")
    assert formula["title"].startswith("'=")
    assert "mou-seasonal-workers-2025" in {row["slug"] for row in rows}


@pytest.mark.parametrize(
    "name",
    [
        name
        for name, slug in PAGES
        if slug is None
        and name not in ("portal:dashboard", "portal:timeline", "portal:search", "portal:glossary")
    ],
)
def test_every_list_downloads_as_csv(seeded, client, name):
    response = client.get(_url(name), {"format": "csv"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) > 1
    assert rows[0][0] == "slug"


def test_the_timeline_filters_by_year_and_topic(seeded, client):
    url = reverse("portal:timeline")
    year = client.get(url, {"year": "2024"}).content.decode()
    assert "April 2024" in year
    assert "11 February 2025" not in year
    topic = client.get(url, {"topic": "labour-rights"}).content.decode()
    assert "seasonal workers" in topic
    assert "Critical minerals roadmap" not in topic
    bad = client.get(url, {"year": "last"}).content.decode()
    assert "Some filters were not valid" in bad


def test_the_atom_feeds_list_status_changes(seeded, client):
    feed = client.get(reverse("agreements:status-feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    content = feed.content.decode()
    assert "<feed" in content and "ratification pending" in content
    one = client.get(reverse("agreements:agreement-feed", args=("spca",))).content.decode()
    assert one.count("<entry>") == 4


def test_detail_pages_of_unknown_slugs_are_404(seeded, client):
    assert client.get(reverse("agreements:agreement-detail", args=("nope",))).status_code == 404
    assert client.get(reverse("agreements:agreement-feed", args=("nope",))).status_code == 404


def test_a_status_step_known_to_the_month_is_shown_as_a_month(db, client):
    agreement = factories.agreement(title="Test agreement")
    factories.status_event(agreement, AgreementStatus.SIGNED, "2024-03-01", DatePrecision.MONTH)
    content = client.get(agreement.get_absolute_url()).content.decode()
    assert "March 2024" in content
    assert "1 March 2024" not in content

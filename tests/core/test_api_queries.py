"""Query budgets: the number of queries a request makes is bounded, and does
not grow with the number of rows on the page (no N+1)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from core.api.pagination import FilterBackend
from evidence.models import cited_types
from kzuk_site.api import router
from opendata.changes import one_bulk_write
from tests.support import factories
from topics.models import Topic

pytestmark = pytest.mark.django_db

# The content version (under which the count is kept, core.counting), count,
# page, parties, signatories, topics, meetings made at, meetings discussed
# at, citations (with their sources, one join), status events (with their
# party), the events' citations, relations (with their target).
AGREEMENT_LIST_BUDGET = 12
# The lean row: the content version, count, page, parties, topics.
AGREEMENT_LEAN_LIST_BUDGET = 5
# The detail: as the full row, but the citations of the agreement and of its
# steps in one query (evidence.models.fetch_citations).
AGREEMENT_DETAIL_BUDGET = 9
SOURCE_TEXT = "The two sides signed the memorandum in London. Ratification is pending."


def make_agreements(count: int) -> None:
    """`count` agreements, each with two parties, a topic, a citation, and two
    status events, one of them cited and one side's. The changes feed's
    entries are worked out once for the lot, as for the loader's saves."""
    with one_bulk_write():
        _make_agreements(count)


def _make_agreements(count: int) -> None:
    source = factories.source(text=SOURCE_TEXT)
    kazakhstan, united_kingdom = factories.organisation(), factories.organisation()
    topic = Topic.objects.create(slug=f"topic-{count}", name="A topic")
    for _ in range(count):
        agreement = factories.agreement()
        agreement.parties.set([kazakhstan, united_kingdom])
        agreement.topics.set([topic])
        factories.citation(agreement, source, "signed the memorandum")
        signed = factories.status_event(agreement, "signed", "2024-01-01", party=united_kingdom)
        factories.citation(signed, source, "in London")
        factories.status_event(agreement, "ratification_pending", "2024-06-01")


def queries_for(client, path: str) -> int:
    """The queries of one request, with nothing kept from earlier ones: a
    list's count is kept once made (core.counting), so the first reader of
    a list after a write pays the most, and that is what is measured."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, path
    return len(captured)


@pytest.fixture
def thirty_agreements(db):
    make_agreements(30)


@pytest.mark.parametrize("page_size", [5, 100])
def test_the_agreement_list_costs_the_same_for_any_page_size(
    api_client, thirty_agreements, django_assert_max_num_queries, page_size
):
    with django_assert_max_num_queries(AGREEMENT_LIST_BUDGET):
        response = api_client.get(f"/api/v1/agreements/?page_size={page_size}&expand=all")
    rows = response.json()["results"]
    assert len(rows) == min(page_size, 30)
    assert all(len(row["status_history"]) == 2 and row["citations"] for row in rows)
    with django_assert_max_num_queries(AGREEMENT_LEAN_LIST_BUDGET):
        response = api_client.get(f"/api/v1/agreements/?page_size={page_size}")
    assert len(response.json()["results"]) == min(page_size, 30)


@pytest.mark.parametrize("shape", ["", "&expand=all"])
def test_five_rows_or_a_hundred_the_same_number_of_queries(api_client, thirty_agreements, shape):
    few = queries_for(api_client, f"/api/v1/agreements/?page_size=5{shape}")
    many = queries_for(api_client, f"/api/v1/agreements/?page_size=100{shape}")
    assert few == many
    # as_of adds an annotation to the same query, not a query per row.
    assert (
        queries_for(api_client, f"/api/v1/agreements/?page_size=100&as_of=2024-03-01{shape}")
        == many
    )


def test_an_agreement_in_detail(api_client, thirty_agreements, django_assert_max_num_queries):
    slug = api_client.get("/api/v1/agreements/?page_size=1").json()["results"][0]["slug"]
    with django_assert_max_num_queries(AGREEMENT_DETAIL_BUDGET):
        assert api_client.get(f"/api/v1/agreements/{slug}/").status_code == 200


def test_csv_queries_do_not_grow_with_rows(api_client, db, django_assert_max_num_queries):
    make_agreements(5)
    few = queries_for(api_client, "/api/v1/agreements/?format=csv")
    make_agreements(60)
    with django_assert_max_num_queries(few):
        rows = queries_for(api_client, "/api/v1/agreements/?format=csv")
    assert rows == few


LISTS = (
    "agreements",
    "status-events",
    "commitments",
    "commitment-status-events",
    "figures",
    "meetings",
    "meeting-series",
    "people",
    "organisations",
    "topics",
    "sources",
    "citations",
)


def budget(endpoint: str) -> int:
    # A citation's cited record is fetched by a generic prefetch: one query
    # per kind of record on the page, a constant.
    return 3 + len(cited_types()) if endpoint == "citations" else 13


@pytest.mark.parametrize("endpoint", LISTS)
@pytest.mark.parametrize("shape", ["", "&expand=all"])
def test_every_list_of_the_seed_data_is_bounded(
    api_client, seeded, django_assert_max_num_queries, endpoint, shape
):
    one = queries_for(api_client, f"/api/v1/{endpoint}/?page_size=1{shape}")
    with django_assert_max_num_queries(budget(endpoint)):
        everything = queries_for(api_client, f"/api/v1/{endpoint}/?page_size=500{shape}")
    if endpoint == "citations":
        assert everything > one  # more kinds of record on the page, not more rows
    else:
        assert everything == one


FORMATS = ("json", "json&expand=all", "csv")


@pytest.mark.parametrize("endpoint", LISTS)
def test_no_list_costs_more_queries_with_more_rows(api_client, seeded, endpoint):
    """Every kind of row grown at once, each linked to the others, so every
    list and every relation it prefetches has more; each format of the
    list measured before and after (one growth for all three: it is the
    slow part)."""
    paths = {format_: f"/api/v1/{endpoint}/?page_size=500&format={format_}" for format_ in FORMATS}

    def rows(format_) -> int:
        response = api_client.get(paths[format_])
        if format_.startswith("csv"):
            return len(b"".join(response.streaming_content).splitlines()) - 1
        return len(response.json()["results"])

    before = {f: (queries_for(api_client, paths[f]), rows(f)) for f in FORMATS}
    factories.grow_every_list(10)
    for format_, (queries_before, rows_before) in before.items():
        assert rows(format_) > rows_before, format_
        assert queries_for(api_client, paths[format_]) <= queries_before, format_


@pytest.mark.parametrize("endpoint", LISTS)
def test_every_detail_of_the_seed_data_is_bounded(
    api_client, seeded, django_assert_max_num_queries, endpoint
):
    first = api_client.get(f"/api/v1/{endpoint}/?page_size=1").json()["results"][0]
    with django_assert_max_num_queries(12):
        assert api_client.get(first["url"]).status_code == 200


FILTERED_VIEWSETS = [
    viewset for _prefix, viewset, _basename in router.registry if viewset.filterset_class
]


@pytest.mark.parametrize("viewset", FILTERED_VIEWSETS, ids=lambda viewset: viewset.__name__)
def test_a_detail_naming_no_filter_reads_the_filtersets_own_queryset(db, rf, viewset):
    """A detail request that names no filter skips making the FilterSet
    (core.api.pagination.FilterBackend): its `unfiltered` must be exactly
    what the FilterSet gives with no parameters."""
    request = rf.get("/")
    request.listing = False
    queryset = viewset.queryset.all()
    made = viewset.filterset_class(data=QueryDict(), queryset=queryset, request=request)
    assert made.is_valid()
    assert str(viewset.filterset_class.unfiltered(queryset).query) == str(made.qs.query)


def test_a_detail_skips_the_filterset_unless_a_filter_is_named(api_client, db, monkeypatch):
    agreement = factories.agreement()
    factories.status_event(agreement, "signed", "2024-01-01")
    path = f"/api/v1/agreements/{agreement.slug}/"
    made = []
    original = FilterBackend.get_filterset

    def counting(self, request, queryset, view):
        made.append(view.action)
        return original(self, request, queryset, view)

    monkeypatch.setattr(FilterBackend, "get_filterset", counting)
    plain = api_client.get(path)
    assert plain.status_code == 200 and made == []
    # Through the FilterSet, with a filter that keeps it: the same record.
    kept = api_client.get(path, {"updated_since": "2000-01-01T00:00:00Z"})
    assert made == ["retrieve"]
    assert kept.json() == plain.json() and kept["ETag"] == plain["ETag"]
    # A named filter still decides, as on a list.
    assert api_client.get(path, {"status": "terminated"}).status_code == 404
    assert api_client.get(path, {"status": "signed"}).status_code == 200
    assert api_client.get(path, {"as_of": "2023-06-01"}).json()["status_as_of"] is None

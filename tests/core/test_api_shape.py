"""Choosing the shape of an answer: `fields=` and `expand=` on every
resource, a lean list row by default and the full record in detail, with
query counts that do not grow with the page (core/api/shape.py)."""

import pytest

from tests.core.test_api_queries import make_agreements, queries_for
from tests.support import factories

pytestmark = pytest.mark.django_db

# Each resource: a field its lean list row keeps, and the expandable fields
# (left out of the lean row, in the detail).
RESOURCES = {
    "agreements": ("title", {"status_history", "citations", "tracks", "parties_summary"}),
    "commitments": ("title", {"status_history", "citations", "parties_summary", "people"}),
    "status-events": ("date_text", {"citations"}),
    "commitment-status-events": ("date_text", {"citations"}),
    "figures": ("value", {"citations"}),
    "meetings": ("start_on_text", {"citations", "topics_summary"}),
    "meeting-series": ("name", {"meetings", "citations"}),
    "people": ("name", {"posts", "citations"}),
    "organisations": ("name", {"citations"}),
    "topics": ("name", set()),
    "sources": ("title", set()),
    "citations": ("quote", set()),
}


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_list_is_lean_and_expands(api_client, seeded, resource):
    kept, heavy = RESOURCES[resource]
    lean = api_client.get(f"/api/v1/{resource}/?page_size=3").json()["results"]
    assert lean and all(kept in row and not heavy & set(row) for row in lean)
    full = api_client.get(f"/api/v1/{resource}/?page_size=3&expand=all").json()["results"]
    assert all(heavy <= set(row) for row in full)
    if heavy:
        one = sorted(heavy)[0]
        rows = api_client.get(f"/api/v1/{resource}/?page_size=3&expand={one}").json()["results"]
        assert all(set(row) & heavy == {one} for row in rows)


@pytest.mark.parametrize("resource", RESOURCES)
def test_every_detail_is_full_and_takes_fields(api_client, seeded, resource):
    kept, heavy = RESOURCES[resource]
    row = api_client.get(f"/api/v1/{resource}/?page_size=1").json()["results"][0]
    detail = api_client.get(row["url"]).json()
    assert heavy <= set(detail)
    narrow = api_client.get(row["url"], {"fields": f"url,{kept}"}).json()
    assert set(narrow) == {"url", kept}


@pytest.mark.parametrize("resource", RESOURCES)
def test_fields_narrow_a_list_to_the_named_ones_in_the_schema_order(api_client, seeded, resource):
    kept, heavy = RESOURCES[resource]
    named = [kept, "url", *sorted(heavy)[:1]]
    rows = api_client.get(f"/api/v1/{resource}/", {"fields": ",".join(named)}).json()["results"]
    # Naming an expandable field is enough to have it.
    assert rows and all(set(row) == set(named) for row in rows)


def test_repeated_parameters_add_up(api_client, seeded):
    rows = api_client.get("/api/v1/agreements/?fields=slug&fields=status").json()["results"]
    assert all(list(row) == ["slug", "status"] for row in rows)


@pytest.mark.parametrize(
    ("query", "parameter", "named"),
    [
        ("fields=slug,nonsense", "fields", "nonsense"),
        ("expand=title", "expand", "title"),
        ("expand=status_history,quotes", "expand", "quotes"),
    ],
)
def test_an_unknown_field_is_a_400_naming_it(api_client, seeded, query, parameter, named):
    response = api_client.get(f"/api/v1/agreements/?{query}")
    assert response.status_code == 400
    [message] = response.json()[parameter]
    assert named in message and "choose from" in message


def test_csv_keeps_its_flat_columns_and_fields_narrows_them(api_client, seeded):
    from tests.core.test_api_http import csv_rows

    rows = csv_rows(api_client.get("/api/v1/agreements/?format=csv&expand=all"))
    assert "status_history" not in rows[0] and "parties" in rows[0]
    rows = csv_rows(api_client.get("/api/v1/agreements/?format=csv&fields=title,slug"))
    # In the CSV's own column order; a translated column brings the language
    # of its cell (docs/API.md, "Languages").
    assert list(rows[0]) == ["slug", "title", "title_lang"]
    # A field that is not a CSV column is left out; an unknown one is a 400.
    rows = csv_rows(api_client.get("/api/v1/agreements/?format=csv&fields=slug,status_history"))
    assert list(rows[0]) == ["slug"]
    refused = api_client.get("/api/v1/agreements/?format=csv&fields=slug,nonsense")
    assert refused.status_code == 400 and "nonsense" in refused.json()["fields"][0]


def test_writes_answer_with_the_full_record(editor_client, seeded):
    response = editor_client.patch(
        "/api/v1/agreements/spca/?fields=slug", {"summary": "Changed."}, format="json"
    )
    assert response.status_code == 200
    assert {"status_history", "citations", "summary"} <= set(response.json())


@pytest.fixture
def fifty_agreements(db):
    make_agreements(50)


# The content version (core.counting keeps the count under it), count, page;
# the lean row adds parties and topics; the full row their
# steps (with parties), the steps' quotes, quotes, signatories, meetings
# made at and discussed at, and relations.
@pytest.mark.parametrize(
    ("shape", "budget"),
    [("fields=slug,title,status", 3), ("", 5), ("expand=all", 12)],
)
@pytest.mark.parametrize("page_size", [5, 50])
def test_query_counts_do_not_grow_with_the_page(
    api_client, fifty_agreements, django_assert_max_num_queries, shape, budget, page_size
):
    with django_assert_max_num_queries(budget):
        response = api_client.get(f"/api/v1/agreements/?page_size={page_size}&{shape}")
    assert len(response.json()["results"]) == page_size


def test_the_lean_list_makes_fewer_queries_than_the_full_one(api_client, fifty_agreements):
    lean = queries_for(api_client, "/api/v1/agreements/?page_size=50")
    full = queries_for(api_client, "/api/v1/agreements/?page_size=50&expand=all")
    tracks = queries_for(api_client, "/api/v1/agreements/?page_size=50&expand=tracks")
    assert lean < tracks < full


def test_every_resource_lean_and_full_within_budget(api_client, db, django_assert_max_num_queries):
    """Five rows or fifty of every resource, lean and full: the same queries."""
    factories.grow_every_list(50)
    for resource in RESOURCES:
        for shape in ("", "&expand=all"):
            few = queries_for(api_client, f"/api/v1/{resource}/?page_size=5{shape}")
            with django_assert_max_num_queries(few):
                queries_for(api_client, f"/api/v1/{resource}/?page_size=50{shape}")


def test_the_schema_lists_fields_and_expand_with_their_values(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()
    parameters = {
        parameter["name"]: parameter
        for parameter in schema["paths"]["/api/v1/agreements/"]["get"]["parameters"]
    }
    expand = parameters["expand"]
    assert expand["style"] == "form" and expand["explode"] is False
    assert {"status_history", "citations", "tracks", "all"} <= set(
        expand["schema"]["items"]["enum"]
    )
    assert "signed_on_text" in parameters["fields"]["schema"]["items"]["enum"]
    detail = schema["paths"]["/api/v1/agreements/{slug}/"]["get"]["parameters"]
    assert {"fields", "expand"} <= {parameter["name"] for parameter in detail}
    topics = schema["paths"]["/api/v1/topics/"]["get"]["parameters"]
    assert "fields" in {parameter["name"] for parameter in topics}

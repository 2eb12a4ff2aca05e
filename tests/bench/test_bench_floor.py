"""The benchmark's floor (bench/floor.py) must fetch what the API returns,
or its ratios mean nothing: the same rows, in the same order, with the same
fields. Its SQL is PostgreSQL's; the PostgreSQL run of the suite checks it."""

import json

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.urls("bench.urls"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the floor is PostgreSQL SQL; the PostgreSQL run of the suite covers it",
    ),
]

# What the API adds that has no meaning without ?as_of=.
AS_OF_FIELDS = {
    "status_as_of",
    "status_as_of_date",
    "status_as_of_date_precision",
    "status_as_of_date_inferred",
    "status_confirmed_as_of",
    "status_confirmed_as_of_precision",
    "status_confirmed_as_of_inferred",
    "status_as_of_date_text",
    "status_confirmed_as_of_text",
}


@pytest.mark.parametrize(
    "query", ["", "&status=ratification_pending", "&topic=energy", "&search=partnership"]
)
@pytest.mark.parametrize("shape", ["", "&expand=all"])
def test_the_floor_lists_the_api_s_rows_and_fields(seeded, client, query, shape):
    api = client.get(f"/api/v1/agreements/?page_size=100{query}{shape}").json()
    floor = client.get(f"/floor/api/agreements/?page_size=100{query}{shape}").json()
    assert floor["count"] == api["count"]
    assert [row["slug"] for row in floor["results"]] == [row["slug"] for row in api["results"]]
    for api_row, floor_row in zip(api["results"], floor["results"], strict=True):
        assert set(floor_row) == set(api_row) - AS_OF_FIELDS
        for name in ("parties", "topics", "signed_on_text", "status_since_text"):
            assert floor_row[name] == api_row[name]
        if shape:
            assert floor_row["status_history"] == api_row["status_history"]
            assert floor_row["citations"] == api_row["citations"]


def test_the_floor_details_the_api_s_fields(seeded, client):
    api = client.get("/api/v1/agreements/spca/").json()
    floor = client.get("/floor/api/agreements/spca/").json()
    assert set(floor) == set(api) - AS_OF_FIELDS
    assert floor["status_history"] == api["status_history"]
    assert json.loads(json.dumps(floor["tracks"], default=str)) == api["tracks"]
    assert floor["is_stale"] == api["is_stale"]


@pytest.mark.parametrize(
    "path",
    ["/floor/agreements/", "/floor/agreements/spca/", "/floor/dashboard/", "/floor/timeline/"],
)
def test_the_page_floors_show_the_rows(seeded, client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert "Strategic Partnership" in response.content.decode()

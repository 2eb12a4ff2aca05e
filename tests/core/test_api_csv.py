"""CSV of the seed data: flat columns, related slugs joined with `;`, on
every list endpoint. (Streaming, paging and formula neutralising are in
test_api_http.py.)"""

from unittest.mock import patch

import pytest
from rest_framework import serializers

from tests.core.test_api_http import csv_rows

pytestmark = pytest.mark.django_db

AGREEMENTS = "/api/v1/agreements/"


def test_csv_has_flat_columns_with_related_slugs_joined(api_client, seeded):
    response = api_client.get(f"{AGREEMENTS}?format=csv")
    assert response["Content-Disposition"] == 'attachment; filename="agreement.csv"'
    rows = csv_rows(response)
    assert len(rows) == 4
    spca = next(row for row in rows if row["slug"] == "spca")
    assert spca["parties"] == "kazakhstan;united-kingdom"
    assert spca["status"] == "ratification_pending"
    assert spca["requires_ratification"] == "true"
    assert spca["signed_on"] == "2024-04-01"
    assert "status_history" not in spca and "citations" not in spca


def test_csv_honours_filters_and_as_of(api_client, seeded):
    rows = csv_rows(api_client.get(f"{AGREEMENTS}?format=csv&as_of=2023-12-31&status=negotiating"))
    assert [(row["slug"], row["status_as_of"]) for row in rows] == [("spca", "negotiating")]


@pytest.mark.parametrize(
    "endpoint",
    [
        "meetings",
        "meeting-series",
        "commitments",
        "people",
        "organisations",
        "sources",
        "citations",
        "figures",
        "topics",
        "status-events",
        "commitment-status-events",
    ],
)
def test_every_list_speaks_csv(api_client, seeded, endpoint):
    json_count = api_client.get(f"/api/v1/{endpoint}/").json()["count"]
    rows = csv_rows(api_client.get(f"/api/v1/{endpoint}/?format=csv"))
    assert len(rows) == json_count > 0


@pytest.mark.parametrize("endpoint", ["agreements", "status-events", "citations"])
def test_csv_builds_its_row_fields_once_whatever_the_rows(api_client, seeded, endpoint):
    # A serializer per row deep-copied every field again for each row: most
    # of a CSV page's time, where the JSON list builds them once.
    builds = []
    original = serializers.ModelSerializer.get_fields

    def counted(self):
        builds.append(type(self).__name__)
        return original(self)

    counts = {}
    for query in ("page_size=1", "page_size=100", ""):
        builds.clear()
        with patch.object(serializers.ModelSerializer, "get_fields", counted):
            rows = csv_rows(api_client.get(f"/api/v1/{endpoint}/?format=csv&{query}"))
        counts[query] = len(builds)
        if query != "page_size=1":
            assert len(rows) > 1
    assert counts["page_size=1"] == counts["page_size=100"] == counts[""]

"""HTTP behaviour shared by every endpoint: pagination, CSV, errors,
conditional GET, throttling, CORS, and the OpenAPI schema and its docs.
Small factories only; CSV of the seed data is in test_api_csv.py."""

import csv
import io
from io import StringIO

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from core.api.viewsets import CSVRenderer
from tests.support import factories
from tests.support.inline import inline_code

pytestmark = pytest.mark.django_db

AGREEMENTS = "/api/v1/agreements/"


@pytest.fixture
def sixty_agreements(db):
    return [factories.agreement(slug=f"agreement-{number:02d}") for number in range(60)]


def csv_rows(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(body)))


# Pagination ------------------------------------------------------------------


def test_fifty_a_page_by_default(api_client, sixty_agreements):
    body = api_client.get(AGREEMENTS).json()
    assert body["count"] == 60
    assert len(body["results"]) == 50
    assert body["previous"] is None
    assert body["next"] == "http://testserver/api/v1/agreements/?page=2"
    second = api_client.get(body["next"]).json()
    assert len(second["results"]) == 10
    assert second["next"] is None
    assert api_client.get(f"{AGREEMENTS}?page=last").json()["results"] == second["results"]


def test_page_size_up_to_five_hundred(api_client, sixty_agreements):
    assert len(api_client.get(f"{AGREEMENTS}?page_size=7").json()["results"]) == 7
    assert len(api_client.get(f"{AGREEMENTS}?page_size=500").json()["results"]) == 60


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page_size=501", "page_size"),
        ("page_size=0", "page_size"),
        ("page_size=-5", "page_size"),
        ("page_size=ten", "page_size"),
        ("page=0", "page"),
        ("page=two", "page"),
    ],
)
def test_a_bad_page_or_page_size_is_a_400_naming_it(api_client, sixty_agreements, query, parameter):
    # A page_size above 500 is refused, not silently cut to 500: a client
    # would otherwise believe it had every row.
    response = api_client.get(f"{AGREEMENTS}?{query}")
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


def test_a_page_past_the_last_is_a_json_404(api_client, sixty_agreements):
    response = api_client.get(f"{AGREEMENTS}?page=3")
    assert response.status_code == 404
    assert "detail" in response.json()


# CSV -------------------------------------------------------------------------


def test_csv_streams_every_row_unless_a_page_is_asked_for(api_client, sixty_agreements):
    assert len(csv_rows(api_client.get(f"{AGREEMENTS}?format=csv"))) == 60
    page = csv_rows(api_client.get(f"{AGREEMENTS}?format=csv&page_size=25&page=3"))
    assert len(page) == 10
    assert len(csv_rows(api_client.get(f"{AGREEMENTS}?format=csv&page_size=5"))) == 5


def test_csv_crosses_its_chunks_with_every_row_once_and_its_relations(api_client, db):
    """Streamed CSV fetches csv_chunk_size rows (and their prefetches) at a
    time: two chunks and one row more, each row once, with its parties."""
    from agreements.api import AgreementViewSet
    from agreements.models import Agreement, AgreementKind
    from core.models import PublicationState

    count = 2 * AgreementViewSet.csv_chunk_size + 1
    party = factories.organisation(slug="the-party")
    made = Agreement.objects.bulk_create(
        Agreement(
            slug=f"bulk-{number:04d}",
            title=f"Bulk {number}",
            kind=AgreementKind.MOU,
            publication=PublicationState.PUBLISHED,
        )
        for number in range(count)
    )
    through = Agreement.parties.through
    through.objects.bulk_create(
        through(agreement_id=agreement.pk, organisation_id=party.pk) for agreement in made
    )
    with CaptureQueriesContext(connection) as streamed:
        rows = csv_rows(api_client.get(f"{AGREEMENTS}?format=csv"))
    assert sorted(row["slug"] for row in rows) == [f"bulk-{n:04d}" for n in range(count)]
    assert {row["parties"] for row in rows} == {"the-party"}
    # A few queries a chunk, three chunks: not a query a row.
    with CaptureQueriesContext(connection) as one_chunk:
        csv_rows(api_client.get(f"{AGREEMENTS}?format=csv&search=Bulk 7"))
    assert len(streamed) <= 3 * len(one_chunk)


def test_csv_cells_cannot_be_spreadsheet_formulas(api_client, db):
    factories.agreement(title='=HYPERLINK("http://evil")', short_title="+1", summary="@SUM(A1)")
    factories.agreement(title="-2+3", short_title="\tTabbed", summary="\rReturn")
    factories.agreement(title="Harmless = text", short_title="", summary="a-b")
    rows = csv_rows(api_client.get(f"{AGREEMENTS}?format=csv&ordering=title"))
    cells = [(row["title"], row["short_title"], row["summary"]) for row in rows]
    assert ("'-2+3", "'\tTabbed", "'\rReturn") in cells
    assert ('\'=HYPERLINK("http://evil")', "'+1", "'@SUM(A1)") in cells
    assert ("Harmless = text", "", "a-b") in cells


def test_the_csv_renderer_renders_a_page_too():
    class View:
        csv_fields = ("slug", "parties")

    page = {"count": 1, "results": [{"slug": "=x", "parties": [{"slug": "a"}, {"slug": "b"}]}]}
    rendered = CSVRenderer().render(page, renderer_context={"view": View()})
    assert rendered.decode() == "slug,parties\r\n'=x,a;b\r\n"


def test_errors_stay_json_when_csv_was_asked_for(api_client, db):
    response = api_client.get(f"{AGREEMENTS}?format=csv&kind=pact")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "kind" in response.json()
    # CSV is for lists; a single record is JSON only.
    factories.agreement(slug="one")
    assert api_client.get(f"{AGREEMENTS}one/?format=csv").status_code == 404


# Errors ----------------------------------------------------------------------


def test_unknown_api_paths_are_json_404s(api_client, editor_client, db):
    for path in ("/api/v1/nothing-here/", "/api/v1/agreements/a/b/c/", "/api/v2/"):
        response = api_client.get(path)
        assert response.status_code == 404
        if path.startswith("/api/v1/"):
            assert response.json() == {"detail": "Not found."}
    response = editor_client.post("/api/v1/nothing-here/", {}, format="json")
    assert (response.status_code, response.json()) == (404, {"detail": "Not found."})


def test_a_missing_trailing_slash_redirects(api_client, db):
    response = api_client.get("/api/v1/agreements?kind=mou")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/agreements/?kind=mou"


def test_405_and_malformed_json(editor_client, db):
    factories.agreement(slug="one")
    response = editor_client.post(f"{AGREEMENTS}one/", {}, format="json")
    assert response.status_code == 405
    assert "detail" in response.json()
    assert editor_client.put(AGREEMENTS, {}, format="json").status_code == 405
    malformed = editor_client.generic(
        "POST", AGREEMENTS, "{not json", content_type="application/json"
    )
    assert malformed.status_code == 400
    assert "detail" in malformed.json()


def test_a_wrong_token_is_a_401(api_client, db):
    api_client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = api_client.get(AGREEMENTS)
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token."}


# Conditional GET -------------------------------------------------------------


def test_etag_and_304_on_detail_and_list(api_client, db):
    agreement = factories.agreement(slug="one", title="One")
    for path in (f"{AGREEMENTS}one/", AGREEMENTS, f"{AGREEMENTS}?kind=mou"):
        first = api_client.get(path)
        etag = first["ETag"]
        assert etag.startswith('"') and etag.endswith('"')
        again = api_client.get(path, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == etag

    etag = api_client.get(f"{AGREEMENTS}one/")["ETag"]
    agreement.title = "One, renamed"
    agreement.save()
    changed = api_client.get(f"{AGREEMENTS}one/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert changed.json()["title"] == "One, renamed"


# Throttling ------------------------------------------------------------------


def test_anonymous_clients_are_throttled_without_counting_editors(api_client, editor_client):
    rates = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    with override_settings(REST_FRAMEWORK=rates):
        assert [api_client.get(AGREEMENTS).status_code for _ in range(3)] == [200, 200, 200]
        throttled = api_client.get(AGREEMENTS)
        assert throttled.status_code == 429
        assert "detail" in throttled.json()
        assert int(throttled["Retry-After"]) > 0
        assert all(editor_client.get(AGREEMENTS).status_code == 200 for _ in range(5))


# CORS ------------------------------------------------------------------------


def test_any_origin_may_read(api_client, db):
    response = api_client.get(AGREEMENTS, HTTP_ORIGIN="https://data.example.org")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = api_client.options(
        AGREEMENTS,
        HTTP_ORIGIN="https://data.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 200
    allowed = preflight["Access-Control-Allow-Methods"]
    assert "GET" in allowed and "POST" not in allowed and "DELETE" not in allowed


def test_cors_is_for_the_api_only(client, db):
    response = client.get("/admin/login/", HTTP_ORIGIN="https://data.example.org")
    assert "Access-Control-Allow-Origin" not in response


# Schema and documentation ----------------------------------------------------


def test_the_schema_validates_without_a_warning(tmp_path):
    target = tmp_path / "schema.yaml"
    # --fail-on-warn raises on any warning; --validate checks it against the OpenAPI 3 spec.
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(target), stdout=StringIO()
    )
    schema = yaml.safe_load(target.read_text())
    assert schema["openapi"].startswith("3.")


def test_the_schema_describes_every_endpoint_parameter_and_field(api_client, db):
    schema = yaml.safe_load(api_client.get("/api/v1/schema/").content)
    paths = schema["paths"]
    for resource in (
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
    ):
        assert set(paths[f"/api/v1/{resource}/"]) == {"get", "post"}
        detail = next(path for path in paths if path.startswith(f"/api/v1/{resource}/{{"))
        assert set(paths[detail]) == {"get", "put", "patch", "delete"}

    agreement_filters = {p["name"] for p in paths["/api/v1/agreements/"]["get"]["parameters"]}
    assert {
        "status", "kind", "topic", "party", "signed_after", "signed_before", "search",
        "as_of", "ordering", "updated_since", "page", "page_size", "format",
    } <= agreement_filters  # fmt: skip

    for path, operations in paths.items():
        for method, operation in operations.items():
            assert operation.get("summary"), (method, path)
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), (method, path, parameter["name"])
    for name, component in schema["components"]["schemas"].items():
        for field, field_schema in component.get("properties", {}).items():
            if "$ref" not in field_schema and "allOf" not in field_schema:
                assert field_schema.get("description"), f"{name}.{field}"


@pytest.mark.parametrize(
    ("page", "schema_named_in"),
    [
        # Swagger UI's start-up script is a file of its own (no inline script).
        ("/api/v1/docs/", "/api/v1/docs/?script="),
        ("/api/v1/redoc/", "/api/v1/redoc/"),
    ],
)
def test_the_docs_are_served_from_local_assets(api_client, page, schema_named_in):
    response = api_client.get(page)
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "cdn." not in html and "unpkg.com" not in html and "googleapis" not in html
    assert inline_code(html) == []
    assert "/api/v1/schema/" in api_client.get(schema_named_in).content.decode()


def test_the_api_root_lists_every_resource(api_client, db):
    root = api_client.get("/api/v1/").json()
    assert set(root) == {
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
    }
    assert root["agreements"] == "http://testserver/api/v1/agreements/"

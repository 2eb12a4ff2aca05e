"""HTTP as real clients use it: gzip (never beside a secret), caching
headers, CORS for revalidation, conditional GET on the streamed CSV and on
the Atom feeds, and the schema's anonymous reads and pages."""

import datetime
import gzip
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils.http import http_date

from core.dates import DatePrecision
from tests.support import factories

pytestmark = pytest.mark.django_db

AGREEMENTS = "/api/v1/agreements/"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def agreements(db):
    party = factories.organisation()
    for _ in range(3):
        agreement = factories.agreement(summary="A long enough summary. " * 20)
        agreement.parties.set([party])
        factories.status_event(agreement, "signed", datetime.date(2024, 4, 1), DatePrecision.MONTH)


def _vary(response) -> set[str]:
    return {name.strip().lower() for name in response.get("Vary", "").split(",")}


def test_json_and_html_are_gzipped_with_vary(api_client, client, agreements):
    response = api_client.get(AGREEMENTS, HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert "accept-encoding" in _vary(response)
    assert gzip.decompress(response.content).startswith(b'{"count":3')
    page = client.get("/agreements/", HTTP_ACCEPT_ENCODING="gzip")
    assert page["Content-Encoding"] == "gzip"
    # Without Accept-Encoding, plain.
    assert "Content-Encoding" not in api_client.get(AGREEMENTS)


def test_nothing_with_a_secret_is_compressed(client, agreements):
    # The login form carries the CSRF token (BREACH).
    login = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert login.status_code == 200 and "Content-Encoding" not in login
    # A signed-in session's pages, even those without a form.
    from django.contrib.auth.models import User

    staff = User.objects.create_superuser("boss", password="unused-in-tests")
    client.force_login(staff)
    page = client.get("/agreements/", HTTP_ACCEPT_ENCODING="gzip")
    assert page.status_code == 200 and "Content-Encoding" not in page


def test_anonymous_reads_may_be_cached_and_say_when_they_changed(
    api_client, editor_client, agreements, settings
):
    latest = max(agreement.updated_at for agreement in _all_agreements())
    for path in (AGREEMENTS, f"{AGREEMENTS}{_all_agreements()[0].slug}/"):
        response = api_client.get(path)
        assert response["Cache-Control"] == f"public, max-age={settings.API_CACHE_SECONDS}"
        assert {"authorization", "cookie"} <= _vary(response)
        assert response["Last-Modified"]
    assert api_client.get(AGREEMENTS)["Last-Modified"] == http_date(latest.timestamp())
    # An editor may see drafts: private, revalidated each time.
    mine = editor_client.get(AGREEMENTS)
    assert "private" in mine["Cache-Control"] and "no-cache" in mine["Cache-Control"]
    # A 304 keeps them.
    again = api_client.get(AGREEMENTS, HTTP_IF_NONE_MATCH=api_client.get(AGREEMENTS)["ETag"])
    assert again.status_code == 304 and "public" in again["Cache-Control"]


def _all_agreements():
    from agreements.models import Agreement

    return list(Agreement.objects.order_by("slug"))


def test_a_browser_client_may_revalidate_across_origins(api_client, agreements):
    preflight = api_client.options(
        AGREEMENTS,
        HTTP_ORIGIN="https://dashboard.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match, if-modified-since",
    )
    allowed = preflight["Access-Control-Allow-Headers"].lower()
    assert "if-none-match" in allowed and "if-modified-since" in allowed
    read = api_client.get(AGREEMENTS, HTTP_ORIGIN="https://dashboard.example")
    exposed = read["Access-Control-Expose-Headers"].lower()
    assert "etag" in exposed and "last-modified" in exposed


def test_a_page_far_past_the_last_is_a_404(api_client, agreements):
    for page in ("4", "99999999999999999999"):
        assert api_client.get(f"{AGREEMENTS}?page={page}").status_code == 404


def test_the_schema_declares_anonymous_reads_and_the_last_page(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method == "get":
                assert {} in operation["security"], path
            elif method in ("post", "put", "patch", "delete"):
                assert {} not in operation["security"], path
    page = next(
        parameter
        for parameter in schema["paths"][AGREEMENTS]["get"]["parameters"]
        if parameter["name"] == "page"
    )
    assert {"type": "string", "enum": ["last"]} in page["schema"]["oneOf"]
    assert "404" in page["description"]


def test_the_streamed_csv_answers_conditional_gets(api_client, agreements):
    path = f"{AGREEMENTS}?format=csv"
    first = api_client.get(path)
    b"".join(first.streaming_content)
    etag = first["ETag"]
    assert etag.startswith('W/"') and first["Last-Modified"]
    assert api_client.get(path, HTTP_IF_NONE_MATCH=etag).status_code == 304
    # Another filter is another CSV.
    assert api_client.get(f"{path}&status=signed", HTTP_IF_NONE_MATCH=etag).status_code == 200
    # A change, or a deletion, is a new CSV.
    changed = _all_agreements()[0]
    changed.title = "Retitled"
    changed.save()
    after_edit = api_client.get(path, HTTP_IF_NONE_MATCH=etag)
    assert after_edit.status_code == 200
    _all_agreements()[-1].delete()
    assert api_client.get(path, HTTP_IF_NONE_MATCH=after_edit["ETag"]).status_code == 200


def _feed(client, **headers):
    return client.get(reverse("agreements:status-feed"), **headers)


def test_the_feed_uses_the_steps_own_time_and_tag_ids(client, agreements):
    response = _feed(client)
    root = ET.fromstring(response.content)
    assert root.find(f"{ATOM}id").text == "tag:kz-uk-tracker,2025:feeds/status-changes"
    assert root.find(f"{ATOM}updated").text == "2024-04-01T00:00:00+00:00"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("tag:kz-uk-tracker,2025:status-event/")
        assert entry.find(f"{ATOM}updated").text == "2024-04-01T00:00:00+00:00"


def test_the_feed_answers_conditional_gets(client, agreements):
    first = _feed(client)
    assert first.status_code == 200
    assert _feed(client, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # Any date after the entries' last change (the entries were made now).
    later = http_date(datetime.datetime(2100, 1, 1, tzinfo=datetime.UTC).timestamp())
    assert _feed(client, HTTP_IF_MODIFIED_SINCE=later).status_code == 304
    assert _feed(client, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200
    # A new step, however old its date, is news.
    agreement = _all_agreements()[0]
    factories.status_event(agreement, "negotiating", datetime.date(2020, 1, 1))
    assert _feed(client, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    one = reverse("agreements:agreement-feed", args=(agreement.slug,))
    assert client.get(one, HTTP_IF_NONE_MATCH=client.get(one)["ETag"]).status_code == 304


def test_the_schema_declares_the_length_limits_it_enforces(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()

    def parameter(path, name):
        found = schema["paths"][path]["get"]["parameters"]
        return next(item for item in found if item["name"] == name)

    assert parameter(AGREEMENTS, "search")["schema"]["maxLength"] == 200
    assert parameter("/api/v1/people/", "country")["schema"]["maxLength"] == 2
    too_long = api_client.get(AGREEMENTS, {"search": "a" * 201})
    assert too_long.status_code == 400 and "search" in too_long.json()


def test_what_schemathesis_found_stays_fixed(api_client, agreements):
    """Found by schemathesis with all checks (docs/API.md, "HTTP behaviour")."""
    schema = api_client.get("/api/v1/schema/?format=json").json()
    parameters = {
        parameter["name"]: parameter
        for parameter in schema["paths"]["/api/v1/citations/"]["get"]["parameters"]
    }
    # The kinds of record a quote supports, by name, not a content type id.
    assert "status_event" in parameters["cited_type"]["schema"]["items"]["enum"]
    # An empty single-valued filter is read as unset, and the schema says so.
    assert parameters["updated_since"]["allowEmptyValue"] is True
    assert "allowEmptyValue" not in parameters["page"]
    assert api_client.get(f"{AGREEMENTS}?updated_since=").status_code == 200
    # An empty name among several sort fields is refused, not dropped.
    assert api_client.get(f"{AGREEMENTS}?ordering=,,").status_code == 400
    assert api_client.get(f"{AGREEMENTS}?ordering=title,").status_code == 400
    assert api_client.get(f"{AGREEMENTS}?ordering=").status_code == 200
    # A method the resource does not take is a 405, even asking for CSV.
    assert api_client.generic("TRACE", f"{AGREEMENTS}?format=csv").status_code == 405
    # A response may leave out any field (fields=), so none is required.
    assert "required" not in schema["components"]["schemas"]["Agreement"]

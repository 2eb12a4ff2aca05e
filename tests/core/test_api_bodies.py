"""Request bodies: hostile nesting is a 400 naming the problem (it was a
RecursionError, a 500), a body over the size limit is a JSON 413 (it was
Django's HTML 400), and every error the API gives is JSON in the documented
shape, `{"detail": "..."}` or the fields with their messages."""

import json

import pytest
from django.conf import settings
from django.test import RequestFactory, override_settings

from core.api.parsers import nesting_depth
from core.db_unavailable import server_error_or_unavailable

pytestmark = pytest.mark.django_db

NESTED = "[" * 100_000


@pytest.mark.parametrize("url", ["/api/v1/agreements/", "/api/v1/topics/"])
def test_hostile_nesting_is_a_400_naming_the_problem(editor_client, url):
    for body in (NESTED, '{"a":' * 50_000, '{"slug": "x", "topics": ' + NESTED):
        response = editor_client.generic("POST", url, body, content_type="application/json")
        assert response.status_code == 400, response.content[:200]
        assert response["Content-Type"] == "application/json"
        assert "nested more than 32 levels" in response.json()["detail"]


def test_brackets_inside_strings_do_not_count(editor_client):
    name = "[" * 60 + '\\"{' * 20
    body = json.dumps({"slug": "brackets", "name": name})
    response = editor_client.post("/api/v1/topics/", body, content_type="application/json")
    assert response.status_code == 201, response.content[:300]
    assert response.json()["name"] == name


def test_nesting_up_to_the_limit_is_parsed():
    assert nesting_depth(b"[" * 32 + b"]" * 32, 32) == 32
    assert nesting_depth(b'{"a": [1, {"b": "]]]["}]}', 32) == 3
    assert nesting_depth(b"[" * 100_000, 32) == 33  # counting stops past the limit


def test_a_body_over_the_limit_is_a_json_413_naming_it(editor_client):
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    big = json.dumps({"slug": "big", "name": "a" * (limit + 1)})
    for body, content_type in (
        (big, "application/json"),
        ("name=" + "a" * (limit + 1), "application/x-www-form-urlencoded"),
    ):
        response = editor_client.generic("POST", "/api/v1/topics/", body, content_type=content_type)
        assert response.status_code == 413
        assert response["Content-Type"] == "application/json"
        assert response.json() == {
            "detail": f"The request body is over the limit of {limit} bytes."
        }


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
def test_the_size_limit_is_the_setting(editor_client):
    body = json.dumps({"slug": "big", "name": "a" * 1000})
    response = editor_client.post("/api/v1/topics/", body, content_type="application/json")
    assert response.status_code == 413
    assert "1000 bytes" in response.json()["detail"]


def test_malformed_json_is_a_400_in_the_documented_shape(editor_client):
    response = editor_client.generic("POST", "/api/v1/topics/", "{bad", "application/json")
    assert response.status_code == 400
    assert response.json()["detail"].startswith("JSON parse error")


def test_every_api_error_is_json(api_client, editor_client, reader_client):
    answers = {
        400: api_client.get("/api/v1/agreements/?page_size=0"),
        401: api_client.post("/api/v1/topics/", {}, format="json"),
        403: reader_client.post("/api/v1/topics/", {}, format="json"),
        404: api_client.get("/api/v1/agreements/no-such-thing/"),
        405: editor_client.post("/api/v1/agreements/no-such-thing/", {}, format="json"),
        413: editor_client.generic(
            "POST",
            "/api/v1/topics/",
            "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
            "application/json",
        ),
        415: editor_client.generic("POST", "/api/v1/topics/", "x", "application/xml"),
    }
    for status, response in answers.items():
        assert response.status_code == status, (status, response.content[:200])
        assert response["Content-Type"] == "application/json", status
        body = response.json()
        # A bad parameter is named with its messages; every other error is
        # {"detail": "..."}.
        if status == 400:
            assert list(body) == ["page_size"] and isinstance(body["page_size"], list), body
        else:
            assert list(body) == ["detail"] and isinstance(body["detail"], str), (status, body)


def test_an_api_500_is_json_and_says_nothing_more():
    request = RequestFactory().get("/api/v1/agreements/")
    try:
        raise ZeroDivisionError("a bug")
    except ZeroDivisionError:
        response = server_error_or_unavailable(request)
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"detail": "Server error."}
    page = RequestFactory().get("/agreements/")
    try:
        raise ZeroDivisionError("a bug")
    except ZeroDivisionError:
        html = server_error_or_unavailable(page)
    assert html["Content-Type"].startswith("text/html")


def test_a_request_refused_before_any_view_is_json_under_the_api():
    """handler400: what Django refuses outside DRF's views (a middleware
    reading a body too large) is JSON under /api/, a page elsewhere."""
    from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent

    from core.api.errors import bad_request

    api = RequestFactory().post("/api/v1/topics/")
    too_big = bad_request(api, RequestDataTooBig("too big"))
    assert too_big.status_code == 413
    assert "over the limit" in json.loads(too_big.content)["detail"]
    fields = bad_request(api, TooManyFieldsSent("many"))
    assert fields.status_code == 400 and json.loads(fields.content) == {"detail": "Bad request."}
    page = bad_request(RequestFactory().post("/agreements/"), TooManyFieldsSent("many"))
    assert page.status_code == 400 and page["Content-Type"].startswith("text/html")

"""The API takes an editor's session (the Swagger UI, the admin's own
scripts) only with a CSRF token, as any form would; a token client
(Authorization header) needs none, since a browser never sends that by itself."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from accounts.models import ApiToken
from topics.models import Topic

pytestmark = pytest.mark.django_db

TOPICS = "/api/v1/topics/"


def _body(slug: str) -> dict:
    return {"slug": slug, "name": "A topic"}


@pytest.fixture
def editor(db) -> User:
    return User.objects.create_superuser("editor", "editor@example.org", "a long passphrase")


@pytest.fixture
def browser(editor) -> Client:
    """A signed-in browser whose requests are checked for CSRF, as in production."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    return client


def _csrf_token(client: Client) -> str:
    client.get("/admin/topics/topic/add/")  # a form page sets the CSRF cookie
    return client.cookies["csrftoken"].value


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_session_write_without_the_csrf_token_is_refused(browser, method):
    Topic.objects.create(slug="kept", name="Kept")
    path = TOPICS if method == "post" else f"{TOPICS}kept/"
    response = getattr(browser, method)(path, _body("made"), content_type="application/json")
    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF Failed: CSRF cookie not set."}
    assert list(Topic.objects.values_list("slug", "name")) == [("kept", "Kept")]


def test_a_session_write_with_a_wrong_csrf_token_is_refused(browser):
    _csrf_token(browser)
    response = browser.post(
        TOPICS, _body("made"), content_type="application/json", HTTP_X_CSRFTOKEN="x" * 32
    )
    assert response.status_code == 403
    assert response.json()["detail"].startswith("CSRF Failed")
    assert not Topic.objects.filter(slug="made").exists()


def test_a_session_write_with_the_csrf_token_is_made(browser):
    token = _csrf_token(browser)
    response = browser.post(
        TOPICS, _body("made"), content_type="application/json", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 201, response.content
    assert Topic.objects.filter(slug="made").exists()


def test_a_session_read_needs_no_csrf_token(browser):
    assert browser.get(TOPICS).status_code == 200


def test_a_token_write_needs_no_csrf_token(editor):
    _token, key = ApiToken.issue(editor)
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        TOPICS, _body("made"), content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}"
    )
    assert response.status_code == 201, response.content

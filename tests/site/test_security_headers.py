"""Every response carries the security headers: pages, the API and its docs,
the admin, static files, errors."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.templatetags.static import static
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

ONE_YEAR = 365 * 24 * 60 * 60
ROOT = Path(__file__).resolve().parents[2]


def _directives(policy: str) -> dict[str, set[str]]:
    """A Content-Security-Policy as {directive: its sources}, order aside."""
    parsed = {}
    for directive in filter(None, (part.strip() for part in policy.split(";"))):
        name, *sources = directive.split()
        assert name not in parsed, f"{name} given twice"
        parsed[name] = set(sources)
    return parsed


def _documented_policy() -> dict[str, set[str]]:
    """The policy docs/SECURITY.md promises: the code span under its heading."""
    text = (ROOT / "docs" / "SECURITY.md").read_text(encoding="utf-8")
    section = text.split("### Content-Security-Policy", 1)[1]
    (policy,) = re.findall(r"`(default-src[^`]+)`", section)[:1]
    return _directives(" ".join(policy.split()))


DOCUMENTED_POLICY = _documented_policy()
# Redoc's page alone adds these (kzuk_site/api.py, REDOC_POLICY, documented in
# the same section): two style hashes and blob: workers.
REDOC_ADDS = {"style-src": 2, "worker-src": 1}

PLAIN = {
    "/": 200,
    "/agreements/spca/": 200,
    "/feeds/status-changes/": 200,
    "/no-such-page/": 404,
    "/?" + "x=1&" * 250: 400,
    "/api/v1/agreements/": 200,
    "/api/v1/agreements/?format=csv": 200,
    "/api/v1/no-such-resource/": 404,
    "/api/v1/agreements/?page_size=501": 400,
    "/api/v1/schema/": 200,
    "/api/v1/docs/": 200,
    "/api/v1/docs/?script=": 200,
    "/api/v1/redoc/": 200,
    "/admin/login/": 200,
    "/admin/": 302,
}


def _assert_security_headers(response, path: str, *, document: bool = True) -> None:
    assert response["X-Content-Type-Options"] == "nosniff", path
    assert response["Referrer-Policy"] == "same-origin", path
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", path
    if document:
        assert response["X-Frame-Options"] == "DENY", path
    assert response["Strict-Transport-Security"] == f"max-age={ONE_YEAR}; includeSubDomains", path
    policy = _directives(response["Content-Security-Policy"])
    if path.startswith("/api/v1/redoc/"):
        assert policy.keys() == DOCUMENTED_POLICY.keys(), path
        for name, sources in policy.items():
            assert sources >= DOCUMENTED_POLICY[name], (path, name)
            assert len(sources - DOCUMENTED_POLICY[name]) == REDOC_ADDS.get(name, 0), (path, name)
        assert policy["worker-src"] - DOCUMENTED_POLICY["worker-src"] == {"blob:"}
        assert all(s.startswith("'sha256-") for s in policy["style-src"] - {"'self'"}), path
    else:
        # The whole documented policy, no more and no less.
        assert policy == DOCUMENTED_POLICY, path


@pytest.fixture
def https_client():
    # The production HSTS, set before the client builds its middleware.
    with override_settings(SECURE_HSTS_SECONDS=ONE_YEAR, SECURE_HSTS_INCLUDE_SUBDOMAINS=True):
        yield Client()


@pytest.mark.parametrize(("path", "status"), PLAIN.items(), ids=[path[:40] for path in PLAIN])
def test_every_response_carries_the_security_headers(https_client, seeded, path, status):
    response = https_client.get(path, secure=True)
    assert response.status_code == status, path
    _assert_security_headers(response, path)


def test_static_files_carry_the_security_headers(https_client, seeded):
    path = static("css/site.css")
    response = https_client.get(path, secure=True)
    assert response.status_code == 200
    assert response["Cache-Control"]
    # WhiteNoise answers before the X-Frame-Options middleware, and a
    # stylesheet is never framed; the CSP's frame-ancestors covers it anyway.
    _assert_security_headers(response, path, document=False)


def test_admin_pages_carry_the_security_headers(https_client, seeded):
    https_client.force_login(User.objects.create_superuser("admin", "a@example.org", "pw"))
    for path in ("/admin/", "/admin/agreements/agreement/", "/admin/agreements/agreement/add/"):
        response = https_client.get(path, secure=True)
        assert response.status_code == 200, path
        _assert_security_headers(response, path)


def test_the_session_and_csrf_cookies_are_http_only_and_same_site(client, db):
    User.objects.create_superuser("admin", "a@example.org", "a long passphrase")
    login = client.get("/admin/login/")
    csrf = login.cookies[settings.CSRF_COOKIE_NAME]
    assert csrf["samesite"] == "Lax"
    response = client.post(
        "/admin/login/",
        {"username": "admin", "password": "a long passphrase", "next": "/admin/"},
    )
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"


def test_plain_http_is_redirected_to_https_in_production(db):
    with override_settings(SECURE_SSL_REDIRECT=True):
        response = Client().get("/agreements/?status=signed")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/agreements/?status=signed"


@pytest.mark.parametrize(
    ("path", "view", "content_type"),
    [
        ("/", "portal.views.DashboardView.get_context_data", "text/html"),
        ("/api/v1/agreements/", "agreements.api.AgreementViewSet.list", "application/json"),
    ],
)
def test_a_server_error_carries_the_security_headers(
    https_client, seeded, monkeypatch, path, view, content_type
):
    """A bug in a view: the 500 page (handler500) goes out through the same
    middleware as any page, with every header."""

    def fail(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(view, fail)
    https_client.raise_request_exception = False
    response = https_client.get(path, secure=True)
    assert response.status_code == 500
    assert response["Content-Type"].startswith(content_type)
    _assert_security_headers(response, path)

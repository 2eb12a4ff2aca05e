"""API tokens expire (API_TOKEN_DAYS, 90 by default), can be revoked, are
shown in the admin with their last use, and are stored as digests only."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from rest_framework.test import APIClient

from accounts.models import ApiToken, digest
from tests.support.api_fixtures import grant_all_model_permissions

# A frozen clock: expiry dates are exact, on any day the suite runs.
NOW = datetime(2026, 7, 14, 9, 30, tzinfo=UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]

TOPICS = "/api/v1/topics/"
BODY = {"slug": "token-topic", "name": "A topic"}


@pytest.fixture
def editor_user(db) -> User:
    user = User.objects.create_user("tokened", is_staff=True)
    grant_all_model_permissions(user)
    return user


def _client(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_the_command_makes_a_token_that_writes(editor_user):
    out, err = StringIO(), StringIO()
    call_command("create_api_token", "tokened", "--name", "script", stdout=out, stderr=err)
    key = out.getvalue().strip()
    assert len(key) == 40 and "only time the key is shown" in err.getvalue()
    token = ApiToken.objects.get(user=editor_user)
    # Only a digest is stored, and the first characters to tell tokens apart.
    assert token.key_digest == digest(key) and key not in token.key_digest
    assert token.prefix == key[:8] and token.name == "script"
    assert token.expires_at == NOW + timedelta(days=90)
    assert _client(key).post(TOPICS, BODY, format="json").status_code == 201
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_an_expired_token_is_refused_saying_so(editor_user, time_machine):
    _token, key = ApiToken.issue(editor_user, days=1)
    time_machine.shift(timedelta(days=1) - timedelta(seconds=1))
    assert _client(key).get(TOPICS).status_code == 200
    time_machine.shift(timedelta(seconds=1))
    response = _client(key).post(TOPICS, BODY, format="json")
    assert response.status_code == 401
    assert "expired" in response.json()["detail"]


def test_a_revoked_token_is_refused(editor_user):
    token, key = ApiToken.issue(editor_user)
    assert _client(key).get(TOPICS).status_code == 200
    token.revoke()
    response = _client(key).get(TOPICS)
    assert response.status_code == 401
    assert response.json() == {"detail": "Invalid token."}


def test_an_unknown_key_is_refused(db):
    assert _client("0" * 40).get(TOPICS).status_code == 401


@override_settings(API_TOKEN_DAYS=7)
def test_the_lifetime_comes_from_the_settings(editor_user):
    token, _key = ApiToken.issue(editor_user)
    assert token.expires_at == NOW + timedelta(days=7)


def test_the_admin_lists_tokens_with_their_last_use_and_revokes_them(client, editor_user):
    token, key = ApiToken.issue(editor_user, name="nightly sync")
    _client(key).get(TOPICS)
    admin = User.objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    page = client.get("/admin/accounts/apitoken/").content.decode()
    assert "nightly sync" in page and token.prefix in page and "valid" in page
    assert key not in page
    response = client.post(
        "/admin/accounts/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert _client(key).get(TOPICS).status_code == 401
    assert client.get("/admin/accounts/apitoken/add/").status_code == 403

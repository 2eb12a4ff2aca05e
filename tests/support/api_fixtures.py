"""Fixtures for the API tests, loaded for the whole suite by the root conftest.py."""

import pytest
from django.contrib.auth.models import Permission, User
from django.core.cache import cache
from rest_framework.test import APIClient

from accounts.models import ApiToken
from core.content_apps import content_app_labels


@pytest.fixture(autouse=True)
def fresh_throttle():
    """The anonymous throttle counts requests in the cache: start each test
    at zero, or a long run of tests would be throttled."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def unthrottled(settings):
    """The API's rate limits lifted, for a test that reads every record of
    the API many times over, as a mirroring consumer does."""
    rates = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": dict.fromkeys(rates, "1000000/minute"),
    }


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


def token_client(user: User) -> APIClient:
    client = APIClient()
    _token, key = ApiToken.issue(user, name="tests")
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def grant_all_model_permissions(user: User) -> None:
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=content_app_labels()).exclude(
            codename__startswith="view_"
        )
    )


@pytest.fixture
def client_for(db):
    """A function: an API client authenticated with a token for a given user."""
    return token_client


@pytest.fixture
def editor(db) -> User:
    """A user with add, change and delete permissions on every model of ours."""
    user = User.objects.create_user("editor", password="unused-in-tests")
    grant_all_model_permissions(user)
    return user


@pytest.fixture
def editor_client(editor) -> APIClient:
    return token_client(editor)


@pytest.fixture
def reader_client(db) -> APIClient:
    """Authenticated, but without any model permission."""
    return token_client(User.objects.create_user("reader"))

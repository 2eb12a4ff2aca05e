"""Parsing the environment: booleans, lists, numbers and the cache URL."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from kzuk_site.env import cache_from_url, env_bool, env_int, env_list

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"
REDIS = "django.core.cache.backends.redis.RedisCache"
DUMMY = "django.core.cache.backends.dummy.DummyCache"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("true", True), ("ON", True), ("1", True), ("no", False), ("0", False), ("", True)],
)
def test_booleans(monkeypatch, value, expected):
    monkeypatch.setenv("FLAG", value)
    assert env_bool("FLAG", default=True) is expected


def test_a_missing_boolean_takes_its_default(monkeypatch):
    monkeypatch.delenv("FLAG", raising=False)
    assert env_bool("FLAG", default=False) is False


def test_lists_drop_blanks_and_spaces(monkeypatch):
    monkeypatch.setenv("HOSTS", " a.example, ,b.example ")
    assert env_list("HOSTS", ["default"]) == ["a.example", "b.example"]
    monkeypatch.setenv("HOSTS", "")
    assert env_list("HOSTS", ["default"]) == ["default"]


def test_whole_numbers(monkeypatch):
    monkeypatch.setenv("N", " 30 ")
    assert env_int("N", 5) == 30
    monkeypatch.setenv("N", "")
    assert env_int("N", 5) == 5
    monkeypatch.setenv("N", "thirty")
    with pytest.raises(ImproperlyConfigured, match=r"N='thirty' is not a whole number"):
        env_int("N", 5)


def test_local_memory_is_the_plain_default():
    assert cache_from_url("locmem://") == {"BACKEND": LOCMEM, "LOCATION": ""}
    assert cache_from_url("locmem://pages") == {"BACKEND": LOCMEM, "LOCATION": "pages"}


@pytest.mark.parametrize(
    "url",
    [
        "redis://127.0.0.1:6379/0",
        "redis://cache.internal",
        "redis://:s3cret@cache.internal:6380/2",
        "rediss://user:s3cret@cache.example:6380/1",
    ],
)
def test_redis_urls_go_to_djangos_redis_backend_unchanged(url):
    assert cache_from_url(url) == {"BACKEND": REDIS, "LOCATION": url}


def test_dummy_caches_nothing():
    assert cache_from_url("dummy://") == {"BACKEND": DUMMY}


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "memcached://127.0.0.1:11211",
            r"CACHE_URL='memcached://127.0.0.1:11211' has an unknown scheme",
        ),
        ("127.0.0.1:6379", r"CACHE_URL='127.0.0.1:6379' has an unknown scheme"),
        (
            "redis://127.0.0.1:port/0",
            r"CACHE_URL='redis://127.0.0.1:port/0' has a port that is not a number",
        ),
        ("redis:///0", r"CACHE_URL='redis:///0' names no host"),
        ("redis://127.0.0.1:6379/cache", r"the database after the host must be a number"),
    ],
)
def test_a_bad_cache_url_is_refused_naming_the_variable_and_value(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        cache_from_url(url)


def test_a_refused_url_does_not_show_its_password():
    with pytest.raises(ImproperlyConfigured) as refused:
        cache_from_url("memcached://admin:s3cret@cache.internal:11211", name="CACHE_URL")
    assert "s3cret" not in str(refused.value)
    assert "CACHE_URL='memcached://admin:***@cache.internal:11211'" in str(refused.value)

"""The cache backend chosen by CACHE_URL, against a real Redis.

The Redis tests use the local server at 127.0.0.1:6379 (REDIS_URL overrides
it). Locally they skip, saying why, when nothing answers there; in CI
(CI=true) a missing Redis is a failure.
"""

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.test import override_settings

from kzuk_site.env import cache_from_url
from tests.support.environment import require

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")


def _redis_unreachable_reason() -> str | None:
    parts = urlsplit(REDIS_URL)
    try:
        with socket.create_connection((parts.hostname, parts.port or 6379), timeout=1):
            return None
    except OSError as error:
        return f"no Redis answers at {parts.hostname}:{parts.port or 6379} ({error})"


@pytest.fixture
def redis_url():
    require("Redis tests", _redis_unreachable_reason())
    return REDIS_URL


@pytest.fixture
def key_prefix():
    """Each test writes under its own prefix: the Redis may be shared."""
    return f"test-{uuid.uuid4().hex}"


def _set_in_another_process(cache_url: str, key_prefix: str, key: str, value: str):
    """Store a value through the project's settings, in a separate Python
    process, as another gunicorn worker or host would."""
    code = (
        "import django; django.setup(); "
        "from django.conf import settings; from django.core.cache import cache; "
        f"assert settings.CACHES['default']['KEY_PREFIX'] == {key_prefix!r}; "
        f"cache.set({key!r}, {value!r}, 60)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kzuk_site.settings",
        "CACHE_URL": cache_url,
        "CACHE_KEY_PREFIX": key_prefix,
    }
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def _cache_settings(cache_url: str, key_prefix: str) -> dict:
    return {"default": {**cache_from_url(cache_url), "KEY_PREFIX": key_prefix}}


def test_workers_share_what_they_cache_in_redis(redis_url, key_prefix):
    _set_in_another_process(redis_url, key_prefix, "dashboard", "rendered")
    with override_settings(CACHES=_cache_settings(redis_url, key_prefix)):
        cache = caches["default"]
        try:
            assert cache.get("dashboard") == "rendered"
            cache.set_many({"a": 1, "b": [2, 3]}, 60)
            assert cache.get_many(["a", "b", "c"]) == {"a": 1, "b": [2, 3]}
            assert cache.incr("a") == 2
            cache.delete_many(["dashboard", "a", "b"])
            assert cache.get("dashboard") is None
        finally:
            cache.delete_many(["dashboard", "a", "b"])
            cache.close()


def test_local_memory_is_not_shared_between_processes(key_prefix):
    _set_in_another_process("locmem://", key_prefix, "dashboard", "rendered")
    with override_settings(CACHES=_cache_settings("locmem://", key_prefix)):
        assert caches["default"].get("dashboard") is None

"""Reading settings from the environment: booleans, lists and the cache URL.

Every parser names the variable and its value when it refuses one, so that a
mistyped deployment stops at start-up with a message saying what to fix.
"""

import os
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

CACHE_BACKENDS = {
    "locmem": "django.core.cache.backends.locmem.LocMemCache",
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "dummy": "django.core.cache.backends.dummy.DummyCache",
}


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} is not a boolean; use true or false.")


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def cache_from_url(url: str, *, name: str = "CACHE_URL") -> dict:
    """The CACHES entry for a cache URL: `locmem://` (or `locmem://<name>`),
    `redis://[:password@]host:port/db`, `rediss://...` (TLS), or `dummy://`."""
    shown = _without_password(url)
    scheme = urlsplit(url).scheme.lower() if "://" in url else ""
    if scheme not in CACHE_BACKENDS:
        raise ImproperlyConfigured(
            f"{name}={shown!r} has an unknown scheme; use locmem://, "
            "redis://host:port/db, rediss://host:port/db or dummy://."
        )
    parts = urlsplit(url)
    if scheme == "locmem":
        return {"BACKEND": CACHE_BACKENDS[scheme], "LOCATION": parts.netloc}
    if scheme == "dummy":
        return {"BACKEND": CACHE_BACKENDS[scheme]}
    # Redis: check now what redis-py would otherwise only trip over at the
    # first request.
    try:
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={shown!r} has a port that is not a number.") from None
    if not parts.hostname:
        raise ImproperlyConfigured(f"{name}={shown!r} names no host; use redis://host:port/db.")
    database = parts.path.strip("/")
    if database and not database.isdigit():
        raise ImproperlyConfigured(
            f"{name}={shown!r}: the database after the host must be a number, such as /0."
        )
    return {"BACKEND": CACHE_BACKENDS[scheme], "LOCATION": url}


def _without_password(url: str) -> str:
    """The URL as it may appear in an error message or a log."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        host = parts.netloc.rsplit("@", 1)[1]
        return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
    except ValueError:
        return "<unparseable URL>"

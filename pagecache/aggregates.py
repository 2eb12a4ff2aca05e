"""Counts over a whole table, kept until the content changes.

A count of every published record reads every row: at 100,000 agreements
a page that counts on each request does work that grows with the whole
database. The same count is right until the next write, and every write
moves the content version on (pagecache.invalidation), so a count kept
under that version is counted once after each change and never served
stale. Unlike the page cache, this serves every reader, editors too: what
is kept is published records' counts only."""

from collections.abc import Callable

from django.core.cache import cache

from pagecache.invalidation import version_for_this_request

# A day: a write moves the version on long before, and with it the key.
KEPT_SECONDS = 24 * 60 * 60


def counted_once_per_version(name: str, parts: tuple, count: Callable[[], object]):
    """`count()`'s result for this content version and these `parts`
    (whatever else the count depends on: a year, a topic, a day)."""
    key = f"counts:{name}:{version_for_this_request()}:" + ":".join(str(part) for part in parts)
    kept = cache.get(key)
    if kept is None:
        kept = count()
        cache.set(key, kept, KEPT_SECONDS)
    return kept

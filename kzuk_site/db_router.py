"""Reads from a replica, writes to the primary, when DATABASE_REPLICA_URL is set.

A replica is a moment behind its primary. Whoever has just written must not
read from it, or they would not see what they saved, so reads go to the
primary:

- for the rest of a request that may write (not GET, HEAD or OPTIONS);
- for any request by a logged-in user: editors in the admin see what they
  have just saved, and their session, created at login, is read where it
  was written;
- inside `transaction.atomic()`, where a read usually decides a write;
- inside `primary_reads()`, for code outside a request that needs it.

Everything else, which is the anonymous public site and API, reads from the
replica.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_DB_ALIAS = "replica"
READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# A context variable, not a thread-local: it follows a request into the
# threads and tasks that serve it, and each gthread worker thread has its own.
_reads_from_primary: ContextVar[bool] = ContextVar("reads_from_primary", default=False)


@contextmanager
def primary_reads() -> Iterator[None]:
    """Send every read in the block to the primary."""
    token = _reads_from_primary.set(True)
    try:
        yield
    finally:
        _reads_from_primary.reset(token)


def _in_transaction_on_primary() -> bool:
    # The atomic blocks that tests wrap each test in do not count: the site
    # must route the same way in a test as it does in production, where a
    # request runs outside any transaction (ATOMIC_REQUESTS is off).
    return any(not block._from_testcase for block in connections[DEFAULT_DB_ALIAS].atomic_blocks)


class ReplicaRouter:
    """Reads to the replica unless they must see the latest writes; writes and
    migrations to the primary. Both hold the same data, so objects from either
    may be related."""

    aliases = frozenset({DEFAULT_DB_ALIAS, REPLICA_DB_ALIAS})

    def db_for_read(self, model, **hints) -> str:
        if _reads_from_primary.get() or _in_transaction_on_primary():
            return DEFAULT_DB_ALIAS
        return REPLICA_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool | None:
        if obj1._state.db in self.aliases and obj2._state.db in self.aliases:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        return db == DEFAULT_DB_ALIAS


class PrimaryReadsMiddleware:
    """Reads from the primary for the whole of a request that may write or
    comes from a logged-in user. Goes right after AuthenticationMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _reads_from_primary.set(self._needs_primary(request))
        try:
            return self.get_response(request)
        finally:
            _reads_from_primary.reset(token)

    @staticmethod
    def _needs_primary(request) -> bool:
        if request.method not in READ_ONLY_METHODS:
            return True
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            # No session, so no logged-in user, and nothing to look up.
            return False
        # The session and its user are looked up on the primary: a session
        # created at login may not have reached the replica yet.
        with primary_reads():
            return request.user.is_authenticated

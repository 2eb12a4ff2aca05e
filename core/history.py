"""Who changed what: the loader's changes are recorded as the loader's.

django-simple-history records every save; a save made while `load_seeds` runs
gets the change reason "load_seeds", so the history tells an editor's change
from a reload's.
"""

from contextlib import ExitStack, contextmanager
from contextvars import ContextVar

LOADER_REASON = "load_seeds"
_change_reason: ContextVar[str | None] = ContextVar("history_change_reason", default=None)


@contextmanager
def recorded_as(reason: str):
    token = _change_reason.set(reason)
    try:
        yield
    finally:
        _change_reason.reset(token)


def stamp_change_reason(sender, history_instance, **kwargs):
    reason = _change_reason.get()
    if reason and not history_instance.history_change_reason:
        history_instance.history_change_reason = reason


# What follows the history (the changes feed) may work out a bulk write's
# consequences once at its end instead of after each save: apps register a
# context manager here, and a bulk writer such as the loader enters them all.
_bulk_write_scopes = []


def register_bulk_write_scope(scope) -> None:
    if scope not in _bulk_write_scopes:
        _bulk_write_scopes.append(scope)


@contextmanager
def one_bulk_write():
    with ExitStack() as stack:
        for scope in _bulk_write_scopes:
            stack.enter_context(scope())
        yield

"""Waiting for another process: on a condition with a generous deadline,
never for a fixed time. This is the only place in the tests that sleeps
(tests/codebase/test_test_hygiene.py): a short pause between two looks."""

import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

# Generous: a loaded 2-core machine running two copies of the suite.
TIMEOUT = 120.0


def wait_for(
    condition: Callable[[], T],
    what: str,
    *,
    timeout: float = TIMEOUT,
    still_running: Callable[[], object] | None = None,
) -> T:
    """The first true value of `condition()`, looked at every 50 ms. Fails
    naming `what` after `timeout` seconds, or as soon as `still_running()`
    (the process that should make it true) says it has ended."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if still_running is not None and not still_running():
            raise AssertionError(f"the process ended before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"still no {what} after {timeout:.0f} s")
        time.sleep(0.05)


def wait_for_line(
    log: Path, pattern: str, what: str, *, count: int = 1, **options
) -> list[re.Match]:
    """The first `count` matches of `pattern` in the file `log`, once there are
    that many (the file is read afresh each time)."""

    def matches() -> list[re.Match]:
        text = log.read_text(errors="replace") if log.exists() else ""
        found = list(re.finditer(pattern, text, flags=re.MULTILINE))
        return found[:count] if len(found) >= count else []

    return wait_for(matches, what, **options)

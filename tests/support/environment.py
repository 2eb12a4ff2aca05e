"""What some tests need from the machine: a browser, Redis, PostgreSQL's
own programs. Without it, a test skips on a developer's machine, saying why,
and fails in CI (CI=true), where everything must run."""

import os

import pytest


def require(what: str, missing: str | None) -> None:
    """Skip, or in CI fail, when `missing` says what is not there."""
    if not missing:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{what} must run in CI: {missing}")
    pytest.skip(missing)

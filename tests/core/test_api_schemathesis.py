"""Property-based test of the whole API against its own OpenAPI schema.

schemathesis generates requests for every operation in /api/v1/schema/
(query parameters, path parameters, JSON bodies, within the schema) and sends
them to a real HTTP server (pytest-django's live_server) with the seed data
loaded, as an editor with every model permission, so writes run too; path
parameters are either generated or a real record's key, so updates and
deletions of real records are tried as well. Each response must not be a
5xx, must use a documented status code and content type, and its body must
match the documented schema.

Deterministic (derandomized) and bounded: EXAMPLES_PER_OPERATION examples
for each of the 72 operations, without shrinking.
"""

from io import StringIO

import pytest
import requests
import schemathesis
from django.conf import settings
from django.core.management import call_command
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

# Each test here starts a process, a server or a browser.
pytestmark = pytest.mark.external

EXAMPLES_PER_OPERATION = 20
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def seeded_live_server(live_server, transactional_db):
    call_command("load_seeds", "--seeds-dir", str(settings.SEEDS_DIR), stdout=StringIO())
    return live_server


def first_record_keys(base_url, operations) -> dict[str, dict[str, object]]:
    """For each detail path, the key of a real record: random slugs find
    nothing, and updates and deletes of real records are worth testing too."""
    keys = {}
    for operation in operations:
        if operation.method.upper() != "GET" or "{" in operation.path:
            continue
        rows = requests.get(f"{base_url}{operation.path}?page_size=1", timeout=30).json()["results"]
        if rows:
            lookup = "slug" if "slug" in rows[0] else "id"
            keys[operation.path] = {lookup: rows[0][lookup]}
    return keys


def strategy_for(operation, real_keys):
    """Cases with generated path parameters, or with a real record's key."""
    generated = operation.as_strategy()
    list_path = operation.path.split("{")[0]
    if "{" in operation.path and list_path in real_keys:
        return generated | operation.as_strategy(path_parameters=real_keys[list_path])
    return generated


def test_every_operation_keeps_to_the_schema_against_a_live_server(seeded_live_server, editor):
    from accounts.models import ApiToken

    _token, key = ApiToken.issue(editor, name="schemathesis")
    schema = schemathesis.openapi.from_url(f"{seeded_live_server.url}/api/v1/schema/?format=json")
    # No shared session: a fresh connection per request. With keep-alive the
    # test server's small writes wait on delayed ACKs, and the run takes
    # twice as long.
    headers = {"Authorization": f"Token {key}"}

    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 60  # every resource's list, detail and writes
    real_keys = first_record_keys(seeded_live_server.url, operations)
    called, failures = [], {}
    for operation in operations:

        @hypothesis_settings(
            max_examples=EXAMPLES_PER_OPERATION,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy_for(operation, real_keys))
        def check(case):
            response = case.call(base_url=seeded_live_server.url, headers=headers)
            case.validate_response(response, checks=CHECKS)
            called.append((case.method, response.status_code))

        try:
            check()
        except (Exception, BaseExceptionGroup) as exc:  # report every failing operation
            failures[operation.label] = exc

    assert not failures, "\n\n".join(f"{label}: {exc}" for label, exc in failures.items())
    methods = {method for method, _ in called}
    assert methods == {"GET", "POST", "PUT", "PATCH", "DELETE"}
    # Not everything was turned away: reads, creations, changes and deletions
    # of real records succeeded too.
    succeeded = {method for method, status in called if status in (200, 201, 204)}
    assert succeeded == {"GET", "POST", "PUT", "PATCH", "DELETE"}

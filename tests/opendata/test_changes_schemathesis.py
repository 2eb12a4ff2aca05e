"""The changes feed against its own schema, as the whole API's schemathesis
run does (tests/core/test_api_schemathesis.py), on its own operation: more
examples, so that its parameters (since, cursor, page_size) are tried hard."""

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings

from tests.core.test_api_schemathesis import CHECKS, seeded_live_server  # noqa: F401

pytestmark = pytest.mark.external


def test_the_changes_feed_keeps_to_its_schema(seeded_live_server):  # noqa: F811
    schema = schemathesis.openapi.from_url(f"{seeded_live_server.url}/api/v1/schema/?format=json")
    [operation] = [
        result.ok()
        for result in schema.get_all_operations()
        if result.ok().path == "/api/v1/changes/"
    ]
    statuses = []

    @hypothesis_settings(
        max_examples=100,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case):
        response = case.call(base_url=seeded_live_server.url)
        case.validate_response(response, checks=CHECKS)
        statuses.append(response.status_code)

    check()
    assert {200, 400} <= set(statuses)

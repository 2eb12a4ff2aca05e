"""Stateful fuzzing of the API as an editor's client would use it.

schemathesis builds a state machine from the OpenAPI schema's links
(core.api.schema.add_links: from a creation, read or change of a record to
reading, replacing, changing and deleting that record) and walks sequences
of calls against a live server with the seed data, with an editor's token:
create a topic, change it, read it, delete it; create a citation, replace
it... Every response must not be a 5xx, and must keep to the schema (status
code, content type, body).

Deterministic (a fixed seed: derandomized) and bounded: EXAMPLES sequences
of at most STEPS calls, within a time budget (BUDGET_SECONDS, enforced by the
test's timeout). `API_FUZZ_EXAMPLES` runs more, for a longer hunt by hand.
"""

import os
import time
from collections import Counter
from io import StringIO

import pytest
import schemathesis
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db.models import Max, ProtectedError, RestrictedError
from hypothesis import HealthCheck, Phase
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from core.content_apps import content_app_labels

pytestmark = pytest.mark.external

EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "60"))
STEPS = 8
BUDGET_SECONDS = 240
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


def _content_models():
    return [
        model
        for label in content_app_labels()
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    ]


def _watermarks() -> dict:
    return {
        model: model.objects.aggregate(top=Max("pk"))["top"] or 0 for model in _content_models()
    }


def _delete_created_since(marks: dict) -> None:
    """Every record made after `marks`, so that each sequence starts from the
    seed data: hypothesis replays a sequence and must meet the same answers.
    Children before what they rest on, by retrying what is still protected."""
    pending = dict(marks)
    for _attempt in range(len(pending) + 1):
        for model, mark in list(pending.items()):
            try:
                model.objects.filter(pk__gt=mark).delete()
            except (ProtectedError, RestrictedError):
                continue
            del pending[model]
        if not pending:
            return
    raise AssertionError(f"could not clean up {list(pending)}")


@pytest.mark.timeout(BUDGET_SECONDS + 60)
def test_create_change_delete_sequences_keep_to_the_schema(seeded_live_server, editor):
    from accounts.models import ApiToken

    _token, key = ApiToken.issue(editor, name="stateful fuzzing")
    base_url = seeded_live_server.url
    schema = schemathesis.openapi.from_url(f"{base_url}/api/v1/schema/?format=json")
    calls: Counter = Counter()

    marks = _watermarks()

    class EditorsClient(schema.as_state_machine()):
        def teardown(self):
            _delete_created_since(marks)

        def get_call_kwargs(self, case):
            # A fresh connection per request (see test_api_schemathesis.py).
            return {"base_url": base_url, "headers": {"Authorization": f"Token {key}"}}

        def after_call(self, response, case):
            calls[(case.method.upper(), response.status_code)] += 1

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS)

    started = time.monotonic()
    EditorsClient.run(
        settings=hypothesis_settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
    )
    assert time.monotonic() - started < BUDGET_SECONDS
    assert not any(status >= 500 for _method, status in calls)
    # Sequences really ran: records were created, then changed and deleted
    # by following the links.
    succeeded = {method for (method, status) in calls if status in (200, 201, 204)}
    assert {"POST", "GET", "DELETE"} <= succeeded, calls
    assert succeeded & {"PUT", "PATCH"}, calls

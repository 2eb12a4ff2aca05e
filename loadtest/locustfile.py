"""Mixed readers and writers for loadtest/load_and_fault_runs.py, which sets the environment:
LOADTEST_RUN (the marker every write carries in its slug), LOADTEST_TOKENS
(editors' API tokens, comma-separated) and LOADTEST_OUT (where every
request's outcome is written for the runner to count and reconcile)."""

import json
import os
import random
import time
import uuid
from pathlib import Path

from locust import FastHttpUser, between, events, task

RUN = os.environ.get("LOADTEST_RUN", "manual")
TOKENS = [t for t in os.environ.get("LOADTEST_TOKENS", "").split(",") if t]
OUT = Path(os.environ.get("LOADTEST_OUT", "loadtest-out"))

# Seed records every reader may ask for (seeds/data).
AGREEMENTS = ["spca"]
PAGES = [
    "/",
    "/agreements/",
    "/meetings/",
    "/commitments/",
    "/organisations/",
    "/people/",
    "/timeline/",
    "/sources/",
    "/figures/",
]
API_LISTS = [
    "/api/v1/agreements/",
    "/api/v1/organisations/",
    "/api/v1/meetings/",
    "/api/v1/people/",
    "/api/v1/status-events/",
    "/api/v1/citations/",
]
CSV = ["/agreements/?format=csv", "/api/v1/organisations/?format=csv"]

requests_seen: list[tuple[float, str, int, float]] = []  # (start, name, status, ms)
writes: list[dict] = []


@events.request.add_listener
def _record(request_type, name, response_time, response, exception, start_time=None, **_):
    status = getattr(response, "status_code", 0) or 0
    if exception is not None and not status:
        status = 0
    requests_seen.append((start_time or time.time(), name, status, response_time))


@events.test_stop.add_listener
def _save(environment, **_):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "requests.json").write_text(json.dumps(requests_seen))
    (OUT / "writes.json").write_text(json.dumps(writes))


def _expected(response):
    """Our own tally decides what counts; locust's marks only transport errors."""
    response.success()


class Reader(FastHttpUser):
    weight = 9
    wait_time = between(0.5, 1.5)
    network_timeout = 30.0
    connection_timeout = 10.0

    def _get(self, path, name=None):
        with self.client.get(path, name=name or path, catch_response=True) as response:
            _expected(response)

    @task(4)
    def page(self):
        self._get(random.choice(PAGES))  # noqa: S311 - load mix, not security

    @task(2)
    def detail_page(self):
        self._get(f"/agreements/{random.choice(AGREEMENTS)}/", "/agreements/<slug>/")  # noqa: S311

    @task(4)
    def api_list(self):
        self._get(random.choice(API_LISTS))  # noqa: S311

    @task(2)
    def api_detail(self):
        slug = random.choice(AGREEMENTS)  # noqa: S311
        self._get(f"/api/v1/agreements/{slug}/", "/api/v1/agreements/<slug>/")

    @task(1)
    def csv(self):
        self._get(random.choice(CSV))  # noqa: S311


class Editor(FastHttpUser):
    weight = 1
    wait_time = between(0.5, 1.5)
    network_timeout = 30.0
    connection_timeout = 10.0

    def on_start(self):
        self.token = random.choice(TOKENS)  # noqa: S311

    def _create(self, path, kind, body):
        slug = f"lt-{RUN}-{uuid.uuid4().hex[:16]}"
        body["slug"] = slug
        with self.client.post(
            path,
            json=body,
            # A fresh connection for each write: on a reused keep-alive one, the
            # server may close it as the request goes out, and a POST is not
            # retried; that would be the client's loss, not the app's.
            headers={"Authorization": f"Token {self.token}", "Connection": "close"},
            name=f"POST {path}",
            catch_response=True,
        ) as response:
            writes.append(
                {
                    "kind": kind,
                    "slug": slug,
                    "status": response.status_code or 0,
                    "error": repr(getattr(response, "error", None) or ""),
                }
            )
            _expected(response)

    @task(1)
    def create_source(self):
        self._create(
            "/api/v1/sources/",
            "source",
            {
                "title": f"Load test {RUN}",
                "kind": "other",
                "language": "en",
                "text": "A line written by the load test. " * 20,
                "published_on": "2025-02-12",
                "published_on_precision": "day",
            },
        )

    @task(1)
    def create_organisation(self):
        self._create(
            "/api/v1/organisations/",
            "organisation",
            {"name": f"Load test organisation {RUN}", "kind": "other", "country": "KZ"},
        )

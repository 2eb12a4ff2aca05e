"""The database goes away and comes back: the running app answers 503 within
seconds while it is down, then serves again with no restart.

The real thing, short: gunicorn serving the app on a throwaway PostgreSQL
cluster of this test's own (never the shared server), which the test stops
and starts. The long version under load is loadtest/load_and_fault_runs.py (docs/LOAD.md)."""

import pytest
import requests

from loadtest.pgcluster import ThrowawayCluster, unavailable_reason
from loadtest.server import Server, app_env, manage
from tests.support.environment import require

# Each test here starts a process, a server or a browser.
pytestmark = pytest.mark.external

MESSAGE = "The data is briefly unavailable. Please try again in a moment."
# No wall-clock limit is asserted (the machine may be loaded): a request that
# hung on the database would instead be cut off by gunicorn's worker timeout
# (30 s in loadtest/server.py), which answers no 503 and logs WORKER TIMEOUT,
# both checked. The bound on the wait is the connect timeout
# (tests/site/test_settings.py).


@pytest.fixture(scope="module")
def cluster():
    require("The outage test", unavailable_reason())
    with ThrowawayCluster() as pg:
        yield pg


@pytest.fixture(scope="module")
def app(cluster, tmp_path_factory):
    env = app_env(cluster.url)
    manage(env, "migrate", "--noinput")
    manage(env, "load_seeds")
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth.models import User; "
        "from accounts.models import ApiToken, digest; "
        "from django.utils import timezone; import datetime; "
        "u = User.objects.create_superuser('ed', 'ed@example.org', 'a long passphrase'); "
        "ApiToken.objects.create(user=u, prefix='0' * 8, key_digest=digest('0' * 40), "
        "expires_at=timezone.now() + datetime.timedelta(days=1))",
    )
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    # One worker, one thread: every request goes through the same database
    # connection, the one that dies with the server.
    with Server(env, 0, log, workers=1, threads=1) as server:
        yield server


def _get(app, path, **kwargs):
    return requests.get(app.url + path, timeout=60, **kwargs)


def _admin_session(app) -> requests.Session:
    session = requests.Session()
    session.get(app.url + "/admin/login/", timeout=30)
    response = session.post(
        app.url + "/admin/login/?next=/admin/",
        data={
            "username": "ed",
            "password": "a long passphrase",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "next": "/admin/",
        },
        headers={"Referer": app.url + "/admin/login/"},
        timeout=30,
    )
    assert response.status_code == 200 and "Log out" in response.text, response.text[:500]
    return session


def _new_source(app, slug):
    return requests.post(
        app.url + "/api/v1/sources/",
        json={
            "slug": slug,
            "title": "Written while the database was down",
            "kind": "news",
            "language": "en",
            "text": "Some text.",
            "published_on": "2025-02-12",
            "published_on_precision": "day",
        },
        headers={"Authorization": "Token " + "0" * 40},
        timeout=60,
    )


def test_requests_get_503_fast_while_the_database_is_down_and_succeed_after(app, cluster):
    admin = _admin_session(app)
    pid = app.process.pid
    assert _get(app, "/").status_code == 200

    cluster.stop()
    try:
        page = _get(app, "/agreements/")
        assert page.status_code == 503, page.text[:500]
        assert page.headers["Content-Type"].startswith("text/html")
        assert MESSAGE in page.text
        assert int(page.headers["Retry-After"]) > 0

        api = _get(app, "/api/v1/agreements/")
        assert api.status_code == 503
        assert api.json() == {"detail": MESSAGE}
        assert int(api.headers["Retry-After"]) > 0

        write = _new_source(app, "written-while-down")
        assert write.status_code == 503

        admin_page = admin.get(app.url + "/admin/agreements/agreement/", timeout=60)
        assert admin_page.status_code == 503
        assert MESSAGE in admin_page.text
    finally:
        cluster.start()
    cluster.wait_ready()

    # The next request is served: no restart, the same gunicorn and worker.
    assert _get(app, "/agreements/").status_code == 200
    assert _get(app, "/api/v1/agreements/").status_code == 200
    assert admin.get(app.url + "/admin/agreements/agreement/", timeout=60).status_code == 200
    assert app.process.pid == pid and app.process.poll() is None
    assert "WORKER TIMEOUT" not in app.log_tail(lines=10_000)
    # The write that was refused was not made.
    assert _get(app, "/api/v1/sources/written-while-down/").status_code == 404
    assert _new_source(app, "written-after").status_code == 201


def test_a_connection_that_died_between_requests_is_replaced_by_the_next_one(app, cluster):
    """conn_health_checks: the worker holds a connection (CONN_MAX_AGE); the
    server restarts between two requests; the second still succeeds."""
    assert _get(app, "/api/v1/agreements/").status_code == 200
    cluster.stop()
    cluster.start()
    cluster.wait_ready()
    response = _get(app, "/api/v1/agreements/")
    assert response.status_code == 200, app.log_tail()

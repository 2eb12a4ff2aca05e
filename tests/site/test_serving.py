"""gunicorn with the project's gunicorn.conf.py, and the /healthz check a load
balancer asks each host: real servers in subprocesses, asked over HTTP."""

import http.client
import os
import re
import runpy
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.waiting import wait_for_line

# Each test here starts a process, a server or a browser.
pytestmark = pytest.mark.external

ROOT = Path(__file__).resolve().parents[2]
CONF = ROOT / "gunicorn.conf.py"
GUNICORN = Path(sys.executable).parent / "gunicorn"


def _conf(monkeypatch, **env) -> dict:
    for name in (
        "PORT",
        "BIND",
        "WEB_CONCURRENCY",
        "GUNICORN_THREADS",
        "GUNICORN_TIMEOUT",
        "GUNICORN_WORKER_CLASS",
    ):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_the_defaults_suit_a_database_bound_site(monkeypatch):
    conf = _conf(monkeypatch)
    assert conf["bind"] == "0.0.0.0:8000"
    assert conf["workers"] == 2 * len(os.sched_getaffinity(0))
    assert (conf["worker_class"], conf["threads"]) == ("gthread", 4)
    assert (conf["timeout"], conf["graceful_timeout"], conf["keepalive"]) == (30, 30, 5)
    assert (conf["max_requests"], conf["max_requests_jitter"]) == (1000, 100)
    assert (conf["accesslog"], conf["errorlog"]) == ("-", "-")


def test_every_knob_comes_from_the_environment(monkeypatch):
    conf = _conf(
        monkeypatch, PORT="9000", WEB_CONCURRENCY="3", GUNICORN_THREADS="8", GUNICORN_TIMEOUT="60"
    )
    assert (conf["bind"], conf["workers"], conf["threads"], conf["timeout"]) == (
        "0.0.0.0:9000",
        3,
        8,
        60,
    )
    assert _conf(monkeypatch, BIND="unix:/run/tracker.sock", PORT="9000")["bind"] == (
        "unix:/run/tracker.sock"
    )


def test_a_malformed_number_stops_gunicorn_naming_it(monkeypatch):
    with pytest.raises(SystemExit, match=r"WEB_CONCURRENCY='many' is not a whole number"):
        _conf(monkeypatch, WEB_CONCURRENCY="many")


@pytest.fixture
def serve(tmp_path):
    """Start gunicorn with gunicorn.conf.py and the given environment; stop
    it after the test. Returns (port, log file). gunicorn binds port 0 and
    the port is read back from its log: no port is chosen free and then
    released for another process to take first."""
    started = []

    def start(**env) -> tuple[int, Path]:
        log = tmp_path / f"gunicorn-{len(started)}.log"
        environment = {
            key: value
            for key, value in os.environ.items()
            if key
            not in {"DATABASE_URL", "DATABASE_REPLICA_URL", "CACHE_URL", "TEST_DATABASE_NAME"}
        }
        environment.update(
            {
                "BIND": "127.0.0.1:0",
                "WEB_CONCURRENCY": "2",
                "GUNICORN_THREADS": "2",
                "DEBUG": "false",
                "SECRET_KEY": "x" * 50,
                "ALLOWED_HOSTS": "tracker.example",
                "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
                **env,
            }
        )
        with log.open("w") as output:
            process = subprocess.Popen(
                [str(GUNICORN), "--config", str(CONF)],
                cwd=ROOT,
                env=environment,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        started.append(process)
        (listening,) = wait_for_line(
            log,
            r"Listening at: http://127\.0\.0\.1:(\d+)",
            "gunicorn listening",
            still_running=lambda: process.poll() is None,
        )
        return int(listening[1]), log

    yield start
    for process in started:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def _get(port: int, path: str, host: str) -> tuple[int, dict, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response.status, dict(response.getheaders()), body


def test_gunicorn_serves_the_health_check_to_the_balancer(serve):
    port, log = serve()
    # The balancer asks by address, not by one of ALLOWED_HOSTS.
    status, headers, body = _get(port, "/healthz", host=f"10.0.0.7:{port}")
    assert (status, body) == (200, "ok\n")
    assert headers["Cache-Control"] == "no-store"
    # Every other page still refuses a host that is not allowed.
    assert _get(port, "/", host="10.0.0.7")[0] == 400
    # The access log line is written after the response: wait for it.
    wait_for_line(log, r'"GET /healthz HTTP/1\.1" 200', "the access log line")
    text = log.read_text()
    assert "Using worker: gthread" in text
    # WEB_CONCURRENCY=2: two workers, each booted once (none restarted).
    wait_for_line(log, r"Booting worker with pid", "two workers booted", count=2)
    assert len(re.findall(r"Booting worker with pid", log.read_text())) == 2


def test_the_health_check_names_a_database_that_does_not_answer(serve, tmp_path):
    port, _ = serve(DATABASE_REPLICA_URL=f"sqlite:///{tmp_path / 'missing' / 'replica.sqlite3'}")
    status, headers, body = _get(port, "/healthz", host="10.0.0.7")
    assert (status, body) == (503, "unavailable: database replica\n")
    assert headers["Cache-Control"] == "no-store"

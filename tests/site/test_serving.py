"""gunicorn with the project's gunicorn.conf.py, and the /healthz check a load
balancer asks each host: real servers in subprocesses, asked over HTTP."""

import http.client
import os
import runpy
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def serve(tmp_path):
    """Start gunicorn with gunicorn.conf.py and the given environment; stop
    it after the test. Returns (port, log file)."""
    started = []

    def start(**env) -> tuple[int, Path]:
        port = _free_port()
        log = tmp_path / f"gunicorn-{port}.log"
        environment = {
            key: value
            for key, value in os.environ.items()
            if key
            not in {"DATABASE_URL", "DATABASE_REPLICA_URL", "CACHE_URL", "TEST_DATABASE_NAME"}
        }
        environment.update(
            {
                "BIND": f"127.0.0.1:{port}",
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
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                return port, log
            except OSError:
                time.sleep(0.2)
        pytest.fail(f"gunicorn did not start:\n{log.read_text()}")

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
    time.sleep(0.5)
    text = log.read_text()
    assert "Using worker: gthread" in text
    assert text.count("Booting worker with pid") == 2
    assert '"GET /healthz HTTP/1.1" 200' in text  # the access log


def test_the_health_check_names_a_database_that_does_not_answer(serve, tmp_path):
    port, _ = serve(DATABASE_REPLICA_URL=f"sqlite:///{tmp_path / 'missing' / 'replica.sqlite3'}")
    status, headers, body = _get(port, "/healthz", host="10.0.0.7")
    assert (status, body) == (503, "unavailable: database replica\n")
    assert headers["Cache-Control"] == "no-store"

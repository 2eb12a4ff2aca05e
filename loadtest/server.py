"""The app served by gunicorn against a given database, one way for the
load test and the outage test: `gunicorn -c gunicorn.conf.py` when the
project has that file, plain flags otherwise (flags given here win over it)."""

import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "gunicorn.conf.py"


def app_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a production-like app on `database_url`."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_CONNECT_TIMEOUT="2",
        # Every load-test client comes from 127.0.0.1: one anonymous "client"
        # for the throttle, which would turn the run into 429s.
        API_ANON_RATE="1000000/minute",
        API_USER_RATE="1000000/minute",
        # Plain HTTP on loopback (in production TLS ends at the proxy): no
        # redirect to https, and cookies a client will send back over http.
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        # The runs' editors sign in to the admin by password alone; the
        # second factor has its own tests (tests/accounts/).
        ADMIN_REQUIRE_2FA="false",
        # Production serves hashed static files, collected by start() here.
        STATIC_ROOT=tempfile.mkdtemp(prefix="kzuk-static-"),
        **extra,
    )
    env.pop("TEST_DATABASE_NAME", None)
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 600) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def gunicorn_command(port: int, *, workers: int, threads: int) -> list[str]:
    command = [sys.executable, "-m", "gunicorn"]
    if CONFIG.exists():
        command += ["-c", str(CONFIG)]
    return [
        *command,
        "kzuk_site.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "30",
    ]


LISTENING = re.compile(rb"Listening at: http://127\.0\.0\.1:(\d+)")


class Server:
    """gunicorn in a subprocess; its output goes to `log`. Port 0 (the
    default) lets the system pick a free port as gunicorn binds it, read back
    from gunicorn's log: a port found free and released first could be taken
    by another process in between."""

    def __init__(self, env, port: int = 0, log: Path | None = None, *, workers=1, threads=1):
        if log is None:
            raise TypeError("Server needs a log file")
        self.env, self.port, self.log_path = env, port, log
        self.command = gunicorn_command(port, workers=workers, threads=threads)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        static_root = self.env.get("STATIC_ROOT")
        if static_root and not (Path(static_root) / "staticfiles.json").exists():
            manage(self.env, "collectstatic", "--noinput")
        self._log = self.log_path.open("ab")
        # This start's own lines: the log may hold an earlier run's.
        offset = self._log.tell()
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        bound = self.command[self.command.index("--bind") + 1]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_tail()}")
            if bound.endswith(":0"):
                self.port = self._listening_port(offset)
            if self.port and self._answers():
                return
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer in {timeout}s:\n{self.log_tail()}")

    def _listening_port(self, offset: int) -> int:
        with self.log_path.open("rb") as log:
            log.seek(offset)
            found = LISTENING.search(log.read())
        return int(found[1]) if found else 0

    def _answers(self) -> bool:
        try:
            requests.get(self.url + "/api/v1/", timeout=5)
            return True
        except requests.ConnectionError:
            return False

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "_log", None):
            self._log.close()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def __enter__(self) -> "Server":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

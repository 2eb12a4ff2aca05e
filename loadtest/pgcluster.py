"""A throwaway PostgreSQL cluster: initdb into a temporary folder, served on
a Unix socket in that folder only (no TCP port, so none to pick free and
lose to another process before the server binds it), stopped and started at
will. For fault tests that stop the database, which must never be done to a
server others use."""

import glob
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote


def _bindir() -> Path | None:
    found = shutil.which("pg_config")
    if found:
        out = subprocess.run([found, "--bindir"], capture_output=True, text=True, check=False)
        candidate = Path(out.stdout.strip())
        if (candidate / "initdb").exists():
            return candidate
    # Debian keeps the server programs off PATH, by version.
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    return Path(versions[-1]) if versions else None


def unavailable_reason() -> str | None:
    """Why no throwaway cluster can be made here, or None."""
    bindir = _bindir()
    if bindir is None or not (bindir / "initdb").exists():
        return "no PostgreSQL server programs (initdb) found: apt-get install postgresql"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run the server as"
    return None


class ThrowawayCluster:
    """`with ThrowawayCluster() as pg:` a running server at `pg.url`; gone after."""

    def __init__(self, port: int = 5432, max_connections: int = 100):
        # Only names the socket file (.s.PGSQL.<port>) in a folder of its own.
        self.port = port
        self.max_connections = max_connections
        self.bindir = _bindir()
        self.root = Path(tempfile.mkdtemp(prefix="kzuk-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"

    @property
    def url(self) -> str:
        return f"postgres://postgres@{quote(str(self.root), safe='')}:{self.port}/postgres"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        command = [str(self.bindir / args[0]), *args[1:]]
        # initdb and the server refuse to run as root.
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def init(self) -> "ThrowawayCluster":
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        return self

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses='' "
            f"-c max_connections={self.max_connections}"
        )
        result = self._run(
            "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "start",
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"PostgreSQL did not start: {result.stderr}\n{self.log_tail()}")

    def stop(self, mode: str = "fast") -> None:
        """`fast` ends the sessions at once, as a crash or failover would for clients."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def is_ready(self) -> bool:
        result = self._run(
            "pg_isready", "-h", str(self.root), "-p", str(self.port), "-q", check=False
        )
        return result.returncode == 0

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not self.is_ready():
            if time.monotonic() > deadline:
                raise RuntimeError(f"PostgreSQL not ready after {timeout}s\n{self.log_tail()}")
            time.sleep(0.2)

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text().splitlines()[-lines:])
        except OSError:
            return ""

    def remove(self) -> None:
        self.stop(mode="immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "ThrowawayCluster":
        try:
            self.init()
            self.start()
        except BaseException:
            self.remove()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        self.remove()

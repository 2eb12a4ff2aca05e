"""The load test, and with --fault the same load through a database outage.

    .venv/bin/python -m loadtest.load_and_fault_runs  # 200 clients, 60 s
    .venv/bin/python -m loadtest.load_and_fault_runs --fault  # PostgreSQL stopped 10 s mid-run

Starts a throwaway PostgreSQL cluster (never the shared server), migrates it,
loads the seeds, makes editors with API tokens, serves the app with gunicorn
(loadtest/server.py), runs locust headless (loadtest/locustfile.py, from the
tools environment: requirements-tools.txt), then accounts for every write:
the rows carrying this run's marker must be exactly the writes answered 201,
and no write answered 503 may exist. Prints its figures; exits 1 if a check
failed. See docs/LOAD.md."""

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import psycopg

from loadtest.pgcluster import ThrowawayCluster
from loadtest.server import ROOT, Server, app_env, manage

EDITORS = 10
TABLES = {"source": "seeds_source", "organisation": "dialogue_organisation"}


def _locust_binary(given: str | None) -> str:
    for candidate in (given, ROOT / ".venv-tools" / "bin" / "locust", shutil.which("locust")):
        if candidate and Path(candidate).exists():
            return str(candidate)
    sys.exit(
        "No locust: python3 -m venv .venv-tools && "
        ".venv-tools/bin/pip install -r requirements-tools.txt"
    )


def _make_editors(env) -> list[str]:
    out = manage(
        env,
        "shell",
        "-c",
        "import json; from django.contrib.auth.models import Group, User; "
        "from accounts.models import ApiToken; "
        "editors = Group.objects.get(name='editors'); tokens = []\n"
        f"for n in range({EDITORS}):\n"
        "    u = User.objects.create_user(f'load-editor-{n}', is_staff=True)\n"
        "    u.groups.add(editors)\n"
        "    tokens.append(ApiToken.issue(u, name='load test')[1])\n"
        "print(json.dumps(tokens))",
    )
    return json.loads(out.strip().splitlines()[-1])


def _outage(cluster, at: float, length: float, timeline: dict) -> None:
    time.sleep(at)
    timeline["stopping"] = time.time()
    cluster.stop(mode="fast")
    timeline["stopped"] = time.time()
    time.sleep(length)
    timeline["starting"] = time.time()
    cluster.start()
    cluster.wait_ready()
    timeline["ready"] = time.time()


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def _load_average() -> str:
    return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()


def _arguments(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200, help="Concurrent clients.")
    parser.add_argument("--duration", type=int, default=60, help="Seconds of load.")
    parser.add_argument("--spawn-rate", type=int, default=50, help="Clients started a second.")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers.")
    parser.add_argument("--threads", type=int, default=4, help="Threads per worker.")
    parser.add_argument("--fault", action="store_true", help="Stop PostgreSQL mid-run.")
    parser.add_argument("--outage-at", type=float, default=25, help="Seconds into the run.")
    parser.add_argument("--outage", type=float, default=10, help="Seconds PostgreSQL is down.")
    parser.add_argument("--locust", help="The locust program (default: .venv-tools/bin/locust).")
    parser.add_argument("--out", type=Path, help="Folder for logs and raw results.")
    return parser.parse_args(argv)


def _locust_command(locust: str, args, url: str) -> list[str]:
    return [
        locust, "-f", str(ROOT / "loadtest" / "locustfile.py"), "--headless",
        "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.duration}s",
        "--host", url, "--stop-timeout", "15", "--only-summary",
        "--loglevel", "WARNING",
    ]  # fmt: skip


def _run_locust(command: list[str], env: dict, log_path: Path, outage) -> None:
    """Locust to the end, with the outage (if any) running beside it."""
    if outage:
        outage.start()
    with log_path.open("w") as log:
        subprocess.run(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    if outage:
        outage.join()


def _marked_rows(url: str, run_id: str) -> dict[str, set[str]]:
    """The slugs carrying this run's marker, by kind of record."""
    found = {}
    with psycopg.connect(url) as db:
        for kind, table in TABLES.items():
            rows = db.execute(
                f"SELECT slug FROM {table} WHERE slug LIKE %s",  # noqa: S608 - our table names
                (f"lt-{run_id}-%",),
            ).fetchall()
            found[kind] = {slug for (slug,) in rows}
    return found


def main(argv=None) -> int:
    args = _arguments(argv)
    locust = _locust_binary(args.locust)
    out = args.out or Path(tempfile.mkdtemp(prefix="kzuk-load-"))
    out.mkdir(parents=True, exist_ok=True)
    run_id = uuid.uuid4().hex[:8]
    print(f"run {run_id}: results in {out}; load average before {_load_average()}")

    with ThrowawayCluster(max_connections=200) as cluster:
        env = app_env(cluster.url)
        manage(env, "migrate", "--noinput")
        manage(env, "load_seeds")
        tokens = _make_editors(env)
        server = Server(env, 0, out / "gunicorn.log", workers=args.workers, threads=args.threads)
        print("server:", " ".join(server.command))
        with server:
            timeline: dict[str, float] = {}
            outage = None
            if args.fault:
                outage = threading.Thread(
                    target=_outage, args=(cluster, args.outage_at, args.outage, timeline)
                )
            started = time.time()
            locust_env = {
                **env,
                "LOADTEST_RUN": run_id,
                "LOADTEST_TOKENS": ",".join(tokens),
                "LOADTEST_OUT": str(out),
            }
            command = _locust_command(locust, args, server.url)
            _run_locust(command, locust_env, out / "locust.log", outage)
            elapsed = time.time() - started
            load_after = _load_average()
        cluster.wait_ready()
        found = _marked_rows(cluster.url, run_id)

    return report(out, run_id, elapsed, load_after, found, timeline, args)


class Reconciled(NamedTuple):
    """The writes locust made against the rows found with the run's marker."""

    acknowledged: int
    rows_found: int
    failures: list[str]


def report(out, run_id, elapsed, load_after, found, timeline, args) -> int:
    requests_seen = json.loads((out / "requests.json").read_text())
    writes = json.loads((out / "writes.json").read_text())
    statuses = Counter(status for _, _, status, _ in requests_seen)

    print(f"\n== {'fault run' if args.fault else 'load run'} {run_id}: {args.users} clients")
    _print_requests(requests_seen, statuses, elapsed, load_after)
    failures = _status_failures(statuses, args.fault)
    reconciled = _reconcile(writes, found)
    failures += reconciled.failures
    if args.fault:
        failures += _report_outage(requests_seen, timeline, args)

    summary = {
        "run": run_id,
        "fault": args.fault,
        "requests": len(requests_seen),
        "seconds": round(elapsed, 1),
        "statuses": statuses,
        "writes_acknowledged": reconciled.acknowledged,
        "rows_found": reconciled.rows_found,
        "failures": failures,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2, default=str))
    print("RESULT         " + ("PASS" if not failures else "FAIL: " + "; ".join(failures)))
    return 1 if failures else 0


def _print_requests(requests_seen, statuses: Counter, elapsed: float, load_after: str) -> None:
    times = [ms for _, _, _, ms in requests_seen]
    print(
        f"requests       {len(requests_seen)} in {elapsed:.0f} s "
        f"({len(requests_seen) / elapsed:.1f}/s)"
    )
    print(
        f"latency ms     median {statistics.median(times):.0f}  p95 {_percentile(times, 0.95):.0f}"
        f"  p99 {_percentile(times, 0.99):.0f}  max {max(times):.0f}"
    )
    print(
        "by status      "
        + "  ".join(f"{s or 'no answer'}: {n}" for s, n in sorted(statuses.items()))
    )
    print(f"load average   after {load_after}")


def _status_failures(statuses: Counter, fault: bool) -> list[str]:
    """Server errors (a 503 is expected during an outage), and requests never answered."""
    failures = []
    server_errors = {s: n for s, n in statuses.items() if s >= 500 and (s != 503 or not fault)}
    if server_errors:
        failures.append(f"server errors: {server_errors}")
    if statuses.get(0):
        failures.append(f"{statuses[0]} requests got no answer (timeout or connection error)")
    return failures


def _reconcile(writes, found: dict[str, set[str]]) -> Reconciled:
    """Every write answered 201 is in the database, nothing else is, and
    none answered 503 was written."""
    failures = []
    acknowledged = {(w["kind"], w["slug"]) for w in writes if w["status"] == 201}
    refused = {(w["kind"], w["slug"]) for w in writes if w["status"] == 503}
    other = Counter(w["status"] for w in writes if w["status"] not in (201, 503))
    in_db = {(kind, slug) for kind, slugs in found.items() for slug in slugs}
    print(
        f"writes         {len(writes)} sent: {len(acknowledged)} acknowledged (201), "
        f"{len(refused)} refused (503), other {dict(other)}; {len(in_db)} rows with the marker"
    )
    lost = acknowledged - in_db
    unacknowledged = in_db - acknowledged
    refused_but_written = refused & in_db
    print(
        f"reconciled     acknowledged and missing: {len(lost)}; written but not acknowledged: "
        f"{len(unacknowledged)}; refused yet written: {len(refused_but_written)}"
    )
    if lost or unacknowledged or refused_but_written:
        failures.append("writes do not reconcile")
    if other:
        failures.append(f"writes answered neither 201 nor 503: {dict(other)}")
    return Reconciled(len(acknowledged), len(in_db), failures)


def _report_outage(requests_seen, timeline, args) -> list[str]:
    failures = []
    down, up = timeline["stopped"], timeline["ready"]
    unavailable = [(start, ms) for start, _, status, ms in requests_seen if status == 503]
    during = [ms for start, _, status, ms in requests_seen if down <= start <= up]
    after = sorted((start, status) for start, _, status, _ in requests_seen if start > up)
    print(
        f"outage         PostgreSQL down {up - down:.1f} s "
        f"({timeline['stopping'] - min(s for s, *_ in requests_seen):.0f} s into the run)"
    )
    if unavailable:
        slowest = max(ms for _, ms in unavailable)
        print(
            f"503s           {len(unavailable)}, slowest {slowest:.0f} ms, "
            f"median {statistics.median(ms for _, ms in unavailable):.0f} ms"
        )
        # On a shared, overloaded machine a request may wait in gunicorn's
        # queue for seconds: a 503 is a hang only if it took longer than the
        # slowest success plus the 2 s connect timeout.
        slowest_ok = max((ms for _, _, status, ms in requests_seen if status < 400), default=0)
        if slowest > slowest_ok + 2000:
            failures.append(f"a 503 took {slowest:.0f} ms (slowest success {slowest_ok:.0f})")
    else:
        failures.append("no 503 during the outage")
    if during:
        print(f"during outage  {len(during)} requests, max {max(during):.0f} ms")
    first_ok = next((start for start, status in after if status < 400), None)
    late_503 = [start for start, status in after if status == 503 and start > up + 5]
    if first_ok is None:
        failures.append("nothing succeeded after PostgreSQL came back")
    else:
        print(f"recovered      first success {first_ok - up:.2f} s after PostgreSQL was ready")
    if late_503:
        failures.append(f"{len(late_503)} 503s more than 5 s after PostgreSQL was back")
    return failures


if __name__ == "__main__":
    sys.exit(main())

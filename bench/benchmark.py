"""The benchmark: the site at scale, measured against its floor.

    .venv/bin/python bench/benchmark.py                  # 100,000 demo agreements
    .venv/bin/python bench/benchmark.py --agreements 1000 --duration 5   # a quick look

It makes (or reuses) a PostgreSQL database of demo data, serves the site with
gunicorn under benchmark settings (bench/settings.py: production settings plus
the bare floor endpoints of bench/floor.py), and measures every endpoint and
its floor with wrk, in the same run, from the same machine. It prints a
Markdown table: median and p99 latency, requests per second, the ratio of
each endpoint's median to its floor's, and the SQL queries per request; then
queries against page size, worker memory, the same list pages against
Datasette's (bench/peer.py, when .venv-bench exists), and a no-change
load_seeds re-run.
See docs/PERFORMANCE.md.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: the project's packages too

from bench import peer  # noqa: E402
from loadtest.server import Server  # noqa: E402

PYTHON = sys.executable
QUERY_COUNT_HEADER = "X-Query-Count"


@dataclass
class Measurement:
    median_ms: float
    p99_ms: float
    rps: float
    requests: int
    bad_responses: int


def main() -> int:
    args = _arguments()
    for tool in ("wrk", "gunicorn"):
        if not _which(tool):
            sys.exit(f"{tool} is not installed (see docs/PERFORMANCE.md)")
    env = _environment(args)
    _prepare_database(args, env)
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}", flush=True)

    samples = _samples(args.database_url)
    endpoints = _endpoints(samples)
    print(f"\n## Every endpoint against its floor (page cache off), {args.agreements:,} agreements")
    print(f"wrk: {args.threads} threads, {args.connections} connections, {args.duration} s each\n")
    with _server(args, env, page_cache_seconds=0) as server:
        rows = []
        for name, real, floor in endpoints:
            real_result = _measure(args, server, real)
            floor_result = _measure(args, server, floor)
            queries = (_query_count(server, real), _query_count(server, floor))
            rows.append((name, real, real_result, floor_result, queries))
        _print_table(rows)
        _print_page_size_queries(server)
        memory = _worker_memory(server)
        served = sum(row[2].requests + row[3].requests for row in rows)
        print(
            f"\nWorker resident memory after {served:,} requests over "
            f"{len(memory)} workers: " + ", ".join(f"{mb:.0f} MB" for mb in memory)
        )
        # The same server, after the memory reading: the peer's requests
        # are none of the workers' load reported above.
        if not args.no_peer and peer.available():
            peer.compare(args, server, _measure)
        elif not args.no_peer:
            print("\n(No .venv-bench: `make bench-setup` for the Datasette peer, bench/peer.py.)")

    print("\n## Pages from the page cache (as served in production)\n")
    with _server(args, env, page_cache_seconds=600) as server:
        print("| endpoint | median ms | p99 ms | req/s | queries |")
        print("|---|---:|---:|---:|---:|")
        for name, real, _floor in endpoints:
            if real.startswith("/api/"):
                continue
            result = _measure(args, server, real)
            print(
                f"| {name} | {result.median_ms:.2f} | {result.p99_ms:.2f} | "
                f"{result.rps:,.0f} | {_query_count(server, real)} |"
            )

    print("\n## load_seeds re-run with no changes (SQLite, wall time including start-up)\n")
    _time_seed_reload()
    return 0


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kzuk_bench"
        ),
        help="A PostgreSQL database for the demo data; made if missing.",
    )
    parser.add_argument("--agreements", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--duration", type=int, default=10, help="Seconds per endpoint.")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--no-peer", action="store_true", help="Skip the Datasette peer (bench/peer.py)."
    )
    return parser.parse_args()


def _which(tool: str) -> str | None:
    return shutil.which(tool) or (
        str(Path(PYTHON).parent / tool) if (Path(PYTHON).parent / tool).exists() else None
    )


def _environment(args) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=args.database_url,
        STATIC_ROOT=str(ROOT / "staticfiles"),
        WEB_CONCURRENCY=str(args.workers),
        PORT=str(args.port),
        BIND=f"127.0.0.1:{args.port}",
        # No recycling: the benchmark reports what a worker holds after many requests.
        GUNICORN_MAX_REQUESTS="0",
        LOG_LEVEL="WARNING",
        GUNICORN_ACCESS_LOG="/dev/null",
    )
    return env


def _manage(env, *arguments, capture=False):
    return subprocess.run(
        [PYTHON, "manage.py", *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        text=True,
        capture_output=capture,
    )


def _prepare_database(args, env):
    name = psycopg.conninfo.conninfo_to_dict(args.database_url)["dbname"]
    server_url = args.database_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    _manage(env, "migrate", "--noinput", "-v0")
    with psycopg.connect(args.database_url) as connection:
        (have,) = connection.execute("SELECT count(*) FROM agreements_agreement").fetchone()
    if have != args.agreements:
        print(f"generating {args.agreements:,} demo agreements (seed {args.seed})...", flush=True)
        started = time.perf_counter()
        _manage(
            env,
            "generate_demo_data",
            "--agreements",
            str(args.agreements),
            "--seed",
            str(args.seed),
            "--replace",
        )
        print(f"generate_demo_data: {time.perf_counter() - started:.1f} s", flush=True)
    _manage(env, "collectstatic", "--noinput", "-v0")


def _samples(database_url) -> dict:
    """Filter values that select a realistic share of the demo data."""
    with psycopg.connect(database_url) as connection:

        def one(sql):
            return connection.execute(sql).fetchone()[0]

        return {
            "status": one(
                "SELECT status FROM agreements_agreement GROUP BY status"
                " ORDER BY count(*) DESC LIMIT 1"
            ),
            "topic": one(
                "SELECT t.slug FROM dialogue_topic t JOIN agreements_agreement_topics m"
                " ON m.topic_id = t.id GROUP BY t.slug ORDER BY count(*) DESC LIMIT 1"
            ),
            "agreement": one(
                "SELECT a.slug FROM agreements_agreement a JOIN agreements_statusevent e"
                " ON e.agreement_id = a.id WHERE a.publication = 'published'"
                " GROUP BY a.slug ORDER BY count(*) DESC, a.slug LIMIT 1"
            ),
            # Words from the titles: the most common (past the ranking limit,
            # so listed in the list's order), and one a reader looking for
            # something particular would type (a few hundred hits, ranked).
            "word": one(
                "SELECT word FROM (SELECT split_part(title, ' ', 2) AS word"
                " FROM agreements_agreement LIMIT 1000) w WHERE length(word) > 4"
                " GROUP BY word ORDER BY count(*) DESC LIMIT 1"
            ).lower(),
            # The year with the most status steps, for a page deep in a full year.
            "busy_year": one(
                "SELECT extract(year FROM date)::int FROM agreements_statusevent"
                " GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1"
            ),
            "rare_word": one(
                "SELECT lower(word) FROM (SELECT regexp_split_to_table(title, '[^[:alpha:]]+')"
                " AS word FROM agreements_agreement WHERE id % 100 = 0) w"
                " WHERE length(word) > 5 GROUP BY lower(word)"
                " HAVING count(*) = 2 ORDER BY 1 LIMIT 1"
            ),
        }


def _endpoints(samples) -> list[tuple[str, str, str]]:
    status, topic, slug, word, rare, busy_year = (
        samples["status"],
        samples["topic"],
        samples["agreement"],
        samples["word"],
        samples["rare_word"],
        samples["busy_year"],
    )
    api = "/api/v1/agreements/?page_size=100"
    full = "page_size=100&expand=all"
    return [
        # The lean row is the list's default; `expand=all` the full one with
        # every step and quote (docs/API.md, "Choosing the shape").
        ("API agreements, page_size 100 (lean)", api, "/floor/api/agreements/?page_size=100"),
        (
            "API agreements, page_size 100, expand=all",
            f"/api/v1/agreements/?{full}",
            f"/floor/api/agreements/?{full}",
        ),
        (
            f"API agreements, status={status}",
            f"{api}&status={status}",
            f"/floor/api/agreements/?page_size=100&status={status}",
        ),
        (
            f"API agreements, topic={topic}",
            f"{api}&topic={topic}",
            f"/floor/api/agreements/?page_size=100&topic={topic}",
        ),
        (
            f"API agreements, search={word}",
            f"{api}&search={word}",
            f"/floor/api/agreements/?page_size=100&search={word}",
        ),
        (
            f"API agreements, search={rare}",
            f"{api}&search={rare}",
            f"/floor/api/agreements/?page_size=100&search={rare}",
        ),
        ("API agreement detail", f"/api/v1/agreements/{slug}/", f"/floor/api/agreements/{slug}/"),
        ("Agreements page", "/agreements/", "/floor/agreements/"),
        ("Agreement page", f"/agreements/{slug}/", f"/floor/agreements/{slug}/"),
        ("Dashboard", "/", "/floor/dashboard/"),
        ("Timeline (the latest year)", "/timeline/", "/floor/timeline/"),
        (
            f"Timeline, {busy_year}, page 50",
            f"/timeline/?year={busy_year}&page=50",
            f"/floor/timeline/?year={busy_year}&page=50",
        ),
    ]


def _server(args, env, *, page_cache_seconds: int) -> Server:
    """gunicorn with the repository's configuration, as the load test runs it."""
    log = Path(tempfile.gettempdir()) / "kzuk-bench-gunicorn.log"
    env = env | {"PAGE_CACHE_SECONDS": str(page_cache_seconds)}
    return Server(env, args.port, log, workers=args.workers, threads=4)


def _measure(args, server, path) -> Measurement:
    url = server.url + path
    for _ in range(3):  # warm: connections, caches, the first query plans
        urllib.request.urlopen(url, timeout=60).read()
    output = subprocess.run(
        [
            _which("wrk"),
            f"-t{args.threads}",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--timeout",
            "30s",
            "--latency",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return _parse_wrk(output)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _duration_ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def _parse_wrk(output: str) -> Measurement:
    def percentile(label):
        return _duration_ms(re.search(rf"^\s+{label}%\s+(\S+)", output, re.M).group(1))

    requests = int(re.search(r"(\d+) requests in", output).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return Measurement(
        median_ms=percentile("50"),
        p99_ms=percentile("99"),
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        requests=requests,
        bad_responses=(int(bad.group(1)) if bad else 0)
        + (sum(int(n) for n in errors.groups()) if errors else 0),
    )


def _query_count(server, path) -> int:
    with urllib.request.urlopen(server.url + path, timeout=60) as response:
        return int(response.headers[QUERY_COUNT_HEADER])


def _print_table(rows):
    print(
        "| endpoint | median ms | p99 ms | req/s | floor median ms | floor p99 ms | floor req/s "
        "| × floor | queries | floor queries |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    failures = 0
    for name, _path, real, floor, queries in rows:
        failures += real.bad_responses + floor.bad_responses
        print(
            f"| {name} | {real.median_ms:.2f} | {real.p99_ms:.2f} | {real.rps:,.0f} | "
            f"{floor.median_ms:.2f} | {floor.p99_ms:.2f} | {floor.rps:,.0f} | "
            f"{_ratio(real, floor)} | {queries[0]} | {queries[1]} |"
        )
    print(f"\nNon-2xx responses and socket errors over the whole run: {failures}")


def _ratio(real, floor) -> str:
    # No request finished within the run (each slower than its duration):
    # wrk reports a median of 0, which is no figure to divide by.
    if not floor.median_ms or not real.requests or not floor.requests:
        return "–"
    return f"{real.median_ms / floor.median_ms:.1f}"


def _json(server, path) -> dict:
    with urllib.request.urlopen(server.url + path, timeout=60) as response:
        return json.load(response)


def _print_page_size_queries(server):
    for shape in ("", "&expand=all"):
        counts = {
            size: _query_count(server, f"/api/v1/agreements/?page_size={size}{shape}")
            for size in (1, 10, 100, 500)
        }
        print(
            f"\nQueries per API list request ({shape.lstrip('&') or 'lean'}) by page_size: "
            + ", ".join(f"{size}: {count}" for size, count in counts.items())
        )
    last = _json(server, "/api/v1/agreements/?page_size=1")["count"] // 25
    pages = {page: _query_count(server, f"/agreements/?page={page}") for page in (1, 2, last)}
    print(
        "Queries per agreements page by page number: "
        + ", ".join(f"{page}: {count}" for page, count in pages.items())
    )


def _worker_memory(server) -> list[float]:
    master = server.process.pid
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":", 1) for line in status.read_text().splitlines() if ":" in line
            )
        except OSError:
            continue
        if int(fields.get("PPid", "0").strip()) == master:
            sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
    return sorted(sizes)


def _time_seed_reload():
    with tempfile.TemporaryDirectory() as directory:
        env = dict(os.environ)
        env.pop("DJANGO_SETTINGS_MODULE", None)
        env["DATABASE_URL"] = f"sqlite:///{directory}/seeds.sqlite3"
        _manage(env, "migrate", "--noinput", "-v0")
        _manage(env, "load_seeds", capture=True)
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            output = _manage(env, "load_seeds", capture=True).stdout
            timings.append(time.perf_counter() - started)
        assert " 0 created, 0 updated" in output, output
        print(
            f"median {statistics.median(timings):.2f} s, best {min(timings):.2f} s "
            f"over {len(timings)} runs; `manage.py check` alone: {_startup_seconds(env):.2f} s"
        )


def _startup_seconds(env) -> float:
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        _manage(env, "check", capture=True)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


if __name__ == "__main__":
    sys.exit(main())

"""The benchmark's peer: the same agreements served by Datasette, which is
what a data journalist would reach for instead of our API.

    .venv/bin/python bench/benchmark.py ...          # runs it after the main table
    .venv/bin/python bench/peer.py export --database-url URL --out tracker.db

`export` writes the rows and columns of our lean agreements list (the fields
of `/api/v1/agreements/?page_size=100`, flattened as our CSV flattens them)
into one SQLite table, in the list's order, as a journalist would load our
CSV download: stdlib sqlite3, the indexes for the list's order and for
lookups by slug. It reads the site through Django in this process, so it
needs the project's virtualenv only; Datasette itself runs from `.venv-bench`
(`make bench-setup`, requirements-bench.txt) and is never imported here.

`compare()` (called by bench/benchmark.py while its gunicorn server is up)
starts `datasette serve -i` on that file, checks both serve the same page of
rows, and measures ours and Datasette's JSON and CSV pages of 100 rows with
wrk, in the same run. See docs/PERFORMANCE.md, "A peer: Datasette".
"""

import argparse
import csv
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BENCH_VENV = ROOT / ".venv-bench"
DATASETTE = BENCH_VENV / "bin" / "datasette"

PAGE_SIZE = 100
# Datasette names a database after its file's stem.
DATABASE = "tracker"
TABLE = "agreements"
OUR_LIST = "/api/v1/agreements/"


def our_json_path() -> str:
    return f"{OUR_LIST}?page_size={PAGE_SIZE}"


def our_csv_path(fields: Iterable[str], *, page_size: int | None = PAGE_SIZE) -> str:
    """Our CSV narrowed to the lean row's fields (`fields=`): the CSV leaves
    out those that are no CSV column (`url`, `is_stale`) and by default
    adds `signatories` and `meetings`, which the lean row leaves out.
    Without a page size, every row, streamed."""
    query = {"format": "csv", "fields": ",".join(fields)}
    if page_size:
        query["page_size"] = str(page_size)
    return f"{OUR_LIST}?{urlencode(query, safe=',')}"


def lean_fields(row: dict) -> list[str]:
    """The lean row's field names, from one row of our JSON list."""
    return list(row)


# -- export ---------------------------------------------------------------


def export(lines: Iterable[str], path: Path) -> int:
    """Load our CSV (header first) into a new SQLite table `agreements` at
    `path`, row by row in the CSV's order, so that its rowid order, which
    Datasette's table pages follow, is our list's order. Returns the count.

    Every column is TEXT holding the CSV's cell, as `.import` or a
    spreadsheet would leave it: the comparison is of serving the same
    strings, not of typing them."""
    path = Path(path)
    path.unlink(missing_ok=True)
    reader = csv.reader(lines)
    header = next(reader)
    columns = ", ".join(f'"{name}" TEXT' for name in header)
    marks = ", ".join("?" for _ in header)
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(f"CREATE TABLE {TABLE} ({columns})")
            connection.executemany(f"INSERT INTO {TABLE} VALUES ({marks})", reader)
            # What a journalist would add: lookups by slug (the row's
            # address), and the list's order (newest signed first, then
            # title) for `_sort_desc=signed_on`.
            connection.execute(f"CREATE UNIQUE INDEX {TABLE}_slug ON {TABLE} (slug)")
            connection.execute(
                f"CREATE INDEX {TABLE}_list_order ON {TABLE} (signed_on DESC, title)"
            )
        connection.execute("ANALYZE")
        (count,) = connection.execute(f"SELECT count(*) FROM {TABLE}").fetchone()
    finally:
        connection.close()
    return count


def site_csv_lines(client) -> Iterator[str]:
    """Every row of our lean list as our CSV gives it, through a Django test
    client (no server): the lean row's fields are read from one JSON row."""
    first = client.get(f"{OUR_LIST}?page_size=1").json()["results"]
    if not first:
        raise SystemExit("no agreements to export")
    response = client.get(our_csv_path(lean_fields(first[0]), page_size=None))
    if response.status_code != 200:
        raise SystemExit(f"our CSV answered {response.status_code}: {response.content[:300]!r}")
    for chunk in response.streaming_content:
        yield chunk.decode()


def _export_command(arguments) -> int:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DATABASE_URL"] = arguments.database_url
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test import Client

    started = time.perf_counter()
    client = Client(HTTP_HOST="localhost")
    count = export(site_csv_lines(client), Path(arguments.out))
    print(
        f"exported {count:,} agreements to {arguments.out} in {time.perf_counter() - started:.1f} s"
    )
    return 0


# -- Datasette --------------------------------------------------------------


def available() -> bool:
    return DATASETTE.exists()


RUNNING = re.compile(rb"Uvicorn running on http://127\.0\.0\.1:(\d+)")


class Datasette:
    """`datasette serve -i FILE -p 0` from .venv-bench, its port read from its
    log. Immutable (`-i`), as a publisher serves a finished file (and as
    `datasette publish` does): SQLite opens it read-only without locking,
    and Datasette counts each table once at start-up instead of per page,
    which our list does on every page (a count query)."""

    def __init__(self, database: Path, log: Path):
        self.database, self.log_path = database, log
        self.port = 0
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Datasette":
        self._log = self.log_path.open("ab")
        offset = self._log.tell()
        self.process = subprocess.Popen(
            [str(DATASETTE), "serve", "-i", str(self.database), "-h", "127.0.0.1", "-p", "0"],
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        try:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"datasette exited; see {self.log_path}")
                with self.log_path.open("rb") as log:
                    log.seek(offset)
                    found = RUNNING.search(log.read())
                if found:
                    self.port = int(found[1])
                    urllib.request.urlopen(self.url + "/-/versions.json", timeout=10).read()
                    return self
                time.sleep(0.3)
            raise RuntimeError(f"datasette did not start in 60 s; see {self.log_path}")
        except BaseException:
            self.__exit__()
            raise

    def __exit__(self, *exc_info) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()


def peer_paths() -> dict[str, str]:
    base = f"/{DATABASE}/{TABLE}"
    return {
        "default": f"{base}.json?_size={PAGE_SIZE}",
        "objects": f"{base}.json?_size={PAGE_SIZE}&_shape=objects",
        "array": f"{base}.json?_size={PAGE_SIZE}&_shape=array",
        "csv": f"{base}.csv?_size={PAGE_SIZE}",
    }


def _get(target, path) -> bytes:
    with urllib.request.urlopen(target.url + path, timeout=120) as response:
        return response.read()


def _csv_slugs(body: bytes) -> list[str]:
    rows = list(csv.DictReader(body.decode().splitlines()))
    return [row["slug"] for row in rows]


class NotTheSameRows(Exception):
    pass


def check_same_rows(site, peer, our_csv: str) -> int:
    """Both serve the same page: as many rows, the same slugs in the same
    order, in every shape measured; and the same count of all rows."""
    ours = json.loads(_get(site, our_json_path()))
    slugs = [row["slug"] for row in ours["results"]]
    paths = peer_paths()
    default = json.loads(_get(peer, paths["default"]))
    column = default["columns"].index("slug")
    theirs = {
        "default": [row[column] for row in default["rows"]],
        "objects": [row["slug"] for row in json.loads(_get(peer, paths["objects"]))["rows"]],
        "array": [row["slug"] for row in json.loads(_get(peer, paths["array"]))],
        "csv": _csv_slugs(_get(peer, paths["csv"])),
        "our csv": _csv_slugs(_get(site, our_csv)),
    }
    for shape, peer_slugs in theirs.items():
        if peer_slugs != slugs:
            raise NotTheSameRows(
                f"not the same rows ({shape}): ours {len(slugs)} from {slugs[:1]} to "
                f"{slugs[-1:]}, the other {len(peer_slugs)} from {peer_slugs[:1]} to "
                f"{peer_slugs[-1:]}"
            )
    if default["filtered_table_rows_count"] != ours["count"]:
        raise NotTheSameRows(
            f"not the same table: {ours['count']} rows ours, "
            f"{default['filtered_table_rows_count']} Datasette's"
        )
    return len(slugs)


def compare(args, site, measure: Callable) -> bool:
    """Ours against Datasette, page by page; True when ours is nowhere slower
    at the median. `measure(args, target, path)` is the benchmark's wrk run.
    A peer that cannot be compared is reported, and the benchmark goes on:
    its other sections do not depend on it."""
    # The SQLite copy is tens of megabytes at 100,000 agreements: gone after.
    with tempfile.TemporaryDirectory(prefix="kzuk-peer-") as directory:
        try:
            return _compare(args, site, measure, Path(directory) / f"{DATABASE}.db")
        except (NotTheSameRows, RuntimeError, subprocess.CalledProcessError) as error:
            print(f"\n## A peer: Datasette\n\nNot measured: {error}")
            return False


def _compare(args, site, measure: Callable, database: Path) -> bool:
    subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "export",
            "--database-url",
            args.database_url,
            "--out",
            str(database),
        ],
        cwd=ROOT,
        check=True,
    )
    first = json.loads(_get(site, f"{OUR_LIST}?page_size=1"))["results"][0]
    our_csv = our_csv_path(lean_fields(first))
    with Datasette(database, Path(tempfile.gettempdir()) / "kzuk-bench-datasette.log") as peer:
        count = check_same_rows(site, peer, our_csv)
        paths = peer_paths()
        ours_json = (our_json_path(), measure(args, site, our_json_path()))
        ours_csv = (our_csv, measure(args, site, our_csv))
        pairs = [
            ("JSON, Datasette's default shape", ours_json, paths["default"]),
            ("JSON, rows as objects", ours_json, paths["objects"]),
            ("JSON, rows only", ours_json, paths["array"]),
            ("CSV", ours_csv, paths["csv"]),
        ]
        rows = [
            (name, ours, (path, measure(args, peer, path)), _size(site, ours[0]), _size(peer, path))
            for name, ours, path in pairs
        ]
        version = json.loads(_get(peer, "/-/versions.json"))["datasette"]["version"]
    return _print_comparison(version, count, lean_fields(first), rows)


def _print_comparison(version: str, count: int, lean: list, rows) -> bool:
    """The table of ours against the peer; True when ours is not slower for any shape."""
    print(
        f"\n## A peer: Datasette {version} (`datasette serve -i`), the same "
        f"{count} rows a page, in the same run\n"
    )
    print(
        f"ours: `{our_json_path()}` and `{our_csv_path(['...'])}` (`fields=` the lean "
        f"row's {len(lean)} fields)\n"
    )
    print(
        "| shape | Datasette path | ours median ms | ours p99 ms | ours req/s | ours bytes "
        "| peer median ms | peer p99 ms | peer req/s | peer bytes | ours / peer median |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    slower = []
    failures = 0
    for name, (_, ours), (path, theirs), our_bytes, their_bytes in rows:
        ratio = ours.median_ms / theirs.median_ms
        failures += ours.bad_responses + theirs.bad_responses
        if ratio > 1:
            slower.append(name)
        print(
            f"| {name} | `{path}` | {ours.median_ms:.2f} | {ours.p99_ms:.2f} | "
            f"{ours.rps:,.0f} | {our_bytes:,} | {theirs.median_ms:.2f} | "
            f"{theirs.p99_ms:.2f} | {theirs.rps:,.0f} | {their_bytes:,} | {ratio:.2f} |"
        )
    print(f"\nNon-2xx responses and socket errors: {failures}")
    print(
        "Ours is slower at the median for: " + ", ".join(slower)
        if slower
        else "Ours is not slower at the median for any shape."
    )
    return not slower


def _size(target, path) -> int:
    # Neither wrk nor urllib asks for gzip: both sides' bodies as sent to it.
    return len(_get(target, path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    exporting = commands.add_parser("export", help="our lean list into a SQLite file")
    exporting.add_argument("--database-url", required=True)
    exporting.add_argument("--out", required=True)
    arguments = parser.parse_args()
    return _export_command(arguments)


if __name__ == "__main__":
    sys.exit(main())

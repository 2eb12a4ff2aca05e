"""The benchmark's peer (bench/peer.py) must serve what our lean list serves,
or the comparison with Datasette means nothing: its SQLite table holds our
rows, in our list's order, with the lean row's fields as our CSV flattens
them. Only the export is tested here; it needs no Datasette."""

import sqlite3
import sys

import pytest

from bench import peer
from core.csv import flat_cell

pytestmark = pytest.mark.django_db


def _table(path):
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    try:
        return [
            dict(row) for row in connection.execute(f"SELECT * FROM {peer.TABLE} ORDER BY rowid")
        ]
    finally:
        connection.close()


def test_the_export_holds_the_lean_list_s_rows_in_its_order(seeded, client, tmp_path):
    database = tmp_path / "tracker.db"
    count = peer.export(peer.site_csv_lines(client), database)
    api = client.get("/api/v1/agreements/?page_size=500").json()
    table = _table(database)

    assert count == len(table) == api["count"] == len(api["results"]) > 1
    # Datasette pages a rowid table by rowid: the list's order.
    assert [row["slug"] for row in table] == [row["slug"] for row in api["results"]]
    for ours, exported in zip(api["results"], table, strict=True):
        for column, cell in exported.items():
            if column.endswith("_lang"):
                assert cell == ours["languages"][column.removesuffix("_lang")]["lang"]
            else:
                assert cell == flat_cell(ours[column]), column
    columns = set(table[0])
    # The lean row's relations, not the CSV's default extra ones.
    assert {"parties", "topics", "summary", "signed_on_text"} <= columns
    assert not {"signatories", "meetings", "status_history"} & columns


def test_the_export_indexes_the_list_s_order_and_slugs(seeded, client, tmp_path):
    database = tmp_path / "tracker.db"
    peer.export(peer.site_csv_lines(client), database)
    connection = sqlite3.connect(database)
    try:
        indexes = {
            name: [column for *_, column in connection.execute(f"PRAGMA index_info({name})")]
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?",
                [peer.TABLE],
            )
        }
    finally:
        connection.close()
    assert indexes == {
        "agreements_slug": ["slug"],
        "agreements_list_order": ["signed_on", "title"],
    }


def test_the_export_needs_no_datasette(seeded, client, tmp_path):
    peer.export(peer.site_csv_lines(client), tmp_path / "tracker.db")
    assert not [name for name in sys.modules if name.split(".")[0] == "datasette"]

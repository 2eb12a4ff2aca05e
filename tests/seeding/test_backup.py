"""Backup and restore: the site restored from a backup is the same site, table
by table and page by page. Runs on whichever database the suite uses; on
PostgreSQL it needs pg_dump and pg_restore (a failure in CI when missing)."""

import json
import re
import shutil
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from seeding.backup import table_digests
from tests.support.environment import require

# Committed data: pg_dump reads it from another connection.
pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/",
    "/agreements/",
    "/agreements/spca/",
    "/commitments/",
    "/figures/",
    "/meetings/",
    "/meetings/strategic-dialogue-8/",
    "/people/",
    "/organisations/",
    "/topics/",
    "/sources/",
    "/sources/kazinform-2025-02-strategic-dialogue-8/",
    "/timeline/",
    "/agreements/?format=csv",
    "/feeds/status-changes/",
    "/api/v1/agreements/",
    "/api/v1/agreements/spca/",
    "/api/v1/citations/",
    "/api/v1/sources/?format=csv",
    "/api/v1/status-events/",
]
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')


@pytest.fixture(autouse=True)
def _postgres_tools():
    if connection.vendor == "postgresql" and not shutil.which("pg_dump"):
        require("Backup tests", "pg_dump/pg_restore are not installed")


def _site(client) -> dict[str, bytes]:
    bodies = {}
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 200, path
        body = b"".join(response.streaming_content) if response.streaming else response.content
        bodies[path] = CSRF.sub(b"", body)
    return bodies


def _empty_database():
    call_command("flush", "--noinput", stdout=StringIO())


def test_a_restored_site_is_identical_table_by_table_and_page_by_page(client, tmp_path):
    call_command("load_seeds", stdout=StringIO())
    tables, pages = table_digests(), _site(client)
    out = StringIO()
    call_command("backup", "--to", str(tmp_path / "backup"), stdout=out)
    assert "Backed up" in out.getvalue()
    manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
    assert manifest["tables"] == tables
    assert (tmp_path / "backup" / "seeds" / "data" / "agreements.yaml").is_file()

    _empty_database()
    assert table_digests()["agreements_agreement"]["rows"] == 0
    out = StringIO()
    call_command("restore", "--from", str(tmp_path / "backup"), stdout=out)
    assert "every table matches the backup" in out.getvalue()
    assert table_digests() == tables
    assert _site(client) == pages


def test_the_seed_export_in_a_backup_loads_back_as_no_change(tmp_path):
    call_command("load_seeds", stdout=StringIO())
    call_command("backup", "--to", str(tmp_path / "backup"), stdout=StringIO())
    out = StringIO()
    call_command("load_seeds", "--seeds-dir", str(tmp_path / "backup" / "seeds"), stdout=out)
    assert "0 created, 0 updated" in out.getvalue()


def test_restore_refuses_a_database_in_use(tmp_path):
    call_command("load_seeds", stdout=StringIO())
    call_command("backup", "--to", str(tmp_path / "backup"), stdout=StringIO())
    before = table_digests()
    with pytest.raises(CommandError, match=r"not empty: .*agreements_agreement \(\d+ rows\)"):
        call_command("restore", "--from", str(tmp_path / "backup"), stdout=StringIO())
    assert table_digests() == before


def test_backup_refuses_a_folder_in_use_and_restore_a_folder_that_is_no_backup(tmp_path):
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "file").write_text("x")
    with pytest.raises(CommandError, match="is not empty; back up into a new folder"):
        call_command("backup", "--to", str(tmp_path / "used"), stdout=StringIO())
    with pytest.raises(CommandError, match=r"holds no manifest\.json: not a backup folder"):
        call_command("restore", "--from", str(tmp_path / "used"), stdout=StringIO())


def test_restore_notices_a_tampered_backup(tmp_path):
    call_command("load_seeds", stdout=StringIO())
    call_command("backup", "--to", str(tmp_path / "backup"), stdout=StringIO())
    manifest_path = tmp_path / "backup" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["tables"]["agreements_agreement"]["sha256"] = "0" * 64
    manifest_path.write_text(json.dumps(manifest))
    _empty_database()
    with pytest.raises(
        CommandError, match="differs from the backup: different: agreements_agreement"
    ):
        call_command("restore", "--from", str(tmp_path / "backup"), stdout=StringIO())

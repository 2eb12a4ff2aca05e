"""/data/: each release with its date, version, size and checksum, and
the zip itself; nothing else from the folder."""

import datetime
import hashlib

import pytest

from opendata.release import make_release
from tests.support import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def released(tmp_path, settings):
    settings.RELEASES_DIR = tmp_path
    settings.PAGE_CACHE_SECONDS = 60
    factories.topic(slug="energy")
    make_release(tmp_path, "2026.1", datetime.date(2026, 3, 1))
    return tmp_path


def test_the_page_lists_each_release_with_its_checksum(client, released):
    digest = hashlib.sha256((released / "2026.1.zip").read_bytes()).hexdigest()
    page = client.get("/data/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "2026.1" in html and digest in html and '<time datetime="2026-03-01">' in html
    assert 'href="/data/2026.1.zip"' in html
    assert "citations.csv" in html


def test_a_new_release_shows_at_once(client, released):
    client.get("/data/")
    make_release(released, "2026.2", datetime.date(2026, 4, 1))
    assert "2026.2" in client.get("/data/").content.decode()


def test_the_zip_is_served_and_matches_its_checksum(client, released):
    response = client.get("/data/2026.1.zip")
    body = b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="2026.1.zip"'
    assert (
        hashlib.sha256(body).hexdigest() == (released / "2026.1.zip.sha256").read_text().split()[0]
    )


@pytest.mark.parametrize("name", ["2026.1.zip.sha256", "2026.9.zip", "..%2Fsecret.zip", "2026.1"])
def test_nothing_else_is_served(client, released, name):
    assert client.get(f"/data/{name}").status_code == 404


def test_without_releases_the_page_says_so(client, settings, tmp_path):
    settings.RELEASES_DIR = tmp_path / "none-yet"
    page = client.get("/data/")
    assert page.status_code == 200
    assert "No release has been published yet." in page.content.decode()

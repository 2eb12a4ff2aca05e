"""Static files in production: collectstatic with WhiteNoise's storage, then
served by WhiteNoise's middleware with far-future caching."""

import gzip
import importlib.util
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
BROTLI = importlib.util.find_spec("brotli") is not None


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """The project's static files, collected once as production does."""
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(
        STATIC_ROOT=root,
        STORAGES=PRODUCTION_STORAGES,
        # As in production (DEBUG off): serve what collectstatic wrote.
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        call_command("collectstatic", "--noinput", verbosity=0, stdout=StringIO())
        yield root


@pytest.fixture
def hashed_css(static_root) -> str:
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    return manifest["paths"]["css/site.css"]


def test_collectstatic_writes_hashed_and_compressed_copies(static_root, hashed_css):
    assert hashed_css != "css/site.css"
    assert hashed_css.startswith("css/site.") and hashed_css.endswith(".css")
    original = (static_root / "css" / "site.css").read_bytes()
    assert (static_root / hashed_css).read_bytes() == original
    assert gzip.decompress((static_root / f"{hashed_css}.gz").read_bytes()) == original
    # Brotli copies only where the optional brotli package is installed.
    assert (static_root / f"{hashed_css}.br").exists() is BROTLI
    # The admin's and the API docs' files are collected too.
    assert any((static_root / "admin" / "css").glob("base.*.css.gz"))


def test_a_hashed_file_is_served_with_immutable_far_future_caching(static_root, hashed_css):
    response = Client().get(f"/static/{hashed_css}", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] == "gzip"
    assert response["Content-Type"].startswith("text/css")
    body = b"".join(response.streaming_content)
    assert gzip.decompress(body) == (static_root / "css" / "site.css").read_bytes()


def test_an_unhashed_name_is_served_but_only_briefly_cached(static_root):
    response = Client().get("/static/css/site.css")
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=60, public"
    assert "Content-Encoding" not in response


def test_pages_link_the_hashed_name(static_root, hashed_css, seeded):
    page = Client().get("/").content.decode()
    assert f'href="/static/{hashed_css}"' in page


@pytest.mark.external
def test_a_production_run_without_collectstatic_is_stopped_naming_the_fix(tmp_path):
    """DEBUG off before `collectstatic`: every page would be a 500. The
    deployment check (`check --deploy`, before gunicorn starts) says what to
    run, and `make run` collects them itself when DEBUG is off."""
    import os
    import subprocess
    import sys

    from tests.support.processes import ROOT

    # As a deployment's environment: not the browser tests' async-unsafe switch.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **inherited,
        "DEBUG": "false",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "localhost",
        "STATIC_ROOT": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "core.E001" in result.stderr
    assert "manage.py collectstatic --noinput" in result.stderr
    (tmp_path / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')
    collected = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert collected.returncode == 0, collected.stderr
    assert "core.E001" not in collected.stderr
    makefile = (ROOT / "Makefile").read_text()
    assert "collectstatic --noinput" in makefile

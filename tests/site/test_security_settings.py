"""Production settings: `manage.py check --deploy` has nothing to say, and
HTTPS, cookies and headers default to the strict choice outside DEBUG."""

import ast
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.support.processes import ROOT, settings_in_subprocess

# Each test here starts a process, a server or a browser.
pytestmark = pytest.mark.external

# Where a production run finds its collected static files (core.E001 says
# so when there are none): a manifest is all the check looks for.
COLLECTED = Path(tempfile.mkdtemp(prefix="collected-static-"))
(COLLECTED / "staticfiles.json").write_text('{"paths": {}, "version": "1.1"}')

PRODUCTION = {
    "DEBUG": "false",
    "STATIC_ROOT": str(COLLECTED),
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "tracker.example",
    # Whatever the developer's shell has, production is judged on its own.
    "SECURE_SSL_REDIRECT": None,
    "SECURE_HSTS_SECONDS": None,
    "SECURE_HSTS_PRELOAD": None,
    "SECURE_PROXY_SSL_HEADER": None,
    "SESSION_COOKIE_SECURE": None,
    "CSRF_COOKIE_SECURE": None,
    # Set by the browser tests for their own process; never in production.
    "DJANGO_ALLOW_ASYNC_UNSAFE": None,
}


def _check_deploy(**env):
    environment = {key: value for key, value in os.environ.items() if key not in PRODUCTION}
    merged = {**PRODUCTION, **env}
    environment.update({key: value for key, value in merged.items() if value is not None})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_reports_nothing_in_production():
    result = _check_deploy()
    assert result.returncode == 0, result.stderr
    # Only HSTS preloading's reminder is silenced, on purpose (see settings).
    assert "System check identified no issues (1 silenced)." in result.stdout
    assert "WARNING" not in result.stderr


def test_check_deploy_silences_nothing_once_preloading_is_chosen():
    result = _check_deploy(SECURE_HSTS_PRELOAD="true")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize(
    ("env", "warning"),
    [
        ({"SECURE_SSL_REDIRECT": "false"}, "security.W008"),
        ({"SECURE_HSTS_SECONDS": "0"}, "security.W004"),
        ({"SESSION_COOKIE_SECURE": "false"}, "security.W012"),
        ({"SECRET_KEY": "short"}, "security.W009"),
    ],
)
def test_check_deploy_names_a_weakened_setting(env, warning):
    result = _check_deploy(**env)
    assert result.returncode != 0
    assert warning in result.stderr


PRODUCTION_DEFAULTS = {
    "SECURE_SSL_REDIRECT": True,
    "SECURE_HSTS_SECONDS": 365 * 24 * 60 * 60,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
    "SECURE_HSTS_PRELOAD": False,
    "SECURE_PROXY_SSL_HEADER": None,
    "SESSION_COOKIE_SECURE": True,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "CSRF_COOKIE_SECURE": True,
    "CSRF_COOKIE_SAMESITE": "Lax",
    "LANGUAGE_COOKIE_SECURE": True,
    "SECURE_CONTENT_TYPE_NOSNIFF": True,
    "SECURE_REFERRER_POLICY": "same-origin",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
    "X_FRAME_OPTIONS": "DENY",
}


def test_production_defaults_are_strict():
    result = settings_in_subprocess(
        PRODUCTION, f"repr({{n: getattr(s, n, None) for n in {list(PRODUCTION_DEFAULTS)!r}}})"
    )
    assert result.returncode == 0, result.stderr
    assert ast.literal_eval(result.stdout.strip()) == PRODUCTION_DEFAULTS


def test_development_serves_plain_http():
    result = settings_in_subprocess(
        {**PRODUCTION, "DEBUG": None, "SECRET_KEY": None},
        "s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False 0 False False"


def test_tls_ended_at_a_proxy():
    result = settings_in_subprocess(
        {
            **PRODUCTION,
            "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto: https",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "600",
        },
        "s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https') False 600"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto"},
            "SECURE_PROXY_SSL_HEADER='X-Forwarded-Proto' should be 'Header-Name: value'",
        ),
        ({"SECURE_HSTS_SECONDS": "a year"}, "SECURE_HSTS_SECONDS='a year' is not a whole number"),
        ({"SECURE_SSL_REDIRECT": "sometimes"}, "SECURE_SSL_REDIRECT='sometimes' is not a boolean"),
    ],
)
def test_a_malformed_security_setting_is_refused_naming_it(env, message):
    result = settings_in_subprocess({**PRODUCTION, **env}, "s.DEBUG")
    assert result.returncode != 0
    assert message in result.stderr

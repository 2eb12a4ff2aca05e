"""Staff sign in to the admin with a second factor when ADMIN_REQUIRE_2FA is
on, the default with DEBUG off: an authenticator app's code (TOTP, computed
here as the app would) or a recovery code, each enrolled with
`manage.py enrol_two_factor`."""

import re
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.support.processes import settings_in_subprocess

# Codes are computed from the clock: a fixed start (ticking) makes every run
# the same, whatever the day.
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.time_machine(datetime(2026, 7, 14, 9, 30, tzinfo=UTC)),
]

LOGIN = "/admin/login/"
PASSWORD = "a long passphrase"


@pytest.fixture
def staff(db) -> User:
    return User.objects.create_superuser("ed", "ed@example.org", PASSWORD)


def _enrol(username="ed", *args) -> str:
    out = StringIO()
    call_command("enrol_two_factor", username, *args, stdout=out)
    return out.getvalue()


def _code(user) -> str:
    device = TOTPDevice.objects.get(user=user)
    number = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{number:0{device.digits}d}"


def _wait_out_the_throttle(user):
    """django-otp refuses even a right code for a while after a wrong one
    (1 s, doubling with each failure); a person would wait, a test moves the
    failure back an hour rather than sleep or depend on the machine's speed."""
    for device in devices_for_user(user, confirmed=None):
        if device.throttling_failure_count:
            device.throttling_failure_timestamp = timezone.now() - timedelta(hours=1)
            device.save(update_fields=["throttling_failure_timestamp"])


def _sign_in(client, token=None, password=PASSWORD):
    data = {"username": "ed", "password": password, "next": "/admin/"}
    if token is not None:
        data["otp_token"] = token
    return client.post(LOGIN, data)


def test_the_second_factor_is_required_by_default_in_production():
    production = settings_in_subprocess(
        {"DEBUG": "false", "SECRET_KEY": "x" * 50, "ADMIN_REQUIRE_2FA": None},
        "s.ADMIN_REQUIRE_2FA",
    )
    assert production.stdout.strip() == "True", production.stderr
    development = settings_in_subprocess(
        {"DEBUG": "true", "ADMIN_REQUIRE_2FA": None}, "s.ADMIN_REQUIRE_2FA"
    )
    assert development.stdout.strip() == "False"


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_staff_sign_in_with_a_password_and_an_authenticator_code(client, staff):
    printed = _enrol()
    assert "otpauth://totp/" in printed and "secret=" in printed
    page = client.get(LOGIN).content.decode()
    assert 'name="otp_token"' in page
    # The password alone is not enough...
    assert _sign_in(client).status_code == 200
    assert "_auth_user_id" not in client.session
    # ...nor a wrong code...
    assert (
        _sign_in(client, token="000000" if _code(staff) != "000000" else "111111").status_code
        == 200
    )
    assert client.get("/admin/").status_code == 302
    assert TOTPDevice.objects.get(user=staff).throttling_failure_count == 1
    _wait_out_the_throttle(staff)
    # ...the code the authenticator shows now is.
    assert _sign_in(client, token=_code(staff)).status_code == 302
    assert client.get("/admin/").status_code == 200


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_a_recovery_code_works_once(client, staff):
    printed = _enrol()
    codes = re.findall(r"^  (\w+)$", printed, flags=re.MULTILINE)
    assert len(codes) == 10
    assert _sign_in(client, token=codes[0]).status_code == 302
    client.logout()
    assert _sign_in(client, token=codes[0]).status_code == 200
    _wait_out_the_throttle(staff)
    assert _sign_in(client, token=codes[1]).status_code == 302


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_a_session_without_the_second_factor_is_not_let_in(client, staff):
    client.force_login(staff)  # a password sign-in, say, from before 2FA was required
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_staff_never_enrolled_cannot_sign_in(client, staff):
    assert _sign_in(client, token="123456").status_code == 200
    assert "_auth_user_id" not in client.session


@override_settings(ADMIN_REQUIRE_2FA=False)
def test_without_the_requirement_a_password_is_enough(client, staff):
    assert 'name="otp_token"' not in client.get(LOGIN).content.decode()
    assert _sign_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_new_recovery_codes_keep_the_authenticator(staff):
    _enrol()
    key = TOTPDevice.objects.get(user=staff).key
    printed = _enrol("ed", "--recovery-codes-only")
    assert "otpauth://" not in printed
    assert TOTPDevice.objects.get(user=staff).key == key


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_the_api_takes_a_session_only_with_the_second_factor(client, staff):
    body = {"slug": "session-topic", "name": "A topic"}
    client.force_login(staff)  # signed in by password alone
    assert client.post("/api/v1/topics/", body, content_type="application/json").status_code in (
        401,
        403,
    )
    client.logout()
    _enrol()
    assert _sign_in(client, token=_code(staff)).status_code == 302
    created = client.post("/api/v1/topics/", body, content_type="application/json")
    # Signed in with both factors: the session writes (CSRF is not enforced
    # by the test client).
    assert created.status_code == 201

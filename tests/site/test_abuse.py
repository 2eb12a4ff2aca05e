"""Abuse: admin logins locked after repeated failures (django-axes), the API
throttled for anonymous and signed-in clients alike, and query strings or
pages too large to serve refused at once with a 400 or 404 naming the limit."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import override_settings

from tests.support import factories
from tests.support.processes import settings_in_subprocess

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "a long passphrase"
AGREEMENTS = "/api/v1/agreements/"


# Admin logins ----------------------------------------------------------------


@pytest.fixture
def admin_user(db) -> User:
    return User.objects.create_superuser("admin", "admin@example.org", PASSWORD)


def _log_in(client, password: str, username: str = "admin", address: str = "192.0.2.1"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def _fail(client, times: int, **where) -> None:
    for _ in range(times):
        response = _log_in(client, "wrong guess", **where)
        assert response.status_code == 200  # the form again, with its error


def _lock_out(client) -> None:
    _fail(client, settings.AXES_FAILURE_LIMIT - 1)
    # The failure that reaches the limit is answered with the lockout page.
    assert _log_in(client, "wrong guess").status_code == 429


def test_the_login_is_locked_after_the_failure_limit(client, admin_user):
    assert settings.AXES_FAILURE_LIMIT == 5
    _fail(client, 4)
    assert _log_in(client, "wrong guess").status_code == 429
    # Locked now: even the right password is refused, with the lockout page.
    locked = _log_in(client, PASSWORD)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Too many failed logins" in page
    assert "5 times" in page and "30 minutes" in page
    assert "default-src 'self'" in locked["Content-Security-Policy"]
    assert "_auth_user_id" not in client.session


def test_the_lock_is_for_that_username_from_that_address_only(client, admin_user):
    User.objects.create_superuser("colleague", "c@example.org", PASSWORD)
    _lock_out(client)
    assert _log_in(client, PASSWORD).status_code == 429
    # A guesser elsewhere cannot lock the admin out of their own address...
    assert _log_in(client, PASSWORD, address="198.51.100.7").status_code == 302
    client.logout()
    # ...nor does one locked name stop a colleague at the same address.
    assert _log_in(client, PASSWORD, username="colleague").status_code == 302


def test_the_lock_lifts_after_the_cooling_off_period(client, admin_user, time_machine):
    time_machine.move_to(datetime(2026, 7, 14, 9, 30, tzinfo=UTC), tick=False)
    _lock_out(client)
    assert _log_in(client, PASSWORD).status_code == 429
    # (A try while locked counts as a failure and starts the period again.)
    time_machine.shift(settings.AXES_COOLOFF_TIME + timedelta(seconds=1))
    assert _log_in(client, PASSWORD).status_code == 302


def test_a_successful_login_forgets_earlier_failures(client, admin_user):
    _fail(client, 4)
    assert _log_in(client, PASSWORD).status_code == 302
    client.logout()
    _fail(client, 4)
    assert _log_in(client, PASSWORD).status_code == 302


@pytest.mark.external
def test_the_limit_and_period_come_from_the_environment():
    result = settings_in_subprocess(
        {"AXES_FAILURE_LIMIT": "3", "AXES_COOLOFF_MINUTES": "90"},
        "s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3 1:30:00"


# API throttling --------------------------------------------------------------


def test_signed_in_clients_are_throttled_at_their_own_rate(api_client, editor_client):
    rates = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "user": "4/minute"},
    }
    with override_settings(REST_FRAMEWORK=rates):
        assert [editor_client.get(AGREEMENTS).status_code for _ in range(4)] == [200] * 4
        throttled = editor_client.get(AGREEMENTS)
        assert throttled.status_code == 429
        assert int(throttled["Retry-After"]) > 0
        # The editor's use does not count against anonymous readers, nor theirs against it.
        assert [api_client.get(AGREEMENTS).status_code for _ in range(3)] == [200, 200, 429]


@pytest.mark.external
def test_the_api_rates_come_from_the_environment():
    result = settings_in_subprocess(
        {"API_ANON_RATE": "10/minute", "API_USER_RATE": "100/minute"},
        "s.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{'anon': '10/minute', 'user': '100/minute'}"


# Query strings ---------------------------------------------------------------

LIMITS = {"MAX_LENGTH": 4096, "MAX_PARAMETERS": 200, "MAX_VALUES_PER_NAME": 100}


def test_the_limits_are_the_documented_ones():
    assert settings.QUERY_STRING_LIMITS == LIMITS


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "search=" + "a" * 4100,
            "The query string is 4107 bytes long; the limit is 4096 bytes.",
        ),
        (
            "&".join(f"p{number}=1" for number in range(201)),
            "The query string has 201 parameters; the limit is 200.",
        ),
        (
            "&".join(["status=signed"] * 101),
            "The parameter “status” is given 101 times; the limit is 100.",
        ),
    ],
    ids=["length", "parameters", "repeats"],
)
def test_a_query_string_past_a_limit_is_a_400_naming_it(client, query, message):
    api = client.get(f"{AGREEMENTS}?{query}")
    assert api.status_code == 400
    assert api.json() == {"detail": message}
    page = client.get(f"/agreements/?{query}")
    assert page.status_code == 400
    assert page["Content-Type"] == "text/html; charset=utf-8"
    html = page.content.decode()
    assert "<h1>Bad request</h1>" in html
    assert message in html
    assert 'href="/agreements/"' in html


def test_a_query_string_at_the_limits_is_served(client):
    hundred = "&".join(["status=signed"] * 100)
    assert client.get(f"{AGREEMENTS}?{hundred}").status_code == 200
    two_hundred = "&".join(f"p{number}=1" for number in range(200))
    assert client.get(f"/agreements/?{two_hundred}").status_code == 200
    # (A search that long is refused by the search filter itself: an
    # ignored parameter shows the length alone passes.)
    long = "unused=" + "a" * (4096 - len("unused="))
    assert client.get(f"{AGREEMENTS}?{long}").status_code == 200


@pytest.mark.parametrize("path", ["/agreements/", AGREEMENTS])
def test_a_list_filtered_on_every_value_of_every_filter_is_served(client, seeded, path):
    # The filter form's multiple selects make the longest real queries.
    from agreements.models import AgreementKind, AgreementStatus
    from people.models import Organisation
    from topics.models import Topic

    query = urlencode(
        {
            "topic": list(Topic.objects.values_list("slug", flat=True)),
            "party": list(Organisation.objects.values_list("slug", flat=True)),
            "status": AgreementStatus.values,
            "kind": AgreementKind.values,
            "search": "strategic partnership",
            "as_of": "2025-01-01",
        },
        doseq=True,
    )
    assert len(query) > 1000  # about 1.4 KB today, a third of the limit
    assert client.get(f"{path}?{query}").status_code == 200


def test_the_limits_come_from_the_settings(client):
    with override_settings(QUERY_STRING_LIMITS={**LIMITS, "MAX_VALUES_PER_NAME": 2}):
        response = client.get(f"{AGREEMENTS}?kind=treaty&kind=memorandum&kind=roadmap")
    assert response.status_code == 400
    assert "the limit is 2" in response.json()["detail"]


# Pages and page sizes --------------------------------------------------------


@pytest.fixture
def three_agreements(db):
    return [factories.agreement(slug=f"agreement-{number}") for number in range(3)]


def test_a_page_size_over_the_maximum_is_a_400_naming_it(api_client, three_agreements):
    response = api_client.get(f"{AGREEMENTS}?page_size=501")
    assert response.status_code == 400
    assert response.json() == {"page_size": ["A whole number from 1 to 500."]}


def test_the_schema_states_the_maximum_page_size(api_client, db):
    import yaml

    schema = yaml.safe_load(api_client.get("/api/v1/schema/").content)
    parameters = schema["paths"][AGREEMENTS]["get"]["parameters"]
    page_size = next(p for p in parameters if p["name"] == "page_size")
    assert page_size["schema"]["maximum"] == 500
    assert "1 to 500" in page_size["description"]


@pytest.mark.parametrize(
    ("page", "status"),
    [
        # A number past the end, however large: the documented 404, after
        # one count (issue #17: schemathesis found a huge page answered 400).
        ("999999999", 404),
        ("10" + "0" * 30, 404),
        # Not a page number: malformed, before any query.
        ("1e9", 400),
    ],
)
def test_an_absurd_api_page_is_answered_at_once(
    api_client, three_agreements, page, status, django_assert_max_num_queries
):
    # The content version and the count: nothing else.
    with django_assert_max_num_queries(2 if status == 404 else 0):
        response = api_client.get(f"{AGREEMENTS}?page={page}")
    assert response.status_code == status
    # Past the last page, not found; not a page number, the parameter named.
    assert list(response.json()) == (["detail"] if status == 404 else ["page"])


@pytest.mark.parametrize("page", ["999999999", "10" + "0" * 30, "-1", "1e9"])
def test_an_absurd_page_of_a_list_is_a_404(client, three_agreements, page):
    assert client.get(f"/agreements/?page={page}").status_code == 404

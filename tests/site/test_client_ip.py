"""Who a request came from (core/client_ip.py): the socket's address unless
trusted proxies are configured, one rule for the API's throttles, the admin
login's lockout and the logs. A client's own X-Forwarded-For changes
nothing without a trusted proxy."""

import logging

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory, override_settings

from core.client_ip import ClientIpLogFilter, client_ip
from tests.support.processes import settings_in_subprocess

TOPICS = "/api/v1/topics/"
PROXY = "10.0.0.5"


def _request(remote="192.0.2.10", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


# The rule ----------------------------------------------------------------------


def test_without_a_trusted_proxy_the_socket_decides():
    assert client_ip(_request(forwarded="203.0.113.9")) == "192.0.2.10"
    assert client_ip(_request(forwarded="203.0.113.9, 198.51.100.1")) == "192.0.2.10"
    assert client_ip(_request(forwarded="not an address")) == "192.0.2.10"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_one_trusted_proxy_takes_the_rightmost_forwarded_address():
    # The client wrote the left part; our proxy appended the right one.
    assert client_ip(_request(PROXY, "1.2.3.4, 203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request(PROXY, "203.0.113.9")) == "203.0.113.9"
    # No header at all: the request did not come through the proxy.
    assert client_ip(_request(PROXY)) == PROXY
    # Garbage where the proxy's entry should be: nothing is believed.
    assert client_ip(_request(PROXY, "1.2.3.4, junk")) == PROXY


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_two_trusted_proxies_count_two_from_the_right():
    chain = "6.6.6.6, 203.0.113.9, 10.0.0.1"
    assert client_ip(_request(PROXY, chain)) == "203.0.113.9"
    # Fewer entries than proxies: the header is not believed.
    assert client_ip(_request(PROXY, "203.0.113.9")) == PROXY


@override_settings(TRUSTED_PROXIES=["10.0.0.0/24", "2001:db8::/32"])
def test_trusted_proxy_addresses_are_skipped_from_the_right():
    assert client_ip(_request(PROXY, "6.6.6.6, 203.0.113.9, 10.0.0.7")) == "203.0.113.9"
    assert client_ip(_request("2001:db8::5", "203.0.113.9")) == "203.0.113.9"
    assert client_ip(_request(PROXY, "[2001:db8::9]:443, 2001:db8::8")) == "2001:db8::9"
    # A socket that is not one of the proxies: its header is the client's own.
    assert client_ip(_request("192.0.2.10", "203.0.113.9")) == "192.0.2.10"
    # Only proxies in the chain: the farthest of them.
    assert client_ip(_request(PROXY, "10.0.0.9")) == "10.0.0.9"
    assert client_ip(_request(PROXY, "junk, 10.0.0.9")) == "10.0.0.9"


def test_a_bad_proxy_setting_is_refused_naming_it():
    with (
        override_settings(TRUSTED_PROXIES=["10.0.0.0/33"]),
        pytest.raises(ImproperlyConfigured, match=r"10\.0\.0\.0/33"),
    ):
        client_ip(_request(PROXY, "203.0.113.9"))
    both = settings_in_subprocess(
        {"TRUSTED_PROXY_COUNT": "1", "TRUSTED_PROXIES": "10.0.0.1"}, "s.TRUSTED_PROXY_COUNT"
    )
    assert both.returncode != 0 and "not both" in both.stderr
    bad = settings_in_subprocess({"TRUSTED_PROXIES": "proxy.internal"}, "s.TRUSTED_PROXIES")
    assert bad.returncode != 0 and "proxy.internal" in bad.stderr


def test_the_proxies_come_from_the_environment():
    default = settings_in_subprocess(
        {"TRUSTED_PROXY_COUNT": None, "TRUSTED_PROXIES": None},
        "s.TRUSTED_PROXY_COUNT, s.TRUSTED_PROXIES",
    )
    assert default.stdout.strip() == "0 []"
    counted = settings_in_subprocess({"TRUSTED_PROXY_COUNT": "2"}, "s.TRUSTED_PROXY_COUNT")
    assert counted.stdout.strip() == "2"
    listed = settings_in_subprocess(
        {"TRUSTED_PROXIES": "10.0.0.5,10.1.0.0/16"}, "s.TRUSTED_PROXIES"
    )
    assert listed.stdout.strip() == "['10.0.0.5', '10.1.0.0/16']"


# The API's throttle --------------------------------------------------------------


@pytest.mark.django_db
def test_made_up_forwarded_addresses_are_throttled_as_one_client(api_client):
    """The probe of issue 18: 300 anonymous requests, each claiming another
    address, at the default rate of 120 a minute."""
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"] == "120/minute"
    statuses = [
        api_client.get(TOPICS, HTTP_X_FORWARDED_FOR=f"198.51.{n // 250}.{n % 250 + 1}").status_code
        for n in range(300)
    ]
    assert statuses.count(200) == 120
    assert statuses[120:] == [429] * 180


@pytest.mark.django_db
def test_the_anonymous_throttle_counts_each_address_apart(api_client):
    """With no proxy, the socket's address is the client: one address used
    up leaves the others their own allowance."""
    rates = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    with override_settings(REST_FRAMEWORK=rates):

        def get(address):
            return api_client.get(TOPICS, REMOTE_ADDR=address).status_code

        assert [get("203.0.113.1") for _ in range(4)] == [200, 200, 200, 429]
        assert [get("203.0.113.2") for _ in range(4)] == [200, 200, 200, 429]
        assert get("2001:db8::1") == 200
        assert get("203.0.113.1") == 429


@pytest.mark.django_db
def test_behind_a_trusted_proxy_each_forwarded_client_is_counted_alone(api_client):
    rates = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    with override_settings(REST_FRAMEWORK=rates, TRUSTED_PROXY_COUNT=1):

        def get(client_address, spoofed="6.6.6.6"):
            forwarded = f"{spoofed}, {client_address}"
            return api_client.get(TOPICS, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)

        # One client through the proxy, whatever it writes on the left.
        assert [get("203.0.113.9", spoofed=f"6.6.6.{n}").status_code for n in range(4)] == [
            200,
            200,
            200,
            429,
        ]
        # Another client through the same proxy has its own count.
        assert get("203.0.113.10").status_code == 200


# The admin login's lockout ---------------------------------------------------------


def _log_in(client, address, forwarded, password="wrong guess"):
    return client.post(
        "/admin/login/",
        {"username": "admin", "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.django_db
def test_made_up_forwarded_addresses_do_not_escape_the_login_lockout(client):
    User.objects.create_superuser("admin", "admin@example.org", "a long passphrase")
    limit = settings.AXES_FAILURE_LIMIT
    statuses = [
        _log_in(client, "192.0.2.1", f"203.0.113.{n}").status_code for n in range(limit + 2)
    ]
    assert statuses == [200] * (limit - 1) + [429] * 3


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=[PROXY])
def test_behind_a_trusted_proxy_the_lockout_is_per_forwarded_client(client):
    from axes.models import AccessAttempt

    User.objects.create_superuser("admin", "admin@example.org", "a long passphrase")
    limit = settings.AXES_FAILURE_LIMIT
    statuses = [_log_in(client, PROXY, "203.0.113.9").status_code for _ in range(limit)]
    assert statuses[-1] == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.9"}
    # Someone else behind the same proxy is not locked out.
    other = _log_in(client, PROXY, "203.0.113.10", password="a long passphrase")
    assert other.status_code == 302


# The logs ----------------------------------------------------------------------------


def test_the_logs_name_the_client_by_the_same_rule(caplog):
    record = logging.LogRecord("django.request", logging.WARNING, "", 0, "Not Found", (), None)
    record.request = _request(forwarded="203.0.113.9")
    assert ClientIpLogFilter().filter(record)
    assert record.client_ip == "192.0.2.10"
    with override_settings(TRUSTED_PROXY_COUNT=1):
        ClientIpLogFilter().filter(record)
    assert record.client_ip == "203.0.113.9"
    # Records about no request say so, and the console handler uses the filter.
    bare = logging.LogRecord("x", logging.INFO, "", 0, "m", (), None)
    ClientIpLogFilter().filter(bare)
    assert bare.client_ip == "-"
    handler = settings.LOGGING["handlers"]["console"]
    assert handler["filters"] == ["client_ip"]
    assert "%(client_ip)s" in settings.LOGGING["formatters"][handler["formatter"]]["format"]

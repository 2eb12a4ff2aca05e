"""/.well-known/security.txt (RFC 9116): Contact, an Expires date in the
future computed from the settings, Preferred-Languages and Canonical."""

import datetime

import pytest
from django.test import RequestFactory, override_settings

from kzuk_site.security_txt import security_txt_lines

URL = "/.well-known/security.txt"


def _fields(text: str) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        name, _, value = line.partition(": ")
        fields.setdefault(name, []).append(value)
    return fields


@pytest.mark.django_db
@pytest.mark.time_machine(datetime.datetime(2026, 7, 14, 9, 30, tzinfo=datetime.UTC), tick=False)
def test_security_txt_has_the_fields_rfc_9116_asks_for(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = _fields(response.content.decode())
    assert fields["Contact"] == ["mailto:security@kzuk-tracker.example"]
    assert fields["Preferred-Languages"] == ["en, ru, kk"]
    assert fields["Canonical"] == ["http://testserver/.well-known/security.txt"]
    (expires,) = fields["Expires"]
    # 180 days (the default) from the clock's day, at midnight UTC.
    assert expires == "2027-01-10T00:00:00Z"
    assert client.post(URL).status_code == 405


@override_settings(
    SECURITY_CONTACT=["mailto:a@example.org", "https://example.org/report"],
    SECURITY_TXT_DAYS=30,
    SECURITY_POLICY_URL="https://example.org/policy",
    ALLOWED_HOSTS=["tracker.example"],
)
def test_the_fields_come_from_the_settings():
    today = datetime.datetime(2026, 1, 31, 12, 30, 15, 999, tzinfo=datetime.UTC)
    request = RequestFactory().get(URL, secure=True, HTTP_HOST="tracker.example")
    fields = _fields("\n".join(security_txt_lines(request, now=today)))
    assert fields["Contact"] == ["mailto:a@example.org", "https://example.org/report"]
    assert fields["Expires"] == ["2026-03-02T00:00:00Z"]
    assert fields["Canonical"] == ["https://tracker.example/.well-known/security.txt"]
    assert fields["Policy"] == ["https://example.org/policy"]

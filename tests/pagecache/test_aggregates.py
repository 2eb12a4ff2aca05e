"""Whole-table counts are counted once per content version: the second
request reads none of them, and the next write makes them stale at once."""

import pytest
from django.test.utils import CaptureQueriesContext

from agreements.models import AgreementStatus
from tests.support import factories

pytestmark = pytest.mark.django_db


def _signed_count(client) -> str:
    html = client.get("/").content.decode()
    chart = html.split('id="chart-agreements"')[1].split("</figure>")[0]
    return chart.split("<title>signed: ")[1].split("<")[0] if "<title>signed: " in chart else "0"


def test_the_dashboard_counts_once_and_again_after_a_write(client, settings):
    from django.db import connection

    settings.PAGE_CACHE_SECONDS = 0  # the page itself is built each time
    first = factories.agreement(status=AgreementStatus.SIGNED)
    assert _signed_count(client) == "1"
    with CaptureQueriesContext(connection) as kept:
        assert _signed_count(client) == "1"
    assert not [q for q in kept.captured_queries if "COUNT(" in q["sql"].upper()]
    factories.agreement(status=AgreementStatus.SIGNED)
    assert _signed_count(client) == "2"
    first.delete()
    assert _signed_count(client) == "1"


def test_the_timeline_counts_its_year_again_after_a_write(client, settings):
    import datetime

    settings.PAGE_CACHE_SECONDS = 0
    factories.meeting(start_on=datetime.date(2021, 3, 4))
    assert "1 results" in client.get("/timeline/", {"year": "2021"}).content.decode()
    factories.meeting(start_on=datetime.date(2021, 5, 6))
    assert "2 results" in client.get("/timeline/", {"year": "2021"}).content.decode()

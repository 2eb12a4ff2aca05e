"""On PostgreSQL a row takes its id at insert and shows at commit: without
care, a reader could see a later writer's entry, move its cursor past it,
and never see an earlier writer's entry committed after. The feed's writers
take turns until they commit, so its ids follow commit order. (Today the page
cache's version row, which every content write bumps, also makes writers
wait: this test holds whichever does it, so that neither change breaks it.)"""

import threading

import pytest
from django.db import close_old_connections, connection, transaction

from opendata.models import Change
from tests.support import factories
from tests.support.waiting import wait_for

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="SQLite lets one writer at a time anyway"
    ),
]


def _waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def _in_thread(work) -> threading.Thread:
    def run():
        try:
            work()
        finally:
            close_old_connections()
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_a_later_writer_waits_so_no_cursor_skips_an_earlier_entry():
    first_written, let_first_commit = threading.Event(), threading.Event()

    def first():
        with transaction.atomic():
            factories.topic(slug="first")
            first_written.set()
            let_first_commit.wait(timeout=120)

    def second():
        with transaction.atomic():
            factories.topic(slug="second")

    one = _in_thread(first)
    wait_for(first_written.is_set, "first writer's entry")
    two = _in_thread(second)
    wait_for(_waiting_on_a_lock, "second writer waiting for the first to commit")
    # A reader now sees neither: the second has not written before the first committed.
    assert not Change.objects.filter(slug__in=("first", "second")).exists()
    let_first_commit.set()
    one.join(timeout=120)
    two.join(timeout=120)
    ids = dict(Change.objects.filter(slug__in=("first", "second")).values_list("slug", "id"))
    assert ids["first"] < ids["second"]

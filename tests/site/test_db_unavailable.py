"""A database that cannot take writes (read-only, full) answers a clear 503,
with nothing half-written; a bug's database error stays a 500.

The database is really made read-only or full, on the test's own connection:
SQLite with `PRAGMA query_only` and `PRAGMA max_page_count`, PostgreSQL with
`SET transaction_read_only` (undone by the test's rollback). The database
being unreachable, and the app recovering, is in test_db_outage.py."""

from contextlib import contextmanager
from io import StringIO

import django.db
import psycopg.errors
import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from agreements.models import Agreement, AgreementStatus
from core.db_unavailable import (
    FULL,
    READ_ONLY,
    UNREACHABLE,
    server_error_or_unavailable,
    unavailability,
)
from evidence.models import Source
from tests.support.admin_forms import add_inline_row, form_data

pytestmark = pytest.mark.django_db

MESSAGE = "The data is briefly unavailable. Please try again in a moment."


@contextmanager
def read_only_database():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA query_only = ON")
            try:
                yield
            finally:
                cursor.execute("PRAGMA query_only = OFF")
        else:
            # A transaction may turn read-only at any point but never back: in
            # a savepoint, whose rollback restores the setting.
            with transaction.atomic():
                cursor.execute("SET transaction_read_only = on")
                yield
                transaction.set_rollback(True)


@contextmanager
def full_sqlite_database():
    """No page can be added: any write that needs one fails SQLITE_FULL."""
    if connection.vendor != "sqlite":
        pytest.skip("a full disk is simulated on SQLite (PRAGMA max_page_count)")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA max_page_count")
        (limit,) = cursor.fetchone()
        cursor.execute("PRAGMA page_count")
        (pages,) = cursor.fetchone()
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        try:
            yield
        finally:
            cursor.execute(f"PRAGMA max_page_count = {limit}")


def _new_source_payload(text: str) -> dict:
    return {
        "slug": "written-during-outage",
        "title": "Written during the outage",
        "kind": "news",
        "language": "en",
        "text": text,
        "published_on": "2025-02-12",
        "published_on_precision": "day",
    }


def _assert_api_503(response):
    assert response.status_code == 503, response.content
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": MESSAGE}
    assert int(response["Retry-After"]) > 0


def _assert_html_503(response):
    assert response.status_code == 503, response.content[:500]
    assert response["Content-Type"].startswith("text/html")
    assert MESSAGE in response.content.decode()
    assert int(response["Retry-After"]) > 0


@pytest.fixture
def admin_client_with_step_form(client, django_user_model, seeded):
    return _admin_step_form(client, django_user_model)


def _admin_step_form(client, django_user_model):
    """An editor's admin form for the SPCA with one new status step added:
    saving it writes the agreement, the step, their history and the status."""
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    spca = Agreement.objects.get(slug="spca")
    url = reverse("admin:agreements_agreement_change", args=(spca.pk,))
    data = form_data(client.get(url))
    data["summary_en"] = "Changed while the database was unavailable."
    add_inline_row(
        data,
        "status_events",
        status=AgreementStatus.RATIFIED,
        kind="change",
        publication="published",
        date="2025-06-01",
        date_precision="month",
        party=str(spca.parties.get(slug="united-kingdom").pk),
        position="9",
    )
    return client, url, data


def test_an_api_write_to_a_read_only_database_is_a_503_and_writes_nothing(
    editor_client, seeded, db_snapshot
):
    before = db_snapshot()
    with read_only_database():
        response = editor_client.post(
            "/api/v1/sources/", _new_source_payload("The text."), format="json"
        )
        _assert_api_503(response)
        # Reads still work.
        assert editor_client.get("/api/v1/sources/").status_code == 200
    assert db_snapshot() == before


def test_an_admin_save_to_a_read_only_database_is_a_503_and_writes_nothing(
    admin_client_with_step_form, db_snapshot
):
    client, url, data = admin_client_with_step_form
    before = db_snapshot()
    with read_only_database():
        _assert_html_503(client.post(url, data))
    assert db_snapshot() == before
    spca = Agreement.objects.get(slug="spca")
    assert spca.status != AgreementStatus.RATIFIED


def test_an_api_write_to_a_full_database_is_a_503_and_writes_nothing(
    editor_client, seeded, db_snapshot
):
    before = db_snapshot()
    with full_sqlite_database():
        response = editor_client.post(
            "/api/v1/sources/", _new_source_payload("A long text. " * 20_000), format="json"
        )
        _assert_api_503(response)
    assert db_snapshot() == before
    assert not Source.objects.filter(slug="written-during-outage").exists()


@pytest.fixture
def committed_seeds(transactional_db):
    call_command("load_seeds", stdout=StringIO())


# Transactional: on SQLITE_FULL SQLite rolls back the whole transaction, the
# test's own wrapping one included; in the app the admin's is the outermost.
@pytest.mark.django_db(transaction=True)
def test_an_admin_save_to_a_full_database_is_a_503_and_writes_nothing(
    committed_seeds, client, django_user_model, db_snapshot
):
    client, url, data = _admin_step_form(client, django_user_model)
    data["summary_en"] = "A long summary. " * 20_000
    before = db_snapshot()
    with full_sqlite_database():
        _assert_html_503(client.post(url, data))
    assert db_snapshot() == before


def test_a_bugs_database_error_is_not_taken_for_an_outage():
    with pytest.raises(DatabaseError) as raised, transaction.atomic(), connection.cursor() as cur:
        cur.execute("SELECT * FROM no_such_table_anywhere")
    assert unavailability(raised.value) is None


def test_the_read_only_and_full_errors_are_named_as_such(seeded):
    with pytest.raises(DatabaseError) as raised, read_only_database(), transaction.atomic():
        Source.objects.update(title="x")
    assert unavailability(raised.value) == READ_ONLY

    if connection.vendor == "sqlite":
        with pytest.raises(DatabaseError) as raised, full_sqlite_database(), transaction.atomic():
            Source.objects.update(text="A long text. " * 20_000)
        assert unavailability(raised.value) == FULL


@pytest.mark.parametrize(
    ("driver_error", "expected"),
    [
        (psycopg.errors.DiskFull, FULL),
        (psycopg.errors.OutOfMemory, FULL),
        (psycopg.errors.ReadOnlySqlTransaction, READ_ONLY),
        (psycopg.errors.AdminShutdown, UNREACHABLE),
        (psycopg.errors.CannotConnectNow, UNREACHABLE),
        (psycopg.errors.TooManyConnections, UNREACHABLE),
        (psycopg.errors.ConnectionFailure, UNREACHABLE),
        (psycopg.OperationalError, UNREACHABLE),  # refused or timed out: no SQLSTATE
        (psycopg.InterfaceError, UNREACHABLE),
        (psycopg.errors.UndefinedTable, None),
        (psycopg.errors.SyntaxError, None),
        (psycopg.errors.UniqueViolation, None),
        (psycopg.errors.QueryCanceled, UNREACHABLE),
    ],
)
def test_postgresql_errors_are_sorted_by_their_sqlstate(driver_error, expected):
    """The errors Django raises, made from psycopg's own error classes the way
    Django's DatabaseErrorWrapper wraps them, whatever the test database (the
    PostgreSQL run meets the read-only one for real)."""
    assert unavailability(_as_django_raises(driver_error("from the server"))) == expected


def test_a_driver_error_that_escaped_djangos_wrapper_is_sorted_too():
    assert unavailability(psycopg.OperationalError("consuming input failed")) == UNREACHABLE
    assert unavailability(psycopg.errors.UndefinedTable("no such table")) is None
    assert unavailability(ValueError("not a database error")) is None


def _as_django_raises(driver_exc: Exception) -> django.db.Error:
    """Django's wrapper: the django.db class of the driver's PEP 249 class,
    the driver's exception as its cause."""
    for base in type(driver_exc).__mro__:
        django_class = getattr(django.db, base.__name__, None)
        if isinstance(django_class, type) and issubclass(django_class, django.db.Error):
            try:
                raise django_class(*driver_exc.args) from driver_exc
            except django.db.Error as exc:
                return exc
    raise AssertionError(f"{driver_exc!r} is not a PEP 249 error")


def test_the_500_handler_answers_503_for_an_outage_met_outside_a_view(rf):
    """Middleware (the session being saved, say) raises past the views; Django
    then calls handler500 inside its `except`, where the error is at hand."""
    request = rf.get("/agreements/")
    try:
        raise _as_django_raises(psycopg.errors.AdminShutdown("terminating connection"))
    except django.db.Error:
        _assert_html_503(server_error_or_unavailable(request))

    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error_or_unavailable(request).status_code == 500

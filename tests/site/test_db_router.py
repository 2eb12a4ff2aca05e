"""Reads from a replica, writes and read-your-writes on the primary.

This module adds a second database alias, as DATABASE_REPLICA_URL does in
production, pointing at the test database (as `TEST: {"MIRROR": "default"}`
does) through a connection of its own; the `replica` fixture installs the
router and middleware that the settings install with it. Queries are then counted on each
connection. The replica connection sees only what is committed: the seeds,
not what a test writes in its transaction, as a lagging replica would.
"""

import copy

import pytest
from django.db import connections, router, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.models import Agreement
from evidence.models import Citation, Source
from kzuk_site.db_router import REPLICA_DB_ALIAS, primary_reads
from tests.support.admin_forms import form_data

AUTH_MIDDLEWARE = "django.contrib.auth.middleware.AuthenticationMiddleware"


pytestmark = pytest.mark.django_db(databases=["default", REPLICA_DB_ALIAS])


@pytest.fixture(scope="module", autouse=True)
def _replica_alias(django_db_setup):
    """The replica alias, added once the test database exists (so that it
    points at it) and before each test's database set-up (which must know
    every alias the test may use)."""
    default = connections["default"].settings_dict
    replica = {**copy.deepcopy(default), "TEST": {**default["TEST"], "MIRROR": "default"}}
    if connections["default"].vendor == "sqlite":
        # The test database is SQLite's shared in-memory one, where a reader
        # waits on a table another connection is writing in its transaction:
        # this one reads through (and so sees those writes, unlike
        # PostgreSQL's replica connection).
        replica["OPTIONS"] = {**replica["OPTIONS"], "init_command": "PRAGMA read_uncommitted = 1"}
    connections.settings[REPLICA_DB_ALIAS] = replica
    try:
        yield
    finally:
        connections[REPLICA_DB_ALIAS].close()
        del connections[REPLICA_DB_ALIAS]
        del connections.settings[REPLICA_DB_ALIAS]


@pytest.fixture
def replica(seeded, settings):
    """The router and middleware, as the settings install them with a replica."""
    settings.DATABASE_ROUTERS = ["kzuk_site.db_router.ReplicaRouter"]
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index(AUTH_MIDDLEWARE) + 1, "kzuk_site.db_router.PrimaryReadsMiddleware"
    )
    settings.MIDDLEWARE = middleware
    return connections[REPLICA_DB_ALIAS]


class Queries:
    """The SQL each database received inside the block."""

    def __init__(self):
        self.primary = CaptureQueriesContext(connections["default"])
        self.replica = CaptureQueriesContext(connections[REPLICA_DB_ALIAS])

    def __enter__(self):
        self.primary.__enter__()
        self.replica.__enter__()
        return self

    def __exit__(self, *exc_info):
        self.replica.__exit__(*exc_info)
        self.primary.__exit__(*exc_info)

    @staticmethod
    def _selects(context) -> list[str]:
        return [
            query["sql"] for query in context.captured_queries if query["sql"].startswith("SELECT")
        ]

    @property
    def primary_selects(self) -> list[str]:
        return self._selects(self.primary)

    @property
    def replica_selects(self) -> list[str]:
        return self._selects(self.replica)


@pytest.fixture
def logged_in_editor(replica, django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org", "pw"))
    return client


@pytest.mark.parametrize("url", ["/", "/agreements/", "/agreements/spca/", "/api/v1/agreements/"])
def test_an_anonymous_reader_is_served_from_the_replica(replica, url):
    with Queries() as queries:
        response = Client().get(url)
    assert response.status_code == 200
    assert queries.replica_selects
    assert queries.primary.captured_queries == []


def test_an_api_write_reads_and_writes_the_primary(replica, editor):
    from tests.support.api_fixtures import token_client

    client = token_client(editor)
    with Queries() as queries:
        response = client.post(
            "/api/v1/sources/",
            {
                "slug": "a-new-source",
                "title": "A new source",
                "publisher": "Somebody",
                "kind": "news",
                "text": "The two sides met.",
            },
            format="json",
        )
    assert response.status_code == 201, response.content
    assert queries.replica.captured_queries == []
    # The token and the checks are read where the row is then written.
    assert any("accounts_apitoken" in sql for sql in queries.primary_selects)
    assert any(q["sql"].startswith("INSERT") for q in queries.primary.captured_queries)
    assert Source.objects.using("default").filter(slug="a-new-source").exists()


def test_an_editor_in_the_admin_reads_what_they_just_saved(logged_in_editor):
    spca = Agreement.objects.using("default").get(slug="spca")
    url = reverse("admin:agreements_agreement_change", args=(spca.pk,))
    with Queries() as queries:
        data = form_data(logged_in_editor.get(url))
        # The place is written in each language: the admin's English column.
        data["signed_at_en"] = "London"
        assert logged_in_editor.post(url, data).status_code == 302
        # Not yet on the replica (it sees only committed rows here): read
        # from it, the form would show the old value.
        assert form_data(logged_in_editor.get(url))["signed_at_en"] == "London"
    assert queries.replica.captured_queries == []
    assert queries.primary_selects


def test_a_logged_in_reader_of_the_public_site_reads_the_primary(logged_in_editor):
    with Queries() as queries:
        assert logged_in_editor.get("/agreements/spca/").status_code == 200
    assert queries.replica.captured_queries == []
    assert any("django_session" in sql for sql in queries.primary_selects)


def test_after_a_primary_request_the_next_anonymous_one_reads_the_replica(logged_in_editor):
    assert logged_in_editor.post("/agreements/", {}).status_code in {200, 403, 405}
    with Queries() as queries:
        assert Client().get("/agreements/").status_code == 200
    assert queries.replica_selects
    assert queries.primary.captured_queries == []


def test_a_stale_session_cookie_alone_does_not_pin_the_primary(replica):
    client = Client()
    client.cookies["sessionid"] = "no-such-session"
    with Queries() as queries:
        assert client.get("/agreements/").status_code == 200
    # Its session is looked for on the primary, the page read from the replica.
    assert [sql for sql in queries.primary_selects if "django_session" not in sql] == []
    assert queries.replica_selects


def test_reads_inside_a_transaction_go_to_the_primary(replica):
    with Queries() as queries:
        Source.objects.count()
    assert (len(queries.replica_selects), len(queries.primary_selects)) == (1, 0)

    with Queries() as queries, transaction.atomic():
        Source.objects.count()
        with transaction.atomic():
            Agreement.objects.count()
    assert (len(queries.replica_selects), len(queries.primary_selects)) == (0, 2)


def test_primary_reads_sends_reads_in_the_block_to_the_primary(replica):
    with Queries() as queries:
        with primary_reads():
            Source.objects.count()
        Source.objects.count()
    assert (len(queries.replica_selects), len(queries.primary_selects)) == (1, 1)


def test_writes_go_to_the_primary(replica):
    assert router.db_for_write(Source) == "default"
    with Queries() as queries:
        Source.objects.filter(slug="no-such-source").update(title="Nothing")
    assert queries.replica.captured_queries == []
    assert any(q["sql"].startswith("UPDATE") for q in queries.primary.captured_queries)


def test_a_record_read_from_the_replica_may_be_related_to_one_on_the_primary(replica):
    source = Source.objects.first()
    assert source._state.db == REPLICA_DB_ALIAS
    citation = Citation(source=source)
    assert citation.source == source
    assert router.allow_relation(source, Source.objects.using("default").first())


def test_only_the_primary_is_migrated(replica):
    assert router.allow_migrate("default", "agreements")
    assert not router.allow_migrate(REPLICA_DB_ALIAS, "agreements")
    assert not router.allow_migrate(REPLICA_DB_ALIAS, "auth", model_name="user")

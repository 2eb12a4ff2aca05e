"""Demo data: generate_demo_data's proportions, determinism, quotes and
statuses, that the site serves it within its query budgets, that demo and
real records never share a database, and that a failure writes nothing."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count

from agreements.models import (
    Agreement,
    AgreementRelation,
    Commitment,
    CommitmentStatusEvent,
    Figure,
    StatusEvent,
)
from core.models import PublicationState
from demo import words
from demo.generator import DemoGenerator
from demo.models import DemoDataset
from dialogue.models import Meeting, Participation
from evidence.models import Citation, Source
from evidence.quotes import locate_quote
from people.models import Organisation, Person, Post
from seeding.models import SeedRecord
from tests.conftest import snapshot
from tests.core.test_api_queries import AGREEMENT_LIST_BUDGET
from tests.portal.test_views_public import PAGE_QUERY_BUDGET
from topics.models import Topic

pytestmark = pytest.mark.django_db

SLUGGED = (Agreement, Commitment, Figure, Meeting, Organisation, Person, Topic, Source)


def generate(*args) -> str:
    out = StringIO()
    call_command("generate_demo_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_data(db):
    generate("--agreements", "200", "--seed", "3", "--batch-size", "700")


def test_the_proportions_are_those_of_a_real_register(demo_data):
    agreements = Agreement.objects.count()
    assert agreements == 200
    events = StatusEvent.objects.count()
    assert 4 <= events / agreements <= 6
    # Every step is backed by two quotes: the news report's and the register's.
    per_event = (
        Citation.objects.filter(status_event__isnull=False)
        .values("object_id")
        .annotate(n=Count("id"))
    )
    assert {row["n"] for row in per_event} == {2}
    assert len(per_event) == events
    assert not Agreement.objects.filter(status_events__isnull=True).exists()
    assert Agreement.objects.filter(citations__isnull=False).distinct().count() == agreements
    assert 0.35 <= Commitment.objects.count() / agreements <= 0.65
    assert CommitmentStatusEvent.objects.count() >= Commitment.objects.count()
    assert Figure.objects.count() == 40
    assert Meeting.objects.count() == 50
    assert Meeting.objects.filter(series__isnull=False).exists()
    assert Participation.objects.count() >= 2 * Meeting.objects.count()
    assert Post.objects.count() >= Person.objects.count() > 0
    assert Topic.objects.count() == len(words.TOPICS)
    assert AgreementRelation.objects.exists()
    assert StatusEvent.objects.filter(party__isnull=False).exists()  # one side's track
    assert set(StatusEvent.objects.values_list("date_precision", flat=True)) == {
        "day",
        "month",
        "year",
    }
    assert 20 < Source.objects.count() < agreements
    for model in SLUGGED:
        assert not model.objects.exclude(slug__startswith="demo-").exists(), model
        assert not model.objects.exclude(publication=PublicationState.PUBLISHED).exists()
    dataset = DemoDataset.objects.get()
    assert (dataset.agreements, dataset.seed) == (200, 3)
    assert dataset.counts["agreements_agreement"] == agreements
    assert dataset.counts["seeds_citation"] == Citation.objects.count()


def test_no_history_is_written_for_demo_data(demo_data):
    assert not Agreement.history.exists()
    assert not Citation.history.exists()


def test_events_are_in_order_and_each_status_is_what_refresh_status_derives(demo_data):
    for model in (Agreement, Commitment):
        for record in model.objects.prefetch_related("status_events"):
            dates = [event.date for event in record.status_timeline()]
            assert dates == sorted(dates)
            fields = (
                "status",
                "status_since",
                "status_since_precision",
                "status_since_inferred",
                "status_confirmed_on",
                "status_confirmed_on_precision",
                "status_confirmed_on_inferred",
            )
            stored = [getattr(record, name) for name in fields]
            record.refresh_status(save=False)
            assert [getattr(record, name) for name in fields] == stored
            assert record.status_problems() == []
            for event in record.status_events.all():
                assert (
                    event.run_since,
                    event.run_since_precision,
                    event.run_since_inferred,
                ) == (
                    event.stored_run_since,
                    event.stored_run_since_precision,
                    event.stored_run_since_inferred,
                )
            assert record.created_at <= record.updated_at


def test_every_quote_stands_in_its_source_at_its_offsets(demo_data):
    texts = dict(Source.objects.values_list("pk", "text"))
    citations = Citation.objects.values_list("source_id", "quote", "start", "end")
    assert citations
    for source_id, quote, start, end in citations:
        text = texts[source_id]
        assert text[start:end] == quote
        assert locate_quote(text, quote).text == quote
    call_command("check_citations", stdout=StringIO())


def content() -> dict:
    """The generated data by natural keys: ids aside."""
    return {
        "agreements": list(
            Agreement.objects.order_by("slug").values_list(
                "slug", "title", "summary", "status", "status_since", "signed_on", "updated_at"
            )
        ),
        "events": list(
            StatusEvent.objects.order_by("agreement__slug", "position").values_list(
                "agreement__slug", "status", "date", "date_precision", "party__slug", "note"
            )
        ),
        "citations": sorted(
            Citation.objects.values_list(
                "source__slug", "quote", "start", "end", "content_type__model", "position"
            )
        ),
        "sources": list(Source.objects.order_by("slug").values_list("slug", "text", "sha256")),
        "participations": sorted(
            Participation.objects.values_list("meeting__slug", "person__slug", "role"), key=repr
        ),
        "parties": sorted(
            Agreement.parties.through.objects.values_list("agreement__slug", "organisation__slug")
        ),
    }


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(db):
    generate("--agreements", "60", "--seed", "5")
    first = content()
    generate("--agreements", "60", "--seed", "5", "--replace", "--batch-size", "17")
    assert content() == first
    generate("--agreements", "60", "--seed", "6", "--replace")
    other = content()
    assert other["agreements"] != first["agreements"]
    assert other["sources"] != first["sources"]


PAGES = (
    ("/", None),
    ("/agreements/", None),
    ("/agreements/{}/", Agreement),
    ("/commitments/", None),
    ("/commitments/{}/", Commitment),
    ("/figures/", None),
    ("/meetings/", None),
    ("/meetings/{}/", Meeting),
    ("/people/", None),
    ("/organisations/", None),
    ("/sources/", None),
    ("/sources/{}/", Source),
    ("/timeline/", None),
)


@pytest.mark.parametrize(("path", "model"), PAGES)
def test_public_pages_serve_demo_data_within_their_query_budget(
    demo_data, client, django_assert_max_num_queries, path, model
):
    if model:
        path = path.format(model.objects.order_by("pk").values_list("slug", flat=True).first())
    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        response = client.get(path)
    assert response.status_code == 200
    # Every page links to a demo record (their slugs begin "demo-").
    assert re.search(r'href="[^"]*/demo-[^"]*"', response.content.decode())


def test_the_api_lists_demo_agreements_within_its_query_budget(
    demo_data, api_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(AGREEMENT_LIST_BUDGET):
        # The full rows (expand=all): the budget holds for the heaviest shape.
        response = api_client.get("/api/v1/agreements/?page_size=100&expand=all")
    rows = response.json()["results"]
    assert len(rows) == 100
    assert all(row["status_history"] and row["slug"].startswith("demo-") for row in rows)


def test_generating_and_clearing_demo_data_make_cached_pages_stale(db, client):
    """The generator writes with COPY and raw SQL, which send no signals."""
    assert "demo-" not in client.get("/agreements/").content.decode()
    generate("--agreements", "5", "--seed", "1")
    assert "demo-" in client.get("/agreements/").content.decode()
    call_command("generate_demo_data", "--clear", stdout=StringIO())
    assert "demo-" not in client.get("/agreements/").content.decode()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="about PostgreSQL's sequences, which a rollback does not undo",
)
def test_the_id_sequences_only_move_forward(db):
    """A test's rollback brings back rows with higher ids than the demo data's;
    a sequence set back to the demo data's highest id would then hand out
    theirs again."""
    earlier = Person.objects.create(slug="earlier", name="Earlier").pk
    Person.objects.filter(pk=earlier).delete()
    Person.history.all().delete()  # else the generator rightly takes this for a real database
    generate("--agreements", "5", "--seed", "1")
    assert Person.objects.create(slug="later", name="Later").pk > earlier


def test_demo_data_is_refused_where_real_records_are(seeded):
    before = snapshot()
    with pytest.raises(CommandError, match="did not make"):
        generate("--agreements", "10")
    assert snapshot() == before
    assert not DemoDataset.objects.exists()


def test_demo_data_is_refused_where_an_editor_added_a_record(demo_data):
    Agreement.objects.create(slug="real-agreement", title="A real one", kind="mou")
    with pytest.raises(CommandError, match="real-agreement"):
        generate("--agreements", "10", "--replace")
    assert Agreement.objects.filter(slug="real-agreement").exists()


def test_demo_data_is_refused_where_an_editor_changed_a_demo_record(demo_data):
    agreement = Agreement.objects.order_by("pk").first()
    agreement.title = "Changed by an editor"
    agreement.save()  # as the admin and the API do: with its history
    with pytest.raises(CommandError, match="history rows in agreements_historicalagreement"):
        generate("--agreements", "10", "--replace")
    assert Agreement.objects.get(pk=agreement.pk).title == "Changed by an editor"


def test_demo_data_is_not_added_twice_unless_replaced(demo_data):
    with pytest.raises(CommandError, match="--replace"):
        generate("--agreements", "10")
    assert Agreement.objects.count() == 200
    generate("--agreements", "10", "--replace")
    assert Agreement.objects.count() == 10
    assert DemoDataset.objects.get().agreements == 10


def test_the_seeds_are_refused_in_a_demo_database(demo_data, load):
    before = snapshot()
    with pytest.raises(CommandError, match="holds demo data"):
        load()
    assert snapshot() == before
    assert not SeedRecord.objects.exists()


def test_clearing_the_demo_data_makes_room_for_the_seeds(demo_data, load):
    generate("--clear")
    assert not DemoDataset.objects.exists()
    assert not Agreement.objects.exists()
    assert not Citation.objects.exists()
    load()
    assert Agreement.objects.filter(slug="spca").exists()


def test_a_failure_leaves_nothing_behind(db, monkeypatch):
    empty = snapshot()

    def broken(self, document):
        raise RuntimeError("the generator broke half-way")

    # Figures come after thousands of rows have been written.
    monkeypatch.setattr(DemoGenerator, "figure", broken)
    with pytest.raises(RuntimeError, match="half-way"):
        generate("--agreements", "300", "--batch-size", "50")
    assert snapshot() == empty


def test_bad_arguments_are_refused(db):
    with pytest.raises(CommandError, match="at least 1"):
        generate("--agreements", "0")
    with pytest.raises(CommandError, match="at least 1"):
        generate("--batch-size", "0")

"""The changes feed (/api/v1/changes/): a consumer that follows it mirrors
the public API exactly, through creates, edits, publication, unpublication
and deletes, with writes landing between the pages it reads; and drafts
never show in it."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType

from agreements.models import AgreementStatus, StatusEvent
from core.models import PublicationState
from evidence.models import Citation
from opendata.changes import record_baseline
from opendata.models import Change
from opendata.resources import RESOURCES
from tests.support import factories

pytestmark = pytest.mark.django_db

PUBLISHED, DRAFT = PublicationState.PUBLISHED, PublicationState.DRAFT
TEXT = "The two sides signed the memorandum in London. Ratification is pending."


class Mirror:
    """What a data desk would run: read the feed from where it stopped and
    fetch, or drop, each record it names."""

    def __init__(self, client, page_size=3):
        self.client, self.page_size = client, page_size
        self.records: dict[tuple[str, str], dict] = {}
        self.cursor = None

    def read_page(self) -> bool:
        """One page; False when the feed has nothing more for now."""
        query = f"?page_size={self.page_size}"
        if self.cursor is not None:
            query += f"&cursor={self.cursor}"
        page = self.client.get(f"/api/v1/changes/{query}").json()
        for change in page["results"]:
            key = (change["resource"], change["slug"] or str(change["id"]))
            if change["action"] in ("created", "updated"):
                response = self.client.get(change["url"])
                # A record changed again since: a later entry says how.
                if response.status_code == 200:
                    self.records[key] = response.json()
            else:
                self.records.pop(key, None)
        self.cursor = page["cursor"]
        return page["next"] is not None

    def catch_up(self):
        while self.read_page():
            pass


def the_api(client) -> dict[tuple[str, str], dict]:
    """Every public record, read from the lists and their details."""
    found = {}
    for resource in RESOURCES:
        key = "slug" if resource.by_slug else "id"
        rows = client.get(f"/api/v1/{resource.name}/?page_size=500").json()["results"]
        for row in rows:
            url = f"/api/v1/{resource.name}/{row[key]}/"
            found[(resource.name, str(row[key]))] = client.get(url).json()
    return found


def publish(record, state=PUBLISHED):
    record.publication = state
    record.save()


@pytest.fixture
def world():
    source = factories.source(text=TEXT)
    topic = factories.topic(slug="energy")
    kazakhstan = factories.organisation(slug="kazakhstan")
    spca = factories.agreement(slug="spca", title="Partnership")
    spca.topics.add(topic)
    signed = factories.status_event(spca, AgreementStatus.SIGNED, "2024-04-01")
    factories.citation(signed, source, "signed the memorandum")
    factories.citation(spca, source, "in London")
    return {"source": source, "topic": topic, "kazakhstan": kazakhstan, "spca": spca}


def test_a_mirror_stays_exact_through_every_kind_of_change(api_client, world):
    mirror = Mirror(api_client)
    mirror.read_page()  # a first page, then writes land before the next

    spca, source = world["spca"], world["source"]
    draft = factories.agreement(slug="draft-accord", title="Draft", publication=DRAFT)
    factories.status_event(draft, AgreementStatus.NEGOTIATING, "2025-01-01")
    factories.citation(draft, source, "Ratification is pending")
    spca.title = "Strategic Partnership"
    spca.save()
    mirror.read_page()

    publish(draft)  # its first publication: created, with its step and quote
    publish(spca, DRAFT)  # unpublished, its steps and quotes with it
    world["topic"].delete()  # deleted while public
    mirror.read_page()

    later = factories.agreement(slug="later", title="Later", publication=DRAFT)
    later.delete()  # never public: never in the feed
    publish(spca)  # back again
    spca.slug = "spca-2024"  # a new slug: the old one leaves, the new one comes
    spca.save()
    figure = factories.figure(slug="trade")
    publish(figure, DRAFT)
    figure.delete()  # unpublished, then deleted: it left once
    person = factories.person(slug="envoy", posts=["Ambassador"])
    person.delete()
    event = StatusEvent.objects.get(agreement=draft)
    event.note = "Talks resumed."
    event.save()
    mirror.catch_up()

    assert mirror.records == the_api(api_client)
    assert ("agreements", "spca-2024") in mirror.records
    assert ("agreements", "spca") not in mirror.records
    assert ("agreements", "later") not in {(c.resource, c.slug) for c in Change.objects.all()}


def test_a_draft_is_never_named_and_its_publication_reads_as_created(api_client, world):
    start = Change.objects.order_by("-id").values_list("id", flat=True).first()
    draft = factories.agreement(slug="secret", title="Secret", publication=DRAFT)
    draft.title = "Still secret"
    draft.save()
    assert not Change.objects.filter(slug="secret").exists()

    publish(draft)
    publish(draft, DRAFT)
    draft.delete()
    page = api_client.get(f"/api/v1/changes/?cursor={start}").json()
    actions = [(c["resource"], c["slug"], c["action"]) for c in page["results"]]
    assert actions == [
        ("agreements", "secret", "created"),
        ("agreements", "secret", "unpublished"),
    ]


def test_a_change_to_no_public_field_is_no_change(world):
    event = StatusEvent.objects.get(agreement=world["spca"])
    before = Change.objects.count()
    # Kept for the database's "as of" queries, shown nowhere.
    event.run_since = datetime.date(2020, 1, 1)
    event.save()
    assert Change.objects.count() == before
    event.note = "Signed in London."
    event.save()
    made = Change.objects.filter(id__gt=0).order_by("id").values_list("resource", "action")
    assert list(made)[before:] == [("status-events", "updated"), ("agreements", "updated")]


def test_a_quote_changes_what_it_supports_and_its_source(world):
    spca, source = world["spca"], world["source"]
    start = Change.objects.order_by("-id").values_list("id", flat=True).first()
    quote = Citation.objects.get(content_type=ContentType.objects.get_for_model(spca))
    quote.field_name = "title"
    quote.save()
    made = set(Change.objects.filter(id__gt=start).values_list("resource", "slug", "action"))
    assert made == {
        ("citations", None, "updated"),
        ("agreements", "spca", "updated"),
        ("sources", source.slug, "updated"),
    }


def test_since_takes_any_utc_offset_and_the_cursor_follows(api_client, world):
    first = Change.objects.order_by("id").first()
    moment = first.at.astimezone(datetime.timezone(datetime.timedelta(hours=5)))
    response = api_client.get("/api/v1/changes/", {"since": moment.isoformat(), "page_size": 2})
    page = response.json()
    assert response.status_code == 200
    assert page["results"][0]["at"] and len(page["results"]) == 2
    following = api_client.get(page["next"]).json()
    assert following["results"][0] != page["results"][-1]


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("since=yesterday", "since"),
        ("cursor=-1", "cursor"),
        ("cursor=99999999999999999999", "cursor"),
        ("since=2025-01-01T00:00:00Z&cursor=1", "cursor"),
        ("page_size=501", "page_size"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(api_client, query, name):
    response = api_client.get(f"/api/v1/changes/?{query}")
    assert response.status_code == 400
    assert name in response.json()


@pytest.mark.parametrize("page_size", [5, 200])
def test_a_page_costs_the_same_whatever_its_size(
    api_client, django_assert_max_num_queries, page_size
):
    factories.grow_every_list(15)
    with django_assert_max_num_queries(1):
        response = api_client.get(f"/api/v1/changes/?page_size={page_size}")
    assert len(response.json()["results"]) == page_size


def test_the_baseline_names_each_public_record_once(world):
    Change.objects.all().delete()
    written = record_baseline()
    again = record_baseline()
    assert written == Change.objects.count() > 0 and again == 0
    assert not Change.objects.exclude(action="created").exists()


def test_the_feed_is_in_the_schema(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/changes/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"since", "cursor", "page_size"}


def test_a_mirror_stays_exact_through_the_apis_own_writes(api_client, editor_client, world):
    """The same, with every write made through the API as an editor's
    script would: drafts by default, status steps re-deriving the status,
    many-to-many changes, deletes through the services."""
    mirror = Mirror(api_client, page_size=2)
    mirror.catch_up()
    agreements, events = "/api/v1/agreements/", "/api/v1/status-events/"
    new = {"slug": "mou-education", "title": "Education", "kind": "mou"}
    assert editor_client.post(agreements, new, format="json").status_code == 201
    mirror.read_page()
    assert ("agreements", "mou-education") not in mirror.records  # a draft

    url = f"{agreements}mou-education/"
    editor_client.patch(url, {"publication": "published"}, format="json")
    step = {"agreement": "mou-education", "status": "signed", "date": "2026-03-01"}
    step_id = editor_client.post(events, step, format="json").json()["id"]
    mirror.read_page()
    editor_client.patch(url, {"parties": ["kazakhstan"]}, format="json")
    editor_client.patch(f"{agreements}spca/", {"topics": []}, format="json")
    mirror.read_page()
    editor_client.delete(f"{events}{step_id}/")
    editor_client.post(events, {**step, "status": "negotiating"}, format="json")
    editor_client.patch(url, {"publication": "draft"}, format="json")
    mirror.read_page()
    editor_client.patch(url, {"publication": "published"}, format="json")
    editor_client.delete(f"{agreements}spca/")
    mirror.catch_up()

    assert mirror.records == the_api(api_client)
    assert mirror.records[("agreements", "mou-education")]["parties"] == ["kazakhstan"]
    assert ("agreements", "spca") not in mirror.records


def test_every_public_record_and_what_shows_inside_one_keeps_its_history():
    """The feed is written as history is: a model without it would never be in it."""
    from simple_history.models import registered_models

    from opendata.changes import _SHOWN_IN

    tracked = {model._meta.label_lower for model in registered_models.values()}
    needed = {resource.model._meta.label_lower for resource in RESOURCES} | set(_SHOWN_IN)
    assert needed <= tracked, needed - tracked


def test_the_baseline_command_adds_what_was_written_without_history(world):
    from io import StringIO

    from django.core.management import call_command

    Change.objects.filter(resource="topics").delete()
    out = StringIO()
    call_command("changes_baseline", stdout=out)
    assert out.getvalue() == "1 records added to the changes feed.\n"
    assert Change.objects.get(resource="topics").slug == "energy"


@pytest.mark.parametrize(
    ("since", "status"),
    [("0047-05-01T11:44:07-22:41", 200), ("0001-01-01T00:00:00+05:00", 400)],
)
def test_an_offset_python_allows_but_the_database_does_not_is_answered(api_client, since, status):
    """Found by schemathesis on PostgreSQL: an offset past ±15:59 was a 500."""
    assert api_client.get("/api/v1/changes/", {"since": since}).status_code == status


def test_a_mirror_stays_exact_when_what_others_show_of_a_record_changes(
    api_client, world, unthrottled
):
    """A record's title, name or slug shown inside other records' details
    (an agreement on its meetings, a topic on its agreements, a person on
    commitments) names those records too when it changes, when a link
    between them is made or undone from either side, and when it is deleted."""
    spca, topic = world["spca"], world["topic"]
    talks = factories.meeting(slug="strategic-dialogue", title="Strategic Dialogue")
    envoy = factories.person(slug="envoy", name="An Envoy")
    promise = factories.commitment(slug="visas", title="Visas", agreement=spca, meeting=talks)
    promise.people.add(envoy)
    spca.meetings.add(talks)
    mirror = Mirror(api_client)
    mirror.catch_up()
    assert mirror.records[("meetings", "strategic-dialogue")]["agreements"][0]["title"] == (
        "Partnership"
    )

    spca.title = "Strategic Partnership"
    spca.save()
    topic.name = "Energy and climate"
    topic.save()
    envoy.name = "The Envoy"
    envoy.save()
    talks.slug = "strategic-dialogue-2024"
    talks.save()
    mirror.catch_up()
    assert mirror.records == the_api(api_client)

    second = factories.meeting(slug="second-round", title="Second round")
    second.agreements.add(spca)  # from the side that does not declare the field
    mirror.catch_up()
    assert mirror.records == the_api(api_client)
    shown = mirror.records[("agreements", "spca")]["meetings_summary"]
    assert {meeting["slug"] for meeting in shown} == {"strategic-dialogue-2024", "second-round"}

    second.agreements.remove(spca)
    spca.meetings.clear()
    topic.delete()
    envoy.delete()
    mirror.catch_up()
    assert mirror.records == the_api(api_client)
    assert mirror.records[("agreements", "spca")]["meetings_summary"] == []
    assert mirror.records[("agreements", "spca")]["topics"] == []
    assert mirror.records[("commitments", "visas")]["people"] == []


def test_a_translation_shown_inside_another_record_names_it(world):
    spca = world["spca"]
    talks = factories.meeting(slug="talks")
    spca.meetings.add(talks)
    before = Change.objects.count()
    spca.title_ru = "Соглашение о партнерстве"
    spca.save()
    named = Change.objects.filter(pk__gt=before).values_list("resource", "slug", "action")
    assert set(named) >= {("agreements", "spca", "updated"), ("meetings", "talks", "updated")}

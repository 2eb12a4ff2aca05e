"""The API for sources and citations: the quote rule holds for API writes."""

import pytest

from agreements.models import StatusEvent
from evidence.models import Citation, Source
from tests.support import factories

pytestmark = pytest.mark.django_db

SOURCE = "kazinform-2025-02-strategic-dialogue-8"


def test_sources_list_without_text_and_detail_with_it(api_client, seeded):
    rows = api_client.get("/api/v1/sources/").json()["results"]
    assert len(rows) == Source.objects.count() == 4
    assert all("text" not in row for row in rows)
    counted = {row["slug"]: row["citation_count"] for row in rows}
    assert counted[SOURCE] == Citation.objects.filter(source__slug=SOURCE).count()

    detail = api_client.get(f"/api/v1/sources/{SOURCE}/").json()
    source = Source.objects.get(slug=SOURCE)
    assert detail["text"] == source.text
    assert detail["sha256"] == source.sha256
    assert (detail["published_on"], detail["published_on_precision"]) == ("2025-02-01", "month")
    assert detail["published_on_inferred"] is True


def test_source_filters(api_client, seeded):
    def slugs(query):
        response = api_client.get(f"/api/v1/sources/?{query}")
        assert response.status_code == 200, response.content
        return [row["slug"] for row in response.json()["results"]]

    assert slugs("publisher=kazinform news agency") == [SOURCE]
    assert slugs("search=Leeds") == ["kazinform-2019-idrissov-leeds-visit"]
    assert slugs("published_after=2025-02-12") == ["news-2025-02-12-strategic-dialogue-8"]
    assert slugs("kind=official") == []
    by_date = slugs("ordering=published_on")
    dates = [Source.objects.get(slug=slug).published_on for slug in by_date]
    assert dates == sorted(dates)
    assert api_client.get("/api/v1/sources/?kind=blog").status_code == 400


def test_a_citation_names_what_it_supports(api_client, seeded):
    citation = Citation.objects.filter(status_event__agreement__slug="spca").first()
    body = api_client.get(f"/api/v1/citations/{citation.pk}/").json()
    assert body["cited_type"] == "status_event"
    assert body["cited_id"] == citation.object_id
    assert body["cited_slug"] is None
    assert body["cited_url"].endswith(f"/api/v1/status-events/{citation.object_id}/")

    on_spca = api_client.get("/api/v1/citations/?cited_type=agreement&field=signed_on").json()
    cited = {row["cited_slug"] for row in on_spca["results"]}
    assert "spca" in cited
    assert all(row["cited_type"] == "agreement" for row in on_spca["results"])
    assert all(row["field"] == "signed_on" for row in on_spca["results"])


def test_citation_filters(api_client, seeded):
    from_source = api_client.get(f"/api/v1/citations/?source={SOURCE}&page_size=500").json()
    assert from_source["count"] == Citation.objects.filter(source__slug=SOURCE).count()
    assert {row["source"] for row in from_source["results"]} == {SOURCE}
    found = api_client.get("/api/v1/citations/?search=seasonal workers").json()["results"]
    assert found and all("seasonal workers" in row["quote"].lower() for row in found)
    for query in ("source=no-such-source", "cited_type=planet", "ordering=quote"):
        response = api_client.get(f"/api/v1/citations/?{query}")
        assert response.status_code == 400
        assert query.split("=")[0] in response.json()


def test_an_editor_cites_a_source_for_an_agreement(editor_client, seeded):
    response = editor_client.post(
        "/api/v1/citations/",
        {
            "source": SOURCE,
            # Typographic quotes and a line break, as pasted from a web page.
            "quote": "the Strategic Partnership and Cooperation\n Agreement, which was signed in April 2024",
            "cited_type": "agreement",
            "cited_slug": "spca",
            "field": "signed_on",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    source_text = Source.objects.get(slug=SOURCE).text
    # Stored as the source's own characters, with their offsets.
    assert source_text[body["start"] : body["end"]] == body["quote"]
    assert body["cited_url"].endswith("/api/v1/agreements/spca/")
    assert Citation.objects.get(pk=body["id"]).cited_object.slug == "spca"


def test_a_quote_not_in_the_source_is_refused_naming_quote(editor_client, seeded):
    before = Citation.objects.count()
    response = editor_client.post(
        "/api/v1/citations/",
        {
            "source": SOURCE,
            "quote": "The agreement was ratified by both parliaments",
            "cited_type": "agreement",
            "cited_slug": "spca",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "quote" in response.json()
    assert Citation.objects.count() == before

    # Changing an existing quote is checked the same way.
    citation = Citation.objects.filter(source__slug=SOURCE).first()
    changed = editor_client.patch(
        f"/api/v1/citations/{citation.pk}/", {"quote": "words nobody wrote"}, format="json"
    )
    assert changed.status_code == 400
    assert "quote" in changed.json()


def test_a_status_event_is_cited_by_id(editor_client, seeded):
    event = StatusEvent.objects.filter(agreement__slug="spca").last()
    response = editor_client.post(
        "/api/v1/citations/",
        {
            "source": SOURCE,
            "quote": "While this process may take some time",
            "cited_type": "status_event",
            "cited_id": event.pk,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert event.citations.filter(pk=response.json()["id"]).exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"cited_type": "agreement", "cited_slug": "no-such-agreement"}, "cited_slug"),
        ({"cited_type": "status_event", "cited_slug": "spca"}, "cited_slug"),
        ({"cited_type": "agreement"}, "cited_slug"),
        ({"cited_type": "planet", "cited_slug": "earth"}, "cited_type"),
        ({"cited_type": "status_event", "cited_id": 10**9}, "cited_id"),
        ({"cited_slug": "spca"}, "cited_type"),
        ({"cited_type": "agreement", "cited_slug": "spca", "source": "no-such-source"}, "source"),
    ],
)
def test_the_cited_record_must_exist(editor_client, seeded, payload, field):
    response = editor_client.post(
        "/api/v1/citations/",
        {"source": SOURCE, "quote": "While this process may take some time", **payload},
        format="json",
    )
    assert response.status_code == 400
    assert field in response.json()


def test_deleting_a_quoted_source_is_a_409_and_an_unquoted_one_goes(editor_client, seeded):
    assert editor_client.delete(f"/api/v1/sources/{SOURCE}/").status_code == 409
    assert Source.objects.filter(slug=SOURCE).exists()
    unquoted = factories.source(slug="unquoted")
    assert editor_client.delete(f"/api/v1/sources/{unquoted.slug}/").status_code == 204


def test_an_editor_adds_a_source(editor_client, reader_client, seeded):
    payload = {
        "slug": "new-source",
        "title": "A new source",
        "text": "The two sides met again.",
        "published_on": "2026-01-01",
        "published_on_precision": "year",
        "document_url": "https://example.org/news/1",
    }
    assert reader_client.post("/api/v1/sources/", payload, format="json").status_code == 403
    bad_date = editor_client.post(
        "/api/v1/sources/", {**payload, "published_on": "2026-03-04"}, format="json"
    )
    assert bad_date.status_code == 400
    assert "published_on" in bad_date.json()
    created = editor_client.post("/api/v1/sources/", payload, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["sha256"] == Source.objects.get(slug="new-source").sha256
    assert created.json()["document_url"] == "https://example.org/news/1"
    assert created.json()["citation_count"] == 0

"""The API for meetings, meeting series, people, organisations and topics."""

import pytest

from dialogue.models import Meeting
from people.models import Organisation
from topics.models import Topic

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_a_meeting_in_detail(api_client, seeded):
    meeting = api_client.get("/api/v1/meetings/strategic-dialogue-8/").json()
    assert meeting["series"] == "kz-uk-strategic-dialogue"
    assert meeting["series_url"].endswith("/api/v1/meeting-series/kz-uk-strategic-dialogue/")
    assert meeting["number"] == 8
    assert (meeting["start_on"], meeting["start_on_precision"]) == ("2025-02-11", "day")
    assert meeting["start_on_inferred"] is True
    assert "energy" in meeting["topics"]
    assert {topic["slug"] for topic in meeting["topics_summary"]} == set(meeting["topics"])
    # Made there; the SPCA was only reviewed there (discussed_at on the agreement).
    assert {agreement["slug"] for agreement in meeting["agreements"]} == {
        "mou-seasonal-workers-2025",
    }
    roles = {(row["person"], row["role"]) for row in meeting["participants"]}
    assert any(person == "roman-vassilenko" for person, _ in roles)
    assert meeting["citations"]


def test_the_meeting_list_is_smaller_than_the_detail(api_client, seeded):
    row = api_client.get("/api/v1/meetings/?page_size=1").json()["results"][0]
    assert "participants" not in row and "citations" not in row
    assert {"slug", "title", "kind", "start_on", "series", "topics"} <= set(row)
    full = api_client.get("/api/v1/meetings/?page_size=1&expand=all").json()["results"][0]
    assert "participants" not in full and {"citations", "topics_summary"} <= set(full)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("series=kz-uk-strategic-dialogue", {"strategic-dialogue-8"}),
        ("kind=summit_side_meeting", {"tokayev-starmer-cop29-2024"}),
        ("topic=inter-parliamentary-relations", {"vassilenko-ghani-2025-02"}),
        ("participant=nusrat-ghani", {"vassilenko-ghani-2025-02"}),
        ("year=2024", {"tokayev-starmer-cop29-2024"}),
        (
            "after=2025-02-01&before=2025-02-28",
            {
                "strategic-dialogue-8",
                "vassilenko-ghani-2025-02",
                "vassilenko-british-experts-2025-02",
            },
        ),
        ("search=climate baku", {"tokayev-starmer-cop29-2024"}),
    ],
)
def test_meeting_filters(api_client, seeded, query, expected):
    assert set(slugs(api_client.get(f"/api/v1/meetings/?{query}"))) == expected


def test_meeting_ordering_by_date(api_client, seeded):
    rows = api_client.get("/api/v1/meetings/?ordering=date&page_size=100").json()["results"]
    dated = [row["start_on"] for row in rows if row["start_on"]]
    assert dated == sorted(dated)


@pytest.mark.parametrize(
    "query", ["series=nope", "kind=party", "participant=nobody", "year=twenty", "ordering=place"]
)
def test_bad_meeting_filters_are_400(api_client, seeded, query):
    response = api_client.get(f"/api/v1/meetings/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()


def test_meeting_series_with_their_meetings(api_client, seeded):
    series = api_client.get("/api/v1/meeting-series/kz-uk-strategic-dialogue/").json()
    assert [meeting["slug"] for meeting in series["meetings"]] == ["strategic-dialogue-8"]
    assert slugs(api_client.get("/api/v1/meeting-series/?search=commission")) == [
        "kz-uk-intergovernmental-commission"
    ]


def test_people_with_their_posts(api_client, seeded):
    person = api_client.get("/api/v1/people/kathy-leach/").json()
    assert person["country"] == "GB"
    assert person["posts"][0]["organisation"] == "united-kingdom"
    assert person["posts"][0]["citations"]
    british = set(slugs(api_client.get("/api/v1/people/?country=gb&page_size=100")))
    assert {"kathy-leach", "keir-starmer"} <= british
    assert "roman-vassilenko" not in british
    embassy = set(slugs(api_client.get("/api/v1/people/?organisation=kazakhstan-embassy-uk")))
    assert embassy == {"magzhan-ilyassov", "erlan-idrissov"}
    assert slugs(api_client.get("/api/v1/people/?search=ambassador&ordering=-name")) == sorted(
        slugs(api_client.get("/api/v1/people/?search=ambassador")), reverse=True
    )
    assert api_client.get("/api/v1/people/?organisation=nope").status_code == 400


def test_organisations_and_topics(api_client, seeded):
    uk = api_client.get("/api/v1/organisations/united-kingdom/").json()
    assert (uk["kind"], uk["country"], uk["parent"]) == ("state", "GB", None)
    states = set(slugs(api_client.get("/api/v1/organisations/?kind=state")))
    assert {"kazakhstan", "united-kingdom", "azerbaijan"} <= states
    assert all(Organisation.objects.get(slug=slug).kind == "state" for slug in states)
    assert api_client.get("/api/v1/organisations/?country=GBR").status_code == 400
    topics = api_client.get("/api/v1/topics/?page_size=500").json()
    assert topics["count"] == Topic.objects.count()
    assert slugs(api_client.get("/api/v1/topics/?search=nickel")) == []
    assert api_client.get("/api/v1/topics/energy/").json()["name"] == "Energy"


def test_editors_write_meetings_people_organisations_and_topics(editor_client, seeded):
    topic = editor_client.post("/api/v1/topics/", {"slug": "space", "name": "Space"}, format="json")
    assert topic.status_code == 201, topic.content
    organisation = editor_client.post(
        "/api/v1/organisations/",
        {
            "slug": "uk-space-agency",
            "name": "UK Space Agency",
            "kind": "agency",
            "country": "GB",
            "parent": "united-kingdom",
        },
        format="json",
    )
    assert organisation.status_code == 201, organisation.content
    assert organisation.json()["parent_url"].endswith("/api/v1/organisations/united-kingdom/")
    person = editor_client.post(
        "/api/v1/people/", {"slug": "a-person", "name": "A Person"}, format="json"
    )
    assert person.status_code == 201, person.content
    meeting = editor_client.post(
        "/api/v1/meetings/",
        {
            "slug": "space-talks",
            "title": "Space talks",
            "kind": "other",
            "topics": ["space"],
            "start_on": "2026-05-01",
            "start_on_precision": "month",
        },
        format="json",
    )
    assert meeting.status_code == 201, meeting.content
    assert list(Meeting.objects.get(slug="space-talks").topics.values_list("slug", flat=True)) == [
        "space"
    ]
    assert editor_client.delete("/api/v1/meetings/space-talks/").status_code == 204


def test_meeting_rules_are_the_models(editor_client, seeded):
    # The 8th round of the Strategic Dialogue exists already (a unique constraint).
    duplicate = editor_client.post(
        "/api/v1/meetings/",
        {
            "slug": "another-8th",
            "title": "x",
            "kind": "dialogue_round",
            "series": "kz-uk-strategic-dialogue",
            "number": 8,
        },
        format="json",
    )
    assert duplicate.status_code == 400
    backwards = editor_client.post(
        "/api/v1/meetings/",
        {
            "slug": "backwards",
            "title": "x",
            "kind": "other",
            "start_on": "2025-02-11",
            "end_on": "2025-02-10",
        },
        format="json",
    )
    assert backwards.status_code == 400
    assert not Meeting.objects.filter(slug__in=["another-8th", "backwards"]).exists()


def test_deleting_what_others_rest_on_is_a_409(editor_client, seeded):
    # Kathy Leach's post is at the United Kingdom; the post PROTECTs it.
    response = editor_client.delete("/api/v1/organisations/united-kingdom/")
    assert response.status_code == 409
    assert "detail" in response.json()
    assert Organisation.objects.filter(slug="united-kingdom").exists()


def test_a_reader_cannot_write_here_either(reader_client, api_client, seeded):
    assert (
        reader_client.post("/api/v1/topics/", {"slug": "x", "name": "X"}, format="json").status_code
        == 403
    )
    assert (
        api_client.put(
            "/api/v1/topics/energy/", {"slug": "energy", "name": "E"}, format="json"
        ).status_code
        == 401
    )

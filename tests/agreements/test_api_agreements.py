"""The agreements API: the stable contract, every filter, status events and
their effect on the current status, writes and permissions. Also
commitments, their events, and figures, which live in the same app."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User

from agreements.models import Agreement, Commitment, StatusEvent

pytestmark = pytest.mark.django_db

AGREEMENTS = "/api/v1/agreements/"
CONTRACT = {
    "slug",
    "title",
    "short_title",
    "kind",
    "status",
    "signed_on",
    "signed_on_precision",
    "signed_at",
    "parties",
    "topics",
    "summary",
    "status_history",
    "citations",
}


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


# Reading ---------------------------------------------------------------------


def test_the_agreement_list_carries_the_contract_fields(api_client, seeded):
    # The lean row leaves the nested history and the quotes to `expand=`
    # (docs/API.md, "Choosing the shape"); `expand=all` gives the full row.
    nested = {"status_history", "citations"}
    lean = api_client.get(AGREEMENTS).json()
    assert lean["count"] == 4
    assert set(lean) == {"count", "next", "previous", "results"}
    for row in lean["results"]:
        assert set(row) >= CONTRACT - nested and not set(row) & nested
    body = api_client.get(f"{AGREEMENTS}?expand=all").json()
    for row in body["results"]:
        assert set(row) >= CONTRACT
    spca = next(row for row in body["results"] if row["slug"] == "spca")
    assert spca["parties"] == ["kazakhstan", "united-kingdom"]
    assert {party["name"] for party in spca["parties_summary"]} == {"Kazakhstan", "United Kingdom"}
    assert spca["url"] == "http://testserver/api/v1/agreements/spca/"


def test_the_spca_in_detail(api_client, seeded):
    spca = api_client.get(f"{AGREEMENTS}spca/").json()
    assert set(spca) >= CONTRACT
    assert spca["kind"] == "agreement"
    assert spca["status"] == "ratification_pending"
    assert (spca["status_since"], spca["status_since_precision"]) == ("2024-07-01", "month")
    assert (spca["status_confirmed_on"], spca["status_confirmed_on_precision"]) == (
        "2025-02-11",
        "day",
    )
    assert (spca["signed_on"], spca["signed_on_precision"]) == ("2024-04-01", "month")
    assert spca["requires_ratification"] is True
    # Reviewed at the 8th Strategic Dialogue, not made there.
    assert spca["meetings"] == [] and spca["meetings_summary"] == []
    assert spca["discussed_at"] == ["strategic-dialogue-8"]
    seasonal = api_client.get(f"{AGREEMENTS}mou-seasonal-workers-2025/").json()
    assert seasonal["meetings_summary"][0]["url"].endswith("/api/v1/meetings/strategic-dialogue-8/")

    history = spca["status_history"]
    assert [step["status"] for step in history] == [
        "negotiating",
        "signed",
        "ratification_pending",
        "ratification_pending",
    ]
    assert set(history[0]) >= {"status", "date", "date_precision", "party", "note", "citations"}
    assert (history[0]["date"], history[0]["date_precision"]) == ("2023-01-01", "year")
    assert history[2]["party"] == "united-kingdom"
    assert history[2]["party_url"].endswith("/api/v1/organisations/united-kingdom/")
    quote = history[1]["citations"][0]
    assert set(quote) >= {"source", "quote", "start", "end", "field"}

    citations = spca["citations"]
    assert len(citations) == 4
    signed = [citation for citation in citations if citation["field"] == "signed_on"]
    assert {citation["source"] for citation in signed} == {
        "kazinform-2025-02-strategic-dialogue-8",
        "news-2025-02-12-strategic-dialogue-8",
    }
    for citation in citations:
        assert citation["end"] - citation["start"] == len(citation["quote"])


def test_an_unknown_agreement_is_a_json_404(api_client, seeded):
    response = api_client.get(f"{AGREEMENTS}no-such-agreement/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


# Filters ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=ratification_pending", {"spca"}),
        (
            "status=signed",
            {
                "mou-seasonal-workers-2025",
                "roadmap-critical-minerals-2024",
                "mou-critical-minerals-green-hydrogen-2023",
            },
        ),
        (
            "status=signed&status=ratification_pending",
            {
                "spca",
                "mou-seasonal-workers-2025",
                "roadmap-critical-minerals-2024",
                "mou-critical-minerals-green-hydrogen-2023",
            },
        ),
        ("kind=roadmap", {"roadmap-critical-minerals-2024"}),
        ("kind=mou", {"mou-seasonal-workers-2025", "mou-critical-minerals-green-hydrogen-2023"}),
        ("topic=mining", {"roadmap-critical-minerals-2024"}),
        (
            "topic=critical-minerals",
            {"roadmap-critical-minerals-2024", "mou-critical-minerals-green-hydrogen-2023"},
        ),
        ("party=glaa", {"mou-seasonal-workers-2025"}),
        (
            "party=glaa&party=kazakhstan",
            {
                "spca",
                "mou-seasonal-workers-2025",
                "roadmap-critical-minerals-2024",
                "mou-critical-minerals-green-hydrogen-2023",
            },
        ),
        ("meeting=strategic-dialogue-8", {"mou-seasonal-workers-2025"}),
        ("signed_after=2024-04-01", {"spca", "mou-seasonal-workers-2025"}),
        ("signed_before=2023-12-31", {"mou-critical-minerals-green-hydrogen-2023"}),
        (
            "signed_after=2024-01-01&signed_before=2024-12-31",
            {"spca", "roadmap-critical-minerals-2024"},
        ),
        ("year=2024", {"spca", "roadmap-critical-minerals-2024"}),
        ("search=seasonal workers", {"mou-seasonal-workers-2025"}),
        ("search=STRATEGIC partnership", {"spca"}),
        ("as_of=2023-12-31&status=negotiating", {"spca"}),
        (
            "as_of=2024-05-01&status=signed",
            {"spca", "roadmap-critical-minerals-2024", "mou-critical-minerals-green-hydrogen-2023"},
        ),
    ],
)
@pytest.mark.dates
def test_agreement_filters(api_client, seeded, query, expected):
    assert set(slugs(api_client.get(f"{AGREEMENTS}?{query}"))) == expected


@pytest.mark.dates
def test_as_of_shows_the_status_on_that_date(api_client, seeded):
    rows = api_client.get(f"{AGREEMENTS}?as_of=2023-12-31").json()["results"]
    spca = next(row for row in rows if row["slug"] == "spca")
    assert spca["status_as_of"] == "negotiating"
    assert (spca["status_as_of_date"], spca["status_as_of_date_precision"]) == (
        "2023-01-01",
        "year",
    )
    assert spca["status"] == "ratification_pending"  # today's, unchanged
    # Not on record by then: not in the list; its own page says it had no status yet.
    assert "mou-seasonal-workers-2025" not in [row["slug"] for row in rows]
    not_yet = api_client.get(f"{AGREEMENTS}mou-seasonal-workers-2025/?as_of=2023-12-31").json()
    assert not_yet["status_as_of"] is None

    detail = api_client.get(f"{AGREEMENTS}spca/?as_of=2024-05-01").json()
    assert detail["status_as_of"] == "signed"
    assert api_client.get(f"{AGREEMENTS}spca/").json()["status_as_of"] is None


def test_ordering(api_client, seeded):
    oldest_first = slugs(api_client.get(f"{AGREEMENTS}?ordering=signed_on"))
    assert oldest_first == [
        "mou-critical-minerals-green-hydrogen-2023",
        "roadmap-critical-minerals-2024",
        "spca",
        "mou-seasonal-workers-2025",
    ]
    assert slugs(api_client.get(f"{AGREEMENTS}?ordering=-signed_on")) == oldest_first[::-1]
    by_title = slugs(api_client.get(f"{AGREEMENTS}?ordering=title"))
    titles = [Agreement.objects.get(slug=slug).title for slug in by_title]
    assert titles == sorted(titles)


def _changed_at(slug: str, when: str) -> None:
    """Every agreement last changed on 2024-01-01, and `slug` at `when`: the
    dates are the test's, whatever the day the seeds were loaded."""
    Agreement.objects.update(updated_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    Agreement.objects.filter(slug=slug).update(updated_at=datetime.datetime.fromisoformat(when))


@pytest.mark.dates
def test_updated_since_takes_any_utc_offset(api_client, seeded):
    _changed_at("spca", "2024-06-01T00:00:00+00:00")
    # +20:23 is valid ISO 8601 but past what PostgreSQL accepts; compared in
    # UTC, 20:00+20:23 on June 1st is 23:37 on May 31st: before the change.
    before = api_client.get(f"{AGREEMENTS}?updated_since=2024-06-01T20:00:00%2B20:23")
    assert slugs(before) == ["spca"]
    # One minute later is 00:01 UTC on June 1st: after it.
    after = api_client.get(f"{AGREEMENTS}?updated_since=2024-06-01T20:24:00%2B20:23")
    assert slugs(after) == []
    # The same instant west of UTC: 2024-05-31T20:00-04:00 is 00:00 UTC on June 1st.
    west = api_client.get(f"{AGREEMENTS}?updated_since=2024-05-31T20:00:00-04:00")
    assert slugs(west) == ["spca"]


@pytest.mark.dates
def test_updated_since_finds_only_what_changed(api_client, seeded):
    _changed_at("spca", "2024-06-01T00:00:00+00:00")
    assert slugs(api_client.get(f"{AGREEMENTS}?updated_since=2024-05-31T00:00:00Z")) == ["spca"]
    assert slugs(api_client.get(f"{AGREEMENTS}?updated_since=2024-06-02T00:00:00Z")) == []
    assert len(slugs(api_client.get(f"{AGREEMENTS}?updated_since=2023-12-31T00:00:00Z"))) == 4


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("status=signedish", "status"),
        ("kind=pact", "kind"),
        ("topic=no-such-topic", "topic"),
        ("party=atlantis", "party"),
        ("meeting=no-such-meeting", "meeting"),
        ("signed_after=yesterday", "signed_after"),
        ("signed_before=2024-02-30", "signed_before"),
        ("as_of=2024-13-01", "as_of"),
        ("year=2024.5", "year"),
        ("year=10000", "year"),
        ("ordering=summary", "ordering"),
        ("ordering=-nonsense", "ordering"),
        ("updated_since=last-week", "updated_since"),
        # Out of range once in UTC; PostgreSQL would fail on it rather than answer.
        ("updated_since=0001-01-01T00:00:00%2B14:00", "updated_since"),
        # Not a slug at all: PostgreSQL fails on a NUL byte rather than find nothing.
        ("party=bad%00slug", "party"),
        ("search=" + "x" * 201, "search"),
    ],
)
def test_an_invalid_filter_value_is_a_400_naming_the_parameter(
    api_client, seeded, query, parameter
):
    response = api_client.get(f"{AGREEMENTS}?{query}")
    assert response.status_code == 400
    assert parameter in response.json()


# Commitments and figures -----------------------------------------------------


def test_commitment_list_detail_and_filters(api_client, seeded):
    rows = api_client.get("/api/v1/commitments/?page_size=100").json()["results"]
    assert len(rows) == Commitment.objects.count()
    detail = api_client.get("/api/v1/commitments/spca-swift-ratification/").json()
    assert detail["meeting"] == "strategic-dialogue-8"
    assert detail["status"] == "announced"
    assert detail["status_history"][0]["url"].startswith(
        "http://testserver/api/v1/commitment-status-events/"
    )
    assert detail["citations"]

    meeting = slugs(api_client.get("/api/v1/commitments/?meeting=strategic-dialogue-8"))
    assert set(meeting) == {"strategic-dialogue-8-cooperation-prospects", "spca-swift-ratification"}
    fulfilled = slugs(api_client.get("/api/v1/commitments/?status=fulfilled"))
    assert fulfilled == ["kazakhstan-visa-free-regime-british-citizens"]
    open_ones = slugs(api_client.get("/api/v1/commitments/?open=true&page_size=100"))
    assert "kazakhstan-visa-free-regime-british-citizens" not in open_ones
    assert len(open_ones) == Commitment.objects.open().count()
    due = slugs(api_client.get("/api/v1/commitments/?due_before=2020-12-31"))
    assert due == ["job-fair-kazakh-students-london-2020"]
    assert api_client.get("/api/v1/commitments/?agreement=nope").status_code == 400


def test_figure_list_detail_and_filters(api_client, seeded):
    detail = api_client.get("/api/v1/figures/kz-uk-trade-turnover-2025-gbp/").json()
    assert (detail["value"], detail["unit"]) == ("2800000000.0000", "GBP")
    assert detail["citations"][0]["quote"]
    same_metric = slugs(api_client.get("/api/v1/figures/?metric=british-companies-in-kazakhstan"))
    assert set(same_metric) == {
        "british-companies-in-kazakhstan-550",
        "british-companies-in-kazakhstan-580",
    }
    assert set(slugs(api_client.get("/api/v1/figures/?unit=usd"))) == {
        "kz-uk-trade-turnover-2025-usd",
        "uk-total-investment-in-kazakhstan",
    }
    about_kazakhstan = slugs(api_client.get("/api/v1/figures/?subject=kazakhstan"))
    assert "kazakhstan-nickel-reserves" in about_kazakhstan
    assert "uk-investor-rank-in-kazakhstan" not in about_kazakhstan
    by_value = slugs(api_client.get("/api/v1/figures/?ordering=-value&page_size=1"))
    assert by_value == ["uk-total-investment-in-kazakhstan"]
    assert api_client.get("/api/v1/figures/?subject=atlantis").status_code == 400


# Writes ----------------------------------------------------------------------


NEW_AGREEMENT = {
    "slug": "mou-education-2026",
    "title": "Memorandum on education",
    "kind": "mou",
    "signed_on": "2026-03-01",
    "signed_on_precision": "month",
    "parties": ["kazakhstan", "united-kingdom"],
    "topics": ["education"],
    "summary": "Signed in March 2026.",
}


def test_anonymous_clients_cannot_write(api_client, seeded):
    response = api_client.post(AGREEMENTS, NEW_AGREEMENT, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert api_client.delete(f"{AGREEMENTS}spca/").status_code == 401
    assert Agreement.objects.filter(slug="spca").exists()


def test_a_user_without_the_permission_is_forbidden(reader_client, seeded):
    response = reader_client.post(AGREEMENTS, NEW_AGREEMENT, format="json")
    assert response.status_code == 403
    assert "detail" in response.json()
    assert (
        reader_client.patch(f"{AGREEMENTS}spca/", {"title": "x"}, format="json").status_code == 403
    )


def test_the_permission_to_add_is_not_the_permission_to_delete(seeded, client_for):
    user = User.objects.create_user("adder")
    user.user_permissions.add(Permission.objects.get(codename="add_agreement"))
    client = client_for(user)
    assert client.post(AGREEMENTS, NEW_AGREEMENT, format="json").status_code == 201
    assert client.delete(f"{AGREEMENTS}spca/").status_code == 403


def test_an_editor_creates_updates_and_deletes_an_agreement(editor_client, seeded):
    created = editor_client.post(AGREEMENTS, NEW_AGREEMENT, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["parties"] == ["kazakhstan", "united-kingdom"]
    assert created.json()["status"] == ""
    agreement = Agreement.objects.get(slug="mou-education-2026")
    assert set(agreement.topics.values_list("slug", flat=True)) == {"education"}

    changed = editor_client.patch(
        f"{AGREEMENTS}mou-education-2026/",
        {"short_title": "Education MoU", "topics": ["education", "culture"]},
        format="json",
    )
    assert changed.status_code == 200, changed.content
    agreement.refresh_from_db()
    assert agreement.short_title == "Education MoU"
    assert agreement.topics.count() == 2
    assert agreement.parties.count() == 2  # untouched by a partial update

    assert editor_client.delete(f"{AGREEMENTS}mou-education-2026/").status_code == 204
    assert not Agreement.objects.filter(slug="mou-education-2026").exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"signed_on": "2026-03-15", "signed_on_precision": "month"}, "signed_on"),
        ({"kind": "pact"}, "kind"),
        ({"parties": ["atlantis"]}, "parties"),
        ({"parties": ["bad\x00slug"]}, "parties"),
        ({"slug": "spca"}, "slug"),
        ({"slug": "Not a slug!"}, "slug"),
        ({"official_url": "not a url"}, "official_url"),
    ],
)
def test_an_invalid_agreement_is_refused_naming_the_field(editor_client, seeded, change, field):

    response = editor_client.post(AGREEMENTS, {**NEW_AGREEMENT, **change}, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Agreement.objects.filter(slug=NEW_AGREEMENT["slug"]).exists()


def test_status_is_derived_not_written(editor_client, seeded):
    response = editor_client.patch(f"{AGREEMENTS}spca/", {"status": "in_force"}, format="json")
    assert response.status_code == 200
    assert Agreement.objects.get(slug="spca").status == "ratification_pending"


def test_a_new_status_event_updates_the_agreements_status(editor_client, seeded):
    response = editor_client.post(
        "/api/v1/status-events/",
        {
            "agreement": "spca",
            "status": "ratified",
            "date": "2025-06-01",
            "date_precision": "month",
            "party": "united-kingdom",
            "note": "Ratified by the UK.",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    event_id = response.json()["id"]
    spca = Agreement.objects.get(slug="spca")
    assert (spca.status, spca.status_since) == ("ratified", datetime.date(2025, 6, 1))
    # Marked changed, so that a client syncing with updated_since sees it.
    assert spca.updated_at > StatusEvent.objects.get(pk=event_id).created_at
    assert editor_client.get(f"{AGREEMENTS}spca/").json()["status_history"][-1]["id"] == event_id

    # Moved back in time, the event no longer decides the status.
    moved = editor_client.patch(
        f"/api/v1/status-events/{event_id}/",
        {"date": "2024-01-01", "date_precision": "year"},
        format="json",
    )
    assert moved.status_code == 200, moved.content
    assert Agreement.objects.get(slug="spca").status == "ratification_pending"

    # Deleted, likewise; and the agreement's current status is re-derived.
    editor_client.patch(f"/api/v1/status-events/{event_id}/", {"date": "2026-01-01"}, format="json")
    assert Agreement.objects.get(slug="spca").status == "ratified"
    assert editor_client.delete(f"/api/v1/status-events/{event_id}/").status_code == 204
    spca = Agreement.objects.get(slug="spca")
    assert (spca.status, spca.status_since) == ("ratification_pending", datetime.date(2024, 7, 1))
    assert spca.status_confirmed_on == datetime.date(2025, 2, 11)


def test_a_status_event_is_validated_like_in_the_admin(editor_client, seeded):
    response = editor_client.post(
        "/api/v1/status-events/",
        {"agreement": "spca", "status": "ratified", "date": "2025-06-15", "date_precision": "year"},
        format="json",
    )
    assert response.status_code == 400
    assert "date" in response.json()
    missing = editor_client.post(
        "/api/v1/status-events/", {"agreement": "spca", "status": "ratified"}, format="json"
    )
    assert missing.status_code == 400
    assert "date" in missing.json()
    assert StatusEvent.objects.filter(agreement__slug="spca").count() == 4


def test_status_event_filters(api_client, seeded):
    events = api_client.get("/api/v1/status-events/?agreement=spca").json()["results"]
    assert [event["status"] for event in events] == [
        "negotiating",
        "signed",
        "ratification_pending",
        "ratification_pending",
    ]
    uk = api_client.get("/api/v1/status-events/?party=united-kingdom").json()
    assert uk["count"] == 1
    assert api_client.get("/api/v1/status-events/?after=2025-01-01").json()["count"] == 2
    assert api_client.get("/api/v1/status-events/?agreement=nope").status_code == 400


def test_a_commitment_status_event_updates_the_commitment(editor_client, seeded):
    response = editor_client.post(
        "/api/v1/commitment-status-events/",
        {"commitment": "spca-swift-ratification", "status": "fulfilled", "date": "2026-01-10"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Commitment.objects.get(slug="spca-swift-ratification").status == "fulfilled"
    assert editor_client.delete(response.json()["url"]).status_code == 204
    assert Commitment.objects.get(slug="spca-swift-ratification").status == "announced"


def test_editors_write_commitments_and_figures(editor_client, seeded):
    commitment = editor_client.post(
        "/api/v1/commitments/",
        {
            "slug": "new-commitment",
            "title": "A new commitment",
            "parties": ["united-kingdom"],
            "agreement": "spca",
            "due_on": "2027-01-01",
            "due_on_precision": "year",
        },
        format="json",
    )
    assert commitment.status_code == 201, commitment.content
    assert commitment.json()["agreement_url"].endswith("/api/v1/agreements/spca/")

    figure = editor_client.post(
        "/api/v1/figures/",
        {
            "slug": "new-figure",
            "name": "A number",
            "metric": "a-number",
            "value": "12.5",
            "unit": "percent",
            "subject": "kazakhstan",
        },
        format="json",
    )
    assert figure.status_code == 201, figure.content
    assert figure.json()["value"] == "12.5000"
    bad = editor_client.post(
        "/api/v1/figures/",
        {"slug": "bad", "name": "x", "metric": "x", "value": "lots", "unit": "x"},
        format="json",
    )
    assert bad.status_code == 400
    assert "value" in bad.json()

"""The status rules hold at every door: the seed loader, the admin and the
API refuse a change into the status already held (and the other breaches of
docs/STATUS.md), name what is wrong and where, and write nothing."""

import datetime

import pytest
from django.core.management.base import CommandError

from agreements.models import Agreement, StatusEvent
from agreements.services import kind_for
from people.models import Organisation
from tests.support.admin_forms import form_data

# "Today", where a rule needs it (no as_of), is this day, whatever the day the
# suite runs (docs/TESTING.md): time-machine moves the clock, ticking from there.
TODAY = datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]

SPCA_CONFIRMATION = '''    - status: ratification_pending
      kind: confirmation
      date: "2025-02-11"'''


def test_the_loader_refuses_a_change_into_the_status_already_held(seeds_copy, load):
    agreements = seeds_copy / "data" / "agreements.yaml"
    text = agreements.read_text(encoding="utf-8")
    assert SPCA_CONFIRMATION in text
    agreements.write_text(
        text.replace(SPCA_CONFIRMATION, SPCA_CONFIRMATION.replace("confirmation", "change")),
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        load(seeds_dir=seeds_copy)
    message = str(error.value)
    for part in (
        "agreements.yaml",
        "'spca'",
        "status_events[3].kind",
        "record it as a confirmation",
    ):
        assert part in message
    assert not Agreement.objects.exists()


def test_the_loader_refuses_a_confirmation_of_a_status_that_did_not_hold(seeds_copy, load):
    agreements = seeds_copy / "data" / "agreements.yaml"
    text = agreements.read_text(encoding="utf-8")
    agreements.write_text(
        text.replace(
            SPCA_CONFIRMATION, SPCA_CONFIRMATION.replace("ratification_pending", "ratified")
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        load(seeds_dir=seeds_copy)
    assert "status_events[3].kind" in str(error.value)
    assert "record it as a change" in str(error.value)


def test_the_api_refuses_a_change_into_the_status_held_and_writes_nothing(editor_client, seeded):
    before = StatusEvent.objects.filter(agreement__slug="spca").count()
    response = editor_client.post(
        "/api/v1/status-events/",
        {
            "agreement": "spca",
            "status": "ratification_pending",
            "kind": "change",
            "date": "2025-06-01",
            "date_precision": "day",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "record it as a confirmation" in response.json()["kind"][0]
    assert StatusEvent.objects.filter(agreement__slug="spca").count() == before
    spca = Agreement.objects.get(slug="spca")
    assert spca.status_confirmed_on == datetime.date(2025, 2, 11)


def test_the_api_takes_a_confirmation_and_moves_only_last_confirmed(editor_client, seeded):
    response = editor_client.post(
        "/api/v1/status-events/",
        {
            "agreement": "spca",
            "status": "ratification_pending",
            "kind": "confirmation",
            "date": "2025-06-01",
            "date_precision": "day",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    spca = editor_client.get("/api/v1/agreements/spca/").json()
    assert spca["status_since"] == "2024-07-01"
    assert spca["status_confirmed_on"] == "2025-06-01"
    assert spca["status_history"][-1]["kind"] == "confirmation"


def test_the_api_gives_each_party_track_with_its_next_step(api_client, seeded):
    tracks = api_client.get("/api/v1/agreements/spca/").json()["tracks"]
    by_party = {track["party"]: track for track in tracks}
    assert set(by_party) == {"kazakhstan", "united-kingdom"}
    assert by_party["united-kingdom"]["status"] == "ratification_pending"
    assert by_party["united-kingdom"]["since"] == "2024-07-01"
    assert by_party["united-kingdom"]["next_step"] == "laid_before_parliament"
    assert by_party["kazakhstan"]["status"] == "signed"
    assert by_party["kazakhstan"]["next_step"] == "mazhilis_approved"
    as_of = api_client.get("/api/v1/agreements/spca/?as_of=2024-05-01").json()["tracks"]
    assert {track["status"] for track in as_of} == {"signed"}


def test_the_api_refuses_an_as_of_that_is_not_a_date(api_client, seeded):
    for url in ("/api/v1/agreements/", "/api/v1/agreements/spca/", "/api/v1/commitments/"):
        response = api_client.get(f"{url}?as_of=not-a-date")
        assert response.status_code == 400, url
        assert "as_of" in response.json()


def test_the_job_fair_is_overdue_today_and_not_as_of_2019(api_client, seeded):
    url = "/api/v1/commitments/job-fair-kazakh-students-london-2020/"
    assert api_client.get(url).json()["is_overdue"] is True
    assert api_client.get(f"{url}?as_of=2019-12-31").json()["is_overdue"] is False
    overdue = api_client.get("/api/v1/commitments/?overdue=true").json()["results"]
    assert "job-fair-kazakh-students-london-2020" in [row["slug"] for row in overdue]
    assert all(row["is_overdue"] for row in overdue)
    stale = api_client.get("/api/v1/agreements/?stale=true").json()["results"]
    assert "spca" in [row["slug"] for row in stale] and all(row["is_stale"] for row in stale)


def test_the_admin_marks_the_row_that_breaks_the_rule(admin_client, seeded):
    spca = Agreement.objects.get(slug="spca")
    url = f"/admin/agreements/agreement/{spca.pk}/change/"
    data = form_data(admin_client.get(url))
    (confirmation,) = [key for key, value in data.items() if value == "confirmation"]
    data[confirmation] = "change"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "record it as a confirmation" in response.content.decode()
    assert StatusEvent.objects.get(agreement=spca, date=datetime.date(2025, 2, 11)).kind == (
        "confirmation"
    )


def test_kind_for_gives_the_kind_the_rules_give_after_the_published_steps(seeded):
    spca = Agreement.objects.get(slug="spca")
    uk = Organisation.objects.get(slug="united-kingdom")
    day = datetime.date
    assert kind_for(spca, status="ratification_pending", date=day(2025, 3, 1)) == "confirmation"
    assert kind_for(spca, status="ratified", date=day(2025, 3, 1)) == "change"
    assert kind_for(spca, status="signed", date=day(2024, 5, 1)) == "confirmation"
    assert kind_for(spca, status="signed", date=day(2025, 3, 1)) == "change"
    pending = kind_for(spca, status="ratification_pending", date=day(2025, 3, 1), party=uk)
    assert pending == "confirmation"
    # Nothing it was given was marked: the published steps keep their kinds.
    assert [event.kind for event in spca.published_events()] == list(
        spca.status_events.values_list("kind", flat=True)
    )


def test_events_with_puts_candidates_in_place_of_their_saved_selves(seeded):
    spca = Agreement.objects.get(slug="spca")
    saved = spca.events_with()
    assert len(saved) == spca.status_events.count()
    changed = saved[0]
    changed.note = "edited, not saved"
    draft = StatusEvent(agreement=spca, status="ratified", date=datetime.date(2025, 6, 1))
    draft.publication = "draft"
    events = spca.events_with(changed, draft)
    assert changed in events and draft not in events and len(events) == len(saved)
    assert draft in spca.events_with(draft, counting=True)
    assert len(spca.events_with(removed=[changed.pk])) == len(saved) - 1

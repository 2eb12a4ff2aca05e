"""A draft status step (one proposed from an article, say) counts for
nothing and is shown to no reader until an editor publishes it; publishing
goes through the status rules like any other write."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from agreements.models import Agreement, AgreementStatus, StatusEvent
from agreements.services import set_event_publication
from agreements.status_rules import EventKind
from core.models import PublicationState

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED = PublicationState.DRAFT, PublicationState.PUBLISHED


def _draft_step(agreement, **fields):
    fields.setdefault("status", AgreementStatus.RATIFIED)
    fields.setdefault("date", datetime.date(2025, 9, 1))
    return StatusEvent.objects.create(agreement=agreement, publication=DRAFT, **fields)


def test_a_draft_step_changes_nothing_a_reader_sees(seeded, client, api_client):
    spca = Agreement.objects.get(slug="spca")
    step = _draft_step(spca, note="A proposed step not yet reviewed")
    spca.refresh_status()
    spca.refresh_from_db()
    assert spca.status == AgreementStatus.RATIFICATION_PENDING
    assert spca.status_confirmed_on == datetime.date(2025, 2, 11)
    assert "not yet reviewed" not in client.get("/agreements/spca/").content.decode()
    api = api_client.get("/api/v1/agreements/spca/").json()
    assert step.pk not in [event["id"] for event in api["status_history"]]
    assert api_client.get(f"/api/v1/status-events/{step.pk}/").status_code == 404
    as_of = Agreement.objects.with_status_as_of(datetime.date(2026, 1, 1)).get(pk=spca.pk)
    assert as_of.status_as_of == AgreementStatus.RATIFICATION_PENDING


def test_an_editor_sees_the_draft_step_in_the_api(seeded, editor_client):
    step = _draft_step(Agreement.objects.get(slug="spca"))
    response = editor_client.get(f"/api/v1/status-events/{step.pk}/")
    assert response.status_code == 200
    assert response.json()["publication"] == "draft"


def test_publishing_a_step_makes_it_count(seeded):
    spca = Agreement.objects.get(slug="spca")
    step = _draft_step(spca)
    set_event_publication(event=step, state=PUBLISHED)
    spca.refresh_from_db()
    assert (spca.status, spca.status_since) == (AgreementStatus.RATIFIED, datetime.date(2025, 9, 1))


def test_publishing_a_step_that_breaks_the_rules_is_refused_and_changes_nothing(seeded):
    spca = Agreement.objects.get(slug="spca")
    step = _draft_step(spca, status=AgreementStatus.RATIFICATION_PENDING, kind=EventKind.CHANGE)
    with pytest.raises(ValidationError) as error:
        set_event_publication(event=step, state=PUBLISHED)
    assert "record it as a confirmation" in str(error.value)
    step.refresh_from_db()
    assert step.publication == DRAFT
    spca.refresh_from_db()
    assert spca.status_confirmed_on == datetime.date(2025, 2, 11)


def test_the_admin_publishes_steps_through_the_rules(seeded, admin_client):
    spca = Agreement.objects.get(slug="spca")
    good = _draft_step(spca)
    bad = _draft_step(
        spca,
        status=AgreementStatus.RATIFICATION_PENDING,
        date=datetime.date(2025, 3, 1),
        kind=EventKind.CHANGE,
    )
    response = admin_client.post(
        "/admin/agreements/statusevent/",
        {"action": "publish", "_selected_action": [good.pk, bad.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "record it as a confirmation" in page
    good.refresh_from_db(), bad.refresh_from_db()
    assert (good.publication, bad.publication) == (PUBLISHED, DRAFT)
    assert Agreement.objects.get(pk=spca.pk).status == AgreementStatus.RATIFIED

"""Deleting a status step keeps the status rules: a step that a later
confirmation leans on is refused with the reason, through the API (a 409)
and the admin (a message, nothing deleted); one nothing leans on goes, and
the status is derived again."""

import datetime

import pytest

from agreements.models import Agreement, StatusEvent
from people.models import Organisation

pytestmark = pytest.mark.django_db


def _uk_change_to_pending() -> StatusEvent:
    return StatusEvent.objects.get(
        agreement__slug="spca",
        status="ratification_pending",
        kind="change",
        party=Organisation.objects.get(slug="united-kingdom"),
    )


def test_the_api_refuses_to_delete_a_change_a_confirmation_leans_on(editor_client, seeded):
    change = _uk_change_to_pending()
    response = editor_client.delete(f"/api/v1/status-events/{change.pk}/")
    assert response.status_code == 409, response.content
    detail = response.json()["detail"]
    assert "Deleting this step would break the status rules" in detail
    assert "record it as a change" in detail
    assert StatusEvent.objects.filter(pk=change.pk).exists()
    spca = Agreement.objects.get(slug="spca")
    assert (spca.status, spca.status_since) == ("ratification_pending", datetime.date(2024, 7, 1))


def test_the_api_deletes_a_step_nothing_leans_on_and_derives_the_status_again(
    editor_client, seeded
):
    confirmation = StatusEvent.objects.get(agreement__slug="spca", kind="confirmation")
    response = editor_client.delete(f"/api/v1/status-events/{confirmation.pk}/")
    assert response.status_code == 204, response.content
    spca = Agreement.objects.get(slug="spca")
    assert spca.status == "ratification_pending"
    # The latest evidence is now the change itself.
    assert spca.status_confirmed_on == datetime.date(2024, 7, 1)


def test_the_admin_refuses_the_deletion_with_the_reason(admin_client, seeded):
    change = _uk_change_to_pending()
    url = f"/admin/agreements/statusevent/{change.pk}/delete/"
    response = admin_client.post(url, {"post": "yes"}, follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/agreements/statusevent/{change.pk}/change/"
    messages = [str(message) for message in response.context["messages"]]
    assert any("would break the status rules" in message for message in messages), messages
    assert StatusEvent.objects.filter(pk=change.pk).exists()


def test_the_admin_deletes_a_step_nothing_leans_on(admin_client, seeded):
    confirmation = StatusEvent.objects.get(agreement__slug="spca", kind="confirmation")
    url = f"/admin/agreements/statusevent/{confirmation.pk}/delete/"
    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not StatusEvent.objects.filter(pk=confirmation.pk).exists()
    assert Agreement.objects.get(slug="spca").status_confirmed_on == datetime.date(2024, 7, 1)


def test_the_admin_has_no_bulk_delete_of_steps(admin_client, seeded):
    response = admin_client.get("/admin/agreements/statusevent/")
    assert response.status_code == 200
    assert "delete_selected" not in response.content.decode()

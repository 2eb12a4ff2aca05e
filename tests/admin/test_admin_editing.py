"""Editors at work in the admin: real forms posted, quotes verified, and no
one's work silently overwritten by another editor's stale form."""

import pytest
from django.urls import reverse

from agreements.models import Agreement, AgreementStatus
from evidence.models import Citation, Source
from tests.support.admin_forms import add_inline_row, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editors(client, django_user_model, seeded):
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(django_user_model.objects.create_superuser("first", "a@example.org", "pw"))
    second.force_login(django_user_model.objects.create_superuser("second", "b@example.org", "pw"))
    return first, second


def _change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=(obj.pk,))


CITATIONS_PREFIX = "evidence-citation-content_type-object_id"


def test_a_stale_second_save_is_refused_and_told_what_changed(editors):
    first, second = editors
    spca = Agreement.objects.get(slug="spca")
    url = _change_url(spca)
    stale = form_data(first.get(url))
    fresh = form_data(second.get(url))

    # The English summary: the admin has a field per language (issue 16).
    fresh["summary_en"] = "Rewritten by the second editor."
    assert second.post(url, fresh).status_code == 302

    stale["signed_at_en"] = "Astana"
    response = first.post(url, stale)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Someone else saved this record" in content
    assert "summary" in content
    spca.refresh_from_db()
    assert spca.summary == "Rewritten by the second editor."
    assert spca.signed_at == ""


def test_a_save_from_a_fresh_form_goes_through(editors):
    first, _ = editors
    spca = Agreement.objects.get(slug="spca")
    data = form_data(first.get(_change_url(spca)))
    data["signed_at_en"] = "London"  # a field per language (issue 16)
    assert first.post(_change_url(spca), data).status_code == 302
    spca.refresh_from_db()
    assert spca.signed_at == "London"


def test_an_editor_adds_a_status_step_with_a_quote_and_the_status_follows(editors):
    first, _ = editors
    spca = Agreement.objects.get(slug="spca")
    url = _change_url(spca)
    data = form_data(first.get(url))
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
    response = first.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    spca.refresh_from_db()
    assert spca.status == AgreementStatus.RATIFIED
    assert spca.status_since_display == "June 2025"


def test_a_quote_that_is_not_in_its_source_is_refused_with_its_message(editors):
    first, _ = editors
    spca = Agreement.objects.get(slug="spca")
    source = Source.objects.get(slug="kazinform-2025-02-strategic-dialogue-8")
    url = _change_url(spca)
    before = Citation.objects.count()
    data = add_inline_row(
        form_data(first.get(url)),
        CITATIONS_PREFIX,
        source=str(source.pk),
        quote="The agreement was ratified by acclamation.",
        position="9",
    )
    response = first.post(url, data)
    assert response.status_code == 200
    assert "is not in the source" in response.content.decode()
    assert Citation.objects.count() == before


def test_a_pasted_quote_with_straight_quotes_is_stored_verbatim_with_offsets(editors):
    first, _ = editors
    spca = Agreement.objects.get(slug="spca")
    source = Source.objects.get(slug="kazinform-2025-02-strategic-dialogue-8")
    url = _change_url(spca)
    data = add_inline_row(
        form_data(first.get(url)),
        CITATIONS_PREFIX,
        source=str(source.pk),
        quote="Kazakhstan's Ministry of Industry  and Construction",
        position="9",
    )
    assert first.post(url, data).status_code == 302
    citation = Citation.objects.filter(object_id=spca.pk, position=9).get()
    assert citation.quote == "Kazakhstan\u2019s Ministry of Industry and Construction"
    assert source.text[citation.start : citation.end] == citation.quote


def test_history_records_who_changed_what_and_the_loaders_changes_as_such(editors):
    first, _ = editors
    spca = Agreement.objects.get(slug="spca")
    assert {record.history_change_reason for record in spca.history.all()} == {"load_seeds"}

    url = _change_url(spca)
    data = form_data(first.get(url))
    data["signed_at_en"] = "London"  # a field per language (issue 16)
    first.post(url, data)

    latest = spca.history.latest()
    assert latest.history_user.username == "first"
    assert latest.history_change_reason in (None, "")
    previous = latest.prev_record
    while previous is not None and previous.signed_at == latest.signed_at:
        previous = previous.prev_record
    delta = latest.diff_against(previous)
    assert "signed_at" in delta.changed_fields

    page = first.get(reverse("admin:agreements_agreement_history", args=(spca.pk,)))
    content = page.content.decode()
    assert page.status_code == 200
    assert "first" in content and "load_seeds" in content


def test_a_change_is_reverted_from_the_history(editors):
    first, _ = editors
    spca = Agreement.objects.get(slug="spca")
    original_summary = spca.summary
    url = _change_url(spca)
    before_edit = spca.history.latest()
    data = form_data(first.get(url))
    data["summary_en"] = "A mistaken summary."
    first.post(url, data)
    assert Agreement.objects.get(pk=spca.pk).summary == "A mistaken summary."

    revert_url = reverse(
        "admin:agreements_agreement_simple_history", args=(spca.pk, before_edit.history_id)
    )
    revert = form_data(first.get(revert_url))
    assert first.post(revert_url, revert).status_code == 302
    assert Agreement.objects.get(pk=spca.pk).summary == original_summary


def _step_action(client, model, records, **fields):
    url = reverse(f"admin:agreements_{model}_changelist")
    data = {
        "action": "add_status_step_action",
        "_selected_action": [str(record.pk) for record in records],
        "apply": "1",
        **fields,
    }
    return client.post(url, data)


def test_one_status_step_is_added_to_several_agreements_at_once(editors):
    first, _ = editors
    source = Source.objects.get(slug="kazinform-2025-02-strategic-dialogue-8")
    chosen = list(Agreement.objects.filter(kind="mou"))
    assert len(chosen) == 2
    url = reverse("admin:agreements_agreement_changelist")
    form_page = first.post(
        url, {"action": "add_status_step_action", "_selected_action": [a.pk for a in chosen]}
    )
    assert "Add a status step" in form_page.content.decode()

    response = _step_action(
        first,
        "agreement",
        chosen,
        status="in_force",
        date="2025-03",
        source=source.pk,
        quote="the meeting was a success",
    )
    assert response.status_code == 302
    for agreement in chosen:
        agreement.refresh_from_db()
        assert agreement.status == "in_force"
        assert agreement.status_since_display == "March 2025"
        step = agreement.status_events.latest("position")
        assert step.citations.get().quote == "the meeting was a success"


def test_a_bad_quote_in_the_bulk_action_adds_the_step_to_none(editors):
    first, _ = editors
    source = Source.objects.get(slug="kazinform-2025-02-strategic-dialogue-8")
    chosen = list(Agreement.objects.filter(kind="mou"))
    before = {a.pk: a.status_events.count() for a in chosen}
    response = _step_action(
        first,
        "agreement",
        chosen,
        status="in_force",
        date="2025-03",
        source=source.pk,
        quote="Both memoranda entered into force.",
    )
    assert response.status_code == 200
    assert "is not in the source" in response.content.decode()
    assert {a.pk: a.status_events.count() for a in chosen} == before


def test_the_bulk_action_refuses_a_date_it_cannot_read(editors):
    first, _ = editors
    commitment = Agreement.objects.get(slug="spca")
    response = _step_action(first, "agreement", [commitment], status="ratified", date="spring")
    assert response.status_code == 200
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in response.content.decode()


def test_the_change_page_says_where_the_record_came_from(editors):
    first, _ = editors
    spca = Agreement.objects.get(slug="spca")
    content = first.get(_change_url(spca)).content.decode()
    assert "The seed file seeding/data/agreements.yaml, record spca" in content

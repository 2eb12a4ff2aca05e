"""The admin edits every language of a record on one page (issue 16 item 6),
and a change to one language is saved to that language's column."""

import pytest
from django.urls import reverse

from agreements.models import Agreement
from tests.support.admin_forms import form_data


@pytest.fixture
def staff_client(client, django_user_model, seeded):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def test_the_agreement_page_holds_all_three_languages(staff_client):
    spca = Agreement.objects.get(slug="spca")
    html = staff_client.get(reverse("admin:agreements_agreement_change", args=(spca.pk,)))
    content = html.content.decode()
    for name in ("title_en", "title_ru", "title_kk", "summary_kk", "translation_review"):
        assert f'name="{name}"' in content
    assert "Соглашение о стратегическом партнерстве и сотрудничестве" in content
    # The steps' notes in every language, in the inline.
    assert 'name="status_events-0-note_kk"' in content


@pytest.mark.parametrize(
    ("model", "names"),
    [
        ("people/person", ("name_en", "name_ru", "name_kk", "posts-0-title_ru")),
        ("topics/topic", ("name_ru", "description_kk")),
        ("dialogue/meeting", ("title_ru", "summary_kk")),
    ],
)
def test_other_records_too(staff_client, model, names):
    from django.apps import apps

    app_label, model_name = model.split("/")
    obj = apps.get_model(app_label, model_name).objects.order_by("pk").first()
    if model_name == "person":
        obj = apps.get_model(app_label, model_name).objects.filter(posts__isnull=False).first()
    content = staff_client.get(
        reverse(f"admin:{app_label}_{model_name}_change", args=(obj.pk,))
    ).content.decode()
    for name in names:
        assert f'name="{name}"' in content


def test_saving_the_kazakh_title_in_a_russian_admin_changes_only_the_kazakh(staff_client):
    spca = Agreement.objects.get(slug="spca")
    url = reverse("admin:agreements_agreement_change", args=(spca.pk,))
    data = form_data(staff_client.get(url, HTTP_ACCEPT_LANGUAGE="ru"))
    data["title_kk"] = "Стратегиялық әріптестік туралы келісім (түзетілген)"
    data["translation_review"] = '{"title_kk": "reviewed"}'
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 302, response.context["adminform"].form.errors
    spca.refresh_from_db()
    assert spca.title_kk.endswith("(түзетілген)")
    assert spca.title_en.startswith("Agreement on Strategic Partnership")
    assert spca.translation_review == {"title_kk": "reviewed"}
    assert Agreement.objects.filter(pk=spca.pk, title__startswith="Agreement on").exists()


def test_a_source_is_edited_in_all_three_languages_on_one_page(staff_client):
    from evidence.models import Source

    source = Source.objects.get(slug="kazinform-2019-idrissov-leeds-visit")
    url = reverse("admin:evidence_source_change", args=(source.pk,))
    content = staff_client.get(url).content.decode()
    for name in ("title_en", "title_ru", "title_kk", "publisher_kk", "published_on_note_ru"):
        assert f'name="{name}"' in content
    assert 'name="translation_review"' in content
    assert "ҚазАқпарат" in content

    data = form_data(staff_client.get(url, HTTP_ACCEPT_LANGUAGE="kk"))
    data["publisher_ru"] = "МИА Kazinform"
    response = staff_client.post(url, data, HTTP_ACCEPT_LANGUAGE="kk")
    assert response.status_code == 302, response.context["adminform"].form.errors
    source.refresh_from_db()
    assert (source.publisher_en, source.publisher_ru) == ("Kazinform", "МИА Kazinform")


def test_meeting_participants_are_edited_in_all_three_languages(staff_client):
    from dialogue.models import Meeting, Participation

    participation = Participation.objects.get(note_en="Guest of honour.")
    meeting = participation.meeting
    url = reverse("admin:dialogue_meeting_change", args=(meeting.pk,))
    content = staff_client.get(url).content.decode()
    index = list(meeting.participations.order_by("position", "pk")).index(participation)
    for language in ("en", "ru", "kk"):
        assert f'name="participations-{index}-note_{language}"' in content
    assert "Құрметті қонақ." in content
    for name in ("place_ru", "start_on_note_kk"):
        assert f'name="{name}"' in content

    data = form_data(staff_client.get(url))
    data[f"participations-{index}-note_kk"] = "Құрметті қонақ болды."
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    participation.refresh_from_db()
    assert (participation.note_en, participation.note_kk) == (
        "Guest of honour.",
        "Құрметті қонақ болды.",
    )
    assert Meeting.objects.get(pk=meeting.pk).place_en == meeting.place_en

    own_page = reverse("admin:dialogue_participation_change", args=(participation.pk,))
    content = staff_client.get(own_page).content.decode()
    assert 'name="note_ru"' in content

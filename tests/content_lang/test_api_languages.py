"""The API and CSV in the language asked (issue 16 item 6): `?lang=` or
Accept-Language (`?lang=` wins, an unknown one is a 400 naming it), each
translated field's language stated, a fallback marked; writes stay English;
the same number of queries in every language."""

import csv
import io

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from agreements.models import Agreement

SPCA = "/api/v1/agreements/spca/"


@pytest.fixture
def api_client():
    return APIClient()


def test_accept_language_russian_gives_russian(seeded, api_client):
    body = api_client.get(SPCA, HTTP_ACCEPT_LANGUAGE="ru").json()
    assert body["short_title"] == "Соглашение о стратегическом партнерстве и сотрудничестве"
    assert body["languages"]["short_title"] == {
        "lang": "ru",
        "fallback": False,
        "review": "reviewed",
    }
    assert body["languages"]["title"]["review"] == "machine"


def test_lang_parameter_wins_over_accept_language(seeded, api_client):
    response = api_client.get(f"{SPCA}?lang=kk", HTTP_ACCEPT_LANGUAGE="ru")
    body = response.json()
    assert body["short_title"] == "Стратегиялық әріптестік және ынтымақтастық туралы келісім"
    assert body["languages"]["short_title"]["lang"] == "kk"
    assert response["Content-Language"] == "kk"


def test_english_by_default(seeded, api_client):
    body = api_client.get(SPCA).json()
    assert body["short_title"] == "Strategic Partnership and Cooperation Agreement"
    assert body["languages"]["short_title"] == {"lang": "en", "fallback": False, "review": "source"}


def test_an_unknown_lang_is_a_400_naming_the_parameter(seeded, api_client):
    response = api_client.get(f"{SPCA}?lang=de")
    assert response.status_code == 400
    assert "lang" in response.json()
    assert "'de'" in str(response.json())


def test_a_missing_translation_is_english_and_says_so(seeded, api_client):
    Agreement.objects.filter(slug="spca").update(summary_kk=None)
    body = api_client.get(f"{SPCA}?lang=kk").json()
    assert body["summary"].startswith("Agreement on Strategic Partnership")
    assert body["languages"]["summary"] == {"lang": "en", "fallback": True, "review": "source"}


def test_nested_records_are_in_the_language_asked_too(seeded, api_client):
    body = api_client.get(f"{SPCA}?lang=ru").json()
    notes = [step["note"] for step in body["status_history"] if step["note"]]
    assert notes
    assert all(any("а" <= char <= "я" for char in note.lower()) for note in notes)


def test_the_csv_is_in_the_language_asked_with_a_language_column(seeded, api_client):
    response = api_client.get("/api/v1/agreements/?format=csv&lang=ru")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    spca = next(row for row in rows if row["slug"] == "spca")
    assert spca["title"].startswith("Соглашение о стратегическом партнерстве")
    assert spca["title_lang"] == "ru"


def test_the_same_queries_in_every_language(seeded, api_client):
    counts = {}
    for language in ("en", "ru", "kk"):
        for path in ("/api/v1/agreements/", SPCA, "/api/v1/people/", "/api/v1/meetings/"):
            cache.clear()  # each cold: a list's count is kept once made (core.counting)
            with CaptureQueriesContext(connection) as queries:
                assert api_client.get(f"{path}?lang={language}").status_code == 200
            counts.setdefault(path, set()).add(len(queries))
    assert all(len(found) == 1 for found in counts.values()), counts


def test_a_write_in_russian_sets_the_english_text(seeded, django_user_model):
    from tests.support.api_fixtures import grant_all_model_permissions, token_client
    from topics.models import Topic

    user = django_user_model.objects.create_user("editor", password="pw")
    grant_all_model_permissions(user)
    client = token_client(user)
    topic = Topic.objects.exclude(name_ru=None).order_by("pk").first()
    russian = topic.name_ru
    response = client.patch(
        f"/api/v1/topics/{topic.slug}/",
        {"name": "Renamed topic"},
        format="json",
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 200, response.json()
    topic.refresh_from_db()
    assert (topic.name_en, topic.name_ru) == ("Renamed topic", russian)
    # The answer is in the language asked: the Russian name, unchanged.
    assert response.json()["name"] == russian

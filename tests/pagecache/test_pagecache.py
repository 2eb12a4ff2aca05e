"""Public pages come from the cache, and no write ever leaves a stale one:
whatever changes the content, through the ORM, the admin, the API, the
loader or another process, the next reader sees it."""

import datetime

import pytest
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import reverse

from agreements.models import Agreement, AgreementStatus
from agreements.services import save_status_event
from core.models import PublicationState
from pagecache.invalidation import bump_content_version, current_version
from pagecache.models import ContentVersion
from tests.support import factories
from tests.support.admin_forms import form_data
from topics.models import Topic

DASHBOARD = reverse("portal:dashboard")
AGREEMENTS = reverse("agreements:agreement-list")
SPCA = reverse("agreements:agreement-detail", args=("spca",))


def _get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response


def test_a_second_reader_is_served_from_the_cache_with_one_query(
    seeded, client, django_assert_max_num_queries
):
    first = _get(client, DASHBOARD)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_max_num_queries(1):  # the content version, nothing else
        second = _get(Client(), DASHBOARD)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # The middlewares outside the cache still decorate a cached page.
    assert second["Content-Language"] == "en"
    assert second["X-Frame-Options"] == first["X-Frame-Options"]


@pytest.mark.parametrize("url", [DASHBOARD, AGREEMENTS, SPCA, reverse("portal:timeline")])
def test_a_status_step_shows_at_once_on_every_cached_page(seeded, client, url):
    before = _get(client, url).content.decode()
    assert _get(client, url)["X-Page-Cache"] == "hit"

    spca = Agreement.objects.get(slug="spca")
    save_status_event(
        event=spca.status_events.model(agreement=spca),
        fields={
            "status": AgreementStatus.RATIFIED,
            "date": datetime.date(2026, 6, 1),
            "date_precision": "day",
            "party": spca.parties.first(),
        },
    )

    response = _get(client, url)
    assert response["X-Page-Cache"] == "miss"
    assert response.content.decode().lower().count("ratified") > before.lower().count("ratified")


def test_an_edit_in_the_admin_reaches_the_next_reader(seeded, client, django_user_model):
    assert "A renamed partnership" not in _get(client, SPCA).content.decode()

    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    change_url = reverse(
        "admin:agreements_agreement_change", args=(Agreement.objects.get(slug="spca").pk,)
    )
    data = form_data(editor.get(change_url))
    # The English title: the admin has a field per language (issue 16).
    data["title_en"] = "A renamed partnership"
    assert editor.post(change_url, data).status_code == 302

    assert "A renamed partnership" in _get(client, SPCA).content.decode()


def test_an_api_write_reaches_the_next_reader(seeded, client, editor_client):
    _get(client, AGREEMENTS)
    response = editor_client.patch(
        "/api/v1/agreements/spca/", {"title": "Renamed through the API"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert "Renamed through the API" in _get(client, AGREEMENTS).content.decode()


def test_a_many_to_many_change_and_a_delete_each_make_pages_stale(seeded, client):
    spca = Agreement.objects.get(slug="spca")
    topic = Topic.objects.create(
        slug="cached-topic", name="A cached topic", publication=PublicationState.PUBLISHED
    )
    _get(client, SPCA)

    spca.topics.add(topic)
    assert "A cached topic" in _get(client, SPCA).content.decode()

    topic.delete()
    assert "A cached topic" not in _get(client, SPCA).content.decode()


def test_a_write_by_another_process_is_seen(seeded, client):
    """The version lives in the database, so a write made by another worker
    or host (here: plain SQL, as any other process would commit it) is seen
    even though this process's cache knows nothing of it."""
    _get(client, SPCA)
    table = connection.ops.quote_name(Agreement._meta.db_table)
    versions = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        # Both English columns, as every write through the models keeps them
        # (core/content_lang.py).
        cursor.execute(
            f"UPDATE {table} SET title = %s, title_en = %s WHERE slug = %s",
            ["Changed elsewhere", "Changed elsewhere", "spca"],
        )
        cursor.execute(f"UPDATE {versions} SET number = number + 1")
    assert "Changed elsewhere" in _get(client, SPCA).content.decode()


def test_a_rolled_back_write_leaves_the_version_as_it_was(seeded):
    before = current_version()
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.agreement()
        assert current_version() > before
        raise RuntimeError("the write fails")
    assert current_version() == before


def test_the_version_is_counted_even_without_its_row(db):
    ContentVersion.objects.all().delete()
    assert current_version() == 0
    bump_content_version()
    bump_content_version()
    assert current_version() == 2


def test_a_reload_of_the_seeds_that_changes_a_record_makes_pages_stale(seeded, client, load):
    Agreement.objects.filter(slug="spca").update(title="Edited by hand")
    bump_content_version()
    assert "Edited by hand" in _get(client, SPCA).content.decode()
    load("--force")
    assert "Edited by hand" not in _get(client, SPCA).content.decode()


def test_signed_in_users_are_never_served_from_the_cache(seeded, client, django_user_model):
    _get(client, AGREEMENTS)
    assert _get(client, AGREEMENTS)["X-Page-Cache"] == "hit"

    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("ed", "ed@example.org", "pw"))
    assert "X-Page-Cache" not in _get(editor, AGREEMENTS)
    assert "X-Page-Cache" not in _get(editor, AGREEMENTS)


def test_each_language_has_its_own_cached_page(seeded, client):
    english = _get(client, DASHBOARD, language="en")
    russian = client.get("/ru/")
    assert russian["Content-Language"] == "ru"
    assert russian["X-Page-Cache"] == "miss"
    assert russian.content != english.content
    assert client.get("/ru/").content == russian.content
    # The English page, cached, is never what a Russian browser gets at the
    # root: it is sent to /ru/ before the cache is asked.
    redirected = client.get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="ru")
    assert (redirected.status_code, redirected["Location"]) == (302, "/ru/")


def test_no_page_carries_a_csrf_token_so_every_page_can_be_cached(seeded, client):
    response = _get(client, DASHBOARD)
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies
    # The language switch works without one.
    switched = client.post(reverse("set_language"), {"language": "kk", "next": DASHBOARD})
    assert switched.status_code == 302
    assert switched["Location"] == "/kk/"
    assert client.get(switched["Location"])["Content-Language"] == "kk"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/agreements/",
        f"{AGREEMENTS}?format=csv",
        "/admin/login/",
        "/no-such-page/",
    ],
)
def test_the_api_csv_downloads_the_admin_and_errors_are_not_cached(seeded, client, url):
    client.get(url)
    assert "X-Page-Cache" not in client.get(url)


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_page_cache_can_be_turned_off(seeded, client):
    _get(client, DASHBOARD)
    assert "X-Page-Cache" not in _get(client, DASHBOARD)

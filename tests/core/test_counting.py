"""A list's count is counted once per content version (core.counting): the
next reader of the same list reads no count, a write makes it right at
once, and lists that differ (a filter, an editor's drafts) never share one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import AgreementStatus
from core.counting import KeptCountPaginator, kept_count
from core.models import PublicationState
from tests.support import factories

pytestmark = pytest.mark.django_db

AGREEMENTS = "/api/v1/agreements/"


def _counts_made(captured) -> int:
    return sum("COUNT(" in query["sql"].upper() for query in captured.captured_queries)


def _api_count(client, **params) -> tuple[int, int]:
    """The list's `count`, and how many count queries the request made."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(AGREEMENTS, params)
    assert response.status_code == 200
    return response.json()["count"], _counts_made(captured)


def test_the_next_reader_of_a_list_reads_no_count(api_client):
    factories.agreement()
    factories.agreement()
    assert _api_count(api_client) == (2, 1)
    assert _api_count(api_client) == (2, 0)
    # Another page of the same list shares the count.
    assert _api_count(api_client, page_size=1, page=2) == (2, 0)


def test_a_write_makes_the_count_right_at_once(api_client):
    first = factories.agreement()
    assert _api_count(api_client) == (1, 1)
    factories.agreement()
    assert _api_count(api_client) == (2, 1)
    first.publication = PublicationState.DRAFT
    first.save()
    assert _api_count(api_client) == (1, 1)
    first.delete()
    assert _api_count(api_client) == (1, 1)


def test_lists_filtered_differently_never_share_a_count(api_client):
    factories.agreement(status=AgreementStatus.SIGNED)
    factories.agreement(status=AgreementStatus.IN_FORCE)
    factories.agreement(status=AgreementStatus.IN_FORCE)
    assert _api_count(api_client)[0] == 3
    assert _api_count(api_client, status="signed")[0] == 1
    assert _api_count(api_client, status="in_force")[0] == 2


def test_an_editor_and_the_public_never_share_a_count(api_client, editor_client):
    factories.agreement()
    factories.agreement(publication=PublicationState.DRAFT)
    assert _api_count(api_client)[0] == 1
    assert _api_count(editor_client)[0] == 2
    assert _api_count(api_client)[0] == 1


def test_the_pages_list_keeps_its_count_too(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the page itself is built each time
    factories.agreement()
    for expected_counts in (1, 0):
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/agreements/").status_code == 200
        assert _counts_made(captured) == expected_counts


def test_a_list_that_can_match_nothing_counts_nothing():
    from agreements.models import Agreement

    with CaptureQueriesContext(connection) as captured:
        assert kept_count(Agreement.objects.filter(pk__in=[])) == 0
        assert KeptCountPaginator(Agreement.objects.filter(pk__in=[]), 10).num_pages == 1
    assert _counts_made(captured) == 0


def test_a_csvs_validators_are_kept_and_change_with_a_write(api_client):
    factories.agreement()
    path = f"{AGREEMENTS}?format=csv"

    def etag_and_counts():
        with CaptureQueriesContext(connection) as captured:
            response = api_client.get(path)
            b"".join(response.streaming_content)
        return response["ETag"], _counts_made(captured)

    first, counted = etag_and_counts()
    assert counted == 1  # the validators' aggregate: count and latest change
    assert etag_and_counts() == (first, 0)
    factories.agreement()
    changed, counted = etag_and_counts()
    assert changed != first and counted == 1
    assert api_client.get(path, HTTP_IF_NONE_MATCH=changed).status_code == 304


def test_a_searchs_capped_count_is_kept_too(api_client):
    factories.agreement(title="Memorandum on critical minerals")
    factories.agreement(title="Memorandum on green hydrogen")
    factories.agreement(title="Roadmap for critical minerals")
    assert _api_count(api_client, search="memorandum") == (2, 1)
    assert _api_count(api_client, search="memorandum") == (2, 0)
    # Another search is another count; a write makes this one right at once.
    assert _api_count(api_client, search="critical") == (2, 1)
    factories.agreement(title="Memorandum on seasonal workers")
    assert _api_count(api_client, search="memorandum") == (3, 1)

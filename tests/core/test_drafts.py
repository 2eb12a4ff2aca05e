"""Drafts: an editor's new record is hidden from the public (site, feeds,
CSV, anonymous API) until published; editors see it in the admin and the API."""

import pytest
from django.urls import reverse

from agreements.models import Agreement, AgreementStatus
from core.models import PublicationState
from tests.support import factories
from tests.support.admin_forms import form_data
from topics.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(seeded):
    agreement = factories.agreement(
        slug="draft-accord",
        title="A draft accord on hydrogen",
        publication=PublicationState.DRAFT,
    )
    agreement.topics.add(Topic.objects.get(slug="energy"))
    factories.status_event(agreement, AgreementStatus.SIGNED, "2025-05-01")
    return agreement


def test_a_new_record_starts_as_a_draft():
    assert Agreement(slug="x", title="X", kind="mou").publication == PublicationState.DRAFT


def test_seed_records_are_published(seeded):
    assert not Agreement.objects.exclude(publication=PublicationState.PUBLISHED).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/agreements/",
        "/agreements/?format=csv",
        "/timeline/",
        "/topics/energy/",
        "/feeds/status-changes/",
    ],
)
def test_a_draft_is_nowhere_on_the_public_site(draft, client, url):
    response = client.get(url)
    content = (
        b"".join(response.streaming_content) if response.streaming else response.content
    ).decode()
    assert response.status_code == 200
    assert "draft accord" not in content.lower()
    assert "draft-accord" not in content


def test_a_drafts_own_pages_are_not_found(draft, client):
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(reverse("agreements:agreement-feed", args=(draft.slug,))).status_code == 404


def test_the_anonymous_api_does_not_see_drafts_but_editors_do(draft, api_client, editor_client):
    anonymous = api_client.get("/api/v1/agreements/?page_size=500").json()
    assert "draft-accord" not in {row["slug"] for row in anonymous["results"]}
    assert api_client.get("/api/v1/agreements/draft-accord/").status_code == 404
    editor = editor_client.get("/api/v1/agreements/draft-accord/").json()
    assert editor["publication"] == "draft"


def test_the_anonymous_api_never_names_a_draft_that_a_published_record_points_to(
    draft, api_client, editor_client
):
    from agreements.models import AgreementRelation, Commitment, RelationKind
    from dialogue.models import Meeting, Participation, ParticipationRole

    spca = Agreement.objects.get(slug="spca")
    spca.parties.add(factories.organisation(slug="draft-ministry", publication="draft"))
    AgreementRelation.objects.create(agreement=spca, kind=RelationKind.AMENDS, target=draft)
    meeting = Meeting.objects.get(slug="strategic-dialogue-8")
    envoy = factories.person(slug="draft-envoy", publication=PublicationState.DRAFT)
    Participation.objects.create(meeting=meeting, person=envoy, role=ParticipationRole.CHAIR)
    commitment = Commitment.objects.filter(meeting=meeting).first()
    draft_meeting = factories.meeting(slug="draft-meeting", publication=PublicationState.DRAFT)
    Commitment.objects.filter(pk=commitment.pk).update(meeting=draft_meeting)

    pages = {
        "/api/v1/agreements/spca/": ("draft-ministry", "draft-accord"),
        "/api/v1/agreements/?page_size=500": ("draft-ministry", "draft-accord"),
        f"/api/v1/meetings/{meeting.slug}/": ("draft-envoy",),
        f"/api/v1/commitments/{commitment.slug}/": ("draft-meeting",),
    }
    for url, drafts in pages.items():
        anonymous = api_client.get(url)
        assert anonymous.status_code == 200, url
        for slug in drafts:
            assert slug not in anonymous.content.decode(), (url, slug)
            assert slug in editor_client.get(url).content.decode(), (url, slug)
    # A single record pointed to is null, as if it were not there yet.
    assert api_client.get(f"/api/v1/commitments/{commitment.slug}/").json()["meeting"] is None


def test_an_editor_publishes_through_the_admin_and_the_public_sees_it(
    draft, client, django_user_model
):
    from django.test import Client

    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("ed", "e@example.org", "pw"))
    page = editor.get(reverse("admin:agreements_agreement_changelist"), {"publication": "draft"})
    assert "A draft accord on hydrogen" in page.content.decode()

    response = editor.post(
        reverse("admin:agreements_agreement_changelist"),
        {"action": "publish", "_selected_action": [str(draft.pk)]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.publication == PublicationState.PUBLISHED
    assert draft.history.latest().publication == PublicationState.PUBLISHED
    assert "A draft accord on hydrogen" in client.get("/agreements/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_an_editor_enters_an_agreement_in_the_admin_and_publishes_it(seeded, django_user_model):
    from django.test import Client

    editor = Client()
    editor.force_login(django_user_model.objects.create_superuser("ed", "e@example.org", "pw"))
    add_url = reverse("admin:agreements_agreement_add")
    data = form_data(editor.get(add_url))
    data.update(slug="new-mou", title_en="A new memorandum", kind="mou")
    data["status_events-TOTAL_FORMS"] = "1"
    data.update(
        {
            "status_events-0-status": "signed",
            "status_events-0-kind": "change",
            "status_events-0-publication": "published",
            "status_events-0-date": "2025-06-01",
            "status_events-0-date_precision": "day",
            "status_events-0-position": "0",
        }
    )
    assert editor.post(add_url, data).status_code == 302
    created = Agreement.objects.get(slug="new-mou")
    assert created.status == AgreementStatus.SIGNED
    assert created.publication == PublicationState.DRAFT
    public = Client()
    assert public.get(created.get_absolute_url()).status_code == 404

    change_url = reverse("admin:agreements_agreement_change", args=(created.pk,))
    data = form_data(editor.get(change_url))
    data["publication"] = "published"
    assert editor.post(change_url, data).status_code == 302
    assert "A new memorandum" in public.get("/agreements/").content.decode()


def test_a_drafts_status_steps_are_not_in_the_anonymous_api(draft, api_client, editor_client):
    def agreements_of_steps(client):
        rows = client.get("/api/v1/status-events/?page_size=500").json()["results"]
        return {row["agreement"] for row in rows}

    assert "draft-accord" not in agreements_of_steps(api_client)
    assert "spca" in agreements_of_steps(api_client)
    assert "draft-accord" in agreements_of_steps(editor_client)


def test_a_published_record_does_not_reveal_the_draft_it_points_to(seeded, client):
    from agreements.models import Commitment
    from dialogue.models import Meeting

    meeting = Meeting.objects.get(slug="strategic-dialogue-8")
    Meeting.objects.filter(pk=meeting.pk).update(publication=PublicationState.DRAFT)
    commitment = Commitment.objects.filter(meeting=meeting).first()
    content = client.get(commitment.get_absolute_url()).content.decode()
    assert meeting.get_absolute_url() not in content
    assert meeting.title not in content
    spca = client.get("/agreements/spca/").content.decode()
    assert meeting.get_absolute_url() not in spca
    source = client.get("/sources/kazinform-2025-02-strategic-dialogue-8/").content.decode()
    assert f'href="{meeting.get_absolute_url()}' not in source


def test_the_quotes_of_a_draft_are_not_in_the_anonymous_api(draft, api_client, editor_client):
    from evidence.models import Citation, Source

    source = Source.objects.get(slug="kazinform-2025-02-strategic-dialogue-8")
    factories.citation(draft, source, "the meeting was a success")
    quoted = f"/api/v1/citations/?source={source.slug}&page_size=500"

    def cited(client):
        return {row["cited_slug"] for row in client.get(quoted).json()["results"]}

    assert "draft-accord" not in cited(api_client)
    assert "spca" in cited(api_client)
    assert "draft-accord" in cited(editor_client)
    assert Citation.objects.filter(object_id=draft.pk).exists()


def test_a_draft_source_is_not_named_beside_the_facts_it_supports(seeded, client):
    from evidence.models import Source

    source = Source.objects.get(slug="news-2025-02-12-strategic-dialogue-8")
    Source.objects.filter(pk=source.pk).update(publication=PublicationState.DRAFT)
    for url in ("/figures/", "/agreements/spca/", "/sources/"):
        assert source.title not in client.get(url).content.decode(), url
    assert client.get(source.get_absolute_url()).status_code == 404


def test_a_draft_topic_is_not_offered_counted_or_accepted(seeded, client, api_client):
    """Issue 18: a draft topic's name and slug were offered in the topic
    filter of four lists, counted with `?topic=`, listed in the site CSV's
    topics column, and accepted by the API's filter (200) where an unknown
    slug is a 400."""
    topic = factories.topic(slug="draft-topic", name="A draft topic", publication="draft")
    spca = Agreement.objects.get(slug="spca")
    spca.topics.add(topic)
    for url in ("/agreements/", "/commitments/", "/figures/", "/meetings/"):
        page = client.get(url).content.decode()
        assert "draft-topic" not in page and "A draft topic" not in page, url
    filtered = client.get("/agreements/?topic=draft-topic").content.decode()
    unknown = client.get("/agreements/?topic=nope-topic").content.decode()
    assert filtered.replace("draft-topic", "nope-topic") == unknown
    csv = b"".join(client.get("/agreements/?format=csv").streaming_content).decode()
    assert "draft-topic" not in csv
    draft = api_client.get("/api/v1/agreements/?topic=draft-topic")
    missing = api_client.get("/api/v1/agreements/?topic=nope-topic")
    assert draft.status_code == missing.status_code == 400
    assert draft.content.decode().replace("draft-topic", "nope-topic") == missing.content.decode()

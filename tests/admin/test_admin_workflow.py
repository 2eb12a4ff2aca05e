"""The editor's whole job, as a new user would do it in the admin: a new
source, a meeting with its chair, two agreements signed at it, their status
steps and quotes; then the public sees it all, each fact with its quote."""

import pytest
from django.test import Client
from django.urls import reverse

from agreements.models import Agreement, AgreementStatus
from dialogue.models import Meeting
from evidence.models import Source
from people.models import Person
from tests.support.admin_forms import add_inline_row, form_data

pytestmark = pytest.mark.django_db

CITATIONS = "evidence-citation-content_type-object_id"
TEXT = (
    "LONDON. The ninth meeting of the Kazakhstan-UK Strategic Dialogue was held in "
    "London on 10 March 2026, chaired by Roman Vassilenko. The sides signed a "
    "memorandum on vocational education and a roadmap on wind energy."
)


@pytest.fixture
def editor(seeded, django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("ed", "e@example.org", "pw"))
    return client


def _add(client, model_path, fill, inlines=()):
    url = reverse(f"admin:{model_path}_add")
    data = form_data(client.get(url))
    data.update(fill)
    for prefix, row in inlines:
        add_inline_row(data, prefix, **row)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    return response


def test_a_new_meeting_with_two_agreements_and_their_quotes(editor):
    source = _enter_the_source(editor)
    meeting = _enter_the_meeting(editor, source)
    _enter_the_agreements_made_there(editor, source, meeting)

    signed = Agreement.objects.filter(meetings=meeting)
    response = editor.post(
        reverse("admin:agreements_agreement_changelist"),
        {
            "action": "add_status_step_action",
            "_selected_action": [str(pk) for pk in signed.values_list("pk", flat=True)],
            "apply": "1",
            "status": "signed",
            "date": "2026-03-10",
            "source": str(source.pk),
            "quote": "The sides signed",
        },
    )
    assert response.status_code == 302

    public = Client()
    meeting_page = public.get(meeting.get_absolute_url()).content.decode()
    assert "MoU on vocational education" in meeting_page
    assert "Roadmap on wind energy" in meeting_page
    assert "Roman Vassilenko" in meeting_page
    for agreement in signed:
        assert agreement.status == AgreementStatus.SIGNED
        page = public.get(agreement.get_absolute_url()).content.decode()
        assert "since 10 March 2026" in page
        assert "The sides signed" in page
    source_page = public.get(source.get_absolute_url()).content.decode()
    assert source_page.count("<mark") >= 3
    assert 'href="/agreements/roadmap-wind-energy/' in source_page


def _enter_the_source(editor) -> Source:
    _add(
        editor,
        "evidence_source",
        {
            "slug": "news-2026-03-strategic-dialogue-9",
            # A field per language (issue 16): the title as written, here.
            "title_en": "The ninth Strategic Dialogue",
            "text": TEXT,
            "kind": "news",
            "language": "en",
            "published_on": "2026-03-10",
            "published_on_precision": "day",
            "publication": "published",
        },
    )
    return Source.objects.get(slug="news-2026-03-strategic-dialogue-9")


def _enter_the_meeting(editor, source) -> Meeting:
    _add(
        editor,
        "dialogue_meeting",
        {
            "slug": "strategic-dialogue-9",
            # The admin has a field per language (issue 16): English here.
            "title_en": "9th Kazakhstan-UK Strategic Dialogue",
            "kind": "dialogue_round",
            "status": "held",
            "start_on": "2026-03-10",
            "start_on_precision": "day",
            "place_en": "London",
            "publication": "published",
        },
        inlines=[
            (
                "participations",
                {
                    "person": str(Person.objects.get(slug="roman-vassilenko").pk),
                    "role": "chair",
                    "position": "0",
                },
            ),
            (CITATIONS, {"source": str(source.pk), "quote": "The ninth meeting", "position": "0"}),
        ],
    )
    return Meeting.objects.get(slug="strategic-dialogue-9")


def _enter_the_agreements_made_there(editor, source, meeting) -> None:
    for slug, title, kind, quote in (
        (
            "mou-vocational-education",
            "MoU on vocational education",
            "mou",
            "a memorandum on vocational education",
        ),
        ("roadmap-wind-energy", "Roadmap on wind energy", "roadmap", "a roadmap on wind energy"),
    ):
        _add(
            editor,
            "agreements_agreement",
            {
                "slug": slug,
                "title_en": title,
                "kind": kind,
                "signed_on": "2026-03-10",
                "signed_on_precision": "day",
                "signed_at_en": "London",
                "meetings": [str(meeting.pk)],
                "publication": "published",
            },
            inlines=[(CITATIONS, {"source": str(source.pk), "quote": quote, "position": "0"})],
        )

"""Questions a reader asks, answered from the loaded seed data, and the
promise behind every answer: each fact rests on a quote from a source."""

import datetime

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from agreements.models import Agreement, AgreementStatus, Figure, StatusEvent
from core.dates import DatePrecision
from dialogue.models import Meeting, ParticipationRole
from evidence.models import Citation, Source
from topics.models import Topic

pytestmark = pytest.mark.django_db


def _quotes(obj) -> list[str]:
    return [citation.quote for citation in obj.citations.all()]


def test_what_is_the_status_of_the_spca_since_when_and_says_who(seeded):
    spca = Agreement.objects.get(short_title="Strategic Partnership and Cooperation Agreement")
    assert spca.status == AgreementStatus.RATIFICATION_PENDING
    # Pending since the UK's review (July 2024); February 2025 only confirmed it.
    assert (spca.status_since, spca.status_since_precision) == (datetime.date(2024, 7, 1), "month")
    assert spca.status_confirmed_on == datetime.date(2025, 2, 11)
    assert spca.display_date("signed_on") == "April 2024"

    deciding = spca.status_event_on(None)
    sources = {citation.source.slug for citation in deciding.citations.all()}
    assert sources == {
        "kazinform-2025-02-strategic-dialogue-8",
        "news-2025-02-12-strategic-dialogue-8",
    }
    assert any("ratification process" in quote for quote in _quotes(deciding))

    signed = spca.status_events.get(status=AgreementStatus.SIGNED)
    assert signed.date_display == "April 2024"
    assert "signed in April last year" in " ".join(_quotes(signed))


def test_the_spca_has_a_history_from_to_be_signed_to_ratification_pending(seeded):
    spca = Agreement.objects.get(slug="spca")
    steps = [
        (event.status, event.date_display, event.party_id is not None)
        for event in spca.status_events.all()
    ]
    assert steps == [
        ("negotiating", "2023", False),
        ("signed", "April 2024", False),
        ("ratification_pending", "July 2024", True),
        ("ratification_pending", "11 February 2025", False),
    ]
    uk_step = spca.status_events.get(party__slug="united-kingdom")
    assert "ratification bill to Parliament" in " ".join(_quotes(uk_step))


def test_who_chaired_the_8th_strategic_dialogue(seeded):
    meeting = Meeting.objects.get(series__slug="kz-uk-strategic-dialogue", number=8)
    assert meeting.display_date("start_on") == "11 February 2025"
    assert meeting.place == "London"
    chairs = meeting.participations.filter(
        role__in=(ParticipationRole.CHAIR, ParticipationRole.CO_CHAIR)
    ).order_by("person__name")
    assert [chair.person.name for chair in chairs] == ["Roman Vassilenko", "Stephen Doughty"]
    for chair in chairs:
        assert chair.citations.exists()


def test_when_and_between_whom_the_labour_rights_memorandum_was_signed(seeded):
    memorandum = Agreement.objects.get(topics__slug="labour-rights")
    assert memorandum.display_date("signed_on") == "11 February 2025"
    assert memorandum.signed_at == "London"
    assert {party.slug for party in memorandum.parties.all()} == {
        "kazakhstan-ministry-of-labour",
        "glaa",
    }
    assert list(memorandum.meetings.values_list("slug", flat=True)) == ["strategic-dialogue-8"]
    assert memorandum.status == AgreementStatus.SIGNED


def test_the_two_numbers_of_british_companies_and_their_sources(seeded):
    figures = Figure.objects.filter(metric="british-companies-in-kazakhstan").order_by("-value")
    assert [(int(figure.value), figure.approximation) for figure in figures] == [
        (580, "exact"),
        (550, "about"),
    ]
    sources = [figure.citations.get().source.slug for figure in figures]
    assert sources == [
        "kazinform-2025-02-strategic-dialogue-8",
        "news-2025-02-12-strategic-dialogue-8",
    ]
    assert "580 British-affiliated enterprises" in figures[0].citations.get().quote
    assert "Around 550 companies with British participation" in figures[1].citations.get().quote


def test_sources_carry_their_metadata(seeded):
    dated = Source.objects.get(seed_file="002_92a12bb42b7a2974.txt")
    assert (dated.published_on, dated.published_on_precision) == (
        datetime.date(2025, 2, 12),
        DatePrecision.DAY,
    )
    assert not dated.published_on_inferred
    for source in Source.objects.exclude(pk=dated.pk):
        assert source.published_on_inferred
        assert source.published_on_note
    assert (
        Source.objects.get(seed_file="001_6639c04ae9b26b7c.txt").publisher
        == "Kazinform News Agency"
    )


FACT_MODELS = (
    "people.Organisation",
    "people.Person",
    "people.Post",
    "dialogue.MeetingSeries",
    "dialogue.Meeting",
    "agreements.Agreement",
    "agreements.StatusEvent",
    "agreements.Commitment",
    "agreements.CommitmentStatusEvent",
    "agreements.Figure",
)


@pytest.mark.parametrize("label", FACT_MODELS)
def test_every_fact_rests_on_at_least_one_quote(seeded, label):
    model = apps.get_model(label)
    assert model.objects.exists()
    uncited = model.objects.exclude(
        pk__in=Citation.objects.filter(
            content_type=ContentType.objects.get_for_model(model)
        ).values("object_id")
    )
    assert list(uncited) == []


def test_every_quote_stands_at_its_offsets(seeded):
    citations = Citation.objects.select_related("source")
    assert citations.count() > 150
    assert all(citation.is_verified() for citation in citations)


def test_every_agreement_and_commitment_has_a_status(seeded):
    assert not Agreement.objects.filter(status="").exists()
    assert not StatusEvent.objects.filter(date__isnull=True).exists()
    assert Topic.objects.filter(slug="critical-minerals").exists()

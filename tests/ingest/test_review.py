"""The review queue: accept (one click, a batch, or after a correction) and
reject with a reason; every decision in the history with its editor; the
records written as drafts through the same validation and quote rule."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from agreements.models import Agreement, Figure, StatusEvent
from agreements.services import set_event_publication
from core.models import PublicationState
from evidence.models import Citation, Source
from ingest.accept import accept, reject
from ingest.models import Decision, Proposal
from ingest.review import describe_effect
from ingest.services import Article, ingest_article
from people.models import Person
from tests.ingest.test_command import SPCA_ARTICLE, SPCA_QUOTE
from tests.support import factories

pytestmark = pytest.mark.django_db

REVIEW = reverse("admin:ingest_proposal_review")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        "editor", "editor@example.org", "pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name="editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def ingest(text=SPCA_ARTICLE, published="2024-04-24", **fields) -> Source:
    return ingest_article(Article(data=text, published=published, **fields)).source


def spca_signing(seeded) -> Proposal:
    return ingest().proposals.get(kind="status_event", target_slug="spca")


def test_done_when_accepting_the_spca_signing_creates_the_cited_step(seeded, editor_client, editor):
    proposal = spca_signing(seeded)
    assert (proposal.status, proposal.date, proposal.date_precision) == (
        "signed",
        datetime.date(2024, 4, 24),
        "day",
    )
    response = editor_client.post(reverse("admin:ingest_proposal_accept", args=(proposal.pk,)))
    assert response.status_code == 302

    event = StatusEvent.objects.get(
        agreement__slug="spca", status="signed", date=datetime.date(2024, 4, 24)
    )
    assert event.date_precision == "day"
    [citation] = Citation.objects.filter(status_event=event)
    assert citation.quote == SPCA_QUOTE and citation.is_verified()
    assert citation.source == proposal.source
    proposal.refresh_from_db()
    assert proposal.decision == Decision.ACCEPTED
    assert proposal.decided_by == editor and proposal.decided_at is not None
    assert proposal.created_record == event
    last = proposal.history.first()
    assert (last.decision, last.history_user) == (Decision.ACCEPTED, editor)
    assert event.history.first().history_user == editor
    # An earlier step: the current status is re-derived and stays what it was.
    assert Agreement.objects.get(slug="spca").status == "ratification_pending"
    # Nothing became public: the source the quote comes from is still a draft.
    assert proposal.source.publication == PublicationState.DRAFT


def test_once_published_the_step_shows_on_the_spca_page_with_its_quote(seeded, editor, client):
    proposal = spca_signing(seeded)
    event = accept(proposal, user=editor)
    page = client.get(event.agreement.get_absolute_url()).content.decode()
    assert SPCA_QUOTE not in page  # its source is still a draft
    source = proposal.source
    source.publication = PublicationState.PUBLISHED
    source.save()
    page = client.get(event.agreement.get_absolute_url()).content.decode()
    assert f'id="event-{event.pk}"' not in page  # the step itself is a draft
    set_event_publication(event=event, state=PublicationState.PUBLISHED)
    page = client.get(event.agreement.get_absolute_url()).content.decode()
    assert f'id="event-{event.pk}"' in page
    assert SPCA_QUOTE in page


def test_the_queue_shows_the_sentence_and_the_records_current_state(seeded, editor_client):
    proposal = spca_signing(seeded)
    response = editor_client.get(REVIEW)
    page = response.content.decode()
    assert f"<mark>{SPCA_QUOTE}</mark>" in page
    assert "would add an earlier step to Strategic Partnership and Cooperation Agreement" in page
    assert (
        "it stays ratification_pending (since July 2024); a confirmation of what held then" in page
    )
    assert f'id="proposal-{proposal.pk}"' in page


def test_effect_says_which_status_it_would_move_from_and_to(seeded):
    agreement = factories.agreement(short_title="Pact")
    factories.status_event(agreement, status="ratification_pending", date=datetime.date(2024, 7, 1))
    agreement.refresh_status()
    source = ingest("Kazakhstan ratified the Pact on 3 March 2025.\n", published="2025-03-04")
    proposal = Proposal(
        source=source,
        kind="status_event",
        target_slug=agreement.slug,
        target_id=agreement.pk,
        status="ratified",
        date=datetime.date(2025, 3, 3),
        date_precision="day",
    )
    proposal.target = agreement
    assert describe_effect(proposal) == (
        "would move Pact from ratification_pending to ratified (3 March 2025)"
    )
    proposal.status = "ratification_pending"
    assert describe_effect(proposal).startswith("would confirm Pact as ratification_pending")


def test_queue_queries_do_not_grow_with_the_queue(
    seeded, editor_client, django_assert_max_num_queries
):
    for number in range(6):
        ingest(SPCA_ARTICLE + f"Update {number}.\n", title=f"Article {number}")
    assert Proposal.objects.pending().count() >= 6
    with django_assert_max_num_queries(9):
        response = editor_client.get(REVIEW)
    assert response.status_code == 200
    assert response.content.decode().count("<mark>") == Proposal.objects.pending().count()


def test_reject_needs_a_reason_and_is_in_the_history(seeded, editor_client, editor):
    proposal = spca_signing(seeded)
    url = reverse("admin:ingest_proposal_reject", args=(proposal.pk,))
    editor_client.post(url, {"reason": ""})
    proposal.refresh_from_db()
    assert proposal.decision == Decision.PENDING
    editor_client.post(url, {"reason": "Already recorded from the ministry's notice."})
    proposal.refresh_from_db()
    assert proposal.decision == Decision.REJECTED
    assert proposal.reject_reason == "Already recorded from the ministry's notice."
    last = proposal.history.first()
    assert (last.decision, last.history_user, last.reject_reason) == (
        Decision.REJECTED,
        editor,
        "Already recorded from the ministry's notice.",
    )
    assert not StatusEvent.objects.filter(date=datetime.date(2024, 4, 24)).exists()


def test_a_decided_proposal_cannot_be_decided_again(seeded, editor):
    proposal = spca_signing(seeded)
    reject(proposal, user=editor, reason="duplicate")
    with pytest.raises(Exception, match="already rejected by editor"):
        accept(proposal, user=editor)
    assert not StatusEvent.objects.filter(date=datetime.date(2024, 4, 24)).exists()


def test_correct_then_accept(seeded, editor_client):
    proposal = spca_signing(seeded)
    url = reverse("admin:ingest_proposal_change", args=(proposal.pk,))
    page = editor_client.get(url).content.decode()
    assert "Accept with these corrections" in page
    form = {
        "target_slug": "spca",
        "title": "",
        "status": "signed",
        "date": "2024-04-01",
        "date_precision": "month",
        "party": "",
        "value": "",
        "multiplier": "",
        "unit": "",
        "quote": "today signed the Strategic Partnership and Cooperation Agreement",
    }
    response = editor_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = StatusEvent.objects.get(
        agreement__slug="spca", date=datetime.date(2024, 4, 1), citations__source=proposal.source
    )
    assert event.date_precision == "month"
    citation = event.citations.get()
    assert citation.quote == form["quote"] and citation.is_verified()


def test_a_corrected_quote_must_be_in_the_text(seeded, editor_client):
    proposal = spca_signing(seeded)
    url = reverse("admin:ingest_proposal_change", args=(proposal.pk,))
    form = {
        "target_slug": "spca",
        "status": "signed",
        "date": "2024-04-24",
        "date_precision": "day",
        "quote": "signed the treaty yesterday",
    }
    response = editor_client.post(url, form)
    assert response.status_code == 200
    assert "is not in the source" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.decision == Decision.PENDING
    assert not StatusEvent.objects.filter(citations__source=proposal.source).exists()


def test_an_unknown_target_is_refused_and_nothing_written(seeded, editor):
    proposal = spca_signing(seeded)
    with pytest.raises(Exception, match="No agreement has the slug 'nope'"):
        accept(proposal, user=editor, changes={"target_slug": "nope"})
    proposal.refresh_from_db()
    assert proposal.decision == Decision.PENDING


def test_batch_accept(seeded, editor_client, editor):
    text = (
        "London, 24 April 2024. Kazakhstan and the United Kingdom today signed the "
        "Strategic Partnership and Cooperation Agreement. British exports to Kazakhstan "
        "reached £2.8bn last year, Foreign Secretary David Cameron said.\n"
    )
    source = ingest(text)
    pending = list(source.proposals.values_list("pk", flat=True))
    assert sorted(source.proposals.values_list("kind", flat=True)) == [
        "figure",
        "person",
        "status_event",
    ]
    response = editor_client.post(
        reverse("admin:ingest_proposal_changelist"),
        {"action": "accept_selected", "_selected_action": pending},
    )
    assert response.status_code == 302
    decided = Proposal.objects.filter(pk__in=pending)
    assert {(p.decision, p.decided_by) for p in decided} == {(Decision.ACCEPTED, editor)}
    assert StatusEvent.objects.filter(
        agreement__slug="spca", status="signed", date=datetime.date(2024, 4, 24)
    ).exists()
    figure = Figure.objects.get(citations__source=source)
    assert (figure.value, figure.unit, figure.value_text) == (
        2_800_000_000,
        "GBP",
        "2.8 billion GBP",
    )
    assert (figure.as_of, figure.as_of_precision) == (datetime.date(2023, 1, 1), "year")
    assert figure.publication == PublicationState.DRAFT
    person = Person.objects.get(citations__source=source)
    assert (person.name, person.publication) == ("David Cameron", PublicationState.DRAFT)
    for record in (figure, person):
        assert record.citations.get().is_verified()


def test_new_records_are_drafts_with_their_citation(seeded, editor):
    source = ingest(
        "London, 24 April 2024. The Foreign Secretary, John Smithfield-Example, "
        "met Kazakh officials.\n",
    )
    proposal = Proposal.objects.create(
        source=source,
        kind="person",
        title="John Smithfield-Example",
        quote="John Smithfield-Example",
        start=source.text.index("John"),
        end=source.text.index("John") + len("John Smithfield-Example"),
        confidence=0.5,
        reason="test",
    )
    person = accept(proposal, user=editor)
    assert isinstance(person, Person)
    assert person.publication == PublicationState.DRAFT
    assert person.citations.get().is_verified()
    assert person.history.first().history_user == editor


def test_ingest_page_stores_pasted_text(seeded, editor_client):
    url = reverse("admin:ingest_proposal_ingest")
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, {"text": SPCA_ARTICLE, "published": "2024-04-24"})
    assert response.status_code == 302
    source = Source.objects.get(text=SPCA_ARTICLE)
    assert response["Location"].endswith(f"?source={source.slug}")
    assert source.publication == PublicationState.DRAFT
    assert source.proposals.filter(kind="status_event", target_slug="spca").exists()


def test_ingest_page_takes_a_file(seeded, editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("spca.txt", SPCA_ARTICLE.encode(), content_type="text/plain")
    editor_client.post(
        reverse("admin:ingest_proposal_ingest"),
        {"file": upload, "published": "2024-04-24", "title": "SPCA"},
    )
    assert Source.objects.get(slug="spca").text == SPCA_ARTICLE


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"text": "   ", "published": "2024"}, "Paste the text or upload a file"),
        ({"text": SPCA_ARTICLE, "published": "April 2024"}, "is not a date"),
        ({"text": SPCA_ARTICLE, "published": "2024", "language": "de"}, "Select a valid choice"),
        ({"text": "a\x00b", "published": "2024"}, "Null characters are not allowed"),
        ({"text": "a\x01b", "published": "2024"}, "binary file"),
    ],
)
def test_ingest_page_names_bad_input_and_stores_nothing(
    seeded, editor_client, db_snapshot, form, message
):
    before = db_snapshot()
    response = editor_client.post(reverse("admin:ingest_proposal_ingest"), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert db_snapshot() == before


def test_the_public_cannot_reach_the_queue(seeded, client):
    response = client.get(REVIEW)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_figure_of_a_known_measure_is_a_new_draft_beside_the_old_one(seeded, editor):
    source = ingest(
        "London, 3 March 2026. Trade turnover between Kazakhstan and the UK reached "
        "£3.1bn in 2025, the ministry said.\n",
        published="2026-03-03",
    )
    proposal = source.proposals.get(kind="figure")
    known = Figure.objects.get(slug="kz-uk-trade-turnover-2025-gbp")
    assert proposal.target == known
    effect = describe_effect(proposal)
    assert "would create a draft figure" in effect and "3.1 billion GBP" in effect
    assert f"beside {known}" in effect
    figure = accept(proposal, user=editor)
    assert figure.pk != known.pk
    assert (figure.metric, figure.value, figure.unit) == (known.metric, 3_100_000_000, "GBP")
    assert (figure.as_of, figure.as_of_precision) == (datetime.date(2025, 1, 1), "year")
    assert figure.publication == PublicationState.DRAFT
    known.refresh_from_db()
    assert known.value == 2_800_000_000  # the other source's value is kept


def test_an_accepted_step_is_a_change_or_a_confirmation_of_what_held_then(seeded, editor):
    """The seed has the SPCA signed in April 2024: a signing on 24 April
    confirms it. A new agreement's first step is a change."""
    event = accept(spca_signing(seeded), user=editor)
    assert event.kind == "confirmation"
    agreement = factories.agreement(short_title="Pact")
    source = ingest(
        "Kazakhstan and the UK signed the Pact on 3 March 2025.\n", published="2025-03-04"
    )
    proposal = Proposal.objects.create(
        source=source,
        kind="status_event",
        target_slug=agreement.slug,
        status="signed",
        date=datetime.date(2025, 3, 3),
        date_precision="day",
        quote="signed the Pact on 3 March 2025",
        start=0,
        end=1,
        confidence=0.5,
        reason="test",
    )
    change = accept(proposal, user=editor)
    assert change.kind == "change"
    agreement.refresh_from_db()
    assert agreement.status == ""  # a draft step counts once published
    set_event_publication(event=change, state=PublicationState.PUBLISHED)
    agreement.refresh_from_db()
    assert agreement.status == "signed"


def test_an_accepted_step_is_a_draft(seeded, editor, client):
    event = accept(spca_signing(seeded), user=editor)
    assert event.publication == PublicationState.DRAFT
    spca = Agreement.objects.get(slug="spca")
    assert spca.status_events.filter(publication=PublicationState.PUBLISHED).count() == 4


def test_a_viewer_sees_the_list_but_decides_nothing(seeded, client, django_user_model):
    proposal = spca_signing(seeded)
    viewer = django_user_model.objects.create_user("viewer", "v@example.org", "pw", is_staff=True)
    viewer.groups.add(Group.objects.get(name="viewers"))
    client.force_login(viewer)
    assert client.get(reverse("admin:ingest_proposal_changelist")).status_code == 200
    assert client.get(REVIEW).status_code == 403
    url = reverse("admin:ingest_proposal_accept", args=(proposal.pk,))
    assert client.post(url).status_code == 403
    proposal.refresh_from_db()
    assert proposal.decision == Decision.PENDING


def test_list_and_pages_render(seeded, editor_client, editor, django_assert_max_num_queries):
    proposal = spca_signing(seeded)
    for number in range(5):
        ingest(SPCA_ARTICLE + f"Update {number}.\n", title=f"Article {number}")
    with django_assert_max_num_queries(12):
        response = editor_client.get(reverse("admin:ingest_proposal_changelist"))
    assert response.status_code == 200
    reject(proposal, user=editor, reason="duplicate")
    page = editor_client.get(reverse("admin:ingest_proposal_change", args=(proposal.pk,)))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Accept with these corrections" not in text and "duplicate" in text
    history = editor_client.get(reverse("admin:ingest_proposal_history", args=(proposal.pk,)))
    assert history.status_code == 200 and "editor" in history.content.decode()


def test_the_queue_can_show_one_source(seeded, editor_client):
    first = ingest()
    ingest(SPCA_ARTICLE + "More.\n", title="Other")
    page = editor_client.get(REVIEW, {"source": first.slug}).content.decode()
    assert f'id="source-{first.slug}"' in page and 'id="source-other"' not in page


def test_a_step_the_status_rules_refuse_is_not_accepted(seeded, editor_client):
    """Entry into force before either side ratified: the sequence rules
    (docs/STATUS.md) refuse it, the editor is told why, nothing is written."""
    proposal = spca_signing(seeded)
    proposal.status = "in_force"
    proposal.save()
    editor_client.post(reverse("admin:ingest_proposal_accept", args=(proposal.pk,)))
    proposal.refresh_from_db()
    assert proposal.decision == Decision.PENDING
    assert not StatusEvent.objects.filter(citations__source=proposal.source).exists()
    assert not Citation.objects.filter(source=proposal.source).exists()
    page = editor_client.get(REVIEW).content.decode()
    assert "Not accepted:" in page


def test_a_new_agreement_is_a_draft_with_its_first_step(seeded, editor):
    source = ingest(
        "London, 3 March 2026. Kazakhstan and the United Kingdom signed a memorandum "
        "of understanding on cooperation in space research.\n",
        published="2026-03-03",
    )
    quote = "signed a memorandum of understanding on cooperation in space research"
    proposal = Proposal.objects.create(
        source=source,
        kind="new_agreement",
        title="Memorandum of understanding on cooperation in space research",
        status="signed",
        date=datetime.date(2026, 3, 3),
        date_precision="day",
        quote=quote,
        start=0,
        end=1,
        confidence=0.5,
        reason="test",
    )
    agreement = accept(proposal, user=editor)
    assert isinstance(agreement, Agreement)
    assert (agreement.kind, agreement.publication) == ("mou", PublicationState.DRAFT)
    assert agreement.slug == "memorandum-of-understanding-on-cooperation-in-space-research"
    assert agreement.citations.get().quote == quote
    [event] = agreement.status_events.all()
    assert (event.status, event.date, event.kind) == ("signed", datetime.date(2026, 3, 3), "change")
    assert event.citations.get().is_verified()
    assert event.publication == PublicationState.DRAFT
    set_event_publication(event=event, state=PublicationState.PUBLISHED)
    agreement.refresh_from_db()
    assert agreement.status == "signed"


def test_a_status_step_without_an_agreement_is_refused(seeded, editor):
    proposal = spca_signing(seeded)
    with pytest.raises(Exception, match="needs the agreement it is about"):
        accept(proposal, user=editor, changes={"target_slug": ""})
    proposal.refresh_from_db()
    assert proposal.decision == Decision.PENDING


def _proposal(source, quote, **fields) -> Proposal:
    return Proposal.objects.create(
        source=source, quote=quote, start=0, end=1, confidence=0.5, reason="test", **fields
    )


def test_meetings_and_commitments(seeded, editor):
    from agreements.models import Commitment
    from dialogue.models import Meeting

    source = ingest(
        "London, 3 March 2026. The two ministers met in London today for the first "
        "UK-Kazakhstan Space Forum and agreed to launch a joint satellite programme "
        "by 2028.\n",
        published="2026-03-03",
    )
    meeting = accept(
        _proposal(
            source,
            "met in London today for the first UK-Kazakhstan Space Forum",
            kind="meeting",
            title="First UK-Kazakhstan Space Forum",
            date=datetime.date(2026, 3, 3),
            date_precision="day",
        ),
        user=editor,
    )
    assert isinstance(meeting, Meeting)
    assert (meeting.publication, meeting.status, meeting.start_on) == (
        PublicationState.DRAFT,
        "held",
        datetime.date(2026, 3, 3),
    )
    assert meeting.citations.get().is_verified()
    commitment = accept(
        _proposal(
            source,
            "agreed to launch a joint satellite programme by 2028",
            kind="commitment",
            title="Launch a joint satellite programme",
            status="announced",
            date=datetime.date(2026, 3, 3),
            date_precision="day",
        ),
        user=editor,
    )
    assert isinstance(commitment, Commitment)
    assert commitment.publication == PublicationState.DRAFT
    commitment.refresh_from_db()
    assert commitment.status == "announced"
    existing = Meeting.objects.get(slug="strategic-dialogue-8")
    cited = accept(
        _proposal(
            source,
            "The two ministers met in London",
            kind="meeting",
            target_slug=existing.slug,
        ),
        user=editor,
    )
    assert cited == existing
    assert existing.citations.filter(source=source).get().quote == "The two ministers met in London"

"""The data corrections of issue #13 (docs/STATUS.md, "Data corrections"),
asserted on the loaded seed data and on the seed files themselves."""

import re
from pathlib import Path

import pytest
import yaml
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.urls import reverse

from agreements.models import Commitment, CommitmentStatus, Figure
from agreements.status_rules import EventKind
from dialogue.models import Meeting, MeetingSeries
from evidence.models import Citation, Source
from people.models import Post

SEED_DIR = Path(__file__).resolve().parents[2] / "seeding" / "data"
VISA_FREE = "kazakhstan-visa-free-regime-british-citizens"

# Every number a source text states, in digits or words.
NUMBER = re.compile(
    r"\b(?:\d[\d,.]*\d|\d)(?:st|nd|rd|th)?\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|dozen|hundred|"
    r"thousand|million|billion)\b",
    re.IGNORECASE,
)
MONTH_DAY = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\. $")

pytestmark = pytest.mark.django_db


def _quotes(obj, field_name=None) -> list[str]:
    return [
        citation.quote
        for citation in obj.citations.all()
        if field_name is None or citation.field_name == field_name
    ]


def test_the_strategic_dialogue_is_not_said_to_be_annual_except_by_kazinform(seeded):
    series = MeetingSeries.objects.get(slug="kz-uk-strategic-dialogue")
    # "annual" is one source's claim, not a frequency the tracker states.
    assert series.frequency == ""
    assert "Kazinform (February 2025) says it 'is held annually'" in series.description
    assert "that is the agency's claim" in series.description
    assert "is held annually" in _quotes(series, "description")
    citation = series.citations.get(quote="is held annually")
    assert citation.source.publisher == "Kazinform News Agency"
    assert citation.source.display_date("published_on") == "February 2025"


def test_the_8th_round_came_twelve_years_after_the_founding(seeded):
    series = MeetingSeries.objects.get(slug="kz-uk-strategic-dialogue")
    assert series.established_on.year == 2013
    assert any("established in 2013" in quote for quote in _quotes(series))
    eighth = Meeting.objects.get(series=series, number=8)
    assert eighth.start_on.year - series.established_on.year == 12
    assert "twelve years after the Dialogue was established in 2013" in series.description
    assert "so it has not met every year" in series.description


def test_the_visa_free_regime_is_confirmed_not_fulfilled_in_2023(seeded):
    commitment = Commitment.objects.get(slug=VISA_FREE)
    events = list(commitment.status_events.all())
    assert [event.kind for event in events] == [EventKind.CONFIRMATION]
    assert not [
        event for event in events if event.kind == EventKind.CHANGE and event.date.year == 2023
    ]
    (event,) = events
    assert event.date_inferred
    assert "not the date it was introduced" in event.date_note
    assert "already established" in " ".join(_quotes(event))
    # In place by the source's date; when it began is not known, so no "since".
    assert commitment.status == CommitmentStatus.FULFILLED
    assert commitment.status_since is None
    assert commitment.status_confirmed_on.year == 2023


def test_the_visa_free_page_and_api_claim_no_start_date(seeded, client):
    commitment = Commitment.objects.get(slug=VISA_FREE)
    page = client.get(commitment.get_absolute_url()).content.decode()
    line = page[page.index('class="status status-fulfilled"') :][:400]
    assert "since" not in line
    assert "last confirmed 2023" in line

    data = client.get(f"/api/v1/commitments/{VISA_FREE}/").json()
    assert data["status"] == "fulfilled"
    assert data["status_since"] is None
    assert data["status_confirmed_on"] == "2023-01-01"


def test_the_cop29_meeting_month_is_inferred_with_its_reasoning(seeded):
    meeting = Meeting.objects.get(slug="tokayev-starmer-cop29-2024")
    assert meeting.display_date("start_on") == "November 2024"
    assert meeting.start_on_inferred
    assert "Inferred from context" in meeting.start_on_note
    assert "COP29" in meeting.start_on_note
    assert "public record, not the sources" in meeting.start_on_note


def _dates(node, path=""):
    """Every (path, record, key) of a date field in a seed file's records."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith(("_on", "date", "as_of")) and isinstance(value, str):
                yield f"{path}.{key}", node, key
            yield from _dates(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _dates(item, f"{path}[{index}]")


def test_every_inferred_date_in_the_seed_files_has_its_reasoning():
    seen = 0
    for seed_file in sorted(SEED_DIR.glob("*.yaml")):
        records = yaml.safe_load(seed_file.read_text(encoding="utf-8"))
        for path, record, key in _dates(records, seed_file.name):
            if record.get(f"{key}_inferred"):
                seen += 1
                note = record.get(f"{key}_note", "")
                assert len(note) > 20, f"{path} is inferred without a note saying why"
        for path, record, key in _dates(records, seed_file.name):
            flag = f"{key}_inferred"
            assert record.get(flag, False) in (True, False), f"{path}: {flag} is not a boolean"
    assert seen > 40


def test_every_inferred_date_is_stored_with_its_note(seeded):
    for meeting in Meeting.objects.filter(start_on_inferred=True):
        assert meeting.start_on_note, meeting.slug
    for commitment in Commitment.objects.all():
        for event in commitment.status_events.filter(date_inferred=True):
            assert event.date_note, commitment.slug


def _non_figure_reason(text: str, match: re.Match) -> str:
    """Why a number in a source text is not a figure, or "" if it should be."""
    before, after = text[: match.start()], text[match.end() :]
    token = match.group().lower()
    if re.fullmatch(r"(19|20)\d\d", token):
        return "a year: recorded as a date"
    if MONTH_DAY.search(before) or re.search(r"date \d{4}-(\d\d-)?$", before):
        return "a day of a month: recorded as a date"
    if token in {"two", "one"} and re.match(r" (countries|sides|states|nations|of )", after):
        return "the two parties, not a quantity"
    if token in {"8th", "eighth"} and after.startswith(" meeting"):
        return "the round's number: recorded as the meeting's number"
    return ""


def test_every_number_quoted_in_the_sources_is_a_figure_or_a_date(seeded):
    figure_type = ContentType.objects.get_for_model(Figure)
    missing = []
    for source in Source.objects.all():
        spans = [
            (citation.start, citation.end)
            for citation in Citation.objects.filter(source=source, content_type=figure_type)
        ]
        for match in NUMBER.finditer(source.text):
            in_a_figure = any(start <= match.start() and match.end() <= end for start, end in spans)
            if not in_a_figure and not _non_figure_reason(source.text, match):
                missing.append(f"{source.slug}: {match.group()!r}")
    assert missing == []
    assert Meeting.objects.get(slug="strategic-dialogue-8").number == 8


@pytest.mark.parametrize(
    ("slug", "value", "approximation", "quote"),
    [
        ("kz-uk-partnership-decades", 3, "about", "over the past three decades"),
        (
            "leeds-uk-financial-centre-rank",
            2,
            "rank",
            "Leeds is considered the UK’s second largest financial centre after London.",
        ),
    ],
)
def test_the_figures_added_from_the_sources(seeded, slug, value, approximation, quote):
    figure = Figure.objects.get(slug=slug)
    assert (figure.value, figure.approximation) == (value, approximation)
    assert any(quote in cited for cited in _quotes(figure))
    assert figure.note


def test_the_trade_envoy_post_exists_with_its_quote(seeded, client):
    post = Post.objects.get(title="UK trade envoy to Azerbaijan and Central Asia")
    # The sources do not name the envoy: an office of the UK without a holder.
    assert post.person is None
    assert post.organisation.slug == "united-kingdom"
    assert post.start_on is None
    assert _quotes(post) == [
        "Earlier it was reported that the UK has appointed a new trade envoy "
        "to Azerbaijan and Central Asia."
    ]
    assert "names neither the envoy nor the date" in post.note
    assert post.get_absolute_url().endswith(f"#post-{post.pk}")

    page = client.get(reverse("people:organisation-detail", args=("united-kingdom",)))
    html = page.content.decode()
    assert f'id="post-{post.pk}"' in html
    assert "UK trade envoy to Azerbaijan and Central Asia" in html
    assert "appointed a new trade envoy" in html


def test_the_8th_dialogue_records_economic_growth_and_doughtys_assessment(seeded):
    meeting = Meeting.objects.get(slug="strategic-dialogue-8")
    assert "Economic growth, a top priority of the UK's new Labour government" in meeting.summary
    assert "Stephen Doughty called the meeting a success." in meeting.summary
    quotes = " ".join(_quotes(meeting, "summary"))
    assert "it remains a top priority for the UK’s new Labour government" in quotes
    assert "Overall, the meeting was a success" in quotes


def test_an_office_without_a_holder_must_name_its_organisation():
    with pytest.raises(ValidationError, match="must name its organisation"):
        Post(title="Trade envoy").full_clean()

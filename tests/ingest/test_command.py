"""manage.py ingest: a draft Source and its proposals, printed; bad input
refused with a message naming it, and nothing stored."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from core.models import PublicationState
from evidence.models import Source, text_digest
from ingest.models import Decision, Proposal

pytestmark = pytest.mark.django_db

SPCA_ARTICLE = (
    "Kazakhstan and UK sign strategic partnership agreement\n\n"
    "ASTANA, 24 April 2024. Kazakhstan and the United Kingdom today signed the "
    "Strategic Partnership and Cooperation Agreement (SPCA) in London.\n"
)
SPCA_QUOTE = (
    "Kazakhstan and the United Kingdom today signed the Strategic Partnership and "
    "Cooperation Agreement (SPCA) in London."
)


def run(*args) -> str:
    out = StringIO()
    call_command("ingest", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "spca.txt"
    path.write_text(SPCA_ARTICLE, encoding="utf-8")
    return path


def test_json_proposes_the_spca_signing_with_its_verified_quote(seeded, article):
    payload = json.loads(run(str(article), "--published", "2024-04-24", "--format", "json"))
    source = Source.objects.get(slug=payload["source"])
    assert source.publication == PublicationState.DRAFT
    assert source.text == SPCA_ARTICLE  # verbatim
    assert source.sha256 == text_digest(SPCA_ARTICLE)
    assert (source.published_on.isoformat(), source.published_on_precision) == (
        "2024-04-24",
        "day",
    )
    assert source.language == "en"
    [proposal] = [p for p in payload["proposals"] if p["kind"] == "status_event"]
    assert proposal["target"] == "spca"
    assert (proposal["status"], proposal["date"], proposal["date_precision"]) == (
        "signed",
        "2024-04-24",
        "day",
    )
    assert proposal["quote"] == SPCA_QUOTE
    assert SPCA_ARTICLE[proposal["start"] : proposal["end"]] == SPCA_QUOTE
    for name in ("title", "party", "confidence", "reason"):
        assert name in proposal
    stored = Proposal.objects.get(source=source, kind="status_event")
    assert stored.target.slug == "spca"
    assert stored.decision == Decision.PENDING
    assert (stored.start, stored.end, stored.quote) == (
        proposal["start"],
        proposal["end"],
        SPCA_QUOTE,
    )


def test_text_output_names_each_proposal_its_quote_and_reason(seeded, article):
    out = run(str(article), "--published", "2024-04-24", "--publisher", "Gov.kz")
    assert "stored as a draft" in out
    assert "status_event spca signed (change) 2024-04-24 day" in out
    assert f"“{SPCA_QUOTE}”" in out
    assert "because: cue en_signed" in out
    assert Source.objects.get(sha256=text_digest(SPCA_ARTICLE)).publisher == "Gov.kz"


def test_metadata_options_are_stored(seeded, article):
    run(
        str(article),
        "--published",
        "2024-04",
        "--url",
        "https://example.org/spca",
        "--title",
        "SPCA signed",
        "--language",
        "en",
    )
    source = Source.objects.get(slug="spca-signed")
    assert source.url == "https://example.org/spca"
    assert (source.published_on.isoformat(), source.published_on_precision) == (
        "2024-04-01",
        "month",
    )


def test_dry_run_prints_and_stores_nothing(seeded, article, db_snapshot):
    before = db_snapshot()
    payload = json.loads(
        run(str(article), "--published", "2024-04-24", "--format", "json", "--dry-run")
    )
    assert payload["proposals"][0]["target"] == "spca"
    assert db_snapshot() == before
    assert not Proposal.objects.exists()


def test_html_is_reduced_to_the_article_text(seeded, tmp_path):
    path = tmp_path / "page.html"
    paragraphs = "".join(f"<p>{line}</p>" for line in SPCA_ARTICLE.splitlines() if line)
    path.write_text(
        f"<html><head><title>SPCA</title></head><body><nav>Home | News</nav>"
        f"<article>{paragraphs}</article><footer>Share</footer></body></html>",
        encoding="utf-8",
    )
    payload = json.loads(run(str(path), "--published", "2024-04-24", "--format", "json"))
    source = Source.objects.get(slug=payload["source"])
    assert "<p>" not in source.text and "Home | News" not in source.text
    assert source.title == "SPCA"  # the page's title
    assert SPCA_QUOTE in source.text
    [proposal] = [p for p in payload["proposals"] if p["kind"] == "status_event"]
    assert source.text[proposal["start"] : proposal["end"]] == proposal["quote"]


def test_language_is_detected_when_not_given(seeded, tmp_path):
    path = tmp_path / "ru.txt"
    path.write_text(
        "Астана, 24 апреля 2024 года. Казахстан и Великобритания сегодня подписали "
        "Соглашение о стратегическом партнерстве и сотрудничестве.\n",
        encoding="utf-8",
    )
    payload = json.loads(run(str(path), "--published", "2024-04-24", "--format", "json"))
    source = Source.objects.get(slug=payload["source"])
    assert source.language == "ru"
    assert source.slug == "article-2024-04-24"


@pytest.mark.parametrize(
    ("content", "args", "message"),
    [
        (b"", (), "is empty"),
        (b"  \n\t\n", (), "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", (), "binary file"),
        (b"GIF89a\x01\x02\x03\x04", (), "binary file"),
        (b"caf\xe9 latin-1", (), "not UTF-8"),
        (SPCA_ARTICLE.encode(), ("--language", "de"), "'de' is not a language"),
        (SPCA_ARTICLE.encode(), ("--published", "24/04/2024"), "--published: '24/04/2024'"),
        (SPCA_ARTICLE.encode(), ("--published", "2024-02-30"), "not a real date"),
    ],
)
def test_bad_input_is_named_and_nothing_is_stored(
    seeded, tmp_path, db_snapshot, content, args, message
):
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    if "--published" not in args:
        args = (*args, "--published", "2024-04-24")
    before = db_snapshot()
    with pytest.raises(CommandError, match=message):
        run(str(path), *args)
    assert db_snapshot() == before
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--url", "not a url"), "--url: Enter a valid URL."),
        (("--publisher", "x" * 201), "--publisher: Ensure this value has at most 200"),
    ],
)
def test_bad_metadata_is_named_and_nothing_is_stored(seeded, article, db_snapshot, args, message):
    before = db_snapshot()
    with pytest.raises(CommandError, match=message):
        run(str(article), "--published", "2024-04-24", *args)
    assert db_snapshot() == before
    assert not Proposal.objects.exists()


def test_a_missing_file_is_named(seeded, tmp_path):
    with pytest.raises(CommandError, match="cannot read it"):
        run(str(tmp_path / "nope.txt"), "--published", "2024")


def test_the_same_text_twice_is_refused_naming_the_source(seeded, article, db_snapshot):
    run(str(article), "--published", "2024-04-24")
    before = db_snapshot()
    with pytest.raises(CommandError, match="already stored: source 'kazakhstan-and-uk-sign"):
        run(str(article), "--published", "2024-04-24", "--title", "Again")
    assert db_snapshot() == before


def test_a_seed_sources_text_is_a_duplicate(seeded, tmp_path):
    seed = Source.objects.exclude(text="").first()
    path = tmp_path / "copy.txt"
    path.write_text(seed.text, encoding="utf-8")
    with pytest.raises(CommandError, match=f"source '{seed.slug}'"):
        run(str(path), "--published", "2024")


def test_a_failure_while_storing_leaves_nothing(seeded, article, db_snapshot, monkeypatch):
    """One transaction: a proposal that cannot be stored takes the source with it."""
    from ingest import services

    def broken(found, **kwargs):
        raise RuntimeError("disk full")

    before = db_snapshot()
    monkeypatch.setattr(services, "from_extracted", broken)
    with pytest.raises(RuntimeError):
        run(str(article), "--published", "2024-04-24")
    assert db_snapshot() == before


def test_records_entered_in_the_admin_are_recognised(seeded, tmp_path):
    """Not in the seed data, only in the database: matched all the same."""
    from tests.support import factories

    agreement = factories.agreement(
        slug="green-energy-2026",
        title="Agreement on Cooperation in Green Energy",
        short_title="GECA",
        publication=PublicationState.DRAFT,
    )
    path = tmp_path / "green.txt"
    path.write_text(
        "London, 3 March 2026. Kazakhstan and the United Kingdom today signed the "
        "Agreement on Cooperation in Green Energy.\n",
        encoding="utf-8",
    )
    payload = json.loads(run(str(path), "--published", "2026-03-03", "--format", "json"))
    [proposal] = [p for p in payload["proposals"] if p["kind"] == "status_event"]
    assert (proposal["target"], proposal["status"], proposal["date"]) == (
        agreement.slug,
        "signed",
        "2026-03-03",
    )
    assert Proposal.objects.get(kind="status_event").target == agreement

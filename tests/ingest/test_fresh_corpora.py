"""Format checks for the fresh held-out corpora (`ingest/corpus/heldout3/` to `heldout23/`).

Each was written and labelled before the extractor was run on it, and is
labelled for status events only (`labelled: [status_event]`; distractors for
every kind): it measures the issue's target, status events. The checks read
the YAML directly (keys, vocabularies, exact quotes, dates at their
precision, existing slugs) and hold it to the mix asked for; the last test
loads it through the project's own loader.
"""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.ingest.corpus_format import (
    EVENTS,
    ID_PATTERN,
    LANGUAGES,
    _date_problems,
    _key_problems,
    _precision,
    _problems,
    _quote_problems,
    _target_problems,
    _vocabulary_problems,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "ingest" / "corpus"
SPLITS = (
    "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9",
    "heldout10", "heldout11", "heldout12", "heldout13", "heldout14", "heldout15", "heldout16",
    "heldout17", "heldout18", "heldout19", "heldout20", "heldout21", "heldout22", "heldout23",
)  # fmt: skip
ARTICLE_KEYS = (
    "id", "language", "published", "title", "publisher", "url",
    "distractor", "labelled", "notes", "text", "expected",
)  # fmt: skip
MIN_WORDS, MAX_WORDS = 40, 350


def _articles() -> list[tuple[Path, dict]]:
    paths = sorted(p for split in SPLITS for p in (CORPUS / split).glob("*.yaml"))
    return [(path, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in paths]


ARTICLES = _articles()
TEXTS = {path: str(data["text"]) for path, data in ARTICLES}
FACTS = [fact for _, data in ARTICLES for fact in data.get("expected") or ()]


# --- articles -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "data"), ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p, _ in ARTICLES]
)
def test_article_has_the_required_keys_and_values(path, data):
    assert isinstance(data, dict)
    missing = [key for key in ARTICLE_KEYS if key not in data]
    assert not missing, f"missing keys {missing}"
    assert data["id"] == path.stem
    assert ID_PATTERN.match(data["id"])
    assert data["language"] in LANGUAGES
    assert data["id"].startswith(data["language"] + "-")
    assert isinstance(data["distractor"], bool)
    assert data["title"] and data["publisher"] and data["notes"]
    assert "http" not in str(data["publisher"])
    assert isinstance(data["expected"], list)
    _precision(str(data["published"]))


@pytest.mark.parametrize(
    ("path", "data"), ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p, _ in ARTICLES]
)
def test_article_length_is_within_bounds(path, data):
    words = len(str(data["text"]).split())
    assert MIN_WORDS <= words <= MAX_WORDS, f"{words} words"


@pytest.mark.parametrize(
    ("path", "data"), ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p, _ in ARTICLES]
)
def test_distractors_expect_nothing_and_others_expect_something(path, data):
    if data["distractor"]:
        assert data["expected"] == []
    else:
        assert data["expected"], "a non-distractor article with no expected fact"


def test_hypothetical_articles_say_so_in_their_notes():
    for path, data in ARTICLES:
        if str(data["published"]) >= "2026-03":
            assert "hypothetical" in data["notes"].lower(), path.stem


# --- facts ----------------------------------------------------------------------
# One test per article and rule; each lists every offending fact as "#n: why".


@pytest.mark.parametrize(
    ("path", "data"), ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p, _ in ARTICLES]
)
def test_facts_have_the_keys_of_their_kind(path, data):
    assert not _problems(data, _key_problems)


@pytest.mark.parametrize(
    ("path", "data"), ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p, _ in ARTICLES]
)
def test_quotes_are_exact_substrings_of_the_text(path, data):
    assert not _problems(data, lambda fact: _quote_problems(fact, TEXTS[path]))


@pytest.mark.parametrize(
    ("path", "data"), ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p, _ in ARTICLES]
)
def test_dates_parse_at_their_precision(path, data):
    assert not _problems(data, _date_problems)


@pytest.mark.parametrize(
    ("path", "data"), ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p, _ in ARTICLES]
)
def test_statuses_events_parties_and_figures_use_the_vocabularies(path, data):
    assert not _problems(data, _vocabulary_problems)


@pytest.mark.parametrize(
    ("path", "data"), ARTICLES, ids=[f"{p.parent.name}/{p.stem}" for p, _ in ARTICLES]
)
def test_targets_are_existing_seed_slugs_of_the_right_kind(path, data):
    assert not _problems(data, _target_problems)


# --- the mix --------------------------------------------------------------------


@pytest.mark.parametrize("split", SPLITS)
def test_counts_per_language_and_distractors(split):
    articles = [data for path, data in ARTICLES if path.parent.name == split]
    languages = Counter(data["language"] for data in articles)
    assert len(articles) >= 15
    assert languages["ru"] >= 5 and languages["kk"] >= 5, languages
    assert sum(1 for data in articles if data["distractor"]) >= 3


def test_articles_are_labelled_for_status_events_and_distractors_for_everything():
    for path, data in ARTICLES:
        if data["distractor"]:
            assert data["labelled"] is None, path.stem
        else:
            assert data["labelled"] == ["status_event"], path.stem
            assert {fact["kind"] for fact in data["expected"]} == {"status_event"}, path.stem


def test_status_changes_confirmations_and_party_steps_occur():
    events = [fact for fact in FACTS if fact["kind"] == "status_event"]
    statuses = {fact["status"] for fact in events}
    assert {"signed", "ratification_pending", "ratified", "in_force"} <= statuses
    assert {fact["event"] for fact in events} == EVENTS
    assert {"kazakhstan", "united-kingdom"} <= {fact["party"] for fact in events}


@pytest.mark.parametrize("split", SPLITS)
def test_the_project_loader_reads_the_split(split):
    from ingest.corpus import load_split

    articles = load_split(CORPUS, split)
    assert len(articles) == sum(1 for path, _ in ARTICLES if path.parent.name == split)

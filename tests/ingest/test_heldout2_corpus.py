"""Format checks for the second held-out corpus (`ingest/corpus/heldout2/`).

The corpus is written without looking at the extractor, so nothing here
imports its rules: the checks read the YAML directly and hold it to the
corpus notes (keys, vocabularies, exact quotes, dates at their precision,
existing slugs), plus the mix the corpus was asked for (languages,
distractors, kinds of fact). The last test loads the split through the
project's own loader so that the evaluation can read it too.
"""

from collections import Counter
from pathlib import Path

import pytest
import yaml

from tests.ingest.corpus_format import (
    EVENTS,
    ID_PATTERN,
    KINDS,
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
FOLDER = ROOT / "ingest" / "corpus" / "heldout2"
ARTICLE_KEYS = (
    "id", "language", "published", "title", "publisher", "url",
    "distractor", "notes", "text", "expected",
)  # fmt: skip
MIN_WORDS, MAX_WORDS = 60, 350


def _articles() -> list[tuple[Path, dict]]:
    paths = sorted(FOLDER.glob("*.yaml"))
    return [(path, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in paths]


ARTICLES = _articles()
TEXTS = {path: str(data["text"]) for path, data in ARTICLES}
FACTS = [fact for _, data in ARTICLES for fact in data.get("expected") or ()]


# --- articles -------------------------------------------------------------------


@pytest.mark.parametrize(("path", "data"), ARTICLES, ids=[p.stem for p, _ in ARTICLES])
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


@pytest.mark.parametrize(("path", "data"), ARTICLES, ids=[p.stem for p, _ in ARTICLES])
def test_article_length_is_within_bounds(path, data):
    words = len(str(data["text"]).split())
    assert MIN_WORDS <= words <= MAX_WORDS, f"{words} words"


@pytest.mark.parametrize(("path", "data"), ARTICLES, ids=[p.stem for p, _ in ARTICLES])
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


@pytest.mark.parametrize(("path", "data"), ARTICLES, ids=[p.stem for p, _ in ARTICLES])
def test_facts_have_the_keys_of_their_kind(path, data):
    assert not _problems(data, _key_problems)


@pytest.mark.parametrize(("path", "data"), ARTICLES, ids=[p.stem for p, _ in ARTICLES])
def test_quotes_are_exact_substrings_of_the_text(path, data):
    assert not _problems(data, lambda fact: _quote_problems(fact, TEXTS[path]))


@pytest.mark.parametrize(("path", "data"), ARTICLES, ids=[p.stem for p, _ in ARTICLES])
def test_dates_parse_at_their_precision(path, data):
    assert not _problems(data, _date_problems)


@pytest.mark.parametrize(("path", "data"), ARTICLES, ids=[p.stem for p, _ in ARTICLES])
def test_statuses_events_parties_and_figures_use_the_vocabularies(path, data):
    assert not _problems(data, _vocabulary_problems)


@pytest.mark.parametrize(("path", "data"), ARTICLES, ids=[p.stem for p, _ in ARTICLES])
def test_targets_are_existing_seed_slugs_of_the_right_kind(path, data):
    assert not _problems(data, _target_problems)


# --- the mix --------------------------------------------------------------------


def test_counts_per_language_and_distractors():
    languages = Counter(data["language"] for _, data in ARTICLES)
    assert len(ARTICLES) >= 30
    assert all(languages[language] >= 10 for language in LANGUAGES), languages
    assert sum(1 for _, data in ARTICLES if data["distractor"]) >= 6


def test_every_kind_of_fact_occurs_and_figures_in_every_language():
    kinds = Counter(fact["kind"] for fact in FACTS)
    assert all(kinds[kind] for kind in KINDS), kinds
    figure_languages = {
        data["language"]
        for _, data in ARTICLES
        for fact in data["expected"]
        if fact["kind"] == "figure"
    }
    assert figure_languages == set(LANGUAGES)


def test_status_changes_confirmations_and_party_steps_occur():
    events = [fact for fact in FACTS if fact["kind"] == "status_event"]
    statuses = {fact["status"] for fact in events}
    assert {"signed", "ratification_pending", "ratified", "in_force"} <= statuses
    assert {fact["event"] for fact in events} == EVENTS
    assert {"kazakhstan", "united-kingdom"} <= {fact["party"] for fact in events}


def test_the_project_loader_reads_the_split():
    from ingest.corpus import load_split

    articles = load_split(FOLDER.parent, "heldout2")
    assert len(articles) == len(ARTICLES)

"""Format checks for the second held-out corpus (`ingest/corpus/heldout2/`).

The corpus is written without looking at the extractor, so nothing here
imports its rules: the checks read the YAML directly and hold it to the
corpus notes (keys, vocabularies, exact quotes, dates at their precision,
existing slugs), plus the mix the corpus was asked for (languages,
distractors, kinds of fact). The last test loads the split through the
project's own loader so that the evaluation can read it too.
"""

import datetime
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "ingest" / "corpus" / "heldout2"
SEED_DATA = ROOT / "seeding" / "data"

LANGUAGES = ("en", "ru", "kk")
KINDS = ("status_event", "meeting", "figure", "commitment", "new_agreement", "person")
AGREEMENT_STATUSES = {
    "proposed", "negotiating", "signed", "ratification_pending", "ratified",
    "in_force", "implemented", "suspended", "terminated", "superseded",
}  # fmt: skip
COMMITMENT_STATUSES = {"announced", "in_progress", "fulfilled", "partly_fulfilled", "dropped"}
EVENTS = {"change", "confirmation"}
PARTIES = {None, "kazakhstan", "united-kingdom"}
MULTIPLIERS = {None, "thousand", "million", "billion"}
PRECISIONS = {"day": 3, "month": 2, "year": 1}
ARTICLE_KEYS = (
    "id", "language", "published", "title", "publisher", "url",
    "distractor", "notes", "text", "expected",
)  # fmt: skip
FACT_KEYS = {
    "status_event": ("target", "status", "event", "date", "date_precision", "party", "quote"),
    "meeting": ("target", "title", "date", "date_precision", "quote"),
    "figure": ("target", "title", "value", "unit", "multiplier", "date", "date_precision", "quote"),
    "commitment": ("target", "title", "status", "quote"),
    "new_agreement": ("target", "title", "status", "date", "date_precision", "quote"),
    "person": ("target", "title", "quote"),
}
# Which seed file holds the records a fact of each kind may point at.
TARGET_FILES = {
    "status_event": "agreements",
    "meeting": "meetings",
    "figure": "figures",
    "commitment": "commitments",
    "person": "people",
}
ID_PATTERN = re.compile(r"^(en|ru|kk)-\d{3}-[a-z0-9]+(-[a-z0-9]+)*$")
MIN_WORDS, MAX_WORDS = 60, 350


def _articles() -> list[tuple[Path, dict]]:
    paths = sorted(FOLDER.glob("*.yaml"))
    return [(path, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in paths]


ARTICLES = _articles()
FACTS = [
    (path, number, fact)
    for path, data in ARTICLES
    for number, fact in enumerate(data.get("expected") or (), 1)
]


def _seed_slugs(name: str) -> set[str]:
    records = yaml.safe_load((SEED_DATA / f"{name}.yaml").read_text(encoding="utf-8")) or []
    return {record["slug"] for record in records}


def _precision(value: str) -> str:
    """The precision of a YYYY, YYYY-MM or YYYY-MM-DD string that names a real date."""
    parts = str(value).split("-")
    if not re.fullmatch(r"\d{4}(-\d{2}){0,2}", str(value)):
        raise ValueError(f"not YYYY[-MM[-DD]]: {value!r}")
    numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
    datetime.date(*numbers)  # raises on month 13, 30 February and the like
    return {1: "year", 2: "month", 3: "day"}[len(parts)]


def _ids(items):
    return [f"{path.stem}#{number}" for path, number, _ in items]


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


@pytest.mark.parametrize(("path", "number", "fact"), FACTS, ids=_ids(FACTS))
def test_fact_has_the_keys_of_its_kind(path, number, fact):
    assert fact.get("kind") in KINDS
    missing = [key for key in FACT_KEYS[fact["kind"]] if key not in fact]
    assert not missing, f"missing keys {missing}"
    if fact.get("target") is None and fact["kind"] != "status_event":
        assert fact.get("title"), "a new record needs its title"


@pytest.mark.parametrize(("path", "number", "fact"), FACTS, ids=_ids(FACTS))
def test_quote_is_an_exact_substring_of_the_text(path, number, fact):
    text = yaml.safe_load(path.read_text(encoding="utf-8"))["text"]
    assert fact["quote"], "empty quote"
    assert fact["quote"] in text


@pytest.mark.parametrize(("path", "number", "fact"), FACTS, ids=_ids(FACTS))
def test_date_parses_at_its_precision(path, number, fact):
    if fact.get("date") is None:
        assert fact.get("date_precision") is None
        return
    assert fact["date_precision"] in PRECISIONS
    assert _precision(str(fact["date"])) == fact["date_precision"]


@pytest.mark.parametrize(("path", "number", "fact"), FACTS, ids=_ids(FACTS))
def test_vocabularies(path, number, fact):
    kind = fact["kind"]
    if kind in ("status_event", "new_agreement"):
        assert fact["status"] in AGREEMENT_STATUSES
    if kind == "commitment":
        assert fact["status"] in COMMITMENT_STATUSES
    if kind == "status_event":
        assert fact["event"] in EVENTS
        assert fact["party"] in PARTIES
        assert fact["target"], "a status event is about an existing agreement"
    if kind == "figure":
        assert fact["multiplier"] in MULTIPLIERS
        assert fact["unit"] and str(fact["unit"]).strip() == str(fact["unit"])
        try:
            Decimal(str(fact["value"]))
        except InvalidOperation:
            pytest.fail(f"value {fact['value']!r} is not a decimal string")
        assert isinstance(fact["value"], str)


@pytest.mark.parametrize(("path", "number", "fact"), FACTS, ids=_ids(FACTS))
def test_targets_are_existing_seed_slugs(path, number, fact):
    target = fact.get("target")
    if target is None:
        return
    assert fact["kind"] != "new_agreement", "a new agreement has no existing record"
    assert target in _seed_slugs(TARGET_FILES[fact["kind"]])


# --- the mix --------------------------------------------------------------------


def test_counts_per_language_and_distractors():
    languages = Counter(data["language"] for _, data in ARTICLES)
    assert len(ARTICLES) >= 30
    assert all(languages[language] >= 10 for language in LANGUAGES), languages
    assert sum(1 for _, data in ARTICLES if data["distractor"]) >= 6


def test_every_kind_of_fact_occurs_and_figures_in_every_language():
    kinds = Counter(fact["kind"] for _, _, fact in FACTS)
    assert all(kinds[kind] for kind in KINDS), kinds
    figure_languages = {
        data["language"]
        for _, data in ARTICLES
        for fact in data["expected"]
        if fact["kind"] == "figure"
    }
    assert figure_languages == set(LANGUAGES)


def test_status_changes_confirmations_and_party_steps_occur():
    events = [fact for _, _, fact in FACTS if fact["kind"] == "status_event"]
    statuses = {fact["status"] for fact in events}
    assert {"signed", "ratification_pending", "ratified", "in_force"} <= statuses
    assert {fact["event"] for fact in events} == EVENTS
    assert {"kazakhstan", "united-kingdom"} <= {fact["party"] for fact in events}


def test_the_project_loader_reads_the_split():
    from ingest.corpus import load_split

    articles = load_split(FOLDER.parent, "heldout2")
    assert len(articles) == len(ARTICLES)

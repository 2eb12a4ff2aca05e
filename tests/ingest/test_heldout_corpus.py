"""Checks of the held-out evaluation corpus (ingest/corpus/heldout/*.yaml).

Plain pytest functions, no database: the corpus is data, and these tests only
read it (and the seed slugs it points to). The format is that of
notes/corpus-format.md: one YAML file per article, `split` implied by the folder.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
HELDOUT = REPO / "ingest" / "corpus" / "heldout"
# The seed data moves from seeds/data to seeding/data in the house move.
SEED_DIRS = [REPO / "seeds" / "data", REPO / "seeding" / "data"]

LANGUAGES = {"en", "ru", "kk"}
KINDS = {"status_event", "meeting", "figure", "commitment", "new_agreement", "person"}
AGREEMENT_STATUSES = {
    "proposed",
    "negotiating",
    "signed",
    "ratification_pending",
    "ratified",
    "in_force",
    "implemented",
    "suspended",
    "terminated",
    "superseded",
}
COMMITMENT_STATUSES = {"announced", "in_progress", "fulfilled", "partly_fulfilled", "dropped"}
EVENTS = {"change", "confirmation"}
PARTIES = {None, "united-kingdom", "kazakhstan"}
PRECISIONS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
MULTIPLIERS = {None, "thousand", "million", "billion"}

TOP_KEYS = {
    "id",
    "language",
    "published",
    "title",
    "publisher",
    "url",
    "distractor",
    "notes",
    "text",
    "expected",
}
# The keys each kind of fact carries, as in the format's example.
FACT_KEYS = {
    "status_event": {
        "kind",
        "target",
        "title",
        "status",
        "event",
        "date",
        "date_precision",
        "party",
        "quote",
    },
    "figure": {
        "kind",
        "target",
        "title",
        "value",
        "unit",
        "multiplier",
        "date",
        "date_precision",
        "quote",
    },
    "meeting": {"kind", "target", "title", "date", "date_precision", "quote"},
    "commitment": {"kind", "target", "title", "status", "quote"},
    "new_agreement": {"kind", "target", "title", "status", "date", "date_precision", "quote"},
    "person": {"kind", "target", "title", "quote"},
}
# Which seed file a fact's `target` must be a slug of.
TARGET_FILES = {
    "status_event": "agreements.yaml",
    "meeting": "meetings.yaml",
    "figure": "figures.yaml",
    "commitment": "commitments.yaml",
    "person": "people.yaml",
}
ID_PATTERN = re.compile(r"^(en|ru|kk)-\d{3}-[a-z0-9]+(?:-[a-z0-9]+)*$")
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _articles() -> list[tuple[Path, dict]]:
    return [
        (path, yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted(HELDOUT.glob("*.yaml"))
    ]


ARTICLES = _articles()
IDS = [path.stem for path, _ in ARTICLES]


def _seed_slugs(filename: str) -> set[str]:
    for folder in SEED_DIRS:
        path = folder / filename
        if path.exists():
            return {row["slug"] for row in yaml.safe_load(path.read_text(encoding="utf-8")) or []}
    raise AssertionError(f"no seed file {filename} in {[str(d) for d in SEED_DIRS]}")


def _parse(value: str, precision: str) -> datetime.date:
    assert isinstance(value, str), f"date {value!r} is not a string"
    return datetime.datetime.strptime(value, PRECISIONS[precision]).date()


def _precision_of(value: str) -> str:
    return {10: "day", 7: "month", 4: "year"}[len(value)]


def test_the_corpus_is_there():
    assert len(ARTICLES) >= 24


def test_language_mix():
    languages = [article["language"] for _, article in ARTICLES]
    assert languages.count("ru") >= 8
    assert languages.count("kk") >= 8


def test_distractors():
    assert sum(1 for _, article in ARTICLES if article["distractor"] is True) >= 4


def test_ids_are_unique():
    ids = [article["id"] for _, article in ARTICLES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("path", "article"), ARTICLES, ids=IDS)
def test_article(path: Path, article: dict):
    assert set(article) == TOP_KEYS, f"keys: {sorted(set(article) ^ TOP_KEYS)}"
    assert article["id"] == path.stem
    assert ID_PATTERN.match(article["id"])
    assert article["language"] in LANGUAGES
    assert article["id"].startswith(article["language"] + "-")
    _parse(article["published"], _precision_of(article["published"]))
    assert isinstance(article["title"], str) and article["title"].strip()
    assert isinstance(article["publisher"], str) and article["publisher"].strip()
    assert article["url"] is None
    assert isinstance(article["distractor"], bool)
    assert isinstance(article["notes"], str) and article["notes"].strip()
    text = article["text"]
    assert isinstance(text, str)
    words = len(WORD.findall(text))
    assert 60 <= words <= 350, f"{words} words"
    assert isinstance(article["expected"], list)
    if article["distractor"]:
        assert article["expected"] == []
    else:
        assert article["expected"], "a non-distractor article states at least one fact"


@pytest.mark.parametrize(("path", "article"), ARTICLES, ids=IDS)
def test_facts(path: Path, article: dict):
    text = article["text"]
    for number, fact in enumerate(article["expected"]):
        where = f"{article['id']} fact {number} ({fact.get('kind')})"
        kind = fact.get("kind")
        assert kind in KINDS, where
        assert set(fact) == FACT_KEYS[kind], f"{where}: keys {sorted(set(fact) ^ FACT_KEYS[kind])}"

        quote = fact["quote"]
        assert isinstance(quote, str) and quote.strip(), where
        assert quote in text, f"{where}: quote is not in the text: {quote!r}"

        target = fact["target"]
        if kind == "new_agreement":
            assert target is None, f"{where}: a new agreement has no existing record"
        elif target is not None:
            assert target in _seed_slugs(TARGET_FILES[kind]), f"{where}: unknown slug {target!r}"
        if target is None:
            assert isinstance(fact["title"], str) and fact["title"].strip(), f"{where}: no title"

        if kind in ("status_event", "new_agreement"):
            assert fact["status"] in AGREEMENT_STATUSES, where
        if kind == "commitment":
            assert fact["status"] in COMMITMENT_STATUSES, where
        if kind == "status_event":
            assert fact["event"] in EVENTS, where
            assert fact["party"] in PARTIES, where
        if kind == "figure":
            assert isinstance(fact["value"], str), f"{where}: value is not a string"
            try:
                Decimal(fact["value"])
            except InvalidOperation:
                pytest.fail(f"{where}: value {fact['value']!r} is not a decimal")
            assert isinstance(fact["unit"], str) and fact["unit"].strip(), where
            assert fact["multiplier"] in MULTIPLIERS, where

        if "date" in fact:
            if fact["date"] is None:
                # Only a figure may have no as-of date.
                assert kind == "figure", f"{where}: no date"
                assert fact["date_precision"] is None, where
            else:
                assert fact["date_precision"] in PRECISIONS, where
                assert _precision_of(fact["date"]) == fact["date_precision"], where
                _parse(fact["date"], fact["date_precision"])


def test_quotes_survive_the_yaml_reading():
    """A quote is compared with the text as YAML gives it back: no quote may
    straddle a line break, which the block scalar turns into a newline."""
    for _, article in ARTICLES:
        for fact in article["expected"]:
            assert "\n" not in fact["quote"]

"""Format checks for the fresh held-out corpora (`ingest/corpus/heldout3/`, `heldout4/`, `heldout5/`).

Each was written and labelled before the extractor was run on it, and is
labelled for status events only (`labelled: [status_event]`; distractors for
every kind): it measures the issue's target, status events. The checks read
the YAML directly (keys, vocabularies, exact quotes, dates at their
precision, existing slugs) and hold it to the mix asked for; the last test
loads it through the project's own loader.
"""

import datetime
import functools
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "ingest" / "corpus"
SPLITS = ("heldout3", "heldout4", "heldout5")
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
    "distractor", "labelled", "notes", "text", "expected",
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
MIN_WORDS, MAX_WORDS = 40, 350


def _articles() -> list[tuple[Path, dict]]:
    paths = sorted(p for split in SPLITS for p in (CORPUS / split).glob("*.yaml"))
    return [(path, yaml.safe_load(path.read_text(encoding="utf-8"))) for path in paths]


ARTICLES = _articles()
TEXTS = {path: str(data["text"]) for path, data in ARTICLES}
FACTS = [fact for _, data in ARTICLES for fact in data.get("expected") or ()]


@functools.cache
def _seed_slugs(name: str) -> frozenset[str]:
    records = yaml.safe_load((SEED_DATA / f"{name}.yaml").read_text(encoding="utf-8")) or []
    return frozenset(record["slug"] for record in records)


def _precision(value: str) -> str:
    """The precision of a YYYY, YYYY-MM or YYYY-MM-DD string that names a real date."""
    parts = str(value).split("-")
    if not re.fullmatch(r"\d{4}(-\d{2}){0,2}", str(value)):
        raise ValueError(f"not YYYY[-MM[-DD]]: {value!r}")
    numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
    datetime.date(*numbers)  # raises on month 13, 30 February and the like
    return {1: "year", 2: "month", 3: "day"}[len(parts)]


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


def _key_problems(fact: dict) -> list[str]:
    if fact.get("kind") not in KINDS:
        return [f"kind {fact.get('kind')!r}"]
    problems = [f"missing {key}" for key in FACT_KEYS[fact["kind"]] if key not in fact]
    if fact.get("target") is None and fact["kind"] != "status_event" and not fact.get("title"):
        problems.append("a new record needs its title")
    return problems


def _date_problems(fact: dict) -> list[str]:
    if fact.get("date") is None:
        return [] if fact.get("date_precision") is None else ["precision without a date"]
    try:
        precision = _precision(str(fact["date"]))
    except ValueError as error:
        return [str(error)]
    if precision != fact.get("date_precision"):
        return [f"{fact['date']} is not at precision {fact.get('date_precision')}"]
    return []


def _figure_problems(fact: dict) -> list[str]:
    problems = []
    if fact["multiplier"] not in MULTIPLIERS:
        problems.append(f"multiplier {fact['multiplier']!r}")
    if not fact["unit"] or str(fact["unit"]).strip() != str(fact["unit"]):
        problems.append(f"unit {fact['unit']!r}")
    value = fact["value"]
    try:
        decimal = isinstance(value, str) and Decimal(value).is_finite()
    except InvalidOperation:
        decimal = False
    if not decimal:
        problems.append(f"value {value!r} is not a decimal string")
    return problems


def _vocabulary_problems(fact: dict) -> list[str]:
    kind, problems = fact["kind"], []
    if kind in ("status_event", "new_agreement") and fact["status"] not in AGREEMENT_STATUSES:
        problems.append(f"agreement status {fact['status']!r}")
    if kind == "commitment" and fact["status"] not in COMMITMENT_STATUSES:
        problems.append(f"commitment status {fact['status']!r}")
    if kind == "status_event":
        if fact["event"] not in EVENTS:
            problems.append(f"event {fact['event']!r}")
        if fact["party"] not in PARTIES:
            problems.append(f"party {fact['party']!r}")
        if not fact["target"]:
            problems.append("a status event is about an existing agreement")
    if kind == "figure":
        problems.extend(_figure_problems(fact))
    return problems


def _target_problems(fact: dict) -> list[str]:
    target = fact.get("target")
    if target is None:
        return []
    if fact["kind"] == "new_agreement":
        return ["a new agreement has no existing record"]
    if target not in _seed_slugs(TARGET_FILES[fact["kind"]]):
        return [f"no {TARGET_FILES[fact['kind']]} record {target!r}"]
    return []


def _quote_problems(fact: dict, text: str) -> list[str]:
    if not fact.get("quote"):
        return ["empty quote"]
    return [] if fact["quote"] in text else [f"quote not in the text: {fact['quote']!r}"]


def _problems(data: dict, check) -> list[str]:
    return [
        f"#{number}: {problem}"
        for number, fact in enumerate(data["expected"], 1)
        for problem in check(fact)
    ]


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

"""The format of a labelled corpus article (ingest/corpus/, docs/INGEST.md),
shared by the checks of each held-out split: the vocabularies, the keys of
each kind of fact, and one function per rule that lists a fact's problems.
Nothing here imports the extractor: a corpus is written without it."""

import datetime
import functools
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
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

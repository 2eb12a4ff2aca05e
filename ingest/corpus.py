"""The labelled corpus: articles with the facts the extractor should find.

Two sources of articles, one shape (`CorpusArticle`):

* `ingest/corpus/<split>/*.yaml`, in the format of the corpus notes
  (`dev` is written alongside the rules; `heldout` is written by someone who
  never saw them, and only measured);
* the seed documents (split `seed`): the curated seed YAML already says,
  fact by fact, which source and quote supports it, so the expected facts
  of each seed text are derived from it. The curated dates sometimes come
  from another source ("Feb. 11" in one article dates an event reported
  undated in another); those facts stay in, marked `inferred`, and make the
  seed figures a lower bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ingest.extract.dates import PartialDate

LANGUAGES = ("en", "ru", "kk")
FACT_KINDS = ("status_event", "meeting", "figure", "commitment", "new_agreement", "person")


class CorpusError(ValueError):
    """A corpus file that does not follow the format (names the file and field)."""


@dataclass
class CorpusArticle:
    id: str
    split: str
    language: str
    published: str
    text: str
    expected: list[dict[str, Any]] = field(default_factory=list)
    title: str = ""
    distractor: bool = False
    path: str = ""
    # The kinds of fact whose gold was labelled (all of them unless the file
    # says `labelled: [status_event]`): a set labelled for one kind only must
    # not count the extractor's other proposals as false positives.
    labelled: tuple[str, ...] = FACT_KINDS

    @property
    def words(self) -> int:
        return len(self.text.split())


def _check(article: CorpusArticle) -> None:
    where = article.path or article.id
    if article.language not in LANGUAGES:
        raise CorpusError(f"{where}: language {article.language!r} is not one of {LANGUAGES}")
    try:
        PartialDate.parse(article.published)
    except ValueError as error:
        raise CorpusError(f"{where}: published: {error}") from None
    unknown = [kind for kind in article.labelled if kind not in FACT_KINDS]
    if unknown:
        raise CorpusError(f"{where}: labelled: unknown kinds {unknown}")
    if article.distractor and article.labelled != FACT_KINDS:
        raise CorpusError(f"{where}: a distractor is labelled for every kind")
    if article.distractor and article.expected:
        raise CorpusError(f"{where}: a distractor expects nothing")
    for number, fact in enumerate(article.expected, 1):
        if fact.get("kind") not in FACT_KINDS:
            raise CorpusError(f"{where}: expected #{number}: kind {fact.get('kind')!r}")
        if fact["kind"] not in article.labelled:
            raise CorpusError(f"{where}: expected #{number}: kind {fact['kind']} is not labelled")
        quote = fact.get("quote")
        if quote and quote not in article.text:
            raise CorpusError(f"{where}: expected #{number}: quote not in the text: {quote!r}")
        if fact.get("date"):
            try:
                value = PartialDate.parse(str(fact["date"]))
            except ValueError as error:
                raise CorpusError(f"{where}: expected #{number}: date: {error}") from None
            if fact.get("date_precision") and fact["date_precision"] != value.precision:
                raise CorpusError(
                    f"{where}: expected #{number}: date {fact['date']} is not at "
                    f"precision {fact['date_precision']}"
                )


def load_article(path: Path, split: str) -> CorpusArticle:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise CorpusError(f"{path}: expected a mapping")
    missing = [k for k in ("id", "language", "published", "text") if not data.get(k)]
    if missing:
        raise CorpusError(f"{path}: missing {', '.join(missing)}")
    article = CorpusArticle(
        id=str(data["id"]),
        split=split,
        language=str(data["language"]),
        published=str(data["published"]),
        text=str(data["text"]),
        expected=list(data.get("expected") or []),
        title=str(data.get("title") or ""),
        distractor=bool(data.get("distractor")),
        path=str(path),
        labelled=tuple(data.get("labelled") or FACT_KINDS),
    )
    _check(article)
    return article


def load_split(root: Path | str, split: str) -> list[CorpusArticle]:
    """Every article of `root/<split>/*.yaml`, sorted by id."""
    folder = Path(root) / split
    if not folder.is_dir():
        raise CorpusError(f"no such corpus split: {folder}")
    return sorted(
        (load_article(p, split) for p in sorted(folder.glob("*.yaml"))), key=lambda a: a.id
    )


# --- the seed documents as a split ---------------------------------------------------------


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle) or []


def _cites(record: dict[str, Any], source: str) -> list[str]:
    return [c["quote"] for c in record.get("citations") or () if c.get("source") == source]


def _dated(fact: dict[str, Any], value: Any) -> dict[str, Any]:
    if value:
        date = PartialDate.parse(str(value))
        fact["date"], fact["date_precision"] = date.iso(), date.precision
    return fact


def seed_articles(seeds_root: Path | str) -> list[CorpusArticle]:
    """The seed texts with the facts the curated seed YAML draws from each.

    `seeds_root` holds `data/` (YAML) and `sources/` (texts): `seeds/` today,
    `seeding/` after the house move.
    """
    root = Path(seeds_root)
    data = root / "data"
    sources = _read(data / "sources.yaml")
    records = {
        name: _read(data / f"{name}.yaml")
        for name in ("agreements", "meetings", "figures", "commitments", "people")
    }
    articles = []
    for source in sources:
        slug = source["slug"]
        text = (root / "sources" / source["file"]).read_text(encoding="utf-8")
        expected: list[dict[str, Any]] = []
        for agreement in records["agreements"]:
            for event in agreement.get("status_events") or ():
                quotes = _cites(event, slug)
                if quotes:
                    fact = {
                        "kind": "status_event",
                        "target": agreement["slug"],
                        "status": event["status"],
                        "party": event.get("party"),
                        "quote": quotes[0],
                        "inferred": bool(event.get("date_inferred")),
                    }
                    expected.append(_dated(fact, event.get("date")))
        for meeting in records["meetings"]:
            quotes = _cites(meeting, slug)
            if quotes:
                fact = {
                    "kind": "meeting",
                    "target": meeting["slug"],
                    "title": meeting["title"],
                    "quote": quotes[0],
                    "inferred": bool(meeting.get("start_on_inferred")),
                }
                expected.append(_dated(fact, meeting.get("start_on")))
        for figure in records["figures"]:
            quotes = _cites(figure, slug)
            if quotes:
                fact = {
                    "kind": "figure",
                    "target": figure["slug"],
                    "title": figure["name"],
                    "value": str(figure["value"]),
                    "unit": figure["unit"],
                    "multiplier": None,
                    "quote": quotes[0],
                }
                expected.append(_dated(fact, figure.get("as_of")))
        for commitment in records["commitments"]:
            quotes = _cites(commitment, slug)
            if quotes:
                events = commitment.get("status_events") or [{}]
                expected.append(
                    {
                        "kind": "commitment",
                        "target": commitment["slug"],
                        "title": commitment["title"],
                        "status": events[0].get("status"),
                        "quote": quotes[0],
                    }
                )
        for person in records["people"]:
            quotes = _cites(person, slug)
            if quotes:
                expected.append(
                    {
                        "kind": "person",
                        "target": person["slug"],
                        "title": person["name"],
                        "quote": quotes[0],
                    }
                )
        article = CorpusArticle(
            id=f"seed-{slug}",
            split="seed",
            language=source.get("language", "en"),
            published=str(source["published_on"]),
            text=text,
            expected=expected,
            title=source.get("title", ""),
            path=str(data / "sources.yaml"),
        )
        _check(article)
        articles.append(article)
    return articles

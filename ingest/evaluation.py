"""Measure the extractor on a labelled corpus: precision, recall, speed.

    python -m ingest.evaluation ingest/corpus --split dev --split seed

How a proposal matches an expected fact (one to one, greedily, within an
article and a kind):

* status_event: target, status, date and date_precision all equal (the
  event type and party are reported but not required);
* figure: the same amount (value × multiplier, so "2.8" billion equals
  "2800000000") and the same unit;
* meeting: the same target when the expected fact has one; otherwise a
  title similarity ≥ 60 (rapidfuzz token_set_ratio) or quotes that overlap
  in the text; and, when the expected fact is dated, the same date and
  precision;
* commitment, new_agreement: the same target when the expected fact has
  one, otherwise title similarity ≥ 60 or overlapping quotes;
* person: the same target, or names similar ≥ 85.

Every proposal on a distractor article is a false positive. An article
labelled for some kinds only (`labelled: [status_event]`) is scored on those
kinds: its proposals of other kinds are left out, neither right nor wrong. Precision is
matched / proposed, recall matched / expected, per kind and per language.
Timing: milliseconds per 1,000 words over the corpus, and the time for one
2,000-word article made of the corpus's English texts (after warm-up).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from ingest.corpus import FACT_KINDS, LANGUAGES, CorpusArticle, load_split, seed_articles
from ingest.extract.build import build_gazetteer
from ingest.extract.figures import MULTIPLIERS
from ingest.extract.gazetteer import Gazetteer
from ingest.extract.language import detect_language
from ingest.extract.pipeline import extract
from ingest.extract.proposals import Proposal

UNIT_SYNONYMS = {
    "company": "companies", "enterprises": "companies", "enterprise": "companies",
    "firms": "companies", "tons": "tonnes", "ton": "tonnes", "tonne": "tonnes",
    "%": "percent", "per cent": "percent", "student": "students",
    "scholarship": "scholarships", "$": "USD", "£": "GBP", "€": "EUR",
}  # fmt: skip


@dataclass
class Tally:
    tp: int = 0
    proposed: int = 0
    expected: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / self.proposed if self.proposed else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.expected if self.expected else None


@dataclass
class ArticleResult:
    article: CorpusArticle
    proposals: list[Proposal]
    matched: list[tuple[dict[str, Any], Proposal]]
    missed: list[dict[str, Any]]
    spurious: list[Proposal]
    seconds: float


@dataclass
class Report:
    results: list[ArticleResult] = field(default_factory=list)
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_language: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    language_correct: int = 0
    startup_seconds: float = 0.0
    ms_per_1000_words: float = 0.0
    seconds_2000_words: float = 0.0


# --- matching -----------------------------------------------------------------------


def _amount(value: Any, multiplier: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) * MULTIPLIERS.get(str(multiplier or ""), 1)
    except InvalidOperation:
        return None


def _unit(unit: Any) -> str:
    text = str(unit or "").strip()
    text = UNIT_SYNONYMS.get(text.casefold(), text)
    return text.upper() if len(text) == 3 and text.isalpha() and text.isupper() else text.casefold()


def _overlaps(text: str, fact: dict[str, Any], proposal: Proposal) -> bool:
    quote = fact.get("quote")
    if not quote:
        return False
    start = text.find(quote)
    return start >= 0 and start < proposal.end and proposal.start < start + len(quote)


def _similar(a: Any, b: Any, cutoff: float) -> bool:
    return bool(a and b) and fuzz.token_set_ratio(str(a).casefold(), str(b).casefold()) >= cutoff


def _same_date(fact: dict[str, Any], proposal: Proposal) -> bool:
    if not fact.get("date"):
        return True
    return (
        str(fact["date"]) == proposal.date and fact.get("date_precision") == proposal.date_precision
    )


def matches(text: str, fact: dict[str, Any], proposal: Proposal) -> bool:
    """Does a proposal find an expected fact? (The rules are in the module docstring.)"""
    kind = fact["kind"]
    if proposal.kind != kind:
        return False
    if kind == "status_event":
        return (
            proposal.target == fact.get("target")
            and proposal.status == fact.get("status")
            and proposal.date == (str(fact["date"]) if fact.get("date") else None)
            and proposal.date_precision == fact.get("date_precision")
        )
    if kind == "figure":
        return _amount(proposal.value, proposal.multiplier) == _amount(
            fact.get("value"), fact.get("multiplier")
        ) and _unit(proposal.unit) == _unit(fact.get("unit"))
    if kind == "person":
        if fact.get("target"):
            return proposal.target == fact["target"] or (
                proposal.target is None and _similar(proposal.title, fact.get("title"), 85)
            )
        return _similar(proposal.title, fact.get("title"), 85)
    if fact.get("target"):
        found = proposal.target == fact["target"]
    else:
        found = proposal.target is None and (
            _similar(proposal.title, fact.get("title"), 60) or _overlaps(text, fact, proposal)
        )
    if kind == "meeting":
        return found and _same_date(fact, proposal)
    return found


def score_article(
    article: CorpusArticle, proposals: list[Proposal], seconds: float
) -> ArticleResult:
    remaining = list(proposals)
    matched, missed = [], []
    for fact in article.expected:
        hit = next((p for p in remaining if matches(article.text, fact, p)), None)
        if hit is None:
            missed.append(fact)
        else:
            remaining.remove(hit)
            matched.append((fact, hit))
    return ArticleResult(article, proposals, matched, missed, remaining, seconds)


# --- running ------------------------------------------------------------------------


def evaluate(
    articles: Sequence[CorpusArticle], gazetteer: Gazetteer, *, startup_seconds: float = 0.0
) -> Report:
    report = Report(startup_seconds=startup_seconds)
    words = 0
    total = 0.0
    for article in articles:
        report.language_correct += detect_language(article.text) == article.language
        began = time.perf_counter()
        proposals = extract(
            article.text,
            published=article.published,
            language=article.language,
            gazetteer=gazetteer,
        )
        seconds = time.perf_counter() - began
        proposals = [p for p in proposals if p.kind in article.labelled]
        words += article.words
        total += seconds
        result = score_article(article, proposals, seconds)
        report.results.append(result)
        for kind in FACT_KINDS:
            tally = Tally(
                tp=sum(1 for f, _ in result.matched if f["kind"] == kind),
                proposed=sum(1 for p in proposals if p.kind == kind),
                expected=sum(1 for f in article.expected if f["kind"] == kind),
            )
            for key, into in (
                (kind, report.by_kind),
                ((kind, article.language), report.by_language),
            ):
                into[key].tp += tally.tp
                into[key].proposed += tally.proposed
                into[key].expected += tally.expected
    report.ms_per_1000_words = 1000 * total / words * 1000 if words else 0.0
    report.seconds_2000_words = time_long_article(articles, gazetteer)
    return report


def time_long_article(articles: Iterable[CorpusArticle], gazetteer: Gazetteer) -> float:
    """Seconds for one 2,000-word English article (median of three runs)."""
    pool = [a for a in articles if a.language == "en" and not a.distractor] or list(articles)
    if not pool:
        return 0.0
    paragraphs: list[str] = []
    count = 0
    while count < 2000:
        for article in pool:
            # Whole paragraphs, cut at the 2,000th word.
            for line in article.text.strip().splitlines():
                words = line.split()[: 2000 - count]
                if words:
                    paragraphs.append(" ".join(words))
                    count += len(words)
    text = "\n".join(paragraphs)
    runs = []
    for _ in range(3):
        began = time.perf_counter()
        extract(text, published=pool[0].published, language="en", gazetteer=gazetteer)
        runs.append(time.perf_counter() - began)
    return statistics.median(runs)


# --- printing -----------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "   —" if value is None else f"{value:4.2f}"


def format_report(report: Report, title: str) -> str:
    lines = [title, ""]
    head = f"{'kind':<14}{'lang':<6}{'match':>6}{'prop':>6}{'exp':>6}{'prec':>7}{'recall':>8}"
    lines.append(head)
    lines.append("-" * len(head))
    # A kind is shown when some non-distractor article was labelled for it.
    labelled = {
        kind for r in report.results if not r.article.distractor for kind in r.article.labelled
    } or set(FACT_KINDS)
    for kind in FACT_KINDS:
        rows = [("all", report.by_kind.get(kind, Tally()))]
        rows += [(lang, report.by_language.get((kind, lang), Tally())) for lang in LANGUAGES]
        for lang, t in rows:
            if not (t.proposed or t.expected) or kind not in labelled:
                continue
            lines.append(
                f"{kind if lang == 'all' else '':<14}{lang:<6}{t.tp:>6}{t.proposed:>6}"
                f"{t.expected:>6}{_pct(t.precision):>7}{_pct(t.recall):>8}"
            )
    n = len(report.results)
    lines += [
        "",
        f"articles: {n} ({', '.join(f'{lang} {sum(r.article.language == lang for r in report.results)}' for lang in LANGUAGES)}; "  # noqa: E501
        f"distractors {sum(r.article.distractor for r in report.results)})",
        f"language detection: {report.language_correct}/{n} right",
        f"start-up (gazetteer build): {report.startup_seconds * 1000:.0f} ms",
        f"speed: {report.ms_per_1000_words:.1f} ms per 1,000 words; "
        f"a 2,000-word article: {report.seconds_2000_words * 1000:.0f} ms",
    ]
    return "\n".join(lines)


FIELDS = ("target", "title", "status", "date", "date_precision", "value", "unit", "multiplier")


def format_errors(report: Report, kinds: Iterable[str]) -> str:
    kinds = set(kinds)
    lines = []
    for r in report.results:
        missed = [f for f in r.missed if f["kind"] in kinds]
        spurious = [p for p in r.spurious if p.kind in kinds]
        if not (missed or spurious):
            continue
        lines.append(f"== {r.article.id} (published {r.article.published})")
        for f in missed:
            what = {k: f.get(k) for k in FIELDS if f.get(k)}
            lines.append(f"  MISSED {f['kind']} {what}")
        for p in spurious:
            what = {k: getattr(p, k) for k in FIELDS if getattr(p, k, None)}
            lines.append(f"  EXTRA  {p.kind} {what} | {p.reason[:110]}")
    return "\n".join(lines)


def default_seeds_root() -> Path:
    """`seeding/` after the house move, `seeds/` before it."""
    for name in ("seeding", "seeds"):
        if (Path(name) / "data" / "sources.yaml").exists():
            return Path(name)
    return Path("seeds")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ingest.evaluation",
        description="Precision and recall of the ingestion extractor on a labelled corpus.",
    )
    parser.add_argument("corpus", type=Path, help="the corpus folder (holds dev/, heldout/)")
    parser.add_argument(
        "--split",
        action="append",
        help="split(s) to measure: dev, heldout, or seed (the seed documents); default dev",
    )
    parser.add_argument(
        "--seeds-root", type=Path, default=None, help="folder with data/ and sources/ (seeds)"
    )
    parser.add_argument(
        "--errors",
        action="append",
        default=[],
        metavar="KIND",
        help="also list misses and false positives of this kind",
    )
    args = parser.parse_args(argv)
    seeds_root = args.seeds_root or default_seeds_root()
    began = time.perf_counter()
    gazetteer = build_gazetteer(seeds_root / "data")
    startup = time.perf_counter() - began
    splits = args.split or ["dev"]
    articles: list[CorpusArticle] = []
    for split in splits:
        articles += seed_articles(seeds_root) if split == "seed" else load_split(args.corpus, split)
    report = evaluate(articles, gazetteer, startup_seconds=startup)
    print(format_report(report, f"Ingestion extractor on {' + '.join(splits)}"))
    if args.errors:
        print()
        print(format_errors(report, args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Ingesting one article: a draft Source holding the text verbatim and the
facts the extractor proposes from it, stored together or not at all.

Shared by `manage.py ingest` and the admin's "Ingest an article" page, so
both refuse the same bad input with the same messages.
"""

import functools
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from core.dates import parse_partial_date
from core.models import PublicationState
from evidence.models import Source, SourceKind, text_digest
from evidence.quotes import locate_quote
from ingest.extract.build import build_gazetteer
from ingest.extract.gazetteer import Gazetteer
from ingest.extract.html import html_to_article, looks_like_html
from ingest.extract.language import detect_language
from ingest.extract.proposals import Proposal as Extracted
from ingest.gazetteer_db import with_database_records
from ingest.models import Proposal

LANGUAGES = ("en", "ru", "kk")
# The model each kind of proposal's target is a record of.
TARGET_MODELS = {
    "status_event": "agreements.Agreement",
    "new_agreement": "agreements.Agreement",
    "meeting": "dialogue.Meeting",
    "figure": "agreements.Figure",
    "commitment": "agreements.Commitment",
    "person": "people.Person",
}
# Control characters other than tab, newline, carriage return and form feed
# mean the file is not text.
_CONTROL = {chr(c) for c in range(32)} - set("\t\n\r\f")


class IngestError(ValueError):
    """Bad input, named: the message says what is wrong and where."""


@dataclass
class Article:
    """What the editor gives: the file's bytes (or pasted text) and metadata."""

    data: bytes | str
    published: str
    name: str = "the text"
    url: str = ""
    publisher: str = ""
    title: str = ""
    language: str = ""


@dataclass
class Ingested:
    source: Source
    proposals: list[Extracted] = field(default_factory=list)
    stored: list[Proposal] = field(default_factory=list)


@functools.cache
def gazetteer() -> Gazetteer:
    """Every record of the curated seed data and its aliases (built once a
    process: about a second)."""
    return build_gazetteer(Path(settings.SEEDS_DIR) / "data")


def read_text(data: bytes | str, name: str) -> tuple[str, str]:
    """The text of a file and its title, if it gives one (an HTML page's):
    UTF-8, not empty, not binary; HTML reduced to the article."""
    if isinstance(data, bytes):
        if b"\x00" in data:
            raise IngestError(f"{name} is a binary file (it contains NUL bytes), not text or HTML")
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise IngestError(
                f"{name} is not UTF-8 text (byte {exc.start}: {data[exc.start : exc.start + 1]!r})"
            ) from None
    control = next((c for c in data if c in _CONTROL), None)
    if control is not None:
        raise IngestError(
            f"{name} is a binary file (control character {control!r} at offset "
            f"{data.index(control)}), not text or HTML"
        )
    if not data.strip():
        raise IngestError(f"{name} is empty")
    if looks_like_html(data):
        try:
            page = html_to_article(data)
        except ValueError as exc:
            raise IngestError(f"{name}: {exc}") from None
        return page.text, page.title or ""
    return data, ""


def check_metadata(article: Article) -> tuple:
    """The publication date (first day, precision) and language, or an IngestError."""
    try:
        published = parse_partial_date(article.published or "")
    except ValueError as exc:
        raise IngestError(f"--published: {exc}") from None
    if article.language and article.language not in LANGUAGES:
        raise IngestError(
            f"--language: {article.language!r} is not a language of the tracker; "
            f"use {', '.join(LANGUAGES)}"
        )
    return published


def ingest_article(article: Article, *, dry_run: bool = False) -> Ingested:
    """Read, check and extract; then, unless `dry_run`, store the draft
    Source and its proposals in one transaction. Raises IngestError,
    having stored nothing, on any bad input."""
    (published_on, precision) = check_metadata(article)
    text, page_title = read_text(article.data, article.name)
    title = (article.title or page_title or _first_line(text))[:300]
    digest = text_digest(text)
    existing = Source.objects.filter(sha256=digest).values_list("slug", flat=True).first()
    if existing is not None:
        raise IngestError(f"{article.name} is already stored: source {existing!r} has this text")
    language = article.language or detect_language(text)
    known = with_database_records(gazetteer())
    # Imported here: its cue tables take about half a second to build, which
    # every process (the admin, each manage.py command) paid at start-up.
    from ingest.extract.pipeline import extract

    found = extract(text, published=article.published, language=language, gazetteer=known)
    for proposal in found:
        # The same quote rule as every citation, before anything is stored.
        if locate_quote(text, proposal.quote) is None:
            raise IngestError(f"the extractor's quote {proposal.quote!r} is not in the text")
    source = Source(
        slug=_unique_slug(title, article.published),
        title=title,
        publisher=article.publisher,
        url=article.url,
        kind=SourceKind.NEWS,
        language=language,
        text=text,
        published_on=published_on,
        published_on_precision=precision,
        publication=PublicationState.DRAFT,
        note="Ingested; proposals to review in the admin.",
    )
    result = Ingested(source=source, proposals=found)
    if not dry_run:
        try:
            with transaction.atomic():
                _store(result)
        except ValidationError as exc:
            raise IngestError(_named(exc)) from None
    return result


def _named(exc: ValidationError) -> str:
    """A model's validation errors as one line naming each field."""
    if not hasattr(exc, "error_dict"):
        return " ".join(exc.messages)
    return "; ".join(f"--{name}: {' '.join(errors)}" for name, errors in exc.message_dict.items())


def _store(result: Ingested) -> None:
    source = result.source
    source.full_clean()
    source.save()
    parties = _organisations({p.party for p in result.proposals if p.party})
    targets = _targets(result.proposals)
    for position, found in enumerate(result.proposals):
        proposal = from_extracted(found, source=source, position=position)
        proposal.party = parties.get(found.party)
        record = targets.get((found.kind, found.target))
        if record is not None:
            proposal.target_type = ContentType.objects.get_for_model(record)
            proposal.target_id = record.pk
        proposal.full_clean()
        proposal.save()
        result.stored.append(proposal)


def from_extracted(found: Extracted, *, source: Source, position: int) -> Proposal:
    date, precision = (None, "day")
    if found.date:
        date, precision = parse_partial_date(found.date)
    return Proposal(
        source=source,
        position=position,
        kind=found.kind,
        target_slug=found.target or "",
        title=(found.title or "")[:300],
        status=found.status or "",
        event=found.event or "",
        date=date,
        date_precision=found.date_precision or precision,
        value=found.value or "",
        multiplier=found.multiplier or "",
        unit=found.unit or "",
        quote=found.quote,
        start=found.start,
        end=found.end,
        confidence=found.confidence,
        reason=found.reason,
    )


def _organisations(slugs: set[str]) -> dict:
    model = apps.get_model("people", "Organisation")
    return {o.slug: o for o in model.objects.filter(slug__in=slugs)} if slugs else {}


def _targets(found: list[Extracted]) -> dict:
    """The existing records the proposals are about, one query per model."""
    wanted: dict[str, set[str]] = {}
    for proposal in found:
        if proposal.target:
            wanted.setdefault(TARGET_MODELS[proposal.kind], set()).add(proposal.target)
    records = {}
    for label, slugs in wanted.items():
        for record in apps.get_model(label).objects.filter(slug__in=slugs):
            records[(label, record.slug)] = record
    return {
        (p.kind, p.target): records.get((TARGET_MODELS[p.kind], p.target))
        for p in found
        if p.target
    }


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "Untitled")


def _unique_slug(title: str, published: str) -> str:
    base = slugify(title)[:100].strip("-")
    if not any("a" <= char <= "z" for char in base):
        # A Cyrillic title leaves no words in an ASCII slug: the date names it then.
        base = f"article-{published}"
    taken = set(Source.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def as_json(found: Extracted) -> dict:
    """A proposal as `--format json` and the issue name it."""
    data = found.as_dict()
    extra = data.pop("extra", None) or {}
    return {**data, **({"extra": extra} if extra else {})}

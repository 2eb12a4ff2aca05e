"""Source documents and the citations quoting them.

Every quote is written into its document's text as the document is
assembled, and its offsets recorded then, so each citation stands verbatim in
its source, as `evidence.quotes` requires. A document's Source row is written
once its text is final (`finish_documents`).
"""

import datetime
import hashlib
from typing import NamedTuple

from demo import words
from demo.generator.context import DEMO_PREFIX, PUBLISHED, DemoContext
from demo.generator.document import Document
from evidence.models import Citation, Source, SourceKind

# Records outside the reports are described by briefings of this many quotes.
CITATIONS_PER_BRIEFING = 60


class Report(NamedTuple):
    """The pair of documents that report a run of agreements."""

    news: Document
    official: Document


def new_document(ctx: DemoContext, kind: str, title: str) -> Document:
    ctx.documents_made += 1
    publisher = ctx.r.choice(words.SOURCE_PUBLISHERS)
    document = Document(ctx.new_id(Source), kind, title, publisher)
    ctx.open_documents.append(document)
    return document


def new_report(ctx: DemoContext, number: int) -> Report:
    """A news round-up and an official register, the round-up with its lead."""
    r = ctx.r
    news = new_document(ctx, SourceKind.NEWS, f"Kazakhstan-UK agreements round-up no. {number}")
    official = new_document(
        ctx,
        r.choice((SourceKind.OFFICIAL, SourceKind.PRESS_RELEASE)),
        f"Register of Kazakhstan-UK instruments, part {number}",
    )
    news.say(r.choice(words.BACKGROUND))
    return Report(news, official)


def briefing(ctx: DemoContext) -> Document:
    """The current briefing document, for records outside the reports."""
    if ctx.briefing is None or ctx.briefing_citations >= CITATIONS_PER_BRIEFING:
        kind = ctx.r.choice((SourceKind.PRESS_RELEASE, SourceKind.OFFICIAL, SourceKind.NEWS))
        ctx.briefing = new_document(
            ctx, kind, f"Briefing on Kazakhstan-UK contacts no. {ctx.documents_made + 1}"
        )
        ctx.briefing.say(ctx.r.choice(words.BACKGROUND))
        ctx.briefing_citations = 0
    ctx.briefing_citations += 1
    return ctx.briefing


def cite(
    ctx: DemoContext,
    document: Document,
    sentence: str,
    model,
    pk: int,
    position: int,
    *,
    quote: str | None = None,
    field_name: str = "",
    day: datetime.date | None = None,
) -> None:
    """Write `sentence` into the document and cite it (or the `quote`
    part of it) in support of one record."""
    start = document.say(sentence)
    if quote is not None:
        start += sentence.index(quote)
    else:
        quote = sentence
    if day is not None and day > document.latest:
        document.latest = day
    created, updated = ctx.stamps(day or document.latest)
    ctx.add(
        Citation,
        {
            "id": ctx.new_id(Citation),
            "created_at": created,
            "updated_at": updated,
            "source_id": document.pk,
            "quote": quote,
            "start": start,
            "end": start + len(quote),
            "content_type_id": ctx.content_types[model],
            "object_id": pk,
            "field_name": field_name,
            "position": position,
        },
    )


def finish_documents(ctx: DemoContext) -> None:
    """Write the open documents' Source rows. A finished text is final:
    later quotes go into new documents."""
    for document in ctx.open_documents:
        _add_source(ctx, document)
    ctx.open_documents, ctx.briefing = [], None


def _add_source(ctx: DemoContext, document: Document) -> None:
    text = document.text()
    day, precision = ctx.partial_date(document.latest)
    created, updated = ctx.stamps(document.latest)
    number = f"{ctx.ordinal(Source, document.pk):07d}"
    ctx.add(
        Source,
        {
            "id": document.pk,
            "created_at": created,
            "updated_at": updated,
            "publication": PUBLISHED,
            "published_on": day,
            "published_on_precision": precision,
            "slug": f"{DEMO_PREFIX}source-{number}",
            "title": f"[Demo] {document.title}",
            "publisher": document.publisher,
            "kind": document.kind,
            "language": "en",
            "text": text,
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "note": "Synthetic demo data (generate_demo_data); not a real document.",
        },
    )

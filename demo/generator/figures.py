"""Figures the sources quote: a metric's value as of a date, with its quote."""

import datetime
from decimal import Decimal

from agreements.models import Approximation, Figure
from demo import words
from demo.generator.context import DEMO_PREFIX, PUBLISHED, DemoContext
from demo.generator.dates import when
from demo.generator.document import Document
from demo.generator.registry import Registry
from demo.generator.sources import cite
from demo.generator.text import slug_words

APPROXIMATION_WORDS = {
    Approximation.EXACT: "",
    Approximation.ABOUT: "about ",
    Approximation.OVER: "over ",
    Approximation.UNDER: "under ",
    Approximation.AT_LEAST: "at least ",
    Approximation.AT_MOST: "up to ",
}
# Exact five times in ten, each approximation once.
APPROXIMATIONS = (Approximation.EXACT,) * 5 + tuple(APPROXIMATION_WORDS)[1:]


def make_figure(ctx: DemoContext, registry: Registry, document: Document) -> None:
    r = ctx.r
    pk = ctx.new_id(Figure)
    label, unit, worded, low, high = r.choice(words.FIGURE_METRICS)
    field_index = r.randrange(len(words.FIELDS))
    name = label.format(field=words.FIELDS[field_index].phrase)
    value = r.randrange(low, high)
    value_text = worded.format(v=f"{value:,}")
    approximation = r.choice(APPROXIMATIONS)
    as_of, precision = ctx.partial_date(ctx.random_day(datetime.date(2005, 1, 1)))
    created, updated = ctx.stamps(as_of)
    ctx.add(
        Figure,
        {
            "id": pk,
            "created_at": created,
            "updated_at": updated,
            "publication": PUBLISHED,
            "slug": f"{DEMO_PREFIX}figure-{ctx.ordinal(Figure, pk)}-{slug_words(name, 60)}",
            "name": name,
            "metric": f"{DEMO_PREFIX}{slug_words(name, 100)}",
            "value": Decimal(value) * (1_000_000 if "million" in worded else 1),
            "unit": unit,
            "value_text": value_text,
            "approximation": approximation,
            "subject_id": r.choice(registry.organisations.states) if r.random() < 0.5 else None,
            "as_of": as_of,
            "as_of_precision": precision,
        },
    )
    for topic in registry.field_topics[field_index][:1]:
        ctx.add(Figure.topics.through, {"figure_id": pk, "topic_id": topic})
    clause = f"{name} stood at {APPROXIMATION_WORDS[approximation]}{value_text}"
    sentence = f"{clause} {when(as_of, precision)}."
    cite(ctx, document, sentence, Figure, pk, 0, quote=clause, day=as_of)

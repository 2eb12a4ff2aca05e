"""Organisations: the two states, the bodies of the word lists, and invented
ones up to the number asked for."""

import datetime

from demo import words
from demo.generator.context import DEMO_PREFIX, PUBLISHED, DemoContext
from demo.generator.registry import Organisations
from demo.generator.sources import briefing, cite
from demo.generator.text import slug_words
from people.models import Organisation

COUNTRY_NAMES = {"KZ": "Kazakhstan", "GB": "the United Kingdom"}


def make_organisations(ctx: DemoContext, count: int) -> Organisations:
    names: dict[int, str] = {}
    kazakhstan = _organisation(ctx, names, "Kazakhstan", "state", "KZ")
    united_kingdom = _organisation(ctx, names, "United Kingdom", "state", "GB", short_name="UK")
    by_country: dict[str, list[int]] = {"KZ": [], "GB": []}
    for name, kind in words.GB_BODIES:
        by_country["GB"].append(_organisation(ctx, names, name, kind, "GB", parent=united_kingdom))
    for area in words.MINISTRY_AREAS:
        name = f"Ministry of {area} of Kazakhstan"
        by_country["KZ"].append(
            _organisation(ctx, names, name, "ministry", "KZ", parent=kazakhstan)
        )
    for name, kind in words.KZ_BODIES_EXTRA:
        by_country["KZ"].append(_organisation(ctx, names, name, kind, "KZ"))
    made = 2 + len(words.GB_BODIES) + len(words.MINISTRY_AREAS) + len(words.KZ_BODIES_EXTRA)
    for _ in range(max(0, count - made)):
        country, name, kind = _invent(ctx)
        by_country[country].append(_organisation(ctx, names, name, kind, country))
    return Organisations(names, kazakhstan, united_kingdom, by_country)


def _invent(ctx: DemoContext) -> tuple[str, str, str]:
    """(country, name, kind) of an organisation beyond the word lists."""
    r = ctx.r
    country = r.choice(("KZ", "GB"))
    places = words.KZ_PLACES if country == "KZ" else words.GB_PLACES
    surnames = words.KZ_LAST if country == "KZ" else words.GB_LAST
    form, kind = r.choice(words.ORG_FORMS)
    name = form.format(
        place=r.choice(places),
        adj=r.choice(words.ADJECTIVES),
        field_t=r.choice(words.FIELDS).phrase.title(),
        surname=r.choice(surnames),
        industry=r.choice(words.INDUSTRIES),
        country="Kazakhstan" if country == "KZ" else "Britain",
    )
    return country, name, kind


def _organisation(
    ctx: DemoContext,
    names: dict[int, str],
    name: str,
    kind: str,
    country: str,
    *,
    parent: int | None = None,
    short_name: str = "",
) -> int:
    """One organisation, with a quote or two in a briefing; its id."""
    r = ctx.r
    pk = ctx.new_id(Organisation)
    created, updated = ctx.stamps(ctx.random_day(datetime.date(2015, 1, 1)))
    where = COUNTRY_NAMES.get(country, "abroad")
    description = (
        f"{name}, a {kind.replace('_', ' ')} in {where}, works on "
        f"{r.choice(words.FIELDS).phrase} and {r.choice(words.FIELDS).phrase}."
    )
    ctx.add(
        Organisation,
        {
            "id": pk,
            "created_at": created,
            "updated_at": updated,
            "publication": PUBLISHED,
            "slug": f"{DEMO_PREFIX}org-{ctx.ordinal(Organisation, pk)}-{slug_words(name, 60)}",
            "name": name,
            "short_name": short_name,
            "kind": kind,
            "country": country,
            "parent_id": parent,
            "description": description,
        },
    )
    for position in range(r.choice((1, 1, 2))):
        sentence = (
            f"{name} {r.choice(('said', 'confirmed', 'announced', 'reported'))} that it "
            f"would {r.choice(words.AIMS)} through work on {r.choice(words.FIELDS).phrase}."
        )
        cite(ctx, briefing(ctx), sentence, Organisation, pk, position)
    names[pk] = name
    return pk

"""People, each with a post or two at an organisation of their country."""

import datetime
from typing import NamedTuple

from demo import words
from demo.generator.context import DEMO_PREFIX, PUBLISHED, DemoContext
from demo.generator.dates import DAY, LAST_DAY, when
from demo.generator.registry import Organisations, People
from demo.generator.sources import briefing, cite
from demo.generator.text import slug_words
from people.models import Person, Post


class Nationality(NamedTuple):
    """The words a person of one country is made of."""

    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    post_forms: tuple[str, ...]
    places: tuple[str, ...]


NATIONALITIES = {
    "KZ": Nationality(words.KZ_FIRST, words.KZ_LAST, words.KZ_POSTS, words.KZ_PLACES),
    "GB": Nationality(words.GB_FIRST, words.GB_LAST, words.GB_POSTS, words.GB_PLACES),
}


class PersonMade(NamedTuple):
    id: int
    name: str
    country: str


def make_people(ctx: DemoContext, count: int, organisations: Organisations) -> People:
    people = People()
    for _ in range(count):
        person = _person(ctx)
        people.by_country[person.country].append(person.id)
        people.names[person.id] = person.name
        start = ctx.random_day(datetime.date(1995, 1, 1), datetime.date(2024, 1, 1))
        for position in range(ctx.r.choice((1, 1, 1, 2))):
            # Each post starts where the one before ended.
            start = _post(ctx, person, position, start, organisations)
    return people


def _person(ctx: DemoContext) -> PersonMade:
    """The person's row, and a quote about them in a briefing."""
    r = ctx.r
    country = r.choice(("KZ", "GB"))
    nationality = NATIONALITIES[country]
    name = f"{r.choice(nationality.first_names)} {r.choice(nationality.last_names)}"
    pk = ctx.new_id(Person)
    created, updated = ctx.stamps(ctx.random_day(datetime.date(2010, 1, 1)))
    field = r.choice(words.FIELDS).phrase
    ctx.add(
        Person,
        {
            "id": pk,
            "created_at": created,
            "updated_at": updated,
            "publication": PUBLISHED,
            "slug": f"{DEMO_PREFIX}person-{ctx.ordinal(Person, pk)}-{slug_words(name)}",
            "name": name,
            "country": country,
            "description": f"Works on {field} and {r.choice(words.FIELDS).phrase}.",
        },
    )
    sentence = f"{name} has long been involved in {field}, colleagues said."
    cite(ctx, briefing(ctx), sentence, Person, pk, 0)
    return PersonMade(pk, name, country)


def _post(
    ctx: DemoContext,
    person: PersonMade,
    position: int,
    start: datetime.date,
    organisations: Organisations,
) -> datetime.date:
    """One post from `start`, with its quote; returns the day it ends (or would)."""
    r = ctx.r
    nationality = NATIONALITIES[person.country]
    title = r.choice(nationality.post_forms).format(
        area=r.choice(words.MINISTRY_AREAS), place=r.choice(nationality.places)
    )
    start_on, start_precision = ctx.partial_date(start)
    end = start + datetime.timedelta(days=r.randrange(300, 2500))
    ended = end < LAST_DAY and r.random() < 0.6
    end_on, end_precision = ctx.partial_date(end, after=start_on) if ended else (None, DAY)
    post_id = ctx.new_id(Post)
    created, updated = ctx.stamps(start)
    ctx.add(
        Post,
        {
            "id": post_id,
            "created_at": created,
            "updated_at": updated,
            "person_id": person.id,
            "organisation_id": r.choice(organisations.by_country[person.country]),
            "title": title,
            "position": position,
            "start_on": start_on if r.random() < 0.7 else None,
            "start_on_precision": start_precision,
            "end_on": end_on,
            "end_on_precision": end_precision,
        },
    )
    cite(
        ctx,
        briefing(ctx),
        f"{person.name}, {title}, took part in the talks {when(start_on, start_precision)}.",
        Post,
        post_id,
        0,
        quote=f"{person.name}, {title}",
        day=start_on,
    )
    return end

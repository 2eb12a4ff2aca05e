"""The records the database knows and the seed data does not (entered in the
admin, or accepted from an earlier article), added to the seed gazetteer so
the next article about them is matched to them.

Built from the same fields the seed YAML gives (`ingest.extract.build`), and
only rebuilt when those records change.
"""

from collections.abc import Iterator

from django.db.models import Count, Max

from agreements.models import Agreement
from core.dates import serialize_partial_date
from dialogue.models import Meeting
from ingest.extract.gazetteer import Entry, Gazetteer
from people.models import Organisation, Person

_MODELS = {
    "agreement": Agreement,
    "meeting": Meeting,
    "person": Person,
    "organisation": Organisation,
}
_cache: dict[tuple, Gazetteer] = {}


def with_database_records(base: Gazetteer) -> Gazetteer:
    known = {(entry.kind, entry.slug) for entry in base.entries}
    signature = _signature(known)
    if signature not in _cache:
        extra = list(database_entries(known))
        _cache.clear()
        _cache[signature] = Gazetteer([*base.entries, *extra]) if extra else base
    return _cache[signature]


def _signature(known: set[tuple[str, str]]) -> tuple:
    """How many records each model has beyond the seed's, and when one last changed."""
    parts = []
    for kind, model in _MODELS.items():
        slugs = [slug for k, slug in known if k == kind]
        stats = model.objects.exclude(slug__in=slugs).aggregate(
            n=Count("pk"), last=Max("updated_at")
        )
        parts.append((kind, stats["n"], stats["last"]))
    return tuple(parts)


def _entries(kind: str, slug: str, names: list[str], attrs: dict) -> Iterator[Entry]:
    """English names as English, acronyms (SPCA) in any language, as the seed builder does."""
    names = [name for name in names if name]
    english = tuple(name for name in names if not name.isupper())
    acronyms = tuple(name for name in names if name.isupper())
    if english:
        yield Entry(kind, slug, english, "en", attrs)
    if acronyms:
        yield Entry(kind, slug, acronyms, None, attrs)


def _not_known(model, kind: str, known: set[tuple[str, str]]):
    return model.objects.exclude(slug__in=[slug for k, slug in known if k == kind])


def database_entries(known: set[tuple[str, str]]) -> Iterator[Entry]:
    for agreement in _not_known(Agreement, "agreement", known).prefetch_related(
        "parties", "meetings"
    ):
        attrs = {
            "kind": agreement.kind,
            "parties": [party.slug for party in agreement.parties.all()],
            "meetings": [meeting.slug for meeting in agreement.meetings.all()],
            "signed_on": serialize_partial_date(agreement.signed_on, agreement.signed_on_precision),
        }
        yield from _entries(
            "agreement", agreement.slug, [agreement.title, agreement.short_title], attrs
        )
    meetings = _not_known(Meeting, "meeting", known).select_related("series")
    for meeting in meetings.prefetch_related("participations__person"):
        attrs = {
            "kind": meeting.kind,
            "series": meeting.series.slug if meeting.series else None,
            "number": meeting.number,
            "start_on": serialize_partial_date(meeting.start_on, meeting.start_on_precision),
            "status": meeting.status,
            "participants": [p.person.slug for p in meeting.participations.all() if p.person],
        }
        yield from _entries("meeting", meeting.slug, [meeting.title], attrs)
    for person in _not_known(Person, "person", known):
        names = [person.name]
        surname = person.name.split()[-1] if person.name.split() else ""
        if len(surname) >= 5:  # named by surname alone after the first mention
            names.append(surname)
        yield from _entries("person", person.slug, names, {"country": person.country})
    for org in _not_known(Organisation, "organisation", known).select_related("parent"):
        attrs = {
            "kind": org.kind,
            "country": org.country,
            "parent": org.parent.slug if org.parent else None,
        }
        yield from _entries("organisation", org.slug, [org.name, org.short_name], attrs)

"""Synthetic records at realistic proportions, deterministic for a seed.

Pure Python: nothing here touches the database. `DemoGenerator` yields
batches of rows (plain dicts keyed by column attname, ids included) that a
writer streams into the tables. Every row comes from one random.Random(seed)
stream, drawn in a fixed order, so the same number of agreements and the same
seed give the same rows, whatever the batch size.

Every quote is written into its source document's text as the document is
assembled, and its offsets recorded then, so each citation stands verbatim in
its source, as `seeds.quotes` requires. Every record's denormalised status is
that of its last event, as `refresh_status()` would derive it.
"""

import datetime
import hashlib
import random
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from agreements.models import (
    Agreement,
    AgreementKind,
    AgreementRelation,
    AgreementStatus,
    Approximation,
    Commitment,
    CommitmentStatus,
    CommitmentStatusEvent,
    Figure,
    RelationKind,
    StatusEvent,
)
from demo import words
from dialogue.models import (
    Meeting,
    MeetingKind,
    MeetingSeries,
    MeetingStatus,
    Organisation,
    Participation,
    ParticipationRole,
    Person,
    Post,
    Topic,
)
from seeds.dates import DatePrecision
from seeds.models import Citation, PublicationState, Source, SourceKind

DEMO_PREFIX = "demo-"
# The data's calendar: from the year after diplomatic relations began to a
# fixed last day, so that what is generated never depends on when.
FIRST_DAY = datetime.date(1993, 1, 1)
LAST_DAY = datetime.date(2026, 6, 30)
# Agreements reported by one pair of source documents (a news report and an
# official statement), and records described by one briefing document.
AGREEMENTS_PER_REPORT = 25
CITATIONS_PER_BRIEFING = 60
SENTENCES_PER_PARAGRAPH = 4

# Proportions per agreement, from the seed data where it has enough records
# to say (commitments, figures, meetings per agreement are lower here: the
# four seed articles are about meetings, a register of agreements is not).
COMMITMENTS_PER_AGREEMENT = 0.5
FIGURES_PER_AGREEMENT = 0.2
MEETINGS_PER_AGREEMENT = 0.25
PEOPLE_PER_AGREEMENT = 0.05
ORGANISATIONS_PER_AGREEMENT = 0.02
SERIES_PER_AGREEMENT = 0.0004
RELATED_SHARE = 0.08

MONTHS = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
UTC = datetime.UTC
PUBLISHED = PublicationState.PUBLISHED
DAY, MONTH, YEAR = DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR
S = AgreementStatus
C = CommitmentStatus

KIND_WEIGHTS = (
    (AgreementKind.MOU, 30),
    (AgreementKind.AGREEMENT, 20),
    (AgreementKind.ROADMAP, 12),
    (AgreementKind.MEMORANDUM, 10),
    (AgreementKind.PROGRAMME, 10),
    (AgreementKind.DECLARATION, 10),
    (AgreementKind.TREATY, 8),
)
RELATION_WEIGHTS = (
    (RelationKind.IMPLEMENTS, 4),
    (RelationKind.MADE_UNDER, 3),
    (RelationKind.AMENDS, 2),
    (RelationKind.SUPERSEDES, 1),
)
PRECISION_WEIGHTS = ((DAY, 55), (MONTH, 33), (YEAR, 12))


def _weighted(pairs):
    values, weights = zip(*pairs, strict=True)
    return list(values), list(weights)


def when(day: datetime.date, precision: str) -> str:
    """The date as a source words it, never more precise than known."""
    if precision == DAY:
        return f"on {day.day} {MONTHS[day.month]} {day.year}"
    if precision == MONTH:
        return f"in {MONTHS[day.month]} {day.year}"
    return f"in {day.year}"


def truncate(day: datetime.date, precision: str) -> datetime.date:
    if precision == YEAR:
        return day.replace(month=1, day=1)
    if precision == MONTH:
        return day.replace(day=1)
    return day


def slug_words(text: str, limit: int = 50) -> str:
    kept = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(part for part in kept.split("-") if part)[:limit].strip("-")


SMALL_WORDS = frozenset(("a", "an", "and", "for", "in", "of", "on", "the", "to"))


def title_case(phrase: str) -> str:
    return " ".join(
        word if word in SMALL_WORDS or word[0].isupper() else word[0].upper() + word[1:]
        for word in phrase.split()
    )


class Document:
    """A source text assembled sentence by sentence, knowing where each
    sentence (and so each quote) starts."""

    def __init__(self, pk: int, kind: str, title: str, publisher: str):
        self.pk, self.kind, self.title, self.publisher = pk, kind, title, publisher
        self.parts: list[str] = []
        self.length = 0
        self.in_paragraph = 0
        self.latest = FIRST_DAY

    def say(self, sentence: str) -> int:
        """Append a sentence; return its offset in the text."""
        if self.parts:
            separator = " " if self.in_paragraph < SENTENCES_PER_PARAGRAPH else "\n\n"
            if separator != " ":
                self.in_paragraph = 0
            self.parts.append(separator)
            self.length += len(separator)
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        self.in_paragraph += 1
        return start

    def text(self) -> str:
        return "".join(self.parts)


class DemoGenerator:
    def __init__(
        self,
        *,
        agreements: int,
        seed: int,
        first_ids: dict[type, int],
        content_types: dict[type, int],
    ):
        self.agreement_count = agreements
        self.r = random.Random(seed)  # noqa: S311 (reproducible demo data, not secrets)
        self.seed = seed
        self._next_id = dict(first_ids)
        self._first_id = dict(first_ids)
        self.content_types = content_types
        self.rows: dict[type, list[dict]] = defaultdict(list)
        self._documents: list[Document] = []
        self._briefing: Document | None = None
        self._briefing_citations = 0
        self.source_number = 0
        self.kinds, self.kind_weights = _weighted(KIND_WEIGHTS)
        self.relation_kinds, self.relation_weights = _weighted(RELATION_WEIGHTS)
        self.precisions, self.precision_weights = _weighted(PRECISION_WEIGHTS)

    # Plumbing ------------------------------------------------------------
    def ordinal(self, model, pk: int) -> int:
        """The record's number in this dataset, for slugs: ids aside, the
        same data whatever ids the database hands out."""
        return pk - self._first_id[model] + 1

    def new_id(self, model) -> int:
        pk = self._next_id[model]
        self._next_id[model] = pk + 1
        return pk

    def stamps(self, day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
        """When the record was entered and last changed: after what it records."""
        r = self.r
        created = datetime.datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
        created += datetime.timedelta(days=r.randrange(0, 20), minutes=r.randrange(0, 600))
        last = datetime.datetime(LAST_DAY.year, LAST_DAY.month, LAST_DAY.day, 18, tzinfo=UTC)
        created = min(created, last)
        updated = min(created + datetime.timedelta(days=r.randrange(0, 90)), last)
        return created, updated

    def take(self) -> dict[type, list[dict]]:
        """The rows made since the last call, sources completed first."""
        for document in self._documents:
            self._finish(document)
        # A finished text is final: later quotes go into new documents.
        self._documents, self._briefing = [], None
        rows, self.rows = self.rows, defaultdict(list)
        return rows

    def partial_date(self, day: datetime.date, after: datetime.date | None = None):
        """(stored date, precision): a random precision, unless truncating
        would put the date before `after`, which must stay earlier."""
        precision = self.r.choices(self.precisions, self.precision_weights)[0]
        stored = truncate(day, precision)
        if after is not None and stored < after:
            return day, DAY
        return stored, precision

    def random_day(self, start=FIRST_DAY, end=LAST_DAY) -> datetime.date:
        span = (end - start).days
        return start + datetime.timedelta(days=self.r.randrange(max(span, 1)))

    # Documents and citations ---------------------------------------------
    def document(self, kind: str, title: str) -> Document:
        self.source_number += 1
        publisher = self.r.choice(words.SOURCE_PUBLISHERS)
        document = Document(self.new_id(Source), kind, title, publisher)
        self._documents.append(document)
        return document

    def _finish(self, document: Document) -> None:
        text = document.text()
        day, precision = self.partial_date(document.latest)
        created, updated = self.stamps(document.latest)
        number = f"{self.ordinal(Source, document.pk):07d}"
        self.rows[Source].append(
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
            }
        )

    def cite(
        self,
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
        created, updated = self.stamps(day or document.latest)
        self.rows[Citation].append(
            {
                "id": self.new_id(Citation),
                "created_at": created,
                "updated_at": updated,
                "source_id": document.pk,
                "quote": quote,
                "start": start,
                "end": start + len(quote),
                "content_type_id": self.content_types[model],
                "object_id": pk,
                "field_name": field_name,
                "position": position,
            }
        )

    def briefing(self) -> Document:
        """The current briefing document, for records outside the reports."""
        if self._briefing is None or self._briefing_citations >= CITATIONS_PER_BRIEFING:
            kind = self.r.choice((SourceKind.PRESS_RELEASE, SourceKind.OFFICIAL, SourceKind.NEWS))
            self._briefing = self.document(
                kind, f"Briefing on Kazakhstan-UK contacts no. {self.source_number + 1}"
            )
            self._briefing.say(self.r.choice(words.BACKGROUND))
            self._briefing_citations = 0
        self._briefing_citations += 1
        return self._briefing

    # The whole run -------------------------------------------------------
    def batches(self) -> Iterator[tuple[str, dict[type, list[dict]]]]:
        """(what was made, rows) in dependency order: the records agreements
        refer to, then agreements by report, with their commitments and figures."""
        n = self.agreement_count
        self.make_topics()
        yield "topics", self.take()
        self.make_organisations(max(20, round(n * ORGANISATIONS_PER_AGREEMENT)))
        yield "organisations", self.take()
        self.make_people(max(10, round(n * PEOPLE_PER_AGREEMENT)))
        yield "people", self.take()
        self.make_series(max(2, round(n * SERIES_PER_AGREEMENT)))
        self.make_meetings(max(5, round(n * MEETINGS_PER_AGREEMENT)))
        yield "meetings", self.take()
        self.agreements_made: list[tuple[int, datetime.date]] = []
        for first in range(0, n, AGREEMENTS_PER_REPORT):
            count = min(AGREEMENTS_PER_REPORT, n - first)
            self.make_report(first, count)
            yield "agreements", self.take()

    # Topics, organisations, people -----------------------------------------
    def make_topics(self) -> None:
        self.topic_ids: dict[str, int] = {}
        created, updated = self.stamps(datetime.date(2024, 1, 1))
        for name, slug, description in words.TOPICS:
            pk = self.new_id(Topic)
            self.topic_ids[slug] = pk
            self.rows[Topic].append(
                {
                    "id": pk,
                    "created_at": created,
                    "updated_at": updated,
                    "publication": PUBLISHED,
                    "slug": f"{DEMO_PREFIX}{slug}",
                    "name": name,
                    "description": description,
                }
            )
        # Each field of cooperation belongs to the topics whose keywords it has.
        self.field_topics: list[list[int]] = []
        for _phrase, field_slug in words.FIELDS:
            ids = [
                self.topic_ids[topic]
                for topic, keys in words.FIELD_TOPICS.items()
                if any(key in field_slug for key in keys)
            ]
            self.field_topics.append(ids or [self.topic_ids["governance"]])

    def organisation(self, name, kind, country, *, parent=None, short_name="") -> int:
        r = self.r
        pk = self.new_id(Organisation)
        created, updated = self.stamps(self.random_day(datetime.date(2015, 1, 1)))
        where = {"KZ": "Kazakhstan", "GB": "the United Kingdom"}.get(country, "abroad")
        description = (
            f"{name}, a {kind.replace('_', ' ')} in {where}, works on "
            f"{r.choice(words.FIELDS)[0]} and {r.choice(words.FIELDS)[0]}."
        )
        self.rows[Organisation].append(
            {
                "id": pk,
                "created_at": created,
                "updated_at": updated,
                "publication": PUBLISHED,
                "slug": f"{DEMO_PREFIX}org-{self.ordinal(Organisation, pk)}-{slug_words(name, 60)}",
                "name": name,
                "short_name": short_name,
                "kind": kind,
                "country": country,
                "parent_id": parent,
                "description": description,
            }
        )
        for position in range(r.choice((1, 1, 2))):
            sentence = (
                f"{name} {r.choice(('said', 'confirmed', 'announced', 'reported'))} that it "
                f"would {r.choice(words.AIMS)} through work on {r.choice(words.FIELDS)[0]}."
            )
            self.cite(self.briefing(), sentence, Organisation, pk, position, quote=None)
        self.org_names[pk] = name
        self.org_country[pk] = country
        return pk

    def make_organisations(self, count: int) -> None:
        r = self.r
        self.org_names: dict[int, str] = {}
        self.org_country: dict[int, str] = {}
        self.kazakhstan = self.organisation("Kazakhstan", "state", "KZ")
        self.united_kingdom = self.organisation("United Kingdom", "state", "GB", short_name="UK")
        self.states = (self.kazakhstan, self.united_kingdom)
        by_country: dict[str, list[int]] = {"KZ": [], "GB": []}
        for name, kind in words.GB_BODIES:
            by_country["GB"].append(self.organisation(name, kind, "GB", parent=self.united_kingdom))
        for area in words.MINISTRY_AREAS:
            name = f"Ministry of {area} of Kazakhstan"
            by_country["KZ"].append(
                self.organisation(name, "ministry", "KZ", parent=self.kazakhstan)
            )
        for name, kind in words.KZ_BODIES_EXTRA:
            by_country["KZ"].append(self.organisation(name, kind, "KZ"))
        made = 2 + len(words.GB_BODIES) + len(words.MINISTRY_AREAS) + len(words.KZ_BODIES_EXTRA)
        for _ in range(max(0, count - made)):
            country = r.choice(("KZ", "GB"))
            places = words.KZ_PLACES if country == "KZ" else words.GB_PLACES
            surnames = words.KZ_LAST if country == "KZ" else words.GB_LAST
            form, kind = r.choice(words.ORG_FORMS)
            name = form.format(
                place=r.choice(places),
                adj=r.choice(words.ADJECTIVES),
                field_t=r.choice(words.FIELDS)[0].title(),
                surname=r.choice(surnames),
                industry=r.choice(words.INDUSTRIES),
                country="Kazakhstan" if country == "KZ" else "Britain",
            )
            by_country[country].append(self.organisation(name, kind, country))
        self.orgs_by_country = by_country

    def make_people(self, count: int) -> None:
        r = self.r
        self.people_by_country: dict[str, list[int]] = {"KZ": [], "GB": []}
        self.person_names: dict[int, str] = {}
        for _ in range(count):
            country = r.choice(("KZ", "GB"))
            if country == "KZ":
                name = f"{r.choice(words.KZ_FIRST)} {r.choice(words.KZ_LAST)}"
                post_forms, places = words.KZ_POSTS, words.KZ_PLACES
            else:
                name = f"{r.choice(words.GB_FIRST)} {r.choice(words.GB_LAST)}"
                post_forms, places = words.GB_POSTS, words.GB_PLACES
            pk = self.new_id(Person)
            created, updated = self.stamps(self.random_day(datetime.date(2010, 1, 1)))
            field = r.choice(words.FIELDS)[0]
            self.rows[Person].append(
                {
                    "id": pk,
                    "created_at": created,
                    "updated_at": updated,
                    "publication": PUBLISHED,
                    "slug": f"{DEMO_PREFIX}person-{self.ordinal(Person, pk)}-{slug_words(name)}",
                    "name": name,
                    "country": country,
                    "description": f"Works on {field} and {r.choice(words.FIELDS)[0]}.",
                }
            )
            self.people_by_country[country].append(pk)
            self.person_names[pk] = name
            self.cite(
                self.briefing(),
                f"{name} has long been involved in {field}, colleagues said.",
                Person,
                pk,
                0,
            )
            start = self.random_day(datetime.date(1995, 1, 1), datetime.date(2024, 1, 1))
            for position in range(r.choice((1, 1, 1, 2))):
                title = r.choice(post_forms).format(
                    area=r.choice(words.MINISTRY_AREAS), place=r.choice(places)
                )
                start_on, start_precision = self.partial_date(start)
                end = start + datetime.timedelta(days=r.randrange(300, 2500))
                ended = end < LAST_DAY and r.random() < 0.6
                end_on, end_precision = (
                    self.partial_date(end, after=start_on) if ended else (None, DAY)
                )
                post_id = self.new_id(Post)
                created, updated = self.stamps(start)
                self.rows[Post].append(
                    {
                        "id": post_id,
                        "created_at": created,
                        "updated_at": updated,
                        "person_id": pk,
                        "organisation_id": r.choice(self.orgs_by_country[country]),
                        "title": title,
                        "position": position,
                        "start_on": start_on if r.random() < 0.7 else None,
                        "start_on_precision": start_precision,
                        "end_on": end_on,
                        "end_on_precision": end_precision,
                    }
                )
                self.cite(
                    self.briefing(),
                    f"{name}, {title}, took part in the talks {when(start_on, start_precision)}.",
                    Post,
                    post_id,
                    0,
                    quote=f"{name}, {title}",
                    day=start_on,
                )
                start = end

    # Meetings --------------------------------------------------------------
    def make_series(self, count: int) -> None:
        r = self.r
        self.series: list[tuple[int, str]] = []
        for _ in range(count):
            form, frequency = r.choice(words.SERIES_FORMS)
            name = form.format(field_t=r.choice(words.FIELDS)[0].title())
            pk = self.new_id(MeetingSeries)
            established = self.random_day(FIRST_DAY, datetime.date(2015, 1, 1))
            created, updated = self.stamps(established)
            self.rows[MeetingSeries].append(
                {
                    "id": pk,
                    "created_at": created,
                    "updated_at": updated,
                    "publication": PUBLISHED,
                    "slug": f"{DEMO_PREFIX}series-{self.ordinal(MeetingSeries, pk)}-{slug_words(name, 70)}",  # noqa: E501
                    "name": name,
                    "short_name": name.split(" on ")[0][:60],
                    "description": f"A {frequency} format for {r.choice(words.AIMS)}.",
                    "frequency": frequency,
                    "established_on": established.replace(month=1, day=1),
                    "established_on_precision": YEAR,
                }
            )
            self.cite(
                self.briefing(),
                f"The {name}, established in {established.year}, meets {frequency}.",
                MeetingSeries,
                pk,
                0,
                day=established,
            )
            self.series.append((pk, name))

    def make_meetings(self, count: int) -> None:
        r = self.r
        # (id, stored date, precision, place, country), for agreements to refer to.
        self.meetings: list[tuple[int, datetime.date, str, str, str]] = []
        in_series = [r.random() < 0.45 for _ in range(count)]
        days = [self.random_day(datetime.date(1996, 1, 1)) for _ in range(count)]
        series_of = [r.randrange(len(self.series)) if flag else None for flag in in_series]
        # Rounds are numbered in date order within their series.
        order = sorted(range(count), key=lambda index: days[index])
        numbers: dict[int, int] = {}
        rounds: dict[int, int] = defaultdict(int)
        for index in order:
            if series_of[index] is not None:
                rounds[series_of[index]] += 1
                numbers[index] = rounds[series_of[index]]
        kinds = list(words.MEETING_FORMS)
        for index in range(count):
            day = days[index]
            pk = self.new_id(Meeting)
            start_on, precision = self.partial_date(day)
            country = r.choice(("KZ", "GB", "KZ", "GB", ""))
            if country == "KZ":
                place = r.choice(words.KZ_PLACES)
            elif country == "GB":
                place = r.choice(words.GB_PLACES)
            else:
                place, country = r.choice(words.OTHER_PLACES)
            field = r.choice(words.FIELDS)[0]
            series_index = series_of[index]
            kz = r.choice(self.people_by_country["KZ"])
            gb = r.choice(self.people_by_country["GB"])
            if series_index is not None:
                series_id, series_name = self.series[series_index]
                number = numbers[index]
                kind = (
                    MeetingKind.DIALOGUE_ROUND
                    if "Dialogue" in series_name
                    else (MeetingKind.COMMISSION)
                )
                title = f"{words.ORDINALS[(number - 1) % 12].title()} meeting of the {series_name}"
                if number > 12:
                    title = f"Meeting no. {number} of the {series_name}"
            else:
                series_id = number = None
                kind = r.choice(kinds)
                title = words.MEETING_FORMS[kind].format(
                    post=r.choice(("Foreign Secretary", "Minister of Energy", "Trade Envoy")),
                    place=place,
                    who=self.person_names[kz],
                    who2=self.person_names[gb],
                    field=field,
                )
            status = MeetingStatus.HELD
            roll = r.random()
            if roll < 0.03:
                status = MeetingStatus.CANCELLED
            elif roll < 0.05:
                status = MeetingStatus.POSTPONED
            end_on = None
            if precision == DAY and r.random() < 0.2:
                end_on = day + datetime.timedelta(days=r.randrange(1, 4))
            summary = (
                f"Delegations discussed {field} and {r.choice(words.FIELDS)[0]}, agreeing on "
                f"{r.choice(words.PROVISIONS)}. {r.choice(words.BACKGROUND)}"
            )
            created, updated = self.stamps(day)
            self.rows[Meeting].append(
                {
                    "id": pk,
                    "created_at": created,
                    "updated_at": updated,
                    "publication": PUBLISHED,
                    "slug": f"{DEMO_PREFIX}meeting-{self.ordinal(Meeting, pk)}-{slug_words(title, 60)}",  # noqa: E501
                    "title": title[:300],
                    "kind": kind,
                    "status": status,
                    "series_id": series_id,
                    "number": number,
                    "place": place,
                    "country": country,
                    "summary": summary,
                    "start_on": start_on,
                    "start_on_precision": precision,
                    "end_on": end_on,
                    "end_on_precision": DAY,
                }
            )
            topics = set(self.field_topics[r.randrange(len(words.FIELDS))])
            for topic in topics:
                self.rows[Meeting.topics.through].append({"meeting_id": pk, "topic_id": topic})
            document = self.briefing()
            self.cite(
                document,
                f"The {title} took place in {place} {when(start_on, precision)}.",
                Meeting,
                pk,
                0,
                field_name="start_on",
                day=start_on,
            )
            if r.random() < 0.5:
                self.cite(
                    document, summary.split(". ")[0] + ".", Meeting, pk, 1, field_name="summary"
                )
            self.participants(pk, kind, kz, gb, place, start_on, precision)
            if status == MeetingStatus.HELD:
                self.meetings.append((pk, start_on, precision, place, country))

    def participants(self, meeting, kind, kz, gb, place, day, precision) -> None:
        r = self.r
        if kind in (MeetingKind.DIALOGUE_ROUND, MeetingKind.COMMISSION):
            people = [(kz, ParticipationRole.CO_CHAIR), (gb, ParticipationRole.CO_CHAIR)]
        elif kind == MeetingKind.OFFICIAL_VISIT:
            people = [(gb, ParticipationRole.GUEST), (kz, ParticipationRole.HOST)]
        else:
            people = [(kz, ParticipationRole.PARTICIPANT), (gb, ParticipationRole.PARTICIPANT)]
        for _ in range(r.choice((0, 0, 1, 1, 2, 3))):
            country = r.choice(("KZ", "GB"))
            role = r.choice((ParticipationRole.DELEGATE, ParticipationRole.SPEAKER))
            people.append((r.choice(self.people_by_country[country]), role))
        seen = set()
        document = self.briefing()
        for position, (person, role) in enumerate(people):
            if person in seen:
                continue
            seen.add(person)
            pk = self.new_id(Participation)
            organisation = r.choice(self.orgs_by_country["KZ" if position % 2 == 0 else "GB"])
            with_org = r.random() < 0.4
            created, updated = self.stamps(day)
            self.rows[Participation].append(
                {
                    "id": pk,
                    "created_at": created,
                    "updated_at": updated,
                    "meeting_id": meeting,
                    "person_id": person,
                    "organisation_id": organisation if with_org else None,
                    "role": role,
                    "position": position,
                }
            )
            name = self.person_names[person]
            self.cite(
                document,
                f"{name} attended the meeting in {place} as {role.replace('_', ' ')}.",
                Participation,
                pk,
                0,
                quote=f"{name} attended the meeting in {place}",
                day=day,
            )
        if r.random() < 0.25:
            pk = self.new_id(Participation)
            created, updated = self.stamps(day)
            organisation = r.choice(self.orgs_by_country[r.choice(("KZ", "GB"))])
            self.rows[Participation].append(
                {
                    "id": pk,
                    "created_at": created,
                    "updated_at": updated,
                    "meeting_id": meeting,
                    "organisation_id": organisation,
                    "role": ParticipationRole.PARTICIPANT,
                    "position": len(people),
                    "note": "Represented by its delegation.",
                }
            )
            self.cite(
                document,
                f"A delegation of the {self.org_names[organisation]} also took part.",
                Participation,
                pk,
                0,
            )

    def speaker(self, organisation: int) -> str:
        if organisation == self.kazakhstan:
            return "the Government of Kazakhstan"
        if organisation == self.united_kingdom:
            return "the UK Government"
        return f"the {self.org_names[organisation]}"

    # Agreements, by report --------------------------------------------------
    def share(self, expected: float) -> int:
        """`expected` on average, as a whole number."""
        whole = int(expected)
        return whole + (1 if self.r.random() < expected - whole else 0)

    def make_report(self, first: int, count: int) -> None:
        r = self.r
        number = first // AGREEMENTS_PER_REPORT + 1
        news = self.document(SourceKind.NEWS, f"Kazakhstan-UK agreements round-up no. {number}")
        official = self.document(
            r.choice((SourceKind.OFFICIAL, SourceKind.PRESS_RELEASE)),
            f"Register of Kazakhstan-UK instruments, part {number}",
        )
        news.say(r.choice(words.BACKGROUND))
        made_here = [self.agreement(news, official) for _ in range(count)]
        for _ in range(self.share(count * COMMITMENTS_PER_AGREEMENT)):
            self.commitment(news, official, made_here)
        for _ in range(self.share(count * FIGURES_PER_AGREEMENT)):
            self.figure(official)
        news.say(r.choice(words.BACKGROUND))

    def agreement_steps(self, requires_ratification: bool, anchor: datetime.date) -> list:
        """(status, party, true date) in order: talks, signing on `anchor`,
        each side's ratification track, entry into force, and what followed.
        Steps after the data's last day have not happened yet."""
        r = self.r
        steps = []
        day = anchor
        for _ in range(r.choice((1, 1, 2, 2, 2, 3, 3))):
            day -= datetime.timedelta(days=r.randrange(30, 300))
            steps.append((S.NEGOTIATING, None, day))
        if r.random() < 0.45:
            day -= datetime.timedelta(days=r.randrange(60, 500))
            steps.append((S.PROPOSED, None, day))
        steps.reverse()
        if steps and r.random() < 0.12:
            return steps  # still unsigned
        steps.append((S.SIGNED, None, anchor))
        day = anchor
        in_force = False
        if requires_ratification:
            tracks = list(self.states)
            r.shuffle(tracks)
            complete = True
            for party in tracks:
                day += datetime.timedelta(days=r.randrange(20, 250))
                steps.append((S.RATIFICATION_PENDING, party, day))
                if r.random() < 0.3:
                    # A joint review of where ratification stands, no one side's step.
                    day += datetime.timedelta(days=r.randrange(30, 200))
                    steps.append((S.RATIFICATION_PENDING, None, day))
                if r.random() < 0.12:
                    complete = False
                    break
                day += datetime.timedelta(days=r.randrange(30, 400))
                steps.append((S.RATIFIED, party, day))
            if complete:
                day += datetime.timedelta(days=r.randrange(10, 90))
                steps.append((S.IN_FORCE, None, day))
                in_force = True
        elif r.random() < 0.6:
            day += datetime.timedelta(days=r.randrange(0, 60))
            steps.append((S.IN_FORCE, None, day))
            in_force = True
        if in_force and r.random() < 0.35:
            day += datetime.timedelta(days=r.randrange(365, 1800))
            steps.append((S.IMPLEMENTED, None, day))
        roll = r.random()
        ending = (
            (S.SUSPENDED if roll < 0.03 else S.TERMINATED if roll < 0.07 else S.SUPERSEDED)
            if roll < 0.13
            else None
        )
        if ending:
            day += datetime.timedelta(days=r.randrange(180, 2500))
            steps.append((ending, None, day))
        return [step for step in steps if step[2] <= LAST_DAY]

    def agreement_sentences(self, status, party, title, short, place, day, precision, parties):
        """What the news report and the official register say about a step:
        a sentence for the first, and a sentence with a quotable clause for
        the second."""
        r = self.r
        at = when(day, precision)
        party_name = self.org_names[party] if party else ""
        if status == S.PROPOSED:
            news = f"{self.org_names[r.choice(parties)]} proposed the {title} {at}."
        elif status == S.NEGOTIATING:
            news = f"Negotiators held another round of talks on the {title} in {place} {at}."
        elif status == S.SIGNED:
            news = f"The {title} was signed in {place} {at}."
        elif status == S.RATIFICATION_PENDING and party == self.united_kingdom:
            news = (
                f"The {title} was laid before Parliament {at}, "
                "starting the period of 21 sitting days."
            )
        elif status == S.RATIFICATION_PENDING and party:
            news = f"The Mazhilis began considering a bill to ratify the {title} {at}."
        elif status == S.RATIFICATION_PENDING:
            news = f"Both sides reviewed progress towards ratification of the {title} {at}."
        elif status == S.RATIFIED and party == self.united_kingdom:
            news = f"The United Kingdom completed its ratification of the {title} {at}."
        elif status == S.RATIFIED:
            news = f"The President of Kazakhstan signed the law ratifying the {title} {at}."
        elif status == S.IN_FORCE:
            news = f"The {title} entered into force {at}."
        elif status == S.IMPLEMENTED:
            news = (
                f"Officials reported {at} that the {title} had been fully implemented, "
                f"including {r.choice(words.PROVISIONS)}."
            )
        elif status == S.SUSPENDED:
            news = (
                f"The {title} was suspended {at} pending a review of {r.choice(words.FIELDS)[0]}."
            )
        elif status == S.TERMINATED:
            news = f"The {title} was terminated by mutual consent {at}."
        else:
            news = f"The {title} was superseded {at} by a new instrument on the same subject."
        verb = {
            S.PROPOSED: "was proposed",
            S.NEGOTIATING: "was under negotiation",
            S.SIGNED: "was signed",
            S.RATIFICATION_PENDING: "awaited ratification",
            S.RATIFIED: "was ratified",
            S.IN_FORCE: "took effect",
            S.IMPLEMENTED: "was implemented",
            S.SUSPENDED: "was suspended",
            S.TERMINATED: "ceased to have effect",
            S.SUPERSEDED: "was replaced",
        }[status]
        by = f" by {party_name}" if party_name and status == S.RATIFIED else ""
        clause = f"the {short} {verb}{by} {at}"
        speaker = self.speaker(r.choice(parties))
        form = r.randrange(3)
        if form == 0:
            official = (
                f"According to {speaker}, {clause}; the step is expected to {r.choice(words.AIMS)}."
            )
        elif form == 1:
            official = f"{speaker[0].upper()}{speaker[1:]} confirmed that {clause}."
        else:
            official = f"Records show that {clause}, which should help to {r.choice(words.AIMS)}."
        return news, official, clause

    def agreement(self, news: Document, official: Document) -> tuple[int, datetime.date, str]:
        r = self.r
        pk = self.new_id(Agreement)
        kind = r.choices(self.kinds, self.kind_weights)[0]
        first_field, second_field = r.sample(range(len(words.FIELDS)), 2)
        field, field_slug = words.FIELDS[first_field]
        field2 = words.FIELDS[second_field][0]
        if r.random() < 0.7:
            parties = list(self.states)
        else:
            parties = [r.choice(self.orgs_by_country["KZ"]), r.choice(self.orgs_by_country["GB"])]
        a, b = (self.org_names[party] for party in parties)
        b = "the United Kingdom" if b == "United Kingdom" else b
        name = r.choice(words.KIND_NAMES[kind])
        start = r.randrange(2005, 2030)
        title = r.choice(words.TITLE_FORMS).format(
            name=name,
            field=title_case(field),
            field2=title_case(field2),
            a=a,
            b=b,
            start=start,
            end=start + 5,
        )
        short = f"{words.KIND_SHORT[kind]} on {field}"[:60]
        if kind == AgreementKind.TREATY:
            requires_ratification, legally_binding = r.random() < 0.85, True
        elif kind == AgreementKind.AGREEMENT:
            requires_ratification, legally_binding = r.random() < 0.5, True
        else:
            requires_ratification = False if r.random() < 0.5 else None
            legally_binding = False if r.random() < 0.6 else None
        meeting = r.choice(self.meetings) if self.meetings and r.random() < 0.55 else None
        if meeting:
            anchor, anchor_precision, place = meeting[1], meeting[2], meeting[3]
        else:
            anchor = self.random_day(datetime.date(1997, 1, 1), LAST_DAY)
            anchor_precision = None
            place = r.choice(r.choice((words.KZ_PLACES, words.GB_PLACES)))
        steps = self.agreement_steps(bool(requires_ratification), anchor)

        events = []
        previous = None
        signed = (None, DAY)
        for position, (status, party, day) in enumerate(steps):
            if status == S.SIGNED and anchor_precision:
                stored, precision = anchor, anchor_precision
            else:
                stored, precision = self.partial_date(day, after=previous)
            previous = stored
            if status == S.SIGNED:
                signed = (stored, precision)
            events.append((status, party, stored, precision, position))

        last = events[-1]
        created, updated = self.stamps(last[2])
        summary = (
            f"{name} between {a} and {b} on {field} and {field2}. It provides for "
            f"{r.choice(words.PROVISIONS)} and {r.choice(words.PROVISIONS)}, and aims to "
            f"{r.choice(words.AIMS)}."
        )
        self.rows[Agreement].append(
            {
                "id": pk,
                "created_at": created,
                "updated_at": updated,
                "publication": PUBLISHED,
                "slug": f"{DEMO_PREFIX}{kind}-{self.ordinal(Agreement, pk)}-{field_slug}",
                "title": title[:300],
                "short_title": short,
                "kind": kind,
                "status": last[0],
                "status_since": last[2],
                "status_since_precision": last[3],
                "signed_on": signed[0],
                "signed_on_precision": signed[1],
                "signed_at": place if signed[0] else "",
                "legally_binding": legally_binding,
                "requires_ratification": requires_ratification,
                "summary": summary,
            }
        )
        through = Agreement.parties.through
        for party in parties:
            self.rows[through].append({"agreement_id": pk, "organisation_id": party})
        topics = set(self.field_topics[first_field])
        if r.random() < 0.5:
            topics.update(self.field_topics[second_field])
        for topic in sorted(topics):
            self.rows[Agreement.topics.through].append({"agreement_id": pk, "topic_id": topic})
        if meeting:
            self.rows[Agreement.meetings.through].append(
                {"agreement_id": pk, "meeting_id": meeting[0]}
            )
        if signed[0] and r.random() < 0.6:
            for country in ("KZ", "GB"):
                self.rows[Agreement.signatories.through].append(
                    {"agreement_id": pk, "person_id": r.choice(self.people_by_country[country])}
                )

        self.cite(
            news,
            f"The {title} provides for {summary.split('provides for ')[1].split(', and')[0]}.",
            Agreement,
            pk,
            0,
            field_name="summary",
            day=events[0][2],
        )
        if r.random() < 0.6:
            self.cite(
                official,
                f"Under the {short}, the parties agreed to {r.choice(words.AIMS)}.",
                Agreement,
                pk,
                1,
            )

        for status, party, day, precision, position in events:
            event_id = self.new_id(StatusEvent)
            inferred = r.random() < 0.1
            created, updated = self.stamps(day)
            self.rows[StatusEvent].append(
                {
                    "id": event_id,
                    "created_at": created,
                    "updated_at": updated,
                    "agreement_id": pk,
                    "status": status,
                    "date": day,
                    "date_precision": precision,
                    "date_inferred": inferred,
                    "date_note": "Inferred from the report's dateline." if inferred else "",
                    "party_id": party,
                    "note": r.choice(words.BACKGROUND) if r.random() < 0.3 else "",
                    "position": position,
                }
            )
            said, stated, clause = self.agreement_sentences(
                status, party, title, short, place, day, precision, parties
            )
            self.cite(news, said, StatusEvent, event_id, 0, day=day)
            self.cite(official, stated, StatusEvent, event_id, 1, quote=clause, day=day)

        if self.agreements_made and r.random() < RELATED_SHARE:
            target, target_day = r.choice(self.agreements_made)
            relation_kind = r.choices(self.relation_kinds, self.relation_weights)[0]
            relation_id = self.new_id(AgreementRelation)
            created, updated = self.stamps(last[2])
            self.rows[AgreementRelation].append(
                {
                    "id": relation_id,
                    "created_at": created,
                    "updated_at": updated,
                    "agreement_id": pk,
                    "kind": relation_kind,
                    "target_id": target,
                }
            )
            if r.random() < 0.5:
                self.cite(
                    news,
                    f"The {short} {relation_kind.replace('_', ' ')} an instrument "
                    f"dated {target_day.year}.",
                    AgreementRelation,
                    relation_id,
                    0,
                )
        self.agreements_made.append((pk, events[0][2]))
        return pk, last[2], (signed[0] is not None)

    # Commitments and figures ----------------------------------------------
    def commitment(self, news: Document, official: Document, made_here: list) -> None:
        r = self.r
        pk = self.new_id(Commitment)
        field_index = r.randrange(len(words.FIELDS))
        field, field_slug = words.FIELDS[field_index]
        country = r.choice(("KZ", "GB"))
        places = words.KZ_PLACES if country == "KZ" else words.GB_PLACES
        title = r.choice(words.COMMITMENT_FORMS).format(
            field=field, place=r.choice(places), n=r.choice((5, 10, 20, 25, 50, 100, 150, 300))
        )
        lowered = title[0].lower() + title[1:]
        parties = [self.states[0] if country == "KZ" else self.states[1]]
        if r.random() < 0.35:
            parties.append(r.choice(self.orgs_by_country[country]))
        meeting_id = agreement_id = None
        roll = r.random()
        if roll < 0.55 and self.meetings:
            meeting = r.choice(self.meetings)
            meeting_id, base = meeting[0], meeting[1]
        elif roll < 0.85:
            agreement_id, base, _signed = r.choice(made_here)
        else:
            base = self.random_day(datetime.date(2000, 1, 1))
        steps = [(C.ANNOUNCED, base)]
        day = base
        if r.random() < 0.55:
            day += datetime.timedelta(days=r.randrange(60, 400))
            steps.append((C.IN_PROGRESS, day))
        due = None
        if r.random() < 0.45:
            due = base + datetime.timedelta(days=r.randrange(365, 1500))
        roll = r.random()
        if roll < 0.3:
            final = C.FULFILLED
        elif roll < 0.4:
            final = C.PARTLY_FULFILLED
        elif roll < 0.5 and due is not None:
            final = C.OVERDUE
        elif roll < 0.55:
            final = C.DROPPED
        else:
            final = None
        if final:
            day = max(day, due or day) + datetime.timedelta(days=r.randrange(30, 700))
            steps.append((final, day))
        steps = [step for step in steps if step[1] <= LAST_DAY]

        events = []
        previous = None
        for position, (status, day) in enumerate(steps):
            stored, precision = self.partial_date(day, after=previous)
            previous = stored
            events.append((status, stored, precision, position))
        due_on, due_precision = (None, DAY)
        if due is not None:
            due_precision = r.choice((DAY, MONTH, MONTH, YEAR, YEAR))
            due_on = truncate(due, due_precision)
        last = events[-1]
        created, updated = self.stamps(last[1])
        self.rows[Commitment].append(
            {
                "id": pk,
                "created_at": created,
                "updated_at": updated,
                "publication": PUBLISHED,
                "slug": f"{DEMO_PREFIX}commitment-{self.ordinal(Commitment, pk)}-{field_slug}",
                "title": title,
                "description": (
                    f"{self.org_names[parties[0]]} committed to {lowered}, in order to "
                    f"{r.choice(words.AIMS)}."
                ),
                "meeting_id": meeting_id,
                "agreement_id": agreement_id,
                "status": last[0],
                "status_since": last[1],
                "status_since_precision": last[2],
                "due_on": due_on,
                "due_on_precision": due_precision,
            }
        )
        for party in parties:
            self.rows[Commitment.parties.through].append(
                {"commitment_id": pk, "organisation_id": party}
            )
        if r.random() < 0.6:
            self.rows[Commitment.people.through].append(
                {"commitment_id": pk, "person_id": r.choice(self.people_by_country[country])}
            )
        for topic in self.field_topics[field_index]:
            self.rows[Commitment.topics.through].append({"commitment_id": pk, "topic_id": topic})
        self.cite(
            news,
            f"{self.org_names[parties[0]]} committed to {lowered} {when(base, DAY)}.",
            Commitment,
            pk,
            0,
            quote=f"{self.org_names[parties[0]]} committed to {lowered}",
            day=base,
        )
        for status, day, precision, position in events:
            event_id = self.new_id(CommitmentStatusEvent)
            created, updated = self.stamps(day)
            self.rows[CommitmentStatusEvent].append(
                {
                    "id": event_id,
                    "created_at": created,
                    "updated_at": updated,
                    "commitment_id": pk,
                    "status": status,
                    "date": day,
                    "date_precision": precision,
                    "party_id": parties[0] if status == C.ANNOUNCED else None,
                    "position": position,
                }
            )
            at = when(day, precision)
            sentence = {
                C.ANNOUNCED: f"Plans for {lowered} were announced {at}.",
                C.IN_PROGRESS: f"Work on {lowered} was under way {at}, officials said.",
                C.FULFILLED: f"{title} was completed {at}.",
                C.PARTLY_FULFILLED: f"{title} was only partly completed {at}.",
                C.OVERDUE: f"{title} had still not been delivered {at}, past its deadline.",
                C.DROPPED: f"Plans for {lowered} were dropped {at}.",
            }[status]
            document = news if position % 2 == 0 else official
            self.cite(document, sentence, CommitmentStatusEvent, event_id, 0, day=day)

    APPROXIMATION_WORDS = {
        Approximation.EXACT: "",
        Approximation.ABOUT: "about ",
        Approximation.OVER: "over ",
        Approximation.UNDER: "under ",
        Approximation.AT_LEAST: "at least ",
        Approximation.AT_MOST: "up to ",
    }

    def figure(self, document: Document) -> None:
        r = self.r
        pk = self.new_id(Figure)
        label, unit, worded, low, high = r.choice(words.FIGURE_METRICS)
        field_index = r.randrange(len(words.FIELDS))
        field = words.FIELDS[field_index][0]
        name = label.format(field=field)
        value = r.randrange(low, high)
        value_text = worded.format(v=f"{value:,}")
        approximation = r.choice((Approximation.EXACT,) * 5 + tuple(self.APPROXIMATION_WORDS)[1:])
        as_of, precision = self.partial_date(self.random_day(datetime.date(2005, 1, 1)))
        created, updated = self.stamps(as_of)
        self.rows[Figure].append(
            {
                "id": pk,
                "created_at": created,
                "updated_at": updated,
                "publication": PUBLISHED,
                "slug": f"{DEMO_PREFIX}figure-{self.ordinal(Figure, pk)}-{slug_words(name, 60)}",
                "name": name,
                "metric": f"{DEMO_PREFIX}{slug_words(name, 100)}",
                "value": Decimal(value) * (1_000_000 if "million" in worded else 1),
                "unit": unit,
                "value_text": value_text,
                "approximation": approximation,
                "subject_id": r.choice(self.states) if r.random() < 0.5 else None,
                "as_of": as_of,
                "as_of_precision": precision,
            }
        )
        for topic in self.field_topics[field_index][:1]:
            self.rows[Figure.topics.through].append({"figure_id": pk, "topic_id": topic})
        clause = f"{name} stood at {self.APPROXIMATION_WORDS[approximation]}{value_text}"
        self.cite(
            document, f"{clause} {when(as_of, precision)}.", Figure, pk, 0, quote=clause, day=as_of
        )

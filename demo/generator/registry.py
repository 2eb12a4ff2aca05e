"""What the generator keeps of the records it made, for later records to
refer to: the organisations and people meetings involve, the meetings
agreements were signed at, the agreements commitments and relations name."""

import datetime
from dataclasses import dataclass, field
from typing import NamedTuple

from demo.generator.dates import PartialDate

# The topic ids of each field of cooperation, indexed as words.FIELDS.
FieldTopics = list[list[int]]


@dataclass(slots=True)
class Organisations:
    names: dict[int, str]
    kazakhstan: int
    united_kingdom: int
    # Every organisation but the two states, by country ("KZ", "GB").
    by_country: dict[str, list[int]]

    @property
    def states(self) -> tuple[int, int]:
        return (self.kazakhstan, self.united_kingdom)

    def speaker(self, organisation: int) -> str:
        """The organisation as the subject of what an official source says."""
        if organisation == self.kazakhstan:
            return "the Government of Kazakhstan"
        if organisation == self.united_kingdom:
            return "the UK Government"
        return f"the {self.names[organisation]}"


@dataclass(slots=True)
class People:
    by_country: dict[str, list[int]] = field(default_factory=lambda: {"KZ": [], "GB": []})
    names: dict[int, str] = field(default_factory=dict)


class Series(NamedTuple):
    id: int
    name: str


class MeetingMade(NamedTuple):
    """A meeting as its participations and quotes describe it."""

    id: int
    kind: str
    title: str
    status: str
    place: str
    country: str
    start_on: PartialDate
    end_on: datetime.date | None
    summary: str
    # The two people who lead it, one of each country.
    kz: int
    gb: int


class HeldMeeting(NamedTuple):
    """A meeting that took place, as agreements and commitments refer to it."""

    id: int
    start_on: datetime.date
    precision: str
    place: str
    country: str


class AgreementMade(NamedTuple):
    id: int
    first_step_on: datetime.date
    status_since: datetime.date
    signed: bool


@dataclass(slots=True)
class Registry:
    """Everything made before the agreements, and the agreements so far."""

    field_topics: FieldTopics
    organisations: Organisations
    people: People
    meetings: list[HeldMeeting]
    agreements: list[AgreementMade] = field(default_factory=list)

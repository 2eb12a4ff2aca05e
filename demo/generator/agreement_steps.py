"""An agreement's status steps, on their true dates: talks, signing, each
side's ratification track, entry into force, and what followed."""

import datetime
import random
from typing import NamedTuple

from agreements.models import AgreementStatus as S
from demo.generator.dates import LAST_DAY


class Step(NamedTuple):
    status: str
    party: int | None  # the side whose step it is, if one side's
    day: datetime.date


class DatedStep(NamedTuple):
    """A step as recorded: its date stored to a precision, its place in the timeline."""

    status: str
    party: int | None
    day: datetime.date
    precision: str
    position: int


def days(r: random.Random, low: int, high: int) -> datetime.timedelta:
    return datetime.timedelta(days=r.randrange(low, high))


def agreement_steps(
    r: random.Random, states: tuple[int, int], requires_ratification: bool, anchor: datetime.date
) -> list[Step]:
    """The steps in order, signing on `anchor`. Steps after the data's last
    day have not happened yet."""
    steps = _talks(r, anchor)
    if steps and r.random() < 0.12:
        return steps  # still unsigned
    steps.append(Step(S.SIGNED, None, anchor))
    if requires_ratification:
        steps += _ratification(r, states, anchor)
    elif r.random() < 0.6:
        steps.append(Step(S.IN_FORCE, None, anchor + days(r, 0, 60)))
    in_force = steps[-1].status == S.IN_FORCE
    steps += _afterwards(r, steps[-1].day, in_force)
    return [step for step in steps if step.day <= LAST_DAY]


def _talks(r: random.Random, anchor: datetime.date) -> list[Step]:
    """Rounds of negotiation before `anchor`, sometimes a proposal before them."""
    steps = []
    day = anchor
    for _ in range(r.choice((1, 1, 2, 2, 2, 3, 3))):
        day -= days(r, 30, 300)
        steps.append(Step(S.NEGOTIATING, None, day))
    if r.random() < 0.45:
        day -= days(r, 60, 500)
        steps.append(Step(S.PROPOSED, None, day))
    steps.reverse()
    return steps


def _ratification(r: random.Random, states: tuple[int, int], signed: datetime.date) -> list[Step]:
    """Each side's track in turn; in force once both have ratified."""
    steps = []
    day = signed
    tracks = list(states)
    r.shuffle(tracks)
    for party in tracks:
        day += days(r, 20, 250)
        steps.append(Step(S.RATIFICATION_PENDING, party, day))
        if r.random() < 0.3:
            # A joint review of where ratification stands, no one side's step.
            day += days(r, 30, 200)
            steps.append(Step(S.RATIFICATION_PENDING, None, day))
        if r.random() < 0.12:
            return steps  # this side never ratified: never in force
        day += days(r, 30, 400)
        steps.append(Step(S.RATIFIED, party, day))
    day += days(r, 10, 90)
    steps.append(Step(S.IN_FORCE, None, day))
    return steps


def _afterwards(r: random.Random, day: datetime.date, in_force: bool) -> list[Step]:
    """Implementation of one in force, and now and then an end."""
    steps = []
    if in_force and r.random() < 0.35:
        day += days(r, 365, 1800)
        steps.append(Step(S.IMPLEMENTED, None, day))
    roll = r.random()
    ending = (
        (S.SUSPENDED if roll < 0.03 else S.TERMINATED if roll < 0.07 else S.SUPERSEDED)
        if roll < 0.13
        else None
    )
    if ending:
        day += days(r, 180, 2500)
        steps.append(Step(ending, None, day))
    return steps

"""What the news report and the official register say about an agreement's
status step: a sentence for the first, and for the second a sentence with a
quotable clause."""

import random
from typing import NamedTuple

from agreements.models import AgreementStatus as S
from demo import words
from demo.generator.agreement_steps import DatedStep
from demo.generator.dates import when
from demo.generator.registry import Organisations

VERBS = {
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
}


class Wording(NamedTuple):
    news: str
    official: str
    clause: str  # the part of `official` that is quoted


def step_wording(
    r: random.Random,
    organisations: Organisations,
    step: DatedStep,
    *,
    title: str,
    short: str,
    place: str,
    parties: list[int],
) -> Wording:
    at = when(step.day, step.precision)
    news = _news(r, organisations, step, at, title, place, parties)
    party_name = organisations.names[step.party] if step.party else ""
    by = f" by {party_name}" if party_name and step.status == S.RATIFIED else ""
    clause = f"the {short} {VERBS[step.status]}{by} {at}"
    speaker = organisations.speaker(r.choice(parties))
    form = r.randrange(3)
    if form == 0:
        official = (
            f"According to {speaker}, {clause}; the step is expected to {r.choice(words.AIMS)}."
        )
    elif form == 1:
        official = f"{speaker[0].upper()}{speaker[1:]} confirmed that {clause}."
    else:
        official = f"Records show that {clause}, which should help to {r.choice(words.AIMS)}."
    return Wording(news, official, clause)


def _news(
    r: random.Random,
    organisations: Organisations,
    step: DatedStep,
    at: str,
    title: str,
    place: str,
    parties: list[int],
) -> str:
    status, party, uk = step.status, step.party, organisations.united_kingdom
    if status == S.PROPOSED:
        return f"{organisations.names[r.choice(parties)]} proposed the {title} {at}."
    if status == S.NEGOTIATING:
        return f"Negotiators held another round of talks on the {title} in {place} {at}."
    if status == S.SIGNED:
        return f"The {title} was signed in {place} {at}."
    if status == S.RATIFICATION_PENDING and party == uk:
        return (
            f"The {title} was laid before Parliament {at}, starting the period of 21 sitting days."
        )
    if status == S.RATIFICATION_PENDING and party:
        return f"The Mazhilis began considering a bill to ratify the {title} {at}."
    if status == S.RATIFICATION_PENDING:
        return f"Both sides reviewed progress towards ratification of the {title} {at}."
    if status == S.RATIFIED and party == uk:
        return f"The United Kingdom completed its ratification of the {title} {at}."
    if status == S.RATIFIED:
        return f"The President of Kazakhstan signed the law ratifying the {title} {at}."
    if status == S.IN_FORCE:
        return f"The {title} entered into force {at}."
    if status == S.IMPLEMENTED:
        return (
            f"Officials reported {at} that the {title} had been fully implemented, "
            f"including {r.choice(words.PROVISIONS)}."
        )
    if status == S.SUSPENDED:
        return (
            f"The {title} was suspended {at} pending a review of {r.choice(words.FIELDS).phrase}."
        )
    if status == S.TERMINATED:
        return f"The {title} was terminated by mutual consent {at}."
    return f"The {title} was superseded {at} by a new instrument on the same subject."

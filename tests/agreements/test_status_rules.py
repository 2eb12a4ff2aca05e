"""The status rules (docs/STATUS.md): change vs confirmation, each party's
track and its next step, entry into force only after ratification."""

import datetime

import pytest

from agreements.models import AgreementStatus, StatusEvent
from agreements.status_rules import EventKind, TrackStep, standing
from core.dates import DatePrecision
from people.models import OrganisationKind
from tests.support import factories

# "Today", where a rule needs it (no as_of), is this day, whatever the day the
# suite runs (docs/TESTING.md): time-machine moves the clock, ticking from there.
TODAY = datetime.datetime(2026, 6, 15, 12, tzinfo=datetime.UTC)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(TODAY)]

MONTH, YEAR, DAY = DatePrecision.MONTH, DatePrecision.YEAR, DatePrecision.DAY


@pytest.fixture
def uk():
    return factories.organisation(slug="uk", name="United Kingdom", country="GB")


@pytest.fixture
def kz():
    return factories.organisation(slug="kz", name="Kazakhstan", country="KZ")


@pytest.fixture
def treaty(uk, kz):
    """The SPCA's shape: signed, the UK's review, then a confirmation."""
    agreement = factories.agreement(requires_ratification=True)
    agreement.parties.set([uk, kz])
    factories.status_event(agreement, AgreementStatus.SIGNED, "2024-04-01", MONTH)
    factories.status_event(
        agreement, AgreementStatus.RATIFICATION_PENDING, "2024-07-01", MONTH, party=uk
    )
    factories.status_event(
        agreement,
        AgreementStatus.RATIFICATION_PENDING,
        "2025-02-11",
        DAY,
        kind=EventKind.CONFIRMATION,
    )
    agreement.refresh_from_db()
    return agreement


def _event(agreement, status, date, **fields):
    return StatusEvent(
        agreement=agreement,
        status=status,
        date=datetime.date.fromisoformat(date),
        date_precision=fields.pop("precision", DAY),
        **fields,
    )


def test_a_confirmation_moves_last_confirmed_but_never_since(treaty):
    assert treaty.status == AgreementStatus.RATIFICATION_PENDING
    assert (treaty.status_since, treaty.status_since_precision) == (
        datetime.date(2024, 7, 1),
        MONTH,
    )
    assert treaty.status_confirmed_on == datetime.date(2025, 2, 11)
    assert treaty.status_problems() == []


def test_as_of_a_date_since_and_confirmed_are_those_of_that_moment(treaty):
    before_confirmation = treaty.standing_on(datetime.date(2024, 12, 31))
    assert before_confirmation.since == datetime.date(2024, 7, 1)
    assert before_confirmation.confirmed_on == datetime.date(2024, 7, 1)
    annotated = type(treaty).objects.with_status_as_of(datetime.date(2025, 3, 1)).get(pk=treaty.pk)
    assert annotated.status_as_of == AgreementStatus.RATIFICATION_PENDING
    assert annotated.status_as_of_date == datetime.date(2024, 7, 1)
    assert annotated.status_confirmed_as_of == datetime.date(2025, 2, 11)


def test_a_change_into_the_status_already_held_is_a_problem(treaty):
    events = list(treaty.status_events.select_related("party"))
    events.append(_event(treaty, AgreementStatus.RATIFICATION_PENDING, "2025-06-01"))
    problems = treaty.status_problems(events)
    assert [(p.index, p.field) for p in problems] == [(3, "kind")]
    assert "already “ratification pending”" in problems[0].message
    assert "record it as a confirmation" in problems[0].message


def test_a_confirmation_of_a_status_that_did_not_hold_is_a_problem(treaty):
    events = list(treaty.status_events.select_related("party"))
    events.append(
        _event(treaty, AgreementStatus.RATIFIED, "2025-06-01", kind=EventKind.CONFIRMATION)
    )
    problems = treaty.status_problems(events)
    assert [(p.index, p.field) for p in problems] == [(3, "kind")]
    assert "the status then was “ratification pending”" in problems[0].message


def test_an_opening_confirmation_is_allowed_and_leaves_since_unknown():
    # The earliest evidence may say a status already held ("has already
    # established"): it confirms the status without saying when it began.
    agreement = factories.agreement()
    event = _event(agreement, AgreementStatus.SIGNED, "2024-01-01", kind=EventKind.CONFIRMATION)
    assert agreement.status_problems([event]) == []
    now = standing([event])
    assert now.status == AgreementStatus.SIGNED
    assert now.since is None
    assert now.confirmed_on == datetime.date(2024, 1, 1)


def test_each_party_has_its_track_and_next_step(treaty, uk, kz):
    tracks = {track.party.slug: track for track in treaty.tracks_on()}
    assert tracks["uk"].standing.status == AgreementStatus.RATIFICATION_PENDING
    assert tracks["uk"].standing.since == datetime.date(2024, 7, 1)
    assert tracks["uk"].next_step == TrackStep.LAID_BEFORE_PARLIAMENT
    assert tracks["kz"].standing.status == AgreementStatus.SIGNED
    assert tracks["kz"].standing.since == datetime.date(2024, 4, 1)
    assert tracks["kz"].next_step == TrackStep.MAZHILIS_APPROVED
    # The joint confirmation is evidence for both tracks.
    assert tracks["kz"].standing.confirmed_on == datetime.date(2025, 2, 11)


def test_a_named_step_moves_its_party_track_and_not_the_overall_since(treaty, kz):
    factories.status_event(
        treaty,
        AgreementStatus.RATIFICATION_PENDING,
        "2025-05-14",
        party=kz,
        step=TrackStep.MAZHILIS_APPROVED,
    )
    treaty.refresh_from_db()
    assert treaty.status_problems() == []
    assert treaty.status_since == datetime.date(2024, 7, 1)
    assert treaty.status_confirmed_on == datetime.date(2025, 5, 14)
    kz_track = next(track for track in treaty.tracks_on() if track.party == kz)
    assert kz_track.step == TrackStep.MAZHILIS_APPROVED
    assert kz_track.next_step == TrackStep.SENATE_APPROVED
    # Before that date, the track stood where it was.
    earlier = next(t for t in treaty.tracks_on(datetime.date(2025, 5, 13)) if t.party == kz)
    assert earlier.next_step == TrackStep.MAZHILIS_APPROVED


def test_a_step_of_the_other_country_is_refused(treaty, uk):
    events = list(treaty.status_events.select_related("party"))
    events.append(
        _event(
            treaty,
            AgreementStatus.RATIFICATION_PENDING,
            "2025-05-14",
            party=uk,
            step=TrackStep.SENATE_APPROVED,
        )
    )
    problems = treaty.status_problems(events)
    assert [(p.index, p.field) for p in problems] == [(3, "step")]
    assert "United Kingdom" in problems[0].message


def test_entry_into_force_needs_every_party_to_have_ratified(treaty, uk, kz):
    events = list(treaty.status_events.select_related("party"))
    events.append(
        _event(treaty, AgreementStatus.RATIFIED, "2025-09-01", party=uk, step=TrackStep.RATIFIED)
    )
    events.append(_event(treaty, AgreementStatus.IN_FORCE, "2025-10-01"))
    problems = treaty.status_problems(events)
    assert [(p.index, p.field) for p in problems] == [(4, "status")]
    assert "Kazakhstan" in problems[0].message and "United Kingdom" not in problems[0].message
    events.insert(
        4,
        _event(treaty, AgreementStatus.RATIFIED, "2025-09-20", party=kz, step=TrackStep.LAW_SIGNED),
    )
    # The overall status stays "ratified", but Kazakhstan's own step is a change.
    assert treaty.status_problems(events) == []


def test_without_ratification_signature_leads_to_entry_into_force(uk, kz):
    mou = factories.agreement(requires_ratification=False)
    mou.parties.set([uk, kz])
    factories.status_event(mou, AgreementStatus.SIGNED, "2024-03-01", MONTH)
    assert {track.next_step for track in mou.tracks_on()} == {TrackStep.IN_FORCE}


def test_only_states_have_tracks(treaty):
    ministry = factories.organisation(kind=OrganisationKind.MINISTRY, country="KZ")
    treaty.parties.add(ministry)
    assert ministry not in [track.party for track in treaty.tracks_on()]


def test_a_terminated_agreement_expects_nothing(treaty):
    factories.status_event(treaty, AgreementStatus.TERMINATED, "2026-01-01")
    assert [track.next_step for track in treaty.tracks_on()] == [None, None]

"""An agreement's status comes from its events: now, and as of any past date."""

import datetime

import pytest

from agreements.models import Agreement, AgreementStatus, Commitment, CommitmentStatus
from core.dates import DatePrecision
from tests.support import factories

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def treaty():
    agreement = factories.agreement()
    uk = factories.organisation(slug="uk")
    factories.status_event(agreement, AgreementStatus.NEGOTIATING, "2023-01-01", DatePrecision.YEAR)
    factories.status_event(agreement, AgreementStatus.SIGNED, "2024-04-01", DatePrecision.MONTH)
    factories.status_event(
        agreement, AgreementStatus.RATIFICATION_PENDING, "2024-07-01", DatePrecision.MONTH, party=uk
    )
    return agreement


def test_the_current_status_is_the_latest_event(treaty):
    treaty.refresh_from_db()
    assert treaty.status == AgreementStatus.RATIFICATION_PENDING
    assert treaty.status_since == datetime.date(2024, 7, 1)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("2022-12-31", ""),
        ("2023-06-30", AgreementStatus.NEGOTIATING),
        ("2024-03-31", AgreementStatus.NEGOTIATING),
        ("2024-04-01", AgreementStatus.SIGNED),
        ("2024-12-31", AgreementStatus.RATIFICATION_PENDING),
    ],
)
def test_status_as_of_a_date_on_the_model_and_the_queryset_agree(treaty, as_of, expected):
    as_of = datetime.date.fromisoformat(as_of)
    assert treaty.status_on(as_of) == expected
    annotated = Agreement.objects.with_status_as_of(as_of).get(pk=treaty.pk)
    assert (annotated.status_as_of or "") == expected


def test_events_on_the_same_date_keep_their_entered_order():
    agreement = factories.agreement()
    factories.status_event(agreement, AgreementStatus.SIGNED, "2025-02-11", position=0)
    factories.status_event(
        agreement, AgreementStatus.RATIFICATION_PENDING, "2025-02-11", position=1
    )
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.RATIFICATION_PENDING


def test_removing_the_latest_event_and_refreshing_restores_the_previous_status(treaty):
    treaty.status_events.order_by("-date").first().delete()
    treaty.refresh_status()
    treaty.refresh_from_db()
    assert treaty.status == AgreementStatus.SIGNED
    assert treaty.status_since_display == "April 2024"


def test_the_queryset_annotation_costs_one_query_for_many_agreements(
    treaty, django_assert_num_queries
):
    for _ in range(5):
        factories.status_event(factories.agreement(), AgreementStatus.SIGNED, "2024-01-01")
    with django_assert_num_queries(1):
        statuses = [
            agreement.status_as_of
            for agreement in Agreement.objects.with_status_as_of(datetime.date(2024, 6, 1))
        ]
    assert statuses.count(AgreementStatus.SIGNED) == 6


def test_the_spca_as_of_the_end_of_2023_is_not_yet_signed(seeded):
    spca = Agreement.objects.get(slug="spca")
    assert spca.status_on(datetime.date(2023, 12, 31)) == AgreementStatus.NEGOTIATING
    assert spca.status_on(datetime.date(2024, 5, 1)) == AgreementStatus.SIGNED
    assert spca.status_on(datetime.date(2022, 12, 31)) == ""
    annotated = Agreement.objects.with_status_as_of(datetime.date(2023, 12, 31)).get(slug="spca")
    assert annotated.status_as_of == AgreementStatus.NEGOTIATING


def test_commitments_derive_their_status_the_same_way(seeded):
    commitment = Commitment.objects.get(slug="cardiff-university-campus-kazakhstan")
    assert commitment.status == commitment.status_event_on(None).status
    assert commitment.status in CommitmentStatus.values
    assert Commitment.objects.open().filter(pk=commitment.pk).exists() == (
        commitment.status not in (CommitmentStatus.FULFILLED, CommitmentStatus.DROPPED)
    )

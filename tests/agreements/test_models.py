import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agreements.models import AgreementStatus, Figure
from core.dates import DatePrecision
from dialogue.models import Meeting, MeetingKind, MeetingSeries
from evidence.models import Citation, text_digest
from people.models import Person, Post
from tests.support import factories

pytestmark = pytest.mark.django_db


def test_slugs_are_unique():
    factories.organisation(slug="kazakhstan")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.organisation(slug="kazakhstan")


def test_the_database_refuses_a_choice_outside_the_vocabulary():
    agreement = factories.agreement()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(agreement).objects.filter(pk=agreement.pk).update(kind="pact")


def test_the_database_refuses_an_unknown_date_precision():
    agreement = factories.agreement()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(agreement).objects.filter(pk=agreement.pk).update(signed_on_precision="week")


def test_a_coarse_date_that_claims_a_day_fails_validation():
    agreement = factories.agreement(
        signed_on=datetime.date(2024, 4, 15), signed_on_precision=DatePrecision.MONTH
    )
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert "signed_on" in error.value.message_dict


def test_a_post_cannot_end_before_it_starts():
    person = Person.objects.create(slug="someone", name="Someone")
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.create(
            person=person,
            title="Ambassador",
            start_on=datetime.date(2020, 1, 1),
            end_on=datetime.date(2019, 1, 1),
        )


def test_a_meeting_cannot_end_before_it_starts_or_be_numbered_outside_a_series():
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            slug="m",
            title="M",
            kind=MeetingKind.OTHER,
            start_on=datetime.date(2025, 2, 11),
            end_on=datetime.date(2025, 2, 10),
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(slug="n", title="N", kind=MeetingKind.OTHER, number=3)


def test_a_series_has_one_meeting_of_each_number():
    series = MeetingSeries.objects.create(slug="dialogue", name="Dialogue")
    Meeting.objects.create(
        slug="r8", title="8th", kind=MeetingKind.DIALOGUE_ROUND, series=series, number=8
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            slug="r8-again",
            title="8th again",
            kind=MeetingKind.DIALOGUE_ROUND,
            series=series,
            number=8,
        )


def test_a_citation_stores_the_offsets_and_the_sources_own_wording():
    source = factories.source(text="He said: \u201cwe are committed to swift ratification.\u201d")
    agreement = factories.agreement()
    citation = factories.citation(agreement, source, '"we are committed to  swift ratification."')
    assert citation.quote == "\u201cwe are committed to swift ratification.\u201d"
    assert source.text[citation.start : citation.end] == citation.quote
    assert citation.is_verified()


def test_a_quote_that_is_not_in_its_source_is_never_stored():
    source = factories.source()
    agreement = factories.agreement()
    with pytest.raises(ValidationError) as error:
        factories.citation(agreement, source, "signed the treaty in Paris")
    assert "quote" in error.value.message_dict
    assert Citation.objects.count() == 0


def test_a_citation_must_end_after_it_starts():
    source = factories.source()
    agreement = factories.agreement()
    citation = factories.citation(agreement, source, "memorandum")
    with pytest.raises(IntegrityError), transaction.atomic():
        Citation.objects.filter(pk=citation.pk).update(end=citation.start)


def test_a_source_cannot_be_deleted_while_quotes_rest_on_it():
    from django.db.models import ProtectedError

    source = factories.source()
    factories.citation(factories.agreement(), source, "memorandum")
    with pytest.raises(ProtectedError):
        source.delete()


def test_deleting_a_record_deletes_its_citations():
    source = factories.source()
    agreement = factories.agreement()
    factories.citation(agreement, source, "memorandum")
    agreement.delete()
    assert Citation.objects.count() == 0


def test_a_source_keeps_the_digest_of_its_text():
    source = factories.source(text="Some text.")
    assert source.sha256 == text_digest("Some text.")
    source.text = "Other text."
    source.save()
    source.refresh_from_db()
    assert source.sha256 == text_digest("Other text.")


def test_str_and_urls():
    agreement = factories.agreement(title="Agreement on Strategic Partnership", short_title="SPCA")
    assert str(agreement) == "SPCA"
    assert agreement.get_absolute_url() == f"/agreements/{agreement.slug}/"
    figure = Figure(name="Trade turnover", value=2800000000, value_text="£2.8 billion", unit="GBP")
    assert str(figure) == "Trade turnover: £2.8 billion"


def test_status_is_empty_until_the_first_event():
    agreement = factories.agreement()
    agreement.refresh_status()
    assert agreement.status == ""
    factories.status_event(agreement, AgreementStatus.SIGNED, "2024-04-01", DatePrecision.MONTH)
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    assert agreement.status_since_display == "April 2024"

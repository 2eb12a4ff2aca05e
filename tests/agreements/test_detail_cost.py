"""The two detail endpoints of an agreement (its page and its API record)
after the per-request cost was cut (docs/PERFORMANCE.md, "Cutting the fixed
cost per request"): what they show is unchanged, and what they no longer
fetch or build stays out."""

import pytest

from agreements.models import AgreementStatus
from evidence.models import fetch_citations
from tests.support import factories

pytestmark = pytest.mark.django_db

LONG_TEXT = "The two sides signed the memorandum in London. " + "Background. " * 2000
# The agreement, its parties, signatories, topics, meetings made at, meetings
# discussed at, steps, relations either way, commitments, the citations of the
# agreement and of its steps together; and the content version, for the page
# cache's key.
PAGE_BUDGET = 12


@pytest.fixture
def cited_agreement(db):
    source = factories.source(text=LONG_TEXT, title="Joint statement", publisher="The Office")
    agreement = factories.agreement(title="Memorandum on wind power")
    agreement.parties.set([factories.organisation(), factories.organisation()])
    factories.citation(agreement, source, "signed the memorandum")
    signed = factories.status_event(agreement, AgreementStatus.SIGNED, "2024-01-01")
    factories.citation(signed, source, "in London")
    return agreement


def test_the_page_shows_each_quote_and_its_source_without_the_sources_text(
    client, cited_agreement, django_assert_max_num_queries
):
    with django_assert_max_num_queries(PAGE_BUDGET):
        response = client.get(cited_agreement.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "signed the memorandum" in html and "in London" in html
    assert html.count("Joint statement") >= 2 and "The Office" in html
    # Neither the page nor the template read the full text: a quote links to
    # its place in the source's own page.
    assert "Background." not in html
    shown = response.context["agreement"]
    quotes = [*shown.prefetched_citations, *shown.status_events.all()[0].prefetched_citations]
    assert [quote.quote for quote in quotes] == ["signed the memorandum", "in London"]
    assert all("text" in quote.source.get_deferred_fields() for quote in quotes)


def test_citations_of_several_kinds_come_in_one_query_each_in_its_own_order(
    cited_agreement, django_assert_num_queries
):
    source = factories.source(text=LONG_TEXT)
    later = factories.status_event(cited_agreement, AgreementStatus.IN_FORCE, "2024-06-01")
    uncited = factories.status_event(cited_agreement, AgreementStatus.IN_FORCE, "2024-09-01")
    factories.citation(cited_agreement, source, "Background.")
    # The later quote placed first: their position decides, not their ids.
    cited_agreement.citations.filter(quote="signed the memorandum").update(position=1)
    factories.citation(later, source, "two sides")
    signed = cited_agreement.status_events.get(status=AgreementStatus.SIGNED)
    records = [cited_agreement, signed, later, uncited]
    with django_assert_num_queries(1):
        fetch_citations(records)
    assert [[c.quote for c in record.prefetched_citations] for record in records] == [
        ["Background.", "signed the memorandum"],
        ["in London"],
        ["two sides"],
        [],
    ]
    with django_assert_num_queries(0):
        fetch_citations([])


def test_the_api_answers_the_same_bytes_whatever_order_the_translation_registry_keeps(
    api_client, cited_agreement, monkeypatch
):
    """modeltranslation keeps a model's translated fields in a set's order,
    which changes with each process's hash seed: two workers gave the same
    record two bodies (the `languages` object's order), so two ETags."""
    from modeltranslation.translator import translator

    path = f"/api/v1/agreements/{cited_agreement.slug}/"
    first = api_client.get(path)
    options = translator.get_options_for_model(type(cited_agreement))
    monkeypatch.setattr(options, "all_fields", dict(reversed(options.all_fields.items())))
    again = api_client.get(path)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert list(first.json()["languages"]) == [
        "title",
        "short_title",
        "signed_at",
        "summary",
        "signed_on_note",
    ]


def test_the_api_detail_reads_its_quotes_and_its_steps_in_one_query(
    api_client, cited_agreement, django_assert_max_num_queries
):
    path = f"/api/v1/agreements/{cited_agreement.slug}/"
    with django_assert_max_num_queries(9):
        full = api_client.get(path).json()
    assert [quote["quote"] for quote in full["citations"]] == ["signed the memorandum"]
    assert [quote["quote"] for step in full["status_history"] for quote in step["citations"]] == [
        "in London"
    ]
    # The list's row, whose citations come by prefetch, says the same.
    row = api_client.get("/api/v1/agreements/", {"expand": "all"}).json()["results"][0]
    assert (row["citations"], row["status_history"]) == (
        full["citations"],
        full["status_history"],
    )
    # A narrower detail fetches only the quotes it shows.
    with django_assert_max_num_queries(1):
        assert api_client.get(path, {"fields": "slug"}).json() == {"slug": cited_agreement.slug}
    only_steps = api_client.get(path, {"fields": "status_history"}).json()
    assert only_steps["status_history"] == full["status_history"]

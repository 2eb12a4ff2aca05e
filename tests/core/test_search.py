"""Full-text search (seeds.search): the same rule for the lists, the API and
the site-wide search page, on SQLite and on PostgreSQL alike: every word must
match, as a word or its start; best matches first unless an order is chosen;
hostile input answered, never a 500; drafts hidden from the public."""

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.urls import reverse

from agreements.models import AGREEMENT_SEARCH, Agreement, AgreementStatus
from core import search
from core.models import PublicationState
from portal.search import GROUPS
from tests.support import factories
from tests.support.api_fixtures import grant_all_model_permissions, token_client

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="about PostgreSQL's full-text search; the PostgreSQL run of the suite covers it",
)


def api_slugs(client, resource: str, **params) -> list[str]:
    response = client.get(f"/api/v1/{resource}/", {"page_size": 500, **params})
    assert response.status_code == 200, response.content
    return [row.get("slug", row.get("id")) for row in response.json()["results"]]


# --- Ranking -----------------------------------------------------------------


def test_a_title_hit_ranks_above_a_summary_hit(api_client):
    in_summary = factories.agreement(title="Trade memorandum", summary="On lithium mining.")
    in_title = factories.agreement(title="Lithium roadmap", summary="Mining.")
    factories.agreement(title="Uranium roadmap", summary="Mining.")

    expected = [in_title.slug, in_summary.slug]
    assert api_slugs(api_client, "agreements", search="lithium") == expected
    page = list(
        search.search(Agreement.objects.all(), AGREEMENT_SEARCH, "lithium").values_list(
            "slug", flat=True
        )
    )
    assert page == expected


def test_several_words_rank_by_where_each_matched(api_client):
    both_in_title = factories.agreement(title="Lithium and uranium supply")
    one_in_title = factories.agreement(title="Lithium supply", summary="Also uranium.")
    neither_in_title = factories.agreement(title="Supply", summary="Lithium and uranium.")
    factories.agreement(title="Uranium only", summary="Nothing else.")

    assert api_slugs(api_client, "agreements", search="uranium lithium") == [
        both_in_title.slug,
        one_in_title.slug,
        neither_in_title.slug,
    ]


def test_the_list_page_shows_the_best_match_first(client):
    factories.agreement(title="A trade memorandum", summary="On lithium.", signed_on="2020-01-01")
    factories.agreement(title="Lithium roadmap", signed_on="2010-01-01")
    content = client.get(reverse("agreements:agreement-list"), {"search": "lithium"}).content
    content = content.decode()
    assert content.index("Lithium roadmap") < content.index("A trade memorandum")


def test_the_meeting_list_shows_a_search_best_first_rather_than_by_series(client):
    series = factories.series(name="Annual dialogue")
    factories.meeting(title="Talks", summary="On zirconium.", series=series, number=1)
    factories.meeting(title="Zirconium forum")
    url = reverse("dialogue:meeting-list")
    searched = client.get(url, {"search": "zirconium"}).content.decode()
    assert "Best matches first" in searched
    assert searched.index("Zirconium forum") < searched.index("Talks")
    grouped = client.get(url).content.decode()
    assert "Best matches first" not in grouped
    assert "Annual dialogue" in grouped


def test_a_chosen_order_wins_over_the_rank(api_client):
    factories.agreement(slug="b", title="Beta", summary="lithium")
    factories.agreement(slug="a", title="Alpha", summary="lithium")
    factories.agreement(slug="c", title="Lithium gamma")
    assert api_slugs(api_client, "agreements", search="lithium")[0] == "c"
    assert api_slugs(api_client, "agreements", search="lithium", ordering="title") == [
        "a",
        "b",
        "c",
    ]


def test_past_the_rank_limit_matches_keep_the_list_order_and_the_count_stops(
    api_client, client, monkeypatch
):
    monkeypatch.setattr(search, "RANK_LIMIT", 2)
    for number, signed in enumerate(("2021-01-01", "2023-01-01", "2022-01-01")):
        factories.agreement(slug=f"deal-{number}", title=f"Deal {number}", signed_on=signed)
    factories.agreement(slug="deal-in-title", title="Lithium deal", signed_on="2000-01-01")

    response = api_client.get("/api/v1/agreements/", {"search": "deal"}).json()
    # Counted, and so listed, up to the limit + 1; newest first, as the list
    # is without a search, although "deal-in-title" would rank first.
    assert response["count"] == 3
    assert [row["slug"] for row in response["results"]] == ["deal-1", "deal-2", "deal-0"]
    page = client.get(reverse("agreements:agreement-list"), {"search": "deal"}).content.decode()
    assert "More than 2 results" in page


# --- Words and prefixes --------------------------------------------------------


def test_every_word_must_match_somewhere(api_client):
    both = factories.agreement(title="Lithium supply", summary="Signed in Astana.")
    factories.agreement(title="Lithium supply", summary="Signed in London.")
    assert api_slugs(api_client, "agreements", search="astana lithium") == [both.slug]


@pytest.mark.parametrize("typed", ["vass", "Vassilenko", "rom vass", "ROMAN", "r v"])
def test_names_match_as_typed_by_their_start(api_client, typed):
    factories.person(slug="roman-vassilenko", name="Roman Vassilenko")
    factories.person(slug="kathy-leach", name="Kathy Leach")
    assert api_slugs(api_client, "people", search=typed) == ["roman-vassilenko"]


def test_a_half_typed_title_word_matches(api_client):
    factories.agreement(slug="spca", title="Strategic Partnership Agreement")
    for typed in ("strat", "strategi", "strategic partn"):
        assert api_slugs(api_client, "agreements", search=typed) == ["spca"], typed


def test_organisations_match_by_name_and_short_name(api_client):
    factories.organisation(slug="hw", name="Heriot-Watt University", short_name="HWU")
    factories.organisation(slug="other", name="Coventry University")
    assert api_slugs(api_client, "organisations", search="heriot wat") == ["hw"]
    assert api_slugs(api_client, "organisations", search="hwu") == ["hw"]


def test_people_are_found_by_the_offices_they_held(api_client):
    factories.person(slug="kathy-leach", name="Kathy Leach", posts=["British Ambassador"])
    factories.person(slug="roman-vassilenko", name="Roman Vassilenko", posts=["Deputy Minister"])
    assert api_slugs(api_client, "people", search="ambassador") == ["kathy-leach"]
    # One word in the name, the other in a post.
    assert api_slugs(api_client, "people", search="kathy ambassador") == ["kathy-leach"]
    assert api_slugs(api_client, "people", search="roman ambassador") == []


def test_stop_words_are_left_out_unless_they_are_all_there_is(api_client):
    factories.agreement(slug="spca", title="Partnership Agreement", summary="Cooperation.")
    factories.person(slug="will-jones", name="Will Jones")
    assert api_slugs(api_client, "agreements", search="the partnership of the agreement") == [
        "spca"
    ]
    assert api_slugs(api_client, "people", search="will") == ["will-jones"]


def test_query_words_are_letters_and_digits():
    assert search.query_words("COP29 & Kazakhstan's | !(x:*)") == ["cop29", "kazakhstan", "x"]
    assert search.query_words("the") == ["the"]
    assert search.query_words("&|!():*'\"\\") == []
    assert len(search.query_words("word " * 50)) == search.MAX_WORDS


# --- Hostile input -------------------------------------------------------------

HOSTILE = [
    "&|!():*'\"\\",
    "a & b | !c",
    "lith:*",
    "'; DROP TABLE agreements_agreement; --",
    "(((",
    "a <-> b",
    "!!",
    "\\x00",
    "%_%",
    "ünïcödé Қазақстан",
    "x" * 200,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_is_answered_never_a_server_error(api_client, client, text):
    factories.agreement(title="Lithium roadmap")
    for resource in ("agreements", "people", "sources", "citations"):
        assert api_client.get(f"/api/v1/{resource}/", {"search": text}).status_code == 200
    assert client.get(reverse("agreements:agreement-list"), {"search": text}).status_code == 200
    assert client.get(reverse("portal:search"), {"q": text}).status_code == 200


def test_punctuation_alone_matches_nothing(api_client):
    factories.agreement(title="Lithium roadmap")
    assert api_slugs(api_client, "agreements", search="&|!") == []


def test_a_nul_byte_is_refused_by_name(api_client, client):
    response = api_client.get("/api/v1/agreements/", {"search": "lith\x00ium"})
    assert response.status_code == 400
    assert "search" in response.json()
    page = client.get(reverse("portal:search"), {"q": "lith\x00ium"})
    assert page.status_code == 200
    assert 'role="alert"' in page.content.decode()


# --- Every resource, drafts ----------------------------------------------------

RESOURCES = {
    "agreements": lambda word: factories.agreement(summary=f"About {word}."),
    "commitments": lambda word: factories.commitment(description=f"About {word}."),
    "figures": lambda word: factories.figure(note=f"About {word}."),
    "meetings": lambda word: factories.meeting(place=word.title()),
    "meeting-series": lambda word: factories.series(description=f"About {word}."),
    "people": lambda word: factories.person(posts=[f"Envoy for {word}"]),
    "organisations": lambda word: factories.organisation(short_name=word.upper()),
    "topics": lambda word: factories.topic(description=f"About {word}."),
    "sources": lambda word: factories.source(text=f"The text is about {word}."),
}


@pytest.mark.parametrize("resource", RESOURCES)
def test_the_api_searches_every_resource(api_client, resource):
    wanted = RESOURCES[resource]("zirconium")
    RESOURCES[resource]("tungsten")
    assert api_slugs(api_client, resource, search="zircon") == [wanted.slug]


def test_the_api_searches_quotes(api_client):
    source = factories.source(text="Both sides agreed on zirconium. Tungsten was not discussed.")
    agreement = factories.agreement()
    wanted = factories.citation(agreement, source, "Both sides agreed on zirconium.")
    factories.citation(agreement, source, "Tungsten was not discussed.")
    assert api_slugs(api_client, "citations", search="zirconium") == [wanted.pk]


@pytest.fixture
def draft_and_published():
    published = factories.agreement(slug="open-accord", title="Zirconium accord")
    draft = factories.agreement(
        slug="draft-accord", title="Zirconium draft", publication=PublicationState.DRAFT
    )
    return published, draft


def test_drafts_are_not_found_by_the_public(api_client, client, draft_and_published):
    assert api_slugs(api_client, "agreements", search="zirconium") == ["open-accord"]
    listed = client.get(reverse("agreements:agreement-list"), {"search": "zirconium"})
    assert "Zirconium draft" not in listed.content.decode()
    found = client.get(reverse("portal:search"), {"q": "zirconium"}).content.decode()
    assert "Zirconium accord" in found
    assert "Zirconium draft" not in found


def test_editors_find_drafts_in_the_api(draft_and_published):
    editor = User.objects.create_user("editor")
    grant_all_model_permissions(editor)
    found = api_slugs(token_client(editor), "agreements", search="zirconium")
    assert sorted(found) == ["draft-accord", "open-accord"]


# --- The search page -----------------------------------------------------------


def test_the_header_has_a_search_box_that_works_without_javascript(client):
    page = client.get(reverse("portal:dashboard")).content.decode()
    form = re.search(
        r'<form method="get" action="/search/"[^>]*role="search".*?</form>', page, re.S
    )
    assert form is not None
    assert re.search(r'<label for="site-search"[^>]*>', form.group(0))
    assert 'name="q"' in form.group(0)


def test_the_search_page_groups_the_best_matches_with_links(client):
    for number in range(7):
        factories.agreement(slug=f"accord-{number}", title=f"Zirconium accord {number}")
    factories.person(slug="zira", name="Zira Zirconova")
    factories.source(slug="zirconium-news", title="Zirconium news", text="Nothing more.")

    page = client.get(reverse("portal:search"), {"q": "zircon"}).content.decode()
    assert page.count('href="/agreements/accord-') == 5
    assert 'href="/agreements/?search=zircon"' in page
    assert "See all 7 agreements matching" in page
    assert 'href="/people/zira/"' in page
    assert 'href="/sources/zirconium-news/"' in page
    assert re.search(r'id="results-meetings">Meetings <span class="muted">\(0\)', page)
    assert page.count("<h1") == 1


def test_the_search_page_carries_as_of_and_shows_the_status_then(client):
    agreement = factories.agreement(slug="zr", title="Zirconium accord")
    factories.status_event(agreement, AgreementStatus.SIGNED, "2020-01-01")
    factories.status_event(agreement, AgreementStatus.RATIFIED, "2022-01-01")
    page = client.get(reverse("portal:search"), {"q": "zirconium", "as_of": "2021-01-01"})
    content = page.content.decode()
    assert 'href="/agreements/zr/?as_of=2021-01-01"' in content
    assert "status-signed" in content
    assert "status-ratified" not in content


def test_an_empty_search_page_only_offers_the_form(client, django_assert_max_num_queries):
    # Only the page cache's content version.
    with django_assert_max_num_queries(1):
        page = client.get(reverse("portal:search"))
    assert page.status_code == 200
    assert 'id="search-q"' in page.content.decode()


def test_the_search_page_costs_two_queries_a_kind_whatever_the_rows(
    client, django_assert_max_num_queries
):
    def visit():
        # Two a kind, and the page cache's content version.
        with django_assert_max_num_queries(2 * len(GROUPS) + 1):
            response = client.get(reverse("portal:search"), {"q": "zirconium"})
        assert response.status_code == 200
        return response.content.decode()

    visit()
    for number in range(20):
        agreement = factories.agreement(title=f"Zirconium accord {number}")
        agreement.parties.add(factories.organisation(name=f"Zirconium works {number}"))
        factories.person(name=f"Zirconium person {number}", posts=["Zirconium envoy"])
        factories.meeting(title=f"Zirconium talks {number}")
    assert "See all 20 agreements matching" in visit()


# --- The same results on both databases ---------------------------------------

# On the seed data, each query finds the same records on SQLite and on
# PostgreSQL. (They differ where English stemming reaches further than
# `icontains`: "agreements" finds "agreement" on PostgreSQL only.)
SEED_QUERIES = [
    ("agreements", "critical minerals", ["roadmap-critical-minerals-2024", "mou-critical-minerals-green-hydrogen-2023"]),
    ("agreements", "seasonal workers", ["mou-seasonal-workers-2025"]),
    ("agreements", "strategic partnership", ["spca"]),
    ("agreements", "strat", ["spca", "mou-seasonal-workers-2025"]),
    ("agreements", "minerals roadmap", ["roadmap-critical-minerals-2024"]),
    ("agreements", "kazakh", {"mou-seasonal-workers-2025", "spca", "roadmap-critical-minerals-2024", "mou-critical-minerals-green-hydrogen-2023"}),
    ("commitments", "campus", ["cardiff-university-campus-kazakhstan"]),
    ("commitments", "visa", {"uk-visa-easing-kazakh-citizens", "kazakhstan-visa-free-regime-british-citizens"}),
    ("commitments", "education", {"dual-degree-programmes-expansion", "strategic-dialogue-8-cooperation-prospects"}),
    ("meetings", "strategic dialogue", ["strategic-dialogue-8"]),
    ("meetings", "climate baku", ["tokayev-starmer-cop29-2024"]),
    ("meetings", "astana", {"cleverly-visit-astana-2023-03", "cleverly-smailov-2023-03", "cleverly-tokayev-2023-03"}),
    ("people", "kathy", ["kathy-leach"]),
    ("people", "starmer", ["keir-starmer"]),
    ("people", "foreign secretary", ["james-cleverly"]),
    ("people", "ambassador", {"eileen-taylor", "erlan-idrissov", "kathy-leach", "magzhan-ilyassov"}),
    ("organisations", "ministry kaz", {"kazakhstan-mfa", "kazakhstan-ministry-of-industry-and-construction", "kazakhstan-ministry-of-labour"}),
    ("organisations", "labour", {"glaa", "kazakhstan-ministry-of-labour"}),
    ("organisations", "university", {"cardiff-university", "coventry-university", "de-montfort-university", "heriot-watt-university"}),
    ("sources", "leeds", ["kazinform-2019-idrissov-leeds-visit"]),
    ("sources", "seasonal", ["kazinform-2025-02-strategic-dialogue-8"]),
    ("figures", "companies", {"british-companies-in-kazakhstan-550", "british-companies-in-kazakhstan-580"}),
    ("topics", "education", ["education"]),
    ("meeting-series", "commission", ["kz-uk-intergovernmental-commission"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("resource", "text", "expected"), SEED_QUERIES, ids=[f"{r}:{t}" for r, t, _ in SEED_QUERIES]
)
def test_seed_queries_find_the_same_records_on_both_databases(
    seeded, api_client, resource, text, expected
):
    """A list is an order both databases agree on; a set, records whose
    ranks tie or nearly (ts_rank weighs length, the SQLite score does not)."""
    found = api_slugs(api_client, resource, search=text)
    assert (found if isinstance(expected, list) else set(found)) == expected


# --- The index -----------------------------------------------------------------


def _searched_models():
    from django.apps import apps

    for model in apps.get_models():
        for index in model._meta.indexes:
            if isinstance(index, search.SearchIndex):
                yield model, index


@postgresql_only
def test_every_search_uses_its_gin_index():
    """The index is on exactly the expression the query filters by: with
    sequential and plain index scans priced out, the planner can only answer
    from it (a bitmap scan of the GIN index)."""
    from agreements.filters import AgreementFilterSet, CommitmentFilterSet, FigureFilterSet
    from dialogue.filters import MeetingFilterSet, MeetingSeriesFilterSet
    from evidence.filters import CitationFilterSet, SourceFilterSet
    from people.filters import OrganisationFilterSet, PersonFilterSet
    from topics.filters import TopicFilterSet

    filtersets = (
        AgreementFilterSet,
        CommitmentFilterSet,
        FigureFilterSet,
        MeetingFilterSet,
        MeetingSeriesFilterSet,
        OrganisationFilterSet,
        PersonFilterSet,
        TopicFilterSet,
        CitationFilterSet,
        SourceFilterSet,
    )
    indexed = {model: index.name for model, index in _searched_models()}
    assert len(indexed) == 11
    for filterset_class in filtersets:
        model = filterset_class._meta.model
        spec = filterset_class.base_filters["search"].spec
        matches, _ = search._search_postgresql(model.objects.all(), spec, ["zircon", "astana"])
        sql, params = matches.query.sql_with_params()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            # Nor a whole ordered index read with the vector as a filter,
            # which a wide vector can make look cheaper on a near-empty table.
            cursor.execute("SET LOCAL enable_indexscan = off")
            cursor.execute("EXPLAIN " + sql, params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        assert f"Bitmap Index Scan on {indexed[model]}" in plan, plan
        if spec.related:
            assert "Bitmap Index Scan on dialogue_post_search" in plan, plan


@postgresql_only
def test_the_stop_words_are_postgresqls():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT word FROM unnest(%s::text[]) AS word "
            "WHERE to_tsvector('english', word) <> ''::tsvector",
            [sorted(search.STOP_WORDS)],
        )
        assert cursor.fetchall() == []


@postgresql_only
def test_english_stemming_reaches_other_forms_on_postgresql(api_client):
    factories.agreement(slug="deal", title="Agreement with universities")
    assert api_slugs(api_client, "agreements", search="agreements university") == ["deal"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="about SQLite, which has no GIN")
def test_on_sqlite_the_search_index_is_a_comment_so_tables_can_be_rebuilt():
    # Not entered: SQLite's editor refuses to open inside the test's transaction.
    editor = connection.schema_editor(collect_sql=True)
    statements = []
    for model, index in _searched_models():
        statements += [index.create_sql(model, editor), index.remove_sql(model, editor)]
        # What SQLite runs for a model's indexes when it rebuilds the table,
        # as it does for any altered column.
        statements += [s for s in editor._model_indexes_sql(model) if index.name in str(s)]
    assert len(statements) == 3 * 11
    assert all(str(statement).startswith("-- ") for statement in statements)
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(str(statement))  # a comment: nothing to do


# --- Places and sources in Russian and Kazakh ----------------------------------


def test_meetings_are_found_by_their_place_in_russian_and_kazakh(api_client, client):
    factories.meeting(slug="in-leeds", place="Leeds", place_ru="Лидс", place_kk="Лидс")
    factories.meeting(slug="in-almaty", place="Almaty", place_ru="Алматы", place_kk="Алматы")
    assert api_slugs(api_client, "meetings", search="Лидс") == ["in-leeds"]
    assert api_slugs(api_client, "meetings", search="алматы") == ["in-almaty"]
    page = client.get("/kk/search/", {"q": "Лидс"}).content.decode()
    assert '<a href="/kk/meetings/in-leeds/">' in page
    assert "/meetings/in-almaty/" not in page


def test_sources_are_found_by_their_title_in_russian_and_kazakh(api_client, client):
    factories.source(
        slug="visit-to-leeds",
        title="Ambassador visits Leeds",
        title_ru="Посол посетил Лидс",
        title_kk="Елші Лидске барды",
        publisher="Kazinform",
        publisher_kk="Ақпарат агенттігі",
    )
    factories.source(slug="other", title="Roadmap signed", text="A roadmap was signed.")
    assert api_slugs(api_client, "sources", search="посетил") == ["visit-to-leeds"]
    assert api_slugs(api_client, "sources", search="Елші") == ["visit-to-leeds"]
    assert api_slugs(api_client, "sources", search="агенттігі") == ["visit-to-leeds"]
    page = client.get("/ru/search/", {"q": "Посол"}).content.decode()
    assert '<a href="/ru/sources/visit-to-leeds/" lang="en">Ambassador visits Leeds</a>' in page


@postgresql_only
def test_a_russian_word_form_of_a_source_title_matches_on_postgresql(api_client):
    factories.source(slug="visit", title="Ambassador visits", title_ru="Визит посла в Лидс")
    assert api_slugs(api_client, "sources", search="визита") == ["visit"]

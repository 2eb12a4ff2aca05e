"""What readers and link previews get from every page: references that point
at something, the folded filters, and (below) titles, descriptions and the
sitemap."""

import html as html_module
import json
import re

import pytest
from django.urls import reverse

from core.views import active_filter_count
from tests.portal.test_views_public import PAGES
from tests.support import factories

pytestmark = pytest.mark.django_db


def _url(name, slug):
    return reverse(name, args=[slug] if slug else [])


@pytest.mark.parametrize(("name", "slug"), PAGES)
def test_every_aria_reference_names_an_element_on_the_page(client, seeded, name, slug):
    html = client.get(_url(name, slug)).content.decode()
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    for attribute in ("aria-describedby", "aria-labelledby", "aria-controls"):
        for value in re.findall(rf'{attribute}="([^"]+)"', html):
            for target in value.split():
                assert target in ids, f"{attribute}={target!r} on {name} points at nothing"


def test_the_filter_panel_opens_and_counts_when_a_list_is_filtered(client, seeded):
    closed = client.get("/agreements/?search=minerals").content.decode()
    assert '<details class="more-filters">' in closed
    opened = client.get("/agreements/?kind=roadmap&status=signed").content.decode()
    assert '<details class="more-filters" open>' in opened
    assert re.search(r"Filter the list\s*\(2\)", opened)


def test_active_filter_count_ignores_empty_values_and_non_filters():
    from django.http import QueryDict

    query = QueryDict("kind=&status=signed&status=&as_of=2024-01-01&page=2&search=x&format=csv")
    assert active_filter_count(query) == 1


def _meta(html: str, attribute: str, name: str) -> str:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    assert match, f"no {attribute}={name} meta tag"
    return html_module.unescape(match.group(1))


def _json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD"
    return json.loads(match.group(1))


@pytest.mark.parametrize(("name", "slug"), PAGES)
def test_every_page_has_a_canonical_link_and_link_preview_tags(client, seeded, name, slug):
    html = client.get(_url(name, slug) + "?as_of=2025-01-01").content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    # Dates and filters are views of one page: the canonical address has no query.
    assert canonical == "http://testserver" + _url(name, slug)
    assert _meta(html, "property", "og:url") == canonical
    title = html_module.unescape(re.search(r"<title>(.*?) · ", html).group(1))
    assert _meta(html, "property", "og:title") == title
    assert _meta(html, "name", "twitter:card") == "summary"
    description = _meta(html, "name", "description")
    assert 20 < len(description) <= 161
    assert _meta(html, "property", "og:description") == description


def test_a_records_title_and_description_come_from_the_record(client, seeded):
    html = client.get("/agreements/spca/").content.decode()
    assert "<title>Agreement on Strategic Partnership" in html
    description = _meta(html, "name", "description")
    assert description.startswith("Agreement signed April 2024. Status: ratification pending")
    figure = _meta(
        client.get("/figures/british-companies-in-kazakhstan-580/").content.decode(),
        "name",
        "description",
    )
    assert "580" in figure
    descriptions = {
        _meta(client.get(_url(name, slug)).content.decode(), "name", "description")
        for name, slug in PAGES
        if slug
    }
    assert len(descriptions) == len([slug for _, slug in PAGES if slug])


def test_the_second_page_of_a_list_is_its_own_canonical_page(client, seeded):
    html = client.get("/sources/?page=2&kind=news").content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
    if "page 2 of" in html:
        assert canonical.group(1) == "http://testserver/sources/?page=2"


def test_json_ld_names_the_schema_org_type_that_fits(client, seeded):
    agreement = _json_ld(client.get("/agreements/spca/").content.decode())
    assert agreement["@type"] == "Legislation"
    assert agreement["legislationDate"] == "2024-04"
    assert agreement["alternateName"] == "Strategic Partnership and Cooperation Agreement"
    meeting = _json_ld(client.get("/meetings/strategic-dialogue-8/").content.decode())
    assert meeting["@type"] == "Event"
    assert meeting["startDate"] == "2025-02-11"
    assert meeting["location"]["name"]
    dashboard = _json_ld(client.get("/").content.decode())
    assert dashboard["@type"] == "WebSite"
    assert dashboard["potentialAction"]["target"].endswith("/search/?q={query}")
    dataset = _json_ld(client.get("/agreements/").content.decode())
    assert dataset["@type"] == "Dataset"
    assert dataset["name"] == "Agreements"
    assert dataset["distribution"]["contentUrl"] == "http://testserver/agreements/?format=csv"


def test_json_ld_cannot_end_its_script_element(client, db):
    factories.agreement(slug="hostile", title="</script><script>alert(1)</script> & <!--")
    html = client.get("/agreements/hostile/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block
    assert json.loads(block)["name"] == "</script><script>alert(1)</script> & <!--"


def test_robots_txt_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_the_sitemap_lists_every_published_record_and_no_draft(client, seeded):
    from agreements.models import Agreement
    from core.models import PublicationState
    from people.models import Person

    draft = factories.agreement(slug="draft-agreement", publication=PublicationState.DRAFT)
    xml = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>http://testserver([^<]+)</loc>", xml))
    for model in (Agreement, Person):
        for record in model.objects.published():
            assert record.get_absolute_url() in locations
    assert draft.get_absolute_url() not in locations
    assert {"/", "/agreements/", "/timeline/"} <= locations


def test_empty_parameters_are_dropped_from_the_address(client, seeded):
    response = client.get("/agreements/?search=&kind=&status=signed&status=&as_of=")
    assert response.status_code == 302
    assert response["Location"] == "/agreements/?status=signed"
    assert client.get("/search/?q=")["Location"] == "/search/"
    assert client.get("/agreements/?status=signed").status_code == 200


def _text(html: str) -> str:
    main = html.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return html_module.unescape(re.sub(r"<[^>]+>", " ", main))


@pytest.mark.parametrize(("name", "slug"), PAGES)
def test_no_internal_shorthand_reaches_a_reader(client, seeded, name, slug):
    html = client.get(_url(name, slug)).content.decode()
    text = _text(html)
    assert not re.search(r"\b[Ss]ource \d{3}\b", text), "a source by its file's number"
    assert "---------" not in html
    assert "As of on or" not in text
    assert not re.search(r">\s*(KZ|GB|AZ)\s*<", html), "a country code"
    description = _meta(html, "name", "description")
    assert not re.search(r"\b[Ss]ource \d{3}\b", description)


def test_a_numbered_source_becomes_its_title_and_a_link_in_every_language(client, seeded):
    html = client.get("/agreements/spca/").content.decode()
    # The title as written, said to be in the source's language (issue 16).
    assert '“<a href="/sources/uk-kazakh-relations-holistic-approach-2023/" lang="en">' in html
    russian = _text(client.get("/ru/agreements/spca/").content.decode())
    assert not re.search(r"[Ии]сточник[а-я]* \d{3}", russian)
    kazakh = _text(client.get("/kk/agreements/spca/").content.decode())
    assert not re.search(r"\d{3} дереккөз", kazakh)


def test_country_codes_read_as_names_in_the_readers_language(client, seeded):
    assert "United Kingdom" in _text(client.get("/organisations/").content.decode())
    assert "Великобритания" in _text(client.get("/ru/people/").content.decode())


def test_sorting_reads_as_sentences(client, seeded):
    html = client.get("/agreements/").content.decode()
    assert '<option value="" selected>Signed: latest first</option>' in html
    assert '<option value="-status_since">Status changed: latest first</option>' in html


def test_every_status_badge_links_to_its_meaning_in_the_glossary(client, seeded):
    glossary = client.get("/glossary/").content.decode()
    anchors = set(re.findall(r'<dt id="(status-[a-z_]+)">', glossary))
    assert {"status-ratification_pending", "status-overdue", "status-held"} <= anchors
    assert "waiting for a parliament" in glossary
    for path in ("/", "/agreements/spca/", "/commitments/", "/meetings/"):
        html = client.get(path).content.decode()
        badges = re.findall(
            r'<a class="status status-[a-z_]+" href="/glossary/#(status-[a-z_]+)"', html
        )
        assert badges, path
        assert set(badges) <= anchors, path


def test_api_operation_summaries_read_as_english(client, db):
    schema = client.get("/api/v1/schema/").content.decode()
    assert "One agreement, by slug" in schema
    assert not re.search(r"summary: One an? ", schema)


def test_json_ld_keeps_bidi_controls_as_escapes(client, db):
    factories.agreement(slug="bidi", title="evil \u202e reversed \u2067 open")
    html = client.get("/agreements/bidi/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert block.isascii()
    assert json.loads(block)["name"] == "evil \u202e reversed \u2067 open"

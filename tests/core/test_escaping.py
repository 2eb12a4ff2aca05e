"""Hostile text is shown as text on every surface: the public pages (inside
highlighted quotes too), the Atom feeds, the admin, the JSON API and the
CSV downloads. Every free-text field of one record of each kind holds a
script, an attribute break-out, HTML entities, astral characters and
unterminated bidi controls (tests/support/hostile.py)."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from kzuk_site.bidi import balance_bidi, balance_html
from tests.support import factories
from tests.support.hostile import (
    ASTRAL,
    BIDI,
    QUOTE,
    SCRIPT,
    SOURCE_TEXT,
    PageReader,
    build_hostile_records,
    hostile,
    short_hostile,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(db):
    return build_hostile_records()


# An agreement is named by its short title where it has one.
AGREEMENT_NAME = short_hostile("agr short")

# Each public page and the fields it shows (labels of tests.support.hostile.hostile).
PAGES = {
    "/": ["agreement title", "commitment title", "meeting title"],
    "/agreements/": ["agreement title"],
    "/agreements/hostile-agreement/": [
        "agreement title",
        "agreement summary",
        "signed at",
        "signed note",
        "organisation name",
        "person name",
        "topic name",
        "event note",
        "event date note",
        "source title",
        "source publisher",
        "meeting title",
        "commitment title",
    ],
    "/commitments/": ["commitment title"],
    "/commitments/hostile-commitment/": [
        "commitment title",
        "commitment description",
        "commitment event note",
        "organisation name",
        "meeting title",
        AGREEMENT_NAME,
    ],
    # The list shows the value in the reader's language; the source's own
    # words are on the figure's page.
    "/figures/": ["figure name"],
    "/figures/hostile-figure/": ["figure name", "figure words", "figure note", "source title"],
    "/timeline/": ["agreement title", "commitment title", "meeting title"],
    "/meetings/": ["meeting title", "series name", "meeting place"],
    "/meetings/hostile-meeting/": [
        "meeting title",
        "meeting summary",
        "meeting place",
        "person name",
        "topic name",
        "agreement title",
        "commitment title",
    ],
    "/meeting-series/hostile-series/": ["series name", "series description", "meeting title"],
    "/people/": ["person name"],
    "/people/hostile-person/": ["person name", "person bio", "post title", "meeting title"],
    "/organisations/": ["organisation name"],
    "/organisations/hostile-state/": ["organisation name", "organisation description"],
    "/topics/": ["topic name"],
    "/topics/hostile-topic/": ["topic name", "topic description", "agreement title"],
    "/sources/": ["source title", "source publisher"],
    "/sources/hostile-source/": ["source title", "source publisher", AGREEMENT_NAME],
}


def _shown(label: str) -> str:
    return label if label == AGREEMENT_NAME else hostile(label)


def _read(response) -> PageReader:
    assert response.status_code == 200
    return PageReader(response.content.decode())


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_show_hostile_text_as_text_and_isolate_it(client, records, path):
    response = client.get(path)
    page = _read(response)
    assert page.active == []
    assert BIDI[:-1] in response.content.decode()  # the controls are kept
    missing = [label for label in PAGES[path] if not page.shows(_shown(label))]
    assert missing == []
    assert page.bidi_leaks == []


def test_the_short_fields_are_shown_as_text(client, records):
    page = _read(client.get("/agreements/hostile-agreement/"))
    assert page.shows(short_hostile("agr short"))
    assert page.shows(short_hostile("treaty no"))
    # An organisation's short name is shown on its own page, after its name.
    organisation = _read(client.get("/organisations/hostile-state/"))
    assert organisation.shows(short_hostile("org short"))


def test_highlighted_quotes_escape_every_piece_and_keep_their_offsets(client, records):
    citation = records["agreement"].citations.get()
    # The quote's offsets count characters, astral ones included, so the
    # stored quote is exactly the stretch of text they delimit.
    assert SOURCE_TEXT[citation.start : citation.end] == QUOTE == citation.quote
    response = client.get("/sources/hostile-source/")
    page = _read(response)
    assert page.active == []
    assert page.shows(SOURCE_TEXT)
    html = response.content.decode()
    marked = html.split(f'id="q-{citation.pk}"', 1)[1].split("</mark>", 1)[0]
    assert PageReader(marked.split(">", 2)[2]).shows(QUOTE)


def test_a_search_for_hostile_text_echoes_it_as_text(client, records):
    term = hostile("search")
    page = _read(client.get("/agreements/", {"search": term}))
    assert page.active == []
    assert page.shows(term)


def test_the_feeds_carry_hostile_text_as_text(client, records):
    for path in ("/feeds/status-changes/", "/agreements/hostile-agreement/feed/"):
        response = client.get(path)
        assert response["Content-Type"].startswith("application/atom+xml")
        atom = "{http://www.w3.org/2005/Atom}"
        entry = ET.fromstring(response.content).find(f"{atom}entry")
        # An agreement is named by its short title where it has one.
        assert short_hostile("agr short") in entry.findtext(f"{atom}title")
        summary = entry.find(f"{atom}summary")
        # A summary of type html is HTML to the feed reader: the note must
        # reach it escaped, so that the reader shows it as typed.
        shown = PageReader(summary.text) if summary.get("type") == "html" else None
        assert shown is not None and shown.active == []
        assert shown.shows(hostile("event note"))
        assert shown.shows("“The two sides” (" + hostile("source title") + ")")


ADMIN_PAGES = {
    "evidence_source": ["source title", "source publisher"],
    "topics_topic": ["topic name"],
    "people_organisation": ["organisation name"],
    "people_person": ["person name"],
    "dialogue_meetingseries": ["series name"],
    "dialogue_meeting": ["meeting title"],
    "agreements_agreement": [AGREEMENT_NAME],
    "agreements_commitment": ["commitment title"],
    "agreements_figure": ["figure name"],
}


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.org", "pw"))
    return client


@pytest.mark.parametrize("model", ADMIN_PAGES)
def test_the_admin_shows_hostile_text_as_text(admin_client, records, model):
    app, name = model.split("_", 1)
    obj = next(r for r in records.values() if r._meta.label_lower == f"{app}.{name}")
    lists_every_field = (
        reverse(f"admin:{model}_changelist"),
        reverse(f"admin:{model}_change", args=[obj.pk]),
    )
    names_the_record = (
        reverse(f"admin:{model}_history", args=[obj.pk]),
        reverse(f"admin:{model}_delete", args=[obj.pk]),
    )
    for url in lists_every_field + names_the_record:
        page = _read(admin_client.get(url))
        assert page.active == [], url
        if url in lists_every_field:
            labels = ADMIN_PAGES[model]
            assert [label for label in labels if not page.shows(_shown(label))] == [], url
        else:
            assert page.shows(str(obj)), url


API = {
    "agreements/hostile-agreement": ["agreement title", "agreement summary", "signed at"],
    "commitments/hostile-commitment": ["commitment title", "commitment description"],
    "figures/hostile-figure": ["figure name", "figure note"],
    "meetings/hostile-meeting": ["meeting title", "meeting summary", "meeting place"],
    "meeting-series/hostile-series": ["series name", "series description"],
    "people/hostile-person": ["person name", "person bio"],
    "organisations/hostile-state": ["organisation name", "organisation description"],
    "topics/hostile-topic": ["topic name", "topic description"],
    "sources/hostile-source": ["source title", "source publisher"],
}


def _strings(data) -> list[str]:
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return [data] if isinstance(data, str) else []


@pytest.mark.parametrize("resource", API)
def test_the_api_serves_hostile_text_as_json_never_as_html(client, records, resource):
    detail, listing = f"/api/v1/{resource}/", f"/api/v1/{resource.split('/')[0]}/"
    # A list shows each record's name; its detail every field.
    for url, labels in ((detail, API[resource]), (listing, API[resource][:1])):
        response = client.get(url, HTTP_ACCEPT="application/json")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response["X-Content-Type-Options"] == "nosniff"
        strings = _strings(json.loads(response.content))
        assert [label for label in labels if hostile(label) not in strings] == [], url


def test_the_browsable_api_shows_hostile_text_as_text(client, records):
    response = client.get("/api/v1/agreements/hostile-agreement/", HTTP_ACCEPT="text/html")
    page = _read(response)
    assert page.active == []
    # The browsable API shows the JSON as text: quotes and all, JSON-escaped.
    assert page.shows(json.dumps(hostile("agreement title"), ensure_ascii=False)[1:-1])


def test_the_source_text_and_quotes_reach_the_api_verbatim(client, records):
    source = client.get("/api/v1/sources/hostile-source/").json()
    assert source["text"] == SOURCE_TEXT
    quotes = _strings(client.get("/api/v1/citations/", {"source": "hostile-source"}).json())
    assert QUOTE in quotes


def _csv(response) -> list[dict]:
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(body.decode())))


FORMULAS = ['=HYPERLINK("http://x")', "+1+1", "-1+1", "@SUM(A1)", "\tcmd", "\rcmd"]


@pytest.mark.parametrize("formula", FORMULAS)
@pytest.mark.parametrize("url", ["/people/?format=csv", "/api/v1/people/?format=csv"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(client, db, formula, url):
    factories.person(slug="formula", name=formula, description=formula)
    (row,) = _csv(client.get(url))
    assert row["name"] == "'" + formula
    if "description" in row:
        assert row["description"] == "'" + formula


@pytest.mark.parametrize(
    ("url", "value"),
    [("/figures/?format=csv", "-3.5"), ("/api/v1/figures/?format=csv", "-3.5000")],
)
def test_csv_keeps_a_negative_number_a_number(client, db, url, value):
    factories.figure(slug="fall", value="-3.5", unit="%", value_text="-3.5%")
    (row,) = _csv(client.get(url))
    assert row["value"] == value
    assert row["value_text"] == "'-3.5%"


def test_csv_carries_hostile_text_verbatim(client, records):
    (row,) = _csv(client.get("/agreements/?format=csv"))
    assert row["title"] == hostile("agreement title")


def test_the_hostile_kit_holds_what_it_claims():
    """A guard on the fixture itself: a broken kit would make every test above
    pass vacuously."""
    text = hostile("x")
    assert SCRIPT in text and '"><img' in text and "&amp;" in text
    assert ASTRAL in text and BIDI in text and len(ASTRAL) == 3


@pytest.mark.parametrize(
    ("text", "balanced"),
    [
        ("plain", "plain"),
        ("a\u2067b", "a\u2067b\u2069"),
        ("a\u202eb", "a\u202eb\u202c"),
        ("a\u2069\u202eb", "a\u202eb\u202c"),
        ("a\u202cb", "ab"),
        # A closing isolate closes the embeddings opened inside it (UAX #9).
        ("\u2066\u202bx\u2069y\u202c", "\u2066\u202bx\u2069y"),
        ("\u2068\u202ex\u2069\u202c", "\u2068\u202ex\u2069"),
        ("\u2066a\u2069\u202bb\u202c", "\u2066a\u2069\u202bb\u202c"),
    ],
)
def test_bidi_controls_are_balanced_within_their_text(text, balanced):
    assert balance_bidi(text) == balanced


def test_only_the_text_between_tags_is_balanced():
    html = '<p title="\u2067">a\u2067</p><a>\u2069b</a>'
    assert balance_html(html) == '<p title="\u2067">a\u2067\u2069</p><a>b</a>'

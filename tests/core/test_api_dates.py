"""Every partial date also as one EDTF level 0 string at its precision
(`signed_on_text`: "2024-04-24", "2024-04" or "2024"), in JSON and CSV, so
that no consumer mistakes the first of a month for a known day."""

import datetime

import pytest

from core.dates import DatePrecision
from tests.core.test_api_http import csv_rows
from tests.support import factories

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

PRECISIONS = [
    (datetime.date(2024, 4, 24), DatePrecision.DAY, "2024-04-24"),
    (datetime.date(2024, 4, 1), DatePrecision.MONTH, "2024-04"),
    (datetime.date(2024, 1, 1), DatePrecision.YEAR, "2024"),
]


def _signed_agreement(day, precision):
    """An agreement signed on `day` at `precision` by a state party, whose
    only status step is that signature."""
    party = factories.organisation()
    agreement = factories.agreement(signed_on=day, signed_on_precision=precision)
    agreement.parties.set([party])
    factories.status_event(agreement, "signed", day, precision, party=party)
    return agreement


@pytest.mark.parametrize(("day", "precision", "text"), PRECISIONS)
def test_an_agreement_gives_every_date_at_its_precision(api_client, day, precision, text):
    agreement = _signed_agreement(day, precision)
    for path in (f"/api/v1/agreements/{agreement.slug}/", "/api/v1/agreements/?expand=tracks"):
        body = api_client.get(path).json()
        row = body["results"][0] if "results" in body else body
        assert row["signed_on_text"] == text
        assert row["status_since_text"] == text
        assert row["status_confirmed_on_text"] == text
        if "status_history" in row:
            assert [step["date_text"] for step in row["status_history"]] == [text]
        track = row["tracks"][0]
        assert (track["since_text"], track["confirmed_on_text"]) == (text, text)


@pytest.mark.parametrize(("day", "precision", "text"), PRECISIONS)
def test_status_steps_and_the_csv_give_the_same_string(api_client, day, precision, text):
    agreement = _signed_agreement(day, precision)
    step = api_client.get(f"/api/v1/status-events/?agreement={agreement.slug}").json()
    assert step["results"][0]["date_text"] == text
    [row] = csv_rows(api_client.get("/api/v1/agreements/?format=csv"))
    assert (row["signed_on"], row["signed_on_text"]) == (day.isoformat(), text)
    assert row["status_since_text"] == text
    [step_row] = csv_rows(api_client.get("/api/v1/status-events/?format=csv"))
    assert step_row["date_text"] == text


def test_as_of_dates_have_their_strings_too(api_client):
    agreement = _signed_agreement(datetime.date(2024, 4, 1), DatePrecision.MONTH)
    row = api_client.get(f"/api/v1/agreements/{agreement.slug}/?as_of=2024-12-31").json()
    assert row["status_as_of_date_text"] == "2024-04"
    assert row["status_confirmed_as_of_text"] == "2024-04"
    before = api_client.get(f"/api/v1/agreements/{agreement.slug}/?as_of=2023-12-31").json()
    assert before["status_as_of_date_text"] is None


@pytest.mark.parametrize(
    ("due_on", "precision", "due_on_text", "due_by"),
    [
        (datetime.date(2020, 2, 10), DatePrecision.DAY, "2020-02-10", "2020-02-10"),
        (datetime.date(2020, 2, 1), DatePrecision.MONTH, "2020-02", "2020-02-29"),
        (datetime.date(2020, 1, 1), DatePrecision.YEAR, "2020", "2020-12-31"),
    ],
)
def test_a_commitment_is_due_in_a_period_said_at_its_precision(
    api_client, due_on, precision, due_on_text, due_by
):
    commitment = factories.commitment(due_on=due_on, due_on_precision=precision)
    row = api_client.get(f"/api/v1/commitments/{commitment.slug}/").json()
    # due_by is the period's last day; its string names the period, not that day.
    assert (row["due_on_text"], row["due_by"], row["due_by_text"]) == (
        due_on_text,
        due_by,
        due_on_text,
    )
    [csv_row] = csv_rows(api_client.get("/api/v1/commitments/?format=csv"))
    assert (csv_row["due_on_text"], csv_row["due_by_text"]) == (due_on_text, due_on_text)


@pytest.mark.parametrize(("day", "precision", "text"), PRECISIONS)
def test_meetings_figures_sources_and_posts(api_client, day, precision, text):
    meeting = factories.meeting(start_on=day, start_on_precision=precision)
    figure = factories.figure(as_of=day, as_of_precision=precision)
    source = factories.source(published_on=day, published_on_precision=precision)
    person = factories.person()
    factories.post(person, start_on=day, start_on_precision=precision)
    assert api_client.get(f"/api/v1/meetings/{meeting.slug}/").json()["start_on_text"] == text
    assert api_client.get(f"/api/v1/figures/{figure.slug}/").json()["as_of_text"] == text
    assert api_client.get(f"/api/v1/sources/{source.slug}/").json()["published_on_text"] == text
    posts = api_client.get(f"/api/v1/people/{person.slug}/").json()["posts"]
    assert [post["start_on_text"] for post in posts] == [text]
    for resource, column in (("meetings", "start_on"), ("figures", "as_of")):
        [row] = csv_rows(api_client.get(f"/api/v1/{resource}/?format=csv"))
        assert row[f"{column}_text"] == text


def test_no_date_is_null_not_an_empty_string(api_client):
    meeting = factories.meeting()
    row = api_client.get(f"/api/v1/meetings/{meeting.slug}/").json()
    assert row["end_on"] is None and row["end_on_text"] is None


def test_the_schema_describes_the_strings(api_client):
    schema = api_client.get("/api/v1/schema/?format=json").json()["components"]["schemas"]
    text = schema["Agreement"]["properties"]["signed_on_text"]
    assert text["type"] == "string" and text["nullable"] and text["readOnly"]
    assert text["pattern"] == r"^\d{4}(-\d{2}(-\d{2})?)?$"
    assert "since_text" in schema["Track"]["properties"]


def test_an_as_of_in_the_first_year_is_answered(api_client):
    # Found by schemathesis: a year's staleness window before 0001-01-22
    # fell off the calendar (a 500).
    agreement = _signed_agreement(datetime.date(2024, 4, 1), DatePrecision.MONTH)
    for path in ("/api/v1/agreements/", f"/api/v1/agreements/{agreement.slug}/"):
        assert api_client.get(path, {"as_of": "0001-01-22"}).status_code == 200

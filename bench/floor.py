"""The floor: bare endpoints that fetch the same rows as the real ones with
the fewest raw SQL queries PostgreSQL allows (nested rows gathered with
json_agg in the same statement), and return them with the standard json
module or a plain string template. What the real endpoint costs beyond its
floor is the price of Django, DRF and our code. Benchmark settings only.
"""

import datetime
import functools
import json
from string import Template
from types import SimpleNamespace

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchRank, SearchVectorExact
from django.db import connection
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.html import escape

from agreements.models import AGREEMENT_SEARCH, Agreement, StatusEvent
from agreements.status_rules import tracks
from core.content_lang import translated_fields
from core.dates import months_before, serialize_partial_date
from core.search import RANK_LIMIT, _tsquery

PAGE_SIZE_LIMIT = 500


def _content_type_ids() -> dict:
    models = {"agreement": Agreement, "event": StatusEvent}
    return {name: ContentType.objects.get_for_model(model).pk for name, model in models.items()}


def _citations_sql(owner_column: str, content_type: str) -> str:
    return f"""(SELECT coalesce(json_agg(json_build_object(
        'id', c.id, 'source', s.slug, 'quote', c.quote, 'start', c.start, 'end', c."end",
        'field', c.field_name) ORDER BY c.position, c.id), '[]')
      FROM seeds_citation c JOIN seeds_source s ON s.id = c.source_id
      WHERE c.content_type_id = %({content_type})s AND c.object_id = {owner_column})"""


def _slugs_sql(through: str, column: str, table: str) -> str:
    return f"""(SELECT coalesce(array_agg(t.slug ORDER BY t.slug), '{{}}')
      FROM {through} m JOIN {table} t ON t.id = m.{column} WHERE m.agreement_id = a.id)"""


AGREEMENT_COLUMNS = f"""
    a.id, a.slug, a.title, a.short_title, a.kind, a.status, a.status_since,
    a.status_since_precision, a.signed_on, a.signed_on_precision, a.signed_at,
    a.legally_binding, a.requires_ratification, a.summary, a.publication, a.updated_at,
    a.status_confirmed_on, a.status_confirmed_on_precision, a.status_since_inferred,
    a.status_confirmed_on_inferred, a.signed_on_inferred,
    (SELECT coalesce(json_agg(json_build_object('slug', o.slug, 'name', o.name,
        'short_name', o.short_name, 'country', o.country, 'kind', o.kind) ORDER BY o.name), '[]')
      FROM agreements_agreement_parties m JOIN dialogue_organisation o ON o.id = m.organisation_id
      WHERE m.agreement_id = a.id) AS parties,
    {_slugs_sql("agreements_agreement_signatories", "person_id", "dialogue_person")} AS signatories,
    {_slugs_sql("agreements_agreement_topics", "topic_id", "dialogue_topic")} AS topics,
    {_slugs_sql("agreements_agreement_meetings", "meeting_id", "dialogue_meeting")} AS meetings,
    {_slugs_sql("agreements_agreement_discussed_at", "meeting_id", "dialogue_meeting")}
      AS discussed_at,
    (SELECT coalesce(json_agg(json_build_object('id', e.id, 'status', e.status, 'kind', e.kind,
        'date', e.date, 'date_precision', e.date_precision, 'date_inferred', e.date_inferred,
        'date_note', e.date_note, 'party', p.slug, 'step', e.step, 'note', e.note,
        'citations', {_citations_sql("e.id", "event")})
        ORDER BY e.date, e.position, e.id), '[]')
      FROM agreements_statusevent e LEFT JOIN dialogue_organisation p ON p.id = e.party_id
      WHERE e.agreement_id = a.id AND e.publication = 'published') AS status_history,
    {_citations_sql("a.id", "agreement")} AS citations
"""


# The lean list row (the API's default, core/api/shape.py): no nested steps,
# quotes, tracks or summaries; the parties and topics by slug.
LEAN_COLUMNS = f"""
    a.id, a.slug, a.title, a.short_title, a.kind, a.status, a.status_since,
    a.status_since_precision, a.signed_on, a.signed_on_precision, a.signed_at,
    a.legally_binding, a.requires_ratification, a.summary, a.publication, a.updated_at,
    a.status_confirmed_on, a.status_confirmed_on_precision, a.status_since_inferred,
    a.status_confirmed_on_inferred, a.signed_on_inferred,
    (SELECT coalesce(array_agg(o.slug ORDER BY o.name), '{{}}')
      FROM agreements_agreement_parties m JOIN dialogue_organisation o ON o.id = m.organisation_id
      WHERE m.agreement_id = a.id) AS parties,
    {_slugs_sql("agreements_agreement_topics", "topic_id", "dialogue_topic")} AS topics
"""


def _with_texts(row: dict, *names: str) -> dict:
    """The EDTF string of each partial date, as the API gives it."""
    for name in names:
        # json_agg gives a nested row's date as a string.
        value = row[name]
        day = datetime.date.fromisoformat(value) if isinstance(value, str) else value
        row[f"{name}_text"] = serialize_partial_date(day, row[f"{name}_precision"])
    return row


def _languages(row: dict, model=Agreement) -> dict:
    """The API's `languages` for an English request: each translated field
    given, in its source language (core/api/languages.py)."""
    return {
        name: {"lang": "en", "fallback": False, "review": "source"}
        for name in translated_fields(model)
        if name in row
    }


def _lean_row(request, row: dict) -> dict:
    base = request.build_absolute_uri("/api/v1/")
    row = dict(row)
    row.pop("id")
    row["url"] = f"{base}agreements/{row['slug']}/"
    row["is_stale"] = _is_stale(row)
    row["languages"] = _languages(row)
    return _with_texts(row, "signed_on", "status_since", "status_confirmed_on")


def _fetch(sql: str, params: dict) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _api_row(request, row: dict) -> dict:
    base = request.build_absolute_uri("/api/v1/")
    row = dict(row)
    row.pop("id")
    row["url"] = f"{base}agreements/{row['slug']}/"
    row["parties_summary"] = row["parties"]
    row["tracks"] = _tracks(row)
    row["is_stale"] = _is_stale(row)
    row["languages"] = _languages(row)
    for party in row["parties_summary"]:
        party["url"] = f"{base}organisations/{party['slug']}/"
        party.pop("kind")
    row["parties"] = [party["slug"] for party in row["parties_summary"]]
    _with_texts(row, "signed_on", "status_since", "status_confirmed_on")
    for event in row["status_history"]:
        _with_texts(event, "date")
        event["languages"] = _languages(event, StatusEvent)
        event["url"] = f"{base}status-events/{event['id']}/"
        event["party_url"] = event["party"] and f"{base}organisations/{event['party']}/"
        _link_sources(base, event["citations"])
    _link_sources(base, row["citations"])
    for name in ("signatories_summary", "topics_summary", "meetings_summary"):
        for item in row.get(name, ()):
            item["url"] = f"{base}{name.split('_')[0]}/{item['slug']}/"
    return row


def _tracks(row: dict) -> list[dict]:
    """Each state party's track, by the same rule as the API
    (agreements.status_rules), from the rows already fetched: no query."""
    parties = [
        SimpleNamespace(pk=party["slug"], slug=party["slug"], country=party["country"])
        for party in row["parties"]
        if party["kind"] == "state"
    ]
    events = [
        SimpleNamespace(
            pk=event["id"],
            party_id=event["party"],
            status=event["status"],
            kind=event["kind"],
            step=event["step"],
            date=datetime.date.fromisoformat(str(event["date"])),
            date_precision=event["date_precision"],
            date_inferred=event["date_inferred"],
            position=index,
        )
        for index, event in enumerate(row["status_history"])
    ]
    shown = tracks(events, parties, requires_ratification=row["requires_ratification"])
    return [
        {
            "party": track.party.slug,
            "status": track.standing.status,
            "step": track.step,
            "since": track.standing.since,
            "since_precision": track.standing.since_precision,
            "since_inferred": track.standing.since_inferred,
            "confirmed_on": track.standing.confirmed_on,
            "confirmed_on_precision": track.standing.confirmed_on_precision,
            "confirmed_on_inferred": track.standing.confirmed_on_inferred,
            "confirmed_on_text": serialize_partial_date(
                track.standing.confirmed_on, track.standing.confirmed_on_precision
            ),
            "since_text": serialize_partial_date(
                track.standing.since, track.standing.since_precision
            ),
            "next_step": track.next_step,
        }
        for track in shown
    ]


def _is_stale(row: dict) -> bool:
    if not row["status"] or row["status"] in Agreement.SETTLED_STATUSES:
        return False
    stale_before = months_before(timezone.localdate(), settings.STATUS_STALE_AFTER_MONTHS)
    confirmed = row["status_confirmed_on"]
    return confirmed is not None and confirmed < stale_before


def _link_sources(base, citations):
    for citation in citations:
        citation["source_url"] = f"{base}sources/{citation['source']}/"


def _filters(request) -> tuple[str, dict]:
    conditions = ["a.publication = 'published'"]
    params = {}
    if status := request.GET.get("status"):
        conditions.append("a.status = %(status)s")
        params["status"] = status
    if topic := request.GET.get("topic"):
        conditions.append(
            "EXISTS (SELECT 1 FROM agreements_agreement_topics m JOIN dialogue_topic t"
            " ON t.id = m.topic_id WHERE m.agreement_id = a.id AND t.slug = %(topic)s)"
        )
        params["topic"] = topic
    if word := request.GET.get("search", "").strip():
        if not word.isalnum():
            raise Http404  # the floor takes one plain word; the benchmark sends one
        where, rank = _search_sql(word)
        conditions.append(where)
        params["rank"] = rank
    return " AND ".join(conditions), params


PLACEHOLDER = "floorplaceholder"


@functools.cache
def _compiled_search():
    """The site's own search condition and rank for agreements, as SQL: the
    floor must ask PostgreSQL the same question, answered by the same GIN
    index. Compiled once, by Django, then used as raw SQL."""
    query = Agreement.objects.all().query
    compiler = query.get_compiler(connection=connection)
    tsquery = _tsquery([PLACEHOLDER])
    condition = SearchVectorExact(AGREEMENT_SEARCH.vector(), tsquery).resolve_expression(query)
    rank = SearchRank(AGREEMENT_SEARCH.vector(ranked_only=True), tsquery).resolve_expression(query)
    return compiler.compile(condition), compiler.compile(rank)


def _search_sql(word: str) -> tuple[str, str]:
    def inline(sql_and_params):
        sql, params = sql_and_params
        literals = tuple(
            "'" + str(param).replace(PLACEHOLDER, word).replace("'", "''") + "'" for param in params
        )
        return (sql % literals).replace('"agreements_agreement".', "a.")

    where, rank = _compiled_search()
    return inline(where), inline(rank)


def api_agreement_list(request):
    page_size = min(int(request.GET.get("page_size", 50)), PAGE_SIZE_LIMIT)
    page = int(request.GET.get("page", 1))
    where, params = _filters(request)
    params |= _content_type_ids() | {"limit": page_size, "offset": (page - 1) * page_size}
    rank = params.pop("rank", None)
    with connection.cursor() as cursor:
        # Counted as the site counts a search: no further than its ranking limit.
        limit = f"LIMIT {RANK_LIMIT + 1}" if rank else ""
        cursor.execute(
            f"SELECT count(*) FROM (SELECT 1 FROM agreements_agreement a WHERE {where} {limit}) t",
            params,
        )
        (count,) = cursor.fetchone()
    order = "a.signed_on DESC, a.title, a.id"
    if rank and count <= RANK_LIMIT:
        order = f"{rank} DESC, {order}"
    # `expand=all` is the API's full list row; without it, the lean one.
    full = request.GET.get("expand") == "all"
    columns, make_row = (AGREEMENT_COLUMNS, _api_row) if full else (LEAN_COLUMNS, _lean_row)
    rows = _fetch(
        f"SELECT {columns} FROM agreements_agreement a WHERE {where}"
        f" ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s",
        params,
    )
    body = {
        "count": count,
        "next": None,
        "previous": None,
        "results": [make_row(request, row) for row in rows],
    }
    return HttpResponse(json.dumps(body, default=str), content_type="application/json")


def _summaries_sql(through: str, column: str, table: str, name: str) -> str:
    return f"""(SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.{name})
        ORDER BY t.slug), '[]')
      FROM {through} m JOIN {table} t ON t.id = m.{column} WHERE m.agreement_id = a.id)"""


# What the detail adds to a list row.
DETAIL_COLUMNS = f"""
    a.signed_on_note, a.created_at, a.treaty_series_number,
    a.command_paper_number,
    a.un_registration_number, a.official_url,
    {_summaries_sql("agreements_agreement_signatories", "person_id", "dialogue_person", "name")}
      AS signatories_summary,
    {_summaries_sql("agreements_agreement_topics", "topic_id", "dialogue_topic", "name")}
      AS topics_summary,
    {_summaries_sql("agreements_agreement_meetings", "meeting_id", "dialogue_meeting", "title")}
      AS meetings_summary,
    (SELECT coalesce(json_agg(json_build_object('kind', r.kind, 'target', t.slug)
        ORDER BY r.id), '[]')
      FROM agreements_agreementrelation r JOIN agreements_agreement t ON t.id = r.target_id
      WHERE r.agreement_id = a.id) AS relations
"""


def api_agreement_detail(request, slug):
    rows = _fetch(
        f"SELECT {AGREEMENT_COLUMNS}, {DETAIL_COLUMNS} FROM agreements_agreement a"
        " WHERE a.slug = %(slug)s AND a.publication = 'published'",
        {"slug": slug} | _content_type_ids(),
    )
    if not rows:
        raise Http404
    return HttpResponse(
        json.dumps(_api_row(request, rows[0]), default=str), content_type="application/json"
    )


PAGE = Template(
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>$title</title>'
    '<link rel="stylesheet" href="/static/css/site.css"></head><body><main id="main">'
    "<h1>$title</h1>$body</main></body></html>"
)
ROW = Template(
    '<tr><td><a href="/agreements/$slug/">$title</a></td><td>$kind</td><td>$signed</td>'
    "<td>$status</td><td>$parties</td></tr>"
)


def _page(title: str, body: str) -> HttpResponse:
    return HttpResponse(PAGE.substitute(title=escape(title), body=body))


def _agreement_rows(rows) -> str:
    return "".join(
        ROW.substitute(
            slug=row["slug"],
            title=escape(row["title"]),
            kind=row["kind"],
            signed=row["signed_on"] or "—",
            status=row["status"],
            parties=escape("; ".join(row["parties"] or ())),
        )
        for row in rows
    )


def agreement_list_page(request):
    page = int(request.GET.get("page", 1))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM agreements_agreement a WHERE a.publication = 'published'"
        )
        (count,) = cursor.fetchone()
    rows = _fetch(
        """SELECT a.slug, a.title, a.kind, a.signed_on, a.status,
             (SELECT array_agg(o.name ORDER BY o.name) FROM agreements_agreement_parties m
                JOIN dialogue_organisation o ON o.id = m.organisation_id
               WHERE m.agreement_id = a.id AND o.publication = 'published') AS parties
           FROM agreements_agreement a WHERE a.publication = 'published'
           ORDER BY a.signed_on DESC, a.title LIMIT 25 OFFSET %(offset)s""",
        {"offset": (page - 1) * 25},
    )
    return _page("Agreements", f"<p>{count}</p><table>{_agreement_rows(rows)}</table>")


def agreement_detail_page(request, slug):
    rows = _fetch(
        f"""SELECT {AGREEMENT_COLUMNS},
             (SELECT coalesce(json_agg(json_build_object('kind', r.kind, 'slug', t.slug,
                 'title', t.title)), '[]')
                FROM agreements_agreementrelation r JOIN agreements_agreement t
                  ON t.id = r.target_id WHERE r.agreement_id = a.id) AS relations,
             (SELECT coalesce(json_agg(json_build_object('slug', c.slug, 'title', c.title,
                 'status', c.status)), '[]')
                FROM agreements_commitment c WHERE c.agreement_id = a.id) AS commitments
           FROM agreements_agreement a
          WHERE a.slug = %(slug)s AND a.publication = 'published'""",
        {"slug": slug} | _content_type_ids(),
    )
    if not rows:
        raise Http404
    agreement = rows[0]
    steps = "".join(
        f"<li>{event['date']} {event['status']} {escape(event['party'] or '')}"
        + "".join(f"<blockquote>{escape(c['quote'])}</blockquote>" for c in event["citations"])
        + "</li>"
        for event in agreement["status_history"]
    )
    body = (
        f"<p>{agreement['status']} {agreement['status_since']}</p>"
        f"<p>{escape(agreement['summary'])}</p><ol>{steps}</ol>"
        + "".join(f"<p>{escape(r['title'])}</p>" for r in agreement["relations"])
        + "".join(f"<p>{escape(c['title'])}</p>" for c in agreement["commitments"])
    )
    return _page(agreement["title"], body)


def dashboard_page(request):
    rows = _fetch(
        """SELECT
             (SELECT json_object_agg(status, total) FROM (SELECT status, count(*) AS total
                FROM agreements_agreement WHERE publication = 'published' GROUP BY status) s)
               AS counts,
             (SELECT json_agg(h) FROM (SELECT a.slug, a.title, a.status, a.status_since
                FROM agreements_agreement a WHERE a.publication = 'published'
                ORDER BY a.status_since DESC, a.title LIMIT 12) h) AS headline,
             (SELECT json_agg(c) FROM (SELECT slug, title, due_on FROM agreements_commitment
                WHERE publication = 'published' AND status NOT IN ('fulfilled', 'dropped')
                ORDER BY due_on, title LIMIT 10) c) AS commitments,
             (SELECT json_agg(m) FROM (SELECT slug, title, start_on FROM dialogue_meeting
                WHERE publication = 'published' AND status = 'held'
                ORDER BY start_on DESC LIMIT 5) m) AS meetings,
             (SELECT json_agg(e) FROM (SELECT a.slug, a.title, e.status, e.date
                FROM agreements_statusevent e JOIN agreements_agreement a
                  ON a.id = e.agreement_id WHERE a.publication = 'published'
                ORDER BY e.date DESC, e.position DESC, e.id DESC LIMIT 8) e) AS changes""",
        {},
    )
    data = rows[0]
    body = (
        "".join(f"<p>{status}: {total}</p>" for status, total in (data["counts"] or {}).items())
        + "".join(f"<p>{escape(h['title'])} {h['status']}</p>" for h in data["headline"] or ())
        + "".join(f"<p>{escape(c['title'])}</p>" for c in data["commitments"] or ())
        + "".join(f"<p>{escape(m['title'])}</p>" for m in data["meetings"] or ())
        + "".join(f"<p>{escape(e['title'])} {e['status']}</p>" for e in data["changes"] or ())
    )
    return _page("KZ–UK Tracker", body)


TIMELINE_PARTS = (
    ("signing", "agreements_agreement", "signed_on", "signed_on_precision", "x.publication"),
    ("agreement_step", "agreements_statusevent", "date", "date_precision", "o.publication"),
    ("meeting", "dialogue_meeting", "start_on", "start_on_precision", "x.publication"),
    ("commitment_due", "agreements_commitment", "due_on", "due_on_precision", "x.publication"),
    (
        "commitment_step",
        "agreements_commitmentstatusevent",
        "date",
        "date_precision",
        "o.publication",
    ),
)
OWNERS = {
    "agreements_statusevent": "JOIN agreements_agreement o ON o.id = x.agreement_id",
    "agreements_commitmentstatusevent": "JOIN agreements_commitment o ON o.id = x.commitment_id",
}


def timeline_page(request):
    """One page of one year of the same five-way UNION ALL as the site's
    timeline (each table giving only its first rows by date, as the site
    asks), with the titles of that page's records, in one statement. The
    site's count and chart come from its cached counts by month
    (portal.timeline.counts_by_month), so the floor counts nothing."""
    page = int(request.GET.get("page", 1))
    offset = (page - 1) * 100
    year = int(request.GET.get("year") or _latest_year())
    union = " UNION ALL ".join(
        f"(SELECT x.{date} AS date, x.{precision} AS precision, '{kind}' AS kind, x.id"
        f" FROM {table} x {OWNERS.get(table, '')}"
        f" WHERE {published} = 'published' AND x.{date} >= %(start)s AND x.{date} < %(end)s"
        f" ORDER BY x.{date}, x.id LIMIT %(first)s)"
        for kind, table, date, precision, published in TIMELINE_PARTS
    )
    rows = _fetch(
        f"""WITH page AS (SELECT * FROM ({union}) entries
                          ORDER BY date, kind, id LIMIT 100 OFFSET %(offset)s)
            SELECT page.*, coalesce(a.title, e.title, m.title, c.title, ce.title) AS title
              FROM page
              LEFT JOIN agreements_agreement a ON page.kind = 'signing' AND a.id = page.id
              LEFT JOIN agreements_statusevent se
                ON page.kind = 'agreement_step' AND se.id = page.id
              LEFT JOIN agreements_agreement e ON e.id = se.agreement_id
              LEFT JOIN dialogue_meeting m ON page.kind = 'meeting' AND m.id = page.id
              LEFT JOIN agreements_commitment c ON page.kind = 'commitment_due' AND c.id = page.id
              LEFT JOIN agreements_commitmentstatusevent cse
                ON page.kind = 'commitment_step' AND cse.id = page.id
              LEFT JOIN agreements_commitment ce ON ce.id = cse.commitment_id
             ORDER BY page.date, page.kind, page.id""",
        {
            "offset": offset,
            "first": offset + 100,
            "start": datetime.date(year, 1, 1),
            "end": datetime.date(year + 1, 1, 1),
        },
    )
    body = "".join(
        f"<li>{row['date']} {row['kind']} {escape(row['title'] or '')}</li>" for row in rows
    )
    return _page("Timeline", f"<h1>{year}</h1><ol>{body}</ol>")


def _latest_year() -> int:
    """The year the site's timeline opens on: the latest with an event up to today."""
    latest = " UNION ALL ".join(
        f"(SELECT x.{date} AS date FROM {table} x {OWNERS.get(table, '')}"
        f" WHERE {published} = 'published' AND x.{date} <= %(today)s"
        f" ORDER BY x.{date} DESC LIMIT 1)"
        for _kind, table, date, _precision, published in TIMELINE_PARTS
    )
    # The site's "today" (its time zone's), not the server clock's.
    today = timezone.localdate()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT max(date) FROM ({latest}) latest", {"today": today})
        (day,) = cursor.fetchone()
    return (day or today).year

"""Visibility by construction: walk every public URL the resolver knows (the
site's pages, lists, CSV downloads, feeds, search, and the API's router with
every list and detail, as JSON, CSV and the browsable API) with a draft of
every content model present, and fail if any draft shows anywhere.

Three stages over the seed data (tests/support/drafts.py):
1. every URL, before any draft exists;
2. drafts added, tied to published records without changing any published
   row: every URL must answer exactly as in stage 1, byte for byte (so no
   count, filter choice, CSV column or order moved), and never name a draft;
3. published rows pointed at drafts: no response names a draft, and every
   URL or parameter naming a draft (`/agreements/<draft>/`,
   `?topic=<draft>`, `?search=<a draft's words>`) answers exactly as one
   naming nothing that exists.
"""

import itertools

import pytest
from django.core.cache import cache
from django.test import Client

from tests.support import drafts as draft_data
from tests.support.drafts import MARK, UNKNOWN
from tests.support.url_walk import Route, body, filter_parameters, routes

pytestmark = pytest.mark.django_db

# Format suffixes (`.json`): the browsable API is walked as `?format=api`.
FORMATS = ("json",)
# A release's zip needs a release made first: tests/opendata/test_data_page.py.
EXPECTED_404 = {"api:not-found", "portal:data-file"}


def _visit(client: Client, url: str) -> tuple[int, bytes]:
    response = client.get(url)
    return response.status_code, body(response)


def _slug_records(published: dict) -> dict[str, object]:
    """Published records with slugs, each kind once (the walker's kwargs)."""
    return {label: record for label, record in published.items() if hasattr(record, "slug")}


def _public_owned_records(published: dict) -> dict[str, object]:
    """A public record of each kind that the API finds by id."""
    from agreements.models import CommitmentStatusEvent, StatusEvent
    from evidence.models import Citation

    agreement = published["agreements.Agreement"]
    return {
        "agreements.StatusEvent": StatusEvent.objects.filter(agreement=agreement).first(),
        "agreements.CommitmentStatusEvent": CommitmentStatusEvent.objects.filter(
            commitment__publication="published"
        ).first(),
        "evidence.Citation": Citation.objects.filter(source=published["evidence.Source"]).first(),
    }


def _kwargs_for(route: Route, records: dict) -> list[dict]:
    """The parameters to fill a route with: a published record of its own
    model for the API (its router knows it), every kind's for the site."""
    values = []
    for param in route.params:
        if param == "format":
            values.append([("format", value) for value in FORMATS])
        elif param == "unknown_path":
            values.append([(param, "no-such-path/")])
        elif param == "name":
            # A release's zip (/data/<name>): made as an anonymous reader, no drafts in it.
            values.append([(param, "no-such-release.zip")])
        elif param in ("slug", "pk"):
            own = _api_model(route)
            chosen = [records[own]] if own else [r for r in records.values() if hasattr(r, param)]
            values.append([(param, getattr(r, param)) for r in chosen if r is not None])
        else:
            pytest.fail(f"teach the walker the parameter {param!r} of {route.pattern}")
    return [dict(combination) for combination in itertools.product(*values)]


def _api_model(route: Route) -> str | None:
    viewset = getattr(route.callback, "cls", None)
    queryset = getattr(viewset, "queryset", None)
    return queryset.model._meta.label if queryset is not None else None


def _base_urls(route: Route, records: dict) -> list[str]:
    urls = []
    for kwargs in _kwargs_for(route, records):
        url = route.url(**kwargs)
        urls.append(url)
        if route.is_api_list and "format" not in kwargs:
            urls += [f"{url}?format=csv", f"{url}?format=api"]
        elif route.drf_actions and "format" not in kwargs:
            urls.append(f"{url}?format=api")
        elif route.is_site_list:
            urls.append(f"{url}?format=csv")
    return urls


def walk_plan(published: dict) -> dict[Route, list[str]]:
    records = {**_slug_records(published), **_public_owned_records(published)}
    plan = {route: _base_urls(route, records) for route in routes()}
    assert sum(map(len, plan.values())) > 100
    return plan


def _draft_pairs(route: Route, drafts) -> list[tuple[str, str]]:
    """(URL naming a draft, the same URL naming nothing that exists)."""
    pairs = []
    own = _api_model(route)
    if "slug" in route.params:
        labels = [own] if own else list(drafts.records)
        for label in labels:
            for record in drafts.records.get(label, ()):
                if hasattr(record, "slug"):
                    kwargs = {"slug": record.slug, **_fixed(route)}
                    unknown = {**kwargs, "slug": record.slug.replace(MARK, UNKNOWN)}
                    pairs.append((route.url(**kwargs), route.url(**unknown)))
    if "pk" in route.params and own:
        for record in drafts.records.get(own, ()):
            pairs.append(
                (route.url(pk=record.pk, **_fixed(route)), route.url(pk=2**31, **_fixed(route)))
            )
    if not route.params or route.params == ("format",):
        pairs += _query_pairs(route, drafts)
    return pairs


def _fixed(route: Route) -> dict:
    return {"format": "json"} if "format" in route.params else {}


def _query_pairs(route: Route, drafts) -> list[tuple[str, str]]:
    base = route.url(**_fixed(route))
    queries = []
    for name, flt in filter_parameters(route):
        if hasattr(flt, "spec"):  # the text search
            queries.append((name, MARK))
        else:
            queries += [(name, slug) for slug in drafts.slugs(flt.queryset.model)]
    if route.filterset_class is None and not route.drf_actions:
        # Pages with filters of their own (the timeline, the site search).
        queries += [("topic", f"{MARK}-topic"), ("q", MARK)]
    formats = ["", "&format=csv"] if route.is_api_list or route.is_site_list else [""]
    return [
        (f"{base}?{name}={value}{fmt}", f"{base}?{name}={value.replace(MARK, UNKNOWN)}{fmt}")
        for name, value in queries
        for fmt in formats
    ]


def _leaks(answers: dict[str, tuple[int, bytes]]) -> list[str]:
    problems = []
    for url, (status, content) in answers.items():
        if status >= 500:
            problems.append(f"{url}: {status}")
        if MARK.encode() in content.lower():
            at = content.lower().index(MARK.encode())
            problems.append(f"{url}: names a draft: …{content[max(0, at - 80) : at + 40]!r}…")
    return problems


def _walk(client, plan) -> dict[str, tuple[int, bytes]]:
    # Stages write through update() and many-to-many links: start each from
    # an empty cache rather than rely on the page cache noticing.
    cache.clear()
    return {url: _visit(client, url) for urls in plan.values() for url in urls}


def test_every_content_model_has_a_draft_in_the_walk(seeded):
    drafts = draft_data.add_drafts()
    draft_data.point_published_records_at_drafts(drafts)
    expected = {model._meta.label for model in draft_data.content_models()}
    assert expected <= set(drafts.records), expected - set(drafts.records)


def test_no_public_url_shows_a_draft(seeded):
    client = Client()
    published = draft_data.published_records()
    plan = walk_plan(published)
    before = _walk(client, plan)
    _assert_every_route_answers(plan, before)

    drafts = draft_data.add_drafts()
    with_drafts = _walk(client, plan)
    changed = [url for url in plan_urls(plan) if with_drafts[url] != before[url]]
    assert changed == [], f"{len(changed)} responses changed when drafts were added: {changed}"
    assert _leaks(with_drafts) == []

    draft_data.point_published_records_at_drafts(drafts)
    pointed = _walk(client, plan)
    assert _leaks(pointed) == []
    mismatches = []
    for route in plan:
        for draft_url, unknown_url in _draft_pairs(route, drafts):
            cache.clear()
            status, content = _visit(client, draft_url)
            expected = _visit(client, unknown_url)
            if (status, content.replace(MARK.encode(), UNKNOWN.encode())) != expected:
                mismatches.append(
                    f"{draft_url} ({status}) differs from {unknown_url} ({expected[0]})"
                )
    assert mismatches == []


def plan_urls(plan) -> list[str]:
    return [url for urls in plan.values() for url in urls]


def _assert_every_route_answers(plan, answers) -> None:
    """Each route was really walked: a page, not a 404 for want of a record
    (the JSON 404 of unknown API paths aside)."""
    from kzuk_site.api import router

    unanswered = [
        route.pattern
        for route, urls in plan.items()
        if route.name not in EXPECTED_404 and not any(answers[url][0] < 400 for url in urls)
    ]
    assert unanswered == []
    answered_names = {
        route.name for route, urls in plan.items() if any(answers[url][0] == 200 for url in urls)
    }
    for _prefix, _viewset, basename in router.registry:
        assert {f"api:{basename}-list", f"api:{basename}-detail"} <= answered_names, basename

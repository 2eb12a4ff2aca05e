"""The site-wide search page: every kind of record matching the reader's
words, best first, a few of each with a link to the whole list so filtered.

It lives here, beside the dashboard and the timeline, because agreements is
the app that may import the others."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from agreements.models import (
    AGREEMENT_SEARCH,
    COMMITMENT_SEARCH,
    FIGURE_SEARCH,
    Agreement,
    Commitment,
    Figure,
)
from core import search
from core.views import AsOfMixin
from dialogue.models import MEETING_SEARCH, Meeting
from evidence.models import SOURCE_SEARCH, Source
from people.models import ORGANISATION_SEARCH, PERSON_SEARCH, Organisation, Person
from portal.typos import closest_names
from topics.models import TOPIC_SEARCH, Topic


class SiteSearchForm(forms.Form):
    # A CharField refuses a NUL byte, which PostgreSQL cannot take.
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)


@dataclass(frozen=True)
class Group:
    key: str
    heading: Promise
    list_url: str
    spec: search.SearchSpec
    # A function of the page's as_of date: the published records to search.
    records: Callable[[datetime.date | None], QuerySet]


def _agreements(as_of):
    agreements = Agreement.objects.published()
    return agreements.with_status_as_of(as_of) if as_of else agreements


def _commitments(as_of):
    commitments = Commitment.objects.published()
    return commitments.with_status_as_of(as_of) if as_of else commitments


GROUPS = (
    Group(
        "agreements", _("Agreements"), "agreements:agreement-list", AGREEMENT_SEARCH, _agreements
    ),
    Group(
        "meetings",
        _("Meetings"),
        "dialogue:meeting-list",
        MEETING_SEARCH,
        lambda as_of: Meeting.objects.published(),
    ),
    Group(
        "commitments",
        _("Commitments"),
        "agreements:commitment-list",
        COMMITMENT_SEARCH,
        _commitments,
    ),
    Group(
        "people",
        _("People"),
        "people:person-list",
        PERSON_SEARCH,
        lambda as_of: Person.objects.published(),
    ),
    Group(
        "organisations",
        _("Organisations"),
        "people:organisation-list",
        ORGANISATION_SEARCH,
        lambda as_of: Organisation.objects.published(),
    ),
    Group(
        "topics",
        _("Topics"),
        "topics:topic-list",
        TOPIC_SEARCH,
        lambda as_of: Topic.objects.published(),
    ),
    Group(
        "figures",
        _("Figures"),
        "agreements:figure-list",
        FIGURE_SEARCH,
        lambda as_of: Figure.objects.published(),
    ),
    Group(
        "sources",
        _("Sources"),
        "evidence:source-list",
        SOURCE_SEARCH,
        # Never the full text: only titles are shown.
        lambda as_of: Source.objects.published().defer("text"),
    ),
)


class SiteSearchView(AsOfMixin, TemplateView):
    """Two queries a kind of record, whatever the number of records: the
    matches counted (up to RANK_LIMIT + 1) and the best `per_group` fetched.
    The kinds come best match first; when nothing matches, the closest name
    to what was typed is searched instead (portal/typos.py)."""

    template_name = "portal/search.html"
    per_group = 5

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SiteSearchForm(self.request.GET)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        context.update(form=form, query=query, groups=[], rank_limit=search.RANK_LIMIT)
        if not query:
            return context
        groups = self.search_groups(query)
        if not any(group["count"] for group in groups):
            for suggestion in closest_names(query):
                found = self.search_groups(suggestion)
                if any(group["count"] for group in found):
                    context["corrected"], groups = suggestion, found
                    break
        context["groups"] = groups
        context["total_found"] = sum(group["count"] for group in groups)
        return context

    def search_groups(self, query: str) -> list[dict]:
        as_of = self.as_of
        groups = []
        for position, group in enumerate(GROUPS):
            records, count = search.search_counted(group.records(as_of), group.spec, query)
            found = list(records[: self.per_group]) if count else []
            for record in found:
                if as_of and hasattr(record, "status_as_of"):
                    record.shown_status = record.status_as_of or ""
            params = {"search": query, **({"as_of": as_of.isoformat()} if as_of else {})}
            groups.append(
                {
                    "key": group.key,
                    "heading": group.heading,
                    "records": found,
                    "count": count,
                    "capped": count > search.RANK_LIMIT,
                    "more": count > len(found),
                    "list_url": f"{reverse(group.list_url)}?{urlencode(params)}",
                    "order": _relevance(found, query, position),
                }
            )
        return sorted(groups, key=lambda group: group["order"])


def _relevance(found: list, query: str, position: int) -> tuple:
    """A kind's place on the page: first the kind whose best record is named
    exactly what was typed, then the one whose best record's name is most
    nearly what was typed ("Vassilenko": the person before the meetings that
    name him), then the best ranked, then the usual order."""
    if not found:
        return (2, 0.0, 0.0, position)
    best = found[0]
    typed = query.casefold()
    names = {str(best).casefold()} | {
        str(getattr(best, name, "") or "").casefold() for name in ("name", "title", "short_title")
    }
    names.discard("")
    exact = typed in names
    coverage = max((len(typed) / len(name) for name in names if typed in name), default=0.0)
    rank = getattr(best, "search_rank", None) or 0.0
    return (0 if exact else 1, -round(coverage, 2), -rank, position)

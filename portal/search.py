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

from agreements.models import AGREEMENT_SEARCH, COMMITMENT_SEARCH, Agreement, Commitment
from core import search
from core.views import AsOfMixin
from dialogue.models import MEETING_SEARCH, Meeting
from evidence.models import SOURCE_SEARCH, Source
from people.models import ORGANISATION_SEARCH, PERSON_SEARCH, Organisation, Person


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
    matches counted (up to RANK_LIMIT + 1) and the best `per_group` fetched."""

    template_name = "portal/search.html"
    per_group = 5

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = SiteSearchForm(self.request.GET)
        query = form.cleaned_data["q"].strip() if form.is_valid() else ""
        context.update(form=form, query=query, groups=[], rank_limit=search.RANK_LIMIT)
        if not query:
            return context
        as_of = self.as_of
        for group in GROUPS:
            records, count = search.search_counted(group.records(as_of), group.spec, query)
            found = list(records[: self.per_group]) if count else []
            for record in found:
                if as_of and hasattr(record, "status_as_of"):
                    record.shown_status = record.status_as_of or ""
            params = {"search": query, **({"as_of": as_of.isoformat()} if as_of else {})}
            context["groups"].append(
                {
                    "key": group.key,
                    "heading": group.heading,
                    "records": found,
                    "count": count,
                    "capped": count > search.RANK_LIMIT,
                    "more": count > len(found),
                    "list_url": f"{reverse(group.list_url)}?{urlencode(params)}",
                }
            )
        context["total_found"] = sum(group["count"] for group in context["groups"])
        return context

"""The site-wide pages: the dashboard and the timeline (the search page is
in search.py)."""

from functools import partial

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from agreements.models import Agreement, AgreementStatus, Commitment, StatusEvent
from agreements.status_rules import EventKind
from core.views import AsOfMixin
from dialogue.models import Meeting, MeetingStatus, Topic
from evidence.models import Source
from pagecache.aggregates import counted_once_per_version
from portal import charts
from portal.glossary import sections as glossary_sections
from portal.timeline import (
    TimelineFilter,
    counts_by_month,
    default_year,
    hydrate,
    mark_months,
    neighbour_years,
    timeline_rows,
)


class DashboardView(AsOfMixin, TemplateView):
    """Status at a glance: counts, headline agreements, open commitments,
    latest meetings and recent status changes."""

    template_name = "portal/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        as_of = self.as_of
        agreements = Agreement.objects.published().for_list()
        if as_of:
            agreements = agreements.with_status_as_of(as_of)
        counts = _counts(as_of)
        by_status = counts["agreements_by_status"]
        context["status_counts"] = [
            (value, label, by_status[value])
            for value, label in AgreementStatus.choices
            if by_status.get(value)
        ]
        context["unrecorded_count"] = by_status.get("", 0)
        headline = list(agreements.order_by("-status_since", "title")[:12])
        for agreement in headline:
            agreement.shown_status = agreement.status_shown(as_of)
            agreement.standing = agreement.standing_shown(as_of)
        context["headline_agreements"] = headline
        commitments = Commitment.objects.published().open().with_freshness(as_of)
        if as_of:
            commitments = commitments.filter(status_events__date__lte=as_of).distinct()
        context["open_commitments"] = commitments.order_by("due_on", "title")[:10]
        context.update(_freshness(as_of, counts))
        meetings = (
            Meeting.objects.published().filter(status=MeetingStatus.HELD).select_related("series")
        )
        if as_of:
            meetings = meetings.filter(start_on__lte=as_of)
        context["latest_meetings"] = meetings.order_by("-start_on")[:5]
        changes = (
            StatusEvent.objects.published()
            .filter(kind=EventKind.CHANGE)
            .select_related("agreement", "party")
        )
        if as_of:
            changes = changes.filter(date__lte=as_of)
        context["recent_changes"] = changes.order_by("-date", "-position", "-pk")[:8]
        context["agreements_chart"] = charts.agreements_by_status(context["status_counts"], as_of)
        context["commitments_chart"] = charts.commitments_by_status(
            counts["commitments_by_status"], as_of
        )
        return context


def _counts(as_of) -> dict:
    """The dashboard's counts over every published record, which read every
    row: counted once per content version and day (pagecache.aggregates),
    since overdue and stale depend on the day as well as the data."""
    day = as_of or timezone.localdate()
    return counted_once_per_version(
        "dashboard", (day.isoformat(), bool(as_of)), lambda: _count_everything(as_of)
    )


def _count_everything(as_of) -> dict:
    agreements = Agreement.objects.published()
    field = "status"
    if as_of:
        agreements, field = agreements.with_status_as_of(as_of), "status_as_of"
    commitments = Commitment.objects.published()
    commitment_field = "status"
    if as_of:
        commitments, commitment_field = commitments.with_status_as_of(as_of), "status_as_of"
    flags = (
        Commitment.objects.published()
        .with_freshness(as_of)
        .aggregate(
            overdue=Count("pk", filter=Q(is_overdue=True)),
            due_soon=Count("pk", filter=Q(is_due_soon=True)),
            stale=Count("pk", filter=Q(is_stale=True)),
        )
    )
    return {
        "agreements_by_status": _by(agreements, field),
        "commitments_by_status": _by(commitments, commitment_field),
        "overdue_count": flags["overdue"],
        "due_soon_count": flags["due_soon"],
        "stale_commitment_count": flags["stale"],
        "overdue_meeting_count": Meeting.objects.published()
        .with_due(as_of)
        .filter(is_overdue=True)
        .count(),
        "stale_agreement_count": Agreement.objects.published()
        .with_freshness(as_of)
        .filter(is_stale=True)
        .count(),
    }


def _by(records, field: str) -> dict[str, int]:
    """{status: records}, "" for records with none recorded (yet)."""
    rows = records.values(field).annotate(total=Count("pk")).order_by()
    return {row[field] or "": row["total"] for row in rows}


def _freshness(as_of, counts: dict) -> dict:
    """How sure the tracker is, as of the page's date: how many commitments
    are overdue and statuses stale, and when the newest source appeared."""
    sources = Source.objects.published().exclude(published_on=None)
    if as_of:
        sources = sources.filter(published_on__lte=as_of)
    return {
        **{
            name: counts[name]
            for name in (
                "overdue_count",
                "due_soon_count",
                "overdue_meeting_count",
                "stale_commitment_count",
                "stale_agreement_count",
            )
        },
        # Every field the dashboard shows of it: no lazy load after.
        "newest_source": sources.only(
            "slug",
            "title",
            "published_on",
            "published_on_precision",
            "published_on_inferred",
            "language",
        )
        .order_by("-published_on", "slug")
        .first(),
        "report_error_url": settings.REPORT_ERROR_URL,
    }


class _YearPaginator(Paginator):
    """Pages of one year of the timeline. Told its count (the year was
    counted by month for the chart), and asks for no more rows than the
    page it serves needs (`rows(first=n)`)."""

    def __init__(self, rows, per_page, *, count: int):
        super().__init__(rows(), per_page)
        self._rows = rows
        self._known_count = count

    @property
    def count(self) -> int:
        return self._known_count

    def page(self, number):
        number = self.validate_number(number)
        self.object_list = self._rows(first=number * self.per_page)
        return super().page(number)


class TimelineView(AsOfMixin, TemplateView):
    """One year of the timeline at a time (the latest with events up to
    today, unless `?year=` asks for another), with the nearest years on
    either side to step to: a page reads one year's window of the dates,
    however long the history grows."""

    template_name = "portal/timeline.html"
    paginate_by = 100

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.request.GET.get("year", "").strip()
        topic = self.request.GET.get("topic", "").strip()
        errors = []
        if year and not (year.isdigit() and 1900 <= int(year) <= 2200):
            errors.append("year")
            year = ""
        topics = Topic.objects.published().order_by("name")
        if topic and not topics.filter(slug=topic).exists():
            errors.append("topic")
            topic = ""
        narrowed = TimelineFilter(topic or None, self.as_of)
        shown_year = int(year) if year else default_year(narrowed)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            topics=topics,
            selected_year=year,
            selected_topic=topic,
            shown_year=shown_year,
            filter_errors=errors,
            querystring=query.urlencode(),
            entries=[],
        )
        if shown_year is None:  # no dated event at all
            return context
        counts = counts_by_month(narrowed, shown_year)
        rows = partial(timeline_rows, year=shown_year, topic=narrowed.topic, until=narrowed.until)
        paginator = _YearPaginator(rows, self.paginate_by, count=sum(counts.values()))
        page = paginator.get_page(self.request.GET.get("page"))
        earlier, later = neighbour_years(narrowed, shown_year)
        query["year"] = str(shown_year)
        context.update(
            page_obj=page,
            paginator=paginator,
            entries=mark_months(hydrate(page.object_list)),
            querystring=query.urlencode(),
            earlier_year=earlier,
            later_year=later,
            chart=charts.timeline_chart(
                shown_year, counts, lambda number: self._page_url(query, number), self.paginate_by
            ),
        )
        context["earlier_url"] = self._year_url(earlier) if earlier else ""
        context["later_url"] = self._year_url(later) if later else ""
        return context

    def _year_url(self, year: int) -> str:
        query = self.request.GET.copy()
        query.pop("page", None)
        query["year"] = str(year)
        return f"{self.request.path}?{query.urlencode()}"

    def _page_url(self, query, number: int) -> str:
        query = query.copy()
        if number > 1:
            query["page"] = str(number)
        return f"{self.request.path}?{query.urlencode()}"


class GlossaryView(AsOfMixin, TemplateView):
    template_name = "portal/glossary.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "sections": glossary_sections()}


# Crawlers may read every public page, the search page included (its
# canonical address has no query, so results fold into one page); the admin,
# the API (its data is the pages' data) and the language switch are not for them.
ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /api/
Disallow: /i18n/

Sitemap: {sitemap}
"""


@require_GET
def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    return HttpResponse(ROBOTS.format(sitemap=sitemap), content_type="text/plain; charset=utf-8")

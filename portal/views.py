"""The site-wide pages: the dashboard and the timeline (the search page is
in search.py)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from agreements.models import Agreement, AgreementStatus, Commitment, StatusEvent
from agreements.status_rules import EventKind
from core.views import AsOfMixin
from dialogue.models import Meeting, MeetingStatus, Topic
from evidence.models import Source
from portal import charts
from portal.glossary import sections as glossary_sections
from portal.timeline import hydrate, timeline_rows


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
            counts = agreements.values("status_as_of").annotate(total=Count("pk")).order_by()
            by_status = {row["status_as_of"] or "": row["total"] for row in counts}
        else:
            counts = (
                Agreement.objects.published()
                .values("status")
                .annotate(total=Count("pk"))
                .order_by()
            )
            by_status = {row["status"]: row["total"] for row in counts}
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
        context.update(_freshness(as_of))
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
        context["commitments_chart"] = charts.commitments_by_status(as_of)
        return context


def _freshness(as_of) -> dict:
    """How sure the tracker is, as of the page's date: how many commitments
    are overdue and statuses stale, and when the newest source appeared."""
    commitments = Commitment.objects.published().with_freshness(as_of)
    flags = commitments.aggregate(
        overdue=Count("pk", filter=Q(is_overdue=True)),
        due_soon=Count("pk", filter=Q(is_due_soon=True)),
        stale=Count("pk", filter=Q(is_stale=True)),
    )
    meetings = Meeting.objects.published().with_due(as_of)
    agreements = Agreement.objects.published().with_freshness(as_of)
    sources = Source.objects.published().exclude(published_on=None)
    if as_of:
        sources = sources.filter(published_on__lte=as_of)
    return {
        "overdue_count": flags["overdue"],
        "due_soon_count": flags["due_soon"],
        "overdue_meeting_count": meetings.filter(is_overdue=True).count(),
        "stale_commitment_count": flags["stale"],
        "stale_agreement_count": agreements.filter(is_stale=True).count(),
        "newest_source": sources.only("slug", "title", "published_on", "published_on_precision")
        .order_by("-published_on", "slug")
        .first(),
        "report_error_url": settings.REPORT_ERROR_URL,
    }


class TimelineView(AsOfMixin, TemplateView):
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
        rows = timeline_rows(
            year=int(year) if year else None, topic=topic or None, until=self.as_of
        )
        page = Paginator(rows, self.paginate_by).get_page(self.request.GET.get("page"))
        context["chart"] = charts.timeline_chart(rows)
        context.update(
            page_obj=page,
            paginator=page.paginator,
            entries=hydrate(page.object_list),
            topics=topics,
            selected_year=year,
            selected_topic=topic,
            filter_errors=errors,
        )
        query = self.request.GET.copy()
        query.pop("page", None)
        context["querystring"] = query.urlencode()
        return context


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

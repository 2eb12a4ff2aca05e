"""Atom feeds of status changes: all of them, or one agreement's."""

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, StatusEvent
from core.models import is_public
from evidence.models import Citation

FEED_LENGTH = 50


def _events():
    return (
        StatusEvent.objects.published()
        .select_related("agreement", "party")
        .prefetch_related(Prefetch("citations", queryset=Citation.objects.select_related("source")))
    )


class StatusChangesFeed(Feed):
    feed_type = Atom1Feed
    title = _("KZ–UK Tracker: status changes")
    subtitle = _("Every dated step in the status of an agreement between Kazakhstan and the UK.")

    def link(self):
        return reverse("agreements:agreement-list")

    def items(self):
        return _events().order_by("-date", "-position", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        party = f" ({item.party.name})" if is_public(item.party) else ""
        date = item.display_date_marked("date")
        return f"{item.agreement}: {item.get_status_display()}{party}, {date}"

    def item_description(self, item):
        # Atom1Feed marks the summary type="html": a reader renders it as
        # HTML, so the editors' and the sources' text goes in escaped.
        quotes = " ".join(f"“{c.quote}” ({c.source.title})" for c in item.citations.all())
        return escape(" ".join(part for part in (item.note, quotes) if part))

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"status-event-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(), tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return item.updated_at


class AgreementStatusFeed(StatusChangesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Agreement.objects.published(), slug=slug)

    def title(self, obj):
        return _("Status changes: %(agreement)s") % {"agreement": obj}

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        return _events().filter(agreement=obj).order_by("-date", "-position", "-pk")[:FEED_LENGTH]

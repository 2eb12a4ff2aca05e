"""Atom feeds of status changes: all of them, or one agreement's.

Each entry's <updated> is the step's own date (when the status changed), not
when the record was loaded or edited; ids are `tag:` URIs (RFC 4151), stable
wherever the site is served. A feed answers If-None-Match and
If-Modified-Since with a 304 when none of its entries changed."""

import datetime
import hashlib

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, StatusEvent
from core.content_lang import marked_label, marked_text
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

    def __call__(self, request, *args, **kwargs):
        etag, last_modified = self._validators(request, *args, **kwargs)
        unchanged = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if unchanged is not None:
            return unchanged
        response = super().__call__(request, *args, **kwargs)
        response["ETag"] = etag
        # When an entry last changed, not the latest <updated> (a step's
        # date): a step added today for 2023 is still news to a reader.
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        return response

    def _validators(self, request, *args, **kwargs) -> tuple[str, float | None]:
        """The entries' ids and last changes decide the feed: an ETag from
        them, and the latest change. One small query."""
        obj = self.get_object(request, *args, **kwargs)
        entries = list(self._get_dynamic_attr("items", obj).values_list("pk", "updated_at"))
        digest = hashlib.sha256(
            repr((getattr(request, "LANGUAGE_CODE", ""), entries)).encode()
        ).hexdigest()
        latest = max((changed for _pk, changed in entries), default=None)
        return f'"{digest[:40]}"', latest.timestamp() if latest else None

    def link(self):
        return reverse("agreements:agreement-list")

    def feed_guid(self):
        return f"{settings.FEED_TAG_PREFIX}feeds/status-changes"

    def items(self):
        return _events().order_by("-date", "-position", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        party = f" ({marked_text(item.party, 'name')})" if is_public(item.party) else ""
        date = item.display_date_marked("date")
        return f"{marked_label(item.agreement)}: {item.get_status_display()}{party}, {date}"

    def item_description(self, item):
        # Atom1Feed marks the summary type="html": a reader renders it as
        # HTML, so the editors' and the sources' text goes in escaped.
        # Quotes and the sources' titles as written: they are the evidence.
        quotes = " ".join(f"“{c.quote}” ({c.source})" for c in item.citations.all())
        note = marked_text(item, "note") if item.note else ""
        return escape(" ".join(part for part in (note, quotes) if part))

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"{settings.FEED_TAG_PREFIX}status-event/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return _event_time(item)

    def item_updateddate(self, item):
        return _event_time(item)


class AgreementStatusFeed(StatusChangesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Agreement.objects.published(), slug=slug)

    def title(self, obj):
        return _("Status changes: %(agreement)s") % {"agreement": marked_label(obj)}

    def link(self, obj):
        return obj.get_absolute_url()

    def feed_guid(self, obj):
        return f"{settings.FEED_TAG_PREFIX}agreements/{obj.slug}/feed"

    def items(self, obj):
        return _events().filter(agreement=obj).order_by("-date", "-position", "-pk")[:FEED_LENGTH]


def _event_time(event) -> datetime.datetime:
    """The step's own date, at the start of its period (a month-precise step
    on the 1st), as Atom needs a time."""
    return datetime.datetime.combine(event.date, datetime.time(), tzinfo=datetime.UTC)

"""The XML sitemap (/sitemap.xml): every published record's page and the
lists. Drafts never appear: each section reads `published()` only, and the
visibility walker (tests/core/test_visibility_walk.py) checks the result."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from agreements.models import Agreement, Commitment, Figure
from dialogue.models import Meeting, MeetingSeries
from evidence.models import Source
from people.models import Organisation, Person
from topics.models import Topic


class LanguagesSitemap(Sitemap):
    """Every address in each language (English at the root, /ru/, /kk/),
    each naming the others and the default (hreflang alternates)."""

    i18n = True
    alternates = True
    x_default = True


class PublishedSitemap(LanguagesSitemap):
    model = None
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return self.model.objects.published().order_by("pk").only("pk", "slug", "updated_at")

    def lastmod(self, record):
        return record.updated_at


def published_sitemap(model, priority: float) -> type[Sitemap]:
    return type(
        f"{model.__name__}Sitemap", (PublishedSitemap,), {"model": model, "priority": priority}
    )


class ListSitemap(LanguagesSitemap):
    changefreq = "daily"
    priority = 0.6
    names = (
        "portal:dashboard",
        "agreements:agreement-list",
        "agreements:commitment-list",
        "agreements:figure-list",
        "portal:timeline",
        "portal:glossary",
        "portal:data",
        "dialogue:meeting-list",
        "people:person-list",
        "people:organisation-list",
        "topics:topic-list",
        "evidence:source-list",
    )

    def items(self):
        return self.names

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "lists": ListSitemap,
    "agreements": published_sitemap(Agreement, 0.9),
    "commitments": published_sitemap(Commitment, 0.7),
    "figures": published_sitemap(Figure, 0.5),
    "meetings": published_sitemap(Meeting, 0.7),
    "series": published_sitemap(MeetingSeries, 0.5),
    "people": published_sitemap(Person, 0.5),
    "organisations": published_sitemap(Organisation, 0.5),
    "topics": published_sitemap(Topic, 0.5),
    "sources": published_sitemap(Source, 0.5),
}

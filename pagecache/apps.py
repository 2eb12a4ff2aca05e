from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from core.counting import keep_counts_with
        from pagecache.aggregates import counted_once_per_version
        from pagecache.invalidation import connect_content_signals

        connect_content_signals()
        # Lists' counts (core.counting) kept under the content version too.
        keep_counts_with(counted_once_per_version)

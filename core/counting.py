"""How many rows a list's filters select, counted once until the content changes.

A list's count (the API's `count`, a page's numbers) reads every row its
filters select, so a page of 100 rows costs time in proportion to the
table: about 0.5 s at 100,000 agreements and 2 s at 1,000,000. The same
count is right until the next write. The page cache app registers how to
keep it (`keep_counts_with`), under the content version that every write
moves on, so a kept count is never stale; where no keeper is registered,
lists count on every request, as Django's paginator does.

Core cannot import the page cache app (it sits above core); the app hands
its keeper down when it is ready.
"""

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import cached_property

# keeper(name, parts, count): count()'s result, kept under name and parts.
CountKeeper = Callable[[str, tuple, Callable[[], Any]], Any]

_keeper: CountKeeper | None = None


def keep_counts_with(keeper: CountKeeper | None) -> None:
    global _keeper
    _keeper = keeper


def kept_count(queryset) -> int:
    """`queryset.count()`, kept (`kept_for_query`)."""
    if not isinstance(queryset, QuerySet):
        return len(queryset)
    return kept_for_query("count", queryset, queryset.count, nothing=0)


def kept_for_query(name: str, queryset: QuerySet, compute: Callable[[], Any], *, nothing: Any):
    """`compute()`, a figure over every row `queryset` selects, kept under
    the query's own SQL and parameters: two lists that filter alike share
    it, two that differ never do (drafts an editor sees, an `as_of`, a
    filter value are all in the SQL). `nothing` is the figure of a query
    that can select no row."""
    if _keeper is None:
        return compute()
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return nothing  # a filter that can match nothing (`pk__in=[]`): no query to make
    digest = hashlib.sha256(repr((queryset.db, sql, params)).encode()).hexdigest()
    # The day too: a filter may compare with today in SQL, not as a parameter.
    return _keeper(name, (timezone.localdate().isoformat(), digest), compute)


class KeptCountPaginator(Paginator):
    """Django's paginator, its count kept (`kept_count`)."""

    @cached_property
    def count(self) -> int:
        return kept_count(self.object_list)

"""GET /api/v1/changes/: what a mirror of the public API must do, in order."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.api.pagination import ApiPagination
from opendata.models import SHOWN, Change, ChangeAction
from opendata.resources import BY_NAME

DEFAULT_PAGE_SIZE = 100
MAX_CURSOR = 2**63 - 1


class ChangeSerializer(serializers.Serializer):
    resource = serializers.ChoiceField(
        choices=sorted(BY_NAME), help_text="The list it is in: /api/v1/<resource>/."
    )
    slug = serializers.CharField(
        allow_null=True,
        help_text="The record's slug (for a removal, the slug it had); null for the "
        "resources keyed by id (status events, citations).",
    )
    id = serializers.IntegerField(source="object_id", help_text="The record's id.")
    action = serializers.ChoiceField(
        choices=ChangeAction.values,
        help_text="created: now in the public list (new, or newly published); updated: "
        "changed; unpublished: no longer public; deleted: gone.",
    )
    at = serializers.DateTimeField(help_text="When (UTC).")
    url = serializers.SerializerMethodField(
        help_text="The record's API URL to fetch it from; null when it left the list."
    )

    def get_url(self, change) -> str | None:
        if change.action not in SHOWN:
            return None
        resource = BY_NAME[change.resource]
        lookup = {"slug": change.slug} if resource.by_slug else {"pk": change.object_id}
        path = reverse(f"api:{resource.basename}-detail", kwargs=lookup)
        return self.context["request"].build_absolute_uri(path)


class ChangesPageSerializer(serializers.Serializer):
    cursor = serializers.CharField(
        help_text="Where this page ends: pass it as `cursor` to read on, now or later."
    )
    next = serializers.URLField(
        allow_null=True, help_text="The next page's URL; null when nothing more is there yet."
    )
    results = ChangeSerializer(many=True, help_text="The changes, oldest first.")


SINCE = OpenApiParameter(
    "since",
    OpenApiTypes.DATETIME,
    description="Start at changes made at or after this time (ISO 8601, any UTC offset; "
    "without one, UTC). For a first sync, or to start again; then follow `cursor`.",
)
CURSOR = OpenApiParameter(
    "cursor",
    {"type": "string", "pattern": "^[0-9]{1,19}$", "maxLength": 19},
    description="Start after the page that gave this cursor (not with `since`).",
)
PAGE_SIZE = OpenApiParameter(
    "page_size",
    OpenApiTypes.INT,
    description=f"Changes per page, 1 to {ApiPagination.max_page_size} "
    f"(default {DEFAULT_PAGE_SIZE}).",
)


class ChangesView(APIView):
    """The feed a mirror follows: every record that appeared in, changed in,
    or left a public list, in the order it happened. Drafts never show; a
    record's first publication reads `created`."""

    permission_classes = (AllowAny,)

    @extend_schema(
        summary="Changes to the public records, oldest first",
        parameters=[SINCE, CURSOR, PAGE_SIZE],
        responses=ChangesPageSerializer,
    )
    def get(self, request):
        params = request.query_params
        if "since" in params and "cursor" in params:
            raise ValidationError({"cursor": ["Give `since` or `cursor`, not both."]})
        size = _page_size(params.get("page_size"))
        changes = Change.objects.order_by("id")
        after = _cursor(params.get("cursor"))
        if after is not None:
            changes = changes.filter(id__gt=after)
        elif "since" in params:
            changes = changes.filter(at__gte=_since(params["since"]))
        page = list(changes[: size + 1])
        more = len(page) > size
        page = page[:size]
        if page:
            end = page[-1].id
        elif after is not None:
            end = after
        else:
            # Nothing since then: go on from the newest entry, if any.
            end = Change.objects.order_by("-id").values_list("id", flat=True).first() or 0
        next_url = None
        if more:
            next_url = request.build_absolute_uri(
                f"{request.path}?cursor={end}"
                + (f"&page_size={size}" if "page_size" in params else "")
            )
        context = {"request": request}
        return Response(
            {
                "cursor": str(end),
                "next": next_url,
                "results": ChangeSerializer(page, many=True, context=context).data,
            }
        )


def _page_size(raw: str | None) -> int:
    if raw is None:
        return DEFAULT_PAGE_SIZE
    size = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else 0
    if not 1 <= size <= ApiPagination.max_page_size:
        raise ValidationError(
            {"page_size": [f"A whole number from 1 to {ApiPagination.max_page_size}."]}
        )
    return size


def _cursor(raw: str | None) -> int | None:
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 19 and int(raw) <= MAX_CURSOR):
        raise ValidationError({"cursor": ["A cursor this feed gave: a whole number."]})
    return int(raw)


def _since(raw: str) -> datetime.datetime:
    try:
        moment = parse_datetime(raw.strip())
    except ValueError:
        moment = None
    if moment is None:
        raise ValidationError(
            {"since": ["An ISO 8601 date and time, such as 2025-02-12T00:00:00Z."]}
        )
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=datetime.UTC)
    try:
        # In UTC: PostgreSQL refuses offsets past ±15:59 that Python allows.
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        message = "A date and time between the years 1 and 9999."
        raise ValidationError({"since": [message]}) from None

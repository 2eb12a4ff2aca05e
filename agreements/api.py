"""API viewsets for agreements, their status events, commitments and figures."""

from django.core.exceptions import ValidationError
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.exceptions import APIException

from agreements.filters import (
    AgreementFilterSet,
    CommitmentFilterSet,
    CommitmentStatusEventFilterSet,
    FigureFilterSet,
    StatusEventFilterSet,
)
from agreements.models import Agreement, Commitment, CommitmentStatusEvent, Figure, StatusEvent
from agreements.serializers import (
    AgreementListSerializer,
    AgreementSerializer,
    CommitmentListSerializer,
    CommitmentSerializer,
    CommitmentStatusEventSerializer,
    FigureSerializer,
    StatusEventSerializer,
)
from agreements.services import delete_status_event
from core.api import shape
from core.api.viewsets import ApiViewSet, summaries
from core.models import PREFETCHED
from evidence.models import fetch_citations

AS_OF = OpenApiParameter(
    "as_of",
    OpenApiTypes.DATE,
    description="Show the status as it stood on this date (YYYY-MM-DD): status_as_of.",
)

STATUS_TRACKED_CSV = (
    "status",
    "status_since",
    "status_since_precision",
    "status_since_inferred",
    "status_confirmed_on",
    "status_confirmed_on_precision",
    "status_confirmed_on_inferred",
    "status_confirmed_on_text",
    "status_as_of",
    "status_as_of_date",
    "status_as_of_date_inferred",
    "status_since_text",
    "status_as_of_date_text",
)


@summaries("agreements", "an agreement")
@extend_schema_view(
    retrieve=extend_schema(summary="One agreement, by slug", parameters=[AS_OF]),
    create=extend_schema(
        summary="Add an agreement",
        description="Its status comes from its status events: add them at /api/v1/status-events/.",
    ),
)
class AgreementViewSet(ApiViewSet):
    """Treaties, agreements, memoranda, roadmaps... with their status over time."""

    queryset = Agreement.objects.for_api()
    serializer_class = AgreementSerializer
    list_serializer_class = AgreementListSerializer
    filterset_class = AgreementFilterSet
    lookup_field = "slug"

    def get_queryset(self):
        if self._reads_one():
            return Agreement.objects.for_api(citations=False)
        return super().get_queryset()

    def get_object(self):
        agreement = super().get_object()
        if self._reads_one():
            # The agreement's citations and its steps' in one query, not two.
            read = shape.relations_read(self.get_serializer_class(), self.get_shape())
            fetch_citations(
                [
                    *([agreement] if "citations" in read else ()),
                    *agreement.__dict__.get(PREFETCHED.format("status_events"), ()),
                ]
            )
        return agreement

    def _reads_one(self) -> bool:
        return self.action == "retrieve" and self.request.method in ("GET", "HEAD")

    csv_fields = (
        "slug",
        "title",
        "short_title",
        "kind",
        *STATUS_TRACKED_CSV,
        "signed_on",
        "signed_on_precision",
        "signed_on_inferred",
        "signed_on_text",
        "signed_at",
        "legally_binding",
        "requires_ratification",
        "parties",
        "signatories",
        "topics",
        "meetings",
        "summary",
        "updated_at",
    )


class StatusEventViewSetBase(ApiViewSet):
    def perform_destroy(self, instance):
        # Other steps lean on this one (a later confirmation of the status it
        # changed to): a conflict with the record's state, as deleting what
        # other records refer to is, with the reason.
        try:
            delete_status_event(event=instance)
        except ValidationError as error:
            raise StepsLeanOnThisOne("; ".join(error.messages)) from error


class StepsLeanOnThisOne(APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


@extend_schema_view(
    list=extend_schema(summary="List agreements' status events"),
    retrieve=extend_schema(summary="One status event, by id"),
    create=extend_schema(
        summary="Add a status event",
        description="The agreement's current status is re-derived from its events.",
    ),
    update=extend_schema(summary="Replace a status event"),
    partial_update=extend_schema(summary="Change a status event"),
    destroy=extend_schema(
        summary="Delete a status event",
        description="The agreement's current status is re-derived from its remaining events.",
    ),
)
class StatusEventViewSet(StatusEventViewSetBase):
    """The dated steps of agreements' status; writing one updates the agreement's status."""

    queryset = StatusEvent.objects.for_api()
    serializer_class = StatusEventSerializer
    filterset_class = StatusEventFilterSet
    csv_fields = (
        "id",
        "agreement",
        "status",
        "date",
        "date_precision",
        "date_text",
        "date_inferred",
        "party",
        "note",
        "position",
        "updated_at",
    )


@extend_schema_view(
    list=extend_schema(summary="List commitments' status events"),
    retrieve=extend_schema(summary="One commitment status event, by id"),
    create=extend_schema(
        summary="Add a commitment status event",
        description="The commitment's current status is re-derived from its events.",
    ),
    update=extend_schema(summary="Replace a commitment status event"),
    partial_update=extend_schema(summary="Change a commitment status event"),
    destroy=extend_schema(summary="Delete a commitment status event"),
)
class CommitmentStatusEventViewSet(StatusEventViewSetBase):
    """The dated steps of commitments' status; writing one updates the commitment's status."""

    queryset = CommitmentStatusEvent.objects.for_api()
    serializer_class = CommitmentStatusEventSerializer
    filterset_class = CommitmentStatusEventFilterSet
    csv_fields = (
        "id",
        "commitment",
        "status",
        "date",
        "date_precision",
        "date_text",
        "date_inferred",
        "party",
        "note",
        "position",
        "updated_at",
    )


@summaries("commitments", "a commitment")
@extend_schema_view(retrieve=extend_schema(summary="One commitment, by slug", parameters=[AS_OF]))
class CommitmentViewSet(ApiViewSet):
    """What either side promised, planned or announced, by whom and by when."""

    queryset = Commitment.objects.for_api()
    serializer_class = CommitmentSerializer
    list_serializer_class = CommitmentListSerializer
    filterset_class = CommitmentFilterSet
    lookup_field = "slug"
    csv_fields = (
        "slug",
        "title",
        *STATUS_TRACKED_CSV,
        "due_on",
        "due_on_precision",
        "due_on_inferred",
        "is_overdue",
        "is_due_soon",
        "due_on_text",
        "due_by_text",
        "parties",
        "people",
        "meeting",
        "agreement",
        "topics",
        "updated_at",
    )


@summaries("figures", "a figure")
class FigureViewSet(ApiViewSet):
    """Numbers the sources quote; figures of one metric from several sources side by side."""

    queryset = Figure.objects.for_api()
    serializer_class = FigureSerializer
    filterset_class = FigureFilterSet
    lookup_field = "slug"
    csv_fields = (
        "slug",
        "name",
        "metric",
        "value",
        "unit",
        "value_text",
        "approximation",
        "as_of",
        "as_of_precision",
        "as_of_inferred",
        "as_of_text",
        "subject",
        "topics",
        "updated_at",
    )

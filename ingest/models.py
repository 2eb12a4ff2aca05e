"""Proposed facts waiting for an editor: what the extractor read in a draft
Source, with the sentence that supports it, and what the editor decided."""

import simple_history
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db import models
from django.utils.translation import gettext_lazy as _

from agreements.models import Agreement, Commitment, Figure
from core.dates import PartialDatesMixin, partial_date, precision_constraint
from core.models import TimeStampedModel
from dialogue.models import Meeting
from evidence.models import Source
from evidence.quotes import require_quote
from people.models import Organisation, Person


class ProposalKind(models.TextChoices):
    STATUS_EVENT = "status_event", _("status step")
    MEETING = "meeting", _("meeting")
    FIGURE = "figure", _("figure")
    COMMITMENT = "commitment", _("commitment")
    NEW_AGREEMENT = "new_agreement", _("new agreement")
    PERSON = "person", _("person")


class EventKind(models.TextChoices):
    CHANGE = "change", _("change")
    CONFIRMATION = "confirmation", _("confirmation")


class Decision(models.TextChoices):
    PENDING = "pending", _("pending")
    ACCEPTED = "accepted", _("accepted")
    REJECTED = "rejected", _("rejected")


class ProposalQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(decision=Decision.PENDING)

    def for_review(self):
        """The queue: each proposal with its source (the text is read for the
        highlight: fetched once per source, not once per proposal), its party
        and the record it is about, in a fixed number of queries however
        long the queue."""
        targets = GenericPrefetch(
            "target",
            [
                # Their steps, to say whether a step changes or confirms what held.
                Agreement.objects.prefetch_related("status_events"),
                Meeting.objects.all(),
                Figure.objects.all(),
                Commitment.objects.all(),
                Person.objects.all(),
            ],
        )
        return self.select_related("party", "target_type").prefetch_related("source", targets)


@partial_date("date", _("date"))
class Proposal(PartialDatesMixin, TimeStampedModel):
    """One fact the extractor proposes from one source, until an editor
    accepts (creating a draft record with its citation) or rejects it."""

    source = models.ForeignKey(
        Source, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("source")
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=ProposalKind.choices)
    # The record it is about: its slug as the extractor named it, and the
    # record itself when it exists in the database.
    target_slug = models.SlugField(_("target slug"), max_length=120, blank=True)
    target_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("target type"),
    )
    target_id = models.PositiveBigIntegerField(_("target record"), null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    title = models.CharField(_("title"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=30, blank=True)
    event = models.CharField(_("event"), max_length=12, choices=EventKind.choices, blank=True)
    party = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("party"),
    )
    # Figures: the amount as the extractor read it ("2.8", "billion", "GBP").
    value = models.CharField(_("value"), max_length=40, blank=True)
    multiplier = models.CharField(_("multiplier"), max_length=20, blank=True)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    quote = models.TextField(_("quote"))
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    confidence = models.FloatField(_("confidence"))
    reason = models.TextField(_("reason"), help_text=_("The rule or match that produced it."))

    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reject_reason = models.TextField(_("reason for rejecting"), blank=True)
    created_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created record type"),
    )
    created_id = models.PositiveBigIntegerField(_("created record"), null=True, blank=True)
    created_record = GenericForeignKey("created_type", "created_id")

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ("source", "position", "pk")
        indexes = (
            # The review queue: pending proposals, source by source, in text order.
            models.Index(
                fields=("decision", "source", "position"), name="ingest_proposal_queue_idx"
            ),
            models.Index(fields=("target_type", "target_id"), name="ingest_proposal_target_idx"),
        )
        constraints = (
            models.CheckConstraint(
                condition=models.Q(kind__in=ProposalKind.values), name="ingest_proposal_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(decision__in=Decision.values),
                name="ingest_proposal_decision_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")),
                name="ingest_proposal_end_after_start",
            ),
            precision_constraint("ingest_proposal", "date"),
        )

    def __str__(self):
        about = self.target_slug or self.title
        return f"{self.get_kind_display()}: {about} {self.status}".strip()

    def clean(self):
        super().clean()
        if self.source_id is not None:
            # The same quote rule as every citation: the words must be in the text.
            location = require_quote(self.source.text, self.quote)
            self.start, self.end, self.quote = location.start, location.end, location.text


simple_history.register(Proposal)

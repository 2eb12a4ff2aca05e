from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from modeltranslation.admin import TranslationTabularInline

from agreements.admin_actions import add_status_step_action
from agreements.models import (
    Agreement,
    AgreementRelation,
    Commitment,
    CommitmentStatusEvent,
    Figure,
    StatusEvent,
)
from agreements.services import check_deletion, delete_status_event, set_event_publication
from core.admin_base import ContentAdmin, StaleEditForm, TranslatedContentAdmin
from evidence.admin import CitationInline

EVENT_FIELDS = (
    "status",
    "kind",
    "date",
    "date_precision",
    "date_inferred",
    "date_note",
    "party",
    "note",
    "position",
    "publication",
)


def _owner_context(owner) -> dict:
    # A record being created has no parties yet: its tracks are checked once saved.
    return owner.track_context() if owner.pk else {}


class EventSequenceFormSet(forms.BaseInlineFormSet):
    """Checks the events as a sequence (agreements.status_rules) before any is
    saved: a change into the status already held, a confirmation of one that
    did not hold... each error shown on the row and field that breaks it."""

    def clean(self):
        super().clean()
        if any(form.errors for form in self.forms):
            return
        deleted = [form for form in self.forms if self._should_delete_form(form)]
        kept = [
            form
            for form in self.forms
            if form not in deleted and (form.instance.pk or form.has_changed())
        ]
        events = self.instance.events_with(
            *(form.instance for form in kept),
            removed=[form.instance.pk for form in deleted if form.instance.pk],
        )
        form_of = {id(form.instance): form for form in kept}
        problems = type(self.instance).status_problems_of(events, **_owner_context(self.instance))
        elsewhere = []
        for problem in problems:
            form = form_of.get(id(events[problem.index]))
            if form is None:  # a saved step not on this page
                elsewhere.append(f"{events[problem.index]}: {problem.message}")
                continue
            form.add_error(problem.field if problem.field in form.fields else None, problem.message)
        if problems:
            raise forms.ValidationError(
                [
                    "The status events do not make a consistent history: see the rows marked.",
                    *elsewhere,
                ]
            )


class StatusEventInline(TranslationTabularInline):
    model = StatusEvent
    formset = EventSequenceFormSet
    fields = (*EVENT_FIELDS[:6], "party", "step", "note", "position", "publication")
    autocomplete_fields = ("party",)
    extra = 0


class RelationInline(admin.TabularInline):
    model = AgreementRelation
    fk_name = "agreement"
    fields = ("kind", "target")
    autocomplete_fields = ("target",)
    extra = 0


class StatusTrackedAdmin(TranslatedContentAdmin):
    """Re-derives the current status once the inlines (the events) are saved."""

    actions = (*ContentAdmin.actions, add_status_step_action)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.refresh_status()

    @admin.display(description="status since", ordering="status_since")
    def since(self, obj):
        return obj.status_since_display


@admin.register(Agreement)
class AgreementAdmin(StatusTrackedAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ("__str__", "kind", "status", "since", "signed", "signed_at")
    list_filter = ("status", "kind", "topics", "parties", "signed_on_precision")
    search_fields = ("title", "short_title", "slug", "summary")
    autocomplete_fields = ("parties", "signatories", "topics", "meetings")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = (
        "status",
        "status_since",
        "status_confirmed_on",
        "created_at",
        "updated_at",
    )
    date_hierarchy = "signed_on"
    inlines = (StatusEventInline, RelationInline, CitationInline)

    @admin.display(description="signed", ordering="signed_on")
    def signed(self, obj):
        return obj.display_date("signed_on")


class StandaloneEventForm(StaleEditForm):
    """One event edited on its own page, checked against its siblings."""

    def clean(self):
        cleaned = super().clean()
        owner = getattr(self.instance, "agreement", None)
        if owner is None or self.errors:
            return cleaned
        events = owner.events_with(self.instance)
        for problem in owner.status_problems_of(events, **_owner_context(owner)):
            culprit = events[problem.index]
            if culprit is self.instance and problem.field in self.fields:
                self.add_error(problem.field, problem.message)
            else:
                self.add_error(None, f"{culprit}: {problem.message}")
        return cleaned


@admin.register(StatusEvent)
class StatusEventAdmin(TranslatedContentAdmin):
    form = StandaloneEventForm
    list_display = ("agreement", "status", "kind", "date", "date_precision", "party", "step")
    list_filter = ("status", "kind", "step", "date_precision", "party")
    list_select_related = ("agreement", "party")
    search_fields = ("agreement__title", "agreement__short_title", "note")
    autocomplete_fields = ("agreement", "party")
    inlines = (CitationInline,)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.agreement.refresh_status()

    def _set_publication(self, request, queryset, state):
        """Each step published (or taken back) through the status rules: one
        that would break them is refused, with the reason."""
        done = 0
        for event in queryset.exclude(publication=state).select_related("agreement"):
            try:
                set_event_publication(event=event, state=state)
                done += 1
            except ValidationError as error:
                messages_text = "; ".join(error.messages)
                self.message_user(request, f"{event}: {messages_text}", messages.ERROR)
        self.message_user(
            request,
            _("%(count)d records are now %(state)s.") % {"count": done, "state": state.label},
            messages.SUCCESS,
        )

    def delete_view(self, request, object_id, extra_context=None):
        # Refused before the confirmation page's "deleted" message could be
        # shown: other steps may lean on this one (agreements.services).
        event = self.get_object(request, unquote(object_id))
        if request.method == "POST" and event is not None:
            try:
                check_deletion(event)
            except ValidationError as error:
                self.message_user(request, "; ".join(error.messages), messages.ERROR)
                return redirect(reverse("admin:agreements_statusevent_change", args=[event.pk]))
        return super().delete_view(request, object_id, extra_context)

    def delete_model(self, request, obj):
        delete_status_event(event=obj)

    def get_actions(self, request):
        # Deleting several steps at once skips the rules each deletion keeps
        # (a later confirmation left with nothing to confirm): one at a time.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions


class CommitmentEventInline(StatusEventInline):
    model = CommitmentStatusEvent
    fields = EVENT_FIELDS


@admin.register(Commitment)
class CommitmentAdmin(StatusTrackedAdmin):
    list_display = ("title", "status", "since", "due", "meeting", "agreement")
    list_filter = ("status", "topics", "parties", "due_on_precision")
    list_select_related = ("meeting", "agreement")
    search_fields = ("title", "slug", "description")
    autocomplete_fields = ("parties", "people", "meeting", "agreement", "topics")
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = (
        "status",
        "status_since",
        "status_confirmed_on",
        "due_by",
        "created_at",
        "updated_at",
    )
    date_hierarchy = "due_on"
    inlines = (CommitmentEventInline, CitationInline)

    @admin.display(description="due", ordering="due_on")
    def due(self, obj):
        return obj.display_date("due_on")


@admin.register(Figure)
class FigureAdmin(TranslatedContentAdmin):
    list_display = ("name", "value_text", "value", "unit", "approximation", "as_of", "metric")
    list_filter = ("metric", "unit", "approximation", "topics")
    list_select_related = ("subject",)
    search_fields = ("name", "metric", "slug", "note")
    autocomplete_fields = ("subject", "topics")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CitationInline,)

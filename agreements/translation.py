"""The fields of agreements, commitments, their steps and figures written in
each language (core/content_lang.py)."""

from modeltranslation.translator import TranslationOptions, register

from agreements.models import Agreement, Commitment, CommitmentStatusEvent, Figure, StatusEvent


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "short_title", "summary", "signed_at", "signed_on_note")


@register(Commitment)
class CommitmentTranslation(TranslationOptions):
    fields = ("title", "description", "due_on_note")


@register(StatusEvent)
class StatusEventTranslation(TranslationOptions):
    fields = ("note", "date_note")


@register(CommitmentStatusEvent)
class CommitmentStatusEventTranslation(TranslationOptions):
    fields = ("note", "date_note")


@register(Figure)
class FigureTranslation(TranslationOptions):
    fields = ("name", "note", "value_text", "unit", "as_of_note")


# The history keeps every language too: each historical model gets the same
# columns, so a change to a translation is recorded like any other.
register(Agreement.history.model)(AgreementTranslation)
register(Commitment.history.model)(CommitmentTranslation)
register(StatusEvent.history.model)(StatusEventTranslation)
register(CommitmentStatusEvent.history.model)(CommitmentStatusEventTranslation)
register(Figure.history.model)(FigureTranslation)

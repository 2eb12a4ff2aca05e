"""The meeting fields written in each language (core/content_lang.py)."""

from modeltranslation.translator import TranslationOptions, register

from dialogue.models import Meeting, MeetingSeries, Participation


@register(MeetingSeries)
class MeetingSeriesTranslation(TranslationOptions):
    fields = ("name", "short_name", "description", "established_on_note")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "summary", "place", "start_on_note", "end_on_note")


@register(Participation)
class ParticipationTranslation(TranslationOptions):
    fields = ("note",)


# The history keeps every language too: each historical model gets the same
# columns, so a change to a translation is recorded like any other.
register(MeetingSeries.history.model)(MeetingSeriesTranslation)
register(Meeting.history.model)(MeetingTranslation)
register(Participation.history.model)(ParticipationTranslation)

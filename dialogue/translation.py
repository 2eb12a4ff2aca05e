"""The meeting fields written in each language (core/content_lang.py)."""

from modeltranslation.translator import TranslationOptions, register

from dialogue.models import Meeting, MeetingSeries


@register(MeetingSeries)
class MeetingSeriesTranslation(TranslationOptions):
    fields = ("name", "short_name", "description")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "summary")


# The history keeps every language too: each historical model gets the same
# columns, so a change to a translation is recorded like any other.
register(MeetingSeries.history.model)(MeetingSeriesTranslation)
register(Meeting.history.model)(MeetingTranslation)

"""In the API, a published record never names a draft to someone who may not
see drafts: a draft party, topic, meeting or person is left out of a list of
them, and a single one is null, as if it were not there yet. (The records
themselves are filtered by `visible_to`; this is about what they point to.)"""

from core.models import is_public, may_see_drafts


def hidden(context: dict, record) -> bool:
    if is_public(record):
        return False
    request = context.get("request")
    return not (request is not None and may_see_drafts(request.user, type(record)))


def without_hidden(context: dict, records) -> list:
    return [record for record in records if not hidden(context, record)]


class HidesDrafts:
    """For a field naming one related record: null when it is a hidden draft."""

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        if value is not None and hidden(self.context, value):
            return None
        return value

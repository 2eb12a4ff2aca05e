"""What search engines and link previews read about a page: a one-line
description of a record, and its schema.org data (JSON-LD), each built from
the record itself and never naming anything that is not published."""

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core import l10n
from core.content_lang import marked_text, translated_fields
from core.dates import serialize_partial_date
from core.models import is_public
from portal import plain

DESCRIPTION_LENGTH = 160


def describe(record) -> str:
    """One or two sentences about a record, at most 160 characters, for
    `<meta name="description">` and the Open Graph description."""
    builder = DESCRIBERS.get(record._meta.label)
    parts = builder(record) if builder else []
    text = " ".join(part.strip() for part in parts if part and part.strip())
    # "с июля 2024 г.." -> "с июля 2024 г.": the date's dot ends the sentence.
    text = l10n.tidy_full_stops(text)
    numbers = plain.source_numbers(text)
    if numbers:
        text = plain.name_sources(text, plain.sources_by_number(numbers), link=False)
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def _status_line(record) -> str:
    if not record.status:
        return _("No status recorded yet.")
    since = record.display_date_marked("status_since", "since")
    if since:
        return _("Status: %(status)s since %(date)s.") % {
            "status": record.get_status_display(),
            "date": since,
        }
    return _("Status: %(status)s.") % {"status": record.get_status_display()}


def _agreement(agreement) -> list[str]:
    signed = agreement.display_date_marked("signed_on")
    kind = agreement.get_kind_display()
    first = (
        _("%(kind)s signed %(date)s.") % {"kind": kind.capitalize(), "date": signed}
        if signed
        else f"{kind.capitalize()}."
    )
    return [first, _status_line(agreement), marked_text(agreement, "summary")]


def _commitment(commitment) -> list[str]:
    due = commitment.display_date_marked("due_on")
    return [
        _status_line(commitment),
        _("Due %(date)s.") % {"date": due} if due else "",
        marked_text(commitment, "description"),
    ]


def _figure(figure) -> list[str]:
    value = figure.amount_display()
    as_of = figure.display_date_marked("as_of")
    line = f"{marked_text(figure, 'name')}: {value}"
    line += f" ({as_of})." if as_of else "."
    return [line, marked_text(figure, "note")]


def _meeting(meeting) -> list[str]:
    when = meeting.display_date_marked("start_on")
    where = f"{marked_text(meeting, 'place')}, " if meeting.place else ""
    return [
        f"{meeting.get_kind_display().capitalize()}, {where}{when}.",
        marked_text(meeting, "summary"),
    ]


def _source(source) -> list[str]:
    published = source.display_date_marked("published_on")
    publisher = marked_text(source, "publisher") if source.publisher else ""
    by = ", ".join(part for part in (publisher, published) if part)
    return [
        f"{source.get_kind_display().capitalize()}{f' ({by})' if by else ''}.",
        _("The full text, with every passage quoted as evidence highlighted."),
    ]


def _described(record) -> list[str]:
    if "description" in translated_fields(type(record)):
        return [marked_text(record, "description")]
    return [getattr(record, "description", "")]


DESCRIBERS = {
    "agreements.Agreement": _agreement,
    "agreements.Commitment": _commitment,
    "agreements.Figure": _figure,
    "dialogue.Meeting": _meeting,
    "dialogue.MeetingSeries": _described,
    "evidence.Source": _source,
    "people.Person": _described,
    "people.Organisation": _described,
    "topics.Topic": _described,
}


def structured_data(record, url: str) -> dict | None:
    """schema.org data for a record where a type fits: Legislation for an
    agreement, Event for a meeting, CreativeWork for a source, Person and
    Organization for those; None otherwise."""
    builder = STRUCTURED.get(record._meta.label)
    if builder is None or not is_public(record):
        return None
    data = {"@context": "https://schema.org", "url": url, **builder(record)}
    description = describe(record)
    if description:
        data["description"] = description
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def _date(record, name: str) -> str | None:
    return serialize_partial_date(getattr(record, name), getattr(record, f"{name}_precision"))


def _agreement_data(agreement) -> dict:
    return {
        "@type": "Legislation",
        "name": marked_text(agreement, "title"),
        "alternateName": marked_text(agreement, "short_title"),
        "legislationType": agreement.get_kind_display(),
        "legislationDate": _date(agreement, "signed_on"),
        "sameAs": agreement.official_url,
    }


MEETING_STATUS = {
    "held": "https://schema.org/EventScheduled",
    "planned": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}


def _meeting_data(meeting) -> dict:
    data = {
        "@type": "Event",
        "name": marked_text(meeting, "title"),
        "startDate": _date(meeting, "start_on"),
        "endDate": _date(meeting, "end_on"),
        "eventStatus": MEETING_STATUS.get(meeting.status),
    }
    if meeting.place:
        data["location"] = {"@type": "Place", "name": marked_text(meeting, "place")}
    return data


def _source_data(source) -> dict:
    data = {
        "@type": "CreativeWork",
        "name": str(source),  # as written, in its own language (inLanguage)
        "datePublished": _date(source, "published_on"),
        "inLanguage": source.language,
        "sameAs": source.url,
    }
    if source.publisher:
        data["publisher"] = {"@type": "Organization", "name": marked_text(source, "publisher")}
    return data


STRUCTURED = {
    "agreements.Agreement": _agreement_data,
    "dialogue.Meeting": _meeting_data,
    "evidence.Source": _source_data,
    "people.Person": lambda person: {"@type": "Person", "name": marked_text(person, "name")},
    "people.Organisation": lambda org: {
        "@type": "Organization",
        "name": marked_text(org, "name"),
        "alternateName": marked_text(org, "short_name"),
    },
}

"""Records whose every free-text field is hostile, and an HTML reader that
says whether a page shows such text as text. Shared by the server-side
escaping tests (test_escaping.py) and the browser check."""

import datetime
import decimal
from html.parser import HTMLParser

from agreements.models import AgreementStatus, CommitmentStatus, CommitmentStatusEvent
from dialogue.models import Participation, ParticipationRole
from tests.support import factories

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE_BREAKOUT = '"><img src=x onerror=alert(2)>'
ENTITIES = "&amp; &lt;"
# A Trojan-source kit: right-to-left override, the isolates, a right-to-left
# mark; unterminated on purpose.
BIDI_CONTROLS = "\u202e\u2066\u2067\u2068\u2069\u200f\u202b\u202d"
BIDI = "\u202eevil\u2067"
ASTRAL = "\U0001d518\U0001f1f0\U0001f1ff"


def hostile(label: str) -> str:
    """A label (to find the field on a page) followed by every kind of trap."""
    return f"{label} {SCRIPT}{ATTRIBUTE_BREAKOUT}{ENTITIES} {ASTRAL}{BIDI}"


def short_hostile(label: str) -> str:
    """For the short columns (60 characters or fewer)."""
    return f'{label}<b>"><svg onload=alert(3)>&amp;{BIDI}'


# The source's text holds a hostile stretch, quoted by the agreement: the
# quote's offsets must land on the same characters once `<`, `&` and astral
# characters are in front of it.
QUOTE = f"signed {SCRIPT} & {ASTRAL} {BIDI} in London"
SOURCE_TEXT = f"Intro <b>bold</b> &amp; {ASTRAL}\u202e. The two sides {QUOTE}. Outro &lt; <i>end"


def build_hostile_records() -> dict:
    """One published record of every kind, every free-text field hostile."""
    records = _hostile_directory()
    records.update(_hostile_meeting(records))
    records.update(_hostile_agreement(records))
    records["commitment"] = _hostile_commitment(records)
    records["figure"] = _hostile_figure(records)
    return records


def _hostile_directory() -> dict:
    """The source, topic, organisation and person the other records name."""
    source = factories.source(
        text=SOURCE_TEXT,
        slug="hostile-source",
        title=hostile("source title"),
        publisher=hostile("source publisher"),
        note=hostile("source note"),
    )
    topic = factories.topic(
        slug="hostile-topic", name=hostile("topic name"), description=hostile("topic description")
    )
    state = factories.organisation(
        slug="hostile-state",
        name=hostile("organisation name"),
        short_name=short_hostile("org short"),
        description=hostile("organisation description"),
    )
    person = factories.person(
        slug="hostile-person", name=hostile("person name"), description=hostile("person bio")
    )
    factories.post(
        person, organisation=state, title=hostile("post title"), note=hostile("post note")
    )
    return {"source": source, "topic": topic, "organisation": state, "person": person}


def _hostile_meeting(records: dict) -> dict:
    series = factories.series(
        slug="hostile-series",
        name=hostile("series name"),
        short_name=short_hostile("series short"),
        description=hostile("series description"),
        frequency=short_hostile("frequency"),
    )
    meeting = factories.meeting(
        slug="hostile-meeting",
        title=hostile("meeting title"),
        series=series,
        number=1,
        place=hostile("meeting place"),
        summary=hostile("meeting summary"),
    )
    meeting.topics.add(records["topic"])
    Participation.objects.create(
        meeting=meeting,
        person=records["person"],
        role=ParticipationRole.CHAIR,
        note=hostile("participation"),
    )
    return {"series": series, "meeting": meeting}


def _hostile_agreement(records: dict) -> dict:
    agreement = factories.agreement(
        slug="hostile-agreement",
        title=hostile("agreement title"),
        short_title=short_hostile("agr short"),
        summary=hostile("agreement summary"),
        signed_on=datetime.date(2024, 4, 1),
        signed_at=hostile("signed at"),
        signed_on_inferred=True,
        signed_on_note=hostile("signed note"),
        treaty_series_number=short_hostile("treaty no"),
    )
    agreement.parties.add(records["organisation"])
    agreement.signatories.add(records["person"])
    agreement.topics.add(records["topic"])
    agreement.meetings.add(records["meeting"])
    event = factories.status_event(
        agreement,
        AgreementStatus.SIGNED,
        "2024-04-01",
        party=records["organisation"],
        note=hostile("event note"),
        date_inferred=True,
        date_note=hostile("event date note"),
    )
    factories.citation(agreement, records["source"], QUOTE)
    factories.citation(event, records["source"], "The two sides")
    return {"agreement": agreement, "event": event}


def _hostile_commitment(records: dict):
    commitment = factories.commitment(
        slug="hostile-commitment",
        title=hostile("commitment title"),
        description=hostile("commitment description"),
        meeting=records["meeting"],
        agreement=records["agreement"],
    )
    commitment.parties.add(records["organisation"])
    commitment.topics.add(records["topic"])
    CommitmentStatusEvent.objects.create(
        commitment=commitment,
        status=CommitmentStatus.ANNOUNCED,
        date=datetime.date(2024, 4, 1),
        note=hostile("commitment event note"),
    )
    commitment.refresh_status()
    return commitment


def _hostile_figure(records: dict):
    figure = factories.figure(
        slug="hostile-figure",
        name=hostile("figure name"),
        unit=f"<i>u</i>&lt;{BIDI}",
        value=decimal.Decimal("-3.5"),
        value_text=hostile("figure words"),
        note=hostile("figure note"),
        subject=records["organisation"],
    )
    figure.topics.add(records["topic"])
    factories.citation(figure, records["source"], "The two sides")
    return figure


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
# Where user text may stand alone: block elements (each its own bidi
# paragraph), an SVG chart's <text> (each text chunk is reordered on its
# own, SVG 1.1 section 10.13) and the inline elements that site.css isolates.
ISOLATED_INLINE = {"a", "bdi", "cite", "mark", "q", "span"}
ISOLATING = ISOLATED_INLINE | {
    "blockquote", "caption", "dd", "dt", "h1", "h2", "h3", "label", "li", "option", "p", "td",
    "th", "textarea", "title", "text",
}  # fmt: skip


class _Element:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.text = []
        self.bidi_nodes = []

    def within(self, predicate) -> bool:
        element = self
        while element is not None:
            if predicate(element):
                return True
            element = element.parent
        return False


class PageReader(HTMLParser):
    """A page as a browser would read it: its text (entities decoded), the
    values of its attributes, the elements that would run code, and every
    place where text holding bidi controls is not isolated from the page
    around it."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.attribute_values: list[str] = []
        self.active: list[str] = []
        self.bidi_leaks: list[str] = []
        self._stack: list[_Element] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            self.attribute_values.append(value or "")
            if name.startswith("on"):
                self.active.append(f"<{tag} {name}={value!r}>")
        if tag in {"iframe", "object", "embed"} or (tag == "img" and dict(attrs).get("src") == "x"):
            self.active.append(f"<{tag}>")
        if tag not in VOID:
            parent = self._stack[-1] if self._stack else None
            self._stack.append(_Element(tag, attrs, parent))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not any(element.tag == tag for element in self._stack):
            return
        while self._stack:
            element = self._stack.pop()
            self._check_isolated(element)
            if element.tag == tag:
                break

    def handle_data(self, data):
        self.texts.append(data)
        for element in self._stack:
            element.text.append(data)
        if self._stack and _runs(self._stack[-1]) and "alert(" in data:
            self.active.append(f"<script>{data}</script>")
        if self._stack and any(char in data for char in BIDI_CONTROLS):
            self._stack[-1].bidi_nodes.append(data)

    def _check_isolated(self, element):
        if not element.bidi_nodes:
            return
        # The source's own text is shown verbatim, controls and all: it is
        # one block of its own.
        if element.within(lambda e: "source-text" in (e.attrs.get("class") or "")):
            return
        if element.within(lambda e: e.tag == "head"):
            return
        whole = "".join(element.text).strip()
        node = "".join(element.bidi_nodes).strip()
        if element.tag not in ISOLATING or whole != node:
            self.bidi_leaks.append(f"<{element.tag}>{whole!r}")

    def shows(self, value: str) -> bool:
        """Whether `value` is shown as typed, as text or an attribute's value.
        (Invisible bidi closers the page adds, kzuk_site.bidi, aside.)"""
        value = _visible(value)
        return any(
            value in _visible(text) for text in ("".join(self.texts), *self.attribute_values)
        )


def _runs(element: "_Element") -> bool:
    """Whether a browser would run the element's text as a script: a data
    block (JSON-LD, `type="application/ld+json"`) is never run."""
    kind = (element.attrs.get("type") or "text/javascript").lower()
    return element.tag == "script" and kind in {
        "text/javascript",
        "module",
        "application/javascript",
    }


def _visible(text: str) -> str:
    return text.translate({ord(char): None for char in BIDI_CONTROLS + "\u202a\u202c"})

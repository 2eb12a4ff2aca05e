"""The extractor: an article's text in, proposed facts out.

`extract(text, published=..., language=..., gazetteer=...)` runs the parts
in order: language, sentences, tokens, gazetteer matches, dates, scope,
then one pass per kind of fact. Every rule works within a sentence, the
unit a quote is made of, with two exceptions that news prose needs:

* an anaphor ("the document", "соглашение", "құжат") in a sentence with a
  status cue and no agreement name refers to the agreement named most
  recently in the previous few sentences;
* a fact with no date of its own takes the date of the meeting the article
  reports (its *anchor*, e.g. "held ... on Feb. 11"), or else the
  publication date, at that date's precision, and says so in its reason.

A date after the publication date never dates a status change: in "set to
sign in June" the June is a plan, and the status (negotiating) holds as of
the article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

import regex

from ingest.extract.cues import (
    COMMITMENT_CUES,
    MEETING_CUES,
    CueMatch,
    find_cues,
    has_forecast,
    party_for,
)
from ingest.extract.dates import (
    FUTURE,
    SEASON,
    WEEKDAYS,
    DateMention,
    PartialDate,
    find_dates,
    writers_day_offset,
)
from ingest.extract.events import pronoun_object, stem_cues
from ingest.extract.figures import find_figures
from ingest.extract.gazetteer import Gazetteer, Match, best_entry
from ingest.extract.language import detect_language
from ingest.extract.proposals import Proposal
from ingest.extract.scope import KAZAKHSTAN, THIRD_COUNTRIES, UNITED_KINGDOM, Scope
from ingest.extract.sentences import CLAUSE_BREAK, Sentence, clause_around, split_sentences
from ingest.extract.tokens import tokenize

I = regex.IGNORECASE | regex.VERSION1  # noqa: E741

# «договор» is a treaty; «договорились», «договорённости» are agreeing, not a document.
_RU_TREATY = r"договор(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?!\w)"
# fmt: off
ANAPHORS = {
    "en": regex.compile(r"\b(?:the|this|that|said)\s+(?:agreement|document|treaty|pact|memorandum|MoU|roadmap|deal|accord|text)\b", I),  # noqa: E501
    "ru": regex.compile(r"(?<!\w)(?:соглашени\w*|документ\w*|меморандум\w*|договор(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?!\w)|дорожн\w+\s+карт\w*|текст\w*)", I),  # noqa: E501
    "kk": regex.compile(r"(?<!\w)(?:келісім\w*|құжат\w*|меморандум\w*|шарт\w*|жол\s+карта\w*|мәтін\w*)", I),  # noqa: E501
}
# fmt: on
# A lead often names the headline's agreement by its kind alone, without "the":
# "... under a memorandum of understanding that was signed on Tuesday".
_INDEFINITE_KIND = regex.compile(
    r"\b(?:a|an)\s+(?:(?P<mou>memorandum|MoU)|(?P<roadmap>roadmap|road\s+map)|(?P<agreement>agreement|treaty))\b",
    I,
)
# A new agreement: its kind and what it is about ("memorandum of understanding
# on cooperation in higher education", "меморандум о сотрудничестве в ...").
# fmt: off
NEW_AGREEMENT = {
    "en": regex.compile(r"\b(?:(?:a|an|the)\s+)?(?:(?:joint\s+)?(?:memorandum\s+of\s+understanding|memorandum|MoU|agreement|roadmap|road\s+map|treaty|declaration|action\s+plan|programme))(?:\s+\((?:MoU|MoC)\))?\s+(?:on|for|in(?!\s+force\b)|of|to|between|regarding|concerning)\s+[^.;,()]{4,110}", I),  # noqa: E501
    "ru": regex.compile(r"(?<!\w)(?:меморандум\w*|соглашени\w*|дорожн\w+\s+карт\w*|договор(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?!\w)|декларац\w*|план\w*\s+действий)\s+(?:о|об|по|в\s+сфере|в\s+области|между)\s+[^.;,()«»]{4,110}", I),  # noqa: E501
    "kk": regex.compile(r"[^.;,()«»]{4,90}?\s(?:туралы|жөніндегі|саласындағы)\s+(?:өзара\s+түсіністік\s+туралы\s+)?(?:меморандум\w*|келісім\w*|жол\s+карта\w*|шарт\w*|декларация\w*)", I),  # noqa: E501
}
# fmt: on
_NEW_AGREEMENT_STOP = regex.compile(
    r"\s+(?:was|were|is|has|have|had|which|that|during|at\s+the|as\s+part|signed|between\s+the\s+two|by\s+the|в\s+ходе|был[аио]?|подписан\w*|между\s+двумя)\b.*$",
    I | regex.DOTALL,
)
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "перв": 1, "втор": 2, "трет": 3, "четверт": 4, "пят": 5, "шест": 6, "седьм": 7,
    "восьм": 8, "девят": 9, "десят": 10,
    "бірінші": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "бесінші": 5, "алтыншы": 6,
    "жетінші": 7, "сегізінші": 8, "тоғызыншы": 9, "оныншы": 10,
}  # fmt: skip
_ORDINAL = regex.compile(
    r"(?<![\w])(?:(?P<n>\d{1,2})(?:st|nd|rd|th|-?(?:е|й|я|го|м|ое|ой|ші|шы|інші|ыншы))?|(?P<w>"
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + r")\w*)(?=\s)",
    I,
)
_FUTURE = {lang: regex.compile(p, I) for lang, p in FUTURE.items()}
# fmt: off
STRONG_MEETING = {
    "en": regex.compile(r"\b(?:met|meets|meeting\s+of|held\s+talks|talks\s+with|visit(?:ed|s)?|received|hosted|(?:was|were|be|been)\s+held|took\s+place|held\s+(?:the|its|a|an)\s+\w+\s+(?:meeting|round|session))\b", I),  # noqa: E501
    "ru": regex.compile(r"(?<![\p{L}\d])(?:встретил\w*|встреч[аеиу]\b|переговор\w+|визит\w*|принял\w*|приняли|заседани\w+|состоял\w*|прош(?:ло|ла|ел|ёл)\b)", I),  # noqa: E501
    "kk": regex.compile(r"(?<![\p{L}\d])(?:кездес\w+|келіссөз\w+|сапар\w*|қабылдады|отырыс\w*|өтті|өтеді|өткізілді)", I),  # noqa: E501
}
# fmt: on
# fmt: off
VISIT = {
    "en": regex.compile(r"\bvisit(?:ed|s|ing)?\b", I),
    "ru": regex.compile(r"(?<![\p{L}\d])(?:визит\w*|посетил\w*)", I),
    "kk": regex.compile(r"(?<![\p{L}\d])(?:сапар\w*)", I),
}
# fmt: on
# fmt: off
PERSON_TITLES = {
    "en": regex.compile(r"\b(?:Ambassador|Minister|Secretary|President|Premier|Chairman|Chairwoman|Chair|Speaker|Mayor|envoy|Envoy|Commissioner|Lord|Baroness|Sir|Dame|Councillor|Director|Governor|Akim|Rector|counterpart|Trade\s+Commissioner|Undersecretary|Under-Secretary)\b"),  # noqa: E501
    "ru": regex.compile(r"(?<![\p{L}\d])(?:(?:посол|посл[оа]м|посла|министр\w*|президент\w*|премьер\w*|председател\w*|спикер\w*|аким\w*|мэр\w*|лорд\w*|глав[аыуе]|заместител\w*|замминистр\w*|депутат\w*|советник\w*|ректор\w*|коллег\w*|представител\w*))", I),  # noqa: E501
    "kk": regex.compile(r"(?<![\p{L}\d])(?:(?:елшісі\w*|министрі\w*|Президенті\w*|Премьер\w*|төрағасы\w*|орынбасары\w*|спикері\w*|әкімі\w*|басшысы\w*|депутаты\w*|ректоры\w*|әріптесі\w*|өкілі\w*))", I),  # noqa: E501
}
# fmt: on
_NAME = {
    "en": regex.compile(
        r"(?<![\p{L}])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}(?![\p{L}])"
    ),
}
_NAME["ru"] = _NAME["kk"] = _NAME["en"]
NOT_NAME_WORDS = frozenset(
    [
        "foreign",
        "affairs",
        "state",
        "minister",
        "ministry",
        "deputy",
        "prime",
        "president",
        "secretary",
        "ambassador",
        "chairman",
        "chairwoman",
        "chair",
        "speaker",
        "envoy",
        "parliamentary",
        "under-secretary",
        "trade",
        "commissioner",
        "councillor",
        "senator",
        "governor",
        "akim",
        "the",
        "on",
        "in",
        "at",
        "during",
        "and",
        "united",
        "kingdom",
        "republic",
        "kazakhstan",
        "british",
        "kazakh",
        "strategic",
        "dialogue",
        "parliament",
        "house",
        "commons",
        "lords",
        "office",
        "university",
        "council",
        "senate",
        "mazhilis",
        "chevening",
        "astana",
        "london",
        "almaty",
        "agreement",
        "memorandum",
        "partnership",
        "cooperation",
        "trade",
        "investment",
        "commission",
        "development",
        "international",
        "institute",
        "studies",
        "energy",
        "climate",
        "conference",
        "labour",
        "labor",
        "social",
        "protection",
        "government",
        "development",
        "commonwealth",
        "lord",
        "mayor",
        "councillor",
        "sir",
        "dame",
        "national",
        "bank",
        "министр",
        "министерство",
        "иностранных",
        "дел",
        "республики",
        "казахстан",
        "великобритании",
        "соединенного",
        "королевства",
        "посол",
        "президент",
        "премьер",
        "стратегического",
        "партнерства",
        "сотрудничества",
        "соглашение",
        "парламента",
        "сената",
        "мажилиса",
        "лондон",
        "астана",
        "председатель",
        "сенат",
        "мажилис",
        "глава",
        "мид",
        "министрі",
        "сыртқы",
        "істер",
        "республикасы",
        "қазақстан",
        "ұлыбритания",
        "елшісі",
        "президенті",
        "сенат",
        "мәжіліс",
        "премьер-министр",
        "премьер-министрі",
        "мемлекет",
        "мемлекеттік",
        "сенаттың",
        "төрағасы",
        "астана",
        "лондон",
        "келісім",
        "әріптестік",
        "ынтымақтастық",
        "стратегиялық",
    ]
)
# fmt: off
AGREEMENT_HEAD = {
    "en": regex.compile(r"\b(?:memorandum|MoU|agreement|roadmap|treaty)\b", I),
    "ru": regex.compile(r"(?<!\w)(?:меморандум\w*|соглашени\w*|дорожн\w+\s+карт\w*|" + _RU_TREATY + ")", I),  # noqa: E501
    "kk": regex.compile(r"(?<!\w)(?:меморандум\w*|келісім\w*|жол\s+карта\w*)", I),
}
# fmt: on
STATE_SLUGS = frozenset({"kazakhstan", "united-kingdom"})
MAX_QUOTE = 320
# "the agreement between Kazakhstan and the UK" names parties, not a subject:
# it is a reference to an agreement, not a new one.
_BETWEEN_ONLY = regex.compile(r"^\S+(?:\s+\S+)?\s+(?:between|между)\s", I)


@dataclass
class _Doc:
    text: str
    language: str
    published: PartialDate
    gazetteer: Gazetteer
    sentences: list[Sentence]
    matches: list[Match]
    dates: list[DateMention]
    scope: Scope
    anchor: DateMention | None
    tokens: list = field(default_factory=list)

    def __post_init__(self):
        self._starts = [t.start for t in self.tokens]
        self._section_days: list[tuple[int, DateMention]] | None = None

    def section_days(self) -> list[tuple[int, DateMention]]:
        """The day headings of a planner or a log («СЕЙСЕНБІ, 28 СӘУІР» on a
        line of its own), by sentence index; none unless there are two."""
        if self._section_days is None:
            found = []
            for i, sentence in enumerate(self.sentences):
                if _on_own_line(self, i):
                    heading = _heading_date(self, sentence, led=False)
                    if heading is not None and heading.value.precision == "day":
                        found.append((i, heading))
            self._section_days = found if len(found) > 1 else []
        return self._section_days

    def tokens_of(self, sentence: Sentence) -> list:
        lo, hi = bisect_left(self._starts, sentence.start), bisect_left(self._starts, sentence.end)
        return self.tokens[lo:hi]

    def in_sentence(self, items: Iterable, sentence: Sentence) -> list:
        return [x for x in items if sentence.start <= x.start < sentence.end]

    def default_date(self) -> tuple[PartialDate, str]:
        if self.anchor is not None:
            return self.anchor.value, f"the lead's date '{self.anchor.text}'"
        return self.published, "publication date"


def extract(
    text: str,
    *,
    published: PartialDate | str,
    language: str | None = None,
    gazetteer: Gazetteer,
    kinds: Iterable[str] | None = None,
) -> list[Proposal]:
    """Proposed facts for one article, in text order.

    `published` is the article's date at whatever precision is known
    ("2024", "2024-04", "2024-04-24"); relative dates resolve against it and
    never become more precise than it allows. `language` is detected when
    not given. `kinds` limits the output (all kinds by default).
    """
    published = PartialDate.parse(published)
    language = language or detect_language(text)
    scope = Scope(text, language)
    if not scope.article_in_scope and not scope.maybe_in_scope:
        return []
    sentences = split_sentences(text)
    tokens = tokenize(text, language)
    breaks = [s.end for s in sentences]
    matches = gazetteer.find(text, language, tokens=tokens, breaks=breaks)
    if not scope.article_in_scope and not _names_kz_uk_agreement(matches):
        return []
    matches.extend(_short_forms(gazetteer, text, language, tokens, breaks, matches))
    dates = find_dates(text, published=published, language=language)
    doc = _Doc(text, language, published, gazetteer, sentences, matches, dates, scope, None, tokens)
    matches.extend(_party_matches(doc))
    matches.extend(_unnamed_agreement(doc))
    doc.anchor = _anchor(doc)
    wanted = set(kinds) if kinds is not None else None
    proposals: list[Proposal] = []
    for kind, rule in (
        ("status_event", _status_events),
        ("meeting", _meetings),
        ("figure", _figures),
        ("commitment", _commitments),
        ("person", _people),
    ):
        if (
            wanted is None
            or kind in wanted
            or (kind == "status_event" and "new_agreement" in wanted)
        ):
            proposals.extend(rule(doc))
    if wanted is not None:
        proposals = [p for p in proposals if p.kind in wanted]
    out = _dedupe(proposals)
    for proposal in out:
        if text[proposal.start : proposal.end] != proposal.quote:
            raise AssertionError(f"quote not at its offsets: {proposal!r}")
    return out


# --- helpers ------------------------------------------------------------------


def _names_kz_uk_agreement(matches: list[Match]) -> bool:
    """An article that names neither the UK nor Britain ("the Government laid
    the Agreement ... with Kazakhstan before both Houses") is still about the
    two when it names an agreement between them."""
    return any(
        m.kind == "agreement" and set(m.entry.attrs.get("parties") or ()) == STATE_SLUGS
        for m in matches
    )


def _quote(doc: _Doc, sentence: Sentence, spans: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """The sentence, or for a long one the clause(s) covering the evidence."""
    if sentence.end - sentence.start <= MAX_QUOTE:
        return sentence.start, sentence.end
    spans = list(spans)
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    text = doc.text
    while lo > sentence.start and text[lo - 1] not in ",;:—–(":
        lo -= 1
    while hi < sentence.end and text[hi] not in ",;:—–)":
        hi += 1
    while lo < hi and text[lo].isspace():
        lo += 1
    return lo, hi


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _sentence_of(doc: _Doc, offset: int) -> int:
    for i, s in enumerate(doc.sentences):
        if s.start <= offset < s.end:
            return i
    return -1


def _ok(doc: _Doc, sentence: Sentence) -> bool:
    if doc.scope.sentence_in_scope(sentence.start, sentence.end):
        return True
    # Other countries named more often than the UK (a diplomat's postings in
    # Moscow, Tashkent and Ankara) still leave a sentence that names a
    # tracked agreement in full, and no other country, about that agreement.
    return not doc.scope.names_third(sentence.start, sentence.end) and any(
        m.kind == "agreement" and m.score >= 0.95 for m in doc.in_sentence(doc.matches, sentence)
    )


def _not_after_publication(value: PartialDate, published: PartialDate) -> bool:
    precision = min(("year", "month", "day").index(value.precision),
                    ("year", "month", "day").index(published.precision))  # fmt: skip
    level = ("year", "month", "day")[precision]
    return value.coarsen(level) <= published.coarsen(level)


def _short_forms(
    gazetteer: Gazetteer,
    text: str,
    language: str,
    tokens: list,
    breaks: list[int],
    matches: list[Match],
) -> list[Match]:
    """After its full name, news calls an agreement by a short form ("the
    partnership agreement", "the roadmap"): an agreement named in full once
    is also found by half its name (head noun still required) elsewhere."""
    named = {m.slug for m in matches if m.kind == "agreement"}
    if not named:
        return []
    entries = [e for e in gazetteer.entries if e.kind == "agreement" and e.slug in named]
    relaxed = Gazetteer(entries).find(
        text, language, tokens=tokens, breaks=breaks, thresholds={"agreement": 0.4}
    )
    taken = [(m.start, m.end) for m in matches if m.kind == "agreement"]
    return [
        Match(m.entry, m.name, m.start, m.end, round(0.9 * m.score, 3))
        for m in relaxed
        if not any(_gap((m.start, m.end), t) == 0 for t in taken)
    ]


def _party_matches(doc: _Doc) -> list[Match]:
    """An agreement named by its parties: "a memorandum ... was signed between the
    Ministry of Labor and Social Protection and the GLAA" is the one between them."""
    out = []
    orgs_by_sentence: dict[int, set[str]] = {}
    for m in doc.matches:
        if m.kind == "organisation":
            orgs_by_sentence.setdefault(_sentence_of(doc, m.start), set()).add(m.slug)
    for entry in doc.gazetteer.of_kind("agreement"):
        parties = set(entry.attrs.get("parties") or ())
        if not parties or parties <= STATE_SLUGS:
            continue
        for index, orgs in orgs_by_sentence.items():
            if not parties <= orgs:
                continue
            sentence = doc.sentences[index]
            head = AGREEMENT_HEAD[doc.language].search(doc.text, sentence.start, sentence.end)
            if head and not any(
                m.kind == "agreement" and sentence.start <= m.start < sentence.end
                for m in doc.matches
            ):
                out.append(Match(entry, "(parties)", head.start(), head.end(), 0.85))
    return out


def _unnamed_agreement(doc: _Doc) -> list[Match]:
    """An article that never names its agreement ("the agreement", "it") but
    dates its signing ("It was signed in April 2024") names it that way:
    when the signing identifies one known agreement (`_known_by_kind_and_date`),
    the kind word is a name of it for the whole article, so "It has not been
    ratified yet" in the sentence before is about it too."""
    if any(m.kind == "agreement" for m in doc.matches):
        return []
    for index, sentence in enumerate(doc.sentences):
        if not _ok(doc, sentence):
            continue
        dates = [
            d
            for d in doc.in_sentence(doc.dates, sentence)
            if _not_after_publication(d.value, doc.published)
        ]
        if not dates:
            continue
        stems = stem_cues(doc.text, doc.tokens_of(sentence), doc.language)
        for cue in find_cues(doc.text, doc.language, sentence.start, sentence.end, extra=stems):
            date = min(dates, key=lambda d: _date_distance(doc, cue, d))
            found, _, _ = _known_by_kind_and_date(doc, sentence, cue, date.value, index)
            if found is None:
                found = _only_known_treaty(doc, cue, date.value)
            if found is not None:
                return [found]
    return []


def _only_known_treaty(doc: _Doc, cue: CueMatch, date: PartialDate) -> Match | None:
    """A podcast or a stenogram that calls its treaty only "the agreement" and
    dates a ratification or an entry into force of it ("London completed its
    procedures on 14 July") is about the one known treaty of that kind, if its
    history allows the step then. Two known treaties of the kind, or a
    document also called a memorandum or a roadmap, and nothing is chosen."""
    if cue.status not in PROCESS_STATUSES:
        return None
    words = _article_kind_words(doc)
    if not words or words[0].lastgroup != "agreement" or doc.scope.third:
        return None  # an article that names a third country may be about its treaty
    if any(_named_otherwise(doc, w) for s in doc.sentences for w in _kind_words(doc, s)):
        return None
    treaties = _known_treaties(doc)
    if len(treaties) != 1:
        return None
    word = words[0]
    match = Match(treaties[0], word.group(0), word.start(), word.end(), 0.8)
    return match if _consistent(match, cue, date) else None


def _anchor(doc: _Doc) -> DateMention | None:
    """The date of the meeting an article reports: in the first sentence that
    has both a meeting word and a date not after publication, the date
    nearest a meeting word. The lead is the first three sentences; when they
    date nothing and some are headings (a press release's kicker, headline
    and "London, 13 February 2025" line), the first three after the headings."""
    found = _lead_date(doc, doc.sentences[:3])
    if found is None:
        body = [s for s in doc.sentences if not _is_heading(doc, s)][:3]
        if body != doc.sentences[:3]:
            found = _lead_date(doc, body)
    if found is None:
        # Last, because a meeting the body dates ("took place on Tuesday")
        # is the news, and the release's date is often the day after.
        found = next((d for s in doc.sentences[:4] if (d := _place_and_date_line(doc, s))), None)
    return found


def _lead_date(doc: _Doc, lead: list[Sentence]) -> DateMention | None:
    # Only the lead: a meeting named further down is background, not the news.
    for sentence in lead:
        dates = [
            d
            for d in doc.in_sentence(doc.dates, sentence)
            if d.value.precision != "year" and _not_after_publication(d.value, doc.published)
        ]
        if len(dates) > 1 and _DATELINE.match(doc.text, sentence.start, sentence.end):
            # "LONDON, Feb. 12 - ... held talks in London on Tuesday": the
            # wire's dateline is the day of the report; the meeting's is the other.
            dates = dates[1:]
        if not dates:
            continue
        cues = list(MEETING_CUES[doc.language].finditer(doc.text, sentence.start, sentence.end))
        if not cues:
            continue
        return min(dates, key=lambda d: min(_gap((d.start, d.end), c.span()) for c in cues))
    meeting = _meeting_in_lead(doc, lead)
    return meeting if meeting is not None else _dateline(doc, lead)


def _is_heading(doc: _Doc, sentence: Sentence) -> bool:
    """A line of its own with no full stop."""
    starts_line = sentence.start == 0 or doc.text[: sentence.start].rstrip(" \t").endswith("\n")
    ends_line = doc.text[sentence.end : sentence.end + 1] in ("\n", "")
    return starts_line and ends_line and not sentence.text.rstrip().endswith(_SENTENCE_END)


_SENTENCE_END = (".", "!", "?", "»", '"', "”", "…")
_DATELINE = regex.compile(r"\s*\p{Lu}[\p{Lu}\s.-]{2,},\s", regex.VERSION1)


def _dateline(doc: _Doc, lead: list[Sentence]) -> DateMention | None:
    """A wire story's dateline ("АСТАНА, 24.04.2024.", "ASTANA, April 24 -")
    dates the news its lead reports when no meeting does."""
    for sentence in lead:
        if not _DATELINE.match(doc.text, sentence.start, sentence.end):
            continue
        dates = [
            d
            for d in doc.in_sentence(doc.dates, sentence)
            if d.value.precision == "day" and _not_after_publication(d.value, doc.published)
        ]
        return dates[0] if dates else None
    return None


_PLACE = regex.compile(r"\s*\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+)?,\s", regex.VERSION1)


def _place_and_date_line(doc: _Doc, sentence: Sentence) -> DateMention | None:
    """A press release's dateline in ordinary case, on a line of its own and
    saying nothing else: "London, 11 February", «Лондон, 11 ақпан»."""
    place = _PLACE.match(doc.text, sentence.start, sentence.end)
    if place is None or not _is_heading(doc, sentence):
        return None
    dates = doc.in_sentence(doc.dates, sentence)
    if len(dates) != 1 or doc.text[dates[0].end : sentence.end].strip(" .,"):
        return None
    date = dates[0]
    if date.value.precision != "day" or not _not_after_publication(date.value, doc.published):
        return None
    return date


def _meeting_in_lead(doc: _Doc, lead: list[Sentence]) -> DateMention | None:
    # A lead that dates its news in one sentence and names the meeting in the
    # next ("On Tuesday ... signed a memorandum. It was done at the eighth
    # session of ...") dates the meeting by the first date of the lead.
    strong = STRONG_MEETING[doc.language]
    for index, sentence in enumerate(lead):
        if not strong.search(doc.text, sentence.start, sentence.end):
            continue
        for earlier in lead[: index + 1]:
            dates = [
                d
                for d in doc.in_sentence(doc.dates, earlier)
                if d.value.precision == "day" and _not_after_publication(d.value, doc.published)
            ]
            if dates:
                return dates[0]
        return None
    return None


# --- status events and new agreements ----------------------------------------------


_AGREEMENT_WORD = regex.compile(r"agreement|treaty|соглашени|договор|келісім|шарт", I)


def _antecedent(doc: _Doc, sentence_index: int, anaphor: str, treaty: bool = False) -> Match | None:
    """The agreement an anaphor refers to: the last one named in the last 4
    sentences (the last treaty, for a ratification or an entry into force)."""
    lo = doc.sentences[max(0, sentence_index - 4)].start
    hi = doc.sentences[sentence_index].start
    candidates = [
        m
        for m in doc.matches
        if m.kind == "agreement" and lo <= m.start < hi and (not treaty or _is_treaty(m))
    ]
    if not candidates:
        return None
    word = anaphor.casefold()
    wants = next(
        (k for k, stems in (("mou", ("memorand", "mou", "меморандум")),
                            ("roadmap", ("roadmap", "дорожн", "жол")))
         if any(s in word for s in stems)),
        None,
    )  # fmt: skip
    if wants:
        # "the roadmap" is no antecedent's name when none of those named is a roadmap.
        candidates = [m for m in candidates if m.entry.attrs.get("kind") == wants]
        if not candidates:
            return None
    elif _AGREEMENT_WORD.search(word):
        # «Аталған келісім», "the said agreement": not the memorandum named last.
        candidates = [
            m for m in candidates if m.entry.attrs.get("kind") not in ("mou", "roadmap")
        ] or candidates
    # doc.matches is not in text order (short forms and parties are added
    # after the full names): "last named" is the one that starts last.
    return max(candidates, key=lambda m: m.start)


def _date_for(
    doc: _Doc, cue: CueMatch, assigned: dict[int, DateMention]
) -> tuple[PartialDate, str, bool]:
    """The date of a cue's event: its own date, or the article's default."""
    own = assigned.get(id(cue))
    if own is not None and own.rule == "paragraph_date" and own.value == doc.published:
        # A news item's dateline («Астана, 25 сәуір.») is the day of the
        # report, which the article's date already says: it dates no step.
        return own.value, f"the dateline '{own.text}', the article's day", False
    if own is not None:
        return own.value, f"date '{own.text}' ({own.rule})", True
    if cue.cue.name.endswith("recently_signed"):
        return doc.published, "publication date", False
    if cue.cue.negation and cue.event == "confirmation" and not _reported(doc, cue):
        # "For those asking: the agreement has not yet been ratified" in a
        # report of yesterday's talks says how things stand as it is written.
        return doc.published, "publication date (a negation, as of writing)", False
    value, why = doc.default_date()
    return value, why, False


# Someone reported saying it: "the minister noted that it has not yet been
# ratified" is the statement of the meeting the article reports.
# fmt: off
REPORTED = {
    "en": regex.compile(r"\b(?:said|says|say|noted|notes|told|stated|stressed|underlined|confirmed|explained|added|recalled|reported|announced|according|reminded|pointed|agreed|reviewed|discussed)\b", I),  # noqa: E501
    "ru": regex.compile(r"(?<!\w)(?:сказал\w*|отметил\w*|отмечал\w*|сообщил\w*|заявил\w*|подчеркнул\w*|подтвердил\w*|пояснил\w*|напомнил\w*|констатировал\w*|по\s+словам|по\s+данным|говорит\w*|говорил\w*|указал\w*|договорил\w*|согласил\w*|обсудил\w*)(?!\w)", I),  # noqa: E501
    "kk": regex.compile(r"(?<!\w)(?:айтты|айтқан|атап|мәлімдеді|хабарлады|жеткізді|растады|түсіндірді|еске\s+салды|сөзінше|мәліметінше|деді|дейді|хабарлауынша|келісті|талқылады)(?!\w)", I),  # noqa: E501
}
# fmt: on


def _reported(doc: _Doc, cue: CueMatch) -> bool:
    """Is the sentence, or the one before it in its paragraph (indirect speech
    runs on: «Тараптардың хабарлауынша, ... Бұл құжатқа әлі қол қойылған
    жоқ»), someone's reported words?"""
    index = _sentence_of(doc, cue.start)
    lo = doc.sentences[index].start
    if index and "\n" not in doc.text[doc.sentences[index - 1].end : lo]:
        lo = doc.sentences[index - 1].start
    return bool(REPORTED[doc.language].search(doc.text, lo, doc.sentences[index].end))


def _assign_dates(
    doc: _Doc, cues: list[CueMatch], dates: list[DateMention]
) -> dict[int, DateMention]:
    """Each date goes to its nearest cue; each cue keeps its nearest date.
    Dates after publication date no status ("set to sign in June")."""
    if dates and dates[0].rule in _WHOLE_SENTENCE_RULES:
        # The paragraph's date stands for every step its sentence tells.
        return {id(cue): dates[0] for cue in cues}
    by_cue: dict[int, list[DateMention]] = {}
    for date in dates:
        if not _not_after_publication(date.value, doc.published):
            continue
        nearest = min(cues, key=lambda c: _date_distance(doc, c, date))
        by_cue.setdefault(id(nearest), []).append(date)
    out = {}
    for cue in cues:
        mine = by_cue.get(id(cue))
        if mine:
            nearest = min(mine, key=lambda d: _date_distance(doc, cue, d))
            out[id(cue)] = _refined(nearest, mine)
    return out


def _reassigned(
    doc: _Doc,
    cues: list[CueMatch],
    dates: list[DateMention],
    targets: dict[int, tuple[Match | None, str, float]],
    assigned: dict[int, DateMention],
) -> dict[int, DateMention]:
    """A date taken by a cue its agreement's history rules out goes to the
    sentence's other steps: in "on 12 May the President signed the Law ...
    ratifying the Agreement" the date sits next to "signed", which cannot be
    the agreement's signing (known to be 2024), so it dates the ratification."""
    dropped = [
        c
        for c in cues
        if id(c) in assigned
        and targets[id(c)][0] is not None
        and not _consistent(targets[id(c)][0], c, assigned[id(c)].value)
        and not _fitting_date(doc, c, dates, targets, assigned)
    ]
    rest = [c for c in cues if c not in dropped]
    if not dropped or all(id(c) in assigned for c in rest):
        return assigned
    again = _assign_dates(doc, rest, [d for d in dates])
    return {**{id(c): assigned[id(c)] for c in dropped}, **again}


def _fitting_date(
    doc: _Doc,
    cue: CueMatch,
    dates: list[DateMention],
    targets: dict[int, tuple[Match | None, str, float]],
    assigned: dict[int, DateMention],
) -> bool:
    """ "A year ago today, on a Wednesday afternoon, they signed ...": a bare
    weekday (counted from the article: last Wednesday) that the history rules
    out only describes the sentence's other date; the cue takes the other
    date that fits, if no other step took it. Sets it in `assigned` and says
    whether it did."""
    own = assigned[id(cue)]
    if not own.rule.endswith("weekday"):
        return False
    target = targets[id(cue)][0]
    taken = {id(d) for key, d in assigned.items() if key != id(cue)}
    fits = [
        d
        for d in dates
        if d is not own
        and id(d) not in taken
        and _not_after_publication(d.value, doc.published)
        and _consistent(target, cue, d.value)
    ]
    if not fits:
        return False
    assigned[id(cue)] = min(fits, key=lambda d: _date_distance(doc, cue, d))
    return True


def _refined(date: DateMention, dates: list[DateMention]) -> DateMention:
    """ "two years ago, on 24 April 2024": a vague date and a precise one that
    falls within it are one date, and the precise one is kept."""
    finer = [
        d
        for d in dates
        if _LEVELS.index(d.value.precision) > _LEVELS.index(date.value.precision)
        and d.value.coarsen(date.value.precision) == date.value
    ]
    return max(finer, key=lambda d: _LEVELS.index(d.value.precision)) if finer else date


# ", which was laid ... on 17 March": a relative clause has its own verb, so
# a date before it ("done at Astana on 24 April 2024, which ...") is not its.
# fmt: off
RELATIVE = {
    "en": regex.compile(r",\s*(?:which|who|whose)\b", I),
    "ru": regex.compile(r",\s*(?:котор\w+|чей|чья|чьё|чьи)(?!\w)", I),
    "kk": regex.compile(r"(?!)"),
}
# fmt: on


def _closes_relative(doc: _Doc, first: int, lo: int, hi: int) -> bool:
    """Does the first of two mentions sit in a relative clause that a comma
    closes before the second? In "The Agreement, which the ministers signed in
    April 2024, has been in force since 1 September", April is the signing's."""
    if "," not in doc.text[lo:hi]:
        return False
    start = doc.text.rfind(".", 0, first) + 1
    opened = [m.end() for m in RELATIVE[doc.language].finditer(doc.text, start, first)]
    return bool(opened) and "," not in doc.text[opened[-1] : first]


_CITED_DATE = {
    "en": regex.compile(r"\bdated\s+$", I),
    "ru": regex.compile(r"(?<!\w)от\s+$", I),
    "kk": regex.compile(r"(?!)"),
}


def _date_distance(doc: _Doc, cue: CueMatch, date: DateMention) -> tuple[bool, int]:
    """How far a date is from a cue, to be compared: a date across a semicolon
    or a dash ("... in May, when he signed the law; London followed in July")
    belongs to the other clause, so any date within the clause comes first;
    then the characters between them."""
    lo, hi = min(cue.end, date.end), max(cue.start, date.start)
    across = lo < hi and bool(
        CLAUSE_BREAK.search(doc.text, lo, hi)
        or RELATIVE[doc.language].search(doc.text, lo, hi)
        or _closes_relative(doc, min(cue.start, date.start), lo, hi)
    )
    # A Kazakh clause ends with its verb: a date after the verb and a comma
    # («... қол қойылса, өткен айда ... қол қойылды») opens the next clause.
    if doc.language == "kk" and date.start >= cue.end and "," in doc.text[cue.end : date.start]:
        across = True
    # "ratified by the Law dated 12 May 2026 and in force since ...": a date a
    # citation gives a document ("dated", «от») is that document's, the step
    # before it; it does not date a step told after it.
    if date.end <= cue.start and _CITED_DATE[doc.language].search(
        doc.text, max(0, date.start - 8), date.start
    ):
        across = True
    return across, _gap((cue.start, cue.end), (date.start, date.end))


def _status_events(doc: _Doc) -> list[Proposal]:
    proposals: list[Proposal] = []
    for index, sentence in enumerate(doc.sentences):
        if not _ok(doc, sentence) or _is_question(sentence):
            continue
        previous = doc.tokens_of(doc.sentences[index - 1]) if index else []
        stems = stem_cues(doc.text, doc.tokens_of(sentence), doc.language, previous)
        cues = find_cues(doc.text, doc.language, sentence.start, sentence.end, extra=stems)
        if not cues:
            continue
        agreements = [m for m in doc.in_sentence(doc.matches, sentence) if m.kind == "agreement"]
        dates, occasion = _sentence_dates(doc, index, sentence, agreements)
        targets = {id(cue): _target_for(doc, index, sentence, cue, agreements) for cue in cues}
        # Superseded cues give up their claim before dates are shared out, so
        # that "signed ... yesterday, closing a negotiation" dates the signing.
        cues = _drop_superseded_cues(cues, targets)
        assigned = _reassigned(doc, cues, dates, targets, _assign_dates(doc, cues, dates))
        undated = [c for c in cues if id(c) not in assigned]
        assigned.update(_assign_dates(doc, undated, occasion) if occasion and undated else {})
        found: list[Proposal] = []
        unknown: list[Match] = []
        latest = max((_STAGE.get(c.status, -1) for c in cues if id(c) in assigned), default=-1)
        for cue in cues:
            if _expected(doc, sentence, cue):
                continue
            target, how, penalty = targets[id(cue)]
            date, date_why, own_date = _date_for(doc, cue, assigned)
            if not own_date and (
                cue.needs_date or cue.cue.dated_only or _season_dated(doc, sentence, cue)
            ):
                continue  # "the signing" with no date of its own tells no step
            if not own_date and cue.event == "change" and _STAGE.get(cue.status, 99) < latest:
                # "... in May, when the President signed the law, approved before
                # that by both chambers": an undated step that comes before a
                # dated one in a treaty's life happened before that date, so
                # it is not news of the article's day.
                continue
            if target is None and own_date:
                target, how, penalty = _dated_target(doc, index, sentence, cue, date)
            if target is not None and not _consistent(target, cue, date):
                # A step the agreement's known history rules out: a signing
                # years after it was signed is another document with a similar
                # name (a new roadmap), which is a new agreement if anything.
                if own_date and any(a is target for a in agreements):
                    unknown.append(target)
                continue
            if target is not None:
                found.append(
                    _step_proposal(
                        doc, sentence, cue, (target, how, penalty), (date, date_why, own_date)
                    )
                )
        known = [a for a in agreements if not any(a is u for u in unknown)]
        found.extend(_new_agreements(doc, sentence, cues, known, assigned))
        if index == 0 and _is_headline(doc, sentence):
            for p in found:
                p.extra["headline"] = True
        proposals.extend(found)
    proposals = _drop_fresh_news_restated(doc, _drop_undated_restatements(proposals))
    return _negations_as_held(doc, _drop_vaguer_tellings(proposals))


def _season_dated(doc: _Doc, sentence: Sentence, cue: CueMatch) -> bool:
    """Is a step done (not a plan: "to be signed in the spring" is today's
    plan) dated by a bare season in its clause?"""
    if cue.status == "negotiating":
        return False
    lo, hi = clause_around(doc.text, cue.start, cue.end, sentence.start, sentence.end)
    return bool(SEASON[doc.language].search(doc.text, lo, hi))


def _dated_target(
    doc: _Doc, index: int, sentence: Sentence, cue: CueMatch, date: PartialDate
) -> tuple[Match | None, str, float]:
    """The agreement of a dated step whose sentence named none: the one the
    next sentence names for the same step, the one known of its kind signed
    then, or the article's one agreement."""
    target, how, penalty = _told_next(doc, index, cue)
    if target is None:
        target, how, penalty = _known_by_kind_and_date(doc, sentence, cue, date, index)
    if target is None and (sole := _sole_agreement(doc, sentence, cue)):
        target, how, penalty = sole, f"the article's one agreement, '{sole.name}'", 0.2
    if target is None and (treaty := _the_one_treaty(doc, cue, date)):
        target, how, penalty = treaty, f"the one known treaty, '{treaty.name}'", 0.3
    return target, how, penalty


def _the_one_treaty(doc: _Doc, cue: CueMatch, date: PartialDate) -> Match | None:
    """A ticker's "London sent its note completing UK ratification on 14 July"
    beside lines on a memorandum and a roadmap: memoranda and roadmaps are
    not ratified, so a dated ratification or entry into force is the one
    known treaty's, when the article names no treaty and no third country
    and the treaty's history allows the step then."""
    if cue.status not in PROCESS_STATUSES or doc.scope.third:
        return None
    if any(m.kind == "agreement" and _is_treaty(m) for m in doc.matches):
        return None  # a treaty named: the usual rules choose
    index = _sentence_of(doc, cue.start)
    if _asked_agreement(doc, index, False) is not None:
        return None  # the answer to a question about a memorandum lends the treaty nothing
    sentence = doc.sentences[index]
    if KIND_WORDS[doc.language].search(doc.text, sentence.start, sentence.end) and not (
        doc.scope.names_both(sentence.start, sentence.end)
    ):
        return None  # "the Agreement for Trans-Pacific Partnership": another one named
    treaties = _known_treaties(doc)
    if len(treaties) != 1:
        return None
    (treaty,) = treaties
    if _later_history_contradicts(treaty, cue.status, date):
        return None  # "in force on 15 December 2024": not the one still pending in 2025
    match = Match(treaty, treaty.names[0], cue.start, cue.end, 0.7)
    return match if _consistent(match, cue, date) else None


def _known_treaties(doc: _Doc) -> list:
    """The gazetteer's treaties (agreements that are ratified), one entry each."""
    by_slug = {
        e.slug: e for e in doc.gazetteer.of_kind("agreement") if e.attrs.get("kind") == "agreement"
    }
    return list(by_slug.values())


def _known_steps(entry) -> list[tuple[PartialDate, str, str | None]]:
    """The record's status history as the gazetteer knows it: (date, status,
    party), leaving out a step whose date does not parse."""
    steps = []
    for status, date, party in (entry.attrs.get("history") if entry else None) or ():
        try:
            steps.append((PartialDate.parse(date), status, party))
        except ValueError:
            continue
    return steps


def _later_history_contradicts(entry, status: str, date: PartialDate) -> bool:
    """Does the record's known history have it at an earlier stage after
    `date` (pending in 2025 rules out "in force since 2024")?"""
    return any(
        when.first_day() > date.first_day()
        and _STAGE.get(known_status, 99) < _STAGE.get(status, -1)
        for when, known_status, _party in _known_steps(entry)
    )


_ONCE = frozenset({"signed", "in_force"})


def _drop_vaguer_tellings(proposals: list[Proposal]) -> list[Proposal]:
    """One step told twice at two precisions ("the agreement that took effect
    this week" and "1 September 2026 — the agreement enters into force") is
    one step: the vaguer telling, whose date holds the precise one, goes."""

    def finer(p: Proposal, q: Proposal) -> bool:
        # Only the steps a treaty takes once: the chambers' votes and each
        # country's ratification are several steps of one status.
        if p.status not in _ONCE or (q.target, q.status, q.event) != (p.target, p.status, "change"):
            return False
        if _LEVELS.index(q.date_precision) <= _LEVELS.index(p.date_precision):
            return False
        return PartialDate.parse(q.date).coarsen(p.date_precision).iso() == p.date

    return [
        p
        for p in proposals
        if not (
            p.kind == "status_event"
            and p.event == "change"
            and any(q.kind == "status_event" and finer(p, q) for q in proposals)
        )
    ]


# What a bare negation can confirm: "not yet ratified" holds while the treaty
# is signed or its ratification pending; "not yet in force" also once both
# have ratified.
_NEGATION_HOLDS = {
    "ratify": frozenset({"signed", "ratification_pending"}),
    "force": frozenset({"signed", "ratification_pending", "ratified"}),
}


def _negations_as_held(doc: _Doc, proposals: list[Proposal]) -> list[Proposal]:
    """A bare negation confirms the status that held on its date
    (docs/STATUS.md), not always a pending ratification: "neither has ratified
    it yet" two days after the signing confirms `signed`; "not yet in force"
    after both ratifications confirms `ratified`. What held is read from the
    agreement's known history and the article's own dated steps; when neither
    says, the negation keeps the status its words give."""
    for p in proposals:
        negated = p.extra.get("negated")
        if p.kind != "status_event" or not negated or p.event != "confirmation":
            continue
        held = _held_on(doc, p, proposals)
        if held is not None and held in _NEGATION_HOLDS[negated] and held != p.status:
            p.status = held
            p.reason += f"; a negation on a day the status was {held}"
    return proposals


def _held_on(doc: _Doc, negation: Proposal, proposals: list[Proposal]) -> str | None:
    """The overall status of `negation.target` on its date, or None if unknown."""
    day = PartialDate.parse(negation.date)
    entry = doc.gazetteer.get("agreement", negation.target)
    steps = _known_steps(entry)
    steps += [
        (PartialDate.parse(p.date), p.status, p.party)
        for p in proposals
        if p is not negation
        and p.kind == "status_event"
        and p.target == negation.target
        and p.event == "change"
        and p.extra.get("own_date")
    ]
    held: str | None = None
    ratified: set[str] = set()
    for date, status, party in sorted(steps, key=lambda s: s[0].iso()):
        level = _LEVELS[min(_LEVELS.index(date.precision), _LEVELS.index(day.precision))]
        if date.coarsen(level) > day.coarsen(level):
            break
        if status == "ratified" and party:
            # One country's ratification leaves the whole pending; each
            # country ratifies once, so two dates are both of them.
            ratified.add(f"{party}{date.iso()}")
            status = "ratified" if len(ratified) > 1 else "ratification_pending"
        if _STAGE.get(status, -1) >= _STAGE.get(held or "", -1):
            held = status
    return held


# "diplomats expect that London will send its note on the completion ...",
# «ожидают, что британская сторона направит ноту о завершении процедур»,
# «... аяқталады деп күтілуде»: a step someone expects is no step. The stem
# reader reads this for event words; these are for the phrase cues.
# fmt: off
EXPECTED_BEFORE = {
    "en": regex.compile(r"\b(?:expect\w*|hop(?:e|es|ed|ing)|plan(?:s|ned|ning)?|intend\w*|anticipat\w*|predict\w*)\s+(?:\w+\s+)?that\b", I),  # noqa: E501
    "ru": regex.compile(r"(?<!\w)(?:ожида\w+|надею\w+|надеют\w+|надеял\w*|рассчитыва\w+|планиру\w+|предполага\w+|прогнозиру\w+|обещают|обещал\w*),?\s+что(?!\w)", I),  # noqa: E501
    "kk": regex.compile(r"(?!)"),
}
EXPECTED_AFTER = {
    "en": regex.compile(r"(?!)"),
    "ru": regex.compile(r"(?!)"),
    "kk": regex.compile(r"(?<!\w)деп\s+(?:\w+\s+)?(?:күтіл\w*|күте\w*|күтеді|үміттен\w*|жоспарла\w*|болжа\w*)", I),  # noqa: E501
}
# fmt: on


def _expected(doc: _Doc, sentence: Sentence, cue: CueMatch) -> bool:
    """Is a phrase cue's step only expected, by the clause around it?"""
    if cue.cue.name.startswith("stem_"):
        return False
    lo, hi = clause_around(doc.text, cue.start, cue.end, sentence.start, sentence.end)
    return bool(
        EXPECTED_BEFORE[doc.language].search(doc.text, lo, cue.start)
        or EXPECTED_AFTER[doc.language].search(doc.text, cue.end, hi)
    )


def _sentence_dates(
    doc: _Doc, index: int, sentence: Sentence, agreements: list[Match]
) -> tuple[list[DateMention], list[DateMention]]:
    """The dates a sentence's steps may take, and the date of the occasion it
    tells of, for the steps none of those reaches: «Стороны также рассмотрели
    ход ратификации Соглашения, подписанного в прошлом году» (the year is the
    signing's; the review is the meeting's)."""
    dates = (
        _entry_day(doc, index, _event_dates(doc, sentence, agreements))
        or _same_occasion(doc, index, sentence)
        or _paragraph_date(doc, index)
        or _dated_line_over(doc, index)
        or _section_day(doc, index)
    )
    occasion = (
        _known_meeting_date(doc, sentence)
        or _also_date(doc, index, sentence)
        or _occasion_in_sentence(doc, sentence, dates)
    )
    return dates, occasion


def _occasion_in_sentence(
    doc: _Doc, sentence: Sentence, dates: list[DateMention]
) -> list[DateMention]:
    """ "... when the Dialogue met on 11 February 2025, and a memorandum was
    signed at that meeting": "that meeting" is the one the sentence dated
    before it, for the step no date of its own reaches."""
    found = SAME_OCCASION[doc.language].search(doc.text, sentence.start, sentence.end)
    before = [d for d in dates if found is not None and d.end <= found.start()]
    return _occasion_date(found, before)


def _occasion_date(found, dates: list[DateMention]) -> list[DateMention]:
    """The words naming an occasion, dated by the most precise of `dates`."""
    if found is None or not dates:
        return []
    best = max(dates, key=lambda d: (_LEVELS.index(d.value.precision), d.start))
    return [
        DateMention(found.start(), found.end(), found.group(0), best.value, "same_occasion", True)
    ]


def _entry_day(doc: _Doc, index: int, dates: list[DateMention]) -> list[DateMention]:
    """A diary's or a blog's entry headed by its own day («17 наурыз, сейсенбі.
    ... британ үкіметі бүгін ...») counts "today" and "yesterday" from that
    day, not from the day the whole was published."""
    if all(writers_day_offset(d) is None for d in dates):
        return dates
    heading = _paragraph_date(doc, index) or _heading_line(doc, index) or _section_day(doc, index)
    if not heading or heading[0].value.precision != "day":
        return dates
    day = heading[0].value.first_day()
    return [_counted_from(d, day) for d in dates]


def _counted_from(mention: DateMention, day) -> DateMention:
    offset = writers_day_offset(mention)
    if offset is None:
        return mention
    value = PartialDate.from_date(day + timedelta(days=offset), "day")
    return DateMention(mention.start, mention.end, mention.text, value, "entry_day", True)


def _is_question(sentence: Sentence) -> bool:
    """ "So is it in force?", «Когда его ратифицируют?»: a question asks
    whether a step happened; the answer, if any, is the next sentence. A
    written parliamentary question is put as "To ask the Secretary of State
    what progress ...", with a full stop."""
    text = sentence.text.strip()
    return text.rstrip("»\"”'").endswith("?") or bool(_WRITTEN_QUESTION.match(text))


_WRITTEN_QUESTION = regex.compile(r"To\s+ask\s+(?:the|His|Her)\b")


def _told_next(doc: _Doc, index: int, cue: CueMatch) -> tuple[Match | None, str, float]:
    """One step told over two sentences: "When the two ministers put pen to
    paper on Wednesday, ..." names no agreement, and the next sentence tells
    the same step without a date and names it ("The document the two
    ministers signed, the ... Agreement, ..."). The dated step takes it."""
    if index + 1 >= len(doc.sentences):
        return None, "", 0.0
    following = doc.sentences[index + 1]
    if not _ok(doc, following) or doc.in_sentence(doc.dates, following):
        return None, "", 0.0
    named = [m for m in doc.in_sentence(doc.matches, following) if m.kind == "agreement"]
    if not named:
        return None, "", 0.0
    stems = stem_cues(doc.text, doc.tokens_of(following), doc.language)
    cues = find_cues(doc.text, doc.language, following.start, following.end, extra=stems)
    same = [c for c in cues if c.status == cue.status and c.event == cue.event]
    if not same:
        return None, "", 0.0
    nearest = min(named, key=lambda a: _gap((a.start, a.end), (same[0].start, same[0].end)))
    return nearest, f"the next sentence tells the same step of '{nearest.name}'", 0.15


# An agreement named by its kind alone: "the roadmap", «дорожная карта», «меморандум».
# fmt: off
KIND_WORDS = {
    "en": regex.compile(r"\b(?:(?P<mou>memorandum|MoU)|(?P<roadmap>roadmap|road\s+map)|(?P<agreement>agreement|treaty))\b", I),  # noqa: E501
    "ru": regex.compile(r"(?<!\w)(?:(?P<mou>меморандум\w*)|(?P<roadmap>дорожн\w+\s+карт\w*)|(?P<agreement>соглашени\w*|" + _RU_TREATY + "))", I),  # noqa: E501
    "kk": regex.compile(r"(?<!\w)(?:(?P<mou>меморандум\w*)|(?P<roadmap>жол\s+карта\w*)|(?P<agreement>келісім\w*))", I),  # noqa: E501
}
# fmt: on


def _kind_words(doc: _Doc, sentence: Sentence) -> list:
    """The kind words ("the agreement", «меморандум») of a sentence, but not
    those that describe a new document ("agreements on a double-degree
    programme")."""
    described = [
        m.span()
        for m in NEW_AGREEMENT[doc.language].finditer(doc.text, sentence.start, sentence.end)
        if not _BETWEEN_ONLY.match(m.group(0))
    ]
    return [
        w
        for w in KIND_WORDS[doc.language].finditer(doc.text, sentence.start, sentence.end)
        if not any(_gap(w.span(), d) == 0 for d in described)
    ]


def _known_by_kind_and_date(
    doc: _Doc, sentence: Sentence, cue: CueMatch, date: PartialDate, index: int | None = None
) -> tuple[Match | None, str, float]:
    """ "the roadmap signed in London in March 2024": a signing of a document
    named only by its kind is that of the one known agreement of that kind
    signed then (at the coarser of the two dates' precisions), if there is
    exactly one. "Where does the agreement stand? ... It was signed in April
    2024": a pronoun takes the kind of the last kind word of the three
    sentences before (given the sentence's `index`)."""
    if cue.status != "signed" or cue.event != "change":
        return None, "", 0.0
    words = _kind_words(doc, sentence)
    if (
        not words
        and index is not None
        and pronoun_object(doc.tokens_of(sentence), cue.start, cue.end, doc.language)
    ):
        words = [w for s in doc.sentences[max(0, index - 3) : index] for w in _kind_words(doc, s)]
        words = words[-1:]
    if not words and index is not None:
        words = _article_kind_words(doc)
    if not words:
        return None, "", 0.0
    word = min(words, key=lambda w: _gap(w.span(), (cue.start, cue.end)))
    fitting = []
    for entry in doc.gazetteer.of_kind("agreement"):
        if entry.attrs.get("kind") != word.lastgroup or not entry.attrs.get("signed_on"):
            continue
        known = PartialDate.parse(str(entry.attrs["signed_on"]))
        level = _LEVELS[min(_LEVELS.index(known.precision), _LEVELS.index(date.precision))]
        if known.coarsen(level) == date.coarsen(level):
            fitting.append(entry)
    if len(fitting) != 1:
        return None, "", 0.0
    entry = fitting[0]
    match = Match(entry, word.group(0), word.start(), word.end(), 0.8)
    return match, f"the only known {word.lastgroup} signed then, '{entry.names[0]}'", 0.2


def _article_kind_words(doc: _Doc) -> list:
    """An article that never names its agreement, only calls it by its kind
    (an infographic's cards: "17.03.2026 — the agreement was laid", the full
    name in a headline the text does not carry), and calls it by one kind
    only: its first kind word stands for it in a step that names nothing."""
    if any(m.kind == "agreement" for m in doc.matches):
        return []
    words = [w for s in doc.sentences if _ok(doc, s) for w in _kind_words(doc, s)]
    if len({w.lastgroup for w in words}) != 1:
        return []
    return words[:1]


_CAPITALISED = regex.compile(r"(?<=\s)\p{Lu}[\p{L}-]+")


def _named_otherwise(doc: _Doc, word) -> bool:
    """ "the Trans-Pacific Partnership agreement": a kind word after a
    capitalised word that is neither the sentence's first nor a name of
    Kazakhstan or the UK belongs to a document with a name of its own."""
    sentence = doc.sentences[_sentence_of(doc, word.start())]
    lo = max(sentence.start, word.start() - 60)
    return any(
        # Not a word that opens the sentence or a speaker's turn («АСЕЛ: Онда ...»).
        doc.text[lo : c.start()].rstrip()[-1:] not in ("", ":", "«", '"', "—", "–", "(")
        and not c.group(0).isupper()  # a speaker's label, «ЖҮРГІЗУШІ:»
        and not KAZAKHSTAN[doc.language].match(c.group(0))
        and not UNITED_KINGDOM[doc.language].match(c.group(0))
        for c in _CAPITALISED.finditer(doc.text, lo, word.start())
    )


# fmt: off
_ANOTHER = {
    "en": regex.compile(r"\b(?:another|other|different|separate)\b", I),
    "ru": regex.compile(r"(?<!\w)(?:друг(?:ой|ого|ому|им|ом|ая|ую|ие|их|ими)|ин(?:ой|ого|ому|ым|ую|ая))(?!\w)", I),  # noqa: E501
    "kk": regex.compile(r"(?<!\w)(?:басқа|өзге)\w*", I),
}
# fmt: on


def _sole_agreement(doc: _Doc, sentence: Sentence, cue: CueMatch) -> Match | None:
    """The article's one agreement, for a dated step whose sentence names none
    ("24.04.2024 — signing in Astana" under a headline that named it): an
    article about one known agreement tells that agreement's history. Not
    when the article names two, nor when the sentence calls its document by
    another kind ("a memorandum" in an article about a treaty)."""
    if cue.status != "signed" and cue.status not in PROCESS_STATUSES:
        return None  # a negotiation may be of the next document
    if _ANOTHER[doc.language].search(doc.text, sentence.start, sentence.end):
        return None  # "signed another letter": the sentence says it is not ours
    named = [m for m in doc.matches if m.kind == "agreement"]
    if cue.status in PROCESS_STATUSES and not all(_is_treaty(m) for m in named):
        return None  # only a treaty is ratified, and the one named is none
    if len({m.slug for m in named}) != 1 or _hedged(doc, sentence, cue):
        return None
    sole = min(named, key=lambda m: m.start)
    kinds = {
        w.lastgroup
        for w in KIND_WORDS[doc.language].finditer(doc.text, sentence.start, sentence.end)
    }
    if kinds - {sole.entry.attrs.get("kind") or "agreement"}:
        return None
    return sole


def _event_dates(doc: _Doc, sentence, agreements: list[Match]) -> list:
    """The sentence's dates that can date a step: not one inside a name
    ("Roadmap 2024-2026"), nor a year that qualifies the name ("their 2024
    partnership agreement")."""
    return [
        d
        for d in doc.in_sentence(doc.dates, sentence)
        if not any(
            a.start <= d.start < a.end
            or (d.value.precision == "year" and 0 <= a.start - d.end <= 1)
            or (d.value.precision == "year" and _year_before_name(doc, d, a))
            for a in agreements
        )
    ]


# "their 2024 partnership agreement": a year after a determiner and before
# the words of a name qualifies the name, however the name was matched.
_DETERMINER_BEFORE = regex.compile(r"\b(?:the|their|its|our|this|that|a|an)\s+$", I)
_NAME_WORDS = regex.compile(r"\s+(?:\p{L}+\s+){0,2}")


def _year_before_name(doc: _Doc, date: DateMention, agreement: Match) -> bool:
    if doc.language != "en" or not 0 < agreement.start - date.end <= 30:
        return False
    return bool(
        _DETERMINER_BEFORE.search(doc.text, max(0, date.start - 8), date.start)
        and _NAME_WORDS.fullmatch(doc.text, date.end, agreement.start)
    )


# "At the same meeting", «в тот же день», «сол кездесуде»: the occasion the
# sentence before dated.
# fmt: off
SAME_OCCASION = {
    "en": regex.compile(r"\b(?:(?:at|during|on)\s+(?:the\s+same|that\s+same|that)\s+(?:meeting|session|talks|visit|day|occasion)|that\s+day)\b", I),  # noqa: E501
    "ru": regex.compile(r"(?<!\w)(?:в\s+тот\s+же\s+день|в\s+(?:этот|тот)\s+день|там\s+же|на\s+полях\s+(?:заседания|встречи|переговоров|визита|диалога|форума)|(?:на|в\s+ходе)\s+(?:той\s+же|этой\s+же|этой|той)\s+(?:встрече|встречи|сессии)|на\s+(?:том\s+же|этом\s+же|этом)\s+заседании)(?!\w)", I),  # noqa: E501
    "kk": regex.compile(r"(?<!\w)сол\s+(?:күні|кездесуде|кездесу\s+барысында|отырыста|сапар\s+кезінде)(?!\w)", I),  # noqa: E501
}
# fmt: on


def _same_occasion(doc: _Doc, index: int, sentence) -> list[DateMention]:
    """A sentence with no date of its own that tells of "the same meeting"
    takes the date the paragraph gave that occasion last (its most precise
    one): «Ақпанның 11-інде ... қол қойылды. Меморандум ... арналған. Сол
    күні ...» reaches back over a sentence that dates nothing."""
    found = SAME_OCCASION[doc.language].search(doc.text, sentence.start, sentence.end)
    if found is None or index == 0:
        return []
    before: list[DateMention] = []
    nearest = index - 1
    while nearest > 0 and _is_label(doc, doc.sentences[nearest]):
        nearest -= 1  # "2.2." numbers the item; the occasion is in the one before
    for back in range(nearest, max(-1, nearest - 3), -1):
        gap = doc.text[doc.sentences[back].end : doc.sentences[back + 1].start]
        if back < nearest and "\n" in gap:
            break  # only the sentence right before may open another paragraph
        before = doc.in_sentence(doc.dates, doc.sentences[back])
        if before:
            break
    return _occasion_date(found, before)


def _known_meeting_date(doc: _Doc, sentence) -> list[DateMention]:
    """A step told at a known meeting named by its series and round ("at the
    eighth Strategic Dialogue the ratification was reviewed", «Стратегиялық
    диалогтың сегізінші отырысында») with no date of its own took place on the
    day the tracker has for that meeting."""
    for s in doc.in_sentence(doc.matches, sentence):
        if s.kind != "meeting_series":
            continue
        number = _ordinal(doc, max(sentence.start, s.start - 60), min(sentence.end, s.end + 25))
        if number is None:
            continue
        for entry in doc.gazetteer.of_kind("meeting"):
            start_on = entry.attrs.get("start_on")
            if entry.attrs.get("series") != s.slug or entry.attrs.get("number") != number:
                continue
            try:
                value = PartialDate.parse(str(start_on))
            except ValueError:
                continue
            if _not_after_publication(value, doc.published):
                return [
                    DateMention(
                        s.start, s.end, doc.text[s.start : s.end], value, "known_meeting", True
                    )
                ]
    return []


# "The parties also reviewed ...", «Стороны также рассмотрели»: a sentence
# that adds to the one before tells of the same occasion.
ALSO = {
    "en": regex.compile(r"\balso\b", I),
    "ru": regex.compile(r"(?<!\w)(?:также|тоже)(?!\w)", I),
    "kk": regex.compile(r"(?!)"),
}


def _also_date(doc: _Doc, index: int, sentence) -> list[DateMention]:
    """A sentence with no date of its own that says "also" takes the date of
    the sentence before, or of the known meeting that sentence names."""
    if index == 0 or not ALSO[doc.language].search(doc.text, sentence.start, sentence.end):
        return []
    previous = doc.sentences[index - 1]
    if _is_heading(doc, previous):
        return []  # a heading or a place line tells no occasion
    before = doc.in_sentence(doc.dates, previous)
    if not before:
        return _known_meeting_date(doc, previous)
    best = max(before, key=lambda d: (_LEVELS.index(d.value.precision), d.start))
    return [DateMention(best.start, best.end, best.text, best.value, "also_date", True)]


_DATE_ONLY_PUNCTUATION = " \t.:;,–—-•*"


def _paragraph_date(doc: _Doc, index: int) -> list[DateMention]:
    """A retrospective or a chronicle dates a paragraph once, in front of it
    ("July 2024. A new government took office ... and started ..."): a
    sentence with no date of its own takes the date that makes up the whole
    first sentence of its paragraph."""
    first = _paragraph_start(doc, index)
    # "9-орын." numbers the item; "17 наурыз." looks like a label too, but dates it.
    while (
        first < index
        and _is_label(doc, doc.sentences[first])
        and not doc.in_sentence(doc.dates, doc.sentences[first])
    ):
        first += 1
    if first == index:
        return []
    date = _heading_date(doc, doc.sentences[first], led=True)
    return [date] if date else []


def _paragraph_start(doc: _Doc, index: int) -> int:
    first = index
    while (
        first > 0
        and "\n" not in doc.text[doc.sentences[first - 1].end : doc.sentences[first].start]
    ):
        first -= 1
    return first


def _heading_date(doc: _Doc, opening: Sentence, *, led: bool) -> DateMention | None:
    """The date a sentence is made of («17 наурыз, сейсенбі.», "July 2024."),
    or, when `led`, that opens it set off by a dash ("17.03.2026 — ...")."""
    dates = doc.in_sentence(doc.dates, opening)
    if not dates or not _not_after_publication(dates[0].value, doc.published):
        return None
    date = dates[0]
    rest = doc.text[opening.start : date.start] + doc.text[date.end : opening.end]
    # A top-ten item's label before it: «9-орын. 17 наурыз.»
    label = _LABEL_PREFIX.match(rest)
    rest = rest[label.end() :] if label else rest
    # A diary's heading names the weekday too: «17 наурыз, сейсенбі.»
    rest = " ".join(
        w for w in rest.split() if w.strip(",.").casefold() not in WEEKDAYS[doc.language]
    )
    # ... a post's or a log's its time of day: «1 сентября, 09:12»
    rest = _CLOCK_TIME.sub(" ", rest)
    # ... and a chronicle's or a CV's line its place: «2024 ж., 24 сәуір, Астана.»
    words = rest.strip(_DATE_ONLY_PUNCTUATION).split()
    place_only = len(words) <= 2 and all(w.strip(",.")[:1].isupper() for w in words)
    only_date = len(dates) == 1 and (not words or place_only)
    if not only_date and not (led and _date_led(doc, opening, date)):
        return None
    return _as_rule(date, "paragraph_date")


# A time of day on a dated line: "09:12", "at 9:40 pm", «в 14:05», «сағат 10:00-де».
_CLOCK_TIME = regex.compile(
    r"(?<![\p{L}\d])(?:(?:at|в|сағат)\s+)?\d{1,2}:\d{2}(?:\s*(?:am|pm)|-?\p{L}{1,3})?(?![\p{L}\d])",
    regex.IGNORECASE,
)


def _as_rule(mention: DateMention, rule: str) -> DateMention:
    """The same date, found by a rule of the pipeline's (a heading's, a section's)."""
    return DateMention(mention.start, mention.end, mention.text, mention.value, rule, True)


# Dates that stand for every step their sentence tells: a paragraph's, a
# heading line's, a section's (_assign_dates).
_WHOLE_SENTENCE_RULES = frozenset(("paragraph_date", "heading_line", "section_day"))


def _on_own_line(doc: _Doc, index: int) -> bool:
    sentence = doc.sentences[index]
    before = doc.text[doc.sentences[index - 1].end : sentence.start] if index else "\n"
    after = (
        doc.text[sentence.end : doc.sentences[index + 1].start]
        if index + 1 < len(doc.sentences)
        else "\n"
    )
    return "\n" in before and "\n" in after


def _section_day(doc: _Doc, index: int) -> list[DateMention]:
    """The day heading a step is listed under, in a document of dated sections."""
    before = [heading for i, heading in doc.section_days() if i < index]
    if not before:
        return []
    heading = before[-1]
    return [_as_rule(heading, "section_day")]


def _dated_line_over(doc: _Doc, index: int) -> list[DateMention]:
    """An exhibition's panel or a report's section under a date line of its
    own («2024 жыл, сәуір»): the line dates the steps below it. Not a press
    release's "London, 13 February", the day of the release, not of its news."""
    first = _paragraph_start(doc, index)
    if first and _place_and_date_line(doc, doc.sentences[first - 1]) is not None:
        return []
    return _heading_line(doc, index)


def _heading_line(doc: _Doc, index: int) -> list[DateMention]:
    """A dated line of its own over the paragraph ("Tuesday 3 March 2026." and
    the entry below it): the day the entry was written."""
    first = _paragraph_start(doc, index)
    if first == 0:
        return []
    if not _on_own_line(doc, first - 1):
        return []
    date = _heading_date(doc, doc.sentences[first - 1], led=False)
    if date is None:
        return []
    return [_as_rule(date, "heading_line")]


# A card's or a list item's label: "Card 3.", «Карточка 3.», «3-карта:», "Step 2:", "2.2.".
_LABEL = regex.compile(
    r"\s*(?:\p{L}+\s+\d{1,2}|\d{1,2}(?:\.\d{1,2})*(?:-\p{L}+)?(?:\s+\p{L}+)?)\s*[.:)]?\s*"
)
# A date that opens a line and is set off by a dash or a colon: "24.04.2024 — ...".
_LEADING_DASH = regex.compile(r"\s*(?:—|–|-{1,2}|:)\s")


_LABEL_PREFIX = regex.compile(r"\s*\d{1,2}(?:\.\d{1,2})*-\p{L}+\.\s")


def _is_label(doc: _Doc, sentence: Sentence) -> bool:
    return bool(_LABEL.fullmatch(doc.text, sentence.start, sentence.end))


def _date_led(doc: _Doc, sentence: Sentence, date: DateMention) -> bool:
    """Does the date open the sentence, set off by a dash or a colon, as a
    timeline's line or an infographic's card does ("17.03.2026 — the
    government laid the agreement")? Such a date dates the whole card."""
    before = doc.text[sentence.start : date.start]
    return not before.strip(_DATE_ONLY_PUNCTUATION) and bool(
        _LEADING_DASH.match(doc.text, date.end, sentence.end)
    )


def _step_proposal(doc: _Doc, sentence, cue, targeted, dated) -> Proposal:
    """A status step of `targeted` (the agreement, how it was found and the
    confidence it costs), dated by `dated` (the date, why, and whether the
    sentence gave it), quoted from the cue to the agreement's name."""
    target, how, penalty = targeted
    date, date_why, own_date = dated
    party = party_for(doc.text, cue, doc.language, sentence.start, sentence.end)
    start, end = _quote(doc, sentence, [(cue.start, cue.end), (target.start, target.end)])
    confidence = 0.9 * target.score - penalty - (0 if own_date else 0.1)
    return Proposal(
        kind="status_event",
        target=target.slug,
        status=cue.status,
        event=cue.event,
        date=date.iso(),
        date_precision=date.precision,
        party=party,
        quote=doc.text[start:end],
        start=start,
        end=end,
        confidence=round(max(0.05, confidence), 2),
        reason=f"cue {cue.cue.name} '{doc.text[cue.start : cue.end]}'; {how}; {date_why}",
        extra={"own_date": own_date, "negated": _negated(cue)},
    )


def _negated(cue: CueMatch) -> str | None:
    """What a bare negation says has not happened: "force" or "ratify"."""
    if not cue.cue.negation:
        return None
    return "force" if "force" in cue.cue.name else "ratify"


def _drop_undated_restatements(proposals: list[Proposal]) -> list[Proposal]:
    """A step told twice, once with its date ("signed in Astana yesterday") and
    once without ("the document was signed by the two ministers"), is one step:
    the undated telling would date it to the article and is dropped. Steps of
    different parties stay apart, and so do confirmations, which are dated by
    the statement itself ("has not yet ratified", as of the article)."""
    dated = [p for p in proposals if p.kind == "status_event" and p.extra.get("own_date")]

    def told_with_date(p: Proposal) -> bool:
        return any(
            d.target == p.target
            and d.status == p.status
            and (d.party == p.party or d.party is None or p.party is None)
            for d in dated
        )

    return [
        p
        for p in proposals
        if not (
            p.kind == "status_event"
            and p.event == "change"
            and p.extra.get("own_date") is False
            and told_with_date(p)
        )
    ]


# How recent a change must be for "is finally in force" to be that change
# told again rather than a later statement that it still holds.
_FRESH_DAYS = 31


def _drop_fresh_news_restated(doc: _Doc, proposals: list[Proposal]) -> list[Proposal]:
    """An article that reports a step of the last weeks with its date ("entered
    into force on 1 September") and then says, undated, that the status holds
    ("a treaty that is finally in force") tells one step, not a step and a
    confirmation: the undated statement is the news again."""
    if doc.published.day is None:
        return proposals
    today = doc.published.first_day()

    def fresh(p: Proposal) -> bool:
        if not (p.kind == "status_event" and p.event == "change" and p.extra.get("own_date")):
            return False
        try:
            when = PartialDate.parse(p.date or "")
        except ValueError:
            return False
        return when.precision == "day" and 0 <= (today - when.first_day()).days <= _FRESH_DAYS

    news = [p for p in proposals if fresh(p)]
    return [
        p
        for p in proposals
        if not (
            p.kind == "status_event"
            and p.event == "confirmation"
            and p.extra.get("own_date") is False
            and not p.extra.get("negated")
            and any(
                n.target == p.target
                and n.status == p.status
                # The UK laid it before Parliament yesterday; the Kazakh side
                # is still at its procedures: two sides, two facts.
                and (n.party is None or p.party is None or n.party == p.party)
                for n in news
            )
        )
    ]


# The stages of a treaty's life, in order.
_STAGE = {
    status: i
    for i, status in enumerate(
        ("proposed", "negotiating", "signed", "ratification_pending", "ratified", "in_force")
    )
}
# Steps before and after a signing, to check a proposed step against the date
# the agreement is known to have been signed.
BEFORE_SIGNING = frozenset({"proposed", "negotiating"})
AFTER_SIGNING = frozenset({"ratification_pending", "ratified", "in_force", "implemented"})
_LEVELS = ("year", "month", "day")


def _consistent(target: Match, cue: CueMatch, date: PartialDate) -> bool:
    """Can the agreement have taken this step at this date, given when it was
    signed (`signed_on` in the seed data)? Compared at the coarser of the two
    precisions; an agreement with no known signing date allows every step."""
    signed_on = target.entry.attrs.get("signed_on")
    if not signed_on:
        return True
    try:
        known = PartialDate.parse(str(signed_on))
    except ValueError:
        return True
    level = _LEVELS[min(_LEVELS.index(known.precision), _LEVELS.index(date.precision))]
    known, date = known.coarsen(level), date.coarsen(level)
    if cue.status == "signed" and cue.event == "change":
        return date == known
    if cue.status in BEFORE_SIGNING:
        return date <= known
    if cue.status in AFTER_SIGNING:
        return date >= known
    return True


def _target_for(
    doc: _Doc, index: int, sentence: Sentence, cue: CueMatch, agreements: list[Match]
) -> tuple[Match | None, str, float]:
    """The agreement a cue is about, how it was found, and a confidence penalty."""
    if cue.cue.adjacent:
        after = [a for a in agreements if 0 <= a.start - cue.end <= 30]
        if after:
            return after[0], f"agreement '{after[0].name}' right after the cue", 0.0
        return None, "", 0.0
    # "the agreement is in force, the roadmap is being revised": a
    # ratification or an entry into force is a treaty's, never a memorandum's
    # or a roadmap's, even when one of those is the only document named.
    treaty = cue.status in PROCESS_STATUSES
    if treaty:
        agreements = [a for a in agreements if _is_treaty(a)]
    if agreements:
        nearest = min(
            agreements,
            key=lambda a: (
                _other_clause(doc, a, cue),
                _gap((a.start, a.end), (cue.start, cue.end)),
            ),
        )
        return nearest, f"agreement '{nearest.name}' score {nearest.score}", 0.0
    asked = _asked_agreement(doc, index, treaty)
    if asked is not None:
        return asked, f"the question before this answer asks about '{asked.name}'", 0.15
    # "It has not been ratified" after a memorandum was named is about the
    # treaty, for the same reason.
    if pronoun_object(doc.tokens_of(sentence), cue.start, cue.end, doc.language):
        antecedent = _antecedent(doc, index, "", treaty) or _topic_agreement(doc, index, treaty)
        if antecedent is not None:
            return antecedent, f"a pronoun refers to '{antecedent.name}' named before", 0.15
    anaphor = ANAPHORS[doc.language].search(doc.text, sentence.start, sentence.end)
    if anaphor:
        antecedent = _antecedent(doc, index, anaphor.group(0), treaty)
        if antecedent is not None:
            return (
                antecedent,
                f"'{anaphor.group(0)}' refers to '{antecedent.name}' named before",
                0.15,
            )
    headline = _headline_agreement(doc, index, sentence)
    if headline is not None:
        return headline, f"the lead's '{headline.name}' as named in the headline", 0.15
    if cue.status in PROCESS_STATUSES and not _hedged(doc, sentence, cue):
        topic = _topic_agreement(doc, index, treaty=True)
        if topic is not None:
            return topic, f"no name in the sentence; the article is about '{topic.name}'", 0.2
    return None, "", 0.0


# "The memorandum was signed in 2023, while the roadmap was agreed in 2024",
# «Меморандум был подписан в 2023 году, а дорожную карту утвердили ...»: a
# contrasting conjunction after a comma starts another clause with its own
# subject, so the step before it is not about the document after it, however
# near that one is.
# fmt: off
_CLAUSE_BREAK = {
    "en": regex.compile(r";|,\s+(?:while|whereas|but)\s", regex.IGNORECASE),
    "ru": regex.compile(r";|,\s+(?:а|но|тогда\s+как|в\s+то\s+время\s+как)\s", regex.IGNORECASE),
    "kk": regex.compile(r";|,\s+(?:ал|бірақ)\s", regex.IGNORECASE),
}
# fmt: on


def _other_clause(doc: _Doc, agreement: Match, cue: CueMatch) -> bool:
    if agreement.end <= cue.start:
        lo, hi = agreement.end, cue.start
    else:
        lo, hi = cue.end, agreement.start
    return lo < hi and bool(_CLAUSE_BREAK[doc.language].search(doc.text, lo, hi))


# A speaker's turn in a transcript, a stenogram or a forum thread opens a line
# with a label and a colon: "QUESTION (Radio Astana):", «ЕРЛАН:», «Ответ от
# Serik:». The first word in capitals, or a word for a reply.
_TURN = regex.compile(
    r"(?m)^[ \t]*(?:\p{Lu}{2,}\b|[^\n:.?!]{0,30}(?:Ответ|Answer|Reply|Жауап))[^\n:.?!]{0,60}:"
)


def _asked_agreement(doc: _Doc, index: int, treaty: bool) -> Match | None:
    """In a transcript a step is often told over two turns: the question names
    the agreement ("And the partnership agreement?") and the answer tells the
    step without naming it ("It was signed, but it is still not ratified").
    An answer that names nothing takes the agreement its question names, or
    that the question calls by its kind: the last one of that kind named
    before it, else the one known agreement of that kind."""
    sentence = doc.sentences[index]
    for back in range(index - 1, max(-1, index - 6), -1):
        question = doc.sentences[back]
        if not _is_question(question):
            continue
        turns = _TURN.finditer(doc.text, question.end, sentence.end)
        if sum(t.start() <= sentence.start for t in turns) != 1:
            return None  # not the turn right after the question's
        return _agreement_asked(doc, question, treaty)
    return None


def _agreement_asked(doc: _Doc, question: Sentence, treaty: bool) -> Match | None:
    named = [m for m in doc.in_sentence(doc.matches, question) if m.kind == "agreement"]
    named = [m for m in named if not treaty or _is_treaty(m)]
    if named:
        return max(named, key=lambda m: m.start)
    words = list(KIND_WORDS[doc.language].finditer(doc.text, question.start, question.end))
    if len({w.lastgroup for w in words}) != 1 or (treaty and words[0].lastgroup != "agreement"):
        return None
    kind = words[0].lastgroup
    before = [
        m
        for m in doc.matches
        if m.kind == "agreement" and m.start < question.start and m.entry.attrs.get("kind") == kind
    ]
    if before:
        return max(before, key=lambda m: m.start)
    known = [e for e in doc.gazetteer.of_kind("agreement") if e.attrs.get("kind") == kind]
    if len(known) != 1:
        return None
    word = words[0]
    return Match(known[0], word.group(0), word.start(), word.end(), 0.8)


def _is_treaty(match: Match) -> bool:
    """Can the agreement be ratified? Memoranda and roadmaps are signed, not
    ratified (`kind` in the seed data); an agreement of unknown kind can."""
    return match.entry.attrs.get("kind") not in ("mou", "roadmap")


def _headline_agreement(doc: _Doc, index: int, sentence: Sentence) -> Match | None:
    """In the sentence after a headline, "a memorandum" (an agreement of the
    kind the headline names, with the indefinite article) is the headline's."""
    if index != 1 or not _is_headline(doc, doc.sentences[0]):
        return None
    named = doc.in_sentence([m for m in doc.matches if m.kind == "agreement"], doc.sentences[0])
    for mention in _INDEFINITE_KIND.finditer(doc.text, sentence.start, sentence.end):
        kind = mention.lastgroup
        fitting = {m.slug: m for m in named if m.entry.attrs.get("kind") == kind}
        if len(fitting) == 1:
            return next(iter(fitting.values()))
    return None


# Ratification and entry into force are things only treaties do: a sentence that
# says "Kazakhstan completed its domestic procedures in June" without naming
# the agreement is about the one the article is about.
PROCESS_STATUSES = frozenset({"ratification_pending", "ratified", "in_force"})


# fmt: off
MODAL = {
    # Case-sensitive: "May" is a month.
    "en": regex.compile(r"\b(?:must|may|might|can|cannot|could|should|would)\b"),
    "ru": regex.compile(r"(?<![\p{L}\d])(?:может|могут|должн\w*|нужно|следует|сможет)(?![\p{L}\d])", I),  # noqa: E501
    "kk": regex.compile(r"(?<![\p{L}\d])(?:тиіс|керек|мүмкін|қажет)(?![\p{L}\d])", I),
}
# fmt: on


_AND_NEW_SUBJECT = regex.compile(r",\s+and\s+(?:the\s+)?\p{Lu}")


def _hedged(doc: _Doc, sentence: Sentence, cue: CueMatch) -> bool:
    """A plan, a forecast or a rule ("a treaty must sit before Parliament for 21
    days"): such a clause states no step of its own, so it borrows no agreement.
    Only the cue's clause counts: in "not yet completed, but expected in July"
    the expectation is the other clause's."""
    lo, hi = clause_around(doc.text, cue.start, cue.end, sentence.start, sentence.end)
    # "... has not been completed, and Whitehall must still send its note": a
    # clause with a subject of its own after "and" has a mood of its own too.
    joined = _AND_NEW_SUBJECT.search(doc.text, cue.end, hi)
    if joined and doc.language == "en":
        hi = joined.start()
    # A phrase cue has read its own words ("the 21 sitting days in which either
    # House could have objected ran out"): only the rest of the clause counts.
    return any(
        _FUTURE[doc.language].search(doc.text, a, b)
        or MODAL[doc.language].search(doc.text, a, b)
        or has_forecast(doc.text, doc.language, a, b)
        for a, b in ((lo, cue.start), (cue.end, hi))
    )


def _topic_agreement(doc: _Doc, index: int, treaty: bool = False) -> Match | None:
    """The agreement named last in the 6 sentences before, else the article's
    only one (only treaties, for a ratification or an entry into force)."""
    lo = doc.sentences[max(0, index - 6)].start
    hi = doc.sentences[index].start
    named = [m for m in doc.matches if m.kind == "agreement" and (not treaty or _is_treaty(m))]
    before = [m for m in named if lo <= m.start < hi]
    if before:
        return max(before, key=lambda m: m.start)
    if len({m.slug for m in named}) == 1:
        return min(named, key=lambda m: m.start)
    return None


def _drop_superseded_cues(
    cues: list[CueMatch], targets: dict[int, tuple[Match | None, str, float]]
) -> list[CueMatch]:
    """In one sentence, "after years of negotiations ... signed" is a signing:
    a negotiating cue gives way to a signing of the same agreement."""

    def slug(cue: CueMatch) -> str | None:
        target = targets[id(cue)][0]
        return target.slug if target is not None else None

    signed = {slug(c) for c in cues if c.status == "signed"}
    return [c for c in cues if not (c.status == "negotiating" and slug(c) in signed)]


def _new_agreements(
    doc: _Doc,
    sentence: Sentence,
    cues: list[CueMatch],
    known: list[Match],
    assigned: dict[int, DateMention],
) -> list[Proposal]:
    """Agreements the tracker does not know yet, named in a sentence with a status
    cue: "signed ... a memorandum on a World Bank governance programme"."""
    useful = [c for c in cues if c.status in ("signed", "negotiating", "ratified", "in_force")]
    if not useful:
        return []
    out = []
    for m in NEW_AGREEMENT[doc.language].finditer(doc.text, sentence.start, sentence.end):
        span = (m.start(), m.start() + len(_NEW_AGREEMENT_STOP.sub("", m.group(0))))
        if any(_gap(span, (k.start, k.end)) == 0 for k in known):
            continue
        title = regex.sub(r"^(?:a|an|the)\s+", "", doc.text[span[0] : span[1]].strip(), flags=I)
        if len(title.split()) < 3 or _BETWEEN_ONLY.match(title):
            continue
        cue = min(useful, key=lambda c: _gap(span, (c.start, c.end)))
        if _gap(span, (cue.start, cue.end)) > 160:
            continue
        date, date_why, own_date = _date_for(doc, cue, assigned)
        start, end = _quote(doc, sentence, [span, (cue.start, cue.end)])
        out.append(
            Proposal(
                kind="new_agreement",
                title=title[:1].upper() + title[1:],
                status=cue.status,
                event=cue.event,
                date=date.iso(),
                date_precision=date.precision,
                quote=doc.text[start:end],
                start=start,
                end=end,
                confidence=0.6 if own_date else 0.5,
                reason=f"cue {cue.cue.name}; unknown agreement '{title}'; {date_why}",
            )
        )
    return out


# --- meetings -----------------------------------------------------------------


def _ordinal(doc: _Doc, lo: int, hi: int) -> int | None:
    """A round's number near a series name ("8th", "eighth", "восьмое", "сегізінші"),
    never a day of the month ("11 февраля")."""
    for m in _ORDINAL.finditer(doc.text, lo, hi):
        if any(d.start <= m.start() < d.end for d in doc.dates):
            continue
        if m.group("n"):
            number = int(m.group("n"))
            if number < 40:
                return number
        elif m.group("w"):
            return ORDINALS[m.group("w").casefold()]
    return None


def _compatible(start_on: object, date: PartialDate | None) -> bool:
    """Does a known meeting's date agree with a date in the text (at the coarser precision)?"""
    if not start_on or date is None:
        return False
    known = PartialDate.parse(str(start_on))
    order = ("year", "month", "day")
    level = order[min(order.index(known.precision), order.index(date.precision))]
    return known.coarsen(level) == date.coarsen(level)


def _nearest_date(
    doc: _Doc, sentence: Sentence, spans: list[tuple[int, int]]
) -> DateMention | None:
    dates = doc.in_sentence(doc.dates, sentence)
    if not dates:
        return None
    return min(dates, key=lambda d: min(_gap((d.start, d.end), sp) for sp in spans))


def _meetings(doc: _Doc) -> list[Proposal]:
    proposals = []
    meetings = doc.gazetteer.of_kind("meeting")
    previous_people: set[str] = set()
    for sentence in doc.sentences:
        here = doc.in_sentence(doc.matches, sentence)
        people = [m for m in here if m.kind == "person"]
        mentioned = {p.slug for p in people}
        context, previous_people = previous_people, mentioned
        if not _ok(doc, sentence):
            continue
        verbs = list(STRONG_MEETING[doc.language].finditer(doc.text, sentence.start, sentence.end))
        if not verbs:
            continue
        verb = verbs[0]
        future = bool(_FUTURE[doc.language].search(doc.text, sentence.start, sentence.end))
        series = [m for m in here if m.kind == "meeting_series"]
        found: list[tuple[str | None, str | None, DateMention | None, str]] = []
        if series:
            s = series[0]
            number = _ordinal(doc, max(sentence.start, s.start - 60), min(sentence.end, s.end + 25))
            own = _nearest_date(doc, sentence, [(s.start, s.end), verb.span()])
            target = None
            for entry in meetings:
                if entry.attrs.get("series") != s.slug:
                    continue
                if number is not None:
                    if entry.attrs.get("number") == number:
                        target = entry.slug
                elif (own is not None and _compatible(entry.attrs.get("start_on"), own.value)) or (
                    own is None and future and entry.attrs.get("status") == "planned"
                ):
                    target = entry.slug
            name = doc.gazetteer.names_of("meeting_series", s.slug)[0]
            title = (
                f"{_ordinal_word(number)} meeting of the {name}"
                if number
                else f"Session of the {name}"
            )
            why = f"series '{s.name}'" + (f", round {number}" if number else "")
            found.append((target, title, own, why))
        else:
            for entry in meetings:
                participants = set(entry.attrs.get("participants") or ())
                if not participants & mentioned or not participants <= mentioned | context:
                    continue
                # A one-person event is a visit: it needs a visit word, not just a name.
                if len(participants) == 1 and not VISIT[doc.language].search(
                    doc.text, sentence.start, sentence.end
                ):
                    continue
                spans = [(p.start, p.end) for p in people if p.slug in participants]
                own = _nearest_date(doc, sentence, spans)
                date = own.value if own else doc.default_date()[0]
                if _compatible(entry.attrs.get("start_on"), date):
                    found.append(
                        (entry.slug, None, own, "participants " + ", ".join(sorted(participants)))
                    )
            if not found:
                names = [p.entry.names[0] for p in people] + [
                    n for _, _, n in _new_people(doc, sentence)
                ]
                if names:
                    own = _nearest_date(doc, sentence, [verb.span()])
                    title = "Meeting of " + " and ".join(dict.fromkeys(names))
                    found.append((None, title, own, "people named with a meeting word"))
        start, end = _quote(doc, sentence, [verb.span()])
        for target, title, own, why in found:
            if own is not None:
                date, date_why = own.value, f"date '{own.text}'"
            elif future:
                date, date_why = None, "no date (planned)"
            else:
                date, date_why = doc.default_date()
            proposals.append(
                Proposal(
                    kind="meeting",
                    target=target,
                    title=title,
                    date=date.iso() if date else None,
                    date_precision=date.precision if date else None,
                    quote=doc.text[start:end],
                    start=start,
                    end=end,
                    confidence=0.8 if target else 0.5,
                    reason=f"meeting word '{verb.group(0)}'; {why}; {date_why}",
                )
            )
    return proposals


def _ordinal_word(number: int | None) -> str:
    if number is None:
        return ""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


# --- figures ------------------------------------------------------------------


def _figures(doc: _Doc) -> list[Proposal]:
    proposals = []
    for sentence in doc.sentences:
        if not _ok(doc, sentence):
            continue
        figures = find_figures(doc.text, doc.language, sentence.start, sentence.end)
        if not figures:
            continue
        dates = doc.in_sentence(doc.dates, sentence)
        measures = [m for m in doc.in_sentence(doc.matches, sentence) if m.kind == "figure"]
        for figure in figures:
            if any(d.start <= figure.start < d.end for d in dates):
                continue
            own = [d for d in dates if d.end <= figure.start or d.start >= figure.end]
            if own:
                near = min(own, key=lambda d: _gap((d.start, d.end), (figure.start, figure.end)))
                date, date_why = near.value, f"date '{near.text}'"
            else:
                date, date_why = doc.published, "publication date"
            target, title = _measure(doc, measures, figure)
            start, end = _quote(doc, sentence, [(figure.start, figure.end)])
            proposals.append(
                Proposal(
                    kind="figure",
                    target=target,
                    title=title or _clause(doc, sentence, figure.start),
                    value=figure.value,
                    unit=figure.unit,
                    multiplier=figure.multiplier,
                    date=date.iso(),
                    date_precision=date.precision,
                    quote=doc.text[start:end],
                    start=start,
                    end=end,
                    confidence=0.75 if target else 0.6,
                    reason=f"figure '{figure.text}'"
                    + (f"; measure of {target}" if target else "")
                    + f"; {date_why}",
                )
            )
    return proposals


def _measure(doc: _Doc, measures: list[Match], figure) -> tuple[str | None, str | None]:
    """An existing figure of the same measure and unit, nearest the number."""
    for match in sorted(measures, key=lambda m: _gap((m.start, m.end), (figure.start, figure.end))):
        metric = match.entry.attrs.get("metric")
        same = [
            e
            for e in doc.gazetteer.of_kind("figure")
            if e.attrs.get("metric") == metric and e.attrs.get("unit") == figure.unit
        ]
        if same:
            # Prefer the figure with this very value (the same fact, again).
            amount = format(figure.amount.normalize(), "f")
            same.sort(key=lambda e: str(e.attrs.get("value")) != amount)
            return same[0].slug, doc.gazetteer.get("figure", same[0].slug).names[0]
    return None, None


def _clause(doc: _Doc, sentence: Sentence, offset: int) -> str:
    lo = offset
    while lo > sentence.start and doc.text[lo - 1] not in ",;:(":
        lo -= 1
    words = doc.text[lo:offset].split()
    return " ".join(words[-10:]).strip() or sentence.text[:80]


# --- commitments --------------------------------------------------------------


def _commitments(doc: _Doc) -> list[Proposal]:
    proposals = []
    entries = doc.gazetteer.of_kind("commitment")
    for sentence in doc.sentences:
        if not _ok(doc, sentence):
            continue
        cue = COMMITMENT_CUES[doc.language].search(doc.text, sentence.start, sentence.end)
        if not cue:
            continue
        statuses = find_cues(doc.text, doc.language, sentence.start, sentence.end)
        if any(c.status == "negotiating" for c in statuses):
            continue  # "plans to sign the agreement" is a status, not a commitment
        here = [m for m in doc.in_sentence(doc.matches, sentence) if m.kind == "commitment"]
        lo, hi = _quote(doc, sentence, [cue.span()])
        clause = doc.text[lo:hi]
        target = here[0].slug if here else None
        if target is None:
            best = best_entry(clause, entries, doc.language, cutoff=75)
            target = best[0].slug if best else None
        title = " ".join(doc.text[cue.end() : sentence.end].split()[:12]).rstrip(".,;")
        date, date_why = doc.default_date()
        proposals.append(
            Proposal(
                kind="commitment",
                target=target,
                title=title,
                status="announced",
                date=date.iso(),
                date_precision=date.precision,
                quote=clause,
                start=lo,
                end=hi,
                confidence=0.6 if target else 0.4,
                reason=f"commitment cue '{cue.group(0)}'; {date_why}",
            )
        )
    return proposals


# --- people -------------------------------------------------------------------


def _people(doc: _Doc) -> list[Proposal]:
    proposals = []
    seen: set[str] = set()
    for sentence in doc.sentences:
        if not _ok(doc, sentence):
            continue
        here = [m for m in doc.in_sentence(doc.matches, sentence) if m.kind == "person"]
        for m in here:
            if m.slug in seen:
                continue
            seen.add(m.slug)
            entry = doc.gazetteer.get("person", m.slug)
            proposals.append(
                Proposal(
                    kind="person",
                    target=m.slug,
                    title=entry.names[0] if entry else m.name,
                    quote=doc.text[m.start : m.end],
                    start=m.start,
                    end=m.end,
                    confidence=round(0.8 * m.score, 2),
                    reason=f"known person '{m.name}'",
                )
            )
        for name_start, name_end, name in _new_people(doc, sentence):
            key = name.casefold()
            if key in seen:
                continue
            seen.add(key)
            proposals.append(
                Proposal(
                    kind="person",
                    title=name,
                    quote=name,
                    start=name_start,
                    end=name_end,
                    confidence=0.5,
                    reason="capitalised name next to a title",
                )
            )
    return proposals


_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}'’-]*", regex.VERSION1)


def _not_name(doc: _Doc, word: str) -> bool:
    folded = word.casefold().strip("'’-")
    return (
        word.isupper()
        or folded in NOT_NAME_WORDS
        or any(folded.startswith(w) for w in NOT_NAME_WORDS if len(w) >= 6)
        or any(t[doc.language].match(word) for t in (KAZAKHSTAN, UNITED_KINGDOM, THIRD_COUNTRIES))
    )


def _new_people(doc: _Doc, sentence: Sentence) -> list[tuple[int, int, str]]:
    """Names of people the tracker does not know: two or three capitalised
    words, next to a title ("Foreign Minister Murat Nurtleu", "Leo Docherty,
    Parliamentary Under-Secretary", "елшісі Салли Аксуорси")."""
    words = list(_WORD.finditer(doc.text, sentence.start, sentence.end))
    runs: list[list[regex.Match[str]]] = []
    for w in words:
        if not w.group(0)[0].isupper():
            runs.append([])
            continue
        if runs and runs[-1] and doc.text[runs[-1][-1].end() : w.start()] == " ":
            runs[-1].append(w)
        else:
            runs.append([w])
    known = [(m.start, m.end) for m in doc.in_sentence(doc.matches, sentence)]
    out = []
    for run in runs:
        while run and _not_name(doc, run[0].group(0)):
            run = run[1:]
        while run and _not_name(doc, run[-1].group(0)):
            run = run[:-1]
        if not 2 <= len(run) <= 3 or any(_not_name(doc, w.group(0)) for w in run):
            continue
        start, end = run[0].start(), run[-1].end()
        if any(_gap((start, end), k) == 0 for k in known):
            continue
        before = doc.text[max(sentence.start, start - 60) : start]
        after = doc.text[end : min(sentence.end, end + 50)]
        titled = PERSON_TITLES[doc.language]
        if titled.search(before) or (after.startswith(",") and titled.search(after)):
            out.append((start, end, doc.text[start:end]))
    return out


# --- output -------------------------------------------------------------------


def _is_headline(doc: _Doc, sentence: Sentence) -> bool:
    """A first line with no full stop, followed by more text, is a headline."""
    rest = doc.text[sentence.end :].strip()
    return (
        bool(rest)
        and doc.text[sentence.end : sentence.end + 1] in ("\n", "")
        and not (sentence.text.rstrip().endswith((".", "!", "?", "»", '"', "”")))
    )


def _dedupe(proposals: list[Proposal]) -> list[Proposal]:
    """One proposal per fact: the most confident, then the first in the text.

    A headline repeats the story without its date ("Kazakhstan and UK sign
    partnership agreement"); its status event gives way to the body's report
    of the same step, which carries the date.
    """
    body = {(p.target, p.status) for p in proposals if not p.extra.get("headline")}
    proposals = [
        p
        for p in proposals
        if not (
            p.extra.get("headline") and p.kind == "status_event" and (p.target, p.status) in body
        )
    ]
    best: dict[tuple, Proposal] = {}
    for p in sorted(proposals, key=lambda p: (-p.confidence, p.start)):
        best.setdefault(p.key(), p)
    return sorted(best.values(), key=lambda p: (p.start, p.kind))

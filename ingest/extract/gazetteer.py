"""A gazetteer of known records and a fuzzy matcher over it.

Every record the tracker knows (agreements, meeting series, meetings,
people, organisations, figures, commitments) is an `Entry` with all its
names: title, short title, acronym, and translations. A name is found in a
text when enough of its words are there, close together, in any order, and
in any grammatical case:

* words are compared by stem (`tokens.stem`), and two stems match when
  they are equal, one extends the other, or rapidfuzz rates them ≥ 88
  (a typo, "Vasilenko"/"Vassilenko", or an ending the stemmer missed);
* a name's words are weighed: generic words ("Kazakhstan", "UK",
  "understanding") count less, and the head noun of an agreement name
  ("agreement", "memorandum", "roadmap", "келісім") is required, so a
  memorandum is never taken for the roadmap on the same subject;
* acronyms (SPCA, GLAA) are matched exactly, case and all.

Matching is done once per document: each distinct name word is compared
with the document's vocabulary (a few thousand rapidfuzz comparisons in C),
then each name is placed by its rarest word. That keeps a 2,000-word
article well under the one-second budget.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from ingest.extract.tokens import STOPWORDS, Token, normalise, stem, tokenize

# Words that say what kind of thing a name is rather than which one.
GENERIC = frozenset(
    [
        "kazakhstan",
        "kazakh",
        "uk",
        "united",
        "kingdom",
        "british",
        "britain",
        "republic",
        "government",
        "understanding",
        "between",
        "bilateral",
        "two",
        "countries",
        "казахстан",
        "казахстанск",
        "великобритан",
        "британск",
        "соединен",
        "королевств",
        "республик",
        "правительств",
        "двусторонн",
        "взаимопониман",
        "қазақстан",
        "ұлыбритания",
        "британ",
        "біріккен",
        "корольдік",
        "республика",
        "үкімет",
        "өзара",
        "түсіністік",
    ]
)
HEADS = frozenset(
    [
        "agreement",
        "memorandum",
        "roadmap",
        "treaty",
        "declaration",
        "programme",
        "program",
        "statement",
        "соглашен",
        "меморандум",
        "договор",
        "дорожн",
        "декларац",
        "келісім",
        "меморандум",
        "жол",
        "шарт",
        "декларация",
    ]
)
GENERIC_WEIGHT = 0.3
HEAD_WEIGHT = 0.5
# How much of a name (by weight) must be found, per kind of record.
THRESHOLDS = {
    "agreement": 0.78,
    "meeting_series": 0.8,
    "meeting": 0.85,
    "person": 0.99,
    "organisation": 0.85,
    "figure": 0.6,
    "commitment": 0.7,
}
FUZZY_CUTOFF = 88


@dataclass(frozen=True)
class Entry:
    """One known record and its names.

    `language` is a hint: names given for "ru" are only looked for in
    Russian texts; `None` means any language (acronyms, proper names in
    Latin script). A record may have several entries, one per language.
    `attrs` carries what the extractor needs to know about the record
    (an agreement's parties, a meeting's series and number, a figure's
    metric and unit).
    """

    kind: str
    slug: str
    names: tuple[str, ...]
    language: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Match:
    entry: Entry
    name: str
    start: int
    end: int
    score: float
    exact: bool = False
    # Words of the text inside the match that are not the name's: of two
    # overlapping names that fit equally well, the one told without a break
    # is meant ("the roadmap develops the memorandum on critical minerals"
    # is the memorandum's name, not a gapped "roadmap on critical minerals").
    gaps: int = 0

    @property
    def kind(self) -> str:
        return self.entry.kind

    @property
    def slug(self) -> str:
        return self.entry.slug


@dataclass(frozen=True)
class _Word:
    stem: str
    weight: float
    required: bool


@dataclass(frozen=True)
class _Name:
    entry: Entry
    text: str
    words: tuple[_Word, ...]
    acronym: bool

    @property
    def total(self) -> float:
        return sum(w.weight for w in self.words)


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _stem_matches(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 4 and long_.startswith(short) and len(short) >= 0.6 * len(long_)


class Gazetteer:
    """Known records, indexed for matching in a text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: list[Entry] = list(entries)
        self._names: dict[str | None, list[_Name]] = defaultdict(list)
        self._by_key: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        for entry in self.entries:
            self._by_key[(entry.kind, entry.slug)].append(entry)
            for text in entry.names:
                name = self._compile(entry, text)
                if name is not None:
                    self._names[entry.language].append(name)

    @staticmethod
    def _compile(entry: Entry, text: str) -> _Name | None:
        text = text.strip()
        if not text:
            return None
        if _is_acronym(text):
            return _Name(entry, text, (), acronym=True)
        language = entry.language or "en"
        stop = STOPWORDS.get(language, frozenset())
        words = []
        for token in tokenize(text, language):
            if token.norm in stop or (len(token.norm) < 2 and not token.norm.isdigit()):
                continue
            head = entry.kind == "agreement" and any(token.stem.startswith(h) for h in HEADS)
            generic = any(token.stem.startswith(g) for g in GENERIC)
            weight = HEAD_WEIGHT if head else GENERIC_WEIGHT if generic else 1.0
            words.append(_Word(token.stem, weight, required=head))
        if not words or all(w.weight < 1 for w in words):
            return None
        return _Name(entry, text, tuple(words), acronym=False)

    # --- lookups --------------------------------------------------------------

    def get(self, kind: str, slug: str) -> Entry | None:
        """The first entry of a record (its attrs are shared by all its entries)."""
        found = self._by_key.get((kind, slug))
        return found[0] if found else None

    def of_kind(self, kind: str) -> list[Entry]:
        seen: dict[str, Entry] = {}
        for entry in self.entries:
            if entry.kind == kind and entry.slug not in seen:
                seen[entry.slug] = entry
        return list(seen.values())

    def names_of(self, kind: str, slug: str) -> list[str]:
        return [n for e in self._by_key.get((kind, slug), []) for n in e.names]

    # --- matching -------------------------------------------------------------

    def find(
        self,
        text: str,
        language: str,
        *,
        kinds: Iterable[str] | None = None,
        tokens: list[Token] | None = None,
        thresholds: Mapping[str, float] | None = None,
        breaks: Iterable[int] = (),
    ) -> list[Match]:
        """Every known name in `text`, best first where two overlap.

        `breaks` are offsets (sentence ends) that a match may not span.
        """
        kinds = set(kinds) if kinds is not None else None
        limits = {**THRESHOLDS, **(thresholds or {})}
        tokens = tokens if tokens is not None else tokenize(text, language)
        names = [
            n
            for n in (*self._names[None], *self._names.get(language, []))
            if kinds is None or n.entry.kind in kinds
        ]
        positions = _positions(tokens, names)
        sentence_of = _sentence_index(tokens, sorted(set(breaks)))
        by_text: dict[str, list[Token]] = defaultdict(list)
        for token in tokens:
            by_text[token.text.replace(".", "")].append(token)
        found: list[Match] = []
        for name in names:
            if name.acronym:
                found.extend(
                    Match(name.entry, name.text, t.start, t.end, 1.0, exact=True)
                    for t in by_text.get(name.text.replace(".", ""), ())
                )
                continue
            found.extend(
                _place(name, positions, tokens, sentence_of, limits.get(name.entry.kind, 0.8))
            )
        return _best(found)


def _positions(tokens: list[Token], names: list[_Name]) -> dict[str, list[int]]:
    """For each name word, the token positions whose stems match it."""
    by_stem: dict[str, list[int]] = defaultdict(list)
    for i, token in enumerate(tokens):
        by_stem[token.stem].append(i)
    vocabulary = list(by_stem)
    # Prefix index: which document stems extend a name word ("соглашен" ->
    # "соглашение" when the stemmer left an ending on).
    extending: dict[str, list[str]] = defaultdict(list)
    for candidate in vocabulary:
        for k in range(4, len(candidate)):
            extending[candidate[:k]].append(candidate)
    wanted = {w.stem for n in names for w in n.words}
    out: dict[str, list[int]] = {}
    for word in wanted:
        hits: set[int] = set(by_stem.get(word, ()))
        if len(word) >= 4:
            candidates = [*extending.get(word, ()), *(word[:k] for k in range(4, len(word)))]
            for candidate in candidates:
                if candidate in by_stem and _stem_matches(word, candidate):
                    hits.update(by_stem[candidate])
        if len(word) >= 5:
            for candidate, _score, _ in process.extract(
                word, vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
            ):
                # A typo or a missed ending, not another word that rhymes.
                if candidate[0] == word[0]:
                    hits.update(by_stem[candidate])
        if hits:
            out[word] = sorted(hits)
    return out


def _sentence_index(tokens: list[Token], breaks: list[int]) -> list[int]:
    index, out = 0, []
    for token in tokens:
        while index < len(breaks) and token.start >= breaks[index]:
            index += 1
        out.append(index)
    return out


def _place(
    name: _Name,
    positions: Mapping[str, list[int]],
    tokens: list[Token],
    sentence_of: list[int],
    threshold: float,
) -> list[Match]:
    """Where a name occurs: anchored on each of its distinctive words, the others nearby."""
    total = name.total
    present = [w for w in name.words if w.stem in positions]
    if sum(w.weight for w in present) < threshold * total:
        return []
    if any(w.required and w.stem not in positions for w in name.words):
        return []
    distinctive = [w for w in present if w.weight >= 1] or present
    reach = 2 * len(name.words) + 4
    best: dict[tuple[int, int], Match] = {}
    # Every occurrence of every distinctive word anchors a try: the short form
    # "partnership agreement" has no "strategic" to anchor on.
    for anchor in distinctive:
        for a in positions[anchor.stem]:
            match = _try(name, anchor, a, positions, tokens, sentence_of, reach, total)
            if match is not None and match.score >= threshold:
                key = (match.start, match.end)
                if key not in best or best[key].score < match.score:
                    best[key] = match
    matches = list(best.values())
    return matches


def _try(
    name: _Name,
    anchor: _Word,
    a: int,
    positions: Mapping[str, list[int]],
    tokens: list[Token],
    sentence_of: list[int],
    reach: int,
    total: float,
) -> Match | None:
    """The name placed around token `a`: each other word at its nearest
    occurrence in the same sentence, within reach."""
    used = {a}
    weight = anchor.weight
    for word in name.words:
        if word is anchor:
            continue
        best = None
        for p in positions.get(word.stem, ()):
            if p in used or abs(p - a) > reach or sentence_of[p] != sentence_of[a]:
                continue
            if best is None or abs(p - a) < abs(best - a):
                best = p
        if best is None:
            if word.required:
                return None
            continue
        used.add(best)
        weight += word.weight
    first, last = min(used), max(used)
    span = last - first + 1
    score = weight / total
    # Words spread far apart are less likely to be this name.
    score *= max(0.85, 1 - 0.02 * max(0, span - 2 * len(used)))
    return Match(
        name.entry,
        name.text,
        tokens[first].start,
        tokens[last].end,
        round(score, 3),
        gaps=span - len(used),
    )


def _best(found: list[Match]) -> list[Match]:
    """Keep the best match where several of one kind overlap (higher score,
    then unbroken, then longer). Kinds do not compete: a person's name inside
    a meeting's title is both."""
    found.sort(key=lambda m: (-m.score, m.gaps, -(m.end - m.start), m.start))
    kept: list[Match] = []
    for match in found:
        if any(m.kind == match.kind and m.start < match.end and match.start < m.end for m in kept):
            continue
        kept.append(match)
    kept.sort(key=lambda m: m.start)
    return kept


def best_entry(
    query: str, entries: Iterable[Entry], language: str, *, cutoff: float = 60
) -> tuple[Entry, float] | None:
    """The entry whose names are closest to a phrase (order-free, by stem).

    Used where a phrase must be compared with titles as a whole (a
    commitment's paraphrase, a new meeting's title) rather than found in
    running text.
    """
    query_stems = " ".join(stem(normalise(w), language) for w in query.split())
    best: tuple[Entry, float] | None = None
    for entry in entries:
        lang = entry.language or "en"
        for name in entry.names:
            name_stems = " ".join(stem(normalise(w), lang) for w in name.split())
            score = fuzz.token_set_ratio(query_stems, name_stems)
            if score >= cutoff and (best is None or score > best[1]):
                best = (entry, score)
    return best

"""Full-text search, the one rule for every list, the API and the search page.

Each searchable model declares a `SearchSpec`: its fields, each with a weight
(A for names and titles, B and C for the rest) and the text search
configurations its words are indexed under. `search()` narrows a queryset to
the records where every word the reader typed matches, as a prefix, in one of
the fields, and annotates a `search_rank` to order them by.

On PostgreSQL the fields make one tsvector expression, indexed by a GIN
expression index (`SearchSpec.index`, in each model's Meta.indexes) built
from the very expression the query uses, so the planner can use it. On SQLite
the same spec gives a portable fallback: each word `icontains` one of the
fields, scored by the weight of the best field it hit.
"""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.paginator import Paginator
from django.db import connections
from django.db.backends.ddl_references import Statement
from django.db.models import Case, Exists, F, FloatField, OuterRef, Q, QuerySet, Value, When
from django.utils.functional import cached_property

from core.counting import kept_count

# Text search configurations. Names of people, places and organisations are
# indexed with 'simple' (lower-cased, never stemmed, no stop words removed):
# English stemming would mangle them ("Jones" -> "jone", "Astana" stays, but
# "Leeds" -> "leed") and a reader typing a name expects it matched as typed.
# Prose is indexed with 'english', so "agreements" finds "agreement" and
# "companies" finds "company". Titles get both: stemmed, for whole words, and
# 'simple', so that a half-typed word ("strategi") still matches as a prefix
# where its stem ("strateg") would not.
NAME = ("simple",)
# Codes and worded values ("british-companies", "over 580"): as written.
SIMPLE_TEXT = NAME
PROSE = ("english",)
TITLE = ("simple", "english")

# The Russian and Kazakh columns of a translated field (django-modeltranslation,
# `<field>_ru`, `<field>_kk`): Russian words stemmed by PostgreSQL's own
# 'russian' configuration ("соглашения" finds "соглашение") and also kept as
# typed for prefixes; Kazakh, which PostgreSQL has no stemmer for, as typed.
TRANSLATED_CONFIGS = {
    "ru": {NAME: NAME, PROSE: ("russian",), TITLE: ("simple", "russian")},
    "kk": {NAME: NAME, PROSE: NAME, TITLE: NAME},
}
# The configurations a query's every word is tried in.
QUERY_CONFIGS = ("simple", "english", "russian")

# ts_rank's default weights for D, C, B, A; the SQLite score mirrors them.
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}

MAX_WORDS = 10

# Up to this many matches are ranked; more keep the list's own order.
RANK_LIMIT = 1000

# PostgreSQL's English stop words (its `english.stop`, the Snowball list).
# They are dropped from a query, on both databases: the 'english'
# configuration never indexes them, so "agreement on trade" would otherwise
# find nothing whose "on" is in a summary. A query of nothing but stop words
# keeps them, to find names such as "Will".
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he
    him his himself she her hers herself it its itself they them their theirs
    themselves what which who whom this that these those am is are was were be
    been being have has had having do does did doing a an the and but if or
    because as until while of at by for with about against between into through
    during before after above below to from up down in out on off over under
    again further then once here there when where why how all any both each few
    more most other some such no nor not only own same so than too very s t can
    will just don should now""".split()  # noqa: SIM905 (a list of 127 words reads better so)
)

# A word is a run of letters and digits: everything else, tsquery operators
# (& | ! ( ) : * < >), quotes, backslashes and NUL included, separates words.
_WORD = re.compile(r"[^\W_]+")


def query_words(text: str | None) -> list[str]:
    """The words of a reader's query, lower-cased, stop words dropped."""
    words = [word.lower() for word in _WORD.findall(text or "")][:MAX_WORDS]
    kept = [word for word in words if word not in STOP_WORDS]
    return kept or words


@dataclass(frozen=True)
class SearchField:
    name: str
    weight: str
    configs: tuple[str, ...]
    # Whether ts_rank reads it. A source's full text is matched but not
    # ranked: ranking recomputes the vector for every match, and a long text
    # makes that costly.
    ranked: bool = True


def translated(*fields: SearchField) -> tuple[SearchField, ...]:
    """The fields and their Russian and Kazakh columns, at the same weight:
    a reader on /ru/ types the words the page shows."""
    columns = []
    for one in fields:
        columns.append(one)
        for language, configs in TRANSLATED_CONFIGS.items():
            columns.append(
                SearchField(f"{one.name}_{language}", one.weight, configs[one.configs], one.ranked)
            )
    return tuple(columns)


@dataclass(frozen=True)
class RelatedSearch:
    """Rows of another model that match for their owner: a person's posts.
    Matched through EXISTS on that model's own indexed vector; not ranked."""

    model_label: str
    owner_field: str
    spec: "SearchSpec"


@dataclass(frozen=True)
class SearchSpec:
    fields: tuple[SearchField, ...]
    related: tuple[RelatedSearch, ...] = field(default=())
    # Titles whose initials a one-word query may be: "SPCA" finds the
    # Strategic Partnership and Cooperation Agreement (`acronym_hit`).
    acronym_fields: tuple[str, ...] = field(default=())

    def vector(self, *, ranked_only: bool = False):
        """The tsvector expression: the index's and the query's, the same."""
        parts = [
            SearchVector(f.name, config=config, weight=f.weight)
            for f in self.fields
            if f.ranked or not ranked_only
            for config in f.configs
        ]
        vector = parts[0]
        for part in parts[1:]:
            vector = vector + part
        return vector

    def index(self, name: str) -> "SearchIndex":
        return SearchIndex(self.vector(), name=name)


# Short words an acronym skips: "Strategic Partnership and Cooperation
# Agreement" is SPCA, not SPACA.
ACRONYM_SKIPS = ("and", "of", "on", "the", "for", "in", "between", "with", "to")
ACRONYM = re.compile(r"[a-z]{2,6}")


def acronym_pattern(word: str) -> str:
    """A regular expression, in the common ground of PostgreSQL's and
    Python's, for a title whose consecutive words start with the letters of
    `word` in turn, skipping the ACRONYM_SKIPS between them."""
    skips = rf"(({'|'.join(ACRONYM_SKIPS)})[\s-]+)*"
    letters = [rf"{letter}\w*" for letter in word]
    return r"(^|[\s(])" + rf"[\s-]+{skips}".join(letters) + r"($|[\s),.;:])"


def acronym_hit(spec: SearchSpec, words: list[str]) -> Q | None:
    """The condition for a one-word query read as initials, or None when it
    cannot be one. Not indexed: a regular expression on the titles, read only
    for a single short word of letters."""
    if len(words) != 1 or not spec.acronym_fields or not ACRONYM.fullmatch(words[0]):
        return None
    pattern = acronym_pattern(words[0])
    hit = Q()
    for name in spec.acronym_fields:
        hit |= Q(**{f"{name}__iregex": pattern})
    return hit


def _tsquery(words: list[str]):
    """Every word, as a prefix, in any of the configurations: `(simple(w:*)
    || english(w:*) || russian(w:*)) && ...`. Words are letters and digits only, so nothing
    the reader typed can be read as a tsquery operator."""
    query = None
    for word in words:
        either = None
        for config in QUERY_CONFIGS:
            one = SearchQuery(f"{word}:*", config=config, search_type="raw")
            either = one if either is None else either | one
        query = either if query is None else query & either
    return query


def search(queryset: QuerySet, spec: SearchSpec, text: str | None) -> QuerySet:
    """The records of `queryset` matching `text`. See `search_counted`."""
    return search_counted(queryset, spec, text)[0]


def search_counted(queryset: QuerySet, spec: SearchSpec, text: str | None):
    """The records of `queryset` matching `text`, and how many, counted up to
    RANK_LIMIT + 1 only.

    Up to RANK_LIMIT matches come best first (`search_rank`), the queryset's
    own order breaking ties. Past it, they keep the queryset's own order: a
    rank is computed from each row's text, so ranking every record a common
    word matches, to show 25, costs seconds at 100,000 records, while the
    first 25 in the list's order cost milliseconds. Empty text leaves the
    queryset alone (count None); words that are all punctuation match nothing.
    """
    if not (text or "").strip():
        return queryset, None
    words = query_words(text)
    if not words:
        return queryset.none(), 0
    order = [*(queryset.query.order_by or queryset.model._meta.ordering or ()), "pk"]
    if connections[queryset.db].vendor == "postgresql":
        matches, rank = _search_postgresql(queryset, spec, words)
    else:
        matches, rank = _search_portable(queryset, spec, words)
    count = capped_count(matches)
    initials = acronym_hit(spec, words) if count == 0 else None
    if initials is not None:
        # No word matched: the word may be initials ("SPCA"). Read only then,
        # as a regular expression cannot use the index.
        matches = queryset.filter(initials)
        rank = Value(WEIGHTS["A"], output_field=FloatField())
        count = capped_count(matches)
    if count > RANK_LIMIT:
        return matches.annotate(search_rank=Value(None, output_field=FloatField())), count
    return matches.annotate(search_rank=rank).order_by(F("search_rank").desc(), *order), count


def capped_count(queryset: QuerySet) -> int:
    """How many rows, counting no further than RANK_LIMIT + 1: counting all a
    common word matches means reading every row; stopping early does not.
    Kept until the content changes, like every list's count (core.counting):
    the next reader of the same search counts nothing."""
    return kept_count(queryset.order_by()[: RANK_LIMIT + 1])


def _related_hit(related: RelatedSearch, narrow) -> Exists:
    """Whether one of the record's related rows, narrowed by `narrow`, exists."""
    model = apps.get_model(related.model_label)
    return Exists(narrow(model.objects.filter(**{related.owner_field: OuterRef("pk")})))


def _matching(model, spec: SearchSpec, query):
    """The rows of `model` whose vector matches: a condition its index answers."""
    return model._base_manager.alias(search_vector=spec.vector()).filter(search_vector=query)


def _search_postgresql(queryset, spec, words):
    query = _tsquery(words)
    if not spec.related:
        queryset = queryset.alias(search_vector=spec.vector()).filter(search_vector=query)
    for word in words if spec.related else ():
        # Each word may match the record or one of its related rows. As two
        # subqueries, each answered from its own index: an OR of the vector
        # and an EXISTS would compute every record's vector instead.
        word_query = _tsquery([word])
        hit = Q(pk__in=_matching(queryset.model, spec, word_query).values("pk"))
        for related in spec.related:
            rows = _matching(apps.get_model(related.model_label), related.spec, word_query)
            hit |= Q(pk__in=rows.values(related.owner_field))
        queryset = queryset.filter(hit)
    return queryset, SearchRank(spec.vector(ranked_only=True), query)


def _contains(name: str, word: str) -> Q:
    """`icontains`, and for a word beyond ASCII (Cyrillic), its capitalised
    and upper-case forms too: SQLite's LIKE folds the case of ASCII letters
    only, so "соглашение" would miss a title's "Соглашение"."""
    hit = Q(**{f"{name}__icontains": word})
    if not word.isascii():
        for form in {word.capitalize(), word.upper()} - {word}:
            hit |= Q(**{f"{name}__contains": form})
    return hit


def _portable_hit(spec: SearchSpec, word: str) -> Q:
    hit = Q()
    for f in spec.fields:
        hit |= _contains(f.name, word)
    for related in spec.related:
        hit |= _related_hit(
            related, lambda rows, r=related: rows.filter(_portable_hit(r.spec, word))
        )
    return hit


def _search_portable(queryset, spec, words):
    # A word scores the weight of the best ranked field it is in, as ts_rank
    # weighs a title hit above a summary hit; the record scores their sum.
    ranked = sorted(
        (f for f in spec.fields if f.ranked), key=lambda f: WEIGHTS[f.weight], reverse=True
    )
    score = Value(0.0, output_field=FloatField())
    for word in words:
        queryset = queryset.filter(_portable_hit(spec, word))
        score = score + Case(
            *(When(_contains(f.name, word), then=Value(WEIGHTS[f.weight])) for f in ranked),
            default=Value(0.0),
            output_field=FloatField(),
        )
    return queryset, score


class SearchIndex(GinIndex):
    """A GIN index on a search vector, on PostgreSQL only.

    It stays in the model's Meta.indexes, so migrations know it and
    `makemigrations` sees any change to the vector. Everywhere else it is a
    comment, not an error: SQLite has no GIN, and rebuilds a table with all
    its Meta.indexes whenever a migration alters one of its columns.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return _skipped(self, "create")
        return super().create_sql(model, schema_editor, using=using, **kwargs)

    def remove_sql(self, model, schema_editor, **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            return _skipped(self, "remove")
        return super().remove_sql(model, schema_editor, **kwargs)


def _skipped(index, action: str) -> Statement:
    return Statement(
        "-- %(action)s %(name)s: a PostgreSQL full-text index", action=action, name=index.name
    )


class SearchPaginator(Paginator):
    """Pages of search results, counted up to RANK_LIMIT + 1 (`capped_count`):
    past that, `count_is_capped`, and a reader is told "more than 1,000"."""

    def __init__(self, *args, known_count: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_count = known_count

    @cached_property
    def count(self) -> int:
        if self.known_count is not None:
            return self.known_count
        return capped_count(self.object_list)

    @property
    def limit(self) -> int:
        return RANK_LIMIT

    @property
    def count_is_capped(self) -> bool:
        return self.count > RANK_LIMIT


def is_searching(params) -> bool:
    """Whether a list request's parameters ask for a search."""
    return bool((params.get("search") or "").strip())

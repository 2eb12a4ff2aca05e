"""Typo tolerance for the search page: when nothing matches, the names
closest to what was typed (people, organisations, topics, agreements, meeting
series), best first.

On PostgreSQL by trigram word similarity (pg_trgm, created by the migration
people/0002); on SQLite, which has no trigrams, by difflib's ratio over the
same names, read up to SQLITE_NAMES of each kind. The seed data gives the
same suggestions on both; past that many names, SQLite may miss one."""

import difflib

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models.functions import Greatest

from agreements.models import Agreement
from dialogue.models import MeetingSeries
from people.models import Organisation, Person
from topics.models import Topic

# (model, the fields holding its names)
NAMED = (
    (Person, ("name",)),
    (Organisation, ("name", "short_name")),
    (Topic, ("name",)),
    (Agreement, ("short_title", "title")),
    (MeetingSeries, ("name",)),
)
THRESHOLD = 0.5
SUGGESTIONS = 3
SQLITE_NAMES = 5000


def closest_names(query: str) -> list[str]:
    """Up to SUGGESTIONS names resembling `query`, most alike first."""
    query = " ".join(query.split())[:100]
    if not query:
        return []
    scored = _trigram_scores(query) if connection.vendor == "postgresql" else _difflib_scores(query)
    best = sorted(scored, key=lambda pair: (-pair[0], pair[1]))
    names = []
    for _score, name in best:
        if name and name not in names:
            names.append(name)
    return names[:SUGGESTIONS]


def _trigram_scores(query: str) -> list[tuple[float, str]]:
    scored = []
    for model, fields in NAMED:
        each = [TrigramWordSimilarity(query, name) for name in fields]
        similarity = Greatest(*each) if len(each) > 1 else each[0]
        rows = (
            model.objects.published()
            .annotate(similarity=similarity)
            .filter(similarity__gte=THRESHOLD)
            .order_by("-similarity")
            .values_list("similarity", *fields)[:SUGGESTIONS]
        )
        scored += [(row[0], _matching_part(query, row[1:])) for row in rows]
    return scored


def _difflib_scores(query: str) -> list[tuple[float, str]]:
    scored = []
    for model, fields in NAMED:
        for row in model.objects.published().values_list(*fields)[:SQLITE_NAMES]:
            score = max((_word_similarity(query, name) for name in row if name), default=0)
            if score >= THRESHOLD:
                scored.append((score, _matching_part(query, row)))
    return scored


def _word_similarity(query: str, name: str) -> float:
    """How alike `query` is to the most alike run of words in `name`, as
    trigram word similarity measures it: 'Vasilenko' is like 'Roman
    Vassilenko', whose other word does not count against it."""
    words = name.casefold().split()
    size = max(1, len(query.split()))
    runs = [" ".join(words[i : i + size]) for i in range(max(1, len(words) - size + 1))]
    matcher = difflib.SequenceMatcher(None, query.casefold())
    best = 0.0
    for run in runs:
        matcher.set_seq2(run)
        best = max(best, matcher.ratio())
    return best


def _matching_part(query: str, names: tuple) -> str:
    """The run of words of a name most like the query ('Vassilenko' of 'Roman
    Vassilenko'): searched for, it finds what the reader meant."""
    size = max(1, len(query.split()))
    best, best_score = "", -1.0
    for name in names:
        words = (name or "").split()
        for i in range(max(1, len(words) - size + 1)):
            run = " ".join(words[i : i + size])
            score = difflib.SequenceMatcher(None, query.casefold(), run.casefold()).ratio()
            if run and score > best_score:
                best, best_score = run, score
    return best

"""Sentence splitting with offsets.

A proposal's quote is normally its sentence (or a clause of it), and it
must be an exact substring of the stored text: so sentences are spans
`(start, end)` into the text, never rewritten strings. A careful regex is
enough for news prose: it splits at `.!?…` followed by space and a capital,
a digit or an opening quote, except after abbreviations ("U.K.", "Feb.",
"Mr.", "т.е.", "г.") and initials; and a line break always ends a sentence
(headlines and datelines have no full stop).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "nos",
        "jr",
        "sr",
        "gen",
        "gov",
        "lt",
        "col",
        "capt",
        "sgt",
        "rev",
        "hon",
        "rt",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.k",
        "u.s",
        "u.n",
        "e.u",
        "u.s.a",
        "т.е",
        "т.д",
        "т.п",
        "т.к",
        "г",
        "гг",
        "им",
        "ул",
        "млн",
        "млрд",
        "тыс",
        "руб",
        "долл",
        "др",
        "пр",
        "см",
        "ст",
        "обл",
        "т.б",
        "ж",
        "жж",
        "ә.т.б",
    ]
)

_BOUNDARY = regex.compile(r"""(?<=[.!?…])[»"”’')\]]*\s+(?=[\p{Lu}\d«"“'(\[—–-])""", regex.VERSION1)
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)\.$", regex.VERSION1)


# Inside a sentence: a clause ends at a semicolon, a colon, a dash, a bracket or
# a comma before "but" («но», «бірақ»); a phrase at any comma as well. The
# status reader reads a step's mood in its phrase and its chamber and law in
# its clause; a date across a clause break belongs to the other clause ("...
# in May, when he signed the law; London followed in July").
# «..., а Мажилис поддержал его 15 апреля», «..., ал британдық әріптестеріміз ...»:
# the contrastive "and" opens a clause with its own subject and verb.
CLAUSE_BREAK = regex.compile(
    r"[;:—–()\[\]]|,\s*(?:but|while|whereas|но|однако|бірақ|а(?!\s+также)|ал)(?!\w)"
)
PHRASE_BREAK = regex.compile(r"[,;:—–()\[\]]")


def clause_around(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The offsets of the clause holding text[start:end], within [lo, hi)."""
    before = [m.end() for m in CLAUSE_BREAK.finditer(text, lo, start)]
    after = CLAUSE_BREAK.search(text, end, hi)
    return (before[-1] if before else lo), (after.start() if after else hi)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the full stop at `dot` the end of an abbreviation or an initial?"""
    head = text[max(0, dot - 12) : dot + 1]
    match = _WORD_BEFORE.search(head)
    if not match:
        return False
    word = match.group(1).casefold()
    if word in ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("A. Smith"), and dotted
    # acronyms ("U.K.") end without a sentence break more often than with one.
    return len(word) == 1 or ("." in word and len(word) <= 6)


def _split_line(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        dot = match.start() - 1
        while dot > cursor and text[dot] not in ".!?…":
            dot -= 1
        if text[dot] == "." and _is_abbreviation(text, dot):
            continue
        yield cursor, match.start() + (len(match.group(0)) - len(match.group(0).lstrip("»\"”’')]")))
        cursor = match.end()
    yield cursor, end


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text` as spans, whitespace trimmed, empty ones dropped."""
    sentences: list[Sentence] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        line_end = offset + len(line)
        for start, end in _split_line(text, offset, line_end):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                sentences.append(Sentence(start, end, text[start:end]))
        offset = line_end
    return sentences

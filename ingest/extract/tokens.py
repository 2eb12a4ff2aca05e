"""Words with offsets, and the stems that make inflected forms comparable.

Russian and Kazakh names change their endings with grammatical case
("Соглашение" / "Соглашения" / "Соглашением"; "келісім" / "келісімге" /
"келісімнің"), so names are compared by stem. English and Russian use the
Snowball stemmers (snowballstemmer, pure Python); Snowball has no Kazakh, so
Kazakh uses a small suffix stripper for the case, possessive and plural
endings, which is all a name match needs (the matcher's fuzzy comparison
absorbs what it misses).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex
import snowballstemmer

# "Co-operation" (British spelling) is one word, the same as "cooperation".
_TOKEN = regex.compile(
    r"(?:\p{Lu}\.){2,}|(?:[Cc]o-(?=\p{Ll}))?[\p{L}][\p{L}\p{M}]*|\d+(?:[.,]\d+)*", regex.VERSION1
)

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "of",
            "the",
            "and",
            "on",
            "in",
            "for",
            "to",
            "a",
            "an",
            "with",
            "at",
            "by",
            "from",
            "its",
            "their",
            "this",
            "that",
        ]
    ),
    "ru": frozenset(
        [
            "о",
            "об",
            "и",
            "в",
            "во",
            "на",
            "по",
            "с",
            "со",
            "для",
            "между",
            "к",
            "ко",
            "из",
            "от",
            "за",
        ]
    ),
    "kk": frozenset(["және", "мен", "бен", "пен", "туралы", "жөніндегі", "арасындағы", "бойынша"]),
}
# Words spelt differently that mean the same for matching purposes.
SYNONYMS = {
    "mou": "memorandum",
    "mous": "memorandum",
    "memoranda": "memorandum",
    "programme": "program",
    "labour": "labor",
    "u.k.": "uk",
    "britain": "uk",
    "ё": "е",
}

# Kazakh endings, longest first: case (genitive, dative, accusative, locative,
# ablative, instrumental), the -дағы adjective, possessive, plural.
_KK_SUFFIXES = sorted(
    [
        "ндағы",
        "ндегі",
        "дағы",
        "дегі",
        "тағы",
        "тегі",
        "ының",
        "інің",
        "сының",
        "сінің",
        "ның",
        "нің",
        "дың",
        "дің",
        "тың",
        "тің",
        "ына",
        "іне",
        "сына",
        "сіне",
        "ға",
        "ге",
        "қа",
        "ке",
        "на",
        "не",
        "ын",
        "ін",
        "сын",
        "сін",
        "ны",
        "ні",
        "ды",
        "ді",
        "ты",
        "ті",
        "ында",
        "інде",
        "сында",
        "сінде",
        "нда",
        "нде",
        "да",
        "де",
        "та",
        "те",
        "ынан",
        "інен",
        "сынан",
        "сінен",
        "нан",
        "нен",
        "дан",
        "ден",
        "тан",
        "тен",
        "мен",
        "бен",
        "пен",
        "лар",
        "лер",
        "дар",
        "дер",
        "тар",
        "тер",
        "сы",
        "сі",
        "ы",
        "і",
    ],
    key=len,
    reverse=True,
)

_STEMMERS = {
    "en": snowballstemmer.stemmer("english"),
    "ru": snowballstemmer.stemmer("russian"),
}


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    norm: str
    stem: str


def normalise(word: str) -> str:
    word = word.casefold().replace("ё", "е").replace("’", "'")
    if word.startswith("co-"):
        word = "co" + word[3:]
    return SYNONYMS.get(word, word)


def kazakh_stem(word: str) -> str:
    """Strip up to three Kazakh endings, keeping a stem of at least four letters."""
    stem = word
    for _ in range(3):
        for suffix in _KK_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
                stem = stem[: -len(suffix)]
                break
        else:
            break
    return stem


@lru_cache(maxsize=65536)
def stem(word: str, language: str | None) -> str:
    """The stem of a normalised word in a language (None: leave it as it is)."""
    if word.isdigit() or len(word) <= 3 or language is None:
        return word
    if language == "kk":
        return kazakh_stem(word)
    stemmer = _STEMMERS.get(language)
    if stemmer is None:
        return word
    # Cyrillic words in an English text (or Latin ones in Russian) are left alone.
    is_cyrillic = "\u0400" <= word[0] <= "\u04ff"
    if (language == "ru") != is_cyrillic:
        return word
    return stemmer.stemWord(word)


def tokenize(text: str, language: str | None) -> list[Token]:
    """The words and numbers of a text, with offsets, normal forms and stems."""
    tokens = []
    for match in _TOKEN.finditer(text):
        norm = normalise(match.group(0))
        tokens.append(Token(match.start(), match.end(), match.group(0), norm, stem(norm, language)))
    return tokens

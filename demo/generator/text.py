"""Slugs and titles made from generated phrases."""

SMALL_WORDS = frozenset(("a", "an", "and", "for", "in", "of", "on", "the", "to"))


def slug_words(text: str, limit: int = 50) -> str:
    kept = "".join(ch if ch.isalnum() else "-" for ch in text.lower())
    return "-".join(part for part in kept.split("-") if part)[:limit].strip("-")


def title_case(phrase: str) -> str:
    return " ".join(
        word if word in SMALL_WORDS or word[0].isupper() else word[0].upper() + word[1:]
        for word in phrase.split()
    )

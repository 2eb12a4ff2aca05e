"""Which language an article is in: en, ru or kk.

A character rule is enough for these three, and it is measured on the
corpus (`ingest.evaluation` reports its accuracy): Latin letters mean
English; among Cyrillic texts, Kazakh uses letters Russian lacks
(ә ғ қ ң ө ұ ү һ і), frequent enough that a Kazakh news text of a few
sentences has several per hundred letters, while a Russian text has none
(a Kazakh name quoted in Russian gives a few, hence the threshold).
"""

from __future__ import annotations

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# Share of Kazakh-only letters among Cyrillic letters above which a text is Kazakh.
KAZAKH_THRESHOLD = 0.015


def detect_language(text: str) -> str:
    """ "en", "ru" or "kk" for a text (English when there are no letters)."""
    latin = cyrillic = kazakh = 0
    for char in text:
        if not char.isalpha():
            continue
        if "a" <= char.lower() <= "z":
            latin += 1
        elif "\u0400" <= char <= "\u04ff":
            cyrillic += 1
            if char in KAZAKH_LETTERS:
                kazakh += 1
    if cyrillic <= latin:
        return "en"
    return "kk" if kazakh / cyrillic >= KAZAKH_THRESHOLD else "ru"

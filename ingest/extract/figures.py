"""Figures: a number with its unit or currency and multiplier.

"£2.8bn", "$3.5 billion", "1.2 billion dollars", "580 companies",
"2,8 млрд фунтов", "1,2 млрд доллар", "20 percent". The value is kept as
the text gives it (a decimal string: "2.8" with multiplier "billion"), so
an editor sees the source's own precision; the evaluation compares
value × multiplier. Russian and Kazakh use a decimal comma and spaces
between thousands; English a decimal point and thousands commas.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import regex

I = regex.IGNORECASE | regex.VERSION1  # noqa: E741

MULTIPLIERS = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


@dataclass(frozen=True)
class FigureMention:
    start: int
    end: int
    text: str
    value: str
    unit: str
    multiplier: str | None

    @property
    def amount(self) -> Decimal:
        return Decimal(self.value) * MULTIPLIERS.get(self.multiplier or "", 1)


_NUM = {
    "en": r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)",
    "ru": r"(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)",
}
_NUM["kk"] = _NUM["ru"]

# fmt: off
_MULT = {
    "en": [("trillion", r"trillion|tn"), ("billion", r"billion|bn|b"), ("million", r"million|mln|mn|m"), ("thousand", r"thousand|k")],  # noqa: E501
    "ru": [("trillion", r"трлн\.?|триллион\w*"), ("billion", r"млрд\.?|миллиард\w*"), ("million", r"млн\.?|миллион\w*"), ("thousand", r"тыс\.?|тысяч\w*")],  # noqa: E501
    "kk": [("trillion", r"трлн\.?|триллион\w*"), ("billion", r"млрд\.?|миллиард\w*"), ("million", r"млн\.?|миллион\w*"), ("thousand", r"мың")],  # noqa: E501
}
# fmt: on
_SYMBOLS = {"£": "GBP", "$": "USD", "US$": "USD", "€": "EUR", "₸": "KZT"}
# fmt: off
_CURRENCY_WORDS = {
    "en": [("USD", r"(?:US\s+|U\.S\.\s+)?dollars?|USD"), ("GBP", r"pounds?(?:\s+sterling)?|sterling|GBP"), ("EUR", r"euros?|EUR"), ("KZT", r"tenge|KZT")],  # noqa: E501
    "ru": [("USD", r"(?:долл\w*|\$)(?:\s+США)?|USD"), ("GBP", r"фунт\w*(?:\s+стерлинг\w*)?|GBP"), ("EUR", r"евро|EUR"), ("KZT", r"тенге|KZT")],  # noqa: E501
    "kk": [("USD", r"(?:АҚШ\s+)?доллар\w*|USD"), ("GBP", r"фунт\w*(?:\s+стерлинг\w*)?|GBP"), ("EUR", r"еуро|евро|EUR"), ("KZT", r"теңге\w*|KZT")],  # noqa: E501
}
# fmt: on
# fmt: off
_COUNT_UNITS = {
    "en": [("companies", r"compan(?:y|ies)|enterprises?|firms?|businesses"), ("students", r"students?"), ("scholarships", r"scholarships?"), ("people", r"people|citizens|persons"), ("universities", r"universities"), ("campuses", r"campus(?:es)?"), ("deposits", r"deposits?"), ("types", r"types"), ("tonnes", r"tons?|tonnes?"), ("projects", r"projects?"), ("workers", r"workers?"), ("jobs", r"jobs?"), ("flights", r"flights?")],  # noqa: E501
    "ru": [("companies", r"компани\w*|предприяти\w*|фирм\w*"), ("students", r"студент\w*"), ("scholarships", r"стипенди\w*"), ("people", r"человек|граждан\w*"), ("universities", r"университет\w*|вуз\w*"), ("campuses", r"кампус\w*"), ("deposits", r"месторождени\w*"), ("tonnes", r"тонн\w*"), ("projects", r"проект\w*"), ("workers", r"работник\w*"), ("flights", r"рейс\w*")],  # noqa: E501
    "kk": [("companies", r"компания\w*|кәсіпор\w*|фирма\w*"), ("students", r"студент\w*"), ("scholarships", r"стипендия\w*"), ("people", r"адам|азамат\w*"), ("universities", r"университет\w*"), ("campuses", r"кампус\w*"), ("deposits", r"кен\s+орн\w*"), ("tonnes", r"тонна\w*"), ("projects", r"жоба\w*"), ("workers", r"жұмысшы\w*"), ("flights", r"рейс\w*")],  # noqa: E501
}
# fmt: on
_PERCENT = {"en": r"%|percent|per\s+cent", "ru": r"%|процент\w*", "kk": r"%|пайыз\w*"}


def _group(pairs: list[tuple[str, str]], prefix: str) -> str:
    return "|".join(f"(?P<{prefix}_{key}>{pattern})" for key, pattern in pairs)


def _patterns(language: str) -> list[tuple[str, regex.Pattern[str]]]:
    num = _NUM[language]
    mult = r"(?:\s*(?:" + _group(_MULT[language], "m") + r")(?![\p{L}]))?"
    symbol = r"(?P<sym>US\$|[£$€₸])\s?"
    currency = r"\s*(?:" + _group(_CURRENCY_WORDS[language], "c") + r")(?![\p{L}])"
    units = _group(_COUNT_UNITS[language], "u")
    # Up to two words between the number and the unit ("580 British-affiliated enterprises").
    gap = r"\s+(?:[\p{L}-]+\s+){0,2}?"
    lb = r"(?<![\p{L}\d.,])"
    return [
        ("symbol", regex.compile(lb + symbol + num + mult + r"(?![\d])", I)),
        ("currency", regex.compile(lb + num + mult + currency, I)),
        (
            "percent",
            regex.compile(lb + num + r"\s*(?P<pct>" + _PERCENT[language] + r")(?![\p{L}])", I),
        ),
        ("count", regex.compile(lb + num + mult + gap + r"(?:" + units + r")(?![\p{L}])", I)),
    ]


_CACHE: dict[str, list[tuple[str, regex.Pattern[str]]]] = {}


def _value(text: str, language: str) -> str | None:
    raw = text.replace("\u00a0", " ")
    # English: thousands commas; Russian and Kazakh: a decimal comma, spaced thousands.
    en = language == "en"
    raw = raw.replace(",", "") if en else raw.replace(" ", "").replace(",", ".")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return format(value.normalize(), "f")


def find_figures(
    text: str, language: str, start: int = 0, end: int | None = None
) -> list[FigureMention]:
    """The figures in `text[start:end]`, longest reading first, none overlapping."""
    end = len(text) if end is None else end
    patterns = _CACHE.setdefault(language, _patterns(language))
    found: list[FigureMention] = []
    for _rule, pattern in patterns:
        for m in pattern.finditer(text, start, end):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            value = _value(groups["num"], language)
            if value is None:
                continue
            multiplier = next((k[2:] for k in groups if k.startswith("m_")), None)
            if "sym" in groups:
                unit = _SYMBOLS[groups["sym"].strip()]
            elif "pct" in groups:
                unit = "percent"
            else:
                key = next((k for k in groups if k.startswith(("c_", "u_"))), None)
                if key is None:
                    continue
                unit = key[2:]
            found.append(FigureMention(m.start(), m.end(), m.group(0), value, unit, multiplier))
    found.sort(key=lambda f: f.start)
    return found

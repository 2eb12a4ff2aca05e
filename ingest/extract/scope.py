"""Is an article, or a sentence, about Kazakhstan–UK relations?

The tracker holds Kazakhstan–UK facts only. An article about a
Kazakhstan–Uzbekistan treaty or a UK–Türkiye trade deal must propose
nothing about existing records, even though "strategic partnership" or
"signed an agreement" appear in it. Two checks, both by country names per
language:

* the article must name both Kazakhstan and the UK, and the UK must not be
  a side note in an article about other countries;
* a sentence that names a third country and not both Kazakhstan and the UK
  describes someone else's agreement, and proposes nothing.
"""

from __future__ import annotations

import regex

I = regex.IGNORECASE | regex.VERSION1  # noqa: E741
CS = regex.VERSION1  # country names are capitalised: "us" is not the USA

# fmt: off
KAZAKHSTAN = {
    "en": regex.compile(r"\b(?:Kazakhstan\w*|Kazakh|KZ|Astana|Almaty|Tokayev)\b", CS),
    "ru": regex.compile(r"Казахстан\w*|казахстанск\w*|Астан\w*|Алмат\w*|Токаев\w*", I),
    "kk": regex.compile(r"Қазақстан\w*|қазақстандық\w*|қазақ\b|Астана\w*|Алматы\w*|Тоқаев\w*", I),
}
# fmt: on
# fmt: off
UNITED_KINGDOM = {
    "en": regex.compile(r"\b(?:UK|U\.K\.|United\s+Kingdom|Britain|British|London|England|Scotland|Wales|Westminster)\b", CS),  # noqa: E501
    "ru": regex.compile(r"Великобритани\w*|Британи\w*|британск\w*|Соединенн\w+\s+Королевств\w*|Соединённ\w+\s+Королевств\w*|Лондон\w*|Англи\w*", I),  # noqa: E501
    "kk": regex.compile(r"Ұлыбритания\w*|Британия\w*|британ\w*|Біріккен\s+Корольдік\w*|Лондон\w*|Англия\w*", I),  # noqa: E501
}
# fmt: on
# "a Russian speaker", "in Russian": the language, spoken across Central Asia,
# is no third country.
# fmt: off
THIRD_COUNTRIES = {
    "en": regex.compile(r"\b(?:Uzbek\w*|Kyrgyz\w*|Tajik\w*|Turkmen\w*|China|Chinese|Beijing|(?<!\bin\s)(?!Russian[\s-]+(?:speak\w*|language|translation|version|text|edition)\b)Russia\w*|Moscow|Turkey|Türkiye|Turkish|Ankara|Azerbaijan\w*|United\s+States|U\.S\.(?!\s*dollars?)|USA|American|Washington|France|French|Paris|German\w*|Berlin|Ital\w+|Japan\w*|Tokyo|Korea\w*|India|Indian|Iran\w*|Afghan\w*|Georgia\w*|Hungar\w*|Qatar\w*|Emirates|UAE|Saudi|Pakistan\w*|Mongolia\w*|Belarus\w*|Armenia\w*|Ukrain\w*|Poland|Polish|Spain|Spanish|European\s+Union|EU|Tashkent|Bishkek|Dushanbe|Ashgabat)\b", CS),  # noqa: E501
    "ru": regex.compile(r"Узбекистан\w*|узбекск\w*|Кыргызстан\w*|Киргиз\w*|кыргызск\w*|Таджикистан\w*|таджикск\w*|Туркменистан\w*|Кита[йяюе]\w*|китайск\w*|Росси[ияюей]\w*|российск\w*|Турци\w+|турецк\w*|Азербайджан\w*|(?<!долл\w{0,6}\s)США|Франци\w+|Германи\w+|Итали\w+|Япони\w+|Коре\w+|Инди[ияюей]\b|Иран\w*|Афганистан\w*|Грузи[ияюей]\b|Венгри\w+|Катар\w*|ОАЭ|Саудовск\w*|Пакистан\w*|Монголи\w+|Беларус\w*|Армени\w+|Украин\w+|Польш\w+|Испани\w+|Евросоюз\w*|Европейск\w+\s+союз\w*|Ташкент\w*|Бишкек\w*|Душанбе", CS),  # noqa: E501
    "kk": regex.compile(r"Өзбекстан\w*|өзбек\w*|Қырғызстан\w*|қырғыз\w*|Тәжікстан\w*|Түрікменстан\w*|Қытай\w*|Ресей\w*|Түркия\w*|Әзербайжан\w*|АҚШ(?!\s+доллар)|Франция\w*|Германия\w*|Италия\w*|Жапония\w*|Корея\w*|Үндістан\w*|Иран\w*|Ауғанстан\w*|Грузия\w*|Венгрия\w*|Катар\w*|БАӘ|Сауд\w*|Пәкістан\w*|Моңғолия\w*|Беларусь\w*|Армения\w*|Украина\w*|Польша\w*|Испания\w*|Еуропалық\s+Одақ\w*|Ташкент\w*|Бішкек\w*", CS),  # noqa: E501
}
# fmt: on


class Scope:
    """Country mentions of one article, and the scope rules over them.

    The article-wide counts are taken once, at construction.
    """

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self.kazakhstan = self._count(KAZAKHSTAN)
        self.united_kingdom = self._count(UNITED_KINGDOM)
        self.third = self._count(THIRD_COUNTRIES)

    def _count(
        self, table: dict[str, regex.Pattern[str]], start: int = 0, end: int | None = None
    ) -> int:
        end = len(self.text) if end is None else end
        return sum(1 for _ in table[self.language].finditer(self.text, start, end))

    @property
    def article_in_scope(self) -> bool:
        """Both countries named, and the UK more than a side note next to others."""
        kz, uk = self.kazakhstan, self.united_kingdom
        return kz > 0 and uk > 0 and self.third <= 2 * (kz + uk)

    @property
    def maybe_in_scope(self) -> bool:
        """One of the two named, no other country: in scope if a Kazakhstan–UK
        agreement is named (the pipeline checks, once it has the names). A
        Kazakh writer need not name Kazakhstan ("our President", "the regional
        centre"), nor a British one the UK."""
        return (self.kazakhstan > 0 or self.united_kingdom > 0) and self.third == 0

    @property
    def foreign_focus(self) -> bool:
        """Other countries named more often than the UK: only sentences that
        name the UK may then propose anything."""
        return self.third > self.united_kingdom

    def sentence_in_scope(self, start: int, end: int) -> bool:
        """False for a sentence about someone else's relations."""
        third = self._count(THIRD_COUNTRIES, start, end)
        kz = self._count(KAZAKHSTAN, start, end)
        uk = self._count(UNITED_KINGDOM, start, end)
        if third and not (kz and uk):
            return False
        return not (self.foreign_focus and not uk)

    def names_third(self, start: int, end: int) -> bool:
        return bool(self._count(THIRD_COUNTRIES, start, end))

    def names_both(self, start: int, end: int) -> bool:
        return bool(self._count(KAZAKHSTAN, start, end) and self._count(UNITED_KINGDOM, start, end))

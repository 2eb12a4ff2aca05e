"""Dates and figures in the reader's language (issue 16, item 5).

The one place that writes a partial date or a figure's value for a reader.
Django's month names are not enough: a Russian month after "с" ("since")
is genitive, a Kazakh one before "бері" takes the ablative suffix, and a
Kazakh date puts the year first. So a date is written for a *role*, the
phrase it stands in, and each language says which grammatical form that
role takes; the phrase's words and their order stay in the .po files.

    role       English              Russian                 Kazakh
    plain      April 2024           апрель 2024 г.          2024 жылғы сәуір
    since      since April 2024     с апреля 2024 г.        2024 жылғы сәуірден бері
    on         on 24 April 2024     на 24 апреля 2024 г.    2024 жылғы 24 сәуірде
    of         the event of ...     событие от апреля ...   2024 жылғы сәуірдегі оқиға
    as_of      status on April ...  статус на апрель ...    2024 жылғы сәуірдегі мәртебе
    confirmed  last confirmed ...   последнее подтверждение — апрель ...
                                                            соңғы рет 2024 жылғы сәуірде расталған

Months are lowercase in Russian and Kazakh, as those languages write them.
"""

import datetime
import functools
import re
from decimal import Decimal
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import get_language

DAY, MONTH, YEAR = "day", "month", "year"

# Which grammatical form of the date each role takes, per language.
# Russian: nom(inative), gen(itive), acc(usative); Kazakh: nom, abl(ative),
# loc(ative), attr(ibutive locative, "-дағы").
ROLES = {
    "plain": {"ru": "nom", "kk": "nom"},
    # "с апреля 2024 г." / "2024 жылғы сәуірден бері"
    "since": {"ru": "gen", "kk": "abl"},
    # "на 24 апреля 2024 г." / "2024 жылғы 24 сәуірде"
    "on": {"ru": "acc", "kk": "loc"},
    # "событие от 24 апреля 2024 г." / "2024 жылғы 24 сәуірдегі оқиға"
    "of": {"ru": "gen", "kk": "attr"},
    # "статус на апрель 2024 г." / "2024 жылғы сәуірдегі жағдай бойынша"
    "as_of": {"ru": "acc", "kk": "attr"},
    # "последнее подтверждение — 24 апреля 2024 г." / "соңғы рет 2024 жылғы 24 сәуірде расталған"
    "confirmed": {"ru": "nom", "kk": "loc"},
}

EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

RU_MONTHS = {
    "nom": "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь",
    "gen": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
}
RU_MONTHS = {case: names.split() for case, names in RU_MONTHS.items()}
RU_MONTHS["acc"] = RU_MONTHS["nom"]  # inanimate: the accusative is the nominative

# Kazakh suffixes follow the word's last sound and its vowels (front or
# back), so each month's forms are written out rather than derived.
KK_MONTHS = {
    "nom": "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
    "abl": (
        "қаңтардан ақпаннан наурыздан сәуірден мамырдан маусымнан шілдеден тамыздан "
        "қыркүйектен қазаннан қарашадан желтоқсаннан"
    ),
    "loc": (
        "қаңтарда ақпанда наурызда сәуірде мамырда маусымда шілдеде тамызда "
        "қыркүйекте қазанда қарашада желтоқсанда"
    ),
    "attr": (
        "қаңтардағы ақпандағы наурыздағы сәуірдегі мамырдағы маусымдағы шілдедегі "
        "тамыздағы қыркүйектегі қазандағы қарашадағы желтоқсандағы"
    ),
}
KK_MONTHS = {case: names.split() for case, names in KK_MONTHS.items()}
# "2024 ж." alone; "2024 жылдан бері", "2024 жылы", "2024 жылғы".
KK_YEAR = {"nom": "ж.", "abl": "жылдан", "loc": "жылы", "attr": "жылғы"}


def language() -> str:
    """The active language's base code: "ru" for "ru-RU"."""
    return (get_language() or "en").split("-")[0]


def format_date(
    date: datetime.date | None, precision: str = DAY, role: str = "plain", lang: str | None = None
) -> str:
    """A date known to `precision`, in the form `role` wants in `lang`
    (the active language by default). Never more precise than known."""
    if date is None:
        return ""
    if role not in ROLES:
        raise ValueError(f"{role!r} is not a date role; use one of {', '.join(ROLES)}")
    lang = lang or language()
    if lang == "ru":
        return _russian(date, precision, ROLES[role]["ru"])
    if lang == "kk":
        return _kazakh(date, precision, ROLES[role]["kk"])
    if precision == YEAR:
        return f"{date.year}"
    if precision == MONTH:
        return f"{EN_MONTHS[date.month - 1]} {date.year}"
    return f"{date.day} {EN_MONTHS[date.month - 1]} {date.year}"


def _russian(date, precision, case) -> str:
    # "г." reads "года" or "год" as the sentence needs: one form for all cases.
    if precision == YEAR:
        return f"{date.year}\N{NO-BREAK SPACE}г."
    if precision == MONTH:
        return f"{RU_MONTHS[case][date.month - 1]} {date.year}\N{NO-BREAK SPACE}г."
    # After a day the month is always genitive: "24 апреля".
    return f"{date.day} {RU_MONTHS['gen'][date.month - 1]} {date.year}\N{NO-BREAK SPACE}г."


def _kazakh(date, precision, case) -> str:
    if precision == YEAR:
        return f"{date.year}\N{NO-BREAK SPACE}{KK_YEAR[case]}"
    # "2024 жылғы сәуір": the year, attributive, before the month; the
    # suffix goes on the last word.
    year = f"{date.year}\N{NO-BREAK SPACE}жылғы"
    month = KK_MONTHS[case][date.month - 1]
    if precision == MONTH:
        return f"{year} {month}"
    return f"{year} {date.day} {month}"


# A Russian or Kazakh date can end with its abbreviation ("2024 г.",
# "2024 ж."): at the end of a sentence that dot is the full stop too.
_ABBREVIATION_THEN_STOP = re.compile(r"(\s(?:г|ж))\.\.")


def tidy_full_stops(text: str) -> str:
    """'с апреля 2024 г..' -> 'с апреля 2024 г.'"""
    return _ABBREVIATION_THEN_STOP.sub(r"\1.", text)


def end_sentence(text: str) -> str:
    """A full stop after the text, unless it already ends with one."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


# --- Numbers and money --------------------------------------------------

# (English symbol, Russian forms (one, few, many), Kazakh (nominative, ablative)).
# Russian nouns after a numeral: 1 фунт, 2 фунта, 5 фунтов; after "млрд",
# "около", "более" always the genitive plural. Kazakh keeps the singular.
UNITS = {
    "GBP": (
        "£",
        ("фунт стерлингов", "фунта стерлингов", "фунтов стерлингов"),
        ("фунт стерлинг", "фунт стерлингтен"),
    ),
    "USD": (
        "$",
        ("доллар США", "доллара США", "долларов США"),
        ("АҚШ доллары", "АҚШ долларынан"),
    ),
    "EUR": ("€", ("евро", "евро", "евро"), ("еуро", "еуродан")),
    "KZT": ("₸", ("тенге", "тенге", "тенге"), ("теңге", "теңгеден")),
    "companies": (None, ("компания", "компании", "компаний"), ("компания", "компаниядан")),
    "campuses": (None, ("кампус", "кампуса", "кампусов"), ("кампус", "кампустан")),
    "deposits": (
        None,
        ("месторождение", "месторождения", "месторождений"),
        ("кен орны", "кен орнынан"),
    ),
    "types": (None, ("вид", "вида", "видов"), ("түр", "түрден")),
    "tonnes": (None, ("тонна", "тонны", "тонн"), ("тонна", "тоннадан")),
    "years": (None, ("год", "года", "лет"), ("жыл", "жылдан")),
    "decades": (
        None,
        ("десятилетие", "десятилетия", "десятилетий"),
        ("онжылдық", "онжылдықтан"),
    ),
    # "30%" in English, "30 %" in Russian, "30 пайыз" in Kazakh.
    "percent": ("%", ("%", "%", "%"), ("пайыз", "пайыздан")),
}
# Units whose English symbol follows the number.
SYMBOL_AFTER = {"percent"}
# Units that are not counted things: the figure is a place in a list.
ORDINAL_UNITS = {"rank"}

SCALES = (
    # (factor, English after a currency, English otherwise, Russian, Kazakh)
    (Decimal(10) ** 9, "bn", "billion", "млрд", "млрд"),
    (Decimal(10) ** 6, "m", "million", "млн", "млн"),
)

# The words before (or, in Kazakh, after) an approximate value.
APPROXIMATIONS = {
    "en": {
        "about": "about {}",
        "over": "over {}",
        "under": "under {}",
        "at_least": "at least {}",
        "at_most": "at most {}",
        "rank": "rank {}",
        "top": "in the top {}",
    },
    "ru": {
        "about": "около {}",
        "over": "более {}",
        "under": "менее {}",
        "at_least": "не менее {}",
        "at_most": "не более {}",
        "rank": "{}-е место",
        "top": "в топ-{}",
    },
    "kk": {
        "about": "шамамен {}",
        "at_least": "кемінде {}",
        "at_most": "ең көбі {}",
        "rank": "{}-орын",
        "top": "алғашқы {} қатарында",
    },
}
# Russian words that govern the genitive: the noun after them is plural
# genitive whatever the number ("около 2 компаний").
_RU_GENITIVE = {"about", "over", "under", "at_least", "at_most"}


def format_number(value: Decimal | int | float, lang: str | None = None) -> str:
    """A number as the language writes it: 2,000.5 in English, 2000,5 and
    20 000,5 in Russian and Kazakh (a no-break space between thousands from
    five digits on, as Russian typography does). Never rounded."""
    lang = lang or language()
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    text = f"{number.normalize():f}"
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    if lang in ("ru", "kk"):
        if len(whole) > 4:
            whole = f"{int(whole):,}".replace(",", "\N{NO-BREAK SPACE}")
        return sign + whole + (f",{fraction}" if fraction else "")
    return sign + f"{int(whole):,}" + (f".{fraction}" if fraction else "")


def _scaled(value: Decimal):
    """(number, scale) with the largest scale that writes the value exactly
    in two decimals or fewer: 2 800 000 000 is 2.8 billion, 2 845 123 000 is
    not rewritten (a claim is never rounded)."""
    for factor, *names in SCALES:
        if abs(value) >= factor:
            scaled = value / factor
            if scaled == scaled.quantize(Decimal("0.01")):
                return scaled, names
    return value, None


def _russian_form(number: Decimal, forms, after_genitive: bool) -> str:
    one, few, many = forms
    if number != number.to_integral_value():
        return few  # a fraction takes the genitive singular: "2,5 фунта"
    n = int(number)
    if n % 10 == 1 and n % 100 != 11:
        return few if after_genitive else one
    if after_genitive:
        return many
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def format_amount(
    value: Decimal | int | float,
    unit: str = "",
    approximation: str = "exact",
    lang: str | None = None,
    unit_words: str = "",
) -> str:
    """A figure's value with its unit and how exact it is, in the language:
    "£2.8bn", "2,8 млрд фунтов стерлингов", "2,8 млрд фунт стерлинг";
    "over $18bn", "более 18 млрд долларов США", "18 млрд АҚШ долларынан астам".
    `unit` is the unit as written in English, the key to the words this
    module knows in every form a number asks for ("580 компаний", "2
    кампуса"); `unit_words` is the unit in the reader's language, written
    after the number as it is for a unit with no such words here."""
    lang = lang if lang in APPROXIMATIONS else language()
    lang = lang if lang in APPROXIMATIONS else "en"
    value = Decimal(str(value)) if not isinstance(value, Decimal) else value
    words = APPROXIMATIONS[lang]
    if approximation in ("rank", "top") or unit in ORDINAL_UNITS:
        return words.get(approximation, "{}").format(format_number(value, lang))
    known = UNITS.get(unit)
    if not known and unit_words:
        unit = unit_words
    # Only money and counted things with known words are written with a
    # scale ("2,8 млрд"): an unknown unit's words could not follow it.
    scaled, scale = _scaled(value) if known else (value, None)
    number = format_number(scaled, lang)
    if lang == "kk":
        return _kazakh_amount(number, scaled, scale, unit, known, approximation)
    if lang == "ru":
        text = _russian_amount(number, scaled, scale, unit, known, approximation)
    else:
        text = _english_amount(number, scale, unit, known)
    if approximation in words:
        return words[approximation].format(text)
    return text


def _english_amount(number, scale, unit, known) -> str:
    symbol = known[0] if known else None
    if unit in SYMBOL_AFTER:
        return f"{number}{symbol}"
    if symbol:
        return f"{symbol}{number}{scale[0] if scale else ''}"
    return " ".join(part for part in (number, scale[1] if scale else "", unit) if part)


def _russian_amount(number, scaled, scale, unit, known, approximation) -> str:
    if not known:
        return " ".join(part for part in (number, unit) if part)
    after_genitive = bool(scale) or approximation in _RU_GENITIVE
    noun = known[1][2] if scale else _russian_form(scaled, known[1], after_genitive)
    if noun == "%":
        return f"{number}\N{NO-BREAK SPACE}%"
    return " ".join(
        part
        for part in (
            "\N{NO-BREAK SPACE}".join(p for p in (number, scale[2] if scale else "") if p),
            noun,
        )
        if part
    )


# The ablative suffix of a Kazakh numeral follows its last spoken word:
# "550-ден" (елу), "30-дан" (отыз), "1000-нан" (мың).
_KK_ONES = {
    1: "ден",
    2: "ден",
    3: "тен",
    4: "тен",
    5: "тен",
    6: "дан",
    7: "ден",
    8: "ден",
    9: "дан",
}
_KK_TENS = {
    1: "нан",
    2: "дан",
    3: "дан",
    4: "тан",
    5: "ден",
    6: "тан",
    7: "тен",
    8: "нен",
    9: "нан",
}


def _kazakh_ablative_number(number: Decimal) -> str:
    text = f"{abs(number).normalize():f}"
    whole, _, fraction = text.partition(".")
    if fraction:
        return _KK_ONES.get(int(fraction[-1]), "ден")
    n = int(whole)
    if n == 0:
        return "ден"  # нөл
    if n % 10:
        return _KK_ONES[n % 10]
    if n % 100:
        return _KK_TENS[n % 100 // 10]
    if n % 1000:
        return "ден"  # жүз
    if n % 10**6:
        return "нан"  # мың
    return "нан" if n % 10**9 else "тан"  # миллион, миллиард


def _kazakh_amount(number, scaled, scale, unit, known, approximation) -> str:
    amount = "\N{NO-BREAK SPACE}".join(part for part in (number, scale[3] if scale else "") if part)
    if approximation in ("over", "under"):
        # "more than" is "астам" after an ablative, "less than" "аз": on the
        # noun when it has Kazakh words ("АҚШ долларынан астам"), else on
        # the number ("550-ден астам").
        tail = "астам" if approximation == "over" else "аз"
        if known:
            return f"{amount} {known[2][1]} {tail}"
        suffix = _kazakh_ablative_number(scaled)
        return " ".join(part for part in (f"{amount}-{suffix} {tail}", unit) if part)
    text = " ".join(part for part in (amount, known[2][0] if known else unit) if part)
    pattern = APPROXIMATIONS["kk"].get(approximation)
    return pattern.format(text) if pattern else text


# --- The language in the address (kzuk_site/language.py) -----------------


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _other_language() -> str:
    """Any prefixed language, to ask whether a path is a page at all."""
    return next(code for code in languages() if code != settings.LANGUAGE_CODE)


def page_name(path: str, urlconf=None) -> str | None:
    """The view name of the public page at an unprefixed `path`, or None
    when the path is not a page (the API, the admin...): only pages answer
    under a language prefix too."""
    return _page_name(path, urlconf or settings.ROOT_URLCONF)


# Asked on every request and for each hreflang link: about 0.3 ms a
# resolve on a loaded machine, a dictionary look-up once known. Bounded, as
# any path may be asked.
@functools.lru_cache(maxsize=4096)
def _page_name(path: str, urlconf) -> str | None:
    other = _other_language()
    with translation.override(other):
        try:
            return resolve(f"/{other}{path}", urlconf).view_name
        except Resolver404:
            return None


def strip_language(path: str) -> str:
    """/ru/agreements/ -> /agreements/; an unprefixed path as it is."""
    language = translation.get_language_from_path(path)
    if not language:
        return path
    return path[len(language) + 1 :] or "/"


def localized_url(url: str, language: str, urlconf=None) -> str:
    """The same page, query and fragment in another language:
    /agreements/?status=signed -> /ru/agreements/?status=signed. An address
    that is not a page comes back as it is."""
    parts = urlsplit(url)
    bare = strip_language(parts.path or "/")
    if page_name(bare, urlconf) is None:
        return url
    path = bare if language == settings.LANGUAGE_CODE else f"/{language}{bare}"
    return urlunsplit(parts._replace(path=path))

"""Status events from the roots of event words, not from phrases.

The phrase cues of `cues.py` fit the way one writer words a step; a writer
who says "concluded", "put our signatures to it", «скрепили подписями»,
«қолтаңба қойды» or «меморандумды бекітті» slips through them. This module
finds the *event word* by its root, whatever its voice, tense or part of
speech ("sign", "signed", "signing", "signature", "signatories";
«подписали», «подписано», «подписание», «подписями»; «қол қойды»,
«қол қойылды», «қол қоюға»), and then reads the few things around it that
decide what it says:

* **negation** ("not", "yet to", «не», Kazakh -ма/-ба/-па in the verb or
  «жоқ» after it): a signing not done is a negotiation going on, a
  ratification or an entry into force not done is a pending ratification;
* **futurity, plans and obligations** ("will", "expects to", "must",
  "to ratify", «планируют», «ожидается», an infinitive; Kazakh «-уға
  ниетті», «жоспарлануда», «тиіс», the present-future «қояды»): a signing
  planned is a negotiation going on; a ratification planned is no step;
* **conditions and advice**: an entry into force in the present under a
  condition ("takes effect only once ...", «вступает в силу лишь после»)
  is a rule of the treaty; an English bare verb opening a sentence or after
  "and" ("Lay the treaty ... and ratify it") is advice;
* **a noun instead of a verb** ("the ratification", «ратификациялану
  барысы»): a ratification spoken of as a process ("where the ratification
  stands", «барысын пысықтады») is pending; one spoken of as finished ("the
  ratification was completed") is the ratification; a bare mention is
  nothing.

Each finding is a `CueMatch` of a made-up `Cue` named `stem_<event>`; the
pipeline gives it the same targets, dates and checks as a phrase cue. Read
as a plain fact it has a priority below every phrase cue, so a phrase cue
over the same words still decides (it was written for a construction, such
as "recently signed"); read under a negation or a plan it outranks the
phrase cues that only name the event ("signed", «подписание»), and where
it states no step it is a blocker (a cue with no status).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ingest.extract.cues import Cue, CueMatch
from ingest.extract.sentences import CLAUSE_BREAK, PHRASE_BREAK
from ingest.extract.tokens import Token

P = "ratification_pending"
# An event word read as a plain fact fills the gaps the phrase cues leave: a
# phrase cue over the same words was written for a construction ("recently
# signed": a confirmation) and decides. Finishing one's procedures is more
# than the generic "domestic procedures" (pending, 90), less than the phrase
# cues for it (92, 93).
PRIORITY = 40
PRIORITIES = {"complete": 91}
# An event word under a negation or a plan outranks the phrase cues that only
# name the event ("signed" 70, "ratified" 80), which cannot see what is around
# them; not those that read the whole construction ("set to sign", 84 and up).
MOOD_PRIORITY = 81
_NO_PATTERN = regex.compile(r"(?!)")


@dataclass(frozen=True)
class Trigger:
    """An event word (or two: «қол қойды», "entered into force") in a sentence."""

    event: str
    first: int  # index of its first token
    last: int  # index of its last token
    form: str  # verb, infinitive, future, nominal, participle


# --- roots ----------------------------------------------------------------------------

# One pattern per event, matched against a word's normal form from its start:
# the root and what may follow it. The suffixes are parts of speech, not wordings.
# fmt: off
ROOTS: dict[str, dict[str, regex.Pattern[str]]] = {
    "en": {
        "sign": regex.compile(r"(?:sign(?:s|ed|ing|ings|ature|atures|atory|atories)?|inked|penned|sealed|conclud(?:e|es|ed|ing)|conclusion)$"),  # noqa: E501
        "ratify": regex.compile(r"ratif(?:y|ies|ied|ying|ication|ications)$"),
        "initial": regex.compile(r"initial(?:l)?(?:ed|ing)$"),
        "negotiate": regex.compile(r"(?:negotiat(?:e|es|ed|ing|ion|ions)|draft(?:ed|ing)|redraft(?:ed|ing))$"),  # noqa: E501
        "approve": regex.compile(r"(?:approv(?:es|ed)|pass(?:ed|es)|backed|endorse[sd]|adopt(?:ed|s)|voted|supported|cleared)$"),  # noqa: E501
        "lay": regex.compile(r"(?:laid|lay|lays|laying)$"),
        # Parliament "has not yet considered" the agreement: read only negated.
        "consider": regex.compile(r"(?:considered|examined|debated)$"),
        # "a roadmap agreed in London last month": a document agreed is one
        # concluded; "agreed to", "agreed on", "agreed that" are other things.
        "agree": regex.compile(r"agreed$"),
    },
    "ru": {
        "sign": regex.compile(r"(?:подпис\w*|подпиш\w*|заключ\w*)$"),
        "ratify": regex.compile(r"ратифи\w*$"),
        "initial": regex.compile(r"парафир\w*$"),
        "negotiate": regex.compile(r"переговор\w*$"),
        "approve": regex.compile(r"(?:одобр\w*|поддержа\w*|поддерж[ауи]\w*|приня\w*|принима\w*|проголосова\w*)$"),  # noqa: E501
        # «действует с 1 сентября»: in force, a step only with its start
        # (`_since`); alone it is too common a verb to say anything.
        "force": regex.compile(r"действу(?:ет|ют)$"),
        # «дорожную карту утвердили в марте»: a document approved by the two
        # sides is one concluded, as "agreed" in English (not a chamber's vote).
        "agree": regex.compile(r"(?:утвердил\w*|утвержд[её]н\w*)$"),
    },
    "kk": {
        "sign": regex.compile(r"(?:қолтаңба\w*|бекіт\w*|жасалды|жасалған)$"),
        "ratify": regex.compile(r"ратификаци\w*$"),
        "initial": regex.compile(r"парафта\w*$"),
        "negotiate": regex.compile(r"келіссөз\w*$"),
        "approve": regex.compile(r"(?:мақұлда\w*|қабылда\w*|қолда(?:ды|ған|п)\w*)$"),
        "force": regex.compile(r"(?:күшінде|қолданыста)$"),
    },
}
# fmt: on
# Two-word events: the first word by its root, then the second within two words.
# fmt: off
PAIRS: dict[str, list[tuple[str, regex.Pattern[str], regex.Pattern[str]]]] = {
    "en": [
        ("force", regex.compile(r"(?:enter(?:s|ed|ing)?|entry|c[oa]me|comes|coming|t[oa]ke[sn]?|took|taking|went|go(?:es)?|in)$"), regex.compile(r"(?:force|effect)$")),  # noqa: E501
        ("sign", regex.compile(r"(?:put|puts|putting|set)$"), regex.compile(r"(?:signatures?|names|pen|hands?)$")),  # noqa: E501
        ("force", regex.compile(r"(?:became|become|becomes|becoming)$"), regex.compile(r"(?:effective|binding|operative)$")),  # noqa: E501
        ("complete", regex.compile(r"(?:complet(?:e|ed|es|ing|ion)|finish(?:ed|es|ing)?|fulfil(?:l)?(?:ed|s|ment)?|conclu(?:ded|sion))$"), regex.compile(r"(?:procedures?|requirements|formalities)$")),  # noqa: E501
        # "the procedures were completed": the same in the passive, noun first.
        ("complete", regex.compile(r"(?:procedures|requirements|formalities)$"), regex.compile(r"(?:completed|complete|finished|concluded|fulfilled)$")),  # noqa: E501
        # "the Senate gave its consent": a vote worded as a noun given.
        ("approve", regex.compile(r"(?:gave|give|gives|given|giving|won|secured|received|obtained|got|gained)$"), regex.compile(r"(?:consent|approval|backing|go-ahead|nod)$")),  # noqa: E501
    ],
    "ru": [
        ("sign", regex.compile(r"(?:скреп|постав)\w*$"), regex.compile(r"подпис\w*$")),
        # «Сенат дал согласие на ратификацию»: a vote worded as consent given.
        ("approve", regex.compile(r"(?:дал|дала|дали|дает|даёт)$"), regex.compile(r"(?:согласие|добро)$")),  # noqa: E501
        ("force", regex.compile(r"вступ\w*$"), regex.compile(r"(?:силу|действие)$")),
        ("force", regex.compile(r"начн\w*$|начина\w*$|начал\w*$"), regex.compile(r"действова\w*$")),
        ("complete", regex.compile(r"(?:выполн|заверш|оконч|провед)\w*$"), regex.compile(r"процедур\w*$")),  # noqa: E501
        # «процедуры были завершены»: the same told in the passive, noun first.
        ("complete", regex.compile(r"процедур\w*$"), regex.compile(r"(?:выполнен|завершен|окончен|проведен)[аоы]?$")),  # noqa: E501
    ],
    "kk": [
        ("sign", regex.compile(r"қол$"), regex.compile(r"қо[йяю]\w*$")),
        # «қолданысқа енді»: came into use, the everyday word for into force.
        ("force", regex.compile(r"(?:күшіне|қолданысқа)$"), regex.compile(r"(?:ен|кір)\w*$")),
        ("complete", regex.compile(r"рәсім\w*$"), regex.compile(r"(?:аяқта|бітір|орында)\w*$")),
    ],
}
# fmt: on
# A chamber of Kazakhstan's Parliament: "approved" is a step only with one of these.
CHAMBER = {
    "en": regex.compile(r"(?:mazhilis|majilis|senate|senators|deputies)$"),
    "ru": regex.compile(r"(?:мажилис\w*|сенат\w*|депутат\w*|сенатор\w*|палат\w*)$"),
    "kk": regex.compile(r"(?:мәжіліс\w*|сенат\w*|депутат\w*|сенатор\w*|палата\w*)$"),
}
# Who passes a law before the head of state signs it: a chamber, or Parliament
# as a whole («Парламент көктемде мақұлдады, Президент заңға қол қойды»).
LEGISLATURE = {
    "en": regex.compile(r"(?:mazhilis|majilis|senate|senators|deputies|parliament)$"),
    "ru": regex.compile(r"(?:мажилис\w*|сенат\w*|депутат\w*|сенатор\w*|палат\w*|парламент\w*)$"),
    "kk": regex.compile(r"(?:мәжіліс\w*|сенат\w*|депутат\w*|сенатор\w*|палата\w*|парламент\w*)$"),
}
# «Парламент келісімді бекітті»: Parliament's «бекіту» is an approval.
_KK_LEGISLATURE = regex.compile(r"(?:парламент\w*|мәжіліс\w*|сенат\w*|депутат\w*|сенатор\w*)$")
# "laid ... before" what: a British step only before Parliament.
HOUSES = regex.compile(r"(?:parliament|houses|commons|lords)$")
# What an approval must be of: a bill, a law, a ratification, the agreement.
LAW = {
    "en": regex.compile(r"(?:bill|law|ratification|agreement|treaty|pact|document)$"),
    "ru": regex.compile(r"(?:законопроект\w*|закон\w*|ратификац\w*|соглашени\w*|документ\w*)$"),
    "kk": regex.compile(r"(?:заң\w*|ратификац\w*|келісім\w*|құжат\w*)$"),
}

_RU_BILL = regex.compile(r"(?:законопроект\w*|закон[аеуы]?|законом)$")


def _agree_reading(
    words: list[str], clause: tuple[int, int], language: str, mood: str
) -> Reading | None:
    """A document agreed, «утвердили»: signed, when the sentence dates it."""
    if language == "ru" and (
        _near(words, *clause, CHAMBER["ru"]) or _near(words, *clause, _RU_BILL)
    ):
        return None  # «Сенат утвердил закон»: a vote, read by its own words
    return None if mood else Reading("signed", needs_date=True)


# --- what surrounds the event word -------------------------------------------------

# fmt: off
NEGATION = {
    "en": regex.compile(r"(?:not|n't|never|yet|no|without|nor|pending)$"),
    "ru": regex.compile(r"(?:не|нет|ни|без|пока)$"),
    "kk": regex.compile(r"(?:жоқ|емес)$"),
}
PLAN = {
    "en": regex.compile(r"(?:will|shall|would|must|should|may|might|can|could|expects?|expected|expecting|cannot|can't|plans?|planned|planning|hopes?|hoped|hoping|intends?|intended|aims?|aimed|ready|readiness|set|due|going|prepar\w*|wants?|wanted|seeks?|sought|needs?|need|unless|until|before|upcoming|forthcoming|future|awaiting|awaits|await|ahead|intention|prospect|committed|commitment|'ll)$"),  # noqa: E501
    "ru": regex.compile(r"(?:будет|будут|буд[уе]м|долж\w*|може\w*|могут|планир\w*|намер\w*|ожида\w*|предстоит|предстоящ\w*|собира\w*|готов\w*|рассчитыва\w*|надея\w*|надежд\w*|хотят|хочет|нужно|необходим\w*|следует|скор\w*|ближайш\w*|сможет|смогут|подготовк\w*|для|прежде)$"),  # noqa: E501
    # «аяқталатынын күтетінін айтты»: "said he expects it to be completed".
    "kk": regex.compile(r"(?:тиіс|керек|қажет|мүмкін|ниет\w*|жоспар\w*|күтіл\w*|күте\w*|үміттен\w*|дайын\w*|әзірле\w*|алдағы|таяу|жақын|көзделу\w*|мақсат\w*)$"),  # noqa: E501
}
# A ratification spoken of as a process under way, or as a thing done.
PROCESS = {
    "en": regex.compile(r"(?:stand|stands|progress|process|status|state|where|how|stock|review\w*|discuss\w*|consider\w*|examin\w*|assess\w*|look\w*|went|go|update)$"),  # noqa: E501
    "ru": regex.compile(r"(?:ход\w*|процесс\w*|ста[дт]\w*|состояни\w*|обсу[жд]\w*|рассмотр\w*|прогресс\w*)$"),  # noqa: E501
    "kk": regex.compile(r"(?:барыс\w*|процес\w*|үдеріс\w*|мәселе\w*|талқыла\w*|пысықта\w*|қара[лд]\w*)$"),  # noqa: E501
}
_GO = regex.compile(r"(?:go|goes|went|gone|going|look\w*|read|reading|talk\w*|run|ran|running)$")
# "завершится", "аяқталады": finishing still to come.
_FUTURE_DONE = regex.compile(r"(?:ится|ется|утся|ятся|ит|ет|лады|леді|йды|йді)$")
DONE = {
    "en": regex.compile(r"(?:complet\w*|finish\w*|done|over|concluded)$"),
    "ru": regex.compile(r"(?:заверш\w*|оконч\w*|закончен\w*|точк\w*)$"),
    "kk": regex.compile(r"(?:аяқта\w*|бітті|бітір\w*)$"),
}
# "takes effect once both have approved it": an entry into force in the present
# tied to a condition is a rule of the treaty, not a step.
# Not "after" or "when" alone: "enters into force today, after Britain completed
# its procedures" is a report in the present tense.
CONDITION = {
    "en": regex.compile(r"(?:once|upon|if|unless|until|only|within|provided)$"),
    "ru": regex.compile(r"(?:через|если|лишь|только|истечени\w*|получени\w*)$"),
    "kk": _NO_PATTERN,
}
_PRESENT_FORCE = regex.compile(r"(?:takes?|enters?|comes?|goes|вступает|вступают|начинает)$")
# An English event verb in its bare form opening a sentence or after "and"
# ("Lay the treaty ... and ratify it") is advice or a plan, not a report.
_EN_BARE = regex.compile(r"(?:sign|ratify|conclude|negotiate|lay|initial)$")
# What a signing is of when it is the ratification: the law or bill on it.
LAW_ONLY = {
    "en": regex.compile(r"(?:law|bill|act)$"),
    "ru": regex.compile(r"закон\w*$"),
    "kk": regex.compile(r"заң\w*$"),
}
# "agreed to", "agreed on the need", "agreed that": not a document agreed.
_AGREED_NOT = regex.compile(
    r"(?:to|that|on|upon|with|how|what|when|whether|about|among|between|in-principle|principle)$"
)
# fmt: on
_THAT = regex.compile(r"(?:that|что|чтобы|деп)$")
_INFINITIVE_RU = regex.compile(r"\w+(?:ть|ти|ться)$")
# A noun of the step, or its adjective («ратификационных процедур»): named, not told.
_NOMINAL_RU = regex.compile(
    r"(?:[аеи]ни[еяюи]|[аеи]нием|аци[яию]|ацией|ационн\w+|ис[ьи]|исью|ися(?:ми|м|х)|исей)$"
)
_PRESENT_RU = regex.compile(r"(?:ет|ут|ют|ит|ат|ят|ешь)$")
# Kazakh: negation after a verb root (-ма/-ба/-па and their front forms).
_KK_NEG = regex.compile(r"\w{3,}(?:ма|ме|ба|бе|па|пе)(?:ды|ді|ған|ген|йды|йді|йтын|йтін|с|у)")
# Roots that end in a vowel ("ратификацияла-", "мақұлда-") take -ды for the
# past and -йды for the future; the others take -ды / -ады.
_KK_VOWEL_ROOTS = ("ратификац", "мақұлда", "аяқта", "қолда", "пысықта", "парафта", "қабылда")


def _form(words: list[str], first: int, last: int, language: str) -> str:
    """The part of speech and tense of an event word, from its ending and the word before."""
    if language == "en":
        return _en_form(words, first)
    if language == "ru":
        # «процедуры завершены»: the participle after the noun carries the form.
        return _ru_form(words[last] if words[first].startswith("процедур") else words[first])
    return _kk_form(words[last])


# "is still completing its procedures", "are ratifying": a step under way, not done.
_UNDER_WAY_EN = frozenset(("is", "are", "was", "were", "'s", "'re", "still", "currently", "now"))


def _en_form(words: list[str], first: int) -> str:
    word = words[first]
    before = words[first - 1] if first else ""
    if word == "in":
        return "state"
    if before == "to" and not word.endswith(("ed", "ing", "ion", "ions")):
        return "infinitive"
    if word.endswith("ing") and before in _UNDER_WAY_EN:
        return "under_way"
    nominal_ing = word.endswith("ing") and before in (
        "the",
        "its",
        "a",
        "of",
        "their",
        "his",
        "her",
    )
    if nominal_ing or word.endswith(
        ("ation", "ations", "ature", "atures", "ion", "ions", "al", "entry", "atory", "atories")
    ):
        return "nominal"
    return "verb"


def _ru_form(word: str) -> str:
    if word.startswith("действу"):
        return "state"
    if _INFINITIVE_RU.match(word):
        return "infinitive"
    if _NOMINAL_RU.search(word) or word.startswith("переговор"):
        return "nominal"
    # A perfective verb's present form is a future ("подпишут", "вступит",
    # "начнёт"); imperfective presents end in -ает, -яет, -ывает ("вступает").
    if _PRESENT_RU.search(word) and not regex.search(r"[ая](?:ет|ют)$", word):
        return "future"
    return "verb"


def _kk_form(word: str) -> str:
    if word in ("күшінде", "қолданыста"):
        return "state"
    if _KK_NEG.match(word):
        return "negated"
    if word.endswith(("уға", "уге", "уына", "уіне", "юға", "юге", "юына", "юіне")):
        return "infinitive"
    # "-ғаннан кейін" (after having), "-ғанша" (until), "-са" (if): a
    # subordinate clause about a step, not a report of one.
    if word.endswith(("ғаннан", "геннен", "қаннан", "кеннен", "ғанша", "генше", "са", "се")):
        return "future"
    if regex.search(r"(?:мақ|мек|бақ|бек|пақ|пек|атын|етін|йтын|йтін)$", word):
        return "future"
    if word.startswith(_KK_VOWEL_ROOTS):
        if word.endswith(("йды", "йді", "нады", "неді")):
            return "future"
    elif regex.search(r"[аеяю](?:ды|ді)$", word):
        return "future"
    if regex.search(
        r"(?:у|уы|уі|уын|уін|уды|уді|уда|уде|удың|удің|уының|уінің|умен|ция|циясы|цияны|цияның|цияға)$",
        word,
    ):
        return "nominal"
    return "verb"


def _clause(text: str, tokens: list[Token], trigger: Trigger) -> tuple[int, int]:
    """The token indices [lo, hi) of the clause around a trigger. After the
    event word a comma ends it too: what follows is another phrase
    ("... procedures, necessary for ...")."""
    lo = trigger.first
    while lo > 0 and not CLAUSE_BREAK.search(text, tokens[lo - 1].end, tokens[lo].start):
        lo -= 1
    hi = trigger.last + 1
    while hi < len(tokens) and not PHRASE_BREAK.search(text, tokens[hi - 1].end, tokens[hi].start):
        hi += 1
    return lo, hi


def _phrase(text: str, tokens: list[Token], trigger: Trigger) -> tuple[int, int]:
    """The token indices [lo, hi) between the commas around a trigger."""
    lo, hi = _clause(text, tokens, trigger)
    start = lo
    while lo < trigger.first and PHRASE_BREAK.search(
        text, tokens[lo].end, tokens[trigger.first].start
    ):
        lo += 1
    # "hoped, that the ratification ...": a that-clause belongs to the verb before it.
    if lo > start and _THAT.match(tokens[lo].norm):
        return start, hi
    return lo, hi


def _near(words: list[str], lo: int, hi: int, pattern: regex.Pattern[str]) -> bool:
    return any(pattern.match(w) for w in words[max(0, lo) : hi])


def modality(words: list[str], trigger: Trigger, clause: tuple[int, int], language: str) -> str:
    """ "negated", "plan" or "" (a fact), from the words around an event word."""
    lo, hi = clause
    first, last = trigger.first, trigger.last
    if trigger.form == "negated":
        return "negated"
    if _near(words, lo, first, UNREAL[language]) or (
        # Kazakh reports what was said after it: «... ратификацияланды деген қате әсер».
        language == "kk"
        and words[last + 1 : last + 2] == ["деген"]
        and _near(words, last + 2, last + 5, UNREAL[language])
    ):
        return "unreal"
    if language == "kk" and _kk_contrast(words, trigger):
        return ""
    if _negated_beyond(words, trigger, (lo, hi), language):
        return "negated"
    if trigger.form in ("infinitive", "future"):
        return "plan"
    if (
        trigger.event == "force"
        and _PRESENT_FORCE.match(words[first])
        and _near(words, last + 1, hi, CONDITION[language])
    ):
        return "plan"
    if (
        language == "en"
        and trigger.form == "verb"
        and _EN_BARE.match(words[first])
        and (first == 0 or words[first - 1] in ("and", "or", "then"))
    ):
        return "plan"
    if language == "kk":
        # «Егер ...» opens the clause, far from the verb at its end.
        if _conditional(words, lo, first, language):
            return "plan"
        after = words[last + 1 : min(hi, last + 4)]
        if any(NEGATION["kk"].match(w) for w in after):
            return "negated"
        if any(PLAN["kk"].match(w) for w in after) or _near(
            words, max(lo, first - 3), first, PLAN["kk"]
        ):
            return "plan"
        return ""
    # Words inside a two-word event count as before it: «процедуры должны быть
    # завершены», «процедуры не завершены».
    before = (max(lo, first - 5), last)
    if _conditional(words, *before, language):
        return "plan"
    after = (last + 1, min(hi, last + 3))
    if _near(words, *before, PLAN[language]) or (
        trigger.form == "nominal" and _near(words, *after, PLAN[language])
    ):
        return "plan"
    # A noun's negation is the word right before it ("no ratification");
    # further back it belongs to another verb ("did not object to its ratification").
    reach = 1 if trigger.form == "nominal" else 4
    if _near(words, max(lo, first - reach), last, NEGATION[language]):
        return "negated"
    return ""


def _negated_beyond(
    words: list[str], trigger: Trigger, clause: tuple[int, int], language: str
) -> bool:
    """A negation further from the event word than the word before it: "yet to
    ratify", "not yet signed", "has ratified it yet", "has not notified ...
    that its procedures are complete"."""
    lo, hi = clause
    first = trigger.first
    if language == "en" and (
        "yet" in words[max(lo, first - 3) : first] or _yet_after(words, trigger.last, hi)
    ):
        return True
    return _negated_that(words, lo, first, language)


def _yet_after(words: list[str], last: int, hi: int) -> bool:
    """ "has ratified it yet" (a negation's "yet" after the verb), not "signed
    yet another memorandum"."""
    for i in range(last + 1, min(hi, last + 4)):
        if words[i] == "yet":
            return words[i + 1 : i + 2] not in (["another"], ["again"], ["more"], ["further"])
    return False


def _negated_that(words: list[str], lo: int, first: int, language: str) -> bool:
    """ "has not yet notified Astana that its procedures are complete", «пока не
    сообщил, что процедуры завершены»: a step in a that-clause whose verb is
    negated is not asserted; its notice is still awaited."""
    if language == "kk":
        return False
    for t in range(max(0, lo - 8), first):
        if _THAT.match(words[t]) and words[t] != "чтобы":
            return _near(words, max(0, t - 4), t, NEGATION[language]) and not _near(
                words, max(0, t - 4), t, _NOT_NEGATION
            )
    return False


# "not only ... but", "no doubt that": not a negated verb of saying.
_NOT_NEGATION = regex.compile(r"(?:only|doubt|без)$")


# "gave the impression that the procedure was complete", «ошибочно сообщалось,
# что ...», «... деген қате әсер»: a step someone wrongly believed or reported
# is not one (correction notices retract them). Only within the clause: «Это
# неверно: Сенат одобрил закон 30 апреля» states the right one after the colon.
# fmt: off
UNREAL = {
    "en": regex.compile(r"(?:impression|wrongly|incorrectly|erroneously|mistakenly|falsely|rumou?rs?|rumou?red|allegedly|supposedly)$"),  # noqa: E501
    "ru": regex.compile(r"(?:впечатлени\w*|ошибочно|неверно|неправильно|ложн\w*|слух\w*|якобы|будто)$"),  # noqa: E501
    "kk": regex.compile(r"(?:әсер\w*|қате|қателесіп|жаңсақ|сыбыс\w*|имиш)$"),
}
# fmt: on
# "takes effect once both have ratified it", «если парламент ратифицирует»:
# a step inside a condition is not a report of it. "once again", "once more"
# are repetition.
IF = {
    "en": regex.compile(r"(?:once|if|unless|provided|providing)$"),
    "ru": regex.compile(r"(?:если|ежели)$"),
    "kk": regex.compile(r"егер$"),
}


def _conditional(words: list[str], lo: int, hi: int, language: str) -> bool:
    return any(
        IF[language].match(words[i]) and words[i + 1 : i + 2] not in (["again"], ["more"])
        for i in range(max(0, lo), hi)
    )


_KK_FINITE = regex.compile(r"\w+(?:ды|ді|ты|ті)$")


def _kk_contrast(words: list[str], trigger: Trigger) -> bool:
    """«X-ке қол қойылса, Y-ке қол қойылды»: a -са clause followed by a main
    clause in the past is a contrast ("while X was signed"), a report, not a
    condition; «егер» (if) or a main verb to come keeps it a condition."""
    if not words[trigger.last].endswith(("са", "се")) or "егер" in words[: trigger.first]:
        return False
    following = [w for w in words[trigger.last + 1 :] if _KK_FINITE.match(w)]
    return bool(following) and _kk_form(following[0]) == "verb"


# Kazakh ends a clause with its verb, so a date and a place may stand between
# the noun and the verb of one event («рәсімдерін 2026 жылғы 14 шілдеде аяқтады»).
_PAIR_REACH = {"kk": 7}


def find_triggers(tokens: list[Token], language: str) -> list[Trigger]:
    """The event words among `tokens` (one sentence), in order."""
    words = [t.norm for t in tokens]
    out: list[Trigger] = []
    taken: set[int] = set()
    for event, first, second in PAIRS.get(language, []):
        for i, word in enumerate(words):
            if i in taken or not first.match(word):
                continue
            for j in range(i + 1, min(len(words), i + _PAIR_REACH.get(language, 5))):
                if j not in taken and second.match(words[j]):
                    out.append(Trigger(event, i, j, _form(words, i, j, language)))
                    taken.update((i, j))
                    break
    if language == "en":
        out.extend(_entered_into(words, taken))
        out.extend(_done_at(tokens, words, taken))
    for i, word in enumerate(words):
        if i in taken:
            continue
        if word == "draft" and language == "en" and i and words[i - 1] == "to":
            out.append(Trigger("negotiate", i, i, "infinitive"))
            continue
        # "talks on the agreement" negotiate it; "held talks" alone is a meeting.
        if word == "talks" and language == "en" and words[i + 1 : i + 2] in (["on"], ["over"]):
            out.append(Trigger("negotiate", i, i, "nominal"))
            continue
        for event, root in ROOTS.get(language, {}).items():
            if event == "agree" and (
                (i + 1 < len(words) and _AGREED_NOT.match(words[i + 1]))
                or (i and words[i - 1] == "as")
            ):
                continue
            if root.match(word):
                out.append(Trigger(event, i, i, _form(words, i, i, language)))
                taken.add(i)
                break
    out.sort(key=lambda t: t.first)
    return out


# "entered into" an agreement is the treaty word for concluding it; "entered
# into force" (a pair above) and "entered into talks" are other things.
_INTO_AGREEMENT = regex.compile(
    r"(?:a|an|the|this|that|its|their|in|on|at|last|agreement|memorandum|treaty|pact|deal|accord)$"
)


def _entered_into(words: list[str], taken: set[int]) -> list[Trigger]:
    out = []
    for i, word in enumerate(words[:-1]):
        if i in taken or word not in ("enter", "enters", "entered", "entering"):
            continue
        if words[i + 1] != "into" or (
            i + 2 < len(words) and not _INTO_AGREEMENT.match(words[i + 2])
        ):
            continue
        out.append(Trigger("sign", i, i + 1, _form(words, i, i + 1, "en")))
        taken.update((i, i + 1))
    return out


def _done_at(tokens: list[Token], words: list[str], taken: set[int]) -> list[Trigger]:
    """ "Done at Astana on 24 April 2024": the treaty formula of its signature,
    "done at" and a place's capitalised name (not "the work done at the
    ministry")."""
    return [
        Trigger("sign", i, i + 1, "verb")
        for i in range(len(words) - 2)
        if words[i] == "done"
        and words[i + 1] == "at"
        and i not in taken
        and tokens[i + 2].text[:1].isupper()
    ]


@dataclass(frozen=True)
class Reading:
    """What an event word says: a status, change or confirmation, and whether it
    counts only when the sentence dates it (a bare "the signing")."""

    status: str
    event: str = "change"
    needs_date: bool = False
    party: str | None = None
    # Over the phrase cues: a construction they read otherwise ("put his
    # signature to the ratifying law" is the ratification, not a signing).
    priority: int | None = None


C = "confirmation"


def read(
    words: list[str],
    trigger: Trigger,
    clause: tuple[int, int],
    language: str,
    mood: str,
    previous: list[str] = (),
) -> Reading | None:
    """The status an event word states in its clause, given its mood
    (`modality`), or None. `previous` are the words of the sentence before."""
    event = trigger.event
    if mood == "unreal":
        return None
    if (
        event == "sign"
        and language == "kk"
        and words[trigger.first].startswith("бекіт")
        and _near(words, *clause, _KK_LEGISLATURE)
    ):
        event = "approve"
    if event == "agree":
        return _agree_reading(words, clause, language, mood)
    if event == "sign":
        return _sign_reading(words, trigger, clause, language, mood)
    if event in ("ratify", "complete", "force"):
        if mood == "plan":
            return None
        if mood == "negated" and language == "ru" and trigger.form == "state":
            return None  # «не действует»: read only with its start, as above
        if mood == "negated":
            return Reading(P, C)
        return _process_reading(words, trigger, clause, language)
    if mood == "negated" and _before_legislature(words, trigger, clause, language):
        # "has still not been laid before Parliament", "Parliament has not yet
        # considered the Agreement": the ratification is still pending.
        return Reading(P, C, priority=96)
    if event == "consider":
        return None
    if event == "negotiate" and trigger.form == "infinitive" and mood == "plan":
        return Reading("negotiating")  # "sat down to draft it": the work began
    if mood:
        return None
    if event in ("initial", "negotiate"):
        return Reading("negotiating")
    # A chamber's vote on the bill or the agreement; a noun of it ("after
    # its approval by the Senate") is background.
    if (
        event == "approve"
        and trigger.form != "nominal"
        and _near(words, *clause, CHAMBER[language])
        and (
            _near(words, *clause, LAW[language])
            or _law_by_pronoun(words, trigger, clause, language, previous)
        )
    ):
        return Reading(P, party="kazakhstan")
    if event == "lay" and _near(words, trigger.last + 1, min(clause[1], trigger.last + 16), HOUSES):
        return Reading(P, party="united-kingdom")
    return None


def _before_legislature(
    words: list[str], trigger: Trigger, clause: tuple[int, int], language: str
) -> bool:
    """Is the event a laying before a parliament, or a parliament's
    consideration of the treaty?"""
    if trigger.event == "lay":
        return _near(words, trigger.last + 1, min(clause[1], trigger.last + 16), HOUSES)
    if trigger.event == "consider":
        return _near(words, *clause, HOUSES) or _near(words, *clause, CHAMBER[language])
    return False


# "it", «его», «оны» next to a chamber's vote: the bill named before it.
# fmt: off
BILL_PRONOUN = {
    "en": regex.compile(r"it$"),
    "ru": regex.compile(r"(?:его|он|оно)$"),
    "kk": regex.compile(r"(?:оны|ол|оған)$"),
}
# fmt: on


def _law_by_pronoun(
    words: list[str],
    trigger: Trigger,
    clause: tuple[int, int],
    language: str,
    previous: list[str],
) -> bool:
    """ "Parliament had the bill: it was approved by the Senate in April",
    "The bill went to the Senate. It was approved ...": a pronoun next to the
    vote stands for the bill or law named before it, in the sentence or the
    one before. Kazakh puts the pronoun first, far from the verb."""
    if language == "kk":
        near = words[clause[0] : clause[0] + 1]
    else:
        near = words[max(clause[0], trigger.first - 3) : trigger.last + 3]
    if not any(BILL_PRONOUN[language].match(w) for w in near):
        return False
    return _near(words, 0, clause[0], LAW_ONLY[language]) or _near(
        list(previous), 0, len(previous), LAW_ONLY[language]
    )


def _reach(language: str) -> int:
    """How far before a signing its object may stand: Kazakh puts the date
    and the place between the law and the verb («заңға 2026 жылғы 12 мамырда
    қол қойды»)."""
    return 10 if language == "kk" else 6


def _signs_ratification_law(
    words: list[str], trigger: Trigger, clause: tuple[int, int], language: str
) -> bool:
    """Is the signing's object the law (or bill) on the ratification? In
    Kazakhstan the President's signature on it is the ratification."""
    lo, hi = max(clause[0], trigger.first - _reach(language)), min(clause[1], trigger.last + 7)
    ratify = ROOTS[language]["ratify"]
    laws = [i for i in range(lo, hi) if LAW_ONLY[language].match(words[i])]
    # The law's title may name the state first: «Закон Республики Казахстан
    # «О ратификации ...»», "the Law of the Republic of Kazakhstan on the ratification".
    if any(ratify.match(words[j]) for i in laws for j in range(max(lo, i - 3), min(hi, i + 7))):
        return True
    # "the Mazhilis and the Senate passed the law, and the President signed
    # it in May": the law the chambers passed, signed by the head of state.
    return (
        bool(laws)
        and _near(words, 0, len(words), LEGISLATURE[language])
        and _near(words, 0, trigger.first, ROOTS[language]["approve"])
        and _near(words, max(0, trigger.first - 6), trigger.first, HEAD_OF_STATE[language])
    )


def _sign_reading(
    words: list[str], trigger: Trigger, clause: tuple[int, int], language: str, mood: str
) -> Reading | None:
    """A signing: of the ratification law, or of the agreement."""
    if not mood and _signs_ratification_law(words, trigger, clause, language):
        return Reading("ratified", party="kazakhstan", priority=95)
    if mood and _head_of_state_law(words, trigger, clause, language):
        # "the President has not yet signed the law": Kazakhstan's ratification
        # is still pending; a signature of the law planned is no step.
        return Reading(P, C, party="kazakhstan", priority=96) if mood == "negated" else None
    # A signing not done says the negotiation goes on (a confirmation); a
    # signing planned is the negotiating step itself, as the phrase cues
    # have it ("set to sign").
    if mood == "negated":
        return Reading("negotiating", C)
    if mood:
        return Reading("negotiating")
    return Reading("signed", needs_date=trigger.form == "nominal")


def _head_of_state_law(
    words: list[str], trigger: Trigger, clause: tuple[int, int], language: str
) -> bool:
    """Is the signing that of a law by the head of state, or of the law on
    the ratification? Kazakhstan ratifies by the President's signature."""
    lo, hi = max(clause[0], trigger.first - _reach(language)), min(clause[1], trigger.last + 7)
    if not _near(words, lo, hi, LAW_ONLY[language]):
        return False
    return _near(words, lo, hi, HEAD_OF_STATE[language]) or _signs_ratification_law(
        words, trigger, clause, language
    )


# fmt: off
HEAD_OF_STATE = {
    "en": regex.compile(r"(?:president|head)$"),
    "ru": regex.compile(r"(?:президент\w*|глав\w*)$"),
    "kk": regex.compile(r"(?:президент\w*|басшы\w*)$"),
}
# fmt: on


_RU_TREATY_SUBJECT = regex.compile(r"(?:соглашение|договор|документ)$")


def _process_reading(
    words: list[str], trigger: Trigger, clause: tuple[int, int], language: str
) -> Reading | None:
    """Ratification, completed procedures and entry into force, stated as facts."""
    if trigger.form == "under_way" and trigger.event in ("complete", "ratify"):
        # "the Kazakh side is still completing its domestic procedures": the
        # ratification goes on, as of what is said.
        return Reading(P, C)
    if trigger.event == "complete":
        # «уведомит о выполнении процедур»: a completion named by a noun is a
        # step only when the sentence dates it, as a signing's noun is.
        return Reading("ratified", needs_date=trigger.form == "nominal")
    if trigger.event == "force":
        if trigger.form == "state":
            # "in force since yesterday", «действует с 1 сентября», «кешеден
            # бастап күшінде»: a state with its start is the entry into force.
            if _since(words, clause, language):
                return Reading("in_force", needs_date=True)
            # "in force", «күшінде»: a confirmation; «действует» alone is too
            # common a verb to say so, unless the agreement itself is its
            # subject right before it («стороны констатировали, что
            # Соглашение действует»).
            if language == "ru":
                before = words[trigger.first - 1] if trigger.first > clause[0] else ""
                return Reading("in_force", C) if _RU_TREATY_SUBJECT.match(before) else None
            return Reading("in_force", C)
        return Reading("in_force", needs_date=trigger.form == "nominal")
    if trigger.form != "nominal":
        return Reading("ratified")
    lo, hi = clause
    window = (max(lo, trigger.first - 4), min(hi, trigger.last + 5))
    # "went over the ratification timetable" is a review, not "over" as done.
    done = [
        w
        for i, w in enumerate(words[window[0] : window[1]], window[0])
        if DONE[language].match(w) and not (w == "over" and i and _GO.match(words[i - 1]))
    ]
    if done and not any(_FUTURE_DONE.search(w) for w in done):
        return Reading("ratified")
    if _near(words, *window, PROCESS[language]):
        return Reading(P, C)
    if language == "kk" and _kk_work_going_on(words, trigger.last, hi):
        return Reading(P, C)
    return None


# «ратификациялау жұмысы ... жалғасып жатыр»: the work on ratification is going
# on. Kazakh ends the clause with its verb, and a plan word after it
# («жалғасуы мүмкін», «жалғасады деп күтілуде») makes it none.
_KK_WORK = regex.compile(r"жұмыс\w*$")
_KK_GOING_ON = regex.compile(r"(?:жалғас(?:ып|уда|ты|қан)|жүргізіл(?:іп|уде|ді))\w*$")


def _kk_work_going_on(words: list[str], last: int, hi: int) -> bool:
    after = words[last + 1 : hi]
    if not after or not _KK_WORK.match(after[0]):
        return False
    verbs = [i for i, w in enumerate(after) if _KK_GOING_ON.match(w)]
    return bool(verbs) and not any(PLAN["kk"].match(w) for w in after[verbs[0] :])


# "since" before a date: a state told with its start. Russian «с» / «со» only
# before a number or a day word, Kazakh «бастап» after the date.
_SINCE = {
    "en": (regex.compile(r"since$"), _NO_PATTERN),
    "ru": (regex.compile(r"(?:с|со)$"), regex.compile(r"(?:\d+|вчерашн\w*|сегодняшн\w*|начала)$")),
    "kk": (regex.compile(r"бастап$"), _NO_PATTERN),
}


def _since(words: list[str], clause: tuple[int, int], language: str) -> bool:
    word, after = _SINCE[language]
    return any(
        word.match(words[i])
        and (after is _NO_PATTERN or (i + 1 < len(words) and bool(after.match(words[i + 1]))))
        for i in range(*clause)
    )


# A pronoun as the event's object: "signed it", «его подписание», «оны ... бекітуге».
PRONOUN = {
    "en": (regex.compile(r"(?:it|them)$"), 0, 3),
    "ru": (regex.compile(r"(?:его|е[её]|их)$"), 2, 2),
    "kk": (regex.compile(r"(?:оны|оған|оның|бұны|мұны)$"), 6, 0),
}


# A pronoun as the subject of a passive: "It was signed", «Оно было подписано».
# Only the neuter: "he" or «она» signing is a person.
SUBJECT = {
    "en": (regex.compile(r"it$"), 2),
    "ru": (regex.compile(r"оно$"), 2),
}


def pronoun_object(tokens: list[Token], start: int, end: int, language: str) -> bool:
    """Is there a pronoun next to the event word at text offsets [start, end)?"""
    pattern, before, after = PRONOUN[language]
    inside = [i for i, t in enumerate(tokens) if start <= t.start < end]
    if not inside:
        return False
    first, last = inside[0], inside[-1]
    # Inside too: «скрепили его своими подписями».
    near = tokens[max(0, first - before) : last + 1 + after]
    if any(pattern.match(t.norm) for t in near):
        return True
    subject, reach = SUBJECT.get(language, (_NO_PATTERN, 0))
    if any(subject.match(t.norm) for t in tokens[max(0, first - reach) : first]):
        return True
    return language == "kk" and _kazakh_opening_pronoun(tokens, last)


# Kazakh puts the verb last, so a pronoun that opens the sentence («Оған 2023
# жылғы наурызда, ... сапары кезінде қол қойылды») can stand far from it.
KK_OPENING_OBJECT = regex.compile(r"(?:оған|оны)$")
KK_OPENING_SUBJECT = regex.compile(r"ол$")
# «Ол ... бекітілді» is "it was approved"; «Ол ... қол қойды» is "he signed".
KK_PASSIVE = regex.compile(r"\w+(?:ыл|іл|л|ын|ін)(?:ды|ді|ған|ген)$")


def _kazakh_opening_pronoun(tokens: list[Token], last: int) -> bool:
    if not tokens:
        return False
    opening = tokens[0].norm
    if KK_OPENING_OBJECT.match(opening):
        return True
    return bool(KK_OPENING_SUBJECT.match(opening)) and bool(KK_PASSIVE.match(tokens[last].norm))


def stem_cues(
    text: str, tokens: list[Token], language: str, previous: list[Token] = ()
) -> list[CueMatch]:
    """Status cues read from the event words of one sentence's tokens. An event
    word under a negation or a plan that states no step becomes a blocker (a
    cue with no status), so a phrase cue for the bare word cannot claim it.
    `previous` are the tokens of the sentence before (what a pronoun stands for)."""
    # "May" in the middle of a sentence is the month, not the modal.
    words = ["may_month" if t.text == "May" and i else t.norm for i, t in enumerate(tokens)]
    out = []
    for trigger in find_triggers(tokens, language):
        clause = _clause(text, tokens, trigger)
        # The mood is read within commas ("unsigned until April, when it was
        # signed"); the chamber and the law may be further off in the clause.
        mood = modality(words, trigger, _phrase(text, tokens, trigger), language)
        reading = read(words, trigger, clause, language, mood, [t.norm for t in previous])
        if reading is None and not mood:
            continue
        cue = Cue(
            f"stem_{trigger.event}",
            _NO_PATTERN,
            reading.status if reading else None,
            reading.event if reading else "change",
            priority=(reading and reading.priority)
            or (MOOD_PRIORITY if mood else PRIORITIES.get(trigger.event, PRIORITY)),
            party=reading.party if reading else None,
            negation=mood == "negated",
        )
        spans = [(tokens[trigger.first].start, tokens[trigger.last].end)]
        if trigger.event == "approve" and reading is not None:
            spans = _chambers(tokens, words, clause, language) or spans
        for start, end in spans:
            out.append(CueMatch(cue, start, end, needs_date=bool(reading and reading.needs_date)))
    return out


def _chambers(
    tokens: list[Token], words: list[str], clause: tuple[int, int], language: str
) -> list[tuple[int, int]]:
    """Two chambers with one verb («Мәжілісі 15 сәуірде, ал Сенат сәуірдің
    соңында мақұлдаған») are two steps: one cue at each chamber's name, so
    each takes the date nearest it. One chamber (or one named twice): none."""
    found: dict[str, tuple[int, int]] = {}
    for i in range(*clause):
        if CHAMBER[language].match(words[i]):
            found.setdefault(words[i][:5], (tokens[i].start, tokens[i].end))
    return list(found.values()) if len(found) > 1 else []

"""Status cues per language: words that say what happened to an agreement.

Each cue maps a phrase to a status and says whether it is a *change* (the
status becomes X: "signed", "ratified", "подписали", "қол қойды") or a
*confirmation* (a dated source says it is still X: "ratification is still
pending", "reviewed the ratification process", "ход ратификации",
"ратификациялау процесі"). Cues have priorities: where two overlap, the
higher wins, so "set to sign" (negotiating) beats "sign" (signed), "has not
yet been ratified" (pending) beats "ratified", and "signed the law on
ratification" (ratified, by Kazakhstan) beats "signed". A cue with no
status is a *blocker*: it claims its words and proposes nothing ("will
enter into force" is a forecast, not a change).

Party hints say whose step it is when a step belongs to one country (the
Mazhilis ratifies for Kazakhstan; a bill laid before Parliament is the
UK's). The nearest hint to the cue wins.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

I = regex.IGNORECASE | regex.VERSION1  # noqa: E741


@dataclass(frozen=True)
class Cue:
    name: str
    pattern: regex.Pattern[str]
    status: str | None
    event: str = "change"
    priority: int = 50
    party: str | None = None
    # The agreement must follow the cue closely ("the upcoming Agreement on ...").
    adjacent: bool = False
    # A step said not to have happened yet ("has not yet been ratified"): a
    # statement of the writer's day, unless someone is reported saying it.
    negation: bool = False
    # A step told as background ("a chamber approved it", "took another look
    # at the text") is news of the article's day only when the text dates it.
    dated_only: bool = False

    def __post_init__(self) -> None:
        if "_not_" in self.name:
            object.__setattr__(self, "negation", True)


@dataclass(frozen=True)
class CueMatch:
    cue: Cue
    start: int
    end: int
    # Set by the stem reader (events.py): a bare noun ("the signing") is a
    # step only when the sentence dates it.
    needs_date: bool = False

    @property
    def status(self) -> str | None:
        return self.cue.status

    @property
    def event(self) -> str:
        return self.cue.event


# Cyrillic has no \b in Python's sense of a word start: every cue starts at one.
_START = r"(?<![\p{L}\d])(?:"


def _cue(name: str, pattern: str, status: str | None, event: str = "change", **kw) -> Cue:
    return Cue(name, regex.compile(_START + pattern + ")", I), status, event, **kw)


def _words(pattern: str) -> regex.Pattern[str]:
    return regex.compile(_START + pattern + ")", I)


P, C = "ratification_pending", "confirmation"

# fmt: off
EN = [
    # Forecasts and negations: they claim their words and propose nothing.
    _cue("en_force_future", r"\b(?:will|would|could|may|might|shall|to|expected\s+to)\s+(?:soon\s+)?(?:enter|come)\s+into\s+(?:force|effect)\b", None, priority=100),  # noqa: E501
    # An obligation or a plan ("must be ratified by both countries") is not a ratification.
    _cue("en_ratify_future", r"\b(?:must|should|needs?\s+to|has\s+to|have\s+to|will|would|is\s+to|are\s+to|can|could|cannot|can\s+not|can't|may|might)\s+(?:still\s+|first\s+|only\s+)?be\s+ratified\b|\b(?:hoped?|hopes|plans?|expects?|intends?|aims?)\s+to\s+(?:complete\s+(?:its\s+|the\s+)?)?ratif\w+", None, priority=89),  # noqa: E501
    # Completing one's procedures is the ratification; not having completed them is pending.
    _cue("en_not_completed", r"\b(?:has|have|had)\s+not\s+(?:yet\s+)?completed\s+(?:its|their|the)\s+(?:\w+\s+){0,2}?(?:procedures|ratification)\b|\byet\s+to\s+complete\s+(?:its|their|the)\s+(?:\w+\s+){0,2}?(?:procedures|ratification)\b|\bratification\b[^.;]{0,80}?\b(?:still|now)\s+(?:outstanding|pending|unfinished|incomplete|ahead|under\s*way|in\s+progress|ongoing)\b|\bratification\s+(?:is|was)\s+(?:under\s*way|in\s+progress|ongoing)\b|\b(?:unfinished|incomplete|outstanding)\s+ratification\b|\bratification\b[^.;,]{0,100}?\b(?:has|had|have)\s+not\s+(?:yet\s+)?been\s+(?:completed|finished)\b|\bratification\s+is\s+(?:not\s+yet|still\s+not)\s+(?:complete|completed|finished)\b", P, C, priority=93),  # noqa: E501
    _cue("en_completed_procedures", r"\bcompleted\s+(?:its|their|the)\s+(?:own\s+)?(?:domestic|internal|national|ratification)\s+procedures\b|\b(?:completed|finished)\s+(?:its|their)\s+(?:own\s+)?part\b|\bcompleted\s+(?:its|their)\s+own\s+procedures\b|\b(?:domestic|internal)\s+procedures\s+(?:were|are|had\s+been|have\s+been)\s+(?:complete|completed|finished)\b", "ratified", priority=92),  # noqa: E501
    _cue("en_not_signed", r"\b(?:has|have|had)(?:\s+not|n['’]t)\s+(?:yet\s+)?been\s+signed\b|\byet\s+to\s+be\s+signed\b", "negotiating", C, priority=95),  # noqa: E501
    _cue("en_law_ratification", r"\bsigned\s+(?:into\s+law\s+)?(?:a|the)\s+(?:law|bill)\s+(?:on\s+(?:the\s+)?ratification|ratifying)\b|\bsigned\s+(?:a|the)\s+ratification\s+(?:law|bill)\b|\bratification\s+(?:law|bill)\s+(?:was|has\s+been|had\s+been)\s+signed\b", "ratified", priority=95, party="kazakhstan"),  # noqa: E501
    _cue("en_not_ratified", r"\b(?:has|have|had|is|are|was|were|did|does|do|it)(?:\s+not|n['’]t|['’]s\s+not)\s+(?:(?:still|yet|even)\s+)*(?:been\s+)?ratif(?:ied|y)\b|\b(?:remains|remained|is\s+still|was\s+still|still)\s+unratified\b|\b(?:not\s+yet|yet\s+to\s+be|(?:has|have)\s+(?:still\s+)?not\s+(?:yet\s+)?been|not\s+been)\s+ratified\b|\byet\s+to\s+ratify\b|\b(?:neither|none\s+of)\b[^.;]{0,60}?\b(?:has|have|had)\s+(?:yet\s+)?ratified\b", P, C, priority=90),  # noqa: E501
    # "has still not been laid before the House": the UK's laying, not yet.
    _cue("en_not_laid", r"\b(?:has|have|had)\s+(?:still\s+)?not\s+(?:yet\s+)?been\s+laid\b|\b(?:is|was)\s+(?:still\s+)?not\s+(?:yet\s+)?laid\b|\byet\s+to\s+be\s+laid\b", P, C, priority=95, party="united-kingdom"),  # noqa: E501
    # "has not yet sent its note": the completion of procedures, not yet.
    _cue("en_not_sent_note", r"\b(?:has|have|had)\s+(?:still\s+)?not\s+(?:yet\s+)?(?:sent|delivered|transmitted)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:note|notification)\b|\byet\s+to\s+(?:send|deliver|transmit)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:note|notification)\b", P, C, priority=96),  # noqa: E501
    _cue("en_not_in_force", r"\b(?:yet\s+to|has\s+not\s+yet|have\s+not\s+yet|not\s+yet)\s+(?:enter(?:ed)?|come|came)\s+into\s+force\b", P, C, priority=101),  # noqa: E501
    _cue("en_awaiting_ratification", r"\b(?:awaiting|awaits|await|pending)\s+(?:its\s+|their\s+)?ratification\b|\bratification\s+(?:is\s+|remains\s+)?(?:still\s+)?pending\b", P, C, priority=90),  # noqa: E501
    _cue("en_ratification_process", r"\bratification\s+(?:process|procedures?)\b|\bprocess\s+of\s+(?:its\s+)?ratification\b|\b(?:domestic|internal)\s+(?:ratification\s+)?procedures\b", P, C, priority=90),  # noqa: E501
    _cue("en_swift_ratification", r"\b(?:swift|speedy|early|earliest|prompt|timely|rapid|quick|soonest)\s+ratification\b", P, C, priority=90),  # noqa: E501
    _cue("en_discussed_ratification", r"\b(?:(?:discuss|review|consider|examin|assess)\w*|took\s+stock\s+of|take\s+stock\s+of)\s+(?:how\s+|where\s+)?(?:the\s+)?(?:progress\s+(?:on|of|in|with)\s+)?(?:its\s+|the\s+)?ratification\b", P, C, priority=91),  # noqa: E501
    # "the British Parliament received the text in March": the laying, told
    # from Parliament's side.
    _cue("en_parliament_received", r"\b(?:(?:British|UK)\s+)?Parliament\s+(?:has\s+)?(?:received|got)\s+the\s+(?:text|treaty|document|agreement)\b", P, priority=85, party="united-kingdom"),  # noqa: E501
    _cue("en_laid_before_parliament", r"\blaid\s+(?:[\w'’-]+\s+){0,14}?before\s+(?:(?:the\s+)?(?:UK\s+|British\s+)?Parliament|this\s+House|the\s+House(?:\s+of\s+Commons)?|both\s+Houses)\b|\blaid\s+(?:in|at)\s+Westminster\b", P, priority=85, party="united-kingdom"),  # noqa: E501
    _cue("en_ratification_bill", r"\b(?:introduc|submitt?|present|sen[dt]|table)\w*\s+(?:\w+\s+){0,3}?(?:ratification\s+bill|bill\s+(?:on|for)\s+(?:its\s+|the\s+)?ratification)\b|\bratification\s+bill\b|\bCRaG\b", P, priority=85),  # noqa: E501
    # A government's own review of a signed text holds its ratification up (the seed's
    # UK step of July 2024).
    _cue("en_review_of_text", r"\b(?:additional|further|own|fresh|new)\s+review\s+of\s+(?:the|its)\s+(?:(?:[\w'’-]+\s+){0,6}?(?:text|document|agreement|treaty)\b|(?-i:[A-Z]{3,5})\b)", P, priority=84),  # noqa: E501
    # "enters into force once both Parties have notified each other that their
    # internal procedures are complete": the treaty's rule, not a completion.
    _cue("en_completion_as_condition", r"\b(?:once|until|unless|if)\s+(?:[\w'’-]+\s+){0,10}?(?:procedures|ratification)\s+(?:are|is|were|have\s+been|has\s+been)\s+(?:complete|completed|finished)\b", None, priority=100),  # noqa: E501
    # "gave the document an additional review", "put the SPCA through yet another review".
    _cue("en_gave_it_a_review", r"\b(?:give|gives|gave|given|giving|put|puts|putting)\s+(?:(?:the|this|that)\s+(?:[\w'’-]+\s+){0,3}?(?:text|document|agreement|treaty)|it|(?:the\s+)?(?-i:[A-Z]{3,5}))\s+(?:through\s+)?(?:an?\s+|yet\s+)?(?:additional|another|further|fresh|second|new)\s+(?:[\w-]+\s+)?review\b", P, priority=84),  # noqa: E501
    # The same review told as a look: "to look again at the text", "took a
    # fresh look at the treaty", "re-examined the document".
    _cue("en_look_again_at_text", r"(?<!\b(?:will|would|shall|must|should|may|might|can|could|plans?|planning|wants?|intends?|hopes?|expects?|going|is|are)\s+(?:to\s+)?(?:\w+\s+)?)\b(?:look(?:s|ed|ing)?\s+again\s+at|(?:another|a\s+(?:fresh|second|new|closer)|its\s+own|a\s+further)\s+look\s+at|re-?examin(?:e|es|ed|ing)|re-?assess(?:es|ed|ing)?)\s+(?:the|its)\s+(?:[\w'’-]+\s+){0,6}?(?:text|document|agreement|treaty)\b|\blook(?:s|ed|ing)?\s+at\s+(?:the|its)\s+(?:[\w'’-]+\s+){0,6}?(?:text|document|agreement|treaty)\s+again\b|\b(?:went|was\s+sent|was\s+taken|sent|taken)\s+back\s+for\s+(?:a\s+)?(?:second|fresh|further|another)\s+look\b", P, priority=84),  # noqa: E501
    # Laying, worded as presenting: "presented to Parliament", "submitted to both Houses".
    _cue("en_presented_to_parliament", r"\b(?:presented|submitted|introduced|tabled)\s+(?:[\w'’-]+\s+){0,12}?(?:to|in|before)\s+(?:the\s+)?(?:UK\s+|British\s+)?(?:Parliament|both\s+Houses|the\s+Houses)\b", P, priority=85),  # noqa: E501
    # "A bill on ratification was sent to the Mazhilis": the Kazakh bill before Parliament.
    _cue("en_bill_sent_to_chamber", r"\b(?:bill|law)\b[^.;]{0,120}?\b(?:sent|submitted|introduced|referred|forwarded)\s+to\s+(?:the\s+)?(?:Mazhilis|Majilis|Senate|lower\s+house|Kazakh\s+Parliament|Parliament\s+of\s+Kazakhstan)\b", P, priority=85),  # noqa: E501
    _cue("en_sent_for_ratification", r"\b(?:submitt?\w*|sent|referred|forwarded)\s+(?:[\w'’-]+\s+){0,5}?for\s+(?:its\s+)?ratification\b", P, priority=85),  # noqa: E501
    _cue("en_approved_ratification_bill", r"\b(?:approved|passed|backed|endorsed|adopted)\s+(?:a|the)\s+(?:draft\s+)?(?:bill|law)\s+(?:on\s+(?:the\s+)?)?(?:ratification|ratifying)\b|\b(?:approved|passed|backed|endorsed|adopted)\s+(?:a|the)\s+ratification\s+(?:bill|law)\b", P, priority=86),  # noqa: E501
    # A chamber of Kazakhstan's Parliament passing the law or bill (the ratification's
    # step before the President's signature), with or without "on ratification".
    _cue("en_chamber_approved_law", r"\b(?:Mazhilis|Majilis|Senate|lower\s+house|upper\s+house|senators|deputies)\s+(?:had\s+|has\s+|have\s+)?(?:approved|passed|adopted|backed|endorsed)\s+(?:the|a)\s+(?:draft\s+)?(?:law|bill)(?:\s+(?:on\s+(?:the\s+)?)?(?:ratification|ratifying))?\b|\b(?:law|bill)\s+(?:was|had\s+been|has\s+been)\s+(?:approved|passed|adopted)\s+by\s+(?:the\s+)?(?:Mazhilis|Majilis|Senate)\b", P, priority=86, party="kazakhstan"),  # noqa: E501
    # "It voted the ratification law through": a chamber's vote.
    _cue("en_voted_through", r"\bvoted\s+(?:the|a)\s+(?:draft\s+)?(?:ratification\s+)?(?:law|bill)\s+(?:on\s+(?:the\s+)?ratification\s+|ratifying\s+\w+\s+)?through\b|\bvoted\s+through\s+(?:the|a)\s+(?:ratification\s+)?(?:law|bill)\b", P, priority=86),  # noqa: E501
    _cue("en_ratified", r"\bratifie[ds]\b|\b(?:completed|wrapped\s+up|finished|concluded|finali[sz]ed)\s+(?:its\s+|the\s+|their\s+)?(?:own\s+)?ratification\b|\bratification\s+(?:was|has\s+been)\s+completed\b|\bexchanged\s+(?:the\s+)?instruments\s+of\s+ratification\b", "ratified", priority=80),  # noqa: E501
    _cue("en_in_force", r"\b(?:entered|enters|has\s+entered|came|comes|has\s+come|went)\s+into\s+(?:force|effect)\b|\btook\s+effect\b|\bin\s+force\s+(?:since|from|as\s+of)\b", "in_force", priority=80),  # noqa: E501
    _cue("en_set_to_sign", r"\b(?:set|due|expected|preparing|prepare[sd]?|plan|plans|planning|planned|ready|intend|intends|going|aim|aims|hope|hopes|agreed|readiness|intention)\s+to\s+(?:sign|conclude)\b|\bpreparations?\s+(?:for|to)\s+(?:the\s+)?sign(?:ing)?\b|\bwill\s+(?:soon\s+)?sign\b|\b(?:to|will)\s+be\s+signed\b", "negotiating", priority=75),  # noqa: E501
    _cue("en_sign_near_future", r"\bsign(?:ing|ed)?\b[^.;]{0,120}?\b(?:near(?:est)?\s+future|soon)\b|\bimportance\s+of\s+signing\b", "negotiating", priority=76),  # noqa: E501
    _cue("en_upcoming", r"\b(?:upcoming|forthcoming)\b", "negotiating", priority=74, adjacent=True),
    _cue("en_negotiations", r"\bnegotiat(?:ions?|ing|ed)\b|\binitial(?:l)?ed\b", "negotiating", priority=60),  # noqa: E501
    # The UK's 21 sitting days for objections ended: a confirmation of the
    # pending British ratification; "until 21 sitting days have passed" or
    # "must pass" is the rule, not the step.
    _cue("en_sitting_days_ended", r"\b(?:21|twenty-one)[\s-]+sitting[\s-]+days?\b[^.;]{0,80}?(?<!\b(?:have|has|will|must|would|to)\s)\b(?:elapsed|ended|expired|ran\s+out|passed)\b", P, C, priority=88, party="united-kingdom"),  # noqa: E501
    _cue("en_work_on_text", r"\bwork\s+on\s+the\s+(?:text|draft)\s+[^.;:]{0,120}?\b(?:is|continues|remains)\b|\b(?:still|continue[sd]?\s+to|are|is)\s+work(?:ing)?\s+on\s+the\s+(?:text|draft)\b", "negotiating", C, priority=76),  # noqa: E501
    _cue("en_still_in_force", r"\b(?:remains|is\s+still|is\s+already)\s+in\s+force\b", "in_force", C, priority=82),  # noqa: E501
    _cue("en_recently_signed", r"\b(?:recently|newly)\s+signed\b", "signed", C, priority=72),
    _cue("en_signed", r"\bsigned\b|\bsigning\b|\binked\b|\bput\s+(?:their|its|his|her)\s+(?:names|signatures?)\s+to\b|\bput\s+pen\s+to\s+paper\b", "signed", priority=70),  # noqa: E501
    _cue("en_sign", r"(?<!\b(?:a|the)\s)\bsigns?\b(?!\s+of\b)", "signed", priority=55),
    _cue("en_suspended", r"\bsuspend(?:ed|s)\b", "suspended", priority=70),
    _cue("en_terminated", r"\bterminat(?:ed|es)\b|\bdenounc(?:ed|es)\b|\bwithdr[ae]w\s+from\b", "terminated", priority=70),  # noqa: E501
    _cue("en_superseded", r"\b(?:superseded|replaced)\s+by\b", "superseded", priority=70),
]
# fmt: on

# fmt: off
RU = [
    _cue("ru_force_future", r"вступает\s+в\s+силу\s+(?:в\s+первый|на\s+\w+\s+день|через|после|по\s+истечении|с\s+даты|со\s+дня)|вступит\s+в\s+(?:законную\s+)?силу|(?:должн\w+|может|могут)\s+вступить\s+в\s+силу", None, priority=100),  # noqa: E501
    # «чтобы документ вступил в силу»: "for it to enter into force", a purpose.
    _cue("ru_force_purpose", r"чтобы\s+(?:[\w-]+\s+){0,3}?(?:вступил[оаи]?\s+в\s+(?:законную\s+)?силу|начал[оаи]?\s+действовать)", None, priority=100),  # noqa: E501
    _cue("ru_ratify_future", r"(?:должн\w+\s+(?:быть\s+)?|будет\s+|будут\s+|предстоит\s+|может\s+быть\s+)ратифицирова\w+|(?:надеж\w+|рассчитыва\w+|планиру\w+|намерен\w*)\s+(?:\w+\s+){0,2}(?:завершить\s+)?ратифи\w+", None, priority=99),  # noqa: E501
    _cue("ru_not_completed", r"не\s+завершил\w*\s+(?:\w+\s+){0,3}?(?:процедур\w*|ратификаци\w+)|(?:процедур\w*|ратификаци\w+)\s+(?:[\w-]+\s+){0,8}?не\s+(?:завершил\w*|завершен\w*|окончен\w*)|на\s+рассмотрении\s+(?:\w+\s+){0,2}?(?:парламент\w*|Мажилис\w*|Сенат\w*|палат\w*)|(?:ожида\w+|до)\s+завершени\w+\s+(?:\w+\s+){0,2}?(?:процедур\w*|ратификаци\w+)", P, C, priority=93),  # noqa: E501
    _cue("ru_completed_procedures", r"завершил\w*\s+(?:\w+\s+){0,2}?(?:внутригосударственн\w+\s+)?процедур\w*|(?:о|об)\s+завершени\w+\s+(?:\w+\s+){0,2}?процедур\w*", "ratified", priority=92),  # noqa: E501
    _cue("ru_signed_the_law", r"подписал\w*\s+соответствующ\w+\s+закон\w*", "ratified", priority=92, party="kazakhstan"),  # noqa: E501
    # «Закон ... о ратификации Соглашения подписан Главой государства».
    _cue("ru_law_ratification_signed", r"закон\w*\s+(?:[\w-]+\s+){0,5}?[«\"]?о\s+ратификации\s+[^;\n]{0,160}?(?<!быть\s|будет\s)подписан\w*\s+(?:Глав\w+\s+государства|Президент\w*|Токаев\w*)", "ratified", priority=95, party="kazakhstan"),  # noqa: E501
    # «Британская сторона направила свое уведомление»: its note of completion.
    _cue("ru_sent_note", r"(?:направил\w*|передал\w*|вручил\w*)\s+(?:сво[йеюи]\w*\s+)?(?:уведомлени\w+|нот[уаы])(?!\s+протест)(?!\s+о\s+том)", "ratified", priority=91),  # noqa: E501
    _cue("ru_law_ratification", r"подписал\w*\s+закон\s+[«\"]?(?:о\s+ратификации|о\s+ратифицировании)", "ratified", priority=95, party="kazakhstan"),  # noqa: E501
    # «работа над текстом соглашения завершается»: the text is still being
    # worked on (in the present; «продолжалась шесть лет» is background).
    _cue("ru_sitting_days_ended", r"21\s+заседательн\w+\s+(?:день|дня|дней)[^.;]{0,80}?(?:истек(?:ли|ло|л)?|прош(?:ли|ло|[её]л)|завершил\w*|закончил\w*)(?!\w)", P, C, priority=88, party="united-kingdom"),  # noqa: E501
    _cue("ru_work_on_text", r"работ\w*\s+над\s+(?:текстом|проектом)\s+[^.;:]{0,120}?(?:ид[её]т|продолжается|завершается|вед[её]тся)|(?:ид[её]т|продолжается|завершается|вед[её]тся)\s+работ\w*\s+над\s+(?:текстом|проектом)", "negotiating", C, priority=76),  # noqa: E501
    _cue("ru_not_in_force", r"(?:ещ[её]\s+)?не\s+вступил\w*\s+в\s+силу|в\s+силу\s+(?:ещ[её]\s+|пока\s+)?не\s+вступил\w*", P, C, priority=101),  # noqa: E501
    _cue("ru_not_ratified", r"(?:ещ[её]\s+)?не\s+(?:был[оаи]?\s+)?ратифицирован\w*", P, C, priority=90),  # noqa: E501
    # «ноту о завершении процедур пока не направила»: the completion, not yet.
    _cue("ru_not_sent_note", r"(?:ещ[её]\s+|пока\s+)?не\s+(?:направил\w*|прислал\w*|передал\w*)\s+(?:[\w-]+\s+){0,3}?нот\w+(?:\s+о\s+завершени\w+(?:\s+[\w-]+){0,3}?\s+процедур\w*)?|нот\w+\s+(?:[\w-]+\s+){0,14}?(?:ещ[её]\s+|пока\s+)?не\s+(?:направил\w*|прислал\w*|передал\w*|поступил\w*)", P, C, priority=96),  # noqa: E501
    # «в британский парламент пока не внесено»: the laying, not yet.
    _cue("ru_not_laid", r"(?:в|на\s+рассмотрение)\s+(?:британск\w+\s+)?(?:парламент\w*|палат\w*)\s+(?:[\w-]+\s+){0,2}?(?:ещ[её]\s+|пока\s+)?не\s+(?:внес[её]н\w*|внесли|внесено)|(?:ещ[её]\s+|пока\s+)?не\s+(?:внес[её]н\w*|внесено)\s+(?:[\w-]+\s+){0,2}?в\s+(?:британск\w+\s+)?парламент\w*", P, C, priority=95),  # noqa: E501
    # «направило ноту о том, что ратификация ... завершена»: the note of completion.
    _cue("ru_note_of_completion", r"нот\w+\s+(?:о\s+том,?\s+что\s+)(?:[\w-]+\s+){0,12}?(?<!не\s)завершен[аоы]?(?![\p{L}])", "ratified", priority=93),  # noqa: E501
    # «ход внутригосударственных процедур», «процедуры продолжаются»; not the
    # bare genitive of a thesis («этапы внутригосударственных процедур»).
    _cue("ru_ratification_process", r"(?:процесс\w*|ход\w*|процедур\w*)\s+(?:его\s+|е[её]\s+)?ратификаци\w+|внутригосударственн\w+\s+процедур(?:ы|ам|ами|ах)(?!\w)|ход\w*\s+внутригосударственн\w+\s+процедур(?!\w)", P, C, priority=90),  # noqa: E501
    _cue("ru_swift_ratification", r"скорейш\w+\s+ратификаци\w+|ожида\w+\s+ратификаци\w+|ратифицировать", P, C, priority=90),  # noqa: E501
    _cue("ru_discussed_ratification", r"(?:обсудил\w*|рассмотрел\w*|обсуждал\w*|обсуждени\w*)\s+(?:\w+\s+){0,2}ратификаци\w+", P, C, priority=91),  # noqa: E501
    _cue("ru_ratification_bill", r"законопроект\w*\s+[«\"]?о\s+ратификации|проект\w*\s+закона\s+[«\"]?о\s+ратификации|вн[её]с\w*\s+(?:\w+\s+){0,8}?на\s+рассмотрение\s+(?:палат\w*\s+)?(?:Мажилис\w*|парламент\w*|Сенат\w*|палат\w*)|вн[её]с\w*\s+(?:[\w-]+\s+){0,8}?(?:в\s+Мажилис|в\s+(?:сво[йей]\s+|британский\s+)?парламент|в\s+нижнюю\s+палату|в\s+Сенат|в\s+палат\w*|на\s+ратификацию)|направлен\w*\s+(?:\w+\s+){0,2}на\s+ратификацию", P, priority=85),  # noqa: E501
    # «законопроект внесен правительством»: a government submits a bill to
    # Parliament, so the bill is before it even when the chamber goes unsaid.
    # A submission to come («будет внесен», «внесет», «должен быть внесен») is a plan.
    _cue("ru_parliament_received", r"(?:британск\w+\s+парламент\w*|парламент\w*\s+(?:Великобритании|Соединенного\s+Королевства))\s+получил\w*\s+(?:текст|документ|соглашение)", P, priority=85, party="united-kingdom"),  # noqa: E501
    _cue("ru_submit_future", r"(?:будет|будут|долж\w*\s+быть|может\s+быть|могут\s+быть)\s+(?:\w+\s+)?вн[её]с[её]н\w*|вн[её]с[её]т|внесут|внести", None, priority=88),  # noqa: E501
    _cue("ru_submitted_by_government", r"вн[её]с[её]н\w*\s+(?:\w+\s+){0,2}?правительств\w*|правительств\w*\s+(?:\w+\s+){0,2}?вн[её]сл\w*\s+(?:\w+\s+){0,2}?(?:законопроект\w*|документ\w*|проект\w*)", P, priority=85),  # noqa: E501
    # «текст был представлен Парламенту Соединенного Королевства»: laid before it.
    _cue("ru_presented_to_parliament", r"представлен\w*\s+(?:\w+\s+){0,2}?(?:Парламент\w*|палат\w*)|представил\w*\s+(?:\w+\s+){0,3}?(?:Парламент\w*|палат\w*)", P, priority=85),  # noqa: E501
    _cue("ru_review_of_text", r"(?:провел\w*|провела|проводит|проведет)\s+(?:\w+\s+){0,2}?дополнительн\w+\s+(?:экспертиз\w+|проверк\w+|рассмотрени\w+|анализ\w*)", P, priority=84),  # noqa: E501
    # «новые министры захотели еще раз изучить текст»: the same review, told as a second look.
    _cue("ru_review_again", r"(?:перечит\w+|пересматрива\w+|изуча\w+)\s+(?:вс[её]\s+|текст\w*\s+|документ\w*\s+)?(?:заново|ещ[её]\s+раз|повторно)|(?:дополнительн\w+|повторн\w+)\s+(?:изучени\w+|рассмотрени\w+)\s+(?:текст\w*|документ\w*|соглашени\w*)|(?:ещ[её]\s+раз|заново|повторно|дополнительно)\s+(?:изуч\w+|рассматрива\w+|рассмотре\w+|пересм\w+|проанализирова\w+|провер\w+)\s+(?:\w+\s+)?(?:текст\w*|документ\w*|соглашени\w*)|(?:текст\w*|документ\w*|соглашени\w*)\s+(?:[\w-]+\s+){0,7}?(?:ещ[её]\s+раз|заново|повторно|дополнительно)\s+(?:изуч\w+|рассматрива\w+|пересм\w+|провер\w+)", P, priority=84, dated_only=True),  # noqa: E501  # noqa: E501
    _cue("ru_adopted_ratification_law", r"принял\w*\s+(?:\w+\s+){0,2}закон\w*\s+[«\"]?о\s+ратификации", P, priority=86),  # noqa: E501
    _cue("ru_approved_ratification_bill", r"одобрил\w*\s+(?:\w+\s+){0,2}(?:закон\w*|законопроект\w*)\s+[«\"]?о\s+(?:его\s+|е[её]\s+)?ратификации|(?:закон\w*|законопроект\w*)\s+(?:\w+\s+){0,3}?(?:одобрил\w*|одобрен\w*|принят\w*|принял\w*)", P, priority=86),  # noqa: E501
    # Russian puts the verb first as often as not: «документ одобрили Мажилис и Сенат».
    _cue("ru_chamber_approved", r"одобрил\w*\s+(?:\w+\s+)?(?:Мажилис\w*|Сенат\w*|депутат\w*|сенатор\w*|Парламент\w*|палат\w*)|(?:Мажилис\w*|Сенат\w*|депутат\w*|сенатор\w*)\s+(?:\w+\s+){0,3}?(?:одобрил\w*|поддержал\w*)", P, priority=85, party="kazakhstan"),  # noqa: E501
    _cue("ru_ratified", r"ратифицировал\w*|ратифицирован[оаы]?(?!\w)|завершил\w*\s+ратификаци\w+|ратификаци\w+\s+завершен\w*", "ratified", priority=80),  # noqa: E501
    _cue("ru_in_force", r"вступил[оаи]?\s+в\s+(?:законную\s+)?(?:силу|действие)|вступает\s+в\s+(?:силу|действие)", "in_force", priority=80),  # noqa: E501
    _cue("ru_set_to_sign", r"(?:планиру\w+|намерен\w*|намерены|готов\w*|готовят\w*|собира\w+|рассчитыва\w+|предполага\w+|договорились|готовность)\s+(?:\w+\s+){0,2}подписа\w+|подпиш\w+|будет\s+подписан\w*|предстоящ\w+\s+подписани\w+|важност\w+\s+подписания", "negotiating", priority=75),  # noqa: E501
    _cue("ru_sign_near_future", r"подпис\w+\s+(?:\w+\s+){0,8}?в\s+ближайшее\s+время|в\s+ближайшее\s+время\s+(?:\w+\s+){0,4}подпис\w+", "negotiating", priority=76),  # noqa: E501
    _cue("ru_negotiations", r"переговор\w+\s+(?:по|о|об)\s|парафирова\w+", "negotiating", priority=60),  # noqa: E501
    _cue("ru_to_signing", r"(?:готов\w*|подготовк\w*)\s+к\s+подписанию", "negotiating", priority=77),  # noqa: E501
    _cue("ru_still_in_force", r"оста[её]тся\s+в\s+силе", "in_force", C, priority=82),
    _cue("ru_recently_signed", r"недавно\s+подписанн\w+", "signed", C, priority=72),
    _cue("ru_signed", r"подписал\w*|подписан\w*|подписани\w+|заключил\w*|заключ[её]н\w*", "signed", priority=70),  # noqa: E501
    _cue("ru_suspended", r"приостанов\w+", "suspended", priority=70),
    _cue("ru_terminated", r"денонсир\w+|прекратил\w*\s+действие", "terminated", priority=70),
]
# fmt: on

# fmt: off
KK = [
    _cue("kk_parliament_received", r"(?:британ\w*|Ұлыбритания\w*)\s+парламент\w*\s+(?:[\w-]+\s+){0,3}?(?:мәтінін|құжатты|келісімді)\s+алды", P, priority=85, party="united-kingdom"),  # noqa: E501
    _cue("kk_force_future", r"күшіне\s+енеді|күшіне\s+енуі\s+(?:тиіс|керек|күтілуде|үшін)", None, priority=100),  # noqa: E501
    _cue("kk_ratify_future", r"ратификациялануы\s+(?:тиіс|керек|қажет)|ратификацияланады|ратификациялауы\s+(?:тиіс|керек)", None, priority=99),  # noqa: E501
    # «ратификациялау үдерісінен кейін»: after the process, background to what followed.
    _cue("kk_after_ratification", r"ратификациялау\w*\s+(?:(?:процесі|үдерісі|рәсімдері)\w*\s+)?кейін", None, priority=95),  # noqa: E501
    # «ратификациялау үдерісі ... аяқталды»: the process finished is the ratification.
    _cue("kk_process_completed", r"ратификациялау\s+(?:процесі|үдерісі)\s+(?:[\w-]+\s+){0,4}?(?:аяқталды|бітті)", "ratified", priority=92),  # noqa: E501
    _cue("kk_sitting_days_ended", r"21\s+отырыс\s+күн\w*[^.;]{0,100}?(?:аяқталды|аяқталған|өтті|өткен)(?!\w)", P, C, priority=88, party="united-kingdom"),  # noqa: E501
    _cue("kk_work_on_text", r"мәтін\w*\s+(?:бойынша|үстінде)\s+жұмыс\s+(?:жүргізілуде|жалғасуда|аяқталуда|жүріп\s+жатыр)", "negotiating", C, priority=76),  # noqa: E501
    _cue("kk_not_completed", r"(?:рәсім\w*|ратификациялау\w*)\s+(?:\w+\s+){0,3}?(?:аяқтаған\s+жоқ|аяқтамады|аяқталмаған|аяқталған\s+жоқ|аяқтамаған)|(?:Парламент\w*|Мәжіліс\w*|Сенат\w*)\s+қарауында", P, C, priority=93),  # noqa: E501
    _cue("kk_completed_procedures", r"(?:рәсімдер\w*|ратификациялау\w*)\s+(?:[\w-]+\s+){0,6}?аяқта(?:ды|лды|п|ған|лған)(?![\p{L}])", "ratified", priority=92),  # noqa: E501
    # «рәсімдердің аяқталғаны туралы нотасын әлі жолдаған жоқ»: the note of
    # completion not yet sent is no completion.
    _cue("kk_not_sent_note", r"(?:(?:[\w-]+\s+){0,2}?рәсімдер\w*\s+аяқталғаны\s+туралы\s+)?нота\w*\s+(?:әлі\s+)?(?:жолдаған\s+жоқ|жолдамаған|жолдамады|жіберген\s+жоқ|жібермеген|жібермеді)", P, C, priority=96),  # noqa: E501
    _cue("kk_law_approved", r"(?:[Зз]аң(?:ды|ға)?|[Зз]аң\s+жобасы\w*)\s+(?:\w+\s+){0,4}?(?:мақұлда\w+|қабылда\w+)", P, priority=84),  # noqa: E501
    # «Заңға Мемлекет басшысы ... қол қойды»: the ratification law, named before.
    _cue("kk_head_of_state_signed_law", r"[Зз]аң(?:ға|ды)\s+(?:[\w-]+\s+){0,2}?(?:Мемлекет\s+басшысы|Президент\w*|Тоқаев)\s+(?:[\w-]+\s+){0,4}?қол\s+қойды", "ratified", priority=95, party="kazakhstan"),  # noqa: E501
    # «британдық әріптестеріміз ... өз нотасын жолдады»: its note of completion.
    _cue("kk_sent_note", r"(?:өз\s+)?нота(?:сын|ны)\s+(?:[\w-]+\s+){0,4}?(?:жолдады|жіберді|тапсырды)(?!\p{L})", "ratified", priority=91),  # noqa: E501
    # «Мәжіліс оны 15 сәуірде мақұлдаған»: a chamber's vote, the law unnamed.
    _cue("kk_chamber_approved", r"(?:Мәжіліс|Сенат|депутат\w*|сенатор\w*)\s+(?:[\w-]+\s+){0,3}?(?:мақұлда\w+|қолдады|қолдаған)", P, priority=83, party="kazakhstan", dated_only=True),  # noqa: E501
    # «құжатты қайта қарап шықты»: a new government's second look at the text.
    _cue("kk_review_again", r"(?:құжат|мәтін|келісім)\w*\s+(?:[\w-]+\s+){0,4}?қайта\s+(?:қарап\s+шық\w+|қарады|қараған|қарап\s+шықты)", P, priority=84, dated_only=True),  # noqa: E501
    # «келісімнің күшіне енген күні»: the date of entry into force, named, not told.
    _cue("kk_entry_day_named", r"күшіне\s+енген\s+күн\w*", None, priority=100),
    # «күшіне енген жағдайда / кезде»: "in case / when it enters into force", a condition.
    _cue("kk_force_condition", r"күшіне\s+енген\s+(?:жағдайда|кезде|кезінде|сәтте|уақытта|соң)", None, priority=100),  # noqa: E501
    _cue("kk_law_ratification", r"ратификациялау\s+туралы[»\"]?\s+(?:\S+\s+){0,3}?заң\w*\s+қол\s+қойды", "ratified", priority=95, party="kazakhstan"),  # noqa: E501
    _cue("kk_not_in_force", r"(?:әлі\s+)?күшіне\s+енбеген", P, C, priority=101),
    _cue("kk_approved_ratification_law", r"ратификациялау\s+туралы[»\"]?\s+заң\w*\s+(?:\w+\s+){0,2}(?:мақұлда\w+|қабылда\w+)", P, priority=86),  # noqa: E501
    _cue("kk_sent_for_ratification", r"ратификациялауға\s+(?:\w+\s+){0,2}(?:жіберілді|енгізілді|ұсынылды)|(?:Мәжіліс|Парламент)\w*\s+қарауына\s+(?:\w+\s+)?енгіз\w*|(?:Парламент\w*|палата\w*)\s+(?:\w+\s+){0,2}?(?:ұсынылды|ұсынды|ұсынылған)", P, priority=85),  # noqa: E501
    _cue("kk_not_ratified", r"(?:әлі\s+)?(?:ратификацияланбаған|бекітілмеген)", P, C, priority=90),
    _cue("kk_ratification_process", r"ратификациялау\s+(?:процесі|үдерісі|рәсімдері|барысы|мәселесі)\w*|мемлекетішілік\s+рәсімдер\w*|ішкімемлекеттік\s+рәсімдер\w*", P, C, priority=90),  # noqa: E501
    _cue("kk_swift_ratification", r"(?:жедел|тезірек|жылдам|тез арада)\s+ратификация\w*", P, C, priority=90),  # noqa: E501
    _cue("kk_discussed_ratification", r"ратификациялау\w*\s+(?:\w+\s+){0,2}(?:талқылады|талқыланды|қарады|қаралды)", P, C, priority=91),  # noqa: E501
    _cue("kk_ratification_bill", r"ратификациялау\s+туралы\s+заң\s+жобасы\w*|[Пп]арламент(?:ке|іне)\s+(?:[\w-]+\s+){0,4}?енгіз\w+|Мәжіліске\s+(?:\w+\s+){0,2}енгіз\w+", P, priority=85),  # noqa: E501
    # «құжатты қосымша сараптамаға алды»: took the text for a further review.
    _cue("kk_review_of_text", r"қосымша\s+(?:сараптама\w*|тексеру\w*)\s+(?:\w+\s+){0,2}?(?:жүргізді|жүргізген|өткізді|алды|алған|жіберді)(?!\p{L})", P, priority=84),  # noqa: E501
    _cue("kk_ratified", r"ратификациялады|ратификацияланды|ратификацияланған|ратификациялаған(?![\p{L}])|ратификациялау\s+аяқталды", "ratified", priority=80),  # noqa: E501
    _cue("kk_in_force", r"күшіне\s+енді|күшіне\s+енген|күшіне\s+кірді", "in_force", priority=80),
    _cue("kk_set_to_sign", r"қол\s+қою\w*\s+(?:\w+\s+){0,2}?(?:дайын\w*|жоспарла\w*|ниет\w*|көзделуде|күтілуде|әзірлен\w*)|қол\s+қойылады|қол\s+қоймақ|қол\s+қоюдың\s+маңыздылығ\w*|қол\s+қоюға\s+(?:\w+\s+)?дайын\w*", "negotiating", priority=75),  # noqa: E501
    _cue("kk_sign_near_future", r"(?:таяу|жақын)\s+(?:арада|уақытта|болашақта)\s+(?:\w+\s+){0,4}қол\s+қой\w*", "negotiating", priority=76),  # noqa: E501
    _cue("kk_negotiations", r"келіссөздер\w*\s+(?:\w+\s+)?(?:жүргізу|бастал|жүріп)|парафта\w+", "negotiating", priority=60),  # noqa: E501
    # «жол картасы қабылданды», «бекітілген ... жол картасы»: a plan adopted is made.
    _cue("kk_plan_adopted", r"(?:жол\s+картас\w*|меморандум\w*|іс-қимыл\s+жоспар\w*)\s+(?:[\w-]+\s+){0,2}?(?:қабылданды|бекітілді|қабылдады|бекітті)(?!\p{L})|(?:бекітілген|қабылданған)\s+(?:[\w-]+\s+){0,6}?жол\s+картас\w*", "signed", priority=66),  # noqa: E501
    _cue("kk_recently_signed", r"жақында\s+қол\s+қойылған", "signed", C, priority=72),
    _cue("kk_signed", r"қол\s+қой(?:ды|ылды|ылған|ған|ысты|ылғаны|ылуы|ылып)\w*|қол\s+қою\s+рәсімі\w*|жасасты(?!\p{L})", "signed", priority=70),  # noqa: E501
]
# fmt: on

CUES: dict[str, list[Cue]] = {"en": EN, "ru": RU, "kk": KK}

# fmt: off
PARTY_HINTS: dict[str, list[tuple[str, regex.Pattern[str]]]] = {
    "en": [
        ("kazakhstan", regex.compile(r"\b(?:Mazhilis|Majilis|Senate|Kazakh\s+(?:Parliament|side|lawmakers|senators|government|MPs)|Kazakhstan's\s+Parliament|Parliament\s+of\s+Kazakhstan|Tokayev|Astana|(?:Kazakh|Kazakhstan's)\s+(?:\w+\s+)?(?:procedures|ratification))\b", regex.VERSION1)),  # noqa: E501
        ("united-kingdom", regex.compile(r"\b(?:(?:UK|U\.K\.|British)\s+(?:Parliament|government|side|lawmakers|MPs|leadership)|Parliament|House\s+of\s+(?:Commons|Lords)|Westminster|CRaG|London|(?:UK|U\.K\.|Britain|British)(?:'s)?\s+(?:\w+\s+)?(?:procedures|ratification))\b", regex.VERSION1)),  # noqa: E501
    ],
    "ru": [
        ("kazakhstan", regex.compile(r"(?<!Республик\w{0,3}\s)Казахстан(?!\w)|Закон\w*\s+(?:РК|Республики\s+Казахстан)|Мажилис\w*|Сенат\w*|Парламент\w*\s+(?:РК|Казахстана|Республики\s+Казахстан)|Токаев\w*|казахстанск\w+\s+сторон\w+|Астан\w+|казахстанск\w+\s+(?:\w+\s+)?(?:процедур\w*|ратификаци\w*)", I)),  # noqa: E501
        ("united-kingdom", regex.compile(r"Соединенн(?:ое|ым)\s+Королевств(?:о|ом)(?!\w)|(?:британск\w+|Великобритании|Соединенного\s+Королевства)\s+(?:парламент\w*|сторон\w+|правительств\w*)|парламент\w*\s+(?:Великобритании|Соединенного\s+Королевства)|Палат\w+\s+общин|Вестминстер\w*|Лондон\w*|британск\w+\s+(?:\w+\s+)?(?:процедур\w*|ратификаци\w*)", I)),  # noqa: E501
    ],
    "kk": [
        ("kazakhstan", regex.compile(r"Мәжіліс\w*|Сенат\w*|Тоқаев\w*|Қазақстан\s+Парламенті\w*|қазақстандық\s+тарап\w*|Астана\w*", I)),  # noqa: E501
        ("united-kingdom", regex.compile(r"Ұлыбританияның|Ұлыбритания\s+(?:Парламенті\w*|үкіметі\w*)|британ\w*\s+(?:парламенті\w*|тарап\w*|үкіметі\w*)|Қауымдар\s+палатасы\w*|Лондон\w*", I)),  # noqa: E501
    ],
}
# fmt: on
# A nationality qualifying the procedures themselves ("British domestic
# procedures", «британские внутригосударственные процедуры») is the nearest
# hint there can be: it overlaps the cue.
# Steps that belong to one country (the others are both parties' at once).
ONE_PARTY_STATUSES = frozenset({"ratification_pending", "ratified"})


def find_cues(
    text: str,
    language: str,
    start: int = 0,
    end: int | None = None,
    extra: list[CueMatch] = (),
) -> list[CueMatch]:
    """The status cues in `text[start:end]`, overlaps resolved by priority;
    `extra` are cues found otherwise (the stem reader's), resolved with them."""
    end = len(text) if end is None else end
    found = [
        CueMatch(cue, m.start(), m.end())
        for cue in CUES[language]
        for m in cue.pattern.finditer(text, start, end)
    ]
    found.extend(extra)
    found.sort(key=lambda c: (-c.cue.priority, c.start))
    kept: list[CueMatch] = []
    for cue in found:
        if any(k.start < cue.end and cue.start < k.end for k in kept):
            continue
        kept.append(cue)
    kept.sort(key=lambda c: c.start)
    return [c for c in kept if c.cue.status is not None]


def has_forecast(text: str, language: str, start: int, end: int) -> bool:
    """Does `text[start:end]` hold a forecast or a negated future (a blocker cue)?"""
    return any(
        cue.status is None and cue.pattern.search(text, start, end) for cue in CUES[language]
    )


def party_for(text: str, cue: CueMatch, language: str, start: int, end: int) -> str | None:
    """Whose step a one-party cue is, from the nearest actor in the sentence."""
    if cue.status not in ONE_PARTY_STATUSES:
        return None
    if cue.cue.party:
        return cue.cue.party
    best: tuple[int, str] | None = None
    for party, pattern in PARTY_HINTS[language]:
        for m in pattern.finditer(text, start, end):
            distance = max(0, m.start() - cue.end, cue.start - m.end())
            if best is None or distance < best[0]:
                best = (distance, party)
    return best[1] if best else None


# --- Other kinds of fact ------------------------------------------------------------

# fmt: off
MEETING_CUES: dict[str, regex.Pattern[str]] = {
    "en": _words(r"\b(?:held|hosted|met|meets|meeting|talks|visit(?:ed|s)?|session|round|convened|received|chaired|co-chaired)\b"),  # noqa: E501
    "ru": _words(r"встреч\w+|встретил\w*|переговор\w+|визит\w*|заседани\w+|состоял\w+|прош[её]л\w*|принял\w*|провел\w*|председательств\w+"),  # noqa: E501
    "kk": _words(r"кездес\w+|келіссөз\w+|сапар\w*|отырыс\w*|өтті|өткен|қабылдады|жиналыс\w*|төрағалық\w*"),  # noqa: E501
}
# fmt: on
# fmt: off
COMMITMENT_CUES: dict[str, regex.Pattern[str]] = {
    "en": _words(r"\b(?:plans?\s+to|planning\s+to|intends?\s+to|intention\s+to|committed\s+to|pledged\s+to|promised\s+to|agreed\s+to|will\s+open|is\s+set\s+to\s+open|set\s+to\s+open|will\s+launch|to\s+launch|will\s+double|to\s+double|is\s+on\s+the\s+agenda|is\s+expected\s+to|are\s+expected\s+to|announc\w+\s+(?:that|plans|the\s+opening))\b"),  # noqa: E501
    "ru": _words(r"планиру\w+|намерен\w*|договорились|пообещал\w*|обязал\w*|откро\w+\s+(?:\w+\s+){0,2}(?:кампус|филиал|представительств)\w*|будет\s+открыт\w*|запуст\w+|удво\w+|в\s+планах|ожидается"),  # noqa: E501
    "kk": _words(r"жоспарла\w+|ниет\w*|уағдаласты|уәде\w*|ашылады|ашпақ|іске\s+қосыл\w+|екі\s+есе\s+арттыр\w*|күтілуде"),  # noqa: E501
}
# fmt: on

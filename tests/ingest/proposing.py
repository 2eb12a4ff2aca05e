"""What the extractor proposes for a sentence written for a test, in the
shapes the rule tests compare: shared by every round of rule tests
(test_error_rules*.py, test_structure_rules.py), which differ only in
which fields of a step they look at and whether the lead comes first."""

from ingest.extract import extract
from ingest.extract.dates import find_dates

# The articles are about the two countries; a sentence that names them comes first.
LEAD = {
    "en": "Kazakhstan and the United Kingdom issued a joint statement.\n",
    "ru": "Казахстан и Великобритания выступили с совместным заявлением.\n",
    "kk": "Қазақстан мен Ұлыбритания бірлескен мәлімдеме жасады.\n",
}

CHANGE_OR_CONFIRMATION = ("target", "status", "event", "date")


def status_steps(
    gazetteer, text, published, language, *, lead=True, fields=CHANGE_OR_CONFIRMATION
) -> set[tuple]:
    """The named `fields` of every status step proposed for `text`, after
    the lead sentence unless `lead` is false."""
    proposals = extract(
        (LEAD[language] if lead else "") + text,
        published=published,
        language=language,
        gazetteer=gazetteer,
        kinds=["status_event"],
    )
    return {tuple(getattr(p, name) for name in fields) for p in proposals}


def found_dates(text, language, published) -> list[tuple[str, str]]:
    """(the words, the ISO date) of every date found in `text`."""
    return [
        (d.text, d.value.iso()) for d in find_dates(text, published=published, language=language)
    ]

"""The Russian and Kazakh translations of the seed content
(seeding/translations/content.yaml) name only records and fields that exist,
say something in both languages, and label their review state honestly.

No database: the file is read as data, before any loader uses it."""

import re
import warnings
from functools import cache
from pathlib import Path

import pytest
import yaml

SEEDING = Path(__file__).resolve().parents[2] / "seeding"
TRANSLATIONS = SEEDING / "translations" / "content.yaml"

STATES = {"machine", "reviewed"}
ENTRY_KEYS = {"en", "ru", "kk", "state_ru", "state_kk", "note"}
# Nested lists translated item by item, addressed by 0-based position.
LIST_FIELDS = {"status_events", "participants", "posts"}
ITEM_KEYS = {"position", "en_note"}

# Latin script allowed in Russian and Kazakh text outside quotations: names
# that Russian- and Kazakh-language media keep in Latin, and acronyms.
ALLOWED_LATIN = (
    "Creative Marketing Services",
    "Vektor Management Ltd",
    "I-Yorkshire",
    "Chevening",
    "Kazinform",
    "COP29",
    "GLAA",
    "IISS",
)
LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]")
KAZAKH_ONLY = re.compile(r"[ӘәҒғҚқҢңӨөҰұҮүҺһІі]")
# A quotation kept in its source's language: «…» with no Cyrillic inside.
FOREIGN_QUOTE = re.compile(r"«[^«»]*»")


class StaleTranslation(UserWarning):
    """The English a translation was made from has since changed."""


@cache
def translations() -> dict:
    return yaml.safe_load(TRANSLATIONS.read_text(encoding="utf-8"))


@cache
def seed(file: str) -> dict[str, dict]:
    path = SEEDING / "data" / f"{file}.yaml"
    return {record["slug"]: record for record in yaml.safe_load(path.read_text(encoding="utf-8"))}


def entries():
    """Every translated text: (where, entry, the seed's current English)."""
    for file, records in translations().items():
        for slug, fields in records.items():
            record = seed(file)[slug]
            for field, value in fields.items():
                where = f"{file}.{slug}.{field}"
                if field in LIST_FIELDS:
                    yield from _list_entries(where, record[field], value)
                else:
                    yield where, value, record[field]


def _list_entries(where, items, translated_items):
    for translated in translated_items:
        item = items[translated["position"]]
        for field, value in translated.items():
            if field not in ITEM_KEYS:
                yield f"{where}[{translated['position']}].{field}", value, item[field]


def _without_foreign_quotes(text: str) -> str:
    return FOREIGN_QUOTE.sub(lambda m: m.group() if CYRILLIC.search(m.group()) else " ", text)


def test_the_file_names_only_seed_files_and_records():
    for file, records in translations().items():
        assert (SEEDING / "data" / f"{file}.yaml").exists(), file
        missing = set(records) - set(seed(file))
        assert not missing, f"{file}: no such records {sorted(missing)}"


def test_every_field_and_list_item_exists_in_the_seed():
    for file, records in translations().items():
        for slug, fields in records.items():
            record = seed(file)[slug]
            for field, value in fields.items():
                assert field in record, f"{file}.{slug} has no field {field}"
                if field in LIST_FIELDS:
                    _assert_items_exist(f"{file}.{slug}.{field}", record[field], value)
                else:
                    assert isinstance(record[field], str) and record[field].strip()


def _assert_items_exist(where, items, translated_items):
    for translated in translated_items:
        position = translated["position"]
        assert 0 <= position < len(items), f"{where}: no item at position {position}"
        item = items[position]
        if "en_note" in translated:
            assert "note" in translated, f"{where}[{position}]: en_note without a note"
        for field in set(translated) - ITEM_KEYS:
            assert isinstance(item.get(field), str) and item[field].strip(), (
                f"{where}[{position}] has no text in {field}"
            )


def test_each_translation_has_both_languages_and_a_known_state():
    for where, entry, _english in entries():
        assert set(entry) <= ENTRY_KEYS, f"{where}: unknown keys {set(entry) - ENTRY_KEYS}"
        for lang in ("ru", "kk"):
            assert isinstance(entry.get(lang), str) and entry[lang].strip(), (
                f"{where}: empty {lang}"
            )
            assert entry.get(f"state_{lang}") in STATES, f"{where}: bad state_{lang}"


def test_a_reviewed_translation_says_where_it_was_checked():
    for where, entry, _english in entries():
        if "reviewed" in (entry["state_ru"], entry["state_kk"]):
            assert entry.get("note", "").strip(), f"{where}: reviewed without a note"


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_no_latin_script_outside_quotations_and_listed_names(lang):
    for where, entry, _english in entries():
        text = _without_foreign_quotes(entry[lang])
        for name in ALLOWED_LATIN:
            text = text.replace(name, " ")
        assert not LATIN.search(text), f"{where} ({lang}): Latin script in {text!r}"


def test_kazakh_is_not_russian_pasted_in():
    """A Kazakh sentence of five words or more uses letters Russian lacks
    (shorter texts such as «2,8 млрд фунт стерлинг» may not)."""
    for where, entry, _english in entries():
        kazakh = _without_foreign_quotes(entry["kk"])
        if len(kazakh.split()) >= 5:
            assert KAZAKH_ONLY.search(kazakh), f"{where}: no Kazakh letters in {kazakh!r}"
            assert entry["kk"] != entry["ru"], f"{where}: kk is a copy of ru"


def test_translations_record_the_english_they_were_made_from():
    """The seed is edited in parallel: a changed English text makes its
    translation stale. That is reported, not failed, so a seed correction
    does not break the suite; the loader must not show a stale text."""
    for where, entry, english in entries():
        assert entry.get("en", "").strip(), f"{where}: no en"
        if entry["en"] != english:
            warnings.warn(
                f"{where}: the English has changed since translation",
                StaleTranslation,
                stacklevel=2,
            )

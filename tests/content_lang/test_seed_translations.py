"""Russian and Kazakh in the seed YAML (issue 16 item 2): every text that
has a column per language is translated into both, with its review state;
load_seeds reads them, export_seeds writes them back, and a translation the
site cannot hold is an error naming the file, the record and the field."""

import re
from functools import cache
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from agreements.models import Agreement
from core.content_lang import pick
from people.models import Person
from seeding.loader.handlers import registry

DATA = Path(settings.SEEDS_DIR) / "data"


@cache
def _seed(file: str) -> list[dict]:
    return yaml.safe_load((DATA / file).read_text(encoding="utf-8"))


def _translated_items():
    """(where, item, translated field names) for every record and nested item."""
    for handler in registry.handlers():
        keys = [key for key in handler.allowed_keys() if key.endswith("_ru")]
        if not keys:
            continue
        fields = [key.removesuffix("_ru") for key in keys]
        for record in _seed(handler.file):
            yield f"{handler.file} {record['slug']}", record, fields
            for list_key in ("status_events", "posts", "participants"):
                for index, item in enumerate(record.get(list_key) or []):
                    child_fields = [
                        f
                        for f in ("note", "title", "date_note", "start_on_note", "end_on_note")
                        if f"{f}_ru" in item or f in item
                    ]
                    yield f"{handler.file} {record['slug']} {list_key}[{index}]", item, child_fields


def _is_a_code(field: str, value) -> bool:
    """A figure's unit written as a currency code (GBP, USD) is the same in
    every language and is formatted per language by core.l10n."""
    return field == "unit" and bool(re.fullmatch(r"[A-Z]{3}", str(value)))


def test_every_translated_text_of_the_seeds_is_in_russian_and_kazakh_with_a_state():
    missing, unstated = [], []
    for where, item, fields in _translated_items():
        review = item.get("translation_review") or {}
        for field in fields:
            if not item.get(field) or _is_a_code(field, item[field]):
                continue
            for language in ("ru", "kk"):
                if not item.get(f"{field}_{language}"):
                    missing.append(f"{where} {field}_{language}")
                elif review.get(f"{field}_{language}") not in ("machine", "reviewed"):
                    unstated.append(f"{where} {field}_{language}")
    assert not missing
    assert not unstated


def test_kazakh_uses_the_kazakh_letters():
    kazakh = [
        item[f"{field}_kk"]
        for _where, item, fields in _translated_items()
        for field in fields
        if item.get(f"{field}_kk")
    ]
    # Not Russian pasted in: most Kazakh texts have one of the letters
    # Russian lacks; names alone (Астана) may not.
    # Places and units are single words or names: only sentences are counted.
    sentences = [text for text in kazakh if len(text.split()) >= 3]
    with_letters = [text for text in sentences if re.search("[әғқңөұүһі]", text, re.IGNORECASE)]
    assert len(with_letters) / len(sentences) > 0.9


@pytest.mark.django_db
def test_the_loaded_seeds_carry_every_language_and_review_state(seeded):
    spca = Agreement.objects.get(slug="spca")
    assert spca.short_title_ru == "Соглашение о стратегическом партнерстве и сотрудничестве"
    assert spca.translation_review["short_title_ru"] == "reviewed"
    assert pick(spca, "short_title", "kk").text.endswith("туралы келісім")
    assert pick(spca, "title", "kk").review == "machine"
    tokayev = Person.objects.get(name_en__startswith="Kassym-Jomart")
    assert (tokayev.name_ru, tokayev.name_kk) == ("Касым-Жомарт Токаев", "Қасым-Жомарт Тоқаев")
    event = spca.status_events.exclude(note_en="").first()
    assert event.note_ru and event.note_kk


@pytest.mark.django_db
def test_export_then_load_is_a_no_op_with_the_translations(seeded, tmp_path, load):
    call_command("export_seeds", "--output", str(tmp_path), stdout=None)
    exported = (tmp_path / "data" / "agreements.yaml").read_text(encoding="utf-8")
    assert "title_kk:" in exported
    assert "translation_review:" in exported
    (tmp_path / "sources").mkdir(exist_ok=True)
    for source in (Path(settings.SEEDS_DIR) / "sources").iterdir():
        (tmp_path / "sources" / source.name).write_bytes(source.read_bytes())
    output = load(seeds_dir=tmp_path)
    assert "0 created, 0 updated" in output


@pytest.mark.django_db
def test_a_database_loaded_before_the_translations_takes_them_as_an_update(seeds_copy, load):
    """The translations leave an untranslated record's digest as it was, so a
    database loaded from the English-only seeds is updated, not skipped as
    if an editor had changed it."""
    english_only = seeds_copy.parent / "english"
    (english_only / "data").mkdir(parents=True)
    (english_only / "sources").symlink_to(seeds_copy / "sources")
    for path in (seeds_copy / "data").iterdir():
        lines = path.read_text(encoding="utf-8").split("\n")
        kept = [
            line
            for line in lines
            if not re.match(r"^\s+(-\s+)?(\w+_(ru|kk)|translation_review):", line)
        ]
        (english_only / "data" / path.name).write_text("\n".join(kept), encoding="utf-8")
    load(seeds_dir=english_only)
    assert Agreement.objects.get(slug="spca").title_ru is None
    output = load(seeds_dir=seeds_copy)
    assert "0 skipped" in output.splitlines()[-1]
    assert Agreement.objects.get(slug="spca").title_ru.startswith("Соглашение")


BAD_TRANSLATIONS = {
    "unknown language": (
        '  short_title_ru: "Соглашение о стратегическом партнерстве и сотрудничестве"\n',
        '  short_title_ru: "Соглашение о стратегическом партнерстве и сотрудничестве"\n'
        '  short_title_de: "Abkommen"\n',
        ["agreements.yaml", "record 'spca'", "field 'short_title_de'", "'de' is not a language"],
    ),
    "field without translations": (
        "  kind: agreement\n",
        '  kind: agreement\n  treaty_series_number_ru: "1"\n',
        ["record 'spca'", "field 'treaty_series_number_ru'", "'treaty_series_number' has no"],
    ),
    "unknown review state": (
        "short_title_ru: reviewed,",
        "short_title_ru: checked,",
        ["record 'spca'", "field 'translation_review.short_title_ru'", "'checked' is not one of"],
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", BAD_TRANSLATIONS, ids=list(BAD_TRANSLATIONS))
def test_a_translation_the_site_cannot_hold_is_an_error_naming_where(case, seeds_copy, load):
    old, new, expected = BAD_TRANSLATIONS[case]
    path = seeds_copy / "data" / "agreements.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- slug: spca\n")
    assert old in text[start:], f"{old!r}: the test's premise is stale"
    path.write_text(text[:start] + text[start:].replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        load(seeds_dir=seeds_copy)
    for part in expected:
        assert part in str(error.value)
    assert not Agreement.objects.exists()

import shutil

import pytest
import yaml

from ingest.extract.build import build_gazetteer
from ingest.extract.gazetteer import Entry, Gazetteer

from .conftest import seeds_root


def found(gazetteer, text, language, kind="agreement"):
    return [(m.slug, text[m.start : m.end]) for m in gazetteer.find(text, language, kinds=[kind])]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "the Strategic Partnership and Cooperation Agreement was signed"),
        ("en", "an Agreement on Strategic Partnership and Cooperation between the two"),
        ("en", "the strategic partnership and cooperation agreement"),  # case
        ("en", "the SPCA was signed"),  # acronym
        ("ru", "подписали Соглашение о стратегическом партнерстве и сотрудничестве"),
        (
            "ru",
            "ратификация Соглашения о стратегическом партнёрстве и сотрудничестве",
        ),  # genitive, ё
        (
            "ru",
            "в соответствии с Соглашением о стратегическом партнерстве и сотрудничестве",
        ),  # instrumental
        ("kk", "Стратегиялық әріптестік және ынтымақтастық туралы келісімге қол қойды"),  # dative
        (
            "kk",
            "Стратегиялық әріптестік және ынтымақтастық туралы келісімді ратификациялау",
        ),  # accusative
        ("kk", "Стратегиялық әріптестік және ынтымақтастық туралы келісімнің маңызы"),  # genitive
    ],
)
def test_spca_in_any_form(gazetteer, language, text):
    assert [slug for slug, _ in found(gazetteer, text, language)] == ["spca"]


def test_word_order_does_not_matter(gazetteer):
    text = "the cooperation and strategic partnership agreement"
    assert [slug for slug, _ in found(gazetteer, text, "en")] == ["spca"]


def test_acronyms_match_exactly(gazetteer):
    assert found(gazetteer, "the spca was discussed", "en") == []
    assert found(gazetteer, "the GLAA signed", "en", kind="organisation") == [("glaa", "GLAA")]


def test_the_head_noun_tells_a_memorandum_from_a_roadmap(gazetteer):
    memo = "a memorandum of understanding on critical minerals"
    roadmap = "the roadmap for cooperation in critical minerals"
    assert [s for s, _ in found(gazetteer, memo, "en")] == [
        "mou-critical-minerals-green-hydrogen-2023"
    ]
    assert [s for s, _ in found(gazetteer, roadmap, "en")] == ["roadmap-critical-minerals-2024"]


def test_another_partnership_agreement_is_not_the_spca(gazetteer):
    text = "Kazakhstan and the EU's Enhanced Partnership and Cooperation Agreement"
    assert found(gazetteer, text, "en") == []
    assert found(gazetteer, "a strategic partnership agreement", "en") == []


def test_inflected_person_names(gazetteer):
    assert found(gazetteer, "поздравил Киру Стармеру", "ru", kind="person") == [
        ("keir-starmer", "Киру Стармеру")
    ]
    assert found(gazetteer, "Тоқаевпен кездесті", "kk", kind="person") == [
        ("kassym-jomart-tokayev", "Тоқаевпен")
    ]
    assert found(gazetteer, "под председательством Романа Василенко", "ru", kind="person") == [
        ("roman-vassilenko", "Романа Василенко")
    ]


def test_a_match_does_not_cross_a_sentence_break(gazetteer):
    text = "They met on Strategic matters. Partnership and Cooperation Agreement talk followed."
    matches = gazetteer.find(text, "en", kinds=["agreement"], breaks=[text.index(".") + 1])
    assert matches == []


def test_language_hints_keep_translations_to_their_language():
    gazetteer = Gazetteer([Entry("agreement", "x", ("Соглашение о дружбе",), "ru")])
    assert gazetteer.find("Соглашение о дружбе", "kk") == []
    assert [m.slug for m in gazetteer.find("Соглашения о дружбе", "ru")] == ["x"]


def test_builds_from_any_seed_folder(tmp_path):
    """The seed data folder is an argument: it moves to seeding/data/."""
    target = tmp_path / "seeding" / "data"
    shutil.copytree(seeds_root() / "data", target)
    gazetteer = build_gazetteer(target)
    assert gazetteer.get("agreement", "spca").attrs["parties"] == ["kazakhstan", "united-kingdom"]
    assert "Соглашение о стратегическом партнерстве и сотрудничестве" in gazetteer.names_of(
        "agreement", "spca"
    )
    assert gazetteer.get("meeting", "strategic-dialogue-8").attrs["number"] == 8


def test_an_alias_for_an_unknown_record_is_an_error(tmp_path):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text(yaml.safe_dump({"agreement": {"no-such-slug": {"en": ["X"]}}}))
    with pytest.raises(ValueError, match="no-such-slug"):
        build_gazetteer(seeds_root() / "data", aliases)


def test_an_empty_seed_folder_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="no seed records"):
        build_gazetteer(tmp_path)

"""The corpus format, the seed split, the matching rules and the CLI."""

import pytest

from ingest.corpus import CorpusArticle, CorpusError, load_article, load_split, seed_articles
from ingest.evaluation import evaluate, main, matches, score_article
from ingest.extract.proposals import Proposal

from .conftest import CORPUS, seeds_root


def proposal(**fields):
    base = {"quote": "q", "start": 0, "end": 1, "confidence": 0.5, "reason": "test"}
    return Proposal(**{**base, **fields})


def test_the_dev_corpus_meets_the_brief():
    articles = load_split(CORPUS, "dev")
    by_language = {lang: [a for a in articles if a.language == lang] for lang in ("en", "ru", "kk")}
    assert len(articles) >= 20
    assert len(by_language["ru"]) >= 6 and len(by_language["kk"]) >= 6
    assert sum(a.distractor for a in articles) >= 3
    for article in articles:
        assert article.id.startswith(article.language + "-")
        assert article.path.endswith(article.id + ".yaml")
        assert 40 <= article.words <= 400, article.id


def test_a_quote_not_in_the_text_is_refused(tmp_path):
    path = tmp_path / "en-001-x.yaml"
    path.write_text(
        "id: en-001-x\nlanguage: en\npublished: '2024'\ntext: Some text.\n"
        "expected:\n  - kind: person\n    title: X\n    quote: not there\n"
    )
    with pytest.raises(CorpusError, match="quote not in the text"):
        load_article(path, "dev")


def test_a_date_at_the_wrong_precision_is_refused(tmp_path):
    path = tmp_path / "en-002-x.yaml"
    path.write_text(
        "id: en-002-x\nlanguage: en\npublished: '2024'\ntext: Some text.\n"
        "expected:\n  - kind: status_event\n    date: '2024-04'\n    date_precision: day\n"
    )
    with pytest.raises(CorpusError, match="precision"):
        load_article(path, "dev")


def test_the_seed_documents_are_a_split_with_gold_from_the_seed_yaml():
    articles = {a.id: a for a in seed_articles(seeds_root())}
    assert len(articles) == 4
    kazinform = articles["seed-kazinform-2025-02-strategic-dialogue-8"]
    events = {
        (f["target"], f["status"], f["date"])
        for f in kazinform.expected
        if f["kind"] == "status_event"
    }
    assert ("spca", "signed", "2024-04") in events
    assert ("roadmap-critical-minerals-2024", "signed", "2024-03") in events
    assert all(f["quote"] in kazinform.text for f in kazinform.expected)


def test_status_events_match_on_target_status_date_and_precision():
    fact = {
        "kind": "status_event",
        "target": "spca",
        "status": "signed",
        "date": "2024-04",
        "date_precision": "month",
    }
    right = proposal(
        kind="status_event", target="spca", status="signed", date="2024-04", date_precision="month"
    )
    assert matches("", fact, right)
    for wrong in (
        {"date": "2024-04-24", "date_precision": "day"},
        {"status": "ratified"},
        {"target": "mou-seasonal-workers-2025"},
    ):
        assert not matches("", fact, proposal(**{**right.__dict__, **wrong}))


def test_figures_match_by_amount_and_unit():
    fact = {"kind": "figure", "value": "2800000000", "unit": "GBP", "multiplier": None}
    assert matches("", fact, proposal(kind="figure", value="2.8", unit="GBP", multiplier="billion"))
    assert not matches(
        "", fact, proposal(kind="figure", value="2.8", unit="USD", multiplier="billion")
    )
    assert matches("", {"kind": "figure", "value": "2", "unit": "tons", "multiplier": "million"},
                   proposal(kind="figure", value="2", unit="tonnes", multiplier="million"))  # fmt: skip


def test_new_records_match_by_title_or_quote():
    text = "They met Sally Axworthy today."
    fact = {
        "kind": "meeting",
        "target": None,
        "title": "Meeting with Sally Axworthy",
        "quote": "met Sally Axworthy",
        "date": "2025-12-19",
        "date_precision": "day",
    }
    near = proposal(
        kind="meeting", title="Talks", start=5, end=20, date="2025-12-19", date_precision="day"
    )
    assert matches(text, fact, near)  # the quotes overlap
    assert not matches(text, fact, proposal(**{**near.__dict__, "date": "2025-12"}))


def test_every_proposal_on_a_distractor_is_a_false_positive():
    article = CorpusArticle("en-1", "dev", "en", "2024", "text", [], distractor=True)
    result = score_article(article, [proposal(kind="person", title="X")], 0.0)
    assert len(result.spurious) == 1 and result.missed == []


def test_evaluation_reports_precision_recall_and_timing(gazetteer):
    report = evaluate(load_split(CORPUS, "dev"), gazetteer)
    status = report.by_kind["status_event"]
    assert status.expected >= 20
    assert status.precision is not None and status.recall is not None
    assert report.language_correct == len(report.results)
    assert 0 < report.seconds_2000_words < 1.0
    assert report.ms_per_1000_words > 0


def test_cli_prints_a_table(capsys):
    assert (
        main([str(CORPUS), "--split", "dev", "--split", "seed", "--seeds-root", str(seeds_root())])
        == 0
    )
    out = capsys.readouterr().out
    assert "status_event" in out and "recall" in out and "2,000-word article" in out


def test_an_article_labelled_for_some_kinds_is_scored_on_those_only(tmp_path, gazetteer):
    path = tmp_path / "en-003-x.yaml"
    path.write_text(
        "id: en-003-x\nlanguage: en\npublished: '2024-04-24'\nlabelled: [status_event]\n"
        "text: Kazakhstan and the United Kingdom today signed the Strategic Partnership and"
        " Cooperation Agreement. Foreign Secretary David Cameron was in Astana.\n"
        "expected:\n  - kind: status_event\n    target: spca\n    status: signed\n"
        "    date: '2024-04-24'\n    date_precision: day\n"
    )
    article = load_article(path, "heldout3")
    report = evaluate([article], gazetteer)
    # David Cameron is proposed as a person, but persons were not labelled here.
    assert report.by_kind["person"].proposed == 0
    assert (report.by_kind["status_event"].tp, report.by_kind["status_event"].proposed) == (1, 1)


def test_a_fact_of_a_kind_not_labelled_is_refused(tmp_path):
    path = tmp_path / "en-004-x.yaml"
    path.write_text(
        "id: en-004-x\nlanguage: en\npublished: '2024'\nlabelled: [status_event]\n"
        "text: Some text.\nexpected:\n  - kind: person\n    title: X\n"
    )
    with pytest.raises(CorpusError, match="not labelled"):
        load_article(path, "dev")

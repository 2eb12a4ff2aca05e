"""Language detection, sentence splitting and HTML reduction."""

import pytest

from ingest.corpus import load_split
from ingest.extract.html import html_to_article, looks_like_html
from ingest.extract.language import detect_language
from ingest.extract.sentences import split_sentences

from .conftest import CORPUS


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kazakhstan and the UK signed the agreement today.", "en"),
        ("Казахстан и Великобритания подписали соглашение.", "ru"),
        ("Қазақстан мен Ұлыбритания келісімге қол қойды.", "kk"),
        # A Russian text quoting a Kazakh name stays Russian.
        (
            "Депутат Мажилиса Айгүл выступила с докладом о ратификации соглашения с Великобританией и о торговле.",
            "ru",
        ),
        ("", "en"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text) == language


def test_language_detection_is_right_on_the_whole_dev_corpus():
    articles = load_split(CORPUS, "dev")
    wrong = [a.id for a in articles if detect_language(a.text) != a.language]
    assert wrong == []


def test_sentences_are_spans_of_the_text():
    text = "Kazakh Deputy Minister Roman Vassilenko and U.K. Minister Stephen Doughty met on Feb. 11. They signed it.\nHeadline without a stop\nМы подписали т.е. документ. Далее."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Kazakh Deputy Minister Roman Vassilenko and U.K. Minister Stephen Doughty met on Feb. 11.",
        "They signed it.",
        "Headline without a stop",
        "Мы подписали т.е. документ.",
        "Далее.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


HTML = """<!doctype html><html><head><title>UK and Kazakhstan sign agreement | Example Daily</title>
<meta property="article:published_time" content="2024-04-24T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<article><h1>UK and Kazakhstan sign agreement</h1>
<p>Kazakhstan and the United Kingdom today signed the Strategic Partnership and Cooperation Agreement in Astana, the two foreign ministers said after the ceremony.</p>
<p>The document took six years to prepare and covers trade, energy, education and science. Both sides called it a new page in their relations.</p></article>
<aside>Most read: Ten recipes for summer</aside>
<footer>Copyright 2024 Example Daily. Subscribe to our newsletter.</footer></body></html>"""


def test_html_is_reduced_to_the_article_text():
    assert looks_like_html(HTML)
    article = html_to_article(HTML)
    assert "today signed the Strategic Partnership and Cooperation Agreement" in article.text
    assert "Copyright" not in article.text
    assert "Log in" not in article.text
    assert article.published == "2024-04-24"
    assert "UK and Kazakhstan sign agreement" in (article.title or "")


def test_html_without_an_article_is_an_error():
    with pytest.raises(ValueError, match="no article text"):
        html_to_article("<html><body></body></html>")


def test_plain_text_is_not_taken_for_html():
    assert not looks_like_html("Kazakhstan and the UK signed the agreement.")

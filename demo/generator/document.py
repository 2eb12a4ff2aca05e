"""A source document's text, assembled sentence by sentence."""

import datetime

from demo.generator.dates import FIRST_DAY

SENTENCES_PER_PARAGRAPH = 4


class Document:
    """A source text assembled sentence by sentence, knowing where each
    sentence (and so each quote) starts."""

    def __init__(self, pk: int, kind: str, title: str, publisher: str):
        self.pk, self.kind, self.title, self.publisher = pk, kind, title, publisher
        self.parts: list[str] = []
        self.length = 0
        self.in_paragraph = 0
        # The latest date it reports: the source is published after it.
        self.latest: datetime.date = FIRST_DAY

    def say(self, sentence: str) -> int:
        """Append a sentence; return its offset in the text."""
        if self.parts:
            separator = " " if self.in_paragraph < SENTENCES_PER_PARAGRAPH else "\n\n"
            if separator != " ":
                self.in_paragraph = 0
            self.parts.append(separator)
            self.length += len(separator)
        start = self.length
        self.parts.append(sentence)
        self.length += len(sentence)
        self.in_paragraph += 1
        return start

    def text(self) -> str:
        return "".join(self.parts)

"""The extractor core: text in, `Proposal`s out, with no Django import.

Each module owns one responsibility (language, HTML, sentences, dates,
gazetteer, cues, figures, scope), and `pipeline.extract` ties them
together. Everything here is deterministic and runs offline.

The names below are imported on first use (PEP 562): building the cue
tables takes about half a second, and a process that only needs a small
part (the admin's accept step reads `figures.MULTIPLIERS`) should not pay
it at start-up.
"""

import importlib

_EXPORTS = {
    "PartialDate": "ingest.extract.dates",
    "Entry": "ingest.extract.gazetteer",
    "Gazetteer": "ingest.extract.gazetteer",
    "extract": "ingest.extract.pipeline",
    "Proposal": "ingest.extract.proposals",
}

__all__ = ["Entry", "Gazetteer", "PartialDate", "Proposal", "extract"]


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

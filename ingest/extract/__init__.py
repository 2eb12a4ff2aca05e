"""The extractor core: text in, `Proposal`s out, with no Django import.

Each module owns one responsibility (language, HTML, sentences, dates,
gazetteer, cues, figures, scope), and `pipeline.extract` ties them
together. Everything here is deterministic and runs offline.
"""

from ingest.extract.dates import PartialDate
from ingest.extract.gazetteer import Entry, Gazetteer
from ingest.extract.pipeline import extract
from ingest.extract.proposals import Proposal

__all__ = ["Entry", "Gazetteer", "PartialDate", "Proposal", "extract"]

"""The extractor core: text in, `Proposal`s out, with no Django import.

Each module owns one responsibility (language, HTML, sentences, dates,
gazetteer, cues, figures, scope), and `pipeline.extract` ties them
together. Everything here is deterministic and runs offline.
"""


"""Ingestion: articles in, proposed facts out.

`ingest.extract` is the extractor core: pure Python (no Django), so it can be
measured on a labelled corpus (`ingest.evaluation`) and reused by the
`ingest` management command and the admin's review queue.
"""

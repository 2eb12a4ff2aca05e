"""Fixtures for the extractor tests: no database, only the seed YAML and the corpus."""

from pathlib import Path

import pytest

from ingest.extract.build import build_gazetteer

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "ingest" / "corpus"


def seeds_root() -> Path:
    """`seeding/` after the house move, `seeds/` before it."""
    for name in ("seeding", "seeds"):
        if (ROOT / name / "data" / "sources.yaml").exists():
            return ROOT / name
    raise RuntimeError("no seed data folder")


@pytest.fixture(scope="session")
def gazetteer():
    return build_gazetteer(seeds_root() / "data")

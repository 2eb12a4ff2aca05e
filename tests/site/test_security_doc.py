"""docs/SECURITY.md names the tests that check each promise: each must exist."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _named_tests() -> list[tuple[str, str]]:
    """(file, test) pairs from the doc; `::name` alone continues the last file."""
    text = (ROOT / "docs" / "SECURITY.md").read_text(encoding="utf-8")
    pairs, current = [], None
    for file, name in re.findall(r"`(tests/[\w/]+\.py)?::(\w+)`", text):
        current = file or current
        pairs.append((current, name))
    return pairs


def test_every_test_security_md_names_exists():
    named = _named_tests()
    assert len(named) > 30
    missing = []
    for file, name in named:
        tree = ast.parse((ROOT / file).read_text(encoding="utf-8"))
        functions = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        if name not in functions:
            missing.append(f"{file}::{name}")
    assert missing == []

"""No function or method in the project is longer than MAX_LINES, counted
from its `def` line to the last line of its body (decorators excluded).

ALLOWED names the few that still are, each with the reason, as
"path:qualname". It must name nothing in demo/, bench/ or loadtest/, and
each entry must still be a long function: one that was split comes off the
list, so the list only ever shrinks.
"""

import ast
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 60
# Directories never walked: environments, migrations, vendored code, git.
SKIPPED = ("migrations", "node_modules", ".git")
# Packages where no function may be longer, allow-list or not.
STRICT = ("demo/", "bench/", "loadtest/")

ALLOWED: dict[str, str] = {
    "ingest/corpus.py:seed_articles": "merged from the extractor branch; split in issue 14's integration",
    "ingest/extract/dates.py:_rules": "merged from the extractor branch; split in issue 14's integration",
    "ingest/extract/pipeline.py:_meetings": (
        "merged from the extractor branch; split in issue 14's integration"
    ),
}


def python_files() -> list[Path]:
    found = []
    for directory, subdirectories, files in os.walk(ROOT):
        subdirectories[:] = sorted(
            name for name in subdirectories if name not in SKIPPED and not name.startswith(".venv")
        )
        found += [Path(directory, name) for name in sorted(files) if name.endswith(".py")]
    return found


def functions(tree: ast.AST, prefix: str = ""):
    """(qualname, node) of every function and method, nested ones included,
    qualified as Python does (`Class.method`, `function.<locals>.inner`)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            qualname = f"{prefix}{node.name}"
            yield qualname, node
            yield from functions(node, f"{qualname}.<locals>.")
        elif isinstance(node, ast.ClassDef):
            yield from functions(node, f"{prefix}{node.name}.")
        else:
            yield from functions(node, prefix)


def long_functions() -> dict[str, str]:
    """Every function longer than MAX_LINES, as {"path:qualname": "line N, M lines"}."""
    found = {}
    for path in python_files():
        relative = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=relative)
        for qualname, node in functions(tree):
            # `lineno` is the `def` line: decorators come before it.
            length = node.end_lineno - node.lineno + 1
            if length > MAX_LINES:
                found[f"{relative}:{qualname}"] = f"line {node.lineno}, {length} lines"
    return found


def test_the_walk_finds_the_project_and_only_the_project():
    walked = {path.relative_to(ROOT).as_posix() for path in python_files()}
    assert {
        "manage.py",
        "demo/generator/dataset.py",
        "tests/codebase/test_function_length.py",
    } <= walked
    assert not [
        path
        for path in walked
        if "/migrations/" in f"/{path}" or path.startswith((".venv", ".git/"))
    ]


def test_no_function_is_longer_than_the_limit():
    too_long = {
        name: where for name, where in sorted(long_functions().items()) if name not in ALLOWED
    }
    assert not too_long, (
        f"Longer than {MAX_LINES} lines from `def` to the end of the body; split them into "
        "well-named helpers:\n"
        + "\n".join(f"  {name} ({where})" for name, where in too_long.items())
    )


def test_the_allow_list_only_shrinks():
    strict = [name for name in ALLOWED if name.startswith(STRICT)]
    assert not strict, f"No long function is allowed in {', '.join(STRICT)}: {strict}"
    assert all(reason.strip() for reason in ALLOWED.values())
    long = long_functions()
    split = sorted(name for name in ALLOWED if name not in long)
    assert not split, (
        "No longer long (or gone): take them off ALLOWED in tests/codebase/test_function_length.py: "
        + ", ".join(split)
    )

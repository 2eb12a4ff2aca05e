"""Rules about the tests themselves, so that the weaknesses issue #19 found
cannot come back (docs/TESTING.md):

- no fixed sleep: a test waits on a condition (tests/support/waiting.py,
  the one place allowed to pause between two looks);
- no reading of the clock (`datetime.now()`, `date.today()`, `timezone.now()`,
  `time.time()`...) in a test without a frozen clock (time_machine), so
  every date rule passes on any day;
- no test without a check: an `assert`, `pytest.raises`/`fail`/`warns`, a
  query-count assertion, Playwright's `expect`, or a helper that checks.

Read from the source (ast), not run."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]

# The only places a test may pause for a fixed time: between two looks at a
# condition, with a deadline.
SLEEP_ALLOWED = {"support/waiting.py"}

# time.sleep, asyncio.sleep, a bare sleep imported from either, Playwright's
# page.wait_for_timeout: any call by these names.
SLEEPS = {"sleep", "wait_for_timeout"}
CLOCK_READS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("timezone", "now"),
    ("timezone", "localdate"),
    ("timezone", "localtime"),
    ("time", "time"),
    ("time", "time_ns"),
}
# Calls that check something by themselves.
CHECKS = {
    "raises",
    "fail",
    "warns",
    "expect",
    "django_assert_num_queries",
    "django_assert_max_num_queries",
}


def _modules() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(TESTS)): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(TESTS.rglob("*.py"))
    }


def _call_name(node: ast.Call) -> tuple[str | None, str]:
    """(owner, name) of `owner.name(...)` or (None, name) of `name(...)`; the
    owner is the last part of a dotted name (`datetime.datetime.now` -> datetime)."""
    function = node.func
    if isinstance(function, ast.Attribute):
        owner = function.value
        if isinstance(owner, ast.Attribute):
            return owner.attr, function.attr
        if isinstance(owner, ast.Name):
            return owner.id, function.attr
        return None, function.attr
    if isinstance(function, ast.Name):
        return None, function.id
    return None, ""


def _calls(tree: ast.AST):
    return (node for node in ast.walk(tree) if isinstance(node, ast.Call))


def test_no_test_sleeps_for_a_fixed_time():
    found = []
    for name, module in _modules().items():
        if name in SLEEP_ALLOWED:
            continue
        for call in _calls(module):
            owner, called = _call_name(call)
            if called in SLEEPS:
                found.append(f"tests/{name}:{call.lineno} {owner or ''}.{called}()")
    assert found == [], "wait on a condition instead (tests/support/waiting.py)"


def _is_test(node) -> bool:
    return isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test")


def _freezes_the_clock(node) -> bool:
    """A `time_machine` argument or marker on a function, class or module."""
    if isinstance(node, ast.Module):
        marks = [
            statement.value
            for statement in node.body
            if isinstance(statement, ast.Assign)
            and any(getattr(target, "id", "") == "pytestmark" for target in statement.targets)
        ]
        return any("time_machine" in ast.unparse(mark) for mark in marks)
    arguments = getattr(node, "args", None)
    names = [argument.arg for argument in arguments.args] if arguments else []
    decorators = [ast.unparse(decorator) for decorator in node.decorator_list]
    return "time_machine" in names or any("time_machine" in d for d in decorators)


def _scopes(module: ast.Module):
    """Each function with the module and class around it."""
    for node in module.body:
        if isinstance(node, ast.ClassDef):
            for inner in node.body:
                if isinstance(inner, ast.FunctionDef | ast.AsyncFunctionDef):
                    yield inner, node
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node, None


def test_no_test_reads_the_clock_without_freezing_it():
    """A helper (not a test) may read the clock in a module whose tests freeze it."""
    found = []
    for name, module in _modules().items():
        module_frozen = _freezes_the_clock(module) or any(
            _freezes_the_clock(function) for function, _ in _scopes(module)
        )
        for function, cls in _scopes(module):
            frozen = _freezes_the_clock(function) or (cls is not None and _freezes_the_clock(cls))
            if frozen or (module_frozen and not _is_test(function)) or _freezes_the_clock(module):
                continue
            for call in _calls(function):
                if _call_name(call) in CLOCK_READS:
                    found.append(f"tests/{name}:{call.lineno} in {function.name}")
    assert found == [], "freeze the clock (time_machine) or give the date: docs/TESTING.md"


def _checks_directly(function) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Assert):
            return True
        if isinstance(node, ast.Raise) and "AssertionError" in ast.unparse(node.exc or node):
            return True
        if isinstance(node, ast.Call) and _call_name(node)[1] in CHECKS:
            return True
    return False


def _checking_helpers(modules: dict[str, ast.Module]) -> set[str]:
    """Names of the functions in tests/ that check, directly or through
    another such function (by name: a helper's name is enough here)."""
    functions = [
        node
        for module in modules.values()
        for node in ast.walk(module)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    ]
    checking = {function.name for function in functions if _checks_directly(function)}
    while True:
        more = {
            function.name
            for function in functions
            if function.name not in checking
            and any(_call_name(call)[1] in checking for call in _calls(function))
        }
        if not more:
            return checking
        checking |= more


def test_every_test_checks_something():
    modules = _modules()
    helpers = _checking_helpers(modules)
    unchecked = [
        f"tests/{name}::{function.name}"
        for name, module in modules.items()
        for function, _ in _scopes(module)
        if _is_test(function)
        and not _checks_directly(function)
        and not any(_call_name(call)[1] in helpers for call in _calls(function))
    ]
    assert unchecked == [], "each test needs an assert, pytest.raises or a checking helper"

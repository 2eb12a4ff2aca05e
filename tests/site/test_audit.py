"""The supply-chain audit's judgement (.ci/audit.py) on pip-audit's reports:
any unexplained vulnerability fails; an audit that could not run says so."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit)

CLEAN = {"name": "django", "version": "5.2.19", "vulns": []}
VULNERABLE = {
    "name": "sqlparse",
    "version": "0.4.3",
    "vulns": [{"id": "GHSA-rrm6-wvj7-cwh2", "fix_versions": ["0.4.4"]}],
}
SKIPPED = {
    "name": "ours",
    "skip_reason": "Dependency not found and could not be audited: ours (1.0)",
}


def test_a_clean_report_passes():
    code, message = audit.verdict({"dependencies": [CLEAN, CLEAN]}, require_data=True)
    assert code == 0
    assert message == "No known vulnerabilities in 2 pinned dependencies."


def test_a_vulnerability_fails_naming_the_fix():
    code, message = audit.verdict({"dependencies": [CLEAN, VULNERABLE]}, require_data=False)
    assert code == 1
    assert "sqlparse 0.4.3: GHSA-rrm6-wvj7-cwh2 (fixed in 0.4.4)" in message


def test_one_dependency_that_could_not_be_audited_fails():
    code, message = audit.verdict({"dependencies": [CLEAN, SKIPPED]}, require_data=False)
    assert code == 1
    assert "could not audit" in message


@pytest.mark.parametrize(("require_data", "code"), [(False, 0), (True, 1)])
def test_an_audit_that_reached_no_data_says_so(require_data, code):
    result = audit.verdict({"dependencies": [SKIPPED, SKIPPED]}, require_data=require_data)
    assert result[0] == code
    assert result[1].startswith("AUDIT NOT RUN")


def test_an_ignored_vulnerability_needs_a_reason_and_a_row_in_security_md():
    doc = "| GHSA-aaaa-bbbb-cccc | only in the test tools |"
    assert audit.ignored_ids("# comment\nGHSA-aaaa-bbbb-cccc  test tools only\n", doc) == [
        "GHSA-aaaa-bbbb-cccc"
    ]
    with pytest.raises(SystemExit, match="has no reason"):
        audit.ignored_ids("GHSA-aaaa-bbbb-cccc\n", doc)
    with pytest.raises(SystemExit, match=r"not explained in docs/SECURITY\.md"):
        audit.ignored_ids("PYSEC-2024-1  reason\n", doc)


def test_the_project_s_ignores_are_all_explained():
    # ignored_ids stops (SystemExit) on an ignore without its reason or its row in the doc.
    doc = audit.SECURITY_DOC.read_text(encoding="utf-8")
    ids = audit.ignored_ids(audit.IGNORES.read_text(encoding="utf-8"), doc)
    assert all(vulnerability in doc for vulnerability in ids)

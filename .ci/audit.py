"""Audits the pinned requirements for known vulnerabilities with pip-audit.

Run by `make audit` and CI, with the Python of the audit's own virtualenv
(.venv-audit, from requirements-audit.txt). Exits non-zero on any
vulnerability not explained in .ci/audit-ignores.txt, and on any dependency
the vulnerability service could not audit while others were audited.

When the service answers for no dependency at all, the audit did not run:
that is said loudly, and is a failure when AUDIT_REQUIRE_DATA=true.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ("requirements.txt", "requirements-audit.txt")
IGNORES = ROOT / ".ci" / "audit-ignores.txt"
SECURITY_DOC = ROOT / "docs" / "SECURITY.md"


def ignored_ids(text: str, security_doc: str) -> list[str]:
    """The vulnerability IDs to ignore, one a line as `ID  reason`; each
    needs its reason here and a row in docs/SECURITY.md."""
    ids = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        vulnerability, _, reason = line.partition(" ")
        if not reason.strip():
            raise SystemExit(f"{IGNORES.name}:{number}: {vulnerability} has no reason.")
        if not re.search(rf"\b{re.escape(vulnerability)}\b", security_doc):
            raise SystemExit(
                f"{IGNORES.name}:{number}: {vulnerability} is not explained in docs/SECURITY.md."
            )
        ids.append(vulnerability)
    return ids


def verdict(report: dict, require_data: bool) -> tuple[int, str]:
    """The exit code and what to print, from pip-audit's JSON report."""
    dependencies = report["dependencies"]
    skipped = [d for d in dependencies if "skip_reason" in d]
    audited = [d for d in dependencies if "skip_reason" not in d]
    if dependencies and not audited:
        message = (
            f"AUDIT NOT RUN: the vulnerability service answered for none of the "
            f"{len(dependencies)} pinned dependencies (e.g. {skipped[0]['skip_reason']})."
        )
        return (1 if require_data else 0), message
    lines = [
        f"{d['name']} {d['version']}: {v['id']}"
        + (f" (fixed in {', '.join(v['fix_versions'])})" if v.get("fix_versions") else "")
        for d in audited
        for v in d.get("vulns", [])
    ]
    lines += [f"could not audit: {d['skip_reason']}" for d in skipped]
    if lines:
        return 1, "\n".join(["pip-audit found:", *lines])
    return 0, f"No known vulnerabilities in {len(audited)} pinned dependencies."


def main() -> int:
    ignores = ignored_ids(
        IGNORES.read_text(encoding="utf-8") if IGNORES.exists() else "",
        SECURITY_DOC.read_text(encoding="utf-8") if SECURITY_DOC.exists() else "",
    )
    command = [sys.executable, "-m", "pip_audit", "--progress-spinner", "off", "-f", "json"]
    for requirements in REQUIREMENTS:
        command += ["-r", str(ROOT / requirements)]
    # Every version is pinned, transitive ones included: nothing to resolve,
    # so no throwaway virtualenv and no install (seconds, not minutes).
    command += ["--no-deps", "--disable-pip"]
    for vulnerability in ignores:
        command += ["--ignore-vuln", vulnerability]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(result.stderr, file=sys.stderr)
        return result.returncode or 1
    code, message = verdict(report, os.environ.get("AUDIT_REQUIRE_DATA", "").lower() == "true")
    print(message, file=sys.stderr if code else sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main())

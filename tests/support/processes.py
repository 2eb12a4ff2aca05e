"""Running the project's own code in a process of its own, for the tests
of what happens at start-up (settings read from the environment)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_in_subprocess(env: dict, expression: str) -> subprocess.CompletedProcess:
    """Import the settings with `env` (None values unset) in a new Python,
    and print `expression` of them (`s` is the settings module)."""
    clean_env = {key: value for key, value in os.environ.items() if key not in env}
    clean_env.update({key: value for key, value in env.items() if value is not None})
    return subprocess.run(
        [sys.executable, "-c", f"import kzuk_site.settings as s; print({expression})"],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        check=False,
    )

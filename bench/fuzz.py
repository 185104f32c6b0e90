"""The suite's fuzz targets (tests/fuzz) with 100,000 inputs each instead of 150.

Run: .venv/bin/python bench/fuzz.py [-k PATTERN]   — prints pytest's summary; any uncaught exception, hang or
failed property is a finding. Hours on this machine for all targets; -k picks one.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    env = {**os.environ, "EXWATCH_FUZZ_PROFILE": "long"}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/fuzz", *sys.argv[1:]]
    raise SystemExit(subprocess.run(command, cwd=REPO, env=env, check=False).returncode)


if __name__ == "__main__":
    main()

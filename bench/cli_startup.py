"""Benchmark of the command's start-up: wall time of whole ``exwatch`` processes, as a user waits for them.

Run: .venv/bin/python bench/cli_startup.py [--runs 10]
Each command runs ``--runs`` times, each time in a fresh process, against an embedded SQLite store in a temporary
directory with the example case loaded (``exwatch example load``); the table gives the median, fastest and slowest
wall time. Target: ``exwatch --help`` ≤ 0.3 s. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS: list[list[str]] = [
    ["--help"],
    ["case", "list"],
    ["status", "ablyazov-2013", "--as-of", "2015-05-25"],
]


def _exwatch() -> str:
    """The console script of the interpreter running this benchmark (the virtualenv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "exwatch"
    found = str(beside) if beside.is_file() else shutil.which("exwatch")
    if found is None:
        sys.exit("exwatch is not installed: run `.venv/bin/pip install -e .` and use .venv/bin/python")
    return found


def _run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10, help="processes per command (default 10)")
    args = parser.parse_args()
    exwatch = _exwatch()
    with tempfile.TemporaryDirectory(prefix="exwatch-bench-") as tmp:
        env = {
            **os.environ,
            "EXWATCH_DATABASE_URL": f"sqlite:///{Path(tmp) / 'exwatch.sqlite3'}",
            "EXWATCH_CONFIG_DIR": str(Path(tmp) / "config"),
            "COLUMNS": "100",
        }
        subprocess.run([exwatch, "example", "load"], env=env, check=True, stdout=subprocess.DEVNULL)
        rows = []
        for command in COMMANDS:
            _run([exwatch, *command], env)  # warm the file cache (and Python's bytecode cache) once
            times = [_run([exwatch, *command], env) for _ in range(args.runs)]
            rows.append((" ".join(["exwatch", *command]), statistics.median(times), min(times), max(times)))
    width = max(len(row[0]) for row in rows)
    print(f"{'command':<{width}}  {'median':>8}  {'min':>8}  {'max':>8}   ({args.runs} fresh processes each)")
    for name, median, fastest, slowest in rows:
        print(f"{name:<{width}}  {median:>7.3f}s  {fastest:>7.3f}s  {slowest:>7.3f}s")


if __name__ == "__main__":
    main()

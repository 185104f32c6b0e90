"""The installed ``exwatch`` command, run as a user runs it: a real process, real exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


def _exwatch() -> str:
    found = shutil.which("exwatch", path=str(Path(sys.executable).parent)) or shutil.which("exwatch")
    if found is None:
        pytest.fail("the exwatch console script is not installed; run `pip install -e .` first")
    return found


def _run(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EXWATCH_DATABASE_URL": db_url}
    return subprocess.run([_exwatch(), *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def test_errors_go_to_stderr_with_status_1_and_no_traceback(db_url: str) -> None:
    result = _run(db_url, "case", "show", "nobody")
    assert result.returncode == 1
    assert result.stderr.startswith("error: no case 'nobody'")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_read_commands_print_json_for_programs(db_url: str) -> None:
    created = _run(db_url, "case", "new", "--name", "Ivan Petrov", "--format", "json")
    assert created.returncode == 0, created.stderr
    listed = _run(db_url, "case", "list", "--format", "json")
    assert [c["id"] for c in json.loads(listed.stdout)] == ["ivan-petrov"]


def test_db_option_overrides_the_environment(db_url: str, tmp_path: Path) -> None:
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    assert _run(db_url, "--db", other, "case", "new", "--name", "Ivan Petrov").returncode == 0
    assert json.loads(_run(db_url, "case", "list", "--format", "json").stdout) == []
    assert (tmp_path / "other.sqlite3").is_file()

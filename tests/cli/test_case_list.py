"""``case list`` at a terminal: the case id is what users type, so it is never cut, whatever the width; the other
columns wrap (and fold a word too long for them) rather than end in an ellipsis."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Cli

LONG_ID = "aleksandr-vladimirovich-konstantinopolsky-rimsky-korsakov-2024"


def _exwatch() -> str:
    found = shutil.which("exwatch", path=str(Path(sys.executable).parent)) or shutil.which("exwatch")
    if found is None:
        pytest.fail("the exwatch console script is not installed; run `pip install -e .` first")
    return found


def _listed(db_url: str, columns: int) -> str:
    """`exwatch case list` as a person sees it in a terminal ``columns`` wide (rich reads COLUMNS)."""
    env = {**os.environ, "EXWATCH_DATABASE_URL": db_url, "COLUMNS": str(columns)}
    result = subprocess.run(
        [_exwatch(), "case", "list"], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def cases(cli: Cli) -> list[str]:
    cli("example", "load")
    cli("case", "new", "--name", "Aleksandr Vladimirovich Konstantinopolsky-Rimsky-Korsakov", "--id", LONG_ID)
    cli("case", "new", "--name", "Ivan Petrov", "--nationality", "RU")
    return ["ablyazov-2013", LONG_ID, "ivan-petrov"]


@pytest.mark.parametrize("columns", [40, 80, 120, 200])
def test_ids_are_never_cut(db_url: str, cases: list[str], columns: int) -> None:
    text = _listed(db_url, columns)
    for case_id in cases:
        assert any(case_id in line for line in text.splitlines()), f"{case_id} cut at {columns} columns:\n{text}"
    assert "…" not in text


def test_short_ids_on_a_wide_terminal_are_a_table_with_every_column(cli: Cli, db_url: str) -> None:
    cli("example", "load")
    text = _listed(db_url, 100)
    header = next(line for line in text.splitlines() if "id" in line and "subject" in line)
    for column in ("states", "requests", "events", "latest event"):
        assert column in header
    assert "ablyazov-2013" in text
    assert "Mukhtar Ablyazov" in text
    assert "…" not in text

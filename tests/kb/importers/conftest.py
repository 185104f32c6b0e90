"""Fixtures for the dataset importers: the real published files, and small files in their layouts.

The real files live in ``../shared/data`` (or ``$EXWATCH_SHARED_DIR/data``); CI has them, and the
tests that need them skip with a message when they are absent. The small files are written per
test, in the same layouts, so that the error paths are tested everywhere.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from tests.conftest import shared
from tests.kb.importers.helpers import WriteCsv


@pytest.fixture
def data_file(shared_dir: Path) -> Callable[[str], Path]:
    """The path of one real dataset file under shared/data; skips the test when it is missing."""

    def find(relative: str) -> Path:
        return shared("data", *relative.split("/"))

    return find


@pytest.fixture
def write_csv(tmp_path: Path) -> WriteCsv:
    """Writes rows (the header first) as a CSV file in the test's directory, in cp1252 like PTS when asked."""

    def write(name: str, table: Sequence[Sequence[str]], encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        with path.open("w", encoding=encoding, newline="") as handle:
            csv.writer(handle, lineterminator="\r\n").writerows(table)
        return path

    return write

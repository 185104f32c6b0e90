"""Fixtures for the knowledge-base tests: the shipped data, a writable copy, the shared datasets."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exwatch.kb import DATA_DIR, Knowledge, load_knowledge
from tests.conftest import shared

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def kb() -> Knowledge:
    return load_knowledge()


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped knowledge files that a test may break."""
    target = tmp_path / "kb"
    shutil.copytree(DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (or $EXWATCH_SHARED_DIR): a failure in CI when absent, a skip elsewhere."""
    return shared("data").parent

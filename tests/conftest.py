"""Shared fixtures: every test gets a fresh, empty, migrated database.

By default that is an SQLite file in the test's temporary directory. When
``EXWATCH_TEST_POSTGRES_URL`` names a PostgreSQL server (``scripts/test`` starts one), each
test gets its own schema on it instead, dropped afterwards: the same tests then run on
PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from typer.testing import CliRunner, Result

from exwatch.cli.main import app
from exwatch.draft.profile import Profile, save_profile
from exwatch.store.db import Database, open_database, resolve_url

POSTGRES = os.environ.get("EXWATCH_TEST_POSTGRES_URL")
MEP = Profile(
    name="Mady Delvaux-Stehres",
    role="mep",
    city="Bruxelles",
    position=["Membre du Parlement européen, S&D"],
    address=["Parlement européen, Rue Wiertz 60, B-1047 Bruxelles"],
)
REPO = Path(__file__).resolve().parent.parent


def pytest_report_header() -> str:
    return f"exwatch test database: {'PostgreSQL ' + POSTGRES if POSTGRES else 'SQLite (per-test file)'}"


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    if not POSTGRES:
        yield f"sqlite:///{tmp_path / 'exwatch.sqlite3'}"
        return
    schema = f"t_{uuid.uuid4().hex[:16]}"
    admin = create_engine(resolve_url(POSTGRES))
    with admin.begin() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(resolve_url(POSTGRES)).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = open_database(db_url)
    try:
        yield database
    finally:
        database.close()


class Cli:
    """Runs ``exwatch`` in-process against the test's database."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.runner = CliRunner()

    def __call__(self, *args: str, ok: bool = True) -> Result:
        result = self.runner.invoke(app, list(args), env={"EXWATCH_DATABASE_URL": self.url})
        if ok and result.exit_code != 0:
            raise AssertionError(f"exwatch {' '.join(args)} failed ({result.exit_code}):\n{result.output}")
        return result


@pytest.fixture
def cli(db_url: str) -> Cli:
    return Cli(db_url)


SHARED = Path(os.environ.get("EXWATCH_SHARED_DIR", REPO.parent / "shared"))


def missing(what: str) -> None:
    """Something a test needs is absent: a failure in CI (which has the programs and ../shared), a skip
    elsewhere, saying what to install or set."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI")
    pytest.skip(what)


def shared(*parts: str) -> Path:
    """A path under ../shared (or $EXWATCH_SHARED_DIR): the real documents and datasets the tests read."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        missing(f"{path} (set EXWATCH_SHARED_DIR to the shared folder)")
    return path


def tool(name: str) -> str:
    """The path of an external program the tests drive (LibreOffice, poppler, tesseract). scripts/test installs
    them in CI, where a missing one is a failure; elsewhere the test is skipped with the package to install."""
    found = shutil.which(name)
    if found is None:
        missing(f"{name} (Debian: libreoffice-writer-nogui / poppler-utils / tesseract-ocr; scripts/test installs it)")
        raise AssertionError("unreachable")  # missing() always fails or skips
    return found


@pytest.fixture
def profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Profile:
    """An author profile (the seed letter's MEP) in a private configuration directory."""
    monkeypatch.setenv("EXWATCH_CONFIG_DIR", str(tmp_path / "config"))
    save_profile(MEP)
    return MEP

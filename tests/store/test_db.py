from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from exwatch.errors import StorageError
from exwatch.store.db import Database, default_url, open_database, resolve_url
from exwatch.store.tables import Base


def test_migrations_create_exactly_the_tables_the_code_uses(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_opening_twice_keeps_the_data(db_url: str, db: Database) -> None:
    from exwatch.logic.cases import import_case, list_cases
    from exwatch.model.case import CaseFile
    from tests.factories import case_data

    with db.transaction() as session:
        import_case(session, CaseFile.model_validate(case_data()))
    again = open_database(db_url)
    try:
        with again.transaction() as session:
            assert [c.id for c in list_cases(session)] == ["doe-2020"]
    finally:
        again.close()


def test_default_is_an_sqlite_file_in_the_user_data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("EXWATCH_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_url() == f"sqlite:///{tmp_path / 'exwatch' / 'exwatch.sqlite3'}"
    database = open_database()  # its directory does not exist yet: the default store is created without asking
    database.close()
    assert (tmp_path / "exwatch" / "exwatch.sqlite3").is_file()


def test_explicit_url_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXWATCH_DATABASE_URL", "sqlite:///from-env.sqlite3")
    assert resolve_url("sqlite:///explicit.sqlite3") == "sqlite:///explicit.sqlite3"
    assert resolve_url() == "sqlite:///from-env.sqlite3"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


@pytest.mark.parametrize(
    "url",
    ["not a url", "mysql://u@h/db", "postgresql://nobody@127.0.0.1:1/none"],
    ids=["garbage", "unsupported-driver", "unreachable-server"],
)
def test_a_bad_database_url_is_a_clear_error(url: str) -> None:
    with pytest.raises(StorageError, match="database"):
        open_database(url)


def test_a_database_from_the_first_release_is_upgraded_in_place(tmp_path: Path) -> None:
    """Data stored before a migration survives it (here: 0001 → head on SQLite)."""
    from alembic import command

    from exwatch.store.db import _alembic_config

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    config = _alembic_config()
    config.set_main_option("sqlalchemy.url", url)
    command.upgrade(config, "0001")
    import sqlite3

    with sqlite3.connect(tmp_path / "old.sqlite3") as conn:
        conn.execute(
            "INSERT INTO cases (id, subject_name, subject_nationalities, subject_profiles, created_at, updated_at)"
            " VALUES ('old-case', 'Old Subject', '[]', '[]', '2020-01-01', '2020-01-01')"
        )
        conn.execute(
            "INSERT INTO subject_names (name, kind, case_pk, position)"
            " SELECT 'Old Subject', 'primary', pk, 0 FROM cases WHERE id = 'old-case'"
        )
    database = open_database(url)
    try:
        with database.transaction() as session:
            from exwatch.logic.cases import export_case, list_cases
            from exwatch.store.tables import CaseRow

            assert [c.id for c in list_cases(session)] == ["old-case"]
            assert export_case(session, "old-case").subject.primary_name == "Old Subject"
            # The upgrade wrote the case's snapshot for its stored revision: reads need not rebuild it.
            row = session.query(CaseRow).one()
            assert row.snapshot_of == row.revision
            assert row.snapshot
            assert "Old Subject" in row.snapshot
    finally:
        database.close()


def test_schema_head_is_the_newest_migration() -> None:
    """``open_database`` opens a store at SCHEMA_HEAD without Alembic: a new migration must move it."""
    from alembic.script import ScriptDirectory

    from exwatch.store.db import SCHEMA_HEAD, _alembic_config

    assert ScriptDirectory.from_config(_alembic_config()).get_current_head() == SCHEMA_HEAD


def test_a_mistyped_directory_is_refused_unless_create(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'typo' / 'exwatch.sqlite3'}"
    with pytest.raises(StorageError, match=r"directory .*typo does not exist.*--create"):
        open_database(url)
    assert not (tmp_path / "typo").exists()
    open_database(url, create=True).close()
    assert (tmp_path / "typo" / "exwatch.sqlite3").is_file()


def test_a_database_error_is_reported_without_the_data_it_concerned(db: Database) -> None:
    """The SQL and its bound values hold case data (names, sources): an error message never repeats them."""
    secret = "Mukhtar-SECRET-address-Cannes"
    with pytest.raises(StorageError) as raised, db.transaction() as session:
        session.execute(text("SELECT * FROM no_such_table WHERE name = :name"), {"name": secret})
    assert secret not in str(raised.value)
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__

"""``--db`` naming an SQLite file in a directory that does not exist is refused (a typo must not give a new, empty
store), unless ``--create`` or ``EXWATCH_CREATE=1``; the default store is still created on first use."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from exwatch.cli.main import app
from exwatch.errors import StorageError
from exwatch.store.db import open_database

runner = CliRunner()


def _run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    # EXWATCH_DATABASE_URL and EXWATCH_CREATE unset unless given: only what the test passes chooses the store.
    return runner.invoke(app, list(args), env={"EXWATCH_DATABASE_URL": None, "EXWATCH_CREATE": None, **(env or {})})


def test_a_mistyped_directory_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    typo = tmp_path / "typo-dir"
    result = _run("--db", f"sqlite:///{typo}/x.sqlite3", "case", "list")
    assert result.exit_code == 1
    assert f"the directory {typo} does not exist" in result.output
    assert "--create" in result.output
    assert "Traceback" not in result.output
    assert not typo.exists()


def test_the_environment_variable_is_checked_the_same_way(tmp_path: Path) -> None:
    result = _run("case", "list", env={"EXWATCH_DATABASE_URL": f"sqlite:///{tmp_path}/typo/x.sqlite3"})
    assert result.exit_code == 1
    assert "does not exist" in result.output
    assert not (tmp_path / "typo").exists()


def test_create_makes_the_directories_and_a_private_store(tmp_path: Path) -> None:
    store = tmp_path / "new" / "team" / "cases.sqlite3"
    url = f"sqlite:///{store}"
    created = _run("--db", url, "--create", "case", "new", "--name", "Ivan Petrov")
    assert created.exit_code == 0, created.output
    assert stat.S_IMODE(store.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    listed = _run("--db", url, "case", "list", "--format", "json")  # it exists now: no --create needed
    assert [c["id"] for c in json.loads(listed.stdout)] == ["ivan-petrov"]


def test_exwatch_create_in_the_environment_is_the_same_as_the_option(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/new/cases.sqlite3"
    result = _run("--db", url, "case", "list", env={"EXWATCH_CREATE": "1"})
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new" / "cases.sqlite3").is_file()


def test_a_new_file_in_an_existing_directory_needs_no_create(tmp_path: Path) -> None:
    result = _run("--db", f"sqlite:///{tmp_path}/fresh.sqlite3", "case", "list")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "fresh.sqlite3").is_file()


def test_the_default_store_is_created_on_first_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data-home"))  # does not exist yet
    result = _run("example", "load")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data-home" / "exwatch" / "exwatch.sqlite3").is_file()


def test_serve_refuses_a_mistyped_database_before_serving(tmp_path: Path) -> None:
    result = _run("--db", f"sqlite:///{tmp_path}/typo/x.sqlite3", "serve", "--port", "1")
    assert result.exit_code == 1
    assert "does not exist" in result.output
    assert not (tmp_path / "typo").exists()


def test_a_file_where_the_directory_should_be_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "not-a-dir").write_text("", encoding="utf-8")
    with pytest.raises(StorageError, match="not a directory"):
        open_database(f"sqlite:///{tmp_path}/not-a-dir/x.sqlite3", create=True)

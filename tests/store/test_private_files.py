"""What the project writes is private to the user (issue 16): the store, the profile, drafts and exports are
0600 and the directories it creates 0700, whatever the umask; a file that existed wider is narrowed."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from exwatch.draft.profile import Profile
from exwatch.store.db import open_database
from tests.conftest import Cli


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # the usual default: files 0644, directories 0755
    yield
    os.umask(previous)


def test_a_new_embedded_store_and_its_directory_are_private(tmp_path: Path) -> None:
    store = tmp_path / "new" / "nested" / "exwatch.sqlite3"
    open_database(f"sqlite:///{store}", create=True).close()  # (exwatch --create: new directories are allowed)
    assert _mode(store) == 0o600
    assert _mode(store.parent) == 0o700
    assert _mode(store.parent.parent) == 0o700


def test_a_store_made_readable_by_an_earlier_version_is_narrowed(tmp_path: Path) -> None:
    store = tmp_path / "old.sqlite3"
    open_database(f"sqlite:///{store}").close()
    store.chmod(0o644)
    open_database(f"sqlite:///{store}").close()
    assert _mode(store) == 0o600


def test_profile_drafts_and_exports_are_written_private(cli: Cli, profile: Profile, tmp_path: Path) -> None:
    config = Path(os.environ["EXWATCH_CONFIG_DIR"])
    assert _mode(config / "profile.yaml") == 0o600
    cli("example", "load")
    draft = tmp_path / "letter.md"
    draft.write_text("an older file", encoding="utf-8")
    draft.chmod(0o644)
    cli("draft", "ablyazov-2013", "--as-of", "2015-05-25", "--format", "md", "-o", str(draft))
    export = tmp_path / "case.json"
    cli("case", "export", "ablyazov-2013", "-o", str(export))
    ics = tmp_path / "deadlines.ics"
    cli("deadlines", "--ics", str(ics))
    assert [_mode(p) for p in (draft, export, ics)] == [0o600, 0o600, 0o600]
    assert "an older file" not in draft.read_text(encoding="utf-8")


def test_scratch_copies_are_private_and_leftovers_of_a_killed_run_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    from exwatch.private import STALE_AFTER_S, scratch_dir

    base = scratch_dir()
    assert _mode(base) == 0o700
    left = base / "tmp-killed"
    left.mkdir()
    (left / "in.pdf").write_bytes(b"%PDF- a copy of a case document")
    old = os.path.getmtime(left) - STALE_AFTER_S - 60
    os.utime(left, (old, old))
    running = base / "tmp-running"
    running.mkdir()
    scratch_dir()
    assert not left.exists()
    assert running.exists()

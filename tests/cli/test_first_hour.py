"""What a new user meets in README's first hour: a set-up that prints a few lines, commands that name the
virtualenv, and a profile that belongs to the login, not to a database."""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import pytest

from exwatch.draft.profile import Profile
from tests.conftest import REPO, Cli

README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, flags=re.MULTILINE | re.DOTALL)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def _setup_commands() -> list[list[str]]:
    """The exwatch commands of README's first set-up command, in order, without the `serve` that ends it."""
    block = re.search(r"```sh\n(.*?)```", _section("Set up"), flags=re.DOTALL)
    assert block
    commands = [shlex.split(part) for part in block.group(1).strip().split(" && ")]
    return [cmd[1:] for cmd in commands if cmd[0] == ".venv/bin/exwatch" and cmd[1] != "serve"]


def test_readme_setup_prints_a_few_lines(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    commands = _setup_commands()
    assert [c[0] for c in commands] == ["example", "status", "assess"]
    printed = [cli(*args).output for args in commands]
    assert len(printed[0].splitlines()) == 1, printed[0]  # example load: one line
    assert sum(len(out.splitlines()) for out in printed) <= 20, "\n".join(printed)
    assert "protection is warranted" in printed[2]
    assessment = (tmp_path / "assessment.md").read_text(encoding="utf-8")
    assert assessment.startswith("# Assessment — Mukhtar Ablyazov (ablyazov-2013), as of 2015-05-25")


def test_assess_output_json_writes_the_whole_assessment(cli: Cli, tmp_path: Path) -> None:
    cli("example", "load")
    result = cli("assess", "ablyazov-2013", "--as-of", "2015-05-25", "--format", "json", "-o", str(tmp_path / "a.json"))
    assert result.stdout == ""
    written = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    shown = json.loads(cli("assess", "ablyazov-2013", "--as-of", "2015-05-25", "--format", "json").stdout)
    assert written == shown


def test_readme_says_how_to_reach_the_installed_command() -> None:
    using = _section("Using it")
    intro = using.split("```", 1)[0]
    assert ". .venv/bin/activate" in intro
    assert ".venv/bin/exwatch" in intro


def test_the_profile_belongs_to_the_login_not_to_the_database(cli: Cli, profile: Profile, tmp_path: Path) -> None:
    """As README says: `profile set` writes the configuration directory; any database drafts with it."""
    config = Path(os.environ["EXWATCH_CONFIG_DIR"])
    other_db = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    signer = ["--name", "Ana Ngo", "--role", "ngo", "--organisation", "Ngo", "--city", "Paris"]
    cli("--db", other_db, "profile", "set", *signer)
    assert "Ana Ngo" in (config / "profile.yaml").read_text(encoding="utf-8")
    shown = json.loads(cli("profile", "show", "--format", "json").stdout)  # the test's own database
    assert (shown["name"], Path(shown["path"])) == ("Ana Ngo", config / "profile.yaml")
    documented = " ".join(_section("Using it").split())
    assert "not in the database" in documented
    assert "user configuration directory" in documented

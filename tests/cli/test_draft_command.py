from __future__ import annotations

from pathlib import Path

import docx
import pytest

from exwatch.draft.profile import Profile
from tests.conftest import Cli


def test_drafting_without_a_profile_says_how_to_set_one(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXWATCH_CONFIG_DIR", str(tmp_path / "empty"))
    cli("example", "load")
    result = cli("draft", "ablyazov-2013", "--as-of", "2015-05-25", ok=False)
    assert result.exit_code == 1
    assert "exwatch profile set" in result.output


def test_profile_set_then_letter_as_docx(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXWATCH_CONFIG_DIR", str(tmp_path / "config"))
    cli(
        "profile",
        "set",
        "--name",
        "Jane Advocate",
        "--role",
        "ngo",
        "--organisation",
        "Open Rights",
        "--city",
        "Paris",
        "--address",
        "1 rue Exemple, 75001 Paris",
    )
    cli("example", "load")
    out = tmp_path / "lettre.docx"
    result = cli(
        "draft",
        "ablyazov-2013",
        "--kind",
        "letter",
        "--lang",
        "fr",
        "--format",
        "docx",
        "--as-of",
        "2015-05-25",
        "--output",
        str(out),
    )
    assert "Premier ministre" in result.output
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "représentant de l'organisation Open Rights" in text
    assert text.count("Monsieur le Premier ministre") >= 2


def test_to_picks_another_body_and_an_unknown_one_lists_the_choices(cli: Cli, profile: Profile) -> None:
    cli("example", "load")
    letter = cli("draft", "ablyazov-2013", "--lang", "fr", "--as-of", "2015-05-25", "--to", "Conseil d'État").stdout
    assert "Monsieur le Président de la Section du contentieux du Conseil d'État," in letter
    wrong = cli("draft", "ablyazov-2013", "--as-of", "2015-05-25", "--to", "Ministry of Magic", ok=False)
    assert "choose one of" in wrong.output
    assert "Premier ministre" in wrong.output


def test_binary_formats_need_an_output_file(cli: Cli, profile: Profile) -> None:
    cli("example", "load")
    result = cli("draft", "ablyazov-2013", "--format", "pdf", "--as-of", "2015-05-25", ok=False)
    assert result.exit_code != 0
    assert "--output" in result.output


def test_a_profile_must_say_whom_the_author_speaks_for(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EXWATCH_CONFIG_DIR", str(tmp_path / "config"))
    refused = cli("profile", "set", "--name", "Jane Advocate", "--role", "ngo", "--city", "Paris", ok=False)
    assert refused.exit_code == 1
    assert "--organisation" in refused.output
    assert not (tmp_path / "config" / "profile.yaml").exists()

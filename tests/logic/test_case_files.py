"""Hostile case files fail fast with an error that says what to fix, and store nothing (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli


def _anchors_bomb() -> str:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 9):
        lines.append(f"l{level}: &l{level} [" + ",".join([f"*{'a' if level == 1 else f'l{level - 1}'}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# id, file name, content, what the error says
HOSTILE = [
    ("json-nested-100k-deep", "deep.json", "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    (
        "yaml-nested-3k-deep",
        "deep.yaml",
        "a:\n" + "".join("  " * i + "b:\n" for i in range(1, 3000)),
        "nested too deeply",
    ),
    ("json-integer-5000-digits", "bigint.json", '{"format": "exwatch-case/1", "id": ' + "9" * 5000 + "}", "too long"),
    ("yaml-alias-bomb", "bomb.yaml", _anchors_bomb(), "aliases expand to more than"),
    ("json-not-a-mapping", "list.json", json.dumps(["a", "b"]), "mapping of fields"),
]


@pytest.mark.parametrize(("name", "content", "says"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_a_hostile_case_file_is_refused_cleanly_and_stores_nothing(
    cli: Cli, tmp_path: Path, name: str, content: str, says: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = cli("case", "import", str(path), ok=False)
    assert result.exit_code == 1
    assert says in result.output
    assert "Traceback" not in result.output
    assert json.loads(cli("case", "list", "--format", "json").stdout) == []

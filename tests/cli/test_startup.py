"""Start-up: building the command line (``exwatch --help`` too) loads no database, migration, calendar or model
library; each command imports what it needs when it runs. Timings are in bench/cli_startup.py, not here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# Each costs a tenth of a second or more to import, and --help needs none of them. (Not pydantic: typer itself
# imports it to parse a subcommand's parameters.)
HEAVY = ("sqlalchemy", "alembic", "holidays", "yaml", "jinja2", "fastapi", "uvicorn")


def _loaded_after(code: str) -> list[str]:
    """The HEAVY packages in sys.modules after running ``code`` in a fresh interpreter."""
    probe = (
        "import json, sys\n"
        f"{code}\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({list(HEAVY)!r}))))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    loaded: list[str] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def test_importing_the_command_line_loads_no_heavy_library() -> None:
    assert _loaded_after("import exwatch.cli.main") == []


@pytest.mark.parametrize(
    "args",
    [["--help"], ["case", "--help"], ["case", "new", "--help"], ["kb", "stats", "--help"], ["draft", "--help"]],
    ids=lambda args: " ".join(args),
)
def test_help_loads_no_heavy_library(args: list[str]) -> None:
    run = (
        "from exwatch.cli.main import app\n"
        "try:\n"
        f"    app({args!r})\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
    )
    assert _loaded_after(run) == []


def test_a_command_still_imports_what_it_needs(tmp_path: Path) -> None:
    """The lazy imports are not a way of skipping work: `case list` opens (and migrates) the store."""
    run = (
        "from exwatch.cli.main import app\n"
        "try:\n"
        f"    app(['--db', 'sqlite:///{tmp_path}/x.sqlite3', 'case', 'list', '--format', 'json'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
    )
    assert "sqlalchemy" in _loaded_after(run)

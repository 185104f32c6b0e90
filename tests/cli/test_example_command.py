from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli


def test_example_load_is_idempotent_and_the_case_is_listed(cli: Cli) -> None:
    assert json.loads(cli("example", "load", "--format", "json").stdout)["action"] == "loaded"
    assert json.loads(cli("example", "load", "--format", "json").stdout)["action"] == "unchanged"
    listed = json.loads(cli("case", "list", "--format", "json").stdout)
    assert [(c["id"], c["subject"]) for c in listed] == [("ablyazov-2013", "Mukhtar Ablyazov")]


def test_case_show_tells_the_story_with_numbered_sources(cli: Cli) -> None:
    cli("example", "load")
    text = cli("case", "show", "ablyazov-2013").stdout
    for expected in ("Timeline", "2015-09-17", "Premier ministre", "Conseil d'État", "Where it stands", "Sources"):
        assert expected in text
    assert "[1] " in text


def test_export_then_reimport_gives_identical_bytes(cli: Cli, tmp_path: Path) -> None:
    cli("example", "load")
    first = cli("case", "export", "ablyazov-2013", "--format", "yaml").stdout
    (tmp_path / "a.yaml").write_text(first, encoding="utf-8")
    cli("case", "import", "--update", str(tmp_path / "a.yaml"))
    assert cli("case", "export", "ablyazov-2013", "--format", "yaml").stdout == first

"""``kb_stats`` counts and the ``kb check`` / ``kb stats`` commands (exit codes, JSON shape)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from exwatch.cli.kb import app
from exwatch.draft.profile import Profile
from exwatch.kb import Knowledge, kb_stats
from tests.conftest import Cli

runner = CliRunner()


def test_stats_count_records_and_list_unverified_ones(kb: Knowledge) -> None:
    stats = kb_stats(kb, today=dt.date(2026, 11, 29))
    assert stats.states >= 249
    assert stats.records == stats.verified + len(stats.unverified)
    assert stats.unverified, "some facts are known to be unverified (e.g. Ukraine's Minsk exit notice)"
    assert all(item.todo for item in stats.unverified)
    by_id = {row.instrument: row for row in stats.instruments}
    assert by_id["minsk-1993"].party_records == 12
    assert by_id["minsk-1993"].in_force_today == 11  # Ukraine left on 29 December 2023
    assert stats.matrix["KZ"]["ets-24"] == ""
    assert stats.matrix["UA"]["minsk-1993"] == "E"
    assert stats.matrix["RU"]["echr"] == "E"
    assert stats.matrix["FR"]["echr"] == "P"


def test_cli_check_passes_on_shipped_data() -> None:
    result = runner.invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["faults"] == []
    assert len(payload["version"]) == 64


def test_cli_check_fails_with_file_and_line(kb_copy: Path) -> None:
    minsk = kb_copy / "parties" / "minsk-1993.yaml"
    minsk.write_text(minsk.read_text(encoding="utf-8").replace("  - state: TM\n", "  - state: XX\n"), encoding="utf-8")
    result = runner.invoke(app, ["check", "--path", str(kb_copy)])
    assert result.exit_code == 1
    assert "parties/minsk-1993.yaml:" in result.output
    assert "'XX' is not an ISO 3166-1 alpha-2 code" in result.output


def test_cli_stats_json() -> None:
    result = runner.invoke(app, ["stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert {"version", "records", "verified", "unverified", "matrix", "instruments"} <= set(payload)


def test_cli_stats_full_lists_unverified_records() -> None:
    result = runner.invoke(app, ["stats", "--full"])
    assert result.exit_code == 0, result.output
    assert "Unverified records" in result.output


def test_assess_draft_and_kb_show_one_knowledge_version(cli: Cli, profile: Profile) -> None:
    """The version a draft is registered with is the one `kb stats` and `kb check` print and `assess` records."""
    cli("example", "load")
    stats = json.loads(cli("kb", "stats", "--format", "json").stdout)["version"]
    checked = json.loads(cli("kb", "check", "--format", "json").stdout)["version"]
    assessed = json.loads(cli("assess", "ablyazov-2013", "--format", "json").stdout)["knowledge_version"]
    cli("draft", "ablyazov-2013", "--as-of", "2015-05-25")
    (registered,) = [e["knowledge_version"] for e in json.loads(cli("sent", "list", "--format", "json").stdout)]
    assert stats == checked == assessed == registered
    assert stats[:12] in cli("kb", "stats").stdout

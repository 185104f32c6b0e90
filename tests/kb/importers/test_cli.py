"""``exwatch kb import`` and ``exwatch kb figures``: the summary people read and the JSON programs read."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Cli
from tests.kb.importers.helpers import PTS_HEADER, WriteCsv, pts_row


def test_import_prints_what_was_stored_and_what_was_skipped(cli: Cli, data_file: Callable[[str], Path]) -> None:
    result = cli("kb", "import", "pts", str(data_file("pts/PTS-2024.csv")))

    assert "Imported Political Terror Scale PTS-2024 from PTS-2024.csv" in result.output
    assert "country-years" in result.output
    assert "198 states, 1976-2023" in result.output
    assert "Soviet Union" in result.output
    assert "no ISO 3166-1 state" in result.output

    again = cli("kb", "import", "pts", str(data_file("pts/PTS-2024.csv")), "--format", "json")
    summary = json.loads(again.stdout)
    assert summary["version"] == "PTS-2024"
    assert summary["replaced"] == summary["figures"]
    assert {"name", "reason", "rows", "first_year", "last_year"} <= set(summary["unmapped"][0])


def test_figures_shows_the_latest_values_with_their_source(cli: Cli, write_csv: WriteCsv) -> None:
    path = write_csv(
        "pts.csv",
        [
            PTS_HEADER,
            pts_row("Kazakhstan", "KAZ", 2014, "3", "3", "3"),
            pts_row("Kazakhstan", "KAZ", 2015, "2", "3", "3"),
        ],
    )
    summary = cli("kb", "import", "pts", str(path)).output
    assert "Imported Political Terror Scale PTS-2016 from pts.csv" in summary
    assert "2 country-years, 6 figures, 1 states, 2014-2015" in summary

    text = cli("kb", "figures", "Kazakhstan", "--year", "2014").output
    assert "Kazakhstan (KZ)" in text
    assert "PTS_A" in text
    assert "Source: Gibney" in text
    assert "PTS-2016" in text

    data = json.loads(cli("kb", "figures", "KZ", "--year", "2015", "--format", "json").stdout)
    assert (data["state"], data["as_of_year"]) == ("KZ", 2015)
    assert [(f["indicator"], f["year"], f["value"]) for f in data["figures"]] == [
        ("PTS_A", 2015, 2.0),
        ("PTS_H", 2015, 3.0),
        ("PTS_S", 2015, 3.0),
    ]
    assert data["figures"][0]["source"]["file"] == "pts.csv"
    assert data["figures"][0]["source"]["imported_at"].endswith("+00:00")


def test_figures_for_a_state_without_imports_says_how_to_import(cli: Cli) -> None:
    assert "exwatch kb import" in cli("kb", "figures", "FR", "--year", "2015").output


def test_a_wrong_file_exits_1_with_the_missing_columns(cli: Cli, write_csv: WriteCsv) -> None:
    path = write_csv("pts.csv", [PTS_HEADER, pts_row("Russia", "RUS", 2015, "3", "3", "4")])
    result = cli("kb", "import", "vdem", str(path), ok=False)

    assert result.exit_code == 1
    assert "missing column(s) country_name, country_text_id, year" in result.output
    assert "Traceback" not in result.output

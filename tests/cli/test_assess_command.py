from __future__ import annotations

import json

from tests.conftest import Cli


def test_assess_json_keeps_the_design_contract(cli: Cli) -> None:
    cli("example", "load")
    data = json.loads(cli("assess", "ablyazov-2013", "--as-of", "2015-05-25", "--format", "json").stdout)
    assert data["political_motivation"]["level"] in ("high", "elevated", "low", "unknown")
    for finding in data["political_motivation"]["findings"]:
        assert set(finding) >= {"indicator", "status", "facts", "sources"}
    for dest in data["destinations"]:
        assert set(dest) >= {"state", "torture_risk", "fair_trial_risk", "sources"}
        assert len(dest["state"]) == 2
    for path in data["onward_transfer"]:
        assert set(path) >= {"path", "basis", "risk"}
    assert set(data["procedure"]) >= {"jurisdiction", "stage", "next_decision_by", "deadline"}
    assert isinstance(data["conclusion"]["protection_warranted"], bool)
    assert data["conclusion"]["reasons"]


def test_assess_json_is_byte_identical_between_runs(cli: Cli) -> None:
    cli("example", "load")
    args = ("assess", "ablyazov-2013", "--as-of", "2015-05-25", "--format", "json")
    assert cli(*args).stdout == cli(*args).stdout


def test_markdown_report_cites_its_sources(cli: Cli) -> None:
    cli("example", "load")
    report = cli("assess", "ablyazov-2013", "--as-of", "2015-05-25", "--format", "md").stdout
    assert report.startswith("# Assessment — Mukhtar Ablyazov")
    for section in (
        "## Conclusion",
        "## Political motivation",
        "## Destinations",
        "## Onward transfer",
        "## Case sources",
    ):
        assert section in report
    assert "[ce-2016-press]" in report


def test_rule_list_prints_every_indicator(cli: Cli) -> None:
    listed = json.loads(cli("assess", "--rules", "--format", "json").stdout)
    assert {"P1", "P2", "P3", "C1"} <= {item["id"] for item in listed}
    assert all(item["rule"] for item in listed)


def test_assess_without_a_case_says_what_to_do(cli: Cli) -> None:
    result = cli("assess", ok=False)
    assert result.exit_code == 1
    assert "--rules" in result.output

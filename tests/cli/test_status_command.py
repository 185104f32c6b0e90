from __future__ import annotations

import json
from pathlib import Path

import icalendar

from tests.conftest import Cli


def test_status_json_follows_the_contract(cli: Cli) -> None:
    cli("example", "load")
    out = json.loads(cli("status", "ablyazov-2013", "--as-of", "2015-05-25", "--format", "json").stdout)
    assert out["as_of"] == "2015-05-25"
    (france,) = [j for j in out["jurisdictions"] if j["jurisdiction"] == "FR"]
    assert france["stage"]["id"] == "opinion_final"
    assert france["next_decision_by"]["name"]["en"].startswith("Prime Minister")
    assert france["deadline"] is None


def test_status_text_says_what_to_do_next(cli: Cli) -> None:
    cli("example", "load")
    text = cli("status", "ablyazov-2013", "--as-of", "2015-10-31").stdout
    assert "Décret d'extradition signé" in text
    assert "recours pour excès de pouvoir" in text
    assert "Rule 39" in text


def test_deadlines_export_to_a_calendar_file_that_a_real_parser_reads(cli: Cli, tmp_path: Path) -> None:
    cli("example", "load")
    ics = tmp_path / "deadlines.ics"
    listed = json.loads(
        cli("deadlines", "--as-of", "2015-10-31", "--within", "2m", "--ics", str(ics), "--format", "json").stdout
    )
    assert {d["id"] for d in listed} == {"recours-conseil-etat", "surrender"}
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    starts = sorted(e.decoded("DTSTART").isoformat() for e in events)
    assert starts == ["2015-11-01", "2015-11-02"]
    assert all("Mukhtar Ablyazov" in str(e.get("SUMMARY")) for e in events)


def test_deadlines_within_a_short_horizon_leave_later_ones_out(cli: Cli) -> None:
    cli("example", "load")
    assert json.loads(cli("deadlines", "--as-of", "2014-10-27", "--within", "2d", "--format", "json").stdout) == []
    near = json.loads(cli("deadlines", "--as-of", "2014-10-27", "--within", "5d", "--format", "json").stdout)
    assert [d["id"] for d in near] == ["pourvoi"]


def test_bad_dates_and_horizons_say_how_to_write_them(cli: Cli) -> None:
    cli("example", "load")
    assert "YYYY-MM-DD" in cli("status", "ablyazov-2013", "--as-of", "25/05/2015", ok=False).output
    assert "30d" in cli("deadlines", "--within", "soon", ok=False).output

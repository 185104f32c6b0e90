"""Documents in, proposals reviewed, facts in the case, drafts only from reviewed facts — on both databases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from exwatch.draft.profile import Profile
from tests.conftest import Cli

LETTER = """Strasbourg, 12 March 2021

Dear Minister,

I write about Mr Ivan Petrov, a Russian opposition journalist who was arrested in Riga on 3 February 2021 on an
INTERPOL red notice issued by Russia. The Russian authorities have sent a request for his extradition on charges
of extremism. Sweden granted him refugee status in 2019.
"""


@pytest.fixture
def letter(tmp_path: Path) -> Path:
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")
    return path


def _review(cli: Cli, case_id: str, *args: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(cli("review", case_id, *args, "--format", "json").stdout)
    return result


def test_ingest_new_case_prints_the_case_id_and_the_proposals(cli: Cli, letter: Path) -> None:
    out = json.loads(cli("ingest", str(letter), "--new-case", "--format", "json").stdout)
    assert out["id"] == "ivan-petrov"
    kinds = {p["kind"] for p in out["proposals"]}
    assert {"name", "state_role", "request", "fact"} <= kinds
    assert all(p["span"]["quote"] for p in out["proposals"])
    case = json.loads(cli("case", "export", "ivan-petrov").stdout)
    assert case.get("states", []) == []  # nothing enters the case before review


def test_accept_all_puts_reviewed_facts_in_the_case_citing_the_document(cli: Cli, letter: Path) -> None:
    cli("ingest", str(letter), "--new-case")
    decided = _review(cli, "ivan-petrov", "--accept-all")
    assert decided["decided"]["accepted"] >= 5
    case = json.loads(cli("case", "export", "ivan-petrov").stdout)
    (document,) = [s for s in case["sources"] if s["id"].startswith("doc-")]
    assert document["title"] == "letter.txt"
    assert {"persecuting", "requesting"} <= set(next(r for r in case["states"] if r["state"] == "RU")["roles"])
    assert any(f["kind"] == "refugee_status" and f["state"] == "SE" for f in case["facts"])
    assert all(c["source"] == document["id"] for r in case["requests"] for c in r["sources"])


def test_incomplete_and_ambiguous_proposals_stay_open_and_need_an_edit(cli: Cli, letter: Path) -> None:
    cli("ingest", str(letter), "--new-case")
    _review(cli, "ivan-petrov", "--accept-all")
    still_open = _review(cli, "ivan-petrov")["proposals"]
    assert still_open, "the arrest without a jurisdiction and the charge with two candidate requests stay open"
    arrest = next(p for p in still_open if p["kind"] == "event" and p["value"]["action"] == "arrest")
    refused = cli("review", "ivan-petrov", "--accept", str(arrest["id"]), ok=False)
    assert "accept it with an edit" in refused.output
    fixed = {**arrest["value"], "jurisdiction": "LV", "body": "State Police of Latvia"}
    _review(cli, "ivan-petrov", "--edit", f"{arrest['id']}={json.dumps(fixed)}")
    case = json.loads(cli("case", "export", "ivan-petrov").stdout)
    assert any(e["action"] == "arrest" and e["jurisdiction"] == "LV" for e in case["events"])


def test_rejections_are_kept_in_the_history_and_cannot_be_decided_twice(cli: Cli, letter: Path) -> None:
    out = json.loads(cli("ingest", str(letter), "--new-case", "--format", "json").stdout)
    first = out["proposals"][0]["id"]
    _review(cli, "ivan-petrov", "--reject", str(first), "--note", "not about the subject")
    rejected = _review(cli, "ivan-petrov", "--status", "rejected")["proposals"]
    assert [p["id"] for p in rejected] == [first]
    again = cli("review", "ivan-petrov", "--accept", str(first), ok=False)
    assert "already reviewed" in again.output


def test_the_same_file_twice_is_one_document(cli: Cli, letter: Path) -> None:
    first = json.loads(cli("ingest", str(letter), "--new-case", "--format", "json").stdout)
    second = json.loads(cli("ingest", str(letter), "--case", "ivan-petrov", "--format", "json").stdout)
    assert first["documents"][0]["sha256"] == second["documents"][0]["sha256"]


def test_drafting_refuses_while_proposals_are_unreviewed(cli: Cli, letter: Path, profile: Profile) -> None:
    cli("example", "load")
    cli("ingest", str(letter), "--case", "ablyazov-2013")
    refused = cli("draft", "ablyazov-2013", "--as-of", "2015-05-25", ok=False)
    assert "unreviewed proposal" in refused.output
    assert "exwatch review ablyazov-2013" in refused.output


def test_bad_input_is_an_error_that_stores_nothing(cli: Cli, tmp_path: Path, letter: Path) -> None:
    odd = tmp_path / "scan.xyz"
    odd.write_bytes(b"\x00\x01binary")
    result = cli("ingest", str(letter), str(odd), "--new-case", ok=False)
    assert result.exit_code == 1
    assert json.loads(cli("case", "list", "--format", "json").stdout) == []
    assert "--new-case" in cli("ingest", str(letter), ok=False).output


def test_the_register_records_drafts_sending_and_responses(cli: Cli, profile: Profile, tmp_path: Path) -> None:
    cli("example", "load")
    out = tmp_path / "letter.docx"
    cli("draft", "ablyazov-2013", "--lang", "fr", "--format", "docx", "--as-of", "2015-05-25", "-o", str(out))
    (entry,) = json.loads(cli("sent", "list", "--format", "json").stdout)
    assert entry["kind"] == "letter"
    assert entry["knowledge_version"]
    assert "ce-2016-press" not in entry["sources"]  # published after the letter's date
    cli("sent", "mark", str(entry["id"]), "--on", "2015-05-25", "--channel", "post")
    cli("sent", "response", str(entry["id"]), "--on", "2015-07-02", "--text", "Acknowledged by the cabinet.")
    (entry,) = json.loads(cli("sent", "list", "ablyazov-2013", "--format", "json").stdout)
    assert (entry["sent_on"], entry["response_on"]) == ("2015-05-25", "2015-07-02")

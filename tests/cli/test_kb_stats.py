"""``kb stats`` opens with a summary a person can read (each part's records and how many are unverified); the
detail, two thousand lines of it, only with ``--full``; ``--format json`` always has everything."""

from __future__ import annotations

import json
import re

from tests.conftest import Cli


def test_the_summary_is_short_and_counts_the_unverified_records(cli: Cli) -> None:
    data = json.loads(cli("kb", "stats", "--format", "json").stdout)
    unverified = len(data["unverified"]) + len(data["evidence"]["unverified"])
    text = cli("kb", "stats").stdout
    assert len(text.splitlines()) <= 25, text
    assert f"Knowledge version {data['version'][:12]}" in text
    for part in ("states.yaml", "instruments.yaml", "parties/", "transfer_links.yaml", "evidence/"):
        assert part in text
    assert f"{unverified} unverified records" in text
    assert "kb stats --full" in text
    assert "Unverified records" not in text  # the table of them is --full's
    # each part's count adds up to the knowledge base's own count of unverified records
    counts = [int(n) for n in re.findall(r"│\s+(\d+) │\s*$", text, flags=re.MULTILINE)]
    assert sum(counts) == unverified


def test_full_lists_every_unverified_record(cli: Cli) -> None:
    data = json.loads(cli("kb", "stats", "--format", "json").stdout)
    text = cli("kb", "stats", "--full").stdout
    for title in ("Instruments", "Focus states x instruments", "Unverified records", "Unverified country evidence"):
        assert title in text
    for item in data["unverified"]:
        assert f"{item['file']}:{item['line']}" in text
    for item in data["evidence"]["unverified"]:
        assert f"{item['file']}:{item['line']}" in text


def test_json_is_complete_without_full(cli: Cli) -> None:
    data = json.loads(cli("kb", "stats", "--format", "json").stdout)
    assert data == json.loads(cli("kb", "stats", "--format", "json", "--full").stdout)
    assert {"version", "records", "verified", "unverified", "matrix", "instruments", "evidence"} <= set(data)
    assert data["unverified"]
    assert data["evidence"]["unverified"]
    assert data["matrix"]

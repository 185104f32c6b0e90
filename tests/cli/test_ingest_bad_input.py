"""Bad documents: each gives a clear message or a best-effort result with a warning, never a crash, and
never a half-ingested document."""

from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from exwatch.ingest.api import ingest_file
from tests.conftest import Cli
from tests.ingest.pdfgen import make_pdf

TEXT = "Mr Ivan Petrov, a Russian opposition journalist, was arrested in Riga on 3 February 2021."


def _nothing_stored(cli: Cli) -> bool:
    cases: list[object] = json.loads(cli("case", "list", "--format", "json").stdout)
    return cases == []


def test_empty_file_is_refused_and_nothing_is_stored(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = cli("ingest", str(empty), "--new-case", ok=False)
    assert result.exit_code == 1
    assert "empty" in result.output
    assert _nothing_stored(cli)


def test_corrupt_pdf_is_refused_with_the_file_named(cli: Cli, tmp_path: Path) -> None:
    broken = tmp_path / "decision.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    result = cli("ingest", str(broken), "--new-case", ok=False)
    assert result.exit_code == 1
    assert "decision.pdf" in result.output
    assert _nothing_stored(cli)


def test_encrypted_pdf_asks_for_an_unprotected_copy(cli: Cli, tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([TEXT]))))
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as handle:
        writer.write(handle)
    result = cli("ingest", str(locked), "--new-case", ok=False)
    assert result.exit_code == 1
    assert "unprotected copy" in result.output
    assert _nothing_stored(cli)


def test_scanned_page_without_text_gives_a_warning_not_a_crash(cli: Cli, tmp_path: Path) -> None:
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(make_pdf([TEXT, None]))  # the second page has no text layer
    out = json.loads(cli("ingest", str(scanned), "--new-case", "--format", "json").stdout)
    assert any("page 2" in w or "no text" in w for w in out["warnings"])


def test_non_utf8_text_is_read_best_effort(cli: Cli, tmp_path: Path) -> None:
    latin = tmp_path / "lettre.txt"
    latin.write_bytes("M. Ivan Petrov, journaliste d'opposition, a été arrêté à Riga.".encode("latin-1"))
    out = json.loads(cli("ingest", str(latin), "--new-case", "--format", "json").stdout)
    assert out["documents"][0]["language"] == "fr"


def test_a_500_page_pdf_is_ingested(cli: Cli, tmp_path: Path) -> None:
    big = tmp_path / "long.pdf"
    big.write_bytes(make_pdf([f"Page {n}. {TEXT}" for n in range(500)]))
    out = json.loads(cli("ingest", str(big), "--new-case", "--format", "json").stdout)
    assert out["id"]
    assert out["proposals"]  # the same facts on every page are proposed once
    assert len(ingest_file(big).document.page_starts) == 500

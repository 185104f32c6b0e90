"""The CCF request, the Rule 39 request and the brief for the seed case, as real DOCX and PDF files."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import docx
import pytest

from exwatch.draft.profile import Profile
from tests.conftest import Cli, tool

DECREE_SIGNED = "2015-10-31"


@pytest.fixture
def seed(cli: Cli, profile: Profile) -> Cli:
    cli("example", "load")
    return cli


def _md(cli: Cli, kind: str, as_of: str = DECREE_SIGNED) -> str:
    return cli("draft", "ablyazov-2013", "--kind", kind, "--as-of", as_of).stdout


def test_ccf_request_has_the_structure_the_ccf_asks_for(seed: Cli) -> None:
    text = _md(seed, "ccf-request")
    assert "Dear Members of the Commission," in text
    for section in (
        "## 1. The applicant",
        "## 2. The data concerned",
        "## 3. What is requested",
        "## 4. Grounds",
        "## 5. Time limits",
        "## 6. Enclosures",
    ):
        assert section in text
    assert "INTERPOL red notice requested by Ukraine" in text
    assert "Article 3 of INTERPOL's Constitution" in text
    assert "refugee in 2011" in text
    assert "Power of attorney" in text


def test_ccf_time_limits_appear_only_once_the_statute_exists(seed: Cli) -> None:
    assert "within four months" not in _md(seed, "ccf-request", "2015-10-31")
    assert "within four months" in _md(seed, "ccf-request", "2019-01-01")


def test_rule39_request_states_imminence_remedies_and_risk(seed: Cli) -> None:
    text = _md(seed, "rule39")
    assert text.startswith("# RULE 39 — URGENT")
    assert "Mukhtar Ablyazov v. France" in text
    assert "not be extradited or otherwise removed to Russia or to Ukraine" in text
    assert "17 September 2015: extradition decree" in text
    assert "Still open: Application for annulment of the decree" in text
    assert "Kazakhstan: the risk of torture" in text


def test_brief_has_the_timeline_findings_and_paths(seed: Cli) -> None:
    text = _md(seed, "brief")
    for section in (
        "## Conclusion",
        "## Where the case stands",
        "## Timeline",
        "## Political motivation",
        "## Destinations",
        "## Transfer paths",
    ):
        assert section in text
    assert "RU → KZ" in text


@pytest.mark.parametrize("kind", ["ccf-request", "rule39", "brief"])
def test_every_kind_renders_to_docx_and_pdf(seed: Cli, kind: str, tmp_path: Path) -> None:
    docx_path, pdf_path = tmp_path / f"{kind}.docx", tmp_path / f"{kind}.pdf"
    seed("draft", "ablyazov-2013", "--kind", kind, "--as-of", DECREE_SIGNED, "--format", "docx", "-o", str(docx_path))
    seed("draft", "ablyazov-2013", "--kind", kind, "--as-of", DECREE_SIGNED, "--format", "pdf", "-o", str(pdf_path))
    paragraphs = [p.text for p in docx.Document(str(docx_path)).paragraphs]
    assert any("Ablyazov" in p for p in paragraphs)
    text = subprocess.run([tool("pdftotext"), str(pdf_path), "-"], check=True, capture_output=True, text=True).stdout
    assert "Ablyazov" in text
    assert dt.date(2015, 10, 31).strftime("%B") in text or kind == "brief"

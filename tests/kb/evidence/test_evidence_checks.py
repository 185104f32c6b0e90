"""check_evidence: the shipped data is clean, and each kind of fault is reported at its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from exwatch.kb.errors import Fault, KnowledgeError
from exwatch.kb.evidence import DATA_DIR, check_evidence, load_evidence
from exwatch.kb.evidence.rulebook import RULES_FILE, read_rules
from exwatch.kb.stats import REQUESTING_STATES

REQUESTING = list(REQUESTING_STATES)


def test_shipped_evidence_has_no_fault() -> None:
    assert check_evidence() == []


def test_every_requesting_state_has_verified_evidence() -> None:
    evidence = load_evidence()
    for state in REQUESTING:
        assert (DATA_DIR / f"{state}.yaml").exists(), state
        assert any(r.verified for r in evidence.of_state(state)), state


def test_shipped_rule_book_has_no_fault() -> None:
    book, faults = read_rules()
    assert book is not None
    assert faults == []


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR, target)
    return target


def _line_of(path: Path, text: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _faults_at(faults: list[Fault], file: str, line: int) -> list[str]:
    return [f.message for f in faults if f.file == file and f.line == line]


def test_record_without_source(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "KG.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("    sources:", text.index("- id: kg-ecthr-khasanov-rakhmanov-2022"))
    path.write_text(text[:start], encoding="utf-8")  # the last record loses its sources
    faults = check_evidence(data)
    line = _line_of(path, "- id: kg-ecthr-khasanov-rakhmanov-2022")
    assert any("no source" in m for m in _faults_at(faults, "KG.yaml", line)), faults
    assert str(next(f for f in faults if "no source" in f.message)).startswith(f"KG.yaml:{line}: ")


@pytest.mark.parametrize(
    ("old", "new", "anchor", "expected"),
    [
        (
            "    state: KZ\n    date: 2009-11-19",
            "    state: QQ\n    date: 2009-11-19",
            "- id: kz-ecthr-kaboulov-2009",
            "not an ISO 3166-1 alpha-2 code",
        ),
        (
            "    date: 2009-11-19\n    kind",
            "    date: 2009-02-30\n    kind",
            "- id: kz-ecthr-kaboulov-2009",
            "February 2009 has days",
        ),
        (
            "- id: kz-ecthr-baysakov-2010",
            "- id: kz-ecthr-kaboulov-2009",
            "- id: kz-ecthr-kaboulov-2009\n    state: KZ\n    date: 2010",
            "duplicate id",
        ),
        ("application: 41015/04, ", "", "ecthr: {applicant: Kaboulov", "without application number"),
        (
            "    kind: ecthr_judgment\n    body: European Court of Human Rights\n    reference: Kaboulov",
            "    kind: ecthr_ruling\n    body: European Court of Human Rights\n    reference: Kaboulov",
            "- id: kz-ecthr-kaboulov-2009",
            "evidence.4.kind",
        ),
        (
            "    direction: risk\n    groups: [criminal_suspects_in_custody]\n    strength: general_pattern\n    ecthr",
            "    direction: risk\n    groups: [criminals]\n    strength: general_pattern\n    ecthr",
            "- id: kz-ecthr-kaboulov-2009",
            "groups.0",
        ),
    ],
    ids=["unknown-state", "impossible-date", "duplicate-id", "ecthr-without-number", "unknown-kind", "unknown-group"],
)
def test_broken_copy_reports_file_and_line(tmp_path: Path, old: str, new: str, anchor: str, expected: str) -> None:
    data = _copy(tmp_path)
    path = data / "KZ.yaml"
    _edit(path, old, new)
    faults = check_evidence(data)
    first_anchor_line = anchor.split("\n")[0]
    if "\n" in anchor:  # the second occurrence (the duplicate)
        text = path.read_text(encoding="utf-8")
        line = text[: text.index(anchor)].count("\n") + 1
    else:
        line = _line_of(path, first_anchor_line)
    messages = _faults_at(faults, "KZ.yaml", line)
    assert any(expected in m for m in messages), (line, faults)


def test_unverified_source_needs_a_note(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "KZ.yaml"
    _edit(path, "        note: identity only; read the operative part on HUDOC\n", "")
    faults = check_evidence(data)
    assert any("needs a note" in f.message and f.file == "KZ.yaml" for f in faults)


def test_verified_record_must_give_its_direction(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "KZ.yaml"
    _edit(path, "    direction: no_risk\n", "")
    assert any("direction" in f.message for f in check_evidence(data))


def test_load_refuses_broken_data(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    _edit(data / "RU.yaml", "    date: 2012-11-22\n", "    date: 2012-13-22\n")
    with pytest.raises(KnowledgeError, match=r"RU.yaml:\d+: date"):
        load_evidence(data)


def test_rule_book_without_a_weight_is_a_fault(tmp_path: Path) -> None:
    broken = tmp_path / "rules.yaml"
    text = RULES_FILE.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines(keepends=True) if not ln.lstrip().startswith("ngo_report: {points")]
    broken.write_text("".join(lines), encoding="utf-8")
    _, faults = read_rules(broken)
    assert any("no weight for ngo_report" in f.message for f in faults)


def test_coverage_and_unverified_listing() -> None:
    evidence = load_evidence()
    total, verified = evidence.coverage()["KZ"]
    assert total == len(evidence.of_state("KZ"))
    assert 0 < verified < total
    todo = {row[2]: row for row in evidence.unverified()}
    assert "kz-ecthr-dzhaksybergenov-2011" in todo
    assert "kz-ecthr-kaboulov-2009" not in todo
    file, line, _, note = todo["kz-ecthr-dzhaksybergenov-2011"]
    assert (file, bool(note)) == ("KZ.yaml", True)
    assert _line_of(DATA_DIR / "KZ.yaml", "- id: kz-ecthr-dzhaksybergenov-2011") == line


def test_supersedes_must_name_a_record_of_the_same_state(tmp_path: Path) -> None:
    data = _copy(tmp_path)
    path = data / "IN.yaml"
    _edit(path, "supersedes: [in-ewhc-chawla-stay-2018]", "supersedes: [kz-ecthr-kaboulov-2009]")
    line = _line_of(path, "- id: in-ewhc-chawla-2018")
    assert any("supersedes" in m for m in _faults_at(check_evidence(data), "IN.yaml", line))

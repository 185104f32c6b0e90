"""``check_knowledge``: the shipped data is clean, and each kind of fault is found at its line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from exwatch.kb import DATA_DIR, check_knowledge, knowledge_version


def _replace(path: Path, old: str, new: str, count: int = 1) -> int:
    """Edit a knowledge file; return the 1-based line where the edit starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def _at(faults: Sequence[object], where: str) -> list[str]:
    return [str(f) for f in faults if str(f).startswith(where)]


def test_shipped_knowledge_has_no_fault() -> None:
    faults = check_knowledge()
    assert faults == [], "\n".join(str(f) for f in faults)


def test_record_without_source_is_reported_with_file_and_line(kb_copy: Path) -> None:
    links = kb_copy / "transfer_links.yaml"
    line = _replace(links, "  - id: kz-fr-none\n", "  - id: kz-fr-none\n")
    text = links.read_text(encoding="utf-8")
    start = text.index("  - id: kz-fr-none")
    block_end = text.index("  - id: ru-gb-none")
    block = text[start:block_end]
    stripped = block[: block.index("    sources:")]
    links.write_text(text[:start] + stripped + text[block_end:], encoding="utf-8")
    faults = check_knowledge(kb_copy)
    assert _at(faults, f"transfer_links.yaml:{line}: no source")


def test_unknown_state_code_is_reported(kb_copy: Path) -> None:
    line = _replace(kb_copy / "parties" / "minsk-1993.yaml", "  - state: TM\n", "  - state: ZZ\n")
    faults = check_knowledge(kb_copy)
    assert _at(faults, f"parties/minsk-1993.yaml:{line}: state: 'ZZ' is not an ISO 3166-1 alpha-2 code")


def test_impossible_date_is_reported(kb_copy: Path) -> None:
    line = _replace(kb_copy / "parties" / "ets-24.yaml", "    in_force: 1986-05-11\n", "    in_force: 1986-02-30\n")
    faults = check_knowledge(kb_copy)
    # The fault points at the mapping that holds the date (the party record starts a few lines up).
    hits = [str(f) for f in faults if "1986-02-30" in str(f)]
    assert hits, faults
    fault_line = int(hits[0].split(":")[1])
    assert line - 4 <= fault_line <= line


def test_end_before_start_is_reported(kb_copy: Path) -> None:
    _replace(kb_copy / "parties" / "minsk-1993.yaml", "    ended: 2023-12-29\n", "    ended: 1990-01-01\n")
    faults = check_knowledge(kb_copy)
    assert any("ended (1990-01-01) is before in_force (1995-04-14)" in str(f) for f in faults), faults


def test_duplicate_party_and_duplicate_key_are_reported(kb_copy: Path) -> None:
    minsk = kb_copy / "parties" / "minsk-1993.yaml"
    _replace(minsk, "  - state: GE\n", "  - state: TM\n")
    # The fault is reported at the second occurrence, the original TM record.
    second = [i for i, row in enumerate(minsk.read_text(encoding="utf-8").split("\n"), 1) if row == "  - state: TM"][1]
    faults = check_knowledge(kb_copy)
    assert _at(faults, f"parties/minsk-1993.yaml:{second}: duplicate party 'TM'"), faults
    dup_key = _replace(
        kb_copy / "transfer_links.yaml", "    signed: 1996-07-05\n", "    signed: 1996-07-05\n    signed: 1996-07-06\n"
    )
    faults = check_knowledge(kb_copy)
    assert _at(faults, f"transfer_links.yaml:{dup_key + 1}: key 'signed' appears twice"), faults


def test_unknown_reference_and_unknown_document_are_reported(kb_copy: Path) -> None:
    _replace(kb_copy / "parties" / "minsk-1993.yaml", "instrument: minsk-1993", "instrument: minsk-1994")
    line = _replace(kb_copy / "parties" / "chisinau-2002.yaml", "doc: zakonpravo-kz-chisinau", "doc: no-such-doc")
    faults = check_knowledge(kb_copy)
    assert any("unknown instrument id 'minsk-1994'" in str(f) for f in faults)
    assert _at(faults, f"parties/chisinau-2002.yaml:{line}: source doc 'no-such-doc'")


def test_unverified_source_without_note_is_a_fault(kb_copy: Path) -> None:
    text = (kb_copy / "states.yaml").read_text(encoding="utf-8")
    old = (
        "{doc: wiki-interpol-2022, verified: false, pinpoint: membership section, "
        "note: secondary; check the member-country pages on interpol.int}"
    )
    line = _replace(kb_copy / "states.yaml", old, "{doc: wiki-interpol-2022, verified: false}")
    assert text.count(old) == 1
    assert _at(check_knowledge(kb_copy), f"states.yaml:{line}: unverified source needs a note")


def test_knowledge_version_is_stable_and_follows_the_bytes(kb_copy: Path) -> None:
    assert knowledge_version() == knowledge_version(DATA_DIR)
    assert knowledge_version(kb_copy) == knowledge_version()
    assert len(knowledge_version()) == 64
    _replace(kb_copy / "instruments.yaml", "version: 1", "version: 1 ")
    assert knowledge_version(kb_copy) != knowledge_version()

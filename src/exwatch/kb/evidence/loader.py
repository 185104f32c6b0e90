"""Read the per-state evidence files into typed records, remembering file and line.

Shape faults (bad YAML, unknown key, an enum value outside the vocabulary, a missing
field) are collected here with the line of the mapping at fault; the faults that need the
whole set (duplicates, state codes, dates, ECtHR numbers) are added by :mod:`.checks`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from exwatch.kb.errors import Fault, KnowledgeError
from exwatch.kb.evidence.models import Evidence, EvidenceFile
from exwatch.kb.loader import files_version, located, validate_file

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class EvidenceSet:
    """Every evidence file of a directory, keyed by its file name, with the content hash."""

    root: Path
    version: str
    files: dict[str, EvidenceFile]

    def all(self) -> list[Evidence]:
        """All records, in file then document order."""
        return [record for f in self.files.values() for record in f.evidence]

    def of_state(self, state: str) -> list[Evidence]:
        """The records about one state (alpha-2), wherever they are filed."""
        return [record for record in self.all() if record.state == state]

    def coverage(self) -> dict[str, tuple[int, int]]:
        """Per state: (findings, verified findings), for ``kb stats``."""
        table: dict[str, tuple[int, int]] = {}
        for record in self.all():
            total, verified = table.get(record.state, (0, 0))
            table[record.state] = (total + 1, verified + int(record.verified))
        return dict(sorted(table.items()))

    def unverified(self) -> list[tuple[str, int, str, str]]:
        """(file, line, id, what remains to check) for every finding that cannot yet move a level."""
        rows = []
        for rel, loaded in self.files.items():
            for record in loaded.evidence:
                if not record.verified:
                    todo = "; ".join(s.note or "" for s in record.sources if not s.verified)
                    rows.append((rel, record.line, record.id, todo))
        return rows


def evidence_files(root: Path) -> list[Path]:
    """The evidence files under ``root`` in a stable order."""
    return sorted(root.glob("*.yaml"))


def evidence_version(root: Path | None = None) -> str:
    """sha256 over each file's name and bytes: the same files always give the same version."""
    base = root or DATA_DIR
    return files_version(base, evidence_files(base))


def read_file(path: Path, faults: list[Fault]) -> EvidenceFile | None:
    """Parse and shape-check one file; every problem goes to ``faults`` with its line."""
    return validate_file(EvidenceFile, path.name, path, faults)


def read_evidence(root: Path | None = None) -> tuple[EvidenceSet, list[Fault]]:
    """Every file that parses, and the shape faults of those that do not."""
    base = root or DATA_DIR
    faults: list[Fault] = []
    files: dict[str, EvidenceFile] = {}
    for path in evidence_files(base):
        loaded = read_file(path, faults)
        if loaded is not None:
            files[path.name] = loaded
    return EvidenceSet(base, evidence_version(base), files), faults


@lru_cache(maxsize=4)
def _load(root: Path, version: str) -> EvidenceSet:
    # ``version`` is in the cache key so that an edited file is read again.
    from exwatch.kb.evidence.checks import check_set  # checks imports this module

    evidence, faults = read_evidence(root)
    faults += check_set(evidence)
    if faults:
        raise KnowledgeError(f"the evidence in {root} has {len(faults)} fault(s)", sorted(faults))
    return evidence


def load_evidence(root: Path | None = None) -> EvidenceSet:
    """The validated evidence (cached per directory); raises :class:`KnowledgeError` on any fault."""
    return _load(*located("evidence", root, DATA_DIR, evidence_files))

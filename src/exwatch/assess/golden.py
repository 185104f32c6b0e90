"""Running the assessment over a table of real cases with known outcomes (the golden table).

Used by ``bench/golden.py`` (prints the table, sensitivity and specificity) and by the tests.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from exwatch.assess.assessment import assess_case
from exwatch.logic.files import read_case


@dataclass(frozen=True)
class GoldenRow:
    id: str
    expected: bool
    predicted: bool
    political: str
    reasons: int
    final_decision: str


def run_golden(table: Path, repo: Path) -> list[GoldenRow]:
    rows: list[dict[str, Any]] = yaml.safe_load(table.read_text(encoding="utf-8"))
    out = []
    for row in rows:
        case = read_case(repo / row["file"])
        as_of = row["as_of"] if isinstance(row["as_of"], dt.date) else dt.date.fromisoformat(str(row["as_of"]))
        result = assess_case(case, as_of)
        out.append(
            GoldenRow(
                row["id"],
                bool(row["protection_warranted"]),
                result.conclusion.protection_warranted,
                result.political.level,
                len(result.conclusion.reasons),
                row["final_decision"],
            )
        )
    return out


def rates(rows: list[GoldenRow]) -> dict[str, float | int]:
    """Sensitivity (protected cases flagged) and specificity (granted cases not flagged)."""
    positives = [r for r in rows if r.expected]
    negatives = [r for r in rows if not r.expected]
    tp = sum(r.predicted for r in positives)
    tn = sum(not r.predicted for r in negatives)
    return {
        "cases": len(rows),
        "protected": len(positives),
        "granted": len(negatives),
        "true_positive": tp,
        "true_negative": tn,
        "sensitivity": tp / len(positives) if positives else 0.0,
        "specificity": tn / len(negatives) if negatives else 0.0,
    }

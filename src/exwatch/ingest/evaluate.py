"""Scoring extraction against hand annotations: precision, recall and F1 per field.

An annotation file (YAML) names a document under the shared directory and lists what a careful
reader finds in it: the subject's names, the states in their roles, the events with their dates,
the requests with their issuers, the charges and the profile facts. :func:`score` compares them
with what :func:`~exwatch.ingest.api.ingest_bytes` proposes, field by field.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from exwatch.ingest.api import ingest_bytes
from exwatch.ingest.model import IngestResult
from exwatch.ingest.names import name_key

FIELDS = ("names", "roles", "events", "requests", "charges", "facts")
HEADER_RULE = "====="


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[Any], expected: set[Any]) -> None:
        self.tp += len(predicted & expected)
        self.fp += len(predicted - expected)
        self.fn += len(expected - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocumentScore:
    """One annotated document: its split (dev or heldout), per-field sets and timing."""

    name: str
    split: str
    predicted: dict[str, set[Any]]
    expected: dict[str, set[Any]]
    seconds: float
    characters: int
    missing: list[str] = field(default_factory=list)


def strip_header(text: str) -> str:
    """The corpus files carry a header stating the outcome above a ``=====`` line: never feed it in."""
    if HEADER_RULE not in text[:5000]:
        return text
    after = text.split(HEADER_RULE, 1)[1]
    return after.split("\n", 1)[1] if "\n" in after else ""


def predicted_sets(result: IngestResult, min_confidence: float = 0.0) -> dict[str, set[Any]]:
    """The comparable content of a result's proposals, per field."""
    out: dict[str, set[Any]] = {f: set() for f in FIELDS}
    for p in result.proposals:
        if p.confidence < min_confidence:
            continue
        v = p.value
        if p.kind == "name":
            out["names"].add(name_key(v["name"]))
        elif p.kind == "state_role":
            out["roles"].update((v["state"], role) for role in v["roles"])
        elif p.kind == "event":
            out["events"].add((v["action"], v["date"]))
        elif p.kind == "request":
            out["requests"].add((v["kind"], v.get("issuer")))
        elif p.kind == "charge":
            out["charges"].add(v["charge"])
        elif p.kind == "fact":
            out["facts"].add(v["kind"])
    return out


def expected_sets(annotation: dict[str, Any]) -> dict[str, set[Any]]:
    """The comparable content of one annotation file, per field."""
    return {
        "names": {name_key(n) for n in annotation.get("names") or []},
        "roles": {(r["state"], r["role"]) for r in annotation.get("roles") or []},
        "events": {(e["action"], str(e["date"])) for e in annotation.get("events") or []},
        "requests": {(r["kind"], r.get("issuer")) for r in annotation.get("requests") or []},
        "charges": set(annotation.get("charges") or []),
        "facts": set(annotation.get("facts") or []),
    }


def score(annotations: Iterable[Path], shared: Path, min_confidence: float = 0.0) -> list[DocumentScore]:
    """Ingest each annotated document from ``shared`` and compare; missing documents are listed, not fatal."""
    scores: list[DocumentScore] = []
    for path in sorted(annotations):
        annotation: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        document = shared / annotation["document"]
        if not document.is_file():
            scores.append(DocumentScore(path.stem, annotation["split"], {}, {}, 0.0, 0, [str(document)]))
            continue
        text = strip_header(document.read_text(encoding="utf-8"))
        started = time.perf_counter()
        date = annotation.get("document_date")
        result = ingest_bytes(text.encode("utf-8"), document.name, str(date) if date else None)
        elapsed = time.perf_counter() - started
        predicted = predicted_sets(result, min_confidence)
        scores.append(
            DocumentScore(path.stem, annotation["split"], predicted, expected_sets(annotation), elapsed, len(text))
        )
    return scores


def totals(scores: Iterable[DocumentScore]) -> dict[str, Counts]:
    """Micro-averaged counts per field over ``scores``."""
    counts = {f: Counts() for f in FIELDS}
    for s in scores:
        if s.missing:
            continue
        for f in FIELDS:
            counts[f].add(s.predicted[f], s.expected[f])
    return counts

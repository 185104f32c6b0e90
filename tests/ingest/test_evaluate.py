"""The evaluation arithmetic and annotation files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from exwatch.ingest.evaluate import FIELDS, Counts, expected_sets, strip_header

ANNOTATIONS = sorted((Path(__file__).parent / "annotations").glob("*.yaml"))


def test_counts() -> None:
    counts = Counts()
    counts.add({1, 2, 3}, {2, 3, 4, 5})
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 2)
    assert counts.precision == pytest.approx(2 / 3)
    assert counts.recall == pytest.approx(0.5)
    assert counts.f1 == pytest.approx(4 / 7)


def test_strip_header() -> None:
    assert strip_header("HUDOC CONCLUSION: violation\n=======\n5. The applicant") == "5. The applicant"
    assert strip_header("no header here") == "no header here"


def test_annotations_are_well_formed() -> None:
    assert len(ANNOTATIONS) >= 9
    splits = {yaml.safe_load(p.read_text(encoding="utf-8"))["split"] for p in ANNOTATIONS}
    assert splits == {"dev", "heldout"}
    for path in ANNOTATIONS:
        sets = expected_sets(yaml.safe_load(path.read_text(encoding="utf-8")))
        assert set(sets) == set(FIELDS)

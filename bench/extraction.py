"""Extraction quality per field on the annotated corpus: precision, recall, F1, dev vs held-out.

Run: .venv/bin/python bench/extraction.py [--min-confidence 0.6] [--verbose]
The documents are read from the shared directory (EXWATCH_SHARED_DIR, default ../shared next to the
repository); the annotations live in tests/ingest/annotations. The rules were developed on the
documents marked ``split: dev``; the ``heldout`` ones were annotated and scored without tuning.
"""

from __future__ import annotations

import argparse
import os
import sys
import warnings
from pathlib import Path

warnings.filterwarnings("ignore")

from exwatch.ingest.evaluate import FIELDS, score, totals  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PAGE_CHARS = 3000  # a dense court page; used only to report throughput in pages per second


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms per document")
    args = parser.parse_args()
    shared = Path(os.environ.get("EXWATCH_SHARED_DIR", REPO.parent / "shared"))
    if not shared.is_dir():
        print(f"skipped: the shared directory {shared} is absent (set EXWATCH_SHARED_DIR)")
        return 0
    scores = score((REPO / "tests" / "ingest" / "annotations").glob("*.yaml"), shared, args.min_confidence)
    for s in scores:
        if s.missing:
            print(f"skipped {s.name}: {', '.join(s.missing)} not found")
        elif args.verbose:
            print(f"\n== {s.name} ({s.split})")
            for f in FIELDS:
                missed = s.expected[f] - s.predicted[f]
                extra = s.predicted[f] - s.expected[f]
                if missed or extra:
                    print(
                        f"  {f}: missed {sorted(map(str, missed))}\n  {' ' * len(f)}  extra {sorted(map(str, extra))}"
                    )
    print(f"\n{'field':<9} " + "  ".join(f"{split:^20}" for split in ("dev", "held-out", "all")))
    print(f"{'':<9} " + "  ".join(f"{'P':>6}{'R':>7}{'F1':>7}" for _ in range(3)))
    groups = {
        "dev": totals(s for s in scores if s.split == "dev"),
        "held-out": totals(s for s in scores if s.split == "heldout"),
        "all": totals(scores),
    }
    for f in FIELDS:
        cells = [groups[g][f] for g in ("dev", "held-out", "all")]
        print(f"{f:<9} " + "  ".join(f"{c.precision:6.2f}{c.recall:7.2f}{c.f1:7.2f}" for c in cells))
    done = [s for s in scores if not s.missing]
    chars = sum(s.characters for s in done)
    seconds = sum(s.seconds for s in done)
    print(f"\n{len(done)} documents, {chars / PAGE_CHARS:.0f} pages of {PAGE_CHARS} characters in {seconds:.2f} s: "
          f"{chars / PAGE_CHARS / seconds:.0f} pages/s (first document includes loading the gazetteers)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The assessment on real ECtHR removal cases it was not written from, against the Court's finding.

Run (after ``bench/removal_dataset.py``; see its description for the source):

    .venv/bin/python -m bench.removal_eval --git-dir PATH/TO/lilf4p+hlt-project/repo --split development
    .venv/bin/python -m bench.removal_eval --git-dir ... --split test        # the figure to report

For each case of the split: the judgment's facts (the dataset's TEXT) are ingested into a new case in a throwaway
SQLite store, every complete proposal is accepted as a hurried reviewer would, and the case is assessed as of the
end of the year before the judgment. ``protection_warranted`` is compared with the Court's finding that removal
would (violation) or would not (no violation) breach Art. 3. The baseline is a country score alone: protection
when the destination's worst Political Terror Scale score that year is 3 or more (``../shared/data/pts``).
Tune on the development split only; report the test split.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import os
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

warnings.filterwarnings("ignore")

from bench.removal_dataset import OUT, read_blobs  # noqa: E402
from exwatch.assess.assessment import assess_case  # noqa: E402
from exwatch.errors import ExwatchError  # noqa: E402
from exwatch.logic import cases  # noqa: E402
from exwatch.logic.documents import ingest  # noqa: E402
from exwatch.logic.review import accept_all  # noqa: E402
from exwatch.model.countries import resolve_country  # noqa: E402
from exwatch.store.db import open_database  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("EXWATCH_SHARED_DIR", REPO.parent / "shared"))


def wilson(hits: int, total: int) -> str:
    """The share with its 95 % Wilson interval."""
    if total == 0:
        return "n/a"
    p, z = hits / total, 1.96
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return f"{p:.2f} [{max(0.0, centre - half):.2f}, {min(1.0, centre + half):.2f}] ({hits}/{total})"


def pts_scores() -> dict[tuple[str, int], int]:
    """(ISO alpha-3, year) → the worst of the three PTS scores."""
    path = SHARED / "data" / "pts" / "PTS-2024.csv"
    scores: dict[tuple[str, int], int] = {}
    if not path.exists():
        return scores
    with path.open(encoding="latin-1") as handle:  # the PTS file is Latin-1 (Cura\xe7ao, C\xf4te d.Ivoire)
        for row in csv.DictReader(handle):
            values = [int(row[k]) for k in ("PTS_A", "PTS_H", "PTS_S") if row[k].isdigit()]
            if values:
                scores[(row["WordBank_Code_A"], int(row["Year"]))] = max(values)
    return scores


def _alpha3(name: str | None) -> tuple[str, str] | None:
    if not name:
        return None
    first = name.split(" or ")[0].removeprefix("the ").strip()
    try:
        code = resolve_country(first)
    except ExwatchError:
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=code)
    return (code, country.alpha_3) if country else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--git-dir", type=Path, required=True)
    parser.add_argument("--split", choices=("development", "test"), default="development")
    args = parser.parse_args()
    rows = [json.loads(line) for line in OUT.read_text(encoding="utf-8").splitlines() if line]
    rows = [r for r in rows if r["split"] == args.split]
    paths = {r["source"]["path"]: r for r in rows}
    listing = {path: blob for blob, path in _blobs_for(args.git_dir, list(paths))}
    texts = read_blobs(args.git_dir, [listing[p] for p in paths])
    pts = pts_scores()
    work = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{work / 'eval.sqlite3'}")
    results = []
    started = time.perf_counter()
    for row, content in zip(paths.values(), texts, strict=True):
        item = json.loads(content)
        doc = work / f"{row['id']}.txt"
        doc.write_text("\n\n".join(item["TEXT"]), encoding="utf-8")
        with db.transaction() as session:
            filed = ingest(session, [doc], None, True)
            accept_all(session, filed.case_id)
            case = cases.export_case(session, filed.case_id)
        day = dt.date(int(row["year"]) - 1, 12, 31)
        assessment = assess_case(case, day)
        warranted = assessment.conclusion.protection_warranted
        unsure = assessment.conclusion.insufficient_information
        strength = "insufficient" if unsure else assessment.conclusion.strength
        destination = _alpha3(row["destination"]) or next(
            ((d.state, _alpha3(d.state)[1] if _alpha3(d.state) else "") for d in assessment.destinations), None
        )
        score = pts.get((destination[1], day.year)) if destination else None
        baseline = score is not None and score >= 3
        results.append((row, row["label"] == "violation", warranted, baseline, destination, score, unsure, strength))
    elapsed = time.perf_counter() - started
    db.close()
    print(f"{'case':<12} {'court':<12} {'assessment':<11} {'PTS>=3':<7} destination")
    for row, expected, got, base, dest, score, unsure, _strength in results:
        answer = "protect" if got else "unknown" if unsure else "-"
        print(
            f"{row['id']:<12} {('violation' if expected else 'no'):<12} {answer:<11} "
            f"{('protect' if base else '-'):<7} {dest[0] if dest else '?'} (PTS {score}) {row['name'][:40]}"
        )
    _figures(f"the {args.split} split", results)
    decided = [r for r in results if r[0]["label_basis"] != "inadmissible"]
    _figures(f"the {args.split} split without the inadmissibility decisions", decided)
    unsure = [r for r in results if r[6]]
    print(
        f"\n'insufficient information' (counted above as not protected): {len(unsure)} of {len(results)} "
        f"({sum(r[1] for r in unsure)} of them violations)"
    )
    print("\ncalibration: of the cases given each strength, how many the Court found a violation in")
    for level in ("strong", "arguable", "weak", "insufficient"):
        group = [r for r in results if r[7] == level]
        print(f"  {level:<13} {sum(r[1] for r in group)}/{len(group)}")
    print(f"\n{elapsed:.1f} s")


def _figures(part: str, results: list[Any]) -> None:
    """Sensitivity and specificity (Wilson 95 % intervals) and the confusion table, for the assessment and for
    the baseline, on ``results``."""
    for name, index in (("assessment", 2), ("PTS >= 3 alone", 3)):
        pos = [r for r in results if r[1]]
        neg = [r for r in results if not r[1]]
        tp, tn = sum(r[index] for r in pos), sum(not r[index] for r in neg)
        print(
            f"\n{name} on {part} ({len(results)} cases): sensitivity {wilson(tp, len(pos))}, "
            f"specificity {wilson(tn, len(neg))}"
        )
        print(
            f"  confusion: violation→protect {tp}, violation→not {len(pos) - tp}, "
            f"no violation→protect {len(neg) - tn}, no violation→not {tn}"
        )


def _blobs_for(git_dir: Path, wanted: list[str]) -> list[tuple[str, str]]:
    from bench.removal_dataset import blobs

    keep = set(wanted)
    return [(blob, path) for blob, path in blobs(git_dir) if path in keep]


if __name__ == "__main__":
    main()

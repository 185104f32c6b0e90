"""Benchmark of the assessment (issue 4): one case, 10,000 cases in one run, and path search alone.

Run: .venv/bin/python bench/assess.py [--cases 10000]
Prints a table of medians and totals. One process, so one core. Targets: one assessment ≤ 20 ms median;
10,000 cases in one run; path search over all states and links as of any date within the same budget.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
import warnings
from collections.abc import Callable
from pathlib import Path

warnings.filterwarnings("ignore")

from exwatch.assess.assessment import assess_case  # noqa: E402
from exwatch.assess.onward import paths  # noqa: E402
from exwatch.kb.stats import REQUESTING_STATES  # noqa: E402
from exwatch.logic.example import example_case  # noqa: E402
from exwatch.logic.files import read_case  # noqa: E402
from exwatch.model.case import CaseFile  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def _timed(func: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _cases() -> list[CaseFile]:
    found = [example_case()]  # plus the golden cases, each parsed once
    found += [read_case(p) for p in sorted((REPO / "tests" / "golden" / "cases").glob("*.yaml"))]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    rng = random.Random(2026)
    seed_day = dt.date(2015, 5, 25)
    rows: list[tuple[str, str, str]] = []

    seed = example_case()  # parsed once: the benchmark measures the assessment, not YAML parsing
    start = time.perf_counter()
    assess_case(seed, seed_day)
    rows.append(
        (
            "first assessment (loads knowledge, evidence, rules)",
            f"{(time.perf_counter() - start) * 1000:.0f} ms",
            "1 run",
        )
    )

    one = _timed(lambda: assess_case(seed, seed_day), 200)
    rows.append(("seed case, same day (median)", f"{statistics.median(one):.1f} ms", f"p95 {sorted(one)[189]:.1f} ms"))

    days = [dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(0, 27 * 365)) for _ in range(200)]
    varied = [0.0] * len(days)
    for i, day in enumerate(days):
        t0 = time.perf_counter()
        assess_case(seed, day)
        varied[i] = (time.perf_counter() - t0) * 1000
    rows.append(
        (
            "seed case, 200 random days 2000-2026 (median)",
            f"{statistics.median(varied):.1f} ms",
            f"p95 {sorted(varied)[189]:.1f} ms",
        )
    )

    corpus = _cases()
    per_case = []
    t_all = time.perf_counter()
    for i in range(args.cases):
        case = corpus[i % len(corpus)]
        day = days[i % len(days)] if i % 2 else dt.date(2026, 11, 29)
        t0 = time.perf_counter()
        assess_case(case, day)
        per_case.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - t_all
    rows.append(
        (
            f"{args.cases:,} cases ({len(corpus)} distinct files, half today, half random days)",
            f"{total:.1f} s total",
            f"median {statistics.median(per_case):.1f} ms",
        )
    )

    everyone = list(REQUESTING_STATES)
    search = []
    for day in days:
        t0 = time.perf_counter()
        paths(everyone, lambda s: "high" if s in ("KZ", "TJ", "UZ") else None, {"FR"}, day)
        search.append((time.perf_counter() - t0) * 1000)
    rows.append(
        (
            "path search from 19 requesting states, 200 random days (median)",
            f"{statistics.median(search):.1f} ms",
            f"p95 {sorted(search)[189]:.1f} ms",
        )
    )

    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'result':>14}  detail")
    for name, value, detail in rows:
        print(f"{name:<{width}}  {value:>14}  {detail}")


if __name__ == "__main__":
    main()

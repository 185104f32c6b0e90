"""Sensitivity and specificity of ``protection_warranted`` on the golden table of real cases.

Run: .venv/bin/python bench/golden.py
Each case file holds only what was known before the final decision; its outcome is the final authority's.
"""

from __future__ import annotations

import warnings
from pathlib import Path

warnings.filterwarnings("ignore")

from exwatch.assess.golden import rates, run_golden  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    rows = run_golden(REPO / "tests" / "golden" / "outcomes.yaml", REPO)
    width = max(len(r.id) for r in rows)
    print(f"{'case':<{width}}  expected  assessed  political  agree")
    for r in rows:
        agree = "yes" if r.expected == r.predicted else "NO"
        print(f"{r.id:<{width}}  {r.expected!s:<8}  {r.predicted!s:<8}  {r.political:<9}  {agree}")
    figures = rates(rows)
    print(f"\n{figures['cases']} cases: {figures['protected']} protected, {figures['granted']} granted")
    print(
        f"sensitivity {figures['sensitivity']:.2f} ({figures['true_positive']}/{figures['protected']}), "
        f"specificity {figures['specificity']:.2f} ({figures['true_negative']}/{figures['granted']})"
    )


if __name__ == "__main__":
    main()

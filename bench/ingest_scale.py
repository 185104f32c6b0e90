"""Ingestion time against text size: extraction must stay linear (issue 16: a 5 MB attachment once took minutes).

Run: .venv/bin/python bench/ingest_scale.py   — prints seconds and microseconds per character for 0.5, 1, 2.5
and 5 MB of text dense with dates, states and bodies; the last column should stay flat.
"""

from __future__ import annotations

import time

from exwatch.ingest.api import ingest_bytes

UNIT = (
    "On 3 February 2021 Russia requested his extradition from France; the Cour d'appel de Lyon heard him and "
    "Kazakhstan acted in concert with Ukraine. "
)


def main() -> None:
    ingest_bytes(b"Russia 2021", "warm-up.txt")  # loads gazetteers and procedure models once
    print(f"{'characters':>12} {'seconds':>8} {'us/char':>8}")
    for size in (500_000, 1_000_000, 2_500_000, 5_000_000):
        text = (UNIT * (size // len(UNIT) + 1))[:size]
        started = time.perf_counter()
        ingest_bytes(text.encode("utf-8"), "large.txt")
        elapsed = time.perf_counter() - started
        print(f"{size:>12,} {elapsed:>8.1f} {elapsed / size * 1e6:>8.2f}")


if __name__ == "__main__":
    main()

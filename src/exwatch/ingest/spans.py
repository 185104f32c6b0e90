"""Non-overlapping text spans, checked in logarithmic time.

Finders (dates, bodies) keep the first reading of each stretch of text and drop later ones that overlap it.
Checking every kept span for each candidate is quadratic: a 5 MB attachment took minutes. The kept spans never
overlap one another, so sorted starts and a binary search find the only two neighbours a candidate can touch.
"""

from __future__ import annotations

import bisect


class Spans:
    """A set of non-overlapping half-open spans ``[start, end)``."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._starts, start)
        before = i > 0 and self._ends[i - 1] > start  # the span starting at or before ``start``
        after = i < len(self._starts) and self._starts[i] < end  # the next span, if it starts inside
        return before or after

    def add(self, start: int, end: int) -> bool:
        """Keep ``[start, end)`` unless it overlaps a kept span; says whether it was kept."""
        if self.overlaps(start, end):
            return False
        i = bisect.bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)
        return True

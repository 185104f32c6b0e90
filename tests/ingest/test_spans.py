"""Kept spans never overlap; a candidate touching any kept span is refused, one beside them is kept."""

from __future__ import annotations

import pytest

from exwatch.ingest.spans import Spans

# id, spans offered in order, which were kept
CASES = [
    ("disjoint", [(0, 5), (10, 15), (5, 10)], [True, True, True]),
    ("inside", [(0, 10), (2, 3)], [True, False]),
    ("covering", [(4, 6), (0, 10)], [True, False]),
    ("left-edge-overlap", [(5, 10), (3, 6)], [True, False]),
    ("right-edge-overlap", [(5, 10), (9, 12)], [True, False]),
    ("touching-is-not-overlap", [(5, 10), (10, 12), (0, 5)], [True, True, True]),
    ("same-start", [(5, 10), (5, 6)], [True, False]),
    ("out-of-order", [(50, 60), (10, 20), (30, 40), (15, 35), (20, 30)], [True, True, True, False, True]),
]


@pytest.mark.parametrize(("offered", "kept"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_spans(offered: list[tuple[int, int]], kept: list[bool]) -> None:
    spans = Spans()
    assert [spans.add(start, end) for start, end in offered] == kept

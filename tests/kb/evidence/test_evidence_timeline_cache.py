"""``levels_on`` reuses one computation per period between change days: it must give what the rules give."""

from __future__ import annotations

import datetime as dt
import random

from exwatch.kb.evidence.loader import load_evidence
from exwatch.kb.evidence.rules import risk_levels
from exwatch.kb.evidence.timeline import _shipped_change_days, levels_on


def _days(state: str, rng: random.Random) -> list[dt.date]:
    """Each change day, the day before it, and random days from 1990 to 2030."""
    changes = _shipped_change_days(state)
    near = [d for c in changes for d in (c, c - dt.timedelta(days=1)) if dt.date(1950, 1, 1) < d < dt.date(2100, 1, 1)]
    start = dt.date(1990, 1, 1).toordinal()
    return near + [dt.date.fromordinal(start + rng.randrange(40 * 365)) for _ in range(40)]


def test_levels_on_any_day_are_the_rules_levels_on_that_day() -> None:
    rng = random.Random(7)
    states = sorted({r.state for r in load_evidence().all()})
    assert len(states) > 20
    for state in states:
        for day in _days(state, rng):
            assert levels_on(state, day) == risk_levels(state, day), (state, day)

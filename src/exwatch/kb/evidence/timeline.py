"""Risk per state over time: the days on which a level changes, and the findings that changed it.

A level can change only on a day a finding becomes known or a day one goes stale, so the
timeline evaluates :func:`~exwatch.kb.evidence.rules.risk_levels` on those days alone.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from exwatch.kb.evidence.models import Evidence
from exwatch.kb.evidence.rulebook import Level, RuleBook, load_rules
from exwatch.kb.evidence.rules import ASPECTS, AspectLevel, RiskAssessment, expires_on, known_from, risk_levels


@dataclass(frozen=True)
class LevelChange:
    """On ``date`` the ``aspect`` level (for ``group``, or overall when None) went from ``before`` to ``after``."""

    date: dt.date
    aspect: str
    group: str | None
    before: Level | None  # None for the level already in force on the first day
    after: Level
    added: tuple[str, ...]  # findings that began to count that day
    removed: tuple[str, ...]  # findings that stopped counting (stale or superseded)


def _change_days(records: Iterable[Evidence], start: dt.date, end: dt.date, book: RuleBook) -> list[dt.date]:
    days: set[dt.date] = set()
    for rec in records:
        for day in (known_from(rec), expires_on(rec, book)):
            if start < day <= end:
                days.add(day)
    return sorted(days)


def _pick(assessment: RiskAssessment, aspect: str, group: str | None) -> AspectLevel:
    if group is None:
        return assessment.torture if aspect == "torture" else assessment.fair_trial
    return assessment.by_group[aspect][group]


def levels_over_time(
    state: str,
    start: dt.date,
    end: dt.date,
    evidence: Iterable[Evidence] | None = None,
    group: str | None = None,
    rules: RuleBook | None = None,
) -> list[LevelChange]:
    """The level in force on ``start`` and every later change up to ``end``, for torture and fair trial."""
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    if evidence is None:
        from exwatch.kb.evidence.loader import load_evidence

        evidence = load_evidence().of_state(state)
    book = rules or load_rules()
    records = [r for r in evidence if r.state == state]
    changes: list[LevelChange] = []
    previous = risk_levels(state, start, records, book)
    for aspect in ASPECTS:
        first = _pick(previous, aspect, group)
        changes.append(LevelChange(start, aspect, group, None, first.level, first.evidence, ()))
    for day in _change_days(records, start, end, book):
        current = risk_levels(state, day, records, book)
        for aspect in ASPECTS:
            old, new = _pick(previous, aspect, group), _pick(current, aspect, group)
            if old.level != new.level:
                added = tuple(i for i in new.evidence if i not in old.evidence)
                removed = tuple(i for i in old.evidence if i not in new.evidence)
                changes.append(LevelChange(day, aspect, group, old.level, new.level, added, removed))
        previous = current
    return changes


@lru_cache(maxsize=256)
def _shipped_change_days(state: str) -> tuple[dt.date, ...]:
    from exwatch.kb.evidence.loader import load_evidence

    return tuple(_change_days(load_evidence().of_state(state), dt.date.min, dt.date.max, load_rules()))


@lru_cache(maxsize=4096)
def _levels_from(state: str, start: dt.date) -> RiskAssessment:
    return risk_levels(state, start)


def levels_on(state: str, as_of: dt.date) -> RiskAssessment:
    """:func:`risk_levels` of the shipped evidence, worked out once per period between two change days and
    reused for every day of that period (an assessment on a new day costs a lookup, not the rules again)."""
    days = _shipped_change_days(state)
    i = bisect_right(days, as_of)
    return replace(_levels_from(state, days[i - 1] if i else dt.date.min), as_of=as_of)

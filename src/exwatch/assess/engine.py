"""The generic engine: run every indicator rule, weigh the answers, give a level with its reasons.

Nothing here knows what an indicator means: the rules decide, the indicator file weighs. The level is
``high`` or ``elevated`` by points (thresholds in the file, each with its reason), ``low`` only when
enough indicators could be decided, and ``unknown`` otherwise; counter-indicators lower the score by
the file's discount and are always shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from exwatch.assess import political as _political  # noqa: F401  (registers the rules)
from exwatch.assess.config import IndicatorDef, indicator_config
from exwatch.assess.context import CaseView, FactRef
from exwatch.assess.rules import RULES, Outcome, describe
from exwatch.kb.models import Source

Level = Literal["high", "elevated", "low", "unknown"]


@dataclass(frozen=True)
class Finding:
    indicator: IndicatorDef
    outcome: Outcome
    as_of: dt.date

    def as_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.indicator.id,
            "name": self.indicator.name,
            "status": self.outcome.status,
            "weight": self.indicator.weight,
            "counter": self.indicator.counter,
            "facts": [fact_dict(f) for f in self.outcome.facts],
            "note": self.outcome.note,
            "sources": legal_sources(self.indicator.sources, self.as_of),
        }


def fact_dict(fact: FactRef) -> dict[str, Any]:
    return {"ref": fact.ref, "text": fact.text, "citations": [c.model_dump(exclude_none=True) for c in fact.citations]}


def legal_source(source: Source) -> dict[str, Any]:
    return source.model_dump(exclude_none=True)


def legal_sources(sources: Iterable[Source], as_of: dt.date) -> list[dict[str, Any]]:
    """The legal bases that existed on ``as_of``: a general comment, resolution or judgment of a later day is
    not cited for it, even when the rule it supports was already the law."""
    return [legal_source(s) for s in sources if s.existed_on(as_of)]


@dataclass
class PoliticalMotivation:
    level: Level
    points: int
    known_share: float
    findings: list[Finding]
    reasons: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "points": self.points,
            "known_share": round(self.known_share, 2),
            "reasons": self.reasons,
            "questions": self.questions,
            "findings": [f.as_dict() for f in self.findings],
        }


def political_motivation(view: CaseView) -> PoliticalMotivation:
    config = indicator_config()
    findings = [Finding(ind, RULES[ind.id](view), view.as_of) for ind in config.indicators]
    indicators = [f for f in findings if not f.indicator.counter]
    counters = [f for f in findings if f.indicator.counter and f.outcome.status == "met"]
    met = [f for f in indicators if f.outcome.status == "met"]
    points = sum(config.weights[f.indicator.weight].points for f in met)
    points -= config.counter_discount.points_per_counter * len(counters)
    known_share = sum(f.outcome.status != "unknown" for f in indicators) / len(indicators)

    levels = config.levels
    if points >= levels.high.min_points:
        level: Level = "high"
        why = levels.high.reason
    elif points >= levels.elevated.min_points:
        level, why = "elevated", levels.elevated.reason
    elif known_share < levels.unknown_below_known_share.share:
        level, why = "unknown", levels.unknown_below_known_share.reason
    else:
        level, why = "low", "Too few indicators are met to reach the 'elevated' threshold."
    # Strongest first: decisive (H) factors before contributory ones, then the file's order.
    order = {"H": 0, "M": 1, "L": 2}
    reasons = [
        f"{f.indicator.name} ({f.indicator.id}, weight {f.indicator.weight})"
        for f in sorted(met, key=lambda f: order[f.indicator.weight])
    ]
    reasons += [
        f"Weighed against: {f.indicator.name.removeprefix('Counter-indicator: ')} ({f.indicator.id})" for f in counters
    ]
    reasons.append(f"{points} point(s): {why}")
    questions = [f.indicator.question for f in indicators if f.outcome.status == "unknown"]
    return PoliticalMotivation(level, points, known_share, findings, reasons, questions)


def rule_list() -> list[dict[str, str]]:
    """Every indicator with its weight and the rule that decides it (for ``exwatch assess --rules``): the
    political-motivation checklist, then the torture / onward-transfer checklist asked per destination."""
    from exwatch.assess import checklist  # imported here: the checklist module builds on this one

    config = indicator_config()
    political = [
        {
            "id": ind.id,
            "name": ind.name,
            "weight": ind.weight,
            "counter": str(ind.counter).lower(),
            "rule": describe(ind.id),
            "weight_reason": config.weights[ind.weight].reason,
            "checklist": "political",
        }
        for ind in config.indicators
    ]
    return political + checklist.rule_list()

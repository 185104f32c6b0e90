"""The rule registry: one small pure function per indicator, its docstring the text users read.

A rule looks at a :class:`CaseView` and answers ``met``, ``not_met`` or ``unknown`` with the case facts
it used. ``unknown`` is an answer, not a failure: it means the facts to decide are not recorded, and the
indicator's question is put to the user. The engine that weighs the answers is in ``engine.py``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from exwatch.assess.context import CaseView, FactRef

Status = Literal["met", "not_met", "unknown"]


@dataclass(frozen=True)
class Outcome:
    status: Status
    facts: list[FactRef] = field(default_factory=list)
    note: str = ""


def met(facts: list[FactRef], note: str = "") -> Outcome:
    return Outcome("met", facts, note)


def not_met(note: str, facts: list[FactRef] | None = None) -> Outcome:
    return Outcome("not_met", facts or [], note)


def unknown(note: str) -> Outcome:
    return Outcome("unknown", [], note)


Rule = Callable[[CaseView], Outcome]
RULES: dict[str, Rule] = {}


def rule(indicator_id: str) -> Callable[[Rule], Rule]:
    """Register ``func`` as the rule deciding ``indicator_id`` (ids match ``indicators.yaml``)."""

    def register(func: Rule) -> Rule:
        if indicator_id in RULES:
            raise ValueError(f"two rules for indicator {indicator_id}")
        RULES[indicator_id] = func
        return func

    return register


def describe(indicator_id: str) -> str:
    """The rule's user-facing description (its docstring, reflowed)."""
    return " ".join((inspect.getdoc(RULES[indicator_id]) or "").split())

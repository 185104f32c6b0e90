"""The torture / onward-transfer checklist: shared parts (case view, target, registry, engine).

The rules are in :mod:`exwatch.assess.torture` (T1–T13) and :mod:`exwatch.assess.protective` (S1–S7).

Each item is a small pure function of one destination of one case on one day (a :class:`Target`); it
answers ``met``, ``not_met`` or ``unknown`` with the facts it used, as the political-motivation rules do
(:mod:`exwatch.assess.rules`). Questions, weights, terms and legal sources are in
``assess/data/torture_checklist.yaml``; each function's docstring is what ``exwatch assess --rules`` prints.

The checklist explains the destination's risk and lists what is still to be found out; it never changes
the destination's levels (:mod:`exwatch.assess.destinations`) or the conclusion. "unknown" is an answer:
the question goes to the reviewer, and a fact that is not recorded is never read as "not met".
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Literal

from exwatch.assess.config import ChecklistItem, checklist_config
from exwatch.assess.context import CaseView, FactRef
from exwatch.assess.destinations import _levels, _records
from exwatch.assess.engine import fact_dict, legal_sources
from exwatch.assess.onward import Path, practice_on
from exwatch.assess.rules import Outcome
from exwatch.kb import Link, load_knowledge, members_at
from exwatch.kb.evidence.models import Evidence
from exwatch.kb.evidence.rules import RiskAssessment
from exwatch.kb.models import Bilateral
from exwatch.logic.status import JurisdictionStatus
from exwatch.model.case import Event, Fact

RISKY = ("high", "elevated")
TermKind = Literal["penalty", "coercion", "executive"]


@dataclass
class CaseChecks:
    """What every destination's checks share: the case on the day, its onward paths and procedure."""

    view: CaseView
    onward: list[Path]
    procedure: list[JurisdictionStatus]

    @property
    def practice(self) -> tuple[Link, ...]:
        """Documented transfers outside ordinary extradition (kb links of kind practice) known by the day."""
        return practice_on(self.view.as_of)

    @cached_property
    def custodial(self) -> JurisdictionStatus | None:
        """The custodial jurisdiction whose position the procedure models can tell (the first one)."""
        for status in self.procedure:
            if status.jurisdiction in self.view.custodial and status.position and status.position.stage:
                return status
        return None

    @cached_property
    def custodial_events(self) -> list[Event]:
        return [e for e in self.view.events if e.jurisdiction in self.view.custodial]


@dataclass(frozen=True)
class Target:
    """One destination of one case, as the checklist rules see it."""

    case: CaseChecks
    state: str

    @property
    def view(self) -> CaseView:
        return self.case.view

    @property
    def persecuting(self) -> bool:
        return self.state in self.view.persecuting

    @property
    def levels(self) -> RiskAssessment:
        return _levels(self.state, self.view.as_of)

    def about_here(self, facts: Iterable[Fact]) -> list[Fact]:
        """Facts recorded for this state; unlocated facts count for the persecuting state."""
        return [f for f in facts if f.state == self.state or (f.state is None and self.persecuting)]

    def records(self, ids: Iterable[str]) -> list[Evidence]:
        wanted = set(ids)
        return [r for r in _records(self.state) if r.id in wanted]


Check = Callable[[Target], Outcome]
CHECKS: dict[str, Check] = {}


def check(item_id: str) -> Callable[[Check], Check]:
    """Register ``func`` as the rule deciding checklist item ``item_id`` (ids match the checklist file)."""

    def register(func: Check) -> Check:
        if item_id in CHECKS:
            raise ValueError(f"two rules for checklist item {item_id}")
        CHECKS[item_id] = func
        return func

    return register


def describe(item_id: str) -> str:
    return " ".join((inspect.getdoc(CHECKS[item_id]) or "").split())


def _evidence_ref(record: Evidence) -> FactRef:
    return FactRef(
        f"kb/evidence/{record.state}/{record.id}",
        f"{record.date}, {record.body}, {record.reference}: {record.finding}",
        (),
    )


def _link_ref(link: Link) -> FactRef:
    return FactRef(f"kb/links/{link.kind}/{link.basis}", f"{link.origin} → {link.destination}: {link.label}", ())


def _terms(kind: TermKind) -> list[str]:
    return [t.lower() for t in checklist_config().terms[kind]]


def _mentions(text: str, terms: list[str]) -> bool:
    low = text.lower()
    return any(term in low for term in terms)


def is_executive(body_name: str) -> bool:
    """Whether a decision-maker is the executive (a minister, the government, the head of government)."""
    return _mentions(body_name, _terms("executive"))


@lru_cache(maxsize=256)
def _members(org: str, day: dt.date) -> frozenset[str]:
    return frozenset(members_at(org, day))


@lru_cache(maxsize=1024)
def _bilateral(states: frozenset[str], others: frozenset[str]) -> tuple[Bilateral, ...]:
    """Bilateral treaty records between one of ``states`` and one of ``others``."""
    return tuple(
        b
        for b in load_knowledge().links.bilateral
        if set(b.states) & states and set(b.states) & others and not set(b.states) <= states
    )


# --- running the checklist ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckFinding:
    item: ChecklistItem
    outcome: Outcome
    as_of: dt.date

    def as_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.item.id,
            "name": self.item.name,
            "kind": self.item.kind,
            "status": self.outcome.status,
            "weight": self.item.weight,
            "facts": [fact_dict(f) for f in self.outcome.facts],
            "note": self.outcome.note,
            "sources": legal_sources(self.item.sources, self.as_of),
        }


@dataclass
class Checklist:
    state: str
    findings: list[CheckFinding] = field(default_factory=list)

    @property
    def questions(self) -> list[str]:
        return [f.item.question for f in self.findings if f.outcome.status == "unknown"]


def checklist(case: CaseChecks, state: str) -> Checklist:
    target = Target(case, state)
    findings = [CheckFinding(item, CHECKS[item.id](target), target.view.as_of) for item in checklist_config().items]
    return Checklist(state, findings)


def checklists(
    view: CaseView, states: Iterable[str], onward: list[Path], procedure: list[JurisdictionStatus]
) -> dict[str, Checklist]:
    """The checklist of every destination, sharing what the destinations have in common."""
    shared = CaseChecks(view, onward, procedure)
    return {state: checklist(shared, state) for state in states}


def rule_list() -> list[dict[str, str]]:
    """Every checklist item with its weight and the rule that decides it (for ``exwatch assess --rules``)."""
    config = checklist_config()
    return [
        {
            "id": item.id,
            "name": item.name,
            "weight": item.weight,
            "counter": str(item.kind == "counter").lower(),
            "kind": item.kind,
            "checklist": "torture",
            "question": item.question,
            "reads": "; ".join(item.reads),
            "rule": describe(item.id),
            "weight_reason": config.weights[item.weight].reason,
        }
        for item in config.items
    ]


# The rules register themselves on import; they come last because they build on the parts above.
from exwatch.assess import protective as _protective  # noqa: E402, F401
from exwatch.assess import torture as _torture  # noqa: E402, F401

"""The torture / onward-transfer checklist (T1–T13) and the protective facts (S1–S7), per destination.

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
from exwatch.assess.destinations import PROFILE_GROUPS, _levels, _records
from exwatch.assess.engine import fact_dict, legal_source
from exwatch.assess.onward import Path, practice_on
from exwatch.assess.political import POLITICAL_PROFILES
from exwatch.assess.rules import RULES, Outcome, met, not_met, unknown
from exwatch.kb import Link, load_knowledge, members_at
from exwatch.kb.evidence.models import Evidence
from exwatch.kb.evidence.rules import RiskAssessment
from exwatch.kb.models import Bilateral
from exwatch.logic.status import JurisdictionStatus, next_deadline
from exwatch.model.case import Event, Fact
from exwatch.model.dates import PartialDate
from exwatch.procedure.engine import Position
from exwatch.procedure.models import Remedy

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


# --- T: the risk in the destination -----------------------------------------------------------------


@check("T1")
def pattern(t: Target) -> Outcome:
    """Met when the destination's general torture level on the date, from the country evidence, is high or
    elevated; not met when it is low; unknown when the evidence gives no level."""
    aspect = t.levels.torture
    facts = [_evidence_ref(r) for r in t.records(aspect.evidence)]
    if aspect.level in RISKY:
        return met(facts, f"general torture level {aspect.level}")
    if aspect.level == "low":
        return not_met("general torture level low", facts)
    return unknown("no verified, current finding about torture in this state")


@check("T2")
def group_at_risk(t: Target) -> Outcome:
    """Met when the subject's profile puts them in a group (political opponents, journalists, human-rights
    defenders, religious or ethnic minorities) about which the evidence holds a current risk finding and
    whose level is high or elevated; not met when the profile places them in no such group, or the
    group's findings give a low level; unknown without a profile or without findings about the group."""
    profiles = t.view.case.subject.profiles
    groups = sorted({PROFILE_GROUPS[p] for p in profiles if p in PROFILE_GROUPS})
    if not profiles:
        return unknown("no profile of the subject is recorded")
    if not groups:
        return not_met(f"the recorded profile ({', '.join(profiles)}) places the subject in no group at risk")
    found: list[FactRef] = []
    low: list[str] = []
    for group in groups:
        aspect = t.levels.by_group["torture"][group]
        specific = [r for r in t.records(aspect.evidence) if group in r.groups]
        risk = [r for r in specific if r.direction == "risk"]
        if risk and aspect.level in RISKY:
            found.append(t.view.ref_subject(f"profile: member of {group.replace('_', ' ')}"))
            found += [_evidence_ref(r) for r in risk]
        elif specific and aspect.level == "low":
            low.append(group)
    if found:
        return met(found)
    if low and len(low) == len(groups):
        return not_met(f"current findings about {', '.join(low)} give a low level")
    return unknown(f"the evidence holds no current finding about {', '.join(g.replace('_', ' ') for g in groups)}")


@check("T3")
def past_ill_treatment(t: Target) -> Outcome:
    """Met when the subject alleges torture or ill-treatment in this state (facts of kind
    ill_treatment_alleged for the state; unlocated ones count for the persecuting state); otherwise
    unknown (no allegation recorded is not the same as none made)."""
    found = t.about_here(t.view.facts_of("ill_treatment_alleged"))
    if found:
        return met([t.view.ref_fact(f) for f in found])
    return unknown("no allegation of past ill-treatment in this state is recorded")


@check("T4")
def coaccused_tortured(t: Target) -> Outcome:
    """Met when a fact about relatives or associates pursued in this state speaks of torture, beatings or
    coerced statements (terms in the checklist file); otherwise unknown."""
    terms = _terms("coercion")
    found = [
        f for f in t.about_here(t.view.facts_of("associates_pursued", "family_targeted")) if _mentions(f.text, terms)
    ]
    if found:
        return met([t.view.ref_fact(f) for f in found])
    return unknown("nothing recorded about co-accused or witnesses coerced in this state")


@check("T5")
def political_activity(t: Target) -> Outcome:
    """Met when an opposition role is recorded against this state (facts of kind opposition_role for it;
    unlocated ones count for the persecuting state), or when this is the persecuting state and the
    subject's profile is political; not met when a profile is recorded, none of it political and no
    opposition role is recorded; otherwise unknown."""
    facts = [t.view.ref_fact(f) for f in t.about_here(t.view.facts_of("opposition_role"))]
    political = sorted(set(t.view.case.subject.profiles) & POLITICAL_PROFILES)
    if t.persecuting and political:
        facts.insert(0, t.view.ref_subject(f"profile: {', '.join(political)}"))
    if facts:
        return met(facts)
    profiles = t.view.case.subject.profiles
    if profiles and not political and not t.view.facts_of("opposition_role"):
        return not_met(f"recorded profile: {', '.join(profiles)}; no opposition role recorded")
    return unknown("no political activity concerning this state is recorded")


@check("T6")
def death_penalty(t: Target) -> Outcome:
    """Met when a charge of this state's requests, or a fact recorded for this state, speaks of the death
    penalty, execution or life imprisonment (terms in the checklist file); not met when the state is a
    member, on the date, of an organisation whose members have abolished the death penalty (EU); else
    unknown."""
    terms = _terms("penalty")
    found = [
        t.view.ref_request(r, f"charge: {c}") for r, c in t.view.charges if r.issuer == t.state and _mentions(c, terms)
    ]
    found += [t.view.ref_fact(f) for f in t.about_here(t.view.facts) if _mentions(f.text, terms)]
    if found:
        return met(found)
    config = checklist_config().abolition
    for org in config.organisations:
        if t.state in _members(org, t.view.as_of):
            return not_met(f"{t.state} is a member of {org.upper()} on {t.view.as_of}: the death penalty is abolished")
    return unknown("no charge or fact records the penalty the subject faces")


@check("T7")
def onward_transfer(t: Target) -> Outcome:
    """Met when an onward-transfer path found by the assessment starts in this state (to the persecuting
    state or another state where the subject's torture risk is high); not met when this is the persecuting
    state (the risk there is direct), or when it is a requesting state and no path of up to three hops
    exists on the recorded links; unknown when the case names no persecuting state."""
    paths = [p for p in t.case.onward if p.states[0] == t.state]
    if paths:
        facts = [
            FactRef(
                f"onward/{'-'.join(p.states)}",
                f"{' → '.join(p.states)} (risk at the end: {p.risk}): "
                + " / ".join(" or ".join(sorted({lk.label for lk in hop})) for hop in p.hops),
                (),
            )
            for p in paths
        ]
        return met(facts)
    if t.persecuting:
        return not_met("this is the persecuting state: the risk there is direct (T1–T6), not onward")
    if not t.view.persecuting:
        return unknown("no persecuting state is named: paths were searched only to high-risk states")
    if t.state in t.view.requesting:
        return not_met("no path of up to three hops to the persecuting or a high-risk state on the recorded links")
    return unknown("onward paths are searched only from requesting states")


@check("T8")
def extra_legal_transfers(t: Target) -> Outcome:
    """Met when the knowledge base documents, by the date, transfers outside ordinary extradition
    (abduction, deportation in lieu of extradition, extradition despite interim measures) from this state,
    or, when it is the persecuting state, to it; otherwise unknown (the knowledge base is not exhaustive)."""
    found = [lk for lk in t.case.practice if lk.origin == t.state or (t.persecuting and lk.destination == t.state)]
    if found:
        return met([_link_ref(lk) for lk in found])
    return unknown("no extra-legal transfer by or to this state is documented in the knowledge base")


@check("T9")
def custodial_compliance(t: Target) -> Outcome:
    """Met when the knowledge base documents a transfer from the custodial state made despite interim
    measures, or the case records a surrender after an interim measure in the custodial jurisdiction;
    otherwise unknown."""
    found = [
        _link_ref(lk) for lk in t.case.practice if lk.origin in t.view.custodial and "interim measures" in lk.label
    ]
    events = t.case.custodial_events
    measure = next((e for e in events if e.action == "interim_measure" and e.result == "indicated"), None)
    if measure is not None:
        after = PartialDate.parse(measure.date).earliest()
        found += [
            t.view.ref_event(e)
            for e in events
            if e.action == "surrender" and PartialDate.parse(e.date).latest() >= after
        ]
    if found:
        return met(found)
    if not t.view.custodial:
        return unknown("no custodial state is named in the case")
    return unknown("nothing recorded about the custodial state's compliance with interim measures")


@check("T10")
def assurances(t: Target) -> Outcome:
    """Counter-indicator. Met when assurances or conditions given by or imposed on this state are recorded
    (facts of kind assurances for the state); otherwise not met. Assurances never settle the risk by
    themselves, least of all from a state with a pattern of torture (Saadi v. Italy)."""
    found = [f for f in t.view.facts_of("assurances") if f.state == t.state]
    if not found:
        return not_met("no assurances from this state are recorded")
    note = ""
    if t.levels.torture.level in RISKY:
        note = f"given by a state whose general torture level is {t.levels.torture.level}: weigh with caution"
    return met([t.view.ref_fact(f) for f in found], note)


@check("T11")
def detention_conditions(t: Target) -> Outcome:
    """Met when a current finding about all detainees or criminal suspects in custody in this state finds a
    risk; not met when such findings exist and none finds a risk; unknown when there are none."""
    general = {"all_detainees", "criminal_suspects_in_custody"}
    records = [r for r in t.records(t.levels.torture.evidence) if general & set(r.groups)]
    risk = [r for r in records if r.direction == "risk"]
    if risk:
        return met([_evidence_ref(r) for r in risk])
    if records:
        return not_met("current findings about detention do not find a risk", [_evidence_ref(r) for r in records])
    return unknown("no current finding about detention in this state")


def _suspensive(remedies: Iterable[Remedy]) -> tuple[list[Remedy], bool]:
    """The remedies that suspend removal, and whether any remedy's effect is not recorded."""
    listed = list(remedies)
    return [r for r in listed if r.suspends_removal], any(r.suspends_removal is None for r in listed)


@check("T12")
def no_suspensive_remedy(t: Target) -> Outcome:
    """Met when, in the custodial state's procedure model, no remedy that suspends removal is open or
    pending at the current stage, or opens at a stage that may follow it; not met when one is (named) or
    the procedure has ended; unknown without a procedure position, or when a remedy's effect on removal
    is not recorded."""
    status = t.case.custodial
    pos: Position | None = status.position if status else None
    stage = pos.stage if pos else None
    if status is None or pos is None or stage is None:
        return unknown("no procedure position in the custodial state")
    ref = FactRef(f"procedure/{status.jurisdiction}/{stage.id}", f"{status.jurisdiction}: {stage.label.en}", ())
    now = [c.remedy for c in pos.remedies if c.remedy is not None and c.status in ("open", "running")]
    now += pos.available
    open_now, doubt_now = _suspensive(now)
    if open_now:
        return not_met(f"open now: {'; '.join(r.label.en for r in open_now)}", [ref])
    if stage.final:
        return not_met("the procedure has ended at this stage", [ref])
    pending, _ = _suspensive(r for s in pos.procedure.stages for r in s.remedies if r.leads_to == stage.id)
    if pending:
        return not_met(f"pending: {'; '.join(dict.fromkeys(r.label.en for r in pending))}", [ref])
    following = [s for s in pos.procedure.stages if stage.id in s.after and s.id != stage.id]
    later, doubt_later = _suspensive(r for s in following for r in s.remedies)
    if later:
        return not_met(f"opens at the next stage: {'; '.join(r.label.en for r in later)}", [ref])
    if doubt_now or doubt_later:
        return unknown("the procedure model does not say whether a remedy suspends removal")
    return met([ref], "no remedy with suspensive effect is open now or at the next stage")


@check("T13")
def relationship_signal(t: Target) -> Outcome:
    """Met when the knowledge base records a bilateral treaty between the custodial state and this state
    signed within the checklist file's window before the date; otherwise unknown (visits and dependencies
    are not in the knowledge base)."""
    window = checklist_config().treaty_window.years
    day = t.view.as_of
    start = dt.date(day.year - window, day.month, min(day.day, 28))
    found = [
        FactRef(f"kb/links/bilateral/{b.id}", f"{b.title}, signed {b.signed}", ())
        for b in _bilateral(frozenset({t.state}), frozenset(t.view.custodial))
        if b.signed is not None and start <= PartialDate.parse(b.signed).earliest() <= t.view.as_of
    ]
    if found:
        return met(found)
    return unknown("no recent treaty recorded; visits or dependencies are not in the knowledge base")


# --- S: protective facts ----------------------------------------------------------------------------


@check("S1")
def refugee_status(t: Target) -> Outcome:
    """Met when a state other than the persecuting one has granted the subject refugee status or asylum;
    not met when only refusals are recorded; else unknown (the same test as indicator P2)."""
    return RULES["P2"](t.view)


@check("S2")
def asylum_pending(t: Target) -> Outcome:
    """Met when an asylum claim in the custodial jurisdiction is recorded and no decision after it; not met
    when the claim was decided; unknown when no claim is recorded."""
    events = t.case.custodial_events
    claims = [e for e in events if e.action == "asylum_claim"]
    if not claims:
        return unknown("no asylum claim in the custodial state is recorded")
    last = claims[-1]
    decided = [
        e
        for e in events
        if e.action == "asylum_decision"
        and PartialDate.parse(e.date).latest() >= PartialDate.parse(last.date).earliest()
    ]
    if decided:
        return not_met("the claim was decided", [t.view.ref_event(e) for e in decided])
    return met([t.view.ref_event(last)])


@check("S3")
def eu_citizen(t: Target) -> Outcome:
    """Met when the custodial state is an EU member on the date and the subject is a national of another
    EU member; not met when nationalities are recorded and none qualifies (or the custodial state is not
    an EU member); unknown without a recorded nationality or custodial state."""
    nationalities = t.view.case.subject.nationalities
    if not nationalities or not t.view.custodial:
        return unknown("the subject's nationality or the custodial state is not recorded")
    eu = _members("eu", t.view.as_of)
    if not set(t.view.custodial) & eu:
        return not_met("the custodial state is not an EU member on the date")
    others = [n for n in nationalities if n in eu and n not in t.view.custodial]
    if others:
        return met([t.view.ref_subject(f"nationality: {', '.join(others)}")])
    return not_met(f"nationality: {', '.join(nationalities)}")


GRANTS = {("decree", "granted"), ("decision", "granted"), ("appeal_decided", "dismissed")}
UNDONE = {"annulment", "release", "surrender"}


@check("S4")
def removal_imminent(t: Target) -> Outcome:
    """Met when a decree or final decision granting removal is recorded in the custodial jurisdiction and
    no annulment, release or surrender after it; not met when none is recorded while a procedure position
    is known, or the grant was undone; unknown without a procedure position."""
    events = t.case.custodial_events
    grants = [e for e in events if (e.action, e.result) in GRANTS]
    if grants:
        last = grants[-1]
        after = PartialDate.parse(last.date).earliest()
        undone = [e for e in events if e.action in UNDONE and PartialDate.parse(e.date).earliest() >= after]
        if undone:
            return not_met(
                "the removal order was followed by annulment, release or surrender", [t.view.ref_event(undone[-1])]
            )
        return met([t.view.ref_event(last)])
    if t.case.custodial is None:
        return unknown("no procedure position in the custodial state")
    return not_met("no decision authorising removal is recorded yet")


@check("S5")
def clock_running(t: Target) -> Outcome:
    """Met when a time limit or remedy with a computed deadline is open or running in the custodial
    jurisdiction; not met when the position is known and none is; unknown without a position."""
    status = t.case.custodial
    if status is None or status.position is None:
        return unknown("no procedure position in the custodial state")
    deadline = next_deadline(status.position)
    stage = status.position.stage
    ref = FactRef(
        f"procedure/{status.jurisdiction}/{stage.id if stage else ''}",
        f"{status.jurisdiction}: {stage.label.en if stage else 'no stage'}",
        (),
    )
    if deadline is not None:
        return met([ref], f"next deadline {deadline}")
    return not_met("no time limit with a computed deadline runs at this stage", [ref])


@check("S6")
def executive_decides(t: Target) -> Outcome:
    """Met when the next decision-maker in the custodial jurisdiction is the executive (a minister, the
    government or the head of government; terms in the checklist file); not met when another body decides
    next; unknown without a procedure position or next decision-maker."""
    status = t.case.custodial
    stage = status.position.stage if status and status.position else None
    if status is None or stage is None or stage.next is None:
        return unknown("no next decision-maker is known in the custodial state")
    name = stage.next.name.en
    ref = FactRef(f"procedure/{status.jurisdiction}/{stage.id}", f"next decision: {name}", ())
    if _mentions(name, _terms("executive")):
        return met([ref])
    return not_met(f"next decision: {name}", [ref])


@check("S7")
def interpol_data(t: Target) -> Outcome:
    """Met when a red notice or diffusion about the subject is recorded (request or event notice_published)
    and not deleted; not met when it was deleted; unknown when none is recorded."""
    notices = [r for r in t.view.requests if r.kind in ("red_notice", "diffusion")]
    published = [e for e in t.view.events if e.action == "notice_published"]
    deleted = [e for e in t.view.events if e.action == "notice_deleted"]
    live = [r for r in notices if r.status != "deleted"]
    if deleted or (notices and not live):
        refs = [t.view.ref_event(e) for e in deleted] + [
            t.view.ref_request(r) for r in notices if r.status == "deleted"
        ]
        return not_met("the notice or diffusion was deleted", refs)
    if live or published:
        return met([t.view.ref_request(r) for r in live] + [t.view.ref_event(e) for e in published])
    return unknown("no INTERPOL notice or diffusion is recorded")


# --- knowledge-base lookups, cached ------------------------------------------------------------------


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

    def as_dict(self) -> dict[str, Any]:
        return {
            "indicator": self.item.id,
            "name": self.item.name,
            "kind": self.item.kind,
            "status": self.outcome.status,
            "weight": self.item.weight,
            "facts": [fact_dict(f) for f in self.outcome.facts],
            "note": self.outcome.note,
            "sources": [dict(s) for s in _item_sources(self.item.id)],
        }


@lru_cache(maxsize=64)
def _item_sources(item_id: str) -> tuple[dict[str, Any], ...]:
    """An item's legal sources as dicts, built once (copied on output so callers may change them)."""
    return tuple(legal_source(s) for s in checklist_config().get(item_id).sources)


@dataclass
class Checklist:
    state: str
    findings: list[CheckFinding] = field(default_factory=list)

    @property
    def questions(self) -> list[str]:
        return [f.item.question for f in self.findings if f.outcome.status == "unknown"]


def checklist(case: CaseChecks, state: str) -> Checklist:
    target = Target(case, state)
    return Checklist(state, [CheckFinding(item, CHECKS[item.id](target)) for item in checklist_config().items])


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

"""Checklist items T1–T13: the risk of torture and of onward transfer in one destination.

Each function's docstring is what ``exwatch assess --rules`` prints; the registry and engine are in
:mod:`exwatch.assess.checklist`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from exwatch.assess.checklist import (
    RISKY,
    Target,
    _bilateral,
    _evidence_ref,
    _link_ref,
    _members,
    _mentions,
    _terms,
    check,
)
from exwatch.assess.config import checklist_config
from exwatch.assess.context import FactRef
from exwatch.assess.destinations import PROFILE_GROUPS
from exwatch.assess.political import POLITICAL_PROFILES
from exwatch.assess.rules import Outcome, met, not_met, unknown
from exwatch.model.dates import PartialDate
from exwatch.procedure.engine import Position
from exwatch.procedure.models import Remedy

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
    profiles = t.view.profiles
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
    political = sorted(set(t.view.profiles) & POLITICAL_PROFILES)
    if t.persecuting and political:
        facts.insert(0, t.view.ref_subject(f"profile: {', '.join(political)}"))
    if facts:
        return met(facts)
    profiles = t.view.profiles
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

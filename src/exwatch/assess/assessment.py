"""The whole assessment of one case as of one day: the JSON contract of DESIGN.md and its parts.

Deterministic by construction: the same case, knowledge version and date give the same object (no
clock time, no unordered iteration), so ``--format json`` is byte-identical between runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from exwatch import __version__
from exwatch.assess.authorities import authority
from exwatch.assess.checklist import checklists
from exwatch.assess.context import CaseView
from exwatch.assess.destinations import RANK, Destination, destination, destinations
from exwatch.assess.engine import PoliticalMotivation, political_motivation
from exwatch.assess.onward import Path, paths
from exwatch.kb import knowledge_version
from exwatch.kb.evidence import evidence_version, load_rules
from exwatch.logic.status import JurisdictionStatus, case_status, next_deadline
from exwatch.model.case import CaseFile


@lru_cache(maxsize=1)
def assessment_version() -> str:
    """One hash over everything the assessment reads besides the case: knowledge base, country evidence,
    indicator file and procedure models."""
    digest = hashlib.sha256()
    digest.update(knowledge_version().encode() + evidence_version().encode() + load_rules().digest.encode())
    for package in ("exwatch.assess.data", "exwatch.procedure.data"):
        for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass
class Conclusion:
    protection_warranted: bool
    reasons: list[str]
    weighed_against: list[str]
    strength: str = "weak"  # strong | arguable | weak: how strongly the record supports protection
    missing: list[str] = field(default_factory=list)  # decisive facts unknown: insufficient information when any

    @property
    def insufficient_information(self) -> bool:
        """No bar found, but the facts the test turns on are unknown: the answer is "we cannot tell yet", not
        "no protection needed"."""
        return not self.protection_warranted and bool(self.missing)

    def as_dict(self) -> dict[str, Any]:
        return {
            "protection_warranted": self.protection_warranted,
            "strength": self.strength,
            "insufficient_information": self.insufficient_information,
            "missing": self.missing,
            "reasons": self.reasons,
            "weighed_against": self.weighed_against,
        }


@dataclass
class Assessment:
    case: CaseFile
    as_of: dt.date
    political: PoliticalMotivation
    destinations: list[Destination]
    onward: list[Path]
    procedure: list[JurisdictionStatus]
    conclusion: Conclusion

    def procedure_block(self) -> dict[str, Any]:
        """The custodial jurisdiction's position (the DESIGN contract's ``procedure``)."""
        for status in self.procedure:
            pos = status.position
            if pos is not None and pos.stage is not None:
                nxt = pos.stage.next
                return {
                    "jurisdiction": status.jurisdiction,
                    "stage": pos.stage.id,
                    "stage_label": pos.stage.label.en,
                    "next_decision_by": (nxt.name.local or nxt.name.en) if nxt else None,
                    "next_decision_by_en": nxt.name.en if nxt else None,
                    "deadline": next_deadline(pos),
                }
        return {"jurisdiction": None, "stage": None, "next_decision_by": None, "deadline": None}

    def as_dict(self) -> dict[str, Any]:
        return {
            "case": self.case.id,
            "subject": self.case.subject.primary_name,
            "as_of": self.as_of.isoformat(),
            "knowledge_version": assessment_version(),
            "exwatch_version": __version__,
            "political_motivation": self.political.as_dict(),
            "destinations": [d.as_dict() for d in self.destinations],
            "onward_transfer": [p.as_dict(self.as_of) for p in self.onward],
            "procedure": self.procedure_block(),
            "procedure_all": [s.as_dict() for s in self.procedure],
            "conclusion": self.conclusion.as_dict(),
        }


def _conclude(
    political: PoliticalMotivation,
    dests: list[Destination],
    onward: list[Path],
    persecuting: list[str],
    as_of: dt.date,
    prosecuted: bool,
) -> Conclusion:
    """Protection is warranted when any bar applies; reasons run from the absolute bars down.

    1. A high torture risk for this subject in a destination (ECHR art. 3, CAT art. 3: absolute).
    2. A path on to the persecuting state or another high-risk state (CAT GC1 § 2, then GC4 § 12).
    3. A high or elevated political motivation of a request for prosecution (ETS 24 art. 3(2); national
       political-purpose bars).
    4. A high risk of a flagrantly unfair trial (ECHR art. 6, Othman v. UK).
    """
    reasons: list[str] = []
    for d in dests:
        if d.torture_for_subject == "high":
            reasons.append(
                f"Real risk of torture or ill-treatment in {d.state} for this subject (ECHR art. 3; "
                f"UN CAT art. 3): level high from {len(d.torture.evidence)} finding(s)"
                + (f" and {len(d.personal)} personal factor(s)" if d.personal else "")
            )
    chain = authority("chain_refoulement", as_of)  # the text of the day: GC1 (1997) before GC4 (2017)
    risky = [p for p in onward if RANK.get(p.risk, 0) >= RANK["high"]]
    to_persecutor = [p for p in risky if p.states[-1] in persecuting]
    for p in to_persecutor:
        bases = " / ".join(", ".join(sorted({lk.label for lk in hop})) for hop in p.hops)
        reasons.append(
            f"Onward transfer to the persecuting state: {' → '.join(p.states)} ({bases}); torture "
            f"risk there: {p.risk}" + (f" ({chain.short})" if chain else "")
        )
    others = sorted({p.states[-1] for p in risky if p not in to_persecutor})
    if others:
        reasons.append(f"Onward transfer also possible to other high-risk states: {', '.join(others)}")
    # The political-purpose bar concerns a request to surrender the person for prosecution (ETS 24 art. 3(2),
    # INTERPOL art. 3): in an expulsion or deportation there is no request whose purpose could be political, and
    # the subject's political profile counts through the torture risk instead.
    if political.level in ("high", "elevated") and prosecuted:
        reasons.append(
            f"Political motivation {political.level}: " + "; ".join(political.reasons[:3]) + " (ETS 24 art. 3(2))"
        )
    for d in dests:
        if d.fair_trial.level == "high":
            reasons.append(f"Risk of a flagrantly unfair trial in {d.state} (ECHR art. 6)")
    against = [r.removeprefix("Weighed against: ") for r in political.reasons if r.startswith("Weighed against")]
    # A requesting state whose record the evidence shows to be good weighs against a bar (the research
    # checklist's counter-indicator C4); it is shown, never used to hide a risk found elsewhere.
    requesting = [d for d in dests if "requesting" in d.roles and d.state not in persecuting]
    good = [d.state for d in requesting if d.torture_for_subject == "low" and d.fair_trial.level == "low"]
    if good:
        against.append(
            f"requesting state(s) {', '.join(good)} with a good record on the evidence: low torture and "
            "fair-trial risk (C4)"
        )
    # Strong: an absolute bar (a high torture risk for this subject, a path on to the persecuting state) or a
    # request found highly political; arguable: protection rests on an elevated political motivation or a
    # fair-trial risk alone; weak: no bar found.
    absolute = any(d.torture_for_subject == "high" for d in dests) or bool(to_persecutor)
    strength = "strong" if absolute or (prosecuted and political.level == "high") else "arguable" if reasons else "weak"
    missing = []
    if not reasons:
        missing = [
            f"the torture risk in {d.state} on the date: the knowledge base holds no country evidence for it"
            for d in dests
            if d.torture_for_subject == "unknown"
        ]
        if not dests:
            missing.append("the state the subject would be sent to: none is recorded")
    return Conclusion(bool(reasons), reasons, against, strength, missing)


def assess_case(case: CaseFile, as_of: dt.date) -> Assessment:
    view = CaseView(case, as_of)
    political = political_motivation(view)
    dests = destinations(view)
    known = {d.state: d for d in dests}

    # A state is a target when the subject's risk there is personal (CAT GC4 § 11): the persecuting
    # state whatever its level, and any state that seeks the subject or whose national the subject is,
    # when the torture risk there is high. A state's general level alone does not make it one: a
    # person sought for an ordinary crime is not at risk of being sent to every state with a poor record.
    personal = set(view.requesting) | set(view.nationalities)

    def is_target(state: str) -> str | None:
        if state not in view.persecuting and state not in personal:
            return None
        if state not in known:
            known[state] = destination(view, state)
        level = known[state].torture_for_subject
        if state in view.persecuting:
            return level
        return level if level == "high" else None

    # The persecuting state is where a path ends, never where it starts.
    origins = [s for s in view.requesting if s not in view.persecuting]
    onward = paths(origins, is_target, set(view.custodial), as_of)
    # Paths into the persecuting state first: that is the transfer the request may be a proxy for.
    onward.sort(key=lambda p: (p.states[-1] not in view.persecuting, len(p.states), p.states))
    procedure = case_status(case, as_of)
    conclusion = _conclude(political, dests, onward, view.persecuting, as_of, view.sought())
    # The checklist explains each destination and asks what is missing; it changes no level or reason.
    for dest, found in zip(dests, checklists(view, [d.state for d in dests], onward, procedure).values(), strict=True):
        dest.checklist = [f.as_dict() for f in found.findings]
        dest.questions = found.questions
    return Assessment(case, as_of, political, dests, onward, procedure, conclusion)

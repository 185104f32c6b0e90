"""Torture and fair-trial risk in each destination, for this subject, as of the assessment date.

The knowledge base gives each state's levels from dated evidence, overall and per group
(``exwatch.kb.evidence``). The assessment makes the risk personal, as UN CAT General Comment No. 4
(§ 11: "foreseeable, personal, present and real") and the ECtHR require: it takes the level for the
groups the subject belongs to, and says which personal factors are present.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from exwatch.assess.context import CaseView, FactRef
from exwatch.assess.engine import fact_dict
from exwatch.kb.evidence.loader import load_evidence
from exwatch.kb.evidence.models import Evidence
from exwatch.kb.evidence.rules import AspectLevel, RiskAssessment
from exwatch.kb.evidence.timeline import levels_on

# Subject profiles (case vocabulary) → evidence groups (knowledge base vocabulary).
PROFILE_GROUPS = {
    "opposition_politician": "political_opponents",
    "activist": "political_opponents",
    "journalist": "journalists",
    "human_rights_defender": "human_rights_defenders",
    "lawyer": "human_rights_defenders",
    "religious_minority": "religious_groups",
    "ethnic_minority": "ethnic_minorities",
    # Persons suspected or charged with terrorism or religious extremism: the country evidence records findings
    # about this group (tagged terrorism_suspects), which until now no subject could belong to. The Court asks
    # about membership of a group shown to be ill-treated, not only about the country's general level.
    "terrorism_suspect": "terrorism_suspects",
}
RANK = {"unknown": 0, "low": 1, "elevated": 2, "high": 3}


def subject_groups(view: CaseView, state: str) -> list[str]:
    """Evidence groups the subject belongs to in ``state``: the profile's, 'criminal suspects in custody' when
    that state seeks the subject for prosecution (a request or charges from it), and 'returnees' when it does
    not — the subject would be returned there, not surrendered to its prosecutors."""
    groups = {PROFILE_GROUPS[p] for p in view.profiles if p in PROFILE_GROUPS}
    groups.add("criminal_suspects_in_custody" if view.sought(state) else "returnees")
    return sorted(groups)


def personal_factors(view: CaseView, state: str) -> list[FactRef]:
    """Facts that make the risk personal in this state (CAT GC4 § 11; CAT's elements: past torture,
    political activity): it is the persecuting state, or the subject alleges past ill-treatment, was
    imprisoned, is an opponent, or had relatives or associates targeted there. In the persecuting state
    such facts count even when they name no state; elsewhere only those recorded for that state do."""
    persecuting = state in view.persecuting
    found: list[FactRef] = [view.ref_state(state)] if persecuting else []
    kinds = ("ill_treatment_alleged", "family_targeted", "associates_pursued", "opposition_role", "prior_imprisonment")
    for fact in view.facts_of(*kinds):
        if fact.state == state or (persecuting and fact.state is None):
            found.append(view.ref_fact(fact))
    if fled_from(view, state):
        found.extend(view.ref_fact(f) for f in view.facts_of("refugee_status"))
    return found


def fled_from(view: CaseView, state: str) -> bool:
    """Refugee status (from UNHCR or a state) is a finding that the subject's fear of persecution in the state
    they fled is well founded, and weighs heavily in the removal decision (MM (Iran) v. SSHD [2010] EWCA Civ 1457:
    UNHCR's recognition is given considerable weight unless there are cogent reasons not to): it counts as a
    personal factor for that state — the persecuting state, else a state of nationality, else the one state of
    removal. The state recorded on the fact (who granted it) does not matter: no state grants refuge from
    itself."""
    if view.persecuting:
        return state in view.persecuting
    if view.nationalities:
        return state in view.nationalities
    return view.removal_destinations == [state]


@dataclass
class Destination:
    state: str
    roles: list[str]
    torture: AspectLevel
    fair_trial: AspectLevel
    torture_for_subject: str
    personal: list[FactRef]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # The torture / onward-transfer checklist (assess/torture.py), filled in by the assessment once the
    # onward paths and the procedure are known: findings as dicts, and the questions left unknown.
    checklist: list[dict[str, Any]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "roles": self.roles,
            "torture_risk": self.torture_for_subject,
            "torture_risk_general": self.torture.level,
            "fair_trial_risk": self.fair_trial.level,
            "personal_factors": [fact_dict(f) for f in self.personal],
            "reasons": [r.text for r in self.torture.reasons] + [r.text for r in self.fair_trial.reasons],
            "notes": self.notes,
            "sources": self.evidence,
            "checklist": self.checklist,
            "questions": self.questions,
        }


def for_person(group: str, targeted: bool, personal: list[FactRef]) -> tuple[str, str | None]:
    """The torture risk for this subject, as the courts weigh it (NA. v. the United Kingdom §§ 114-117; CAT
    GC4 § 11): a general situation of violence or ill-treatment is rarely enough on its own; what makes the risk
    real for the person is membership of a group the evidence shows to be targeted, or personal circumstances.

    - A group of the subject's that the evidence itself shows at high risk (``targeted``): high.
    - A high general level: high with personal factors; without them 'elevated' — the general situation alone
      does not bar removal, and the personal facts are asked for.
    - An elevated level (general or the group's) with personal factors: high.
    """
    if group == "high" and targeted:
        return "high", "the evidence shows a group the subject belongs to at high risk"
    if group == "high" and not personal:
        return "elevated", (
            "high general risk, but no personal factor or targeted group recorded: the general situation alone "
            "rarely bars removal (NA. v. the United Kingdom §§ 114-117); personal circumstances are asked for"
        )
    if group == "elevated" and personal:
        return "high", "elevated risk and personal factors present: high for this subject"
    return group, None


def _levels(state: str, as_of: dt.date) -> RiskAssessment:
    """A state's levels on a day depend only on the shipped evidence and change only on a few days."""
    return levels_on(state, as_of)


@lru_cache(maxsize=256)
def _records(state: str) -> tuple[Evidence, ...]:
    return tuple(load_evidence().of_state(state))


def destination(view: CaseView, state: str) -> Destination:
    groups = subject_groups(view, state)
    levels = _levels(state, view.as_of)
    torture = levels.level_for("torture", groups)
    fair = levels.level_for("fair_trial", groups)
    personal = personal_factors(view, state)
    # A group is targeted when its level rests on findings about that group, beyond the general ones. The general
    # level itself rests on findings about detainees and criminal suspects in custody (kb GENERAL_GROUPS): for a
    # subject surrendered for prosecution that is the group they will be in (Kaboulov v. Ukraine: any criminal
    # suspect held in custody), so a high general level is targeted at them; for a person returned, it is not.
    general = set(levels.torture.evidence)
    targeted = any(
        levels.by_group["torture"][g].level == "high" and set(levels.by_group["torture"][g].evidence) - general
        for g in groups
    ) or ("criminal_suspects_in_custody" in groups and levels.torture.level == "high")
    for_subject, note = for_person(torture.level, targeted, personal)
    used = set(torture.evidence) | set(fair.evidence)
    records = [r for r in _records(state) if r.id in used]
    evidence = [
        {
            "id": r.id,
            "kind": r.kind,
            "date": str(r.date),
            "body": r.body,
            "reference": r.reference,
            "finding": r.finding,
            "sources": [
                s.model_dump(exclude_none=True, exclude={"line"}) for s in r.sources if s.existed_on(view.as_of)
            ],
        }
        for r in records
    ]
    roles = [role for r in view.case.states if r.state == state for role in r.roles]
    notes = [note] if note else []
    return Destination(state, roles, torture, fair, for_subject, personal, evidence, notes)


def destinations(view: CaseView) -> list[Destination]:
    """Every requesting state, the persecuting state and the states of removal, in that order."""
    states = list(dict.fromkeys(view.requesting + view.persecuting + view.removal_destinations))
    return [destination(view, s) for s in states]

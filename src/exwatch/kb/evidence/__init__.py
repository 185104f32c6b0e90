"""Country evidence: dated, sourced findings per state, and the torture / fair-trial risk levels
derived from them by the documented rules in ``rules.yaml``.

Layout::

    data/<ALPHA2>.yaml   the findings about one state (UN treaty bodies, special procedures,
                         ECtHR removal judgments, PACE, national courts, NGOs), each with sources
    rules.yaml           weights, windows and thresholds, each with its reason
    models.py            the record shapes          loader.py   reading files, file:line faults
    checks.py            value checks (check_evidence)
    rulebook.py          the typed rule book        rules.py    the rules and risk_levels()
    timeline.py          levels_over_time()

A finding moves a level only when one of its sources was read and marked ``verified``;
findings merely identified stay in the data (``verified: false`` with a note) so that the
research gap is visible, and are listed by ``EvidenceSet.unverified()``.

Typical use::

    from exwatch.kb.evidence import risk_levels
    assessment = risk_levels("KZ", date(2015, 5, 25))
    assessment.torture.level, assessment.torture.evidence, assessment.torture.reasons
    assessment.level_for("torture", ["political_opponents"])   # a subject's personal profile
"""

from __future__ import annotations

from exwatch.kb.evidence.checks import check_evidence
from exwatch.kb.evidence.loader import DATA_DIR, EvidenceSet, evidence_version, load_evidence, read_evidence
from exwatch.kb.evidence.models import ALL_GROUPS, GENERAL_GROUPS, EcthrJudgment, Evidence, EvidenceFile
from exwatch.kb.evidence.rulebook import RuleBook, load_rules
from exwatch.kb.evidence.rules import AspectLevel, Reason, RiskAssessment, risk_levels
from exwatch.kb.evidence.timeline import LevelChange, levels_over_time

__all__ = [
    "ALL_GROUPS",
    "DATA_DIR",
    "GENERAL_GROUPS",
    "AspectLevel",
    "EcthrJudgment",
    "Evidence",
    "EvidenceFile",
    "EvidenceSet",
    "LevelChange",
    "Reason",
    "RiskAssessment",
    "RuleBook",
    "check_evidence",
    "evidence_version",
    "levels_over_time",
    "load_evidence",
    "load_rules",
    "read_evidence",
    "risk_levels",
]

"""Typed country-evidence records: dated findings about how a state treats people.

One YAML file per state (``data/KZ.yaml``) holds that state's findings. A record says what
a body found (``finding``, in our own words), what it bears on (torture, fair trial), in
which direction (risk, no risk, mixed), about whom (``groups``) and how general it is
(``strength``). Whether it may move a risk level is not typed in: it follows from the
sources (at least one read and ``verified``) and from the rules in :mod:`.rules`.

The models check shape only; :mod:`.checks` judges values that need context (state codes,
dates, duplicates, ECtHR application numbers) so that one bad value does not hide the rest.
"""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field

from exwatch.kb.models import Record, Sourced

Kind = Literal[
    "cat_concluding_observations",
    "cat_follow_up",  # list of issues / follow-up letter grading earlier recommendations
    "cat_decision",  # individual complaint under CAT art. 22
    "un_hrc_views",  # individual communication under the ICCPR Optional Protocol
    "hrc_concluding_observations",  # UN Human Rights Committee periodic review
    "un_special_rapporteur",
    "un_fact_finding",  # OHCHR reports, fact-finding missions, commissions of inquiry
    "un_working_group",
    "ecthr_judgment",
    "cjeu_judgment",
    "cpt_report",
    "coe_committee_of_ministers",
    "pace_resolution",
    "national_court_refusal",
    "national_court_grant",
    "ngo_report",
]
BearsOn = Literal["torture", "fair_trial", "both", "onward_transfer"]
Direction = Literal["risk", "no_risk", "mixed"]
Strength = Literal["general_pattern", "individual_case"]
Group = Literal[
    "all_detainees",
    "criminal_suspects_in_custody",
    "political_opponents",
    "journalists",
    "human_rights_defenders",
    "religious_groups",
    "ethnic_minorities",
    "terrorism_suspects",
    "lgbt",
    "women",
    "returnees",
]
# Someone surrendered for prosecution is, by definition, a criminal suspect (or convict) in
# custody: findings about these groups apply to every subject, whatever their profile.
GENERAL_GROUPS: frozenset[str] = frozenset({"all_detainees", "criminal_suspects_in_custody"})
ALL_GROUPS: tuple[str, ...] = get_args(Group)
Conclusion = Literal[
    "violation_if_removed",  # the Court forbade a pending removal
    "violation_after_removal",  # the applicant had already been removed; Art. 3 breached by the removal
    "violation",  # a judgment on the state's own conduct (e.g. Art. 5, 6 or 18), not a removal case
    "no_violation",
    "inadmissible",
]
Aspect = Literal["substantive", "procedural", "unread"]


class EcthrJudgment(Record):
    """The identity and outcome of a Strasbourg judgment or decision."""

    applicant: str
    application: str | None = None  # "41015/04"; several joined: "28492/15, 49975/15"
    respondent: str | None = None  # the sending state in removal cases (alpha-2)
    date: str | int
    conclusion: Conclusion | None = None  # None: the outcome was not read (record must be unverified)
    article: str
    chamber: Literal["chamber", "grand_chamber", "committee", "plenary"] = "chamber"
    # Whether an Art. 3 removal violation rests on a real risk in the destination
    # (substantive) or only on the sending state's failure to examine it (procedural).
    aspect: Aspect = "substantive"


class Evidence(Sourced):
    """One dated finding about ``state``; see the module docstring for the fields."""

    id: str
    state: str
    date: str | int
    kind: Kind
    body: str
    reference: str
    finding: str
    bears_on: BearsOn
    direction: Direction | None = None  # None: the finding itself was not read (record must be unverified)
    groups: list[Group] = Field(min_length=1)
    strength: Strength
    ecthr: EcthrJudgment | None = None
    # Earlier decisions in the same proceedings that this one overturns or replaces (an appeal
    # court reversing the first instance): ids of records about the same state.
    supersedes: list[str] = Field(default_factory=list)

    @property
    def verified(self) -> bool:
        """True when at least one source was read and confirms the finding."""
        return any(source.verified for source in self.sources)


class EvidenceFile(Record):
    """The findings about one state: ``data/<ALPHA2>.yaml``."""

    version: int
    state: str
    evidence: list[Evidence] = Field(default_factory=list)

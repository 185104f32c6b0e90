"""From dated findings to a torture-risk and a fair-trial-risk level, as of a date.

Each rule is a small pure function; its docstring is the sentence shown to users when the
rule decides something. Numbers (weights, windows, thresholds) come from ``rules.yaml``.
The engine, :func:`risk_levels`, applies them in this order for each aspect and group:

1. keep findings that are usable (verified, dated on or before the date) and bear on the aspect;
2. drop stale ones (older than their window) and superseded ones (periodic reviews, reassessment);
3. a decisive finding sets the floor ('high'); otherwise points decide;
4. no finding left means 'unknown' — never 'low' by default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from exwatch.kb.evidence.models import ALL_GROUPS, GENERAL_GROUPS, Evidence
from exwatch.kb.evidence.rulebook import RANK, Decisive, Level, RuleBook, load_rules
from exwatch.model.dates import PartialDate

ASPECTS = ("torture", "fair_trial")


def bears_on(record: Evidence, aspect: str) -> bool:
    """A finding counts for the torture level if it bears on torture or both, and likewise for fair trial."""
    return record.bears_on == aspect or record.bears_on == "both"


def concerns(record: Evidence, group: str | None) -> bool:
    """Findings about all detainees or criminal suspects in custody apply to every person surrendered;
    findings about a group (political opponents, journalists...) apply only to that group's members."""
    tags = set(record.groups)
    return bool(tags & GENERAL_GROUPS) or (group is not None and group in tags)


def known_from(record: Evidence) -> dt.date:
    """A finding dated only to the month or year counts from the last day that date can mean, so that
    an assessment as of a date never relies on a document that may not have existed yet."""
    return PartialDate.parse(record.date).latest()


def is_usable(record: Evidence, as_of: dt.date) -> bool:
    """A finding counts only if at least one source was read and verified, and it is dated on or before
    the assessment date."""
    return record.verified and known_from(record) <= as_of


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def expires_on(record: Evidence, book: RuleBook) -> dt.date:
    """A finding stops counting when its window (years, by kind, in rules.yaml) has run out."""
    return _add_years(known_from(record), book.window(record.kind).years)


def is_fresh(record: Evidence, as_of: dt.date, book: RuleBook) -> bool:
    """A finding older than its window is stale: it is listed but no longer moves the level."""
    return as_of < expires_on(record, book)


def latest_periodic(records: Sequence[Evidence], book: RuleBook) -> tuple[list[Evidence], list[Evidence]]:
    """Of periodic reviews by the same body (CAT concluding observations), only the newest counts:
    a new review replaces the previous one."""
    newest: dict[tuple[str, str], Evidence] = {}
    for rec in records:
        if rec.kind in book.periodic:
            key = (rec.kind, rec.body)
            if key not in newest or known_from(rec) > known_from(newest[key]):
                newest[key] = rec
    kept = [r for r in records if r.kind not in book.periodic or newest[(r.kind, r.body)] is r]
    return kept, [r for r in records if r not in kept]


def reassessed(records: Sequence[Evidence], book: RuleBook) -> tuple[list[Evidence], list[Evidence]]:
    """A later general finding of no risk by the ECtHR about the same group replaces its earlier risk
    findings: the Court's own reassessment of the general situation prevails."""
    dropped: list[Evidence] = []
    for rec in records:
        if rec.kind not in book.reassessment_kinds or rec.direction == "no_risk":
            continue
        for later in records:
            if (
                later.kind == rec.kind
                and later.direction == "no_risk"
                and later.strength == "general_pattern"
                and known_from(later) > known_from(rec)
                and set(later.groups) & set(rec.groups)
            ):
                dropped.append(rec)
                break
    return [r for r in records if r not in dropped], dropped


def overturned(records: Sequence[Evidence]) -> tuple[list[Evidence], list[Evidence]]:
    """A later decision in the same proceedings (an appeal, a final judgment) replaces the earlier one it
    names under 'supersedes': only the last word of the courts in one case counts."""
    replaced = {old for rec in records for old in rec.supersedes}
    return [r for r in records if r.id not in replaced], [r for r in records if r.id in replaced]


def decisive_rule(record: Evidence, book: RuleBook) -> Decisive | None:
    """Some findings are enough by themselves for a level (rules.yaml 'decisive'), e.g. an ECtHR
    finding of a real risk on removal to this state."""
    if record.direction != "risk":
        return None
    for rule in book.decisive:
        if record.kind not in rule.kinds:
            continue
        if record.ecthr is not None:
            if rule.conclusions and record.ecthr.conclusion not in rule.conclusions:
                continue
            if rule.aspects and record.ecthr.aspect not in rule.aspects:
                continue
        elif rule.conclusions:
            continue
        return rule
    return None


def points(record: Evidence, book: RuleBook) -> float:
    """Each finding adds its kind's weight if it shows a risk, half if mixed; a general finding of no risk
    subtracts its weight; an individual finding of no risk subtracts nothing (it turns on one person)."""
    weight = book.weights[record.kind].points
    if record.direction is None:  # finding not read: such records are unverified and never get here
        return 0.0
    if record.direction == "risk":
        return weight
    if record.direction == "mixed":
        return weight / 2
    return -weight if record.strength == "general_pattern" else 0.0


def level_from_points(total: float, bodies: int, book: RuleBook) -> Level:
    """Points reach 'elevated' or 'high' at the thresholds in rules.yaml; 'high' also needs several bodies."""
    high, elevated = book.levels["high"], book.levels["elevated"]
    if total >= high.points and bodies >= high.min_bodies:
        return "high"
    if total >= elevated.points:
        return "elevated"
    return "low"


def low_needs_reassurance(records: Sequence[Evidence]) -> bool:
    """'low' needs at least one current general finding that the risk is absent or limited (no risk, or
    mixed); a finding about one person's case cannot show that, and risk findings too weak to reach
    'elevated' leave the level 'unknown', never 'low'."""
    return any(r.direction in ("no_risk", "mixed") and r.strength == "general_pattern" for r in records)


@dataclass(frozen=True)
class Reason:
    """Why a level is what it is: the rule, its user-facing text and the findings it used."""

    rule: str
    text: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class AspectLevel:
    """One level (torture or fair trial, for one group) and everything that produced it."""

    level: Level
    evidence: tuple[str, ...]
    reasons: tuple[Reason, ...]
    points: float = 0.0
    stale: tuple[str, ...] = ()
    superseded: tuple[str, ...] = ()
    unverified: tuple[str, ...] = ()


@dataclass(frozen=True)
class RiskAssessment:
    """Torture and fair-trial levels of one state as of a date, overall and per group."""

    state: str
    as_of: dt.date
    torture: AspectLevel
    fair_trial: AspectLevel
    by_group: dict[str, dict[str, AspectLevel]] = field(default_factory=dict)
    rules_version: str = ""

    def level_for(self, aspect: str, groups: Iterable[str] = ()) -> AspectLevel:
        """The level for a subject with this profile: the highest of the groups they belong to
        (CAT General Comment No. 4: the risk must be personal)."""
        best = self.torture if aspect == "torture" else self.fair_trial
        for group in groups:
            # A group's result already includes the general findings, so on a tie it is the fuller answer.
            candidate = self.by_group[aspect][group]
            if RANK[candidate.level] >= RANK[best.level]:
                best = candidate
        return best


def _doc(func: object) -> str:
    return " ".join((getattr(func, "__doc__", "") or "").split())


def assess_aspect(
    records: Sequence[Evidence], aspect: str, group: str | None, as_of: dt.date, book: RuleBook
) -> AspectLevel:
    """Apply the rules to one aspect for one group (None: any person surrendered)."""
    relevant = [r for r in records if bears_on(r, aspect) and concerns(r, group) and known_from(r) <= as_of]
    unverified = tuple(r.id for r in relevant if not r.verified)
    usable = [r for r in relevant if is_usable(r, as_of)]
    stale = [r for r in usable if not is_fresh(r, as_of, book)]
    fresh = [r for r in usable if r not in stale]
    fresh, old_reviews = latest_periodic(fresh, book)
    fresh, replaced = reassessed(fresh, book)
    fresh, reversed_ = overturned(fresh)
    reasons: list[Reason] = []
    if stale:
        reasons.append(Reason("stale", _doc(is_fresh), tuple(r.id for r in stale)))
    if old_reviews:
        reasons.append(Reason("periodic", _doc(latest_periodic), tuple(r.id for r in old_reviews)))
    if replaced:
        reasons.append(Reason("reassessed", _doc(reassessed), tuple(r.id for r in replaced)))
    if reversed_:
        reasons.append(Reason("overturned", _doc(overturned), tuple(r.id for r in reversed_)))
    if unverified:
        reasons.append(Reason("unverified", _doc(is_usable), unverified))
    superseded = tuple(r.id for r in [*old_reviews, *replaced, *reversed_])
    if not fresh:
        reasons.append(Reason("no-evidence", "No verified, current finding: the level is unknown, not low."))
        return AspectLevel("unknown", (), tuple(reasons), 0.0, tuple(r.id for r in stale), superseded, unverified)
    level: Level = "low"
    decisive = [(r, rule) for r in fresh if (rule := decisive_rule(r, book)) is not None]
    for rule_id in dict.fromkeys(rule.id for _, rule in decisive):
        rule = next(rl for _, rl in decisive if rl.id == rule_id)
        ids = tuple(r.id for r, rl in decisive if rl.id == rule_id)
        reasons.append(Reason(rule.id, " ".join(rule.reason.split()), ids))
        if RANK[rule.level] > RANK[level]:
            level = rule.level
    total = sum(points(r, book) for r in fresh)
    bodies = len({r.body for r in fresh if points(r, book) > 0})
    by_points = level_from_points(total, bodies, book)
    counted = tuple(r.id for r in fresh if points(r, book) != 0)
    reasons.append(
        Reason(
            "points",
            f"{_doc(points)} Total {total:g} from {bodies} bod{'y' if bodies == 1 else 'ies'}"
            f" gives '{by_points}'. {_doc(level_from_points)}",
            counted,
        )
    )
    if RANK[by_points] > RANK[level]:
        level = by_points
    if level == "low" and not low_needs_reassurance(fresh):
        level = "unknown"
        reasons.append(Reason("insufficient", _doc(low_needs_reassurance), counted))
    used = tuple(dict.fromkeys([*(r.id for r, _ in decisive), *counted, *(r.id for r in fresh)]))
    return AspectLevel(level, used, tuple(reasons), total, tuple(r.id for r in stale), superseded, unverified)


def risk_levels(
    state: str, as_of: dt.date, evidence: Iterable[Evidence] | None = None, rules: RuleBook | None = None
) -> RiskAssessment:
    """Torture and fair-trial risk of ``state`` as of ``as_of`` (shipped evidence and rules by default)."""
    if evidence is None:
        from exwatch.kb.evidence.loader import load_evidence

        evidence = load_evidence().of_state(state)
    book = rules or load_rules()
    records = [r for r in evidence if r.state == state]
    overall = {aspect: assess_aspect(records, aspect, None, as_of, book) for aspect in ASPECTS}
    groups = {
        aspect: {g: assess_aspect(records, aspect, g, as_of, book) for g in ALL_GROUPS if g not in GENERAL_GROUPS}
        for aspect in ASPECTS
    }
    for aspect in ASPECTS:
        for g in GENERAL_GROUPS:
            groups[aspect][g] = overall[aspect]
    return RiskAssessment(state, as_of, overall["torture"], overall["fair_trial"], groups, book.digest)

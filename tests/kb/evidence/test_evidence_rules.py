"""The derivation rules on synthetic findings: each test names the single fact it turns on."""

from __future__ import annotations

import datetime as dt

import pytest

from exwatch.kb.evidence import rules
from exwatch.kb.evidence.rulebook import load_rules
from exwatch.kb.evidence.rules import risk_levels

from .conftest import ecthr, make

D = dt.date


def test_no_evidence_is_unknown_never_low() -> None:
    assessment = risk_levels("ZZ", D(2020, 1, 1), [])
    assert assessment.torture.level == "unknown"
    assert assessment.fair_trial.level == "unknown"
    assert assessment.torture.reasons[-1].rule == "no-evidence"


def test_only_unverified_evidence_is_unknown() -> None:
    records = [ecthr("zz-echr", "2015-01-01", verified=False), make("zz-cat", "2015-01-01", verified=False)]
    level = risk_levels("ZZ", D(2016, 1, 1), records).torture
    assert level.level == "unknown"
    assert set(level.unverified) == {"zz-echr", "zz-cat"}
    assert level.evidence == ()


def test_unverified_row_never_changes_a_level() -> None:
    base = [make("zz-cat", "2015-01-01")]
    extra = [*base, ecthr("zz-echr-unread", "2015-06-01", verified=False)]
    before = risk_levels("ZZ", D(2016, 1, 1), base).torture
    after = risk_levels("ZZ", D(2016, 1, 1), extra).torture
    assert before.level == after.level == "elevated"
    assert "zz-echr-unread" not in after.evidence


def test_evidence_dated_after_as_of_is_ignored() -> None:
    records = [ecthr("zz-echr-2015", "2015-06-01")]
    assert risk_levels("ZZ", D(2015, 5, 31), records).torture.level == "unknown"
    on_the_day = risk_levels("ZZ", D(2015, 6, 1), records).torture
    assert on_the_day.level == "high"
    assert on_the_day.evidence == ("zz-echr-2015",)


def test_partial_date_counts_from_its_last_possible_day() -> None:
    records = [make("zz-sr-2016", "2016", "un_special_rapporteur")]
    assert risk_levels("ZZ", D(2016, 12, 30), records).torture.level == "unknown"
    assert risk_levels("ZZ", D(2016, 12, 31), records).torture.level == "elevated"


def test_ecthr_real_risk_is_high_for_ten_years_then_stale() -> None:
    records = [ecthr("zz-echr", "2010-03-01")]
    assert risk_levels("ZZ", D(2020, 2, 29), records).torture.level == "high"
    expired = risk_levels("ZZ", D(2020, 3, 1), records).torture
    assert expired.level == "unknown"
    assert expired.stale == ("zz-echr",)


def test_procedural_violation_is_not_decisive() -> None:
    records = [ecthr("zz-echr-proc", "2020-01-01", block={"aspect": "procedural"})]
    level = risk_levels("ZZ", D(2021, 1, 1), records).torture
    assert level.level == "elevated"  # 4 points from one body, not the decisive rule
    assert all(reason.rule != "ecthr-real-risk" for reason in level.reasons)


def test_high_by_points_needs_two_bodies() -> None:
    one_body = [
        make("zz-ffm-1", "2020-01-01", "un_fact_finding", body="FFM"),
        make("zz-ffm-2", "2021-01-01", "un_fact_finding", body="FFM"),
    ]
    assert risk_levels("ZZ", D(2022, 1, 1), one_body).torture.level == "elevated"
    two_bodies = [*one_body, make("zz-sr", "2021-01-01", "un_special_rapporteur", body="SR")]
    assert risk_levels("ZZ", D(2022, 1, 1), two_bodies).torture.level == "high"


def test_newer_periodic_review_replaces_older() -> None:
    records = [make("zz-co1", "2012-01-01", body="CAT"), make("zz-co2", "2016-01-01", body="CAT", direction="no_risk")]
    level = risk_levels("ZZ", D(2017, 1, 1), records).torture
    assert level.superseded == ("zz-co1",)
    assert level.level == "low"


def test_weak_risk_findings_alone_are_unknown_not_low() -> None:
    level = risk_levels("ZZ", D(2021, 1, 1), [make("zz-ngo", "2020-01-01", "ngo_report")]).torture
    assert level.level == "unknown"
    assert level.reasons[-1].rule == "insufficient"


def test_later_general_ecthr_no_risk_replaces_earlier_risk_for_that_group() -> None:
    reassessed_groups = ["ethnic_minorities", "criminal_suspects_in_custody"]
    records = [
        ecthr("zz-risk", "2015-01-01", groups=["ethnic_minorities"]),
        ecthr("zz-gc", "2020-01-01", "no_violation", groups=reassessed_groups),
    ]
    assessment = risk_levels("ZZ", D(2021, 1, 1), records)
    minority = assessment.by_group["torture"]["ethnic_minorities"]
    assert minority.superseded == ("zz-risk",)
    assert minority.level == "low"


def test_group_finding_raises_only_that_group() -> None:
    records = [ecthr("zz-opp", "2018-01-01", groups=["political_opponents"])]
    assessment = risk_levels("ZZ", D(2019, 1, 1), records)
    assert assessment.torture.level == "unknown"
    assert assessment.by_group["torture"]["political_opponents"].level == "high"
    assert assessment.by_group["torture"]["journalists"].level == "unknown"
    assert assessment.level_for("torture", ["journalists", "political_opponents"]).level == "high"
    assert assessment.level_for("torture").level == "unknown"


def test_fair_trial_and_torture_are_separate() -> None:
    records = [make("zz-court", "2019-01-01", "national_court_refusal", bears_on="fair_trial")]
    assessment = risk_levels("ZZ", D(2020, 1, 1), records)
    assert (assessment.torture.level, assessment.fair_trial.level) == ("unknown", "elevated")


def test_onward_transfer_findings_do_not_move_levels() -> None:
    records = [make("zz-transfer", "2019-01-01", "cat_decision", bears_on="onward_transfer")]
    assessment = risk_levels("ZZ", D(2020, 1, 1), records)
    assert (assessment.torture.level, assessment.fair_trial.level) == ("unknown", "unknown")


def test_individual_no_violation_subtracts_nothing() -> None:
    records = [make("zz-cat", "2019-01-01"), ecthr("zz-nv", "2019-06-01", "no_violation", strength="individual_case")]
    level = risk_levels("ZZ", D(2020, 1, 1), records).torture
    assert level.points == 3
    assert level.level == "elevated"


@pytest.mark.parametrize(
    "rule",
    [
        rules.bears_on,
        rules.concerns,
        rules.known_from,
        rules.is_usable,
        rules.expires_on,
        rules.is_fresh,
        rules.latest_periodic,
        rules.reassessed,
        rules.overturned,
        rules.decisive_rule,
        rules.points,
        rules.level_from_points,
        rules.low_needs_reassurance,
    ],
)
def test_every_rule_describes_itself(rule: object) -> None:
    doc = getattr(rule, "__doc__", None) or ""
    assert len(doc.split()) >= 8, f"{getattr(rule, '__name__', rule)} needs a user-facing docstring"


def test_rule_book_names_a_reason_for_every_number() -> None:
    book = load_rules()
    assert all(w.reason.strip() for w in book.weights.values())
    assert all(w.reason.strip() for w in book.windows.values())
    assert all(t.reason.strip() for t in book.levels.values())
    assert all(d.reason.strip() for d in book.decisive)
    assert book.window("ecthr_judgment").years == 10


def test_one_persons_no_violation_does_not_make_low() -> None:
    records = [ecthr("zz-nv", "2019-06-01", "no_violation", strength="individual_case")]
    level = risk_levels("ZZ", D(2020, 1, 1), records).torture
    assert level.level == "unknown"
    general = [ecthr("zz-gc", "2019-06-01", "no_violation", strength="general_pattern")]
    assert risk_levels("ZZ", D(2020, 1, 1), general).torture.level == "low"


def test_appeal_overturns_first_instance_in_same_case() -> None:
    first = make("zz-first", "2018-05-01", "national_court_refusal", strength="individual_case")
    appeal = make(
        "zz-appeal",
        "2018-11-01",
        "national_court_grant",
        direction="no_risk",
        strength="individual_case",
        supersedes=["zz-first"],
    )
    assert risk_levels("ZZ", D(2018, 6, 1), [first, appeal]).torture.level == "elevated"
    after = risk_levels("ZZ", D(2019, 1, 1), [first, appeal]).torture
    assert after.superseded == ("zz-first",)
    assert after.level == "unknown"

"""The golden table: real cases, only what was known before the final decision, and the final outcome.

Each row's case file is in ``tests/golden/cases`` (or the bundled example); ``bench/golden.py`` prints
the same comparison with sensitivity and specificity.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from exwatch.assess.golden import GoldenRow, rates, run_golden

REPO = Path(__file__).resolve().parents[2]
TABLE = REPO / "tests" / "golden" / "outcomes.yaml"


@cache
def _rows() -> dict[str, GoldenRow]:
    return {row.id: row for row in run_golden(TABLE, REPO)}


GRANTED = [row["id"] for row in yaml.safe_load(TABLE.read_text(encoding="utf-8")) if not row["protection_warranted"]]


@pytest.mark.parametrize("case_id", GRANTED)
def test_no_removal_the_final_authority_allowed_is_flagged(case_id: str) -> None:
    row = _rows()[case_id]
    assert not row.predicted, f"{case_id}: final decision: {row.final_decision}"


def test_protected_cases_are_flagged_from_what_was_known_before_the_decision() -> None:
    """A floor, not a target: with only what was published before each decision (issue 10), 11 of the 17
    protected cases are flagged; the others rest on facts first reported in the decision itself
    (``bench/golden.py`` prints the table). wenda-2011 left the flagged cases with the courts' test (issue 15):
    its only request is first reported after the day assessed, and without a known request for prosecution no
    political-purpose bar applies. The floor guards against losing more."""
    figures = rates(list(_rows().values()))
    assert figures["true_positive"] >= 11, figures


def test_the_table_has_both_protected_and_granted_cases() -> None:
    figures = rates(list(_rows().values()))
    assert figures["protected"] >= 10
    assert figures["granted"] >= 4


def test_a_requesting_state_with_a_good_record_is_weighed_against_a_bar() -> None:
    """Counter-indicator C4: shown in the conclusion for a request from a state the evidence rates low."""
    import datetime as dt

    from exwatch.assess.assessment import assess_case
    from exwatch.logic.files import read_case

    case = read_case(REPO / "tests" / "golden" / "cases" / "lopez-elorza-2013.yaml")
    conclusion = assess_case(case, dt.date(2017, 12, 11)).conclusion
    assert not conclusion.protection_warranted
    assert any("C4" in item and "US" in item for item in conclusion.weighed_against)

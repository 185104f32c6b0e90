"""The seed case's assessment on the day of the MEP's letter (25 May 2015): what issue 4 asks it to say."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from typing import Any

from exwatch.assess.assessment import assess_case
from exwatch.logic.example import example_case

LETTER_DAY = dt.date(2015, 5, 25)


@cache
def _seed() -> dict[str, Any]:
    return assess_case(example_case(), LETTER_DAY).as_dict()


def test_political_motivation_is_high_with_refugee_status_proxy_requests_and_pressure() -> None:
    political = _seed()["political_motivation"]
    assert political["level"] in ("high", "elevated")
    met = {f["indicator"] for f in political["findings"] if f["status"] == "met"}
    assert {"P1", "P2", "P3", "P4"} <= met
    (refugee,) = [f for f in political["findings"] if f["indicator"] == "P2"]
    assert any("refugee" in fact["text"] for fact in refugee["facts"])


def test_counter_indicators_are_shown_not_hidden() -> None:
    assert any("C1" in reason for reason in _seed()["conclusion"]["weighed_against"])


def test_kazakhstan_torture_risk_is_high_and_cites_un_cat_and_the_ecthr() -> None:
    (kz,) = [d for d in _seed()["destinations"] if d["state"] == "KZ"]
    assert kz["torture_risk"] == "high"
    references = " ".join(f"{e['body']} {e['reference']}" for e in kz["sources"])
    assert "CAT/C/KAZ" in references
    assert "Court of Human Rights" in references or "ECtHR" in references


def test_onward_paths_run_from_russia_and_ukraine_to_kazakhstan_via_minsk() -> None:
    onward = _seed()["onward_transfer"]
    by_path = {tuple(p["path"]): p for p in onward}
    for origin in ("RU", "UA"):
        path = by_path[(origin, "KZ")]
        assert any(b["basis"] == "minsk-1993" for b in path["basis"][0])
        assert all(b["sources"] for b in path["basis"][0])


def test_protection_is_warranted_and_the_procedure_is_at_the_prime_ministers_decree() -> None:
    data = _seed()
    assert data["conclusion"]["protection_warranted"] is True
    assert data["procedure"]["jurisdiction"] == "FR"
    assert data["procedure"]["stage"] == "opinion_final"
    assert data["procedure"]["next_decision_by"].startswith("Premier ministre")


def test_the_same_inputs_give_byte_identical_json() -> None:
    first = json.dumps(assess_case(example_case(), LETTER_DAY).as_dict(), sort_keys=True, ensure_ascii=False)
    second = json.dumps(assess_case(example_case(), LETTER_DAY).as_dict(), sort_keys=True, ensure_ascii=False)
    assert first == second


def test_ukraine_leaving_the_minsk_convention_changes_the_paths_today() -> None:
    """Ukraine left the Minsk Convention on 29 Dec 2023: today its path to Kazakhstan rests on other bases."""
    today = assess_case(example_case(), dt.date(2025, 1, 1)).as_dict()
    by_path = {tuple(p["path"]): p for p in today["onward_transfer"]}
    assert ("RU", "KZ") in by_path
    ua_kz = {b["basis"] for b in by_path[("UA", "KZ")]["basis"][0]} if ("UA", "KZ") in by_path else set()
    assert "minsk-1993" not in ua_kz

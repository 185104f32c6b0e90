"""Each indicator rule on small cases: met, not met and unknown are all reachable, and unknown is never
read as not met."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from exwatch.assess.context import CaseView
from exwatch.assess.engine import political_motivation
from exwatch.assess.rules import RULES, describe
from exwatch.model.case import CaseFile
from tests.factories import case_data

DAY = dt.date(2021, 1, 1)


def _view(**changes: Any) -> CaseView:
    data = case_data(**changes)
    known = {r["id"] for r in data["requests"]}
    for event in data["events"]:  # keep the base events valid when a test replaces the requests
        event["requests"] = [r for r in event.get("requests", []) if r in known]
    return CaseView(CaseFile.model_validate(data), DAY)


def _fact(kind: str, text: str = "recorded", **extra: Any) -> dict[str, Any]:
    return {"id": f"f-{kind.replace('_', '-')}", "kind": kind, "text": text, "sources": ["judgment"], **extra}


def _request(issuer: str, charges: list[str], **extra: Any) -> dict[str, Any]:
    return {
        "id": f"{issuer.lower()}-extradition",
        "kind": "extradition_request",
        "issuer": issuer,
        "charges": charges,
        "sources": ["judgment"],
        **extra,
    }


BASE_SUBJECT = case_data()["subject"]
NO_PROFILE = {**BASE_SUBJECT, "profiles": []}
CASES = [
    # id, indicator, changes to the base case, expected status
    ("p1-journalist", "P1", {}, "met"),
    ("p1-businessperson", "P1", {"subject": {**BASE_SUBJECT, "profiles": ["businessperson"]}}, "not_met"),
    ("p1-no-profile", "P1", {"subject": NO_PROFILE, "facts": []}, "unknown"),
    ("p2-refugee-elsewhere", "P2", {}, "met"),
    ("p2-refugee-in-persecuting-state-ignored", "P2", {"facts": [_fact("refugee_status", state="TJ")]}, "unknown"),
    ("p2-asylum-refused", "P2", {"facts": [_fact("asylum_refused", state="DE")]}, "not_met"),
    ("p3-own-request", "P3", {}, "not_met"),
    ("p3-proxy-no-evidence", "P3", {"requests": [_request("RU", ["fraud"])]}, "unknown"),
    (
        "p3-proxy-with-evidence",
        "P3",
        {"requests": [_request("RU", ["fraud"])], "facts": [_fact("persecuting_state_involvement")]},
        "met",
    ),
    ("p6-extremism", "P6", {}, "met"),
    ("p6-russian-extremism", "P6", {"requests": [_request("TJ", ["призывы к экстремистской деятельности"])]}, "met"),
    ("p6-fraud-only", "P6", {"requests": [_request("TJ", ["large-scale fraud"])]}, "not_met"),
    ("p6-no-charges", "P6", {"requests": [_request("TJ", [])]}, "unknown"),
    ("p8-fraud-against-journalist", "P8", {"requests": [_request("TJ", ["embezzlement"])]}, "met"),
    ("p12-two-states", "P12", {"requests": [_request("TJ", ["x"]), _request("RU", ["y"])]}, "met"),
    ("p12-one-state", "P12", {}, "not_met"),
    ("p17-desertion", "P17", {"requests": [_request("TJ", ["desertion"])]}, "met"),
    ("c3-murder", "C3", {"requests": [_request("TJ", ["murder of a police officer"])]}, "met"),
]


@pytest.mark.parametrize(("indicator", "changes", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_indicator_rules(indicator: str, changes: dict[str, Any], expected: str) -> None:
    outcome = RULES[indicator](_view(**changes))
    assert outcome.status == expected
    if expected == "met":
        assert outcome.facts, "a met indicator names the facts it used"


def test_facts_dated_after_the_as_of_day_are_not_seen() -> None:
    later = _view(facts=[_fact("refugee_status", state="DE", date="2022-03")])
    assert RULES["P2"](later).status == "unknown"


def test_a_fact_is_known_from_its_earliest_source_not_from_its_own_date() -> None:
    """A 2022 article about a 2019 recognition makes it known in 2022, unless an earlier source says it."""
    article = {"id": "article", "title": "Report of 2022", "date": "2022-02-01"}
    data = case_data()
    data["sources"].append(article)
    told_later = {**_fact("refugee_status", state="DE", date="2019"), "sources": ["article"]}
    late = _view(sources=data["sources"], facts=[told_later])
    assert RULES["P2"](late).status == "unknown"
    told_also_earlier = {**told_later, "sources": ["article", "judgment"]}
    early = _view(sources=data["sources"], facts=[told_also_earlier])
    outcome = RULES["P2"](early)
    assert outcome.status == "met"
    assert [c.source for f in outcome.facts for c in f.citations] == ["judgment"]  # the later one is not cited


def test_unknowns_become_questions_and_do_not_make_low() -> None:
    data = case_data(subject=NO_PROFILE, facts=[], requests=[], states=[], events=[])
    result = political_motivation(CaseView(CaseFile.model_validate(data), DAY))
    assert result.level == "unknown"
    assert "Is the subject an opposition politician" in " ".join(result.questions)


def test_a_counter_indicator_is_shown_and_lowers_the_score_but_does_not_hide_a_decisive_factor() -> None:
    plain = political_motivation(_view())
    countered = political_motivation(_view(facts=[*case_data()["facts"], _fact("adverse_finding")]))
    assert countered.points == plain.points - 1
    assert any("Weighed against" in r for r in countered.reasons)
    assert countered.level == plain.level


def test_every_rule_documents_itself() -> None:
    for indicator in RULES:
        assert len(describe(indicator)) > 40, indicator
